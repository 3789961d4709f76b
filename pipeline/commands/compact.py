"""``newsevents compact OUT [--table T] [--date YYYY-MM-DD]``: merge a partition's small files into one.

The stream writes a few files per window; compaction merges all files of a partition into one
``part-compact-<time>-<random>.parquet``. The switch is atomic for readers: the new partition
folder (the merged file, plus hard links to any file that arrived meanwhile) is built outside the
table and exchanged with the live folder in one ``renameat2(RENAME_EXCHANGE)`` call, so a listing
sees either all the old files or the merged one, never both or neither. It holds the stream's
ledger lock for the exchange, so it is safe while the stream runs.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ingest.inbox import Ledger, _fsync_dir
from pipeline.logs import add_log_format_argument, configure_logging, get_logger
from pipeline.manifest import TABLES
from pipeline.options import _iso_date
from schemas.arrow import CODED_METADATA_KEY

COMPACT_TEMP = Path("_tmp") / "compact"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "compact",
        help="Merge the small files of each partition into one (safe while a stream runs).",
        description="Merge each partition's Parquet files into one file, atomically for readers.",
    )
    parser.add_argument("output", metavar="OUT", help="Output folder (local/POSIX filesystem).")
    parser.add_argument("--table", choices=TABLES, action="append", help="Table(s) to compact (default: all).")
    parser.add_argument("--date", type=_iso_date, action="append", help="Only this partition date (repeatable).")
    parser.add_argument("--min-files", type=int, default=2, help="Compact partitions with at least N files (2).")
    add_log_format_argument(parser)
    parser.set_defaults(handler=main, parser=parser, accepts_beam_args=False)


def exchange(a: Path, b: Path) -> bool:
    """Swaps two paths atomically (Linux ``renameat2``); False where the system cannot."""
    libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    function = getattr(libc, "renameat2", None)
    if function is None:
        return False
    result = function(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result != 0:
        errno = ctypes.get_errno()
        if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: filesystem or kernel without exchange
            return False
        raise OSError(errno, os.strerror(errno), str(a))
    return True


@dataclass(frozen=True)
class Compacted:
    partition: str
    merged: int
    rows: int
    file: str


def _parquet_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".parquet" and not p.name.startswith("."))


def _merge(files: list[Path], target: Path) -> int:
    tables = [pq.read_table(f, partitioning=None) for f in files]
    merged = pa.concat_tables(tables, promote_options="default")
    coded = [f.name for f in merged.schema if (f.metadata or {}).get(CODED_METADATA_KEY.encode()) == b"true"]
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as handle:
        pq.write_table(merged, handle, compression="zstd", use_dictionary=coded or True, write_statistics=True)
        handle.flush()
        os.fsync(handle.fileno())
    return merged.num_rows


def compact_partition(output: Path, folder: Path) -> Compacted | None:
    """Merges the files of one partition folder (or an unpartitioned table folder); None if under two files."""
    files = _parquet_files(folder)
    if len(files) < 2:
        return None
    token = f"{datetime.now(timezone.utc):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"
    staging = output / COMPACT_TEMP / token
    new_folder = staging / "new" / folder.name
    merged_name = f"part-compact-{token}.parquet"
    rows = _merge(files, new_folder / merged_name)
    with Ledger(output).locked():
        # Files committed while we merged are carried over (hard links: they stay visible throughout).
        merged_set = {f.name for f in files}
        for late in _parquet_files(folder):
            if late.name not in merged_set:
                os.link(late, new_folder / late.name)
        _fsync_dir(new_folder)
        if not exchange(new_folder, folder):
            # No atomic exchange here: the merged file appears first, then the old files go, so a reader
            # may briefly see both (documented); never neither.
            os.replace(new_folder / merged_name, folder / merged_name)
            for old in files:
                old.unlink()
        _fsync_dir(folder)
    shutil.rmtree(staging, ignore_errors=True)  # now holds the old files
    return Compacted(str(folder.relative_to(output)), len(files), rows, merged_name)


def partitions(output: Path, tables: list[str], dates: list[date] | None) -> list[Path]:
    found: list[Path] = []
    for table in tables:
        root = output / table
        if not root.is_dir():
            continue
        folders = [p for p in sorted(root.iterdir()) if p.is_dir() and "=" in p.name]
        if not folders and table == "rejected":
            folders = [root]
        if dates:
            wanted = {d.isoformat() for d in dates}
            folders = [p for p in folders if p.name.split("=", 1)[1] in wanted]
        found.extend(folders)
    return found


def compact(
    output: Path, tables: list[str] | None = None, dates: list[date] | None = None, min_files: int = 2
) -> list[Compacted]:
    done: list[Compacted] = []
    for folder in partitions(output, tables or list(TABLES), dates):
        if len(_parquet_files(folder)) >= max(min_files, 2):
            result = compact_partition(output, folder)
            if result is not None:
                done.append(result)
    return done


def main(args: argparse.Namespace, _extra: list[str]) -> int:
    configure_logging(args.log_format)
    log = get_logger("newsevents")
    output = Path(args.output)
    if not output.is_dir():
        args.parser.error(f"{output} is not an output folder")
    results = compact(output, args.table, args.date, args.min_files)
    for item in results:
        log.info("compact.partition", partition=item.partition, files=item.merged, rows=item.rows, file=item.file)
    print(f"compacted {len(results)} partitions ({sum(r.merged for r in results)} files merged)")
    return 0
