"""nlp/memory.py: the malloc arena limit the CLI and every parsing worker set, and the release of freed heap."""

from __future__ import annotations

import os
import platform
import threading

import pytest

from nlp.memory import (
    ARENAS,
    TRIM_SLACK_BYTES,
    keep_releasing_free_memory,
    limit_malloc_arenas,
    release_free_memory,
    resident_free_heap,
)


def test_the_limit_is_passed_on_to_child_processes_unless_already_set(monkeypatch):
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    limit_malloc_arenas()
    assert os.environ["MALLOC_ARENA_MAX"] == str(ARENAS)
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    limit_malloc_arenas()
    assert os.environ["MALLOC_ARENA_MAX"] == "4"  # an operator's own setting wins


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_mallopt_accepts_the_limit_on_glibc(monkeypatch):
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert limit_malloc_arenas() is True


def rss_kb() -> int:
    with open("/proc/self/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS")).split()[1])


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_freed_heap_is_handed_back_to_the_system():
    # Many small blocks (below glibc's mmap threshold, so they live on the heap) with one kept at the end,
    # so that freeing the others leaves a hole the heap cannot shrink past on its own.
    blocks = [bytearray(4000) for _ in range(25_000)]
    keep = blocks[-1]
    before = rss_kb()
    del blocks
    after_free = rss_kb()
    release_free_memory()
    after_trim = rss_kb()
    assert keep and before - after_trim > 50_000  # about 100 MB allocated, most of it back
    assert after_trim < after_free


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_one_release_thread_per_process():
    assert keep_releasing_free_memory() is True
    assert keep_releasing_free_memory() is True
    names = [thread.name for thread in threading.enumerate()]
    assert names.count("release-free-memory") == 1


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim and mallinfo2 are glibc's")
def test_freed_heap_under_the_slack_is_kept_for_reuse_and_more_is_handed_back():
    release_free_memory(slack=0)  # a trim now: what is resident besides the heap is measured afresh
    small = [bytearray(4000) for _ in range(2_000)]  # about 8 MB, under the slack
    keep_small = small[-1]
    del small
    assert release_free_memory() is False  # what the next batch would only fault in again stays
    free = resident_free_heap()
    assert free is not None and free < TRIM_SLACK_BYTES
    large = [bytearray(4000) for _ in range(25_000)]  # about 100 MB, over it
    keep_large = large[-1]
    before = rss_kb()
    del large
    assert release_free_memory() is True
    assert keep_small and keep_large and before - rss_kb() > 50_000
    assert resident_free_heap() < TRIM_SLACK_BYTES
