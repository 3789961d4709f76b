"""Tables built from the dictionaries, kept between processes.

Building the place gazetteer or the cascade's word indexes takes every worker process a second or more; the result
depends only on files that change between releases. So it is pickled into the user's cache folder under a name that
fingerprints everything it is built from: a change to any of those files builds a new one, and a file that cannot be
read is built again. ``$NEWSEVENTS_CACHE_DIR`` names another folder, ``off`` switches the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

Built = TypeVar("Built")


def cache_folder() -> Path | None:
    """Where built tables are kept: ``$NEWSEVENTS_CACHE_DIR`` (``off`` for no cache), else the user's cache
    folder (``$XDG_CACHE_HOME`` or ``~/.cache``) under ``newsevents``."""
    configured = os.environ.get("NEWSEVENTS_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "none") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsevents"


def cache_file(kind: str, sources: Iterable[bytes]) -> Path | None:
    """The cache file for a table of ``kind`` built from ``sources`` (file contents, versions), or None when the
    cache is off. The Python version and pickle protocol are part of the fingerprint too."""
    folder = cache_folder()
    if folder is None:
        return None
    fingerprint = hashlib.blake2b(digest_size=12)
    for source in sources:
        fingerprint.update(hashlib.blake2b(source, digest_size=16).digest())  # no two sources run into one another
    fingerprint.update(f"{sys.version_info[:2]} {pickle.HIGHEST_PROTOCOL}".encode())
    return folder / f"{kind}-{fingerprint.hexdigest()}.pickle"


def load_or_build(path: Path | None, build: Callable[[], Built], expected: type[Built]) -> Built:
    """The table pickled at ``path`` when it holds an ``expected``, else ``build()``, written to ``path`` for the
    next process (atomically: a process reading it meanwhile sees the old file or the whole new one)."""
    if path is not None:
        try:
            with path.open("rb") as handle:
                cached = pickle.load(handle)  # our own file, in the user's cache folder
            if isinstance(cached, expected):
                return cached
        except Exception:  # noqa: BLE001 - missing, truncated or from another version: build it again
            pass
    built = build()
    if path is not None:
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            with temporary.open("wb") as handle:
                pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
    return built
