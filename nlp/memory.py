"""Keeping a long run's memory flat: fewer glibc malloc arenas.

glibc gives each thread that meets contention its own malloc arena (up to 8 per core), and memory freed in one
arena is not reused by the others. A Beam worker parses on several threads with spaCy, whose allocations come and
go batch by batch, so its resident memory crept up by about 45 MB per 1,000 articles, with no Python object
leaking (measured over 3,000 articles; flat with two arenas). With two arenas it stays flat, and runs no slower.
"""

from __future__ import annotations

import ctypes
import os

ARENAS = 2
_M_ARENA_MAX = -8  # mallopt parameter number in glibc's malloc.h


def limit_malloc_arenas(arenas: int = ARENAS) -> bool:
    """At most ``arenas`` malloc arenas in this process (from now on) and in the processes it starts
    (``MALLOC_ARENA_MAX``, which glibc reads at start-up, unless already set). False where there is no glibc."""
    os.environ.setdefault("MALLOC_ARENA_MAX", str(arenas))
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    return bool(libc.mallopt(_M_ARENA_MAX, arenas))
