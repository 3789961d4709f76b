"""Keeping a long run's memory flat: fewer glibc malloc arenas, and freed heap handed back to the system.

glibc gives each thread that meets contention its own malloc arena (up to 8 per core), and memory freed in one
arena is not reused by the others. A Beam worker parses on several threads with spaCy, whose allocations come and
go batch by batch, so its resident memory crept up by about 45 MB per 1,000 articles, with no Python object
leaking (measured over 3,000 articles; flat with two arenas). With two arenas it stays flat, and runs no slower.
"""

from __future__ import annotations

import ctypes
import functools
import os
import threading
import time
from collections.abc import Callable

ARENAS = 2
_M_ARENA_MAX = -8  # mallopt parameter number in glibc's malloc.h
RELEASE_INTERVAL_SECONDS = 1.0

_releasing_in: int | None = None  # the process whose release thread is running (a forked child has none)
_releasing_lock = threading.Lock()


def limit_malloc_arenas(arenas: int = ARENAS) -> bool:
    """At most ``arenas`` malloc arenas in this process (from now on) and in the processes it starts
    (``MALLOC_ARENA_MAX``, which glibc reads at start-up, unless already set). False where there is no glibc."""
    os.environ.setdefault("MALLOC_ARENA_MAX", str(arenas))
    libc = _glibc()
    return bool(libc.mallopt(_M_ARENA_MAX, arenas)) if libc is not None else False


# Freed heap kept resident up to this much, for the next allocations to reuse. A parse batch frees and allocates
# again tens of MB; trimming all of it after every batch and every second made the next batch fault each page back
# in: on 300 articles in one worker, 1.07-1.24 M page faults and 4.8-6.9 s of system time against 0.13-0.26 M and
# 2.0 s untrimmed (3-5% of the run), with the same peak RSS. What a stage frees as a whole is far more than this.
TRIM_SLACK_BYTES = 32 * 2**20


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


_trim_lock = threading.Lock()
# RSS less the heap in use, right after the last trim: what the process holds besides the heap (code, the model's
# buffers, Python's own arenas) plus the little free heap a trim cannot hand back.
_resident_besides_heap: int | None = None


def resident_free_heap() -> int | None:
    """An estimate, in bytes, of the freed heap this process still holds: RSS less glibc's heap in use, less what was
    left besides the heap at the last trim. None before the first trim, or where glibc's ``mallinfo2`` is missing."""
    return _resident_free_heap(_heap_in_use())


def _resident_free_heap(in_use: int | None) -> int | None:
    if in_use is None or _resident_besides_heap is None:
        return None
    return _rss_bytes() - in_use - _resident_besides_heap


def release_free_memory(slack: int = TRIM_SLACK_BYTES) -> bool:
    """Hands the free memory at the top and in the middle of glibc's heaps back to the system (``malloc_trim``),
    once more than ``slack`` bytes of freed heap are resident (:func:`resident_free_heap`; always on the first call,
    and with ``slack=0``).

    A parse batch allocates and frees tens of MB of spaCy and annotation objects; glibc keeps what was freed for
    reuse, so without trimming a worker's resident memory stays at the high-water mark of its batches and of its
    earlier stages. Below the slack, the freed heap is what the next batch will allocate again, and handing it back
    would only make that batch fault it in again. True when it trimmed; False where there is no glibc."""
    global _resident_besides_heap
    libc = _glibc()
    if libc is None or not _trim_lock.acquire(blocking=False):  # another thread is trimming right now
        return False
    try:
        in_use = _heap_in_use()  # one reading serves both: trimming frees no heap that is in use
        free = _resident_free_heap(in_use)
        if slack > 0 and free is not None and free <= slack:
            return False
        libc.malloc_trim(0)
        _resident_besides_heap = _rss_bytes() - in_use if in_use is not None else None
        return True
    finally:
        _trim_lock.release()


def _heap_in_use() -> int | None:
    mallinfo2 = _mallinfo2()
    if mallinfo2 is None:
        return None
    info = mallinfo2()
    return info.uordblks + info.hblkhd  # allocated from the arenas, and in chunks of their own (mmap)


@functools.cache
def _mallinfo2() -> Callable[[], _MallInfo2] | None:
    mallinfo2 = getattr(_glibc(), "mallinfo2", None)  # glibc 2.33 and later
    if mallinfo2 is not None:
        mallinfo2.restype = _MallInfo2
    return mallinfo2


_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _rss_bytes() -> int:
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[1]) * _PAGE_SIZE


def keep_releasing_free_memory(interval: float = RELEASE_INTERVAL_SECONDS) -> bool:
    """Starts, once per process, a daemon thread that calls :func:`release_free_memory` every ``interval`` s.

    The stages after parsing (joins, the writers' shuffles) each decode their whole share of the articles, texts
    included, and free it at the end; glibc kept those pages, so a worker's resident memory rose stage by stage
    (by about 40 MB each at 10,000 articles, to over 600 MB at the end of the batch). Trimming between and during
    stages keeps the worker at the size of what it holds. Called from the setup of the DoFns that run in every
    worker process (reading, splitting, the writers) and by the CLI; ``malloc_trim`` releases the GIL and takes about a
    millisecond, and runs only once the freed heap exceeds a slack (:func:`release_free_memory`). False where there
    is no glibc."""
    global _releasing_in
    if _glibc() is None:
        return False
    with _releasing_lock:
        if _releasing_in != os.getpid():
            _releasing_in = os.getpid()
            threading.Thread(target=_release_every, args=(interval,), name="release-free-memory", daemon=True).start()
    return True


def _release_every(interval: float) -> None:
    while True:  # a daemon thread: it ends with the process
        time.sleep(interval)
        release_free_memory()


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None
