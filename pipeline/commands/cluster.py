"""``newsevents cluster OUT [--date YYYY-MM-DD ...]``: rebuild ``OUT/event_clusters/`` from the mention table.

Events for a date keep arriving (``run --append``, daily runs, streaming), and a run only
clusters its own mentions. This command rebuilds the clusters of whole dates from everything
in ``OUT/events/event_date=D/``, with the near-duplicate groups recorded in ``OUT/articles/``.

It is **idempotent**: the rows are sorted by ``cluster_id`` and written to one file with a fixed
name (``part-clusters-00000-of-00001.parquet``), so running it twice gives byte-identical files.

It is **atomic per date**: the new partition folder is written under ``OUT/_tmp/cluster-<token>/``,
outside the tables readers scan, then swapped with the live ``event_date=D`` folder in one
``renameat2(RENAME_EXCHANGE)`` call (Linux), so a reader sees either the old partition or the new
one, never both and never neither; the old folder is then deleted. Where that call does not
exist, two renames are used and a reader may find the date missing for the instant between them.
A crash leaves at worst a stray ``_tmp`` folder (ignored by readers) or, with the fallback, a
missing date that the next ``cluster`` run rebuilds. Local filesystems only. It takes the output
folder's lock (:func:`pipeline.commit.output_lock`), so it never runs while ``run`` commits.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import secrets
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from coder.clusters import MENTION_COLUMNS, build_clusters
from pipeline.commit import OutputError, output_lock
from pipeline.logs import add_log_format_argument, configure_logging, get_logger
from pipeline.version import pipeline_version
from schemas.arrow import TableSchema, output_tables

TABLE = "event_clusters"
FILE_NAME = "part-clusters-00000-of-00001.parquet"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "cluster",
        help="Rebuild event clusters of some dates from the events table.",
        description="Rebuild OUT/event_clusters/ for the given event dates (all dates by default) from "
        "OUT/events/ and the near-duplicate groups in OUT/articles/. Idempotent; each date is swapped in atomically.",
    )
    parser.add_argument("output", metavar="OUT", help="Output folder of `newsevents run`.")
    parser.add_argument(
        "--date",
        dest="dates",
        action="append",
        type=date.fromisoformat,
        default=[],
        metavar="YYYY-MM-DD",
        help="Event date to rebuild; repeat for several. Default: every date in OUT/events or OUT/event_clusters.",
    )
    add_log_format_argument(parser)
    parser.add_argument("--quiet", action="store_true", help="No summary.")
    parser.set_defaults(handler=main, parser=parser)


def _partition_dates(table_path: Path, column: str) -> set[date]:
    if not table_path.is_dir():
        return set()
    found = set()
    for child in table_path.iterdir():
        if child.is_dir() and child.name.startswith(f"{column}="):
            try:
                found.add(date.fromisoformat(child.name.split("=", 1)[1]))
            except ValueError:
                continue
    return found


def _read(path: Path, table: TableSchema, columns: list[str]) -> list[dict[str, Any]]:
    """Rows of a table folder, read with the table's own schema (older files lacking a column give nulls)."""
    if not path.is_dir():
        return []
    dataset = ds.dataset(path, format="parquet", schema=table.dataset_schema, partitioning=table.partitioning())
    return dataset.to_table(columns=columns).to_pylist()


def duplicate_groups(output: Path, version: str) -> dict[str, str]:
    """article_id → duplicate_group for the articles that have one."""
    articles = output_tables(version)["articles"]
    rows = _read(output / "articles", articles, ["article_id", "duplicate_group"])
    return {r["article_id"]: r["duplicate_group"] for r in rows if r["duplicate_group"]}


def mentions_of(output: Path, day: date, version: str, groups: dict[str, str]) -> list[dict[str, Any]]:
    events = output_tables(version)["events"]
    folder = output / "events" / f"{events.partition_column}={day.isoformat()}"
    columns = [c for c in MENTION_COLUMNS if c != events.partition_column]
    rows = _read(folder, _unpartitioned(events), columns)
    for row in rows:
        row["event_date"] = day
        row["duplicate_group"] = groups.get(row["article_id"])
    return rows


