"""nlp/memory.py: the malloc arena limit the CLI and every parsing worker set."""

from __future__ import annotations

import os
import platform

import pytest

from nlp.memory import ARENAS, limit_malloc_arenas


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
