"""Batches, staging and the commit that makes a run's files visible: re-runs replace, crashes leave no trace.

A run writes its Parquet files under ``OUT/_staging/<run-id>/``, outside the table folders that
readers scan. Only after the pipeline has finished and every staged file has been read back
(footer and row count) does the driver *commit*:

1. it writes a journal, ``OUT/_staging/<run-id>/commit.json``, listing every move and the manifest;
2. it renames each staged file to its final name ``OUT/<table>/[<col>=<value>/]part-<batch>-NNNNN-of-NNNNN.parquet``
   (``os.rename``: atomic per file on POSIX, replacing the file of an earlier run of the same batch);
3. it deletes the batch's files from earlier runs that this run did not rewrite (stale partitions);
4. it writes the run manifest, then deletes the staging folder and with it the journal.

A run killed before step 1 leaves only a staging folder, which the next run deletes. A run killed
during steps 2-4 leaves a journal: the next run (of any input) finishes that commit first
(*roll forward*), so the dataset always ends in the state of a complete run.

File names come from the **batch id**, a hash of the input (see :func:`batch_id`), not from the run:
the same input written twice produces the same names, so the second run replaces the first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

TABLES = ("events", "articles", "rejected")  # always created; other tables are found by their folders
STAGING = "_staging"
JOURNAL = "commit.json"
BEAM_TEMP = "_beam"
LOCK = "_lock"
_BATCH_ID_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,80}$")
_HASH_CHUNK = 1 << 20


class OutputError(Exception):
    """The output folder cannot be written or committed: the run fails with this message."""


class OutputBusy(OutputError):
    """Another run holds the lock of the output folder."""


# --------------------------------------------------------------------------------------------------- batch id


@dataclass(frozen=True)
class InputFile:
    """One input file as it takes part in the batch id."""

    path: str
    size: int | None
    sha256: str | None
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"path": self.path, "size": self.size, "sha256": self.sha256}
        if self.error:
            record["error"] = self.error
        return record


def fingerprint(path: str) -> InputFile:
    """Size and SHA-256 of a file's bytes; an unreadable file is fingerprinted by its path and the error."""
    digest = hashlib.sha256()
    size = 0
    try:
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as handle:
            while chunk := handle.read(_HASH_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except Exception as error:  # noqa: BLE001 - an unreadable file becomes a rejected record, not a crash
        return InputFile(path, None, None, f"{type(error).__name__}: {error}")
    return InputFile(path, size, digest.hexdigest())


def batch_id(files: Iterable[InputFile], unmatched: Iterable[str] = ()) -> str:
    """A deterministic id of the input: sorted file paths with their sizes and content hashes.

    Content, not modification time: touching or copying a file back does not make a new batch,
    while editing it does. The pipeline version is deliberately *not* part of it: re-running the
    same input with a newer newsevents replaces the older coding instead of adding a second copy.
    """
    digest = hashlib.sha256()
    for item in sorted(files, key=lambda f: f.path):
        digest.update(f"file\t{item.path}\t{item.size}\t{item.sha256}\t{item.error or ''}\n".encode())
    for pattern in sorted(unmatched):
        digest.update(f"unmatched\t{pattern}\n".encode())
    return "b" + digest.hexdigest()[:16]


def check_batch_id(value: str) -> str:
    if not _BATCH_ID_PATTERN.match(value):
        raise ValueError(f"batch id {value!r} must be 1-80 characters from A-Z a-z 0-9 _ . -")
    return value


def _batch_file_pattern(batch: str) -> re.Pattern[str]:
    return re.compile(rf"^part-{re.escape(batch)}-\d{{5}}-of-\d{{5}}\.parquet$")


# --------------------------------------------------------------------------------------------------- paths


def staging_folder(output: str, run_id: str) -> str:
    return FileSystems.join(output, STAGING, run_id)


def _basename(path: str) -> str:
    return path.rstrip("/").replace("\\", "/").rsplit("/", 1)[-1]


def _match(glob: str) -> list[str]:
    try:
        return [m.path for m in FileSystems.match([glob])[0].metadata_list]
    except Exception:  # noqa: BLE001 - a glob matching nothing raises on some filesystems
        return []


def _subfolders(folder: str) -> list[str]:
    """Table folders: every sub-folder not starting with ``_`` or ``.``."""
    if FileSystems.get_scheme(folder) in (None, "file"):
        if not os.path.isdir(folder):
            return []
        names = [n for n in os.listdir(folder) if os.path.isdir(os.path.join(folder, n))]
    else:
        prefix = folder.rstrip("/") + "/"
        names = list({p[len(prefix) :].split("/", 1)[0] for p in _match(prefix + "**") if "/" in p[len(prefix) :]})
    return sorted(n for n in names if not n.startswith(("_", ".")))


def _parquet_files(folder: str) -> list[str]:
    found = set(_match(FileSystems.join(folder, "**"))) | set(_match(FileSystems.join(folder, "*")))
    return sorted(p for p in found if p.endswith(".parquet"))


def _write_atomically(path: str, data: bytes) -> None:
    """Write then rename, so a reader (or the next run) never sees half a JSON file."""
    folder, name = path.rsplit("/", 1)
    temporary = FileSystems.join(folder, f".{name}.tmp")
    with FileSystems.create(temporary) as handle:
        handle.write(data)
    FileSystems.rename([temporary], [path])


# --------------------------------------------------------------------------------------------------- lock


@contextmanager
def output_lock(output: str) -> Iterator[None]:
    """One writer per output folder. A local ``flock``: the kernel drops it when the process dies,
    even under SIGKILL, so a killed run never leaves a stale lock. Object stores get no lock."""
    if FileSystems.get_scheme(output) not in (None, "file"):
        yield
        return
    import fcntl

    path = os.path.join(output, LOCK)
    try:
        handle = open(path, "a+")  # noqa: SIM115 - held for the whole run
    except OSError as error:
        raise OutputError(f"output folder {output} is not writable: {type(error).__name__}: {error}") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise OutputBusy(
                f"another newsevents run is writing to {output} ({holder}); wait for it to finish"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()


def check_writable(output: str) -> None:
    """Fail early, with the reason, when the output folder cannot be written."""
    try:
        for folder in (output, *(FileSystems.join(output, t) for t in TABLES), FileSystems.join(output, STAGING)):
            if not FileSystems.exists(folder):
                FileSystems.mkdirs(folder)
        probe = FileSystems.join(output, STAGING, f".probe-{os.getpid()}")
        with FileSystems.create(probe) as handle:
            handle.write(b"ok")
        FileSystems.delete([probe])
    except Exception as error:  # noqa: BLE001 - any filesystem error is reported as one clear message
        raise OutputError(f"output folder {output} is not writable: {cause(error)}") from error


def cause(error: BaseException) -> str:
    """The innermost error of Beam's wrapped exceptions (BeamIOError wraps a dict of OSErrors)."""
    while error.__cause__ is not None:
        error = error.__cause__
    details = getattr(error, "exception_details", None)
    if isinstance(details, dict) and details:
        return cause(next(iter(details.values())))
    return f"{type(error).__name__}: {error}"


# --------------------------------------------------------------------------------------------------- staging


@dataclass
class StagedFile:
    table: str
    staged: str
    final: str
    rows: int


@dataclass
class Staged:
    """What a finished pipeline left in its staging folder, read back and checked."""

    files: list[StagedFile] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    def rows(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for item in self.files:
            totals[item.table] = totals.get(item.table, 0) + item.rows
        return totals


def collect_staged(output: str, run_id: str) -> Staged:
    """Every staged Parquet file with its row count (reading the footer proves the file is complete)."""
    staging = staging_folder(output, run_id)
    result = Staged()
    for table in _subfolders(staging):
        root = FileSystems.join(staging, table)
        for path in _parquet_files(root):
            relative = path[len(root) :].lstrip("/")
            try:
                rows = pq.read_metadata(path).num_rows
            except Exception as error:  # noqa: BLE001 - any unreadable file blocks the commit
                result.unreadable.append(f"{path}: {cause(error)}")
                continue
            result.files.append(StagedFile(table, path, FileSystems.join(output, table, relative), rows))
    return result


def batch_rows(output: str, batch: str) -> dict[str, int]:
    """Rows of one batch currently visible in each table (used by tests and the summary)."""
    pattern = _batch_file_pattern(batch)
    return {
        table: sum(
            pq.read_metadata(p).num_rows
            for p in _parquet_files(FileSystems.join(output, table))
            if pattern.match(_basename(p))
        )
        for table in _subfolders(output)
    }


# --------------------------------------------------------------------------------------------------- commit


def write_journal(output: str, run_id: str, batch: str, staged: Staged, manifest: dict[str, Any]) -> str:
    journal = {
        "run_id": run_id,
        "batch_id": batch,
        "moves": [[f.staged, f.final] for f in staged.files],
        "manifest": manifest,
    }
    path = FileSystems.join(staging_folder(output, run_id), JOURNAL)
    _write_atomically(path, json.dumps(journal, indent=1, default=str).encode("utf-8"))
    return path


@dataclass
class CommitResult:
    moved: int = 0
    stale_removed: list[str] = field(default_factory=list)
    manifest_path: str = ""


def apply_journal(
    output: str, journal_path: str, rename: Callable[[list[str], list[str]], None] | None = None
) -> CommitResult:
    """Steps 2-4 of the commit. Idempotent: running it again after a crash at any point finishes the job."""
    rename = rename or FileSystems.rename
    with FileSystems.open(journal_path, compression_type=CompressionTypes.UNCOMPRESSED) as handle:
        journal = json.loads(handle.read().decode("utf-8"))
    result = CommitResult()
    kept: set[str] = set()
    for staged, final in journal["moves"]:
        kept.add(final)
        if not FileSystems.exists(staged):
            continue  # moved before the crash
        folder = final.rsplit("/", 1)[0]
        if not FileSystems.exists(folder):
            FileSystems.mkdirs(folder)
        rename([staged], [final])
        result.moved += 1
    pattern = _batch_file_pattern(journal["batch_id"])
    for table in _subfolders(output):
        for path in _parquet_files(FileSystems.join(output, table)):
            if pattern.match(_basename(path)) and path not in kept:
                FileSystems.delete([path])
                result.stale_removed.append(path)
                _remove_if_empty(path.rsplit("/", 1)[0], FileSystems.join(output, table))
    manifest = journal["manifest"]
    runs = FileSystems.join(output, "_runs")
    if not FileSystems.exists(runs):
        FileSystems.mkdirs(runs)
    result.manifest_path = FileSystems.join(runs, f"{journal['run_id']}.json")
    manifest["stale_files_removed"] = result.stale_removed
    _write_atomically(result.manifest_path, json.dumps(manifest, indent=2, default=str).encode("utf-8"))
    FileSystems.delete([journal_path.rsplit("/", 1)[0]])
    return result


def _remove_if_empty(folder: str, table_root: str) -> None:
    """An emptied partition folder goes too (local disks only: object stores have no folders)."""
    if folder.rstrip("/") == table_root.rstrip("/") or not os.path.isdir(folder):
        return
    with contextlib.suppress(OSError):  # not empty: another batch has files in this partition
        os.rmdir(folder)


@dataclass
class Recovery:
    rolled_forward: list[str] = field(default_factory=list)
    discarded: list[str] = field(default_factory=list)


def recover(output: str) -> Recovery:
    """Clean up after runs that were killed: finish journalled commits, delete unfinished staging folders.

    Call only while holding :func:`output_lock`: a staging folder of a live run looks the same as
    one of a killed run."""
    recovery = Recovery()
    staging = FileSystems.join(output, STAGING)
    if not FileSystems.exists(staging):
        return recovery
    runs = sorted(
        {
            p[len(staging) :].lstrip("/").split("/", 1)[0]
            for p in _match(FileSystems.join(staging, "**")) + _match(FileSystems.join(staging, "*"))
        }
    )
    if os.path.isdir(staging):  # empty run folders do not show up in a match
        runs = sorted(set(runs) | {name for name in os.listdir(staging) if os.path.isdir(os.path.join(staging, name))})
    for run in runs:
        if not run or run.startswith(".probe-"):
            continue
        folder = FileSystems.join(staging, run)
        journal = FileSystems.join(folder, JOURNAL)
        if FileSystems.exists(journal):
            apply_journal(output, journal)
            recovery.rolled_forward.append(run)
        elif FileSystems.exists(folder):
            FileSystems.delete([folder])
            recovery.discarded.append(run)
    return recovery