def _unpartitioned(table: TableSchema) -> TableSchema:
    """The table read from inside one partition folder: no partition column in the path."""
    return TableSchema(table.name, table.model, table.file_schema, None)


def write_partition_file(rows: list[dict[str, Any]], table: TableSchema, path: Path) -> None:
    """One Parquet file, written the way ParquetSink writes (zstd, coded columns dictionary-encoded)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    names = table.file_schema.names
    data = pa.Table.from_pylist([{n: r[n] for n in names} for r in rows], schema=table.file_schema)
    pq.write_table(
        data, path, compression="zstd", use_dictionary=table.coded_columns, write_statistics=True, row_group_size=50_000
    )


def _exchange(left: Path, right: Path) -> bool:
    """Atomically swaps two paths (Linux ``renameat2``); False when the call is not available."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(left), _AT_FDCWD, os.fsencode(right), _RENAME_EXCHANGE)
    if result != 0:
        errno = ctypes.get_errno()
        if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the filesystem cannot exchange
            return False
        raise OSError(errno, os.strerror(errno), str(left))
    return True


def swap_in(new: Path, live: Path, scratch: Path) -> None:
    """Puts folder ``new`` at ``live`` (replacing what was there); ``new`` may be absent (date now empty)."""
    if not new.exists():
        if live.exists():
            old = scratch / f"old-{live.name}"
            live.rename(old)
            shutil.rmtree(old)
        return
    if not live.exists():
        live.parent.mkdir(parents=True, exist_ok=True)
        new.rename(live)
        return
    if _exchange(new, live):
        shutil.rmtree(new)  # now holds the old partition
        return
    old = scratch / f"old-{live.name}"
    live.rename(old)
    new.rename(live)
    shutil.rmtree(old)


def rebuild(output: Path, dates: list[date] | None, version: str) -> dict[str, dict[str, int]]:
    """Rebuilds the cluster partitions of ``dates`` (all dates when None); returns counts per date."""
    tables = output_tables(version)
    clusters_table = tables[TABLE]
    column = clusters_table.partition_column
    if dates is None:
        dates = sorted(
            _partition_dates(output / "events", tables["events"].partition_column)
            | _partition_dates(output / TABLE, column)
        )
    groups = duplicate_groups(output, version)
    scratch = output / "_tmp" / f"cluster-{secrets.token_hex(4)}"
    scratch.mkdir(parents=True)
    summary: dict[str, dict[str, int]] = {}
    try:
        for day in sorted(set(dates)):
            mentions = mentions_of(output, day, version, groups)
            clusters = [c.model_dump() for c in build_clusters(mentions, version)]
            folder = f"{column}={day.isoformat()}"
            if clusters:
                write_partition_file(clusters, clusters_table, scratch / folder / FILE_NAME)
            swap_in(scratch / folder, output / TABLE / folder, scratch)
            summary[day.isoformat()] = {"mentions": len(mentions), "clusters": len(clusters)}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        tmp = scratch.parent
        if tmp.is_dir() and not any(tmp.iterdir()):
            tmp.rmdir()
    return summary


def main(args: argparse.Namespace, extra_args: list[str]) -> int:
    configure_logging(args.log_format)
    log = get_logger("newsevents")
    output = Path(args.output)
    if not (output / "events").is_dir():
        log.error("cluster.no_events", output=str(output), reason="OUT/events does not exist: run `newsevents run`")
        return 2
    try:
        with output_lock(str(output)):
            summary = rebuild(output, args.dates or None, pipeline_version())
    except OutputError as error:  # another run or cluster holds the folder
        log.error("cluster.busy", output=str(output), reason=str(error))
        return 2
    mentions = sum(s["mentions"] for s in summary.values())
    clusters = sum(s["clusters"] for s in summary.values())
    log.info("cluster.end", output=str(output), dates=len(summary), mentions=mentions, clusters=clusters)
    if not args.quiet:
        print(f"{len(summary)} dates rebuilt in {output / TABLE}: {mentions} mentions → {clusters} clusters")
        for day, counts in summary.items():
            print(f"  {day}  {counts['mentions']:>5} mentions  {counts['clusters']:>5} clusters")
    return 0
