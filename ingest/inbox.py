"""The stream's inbox and its durable commit ledger (pure Python, local/POSIX filesystem, no Beam).

Writers drop files into an *inbox* folder by rename; the stream picks up each new file once.
What has been committed is recorded in ``OUT/_state/ledger.jsonl``, an append-only log:

* ``{"type": "intent", "commit": ID, "files": [{"temp": ..., "final": ...}], "inbox": [...],
  "articles": [...], "hashes": [...]}`` is appended (and fsynced) once every file of a window
  is fully written and fsynced under ``OUT/_tmp/stream/ID/``;
* the temporary files are then renamed to their final names (one atomic ``rename`` each);
* ``{"type": "commit", "commit": ID}`` is appended.

After a crash, :func:`recover` rolls every intent without a commit record *forward*: a
temporary file that still exists is renamed into place (a missing one was already renamed),
then the commit record is appended. A window whose intent never reached the log left only
files under ``_tmp``, which are deleted, and its inbox files are read again. So every inbox
file's rows are in the output exactly once, and no reader ever sees a partly written file.

All commits, recoveries and compactions of one OUT hold an exclusive ``flock`` on
``OUT/_state/ledger.lock``, so they never interleave.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ingest.formats import input_format

STATE_DIR = "_state"
LEDGER_NAME = "ledger.jsonl"
LOCK_NAME = "ledger.lock"
STREAM_TEMP = Path("_tmp") / "stream"


@dataclass(frozen=True, order=True)
class InboxFile:
    """A file seen in the inbox. ``key`` identifies it in the ledger: name, size and modification time,
    so a file dropped again later under the same name with new content is read again (its articles are
    then dropped as duplicates if they were already committed)."""

    path: str
    size: int
    mtime_ns: int

    @property
    def key(self) -> str:
        return f"{os.path.basename(self.path)}|{self.size}|{self.mtime_ns}"


def list_inbox(inbox: str | os.PathLike[str]) -> list[InboxFile]:
    """Files of the inbox with a supported suffix, oldest first.

    Hidden and ``_``-prefixed names are skipped: that is where writers put a file while they are
    still writing it, before renaming it into the inbox. Sub-folders are not read.
    """
    found: list[InboxFile] = []
    try:
        entries = list(os.scandir(inbox))
    except FileNotFoundError:
        return found
    for entry in entries:
        if entry.name.startswith((".", "_")) or input_format(entry.name) is None:
            continue
        try:
            if not entry.is_file():
                continue
            stat = entry.stat()
        except FileNotFoundError:  # removed between listing and stat
            continue
        found.append(InboxFile(entry.path, stat.st_size, stat.st_mtime_ns))
    return sorted(found, key=lambda f: (f.mtime_ns, f.path))


@dataclass
class LedgerState:
    """What the ledger says has been committed."""

    inbox: set[str] = field(default_factory=set)
    article_ids: set[str] = field(default_factory=set)
    hashes: set[str] = field(default_factory=set)
    commits: list[str] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)

    def add(self, intent: dict[str, Any]) -> None:
        self.inbox.update(intent.get("inbox", ()))
        self.article_ids.update(intent.get("articles", ()))
        self.hashes.update(intent.get("hashes", ()))
        self.commits.append(intent["commit"])


def _fsync_dir(path: Path) -> None:
    """Makes a rename or a new file in ``path`` durable (directory entries live in the directory)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Ledger:
    """The commit log of one output folder."""

    def __init__(self, output: str | os.PathLike[str]) -> None:
        self.output = Path(output)
        self.state_dir = self.output / STATE_DIR
        self.path = self.state_dir / LEDGER_NAME
        self.lock_path = self.state_dir / LOCK_NAME

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        with open(self.lock_path, "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _records(self) -> tuple[list[dict[str, Any]], int]:
        """The complete records, and the byte length of the log up to the last complete one."""
        if not self.path.exists():
            return [], 0
        data = self.path.read_bytes()
        records: list[dict[str, Any]] = []
        good = 0
        for line in data.splitlines(keepends=True):
            if not line.endswith(b"\n"):
                break  # torn last write: the crash came before its fsync returned
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                break
            good += len(line)
        return records, good

    def read(self) -> LedgerState:
        records, _ = self._records()
        intents: dict[str, dict[str, Any]] = {}
        state = LedgerState()
        for record in records:
            if record.get("type") == "intent":
                intents[record["commit"]] = record
            elif record.get("type") == "commit" and record.get("commit") in intents:
                state.add(intents.pop(record["commit"]))
        state.pending = list(intents.values())
        return state

    def _append(self, record: dict[str, Any]) -> None:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        line = (json.dumps(record, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")
        with open(self.path, "ab") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())

    def recover(self) -> LedgerState:
        """Finishes interrupted commits (roll forward), drops stray temporary files; returns the state."""
        with self.locked():
            records, good = self._records()
            if self.path.exists() and self.path.stat().st_size != good:
                with open(self.path, "r+b") as handle:  # cut a torn last line so appends start clean
                    handle.truncate(good)
                    os.fsync(handle.fileno())
            state = self.read()
            for intent in state.pending:
                self._move_into_place(intent)
                self._append({"type": "commit", "commit": intent["commit"], "recovered": True})
            temp = self.output / STREAM_TEMP
            if temp.exists():
                shutil.rmtree(temp, ignore_errors=True)
            return self.read()

    def _move_into_place(self, intent: dict[str, Any]) -> None:
        folders: set[Path] = set()
        for item in intent["files"]:
            temp, final = self.output / item["temp"], self.output / item["final"]
            if temp.exists():  # a missing temporary file was renamed before the crash
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temp, final)
                folders.add(final.parent)
        for folder in folders:
            _fsync_dir(folder)

    def commit(
        self,
        commit_id: str,
        files: list[tuple[str, str]],
        inbox: list[str],
        articles: list[str],
        hashes: list[str],
    ) -> None:
        """Publishes one window: ``files`` are (temporary, final) paths relative to OUT, the temporary
        ones complete and fsynced. After this returns, the files are visible and the inbox files are
        recorded as committed; if it is interrupted, :meth:`recover` finishes it."""
        intent = {
            "type": "intent",
            "commit": commit_id,
            "time": datetime.now(timezone.utc).isoformat(),
            "files": [{"temp": temp, "final": final} for temp, final in files],
            "inbox": sorted(inbox),
            "articles": sorted(articles),
            "hashes": sorted(hashes),
        }
        with self.locked():
            self._append(intent)
            self._move_into_place(intent)
            self._append({"type": "commit", "commit": commit_id})
        shutil.rmtree(self.output / STREAM_TEMP / commit_id, ignore_errors=True)


def write_durably(path: Path, data: bytes) -> None:
    """Writes ``data`` to ``path`` and fsyncs it (used for files that a ledger intent will refer to)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
