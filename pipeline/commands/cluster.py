"""``newsevents cluster OUT [--date YYYY-MM-DD ...]``: rebuild ``OUT/event_clusters/`` from the mention table.

Events for a date keep arriving (daily runs, streaming), and a run only clusters its own
mentions. This command rebuilds the clusters of whole dates from everything in
``OUT/events/event_date=D/``. A run finds near-duplicate articles only among its own articles, so
the wire story of Monday's batch and its reprint in Tuesday's are not yet one story: for each date,
the articles with mentions on it are compared again here, whichever runs wrote them, and joined
with the groups recorded in ``OUT/articles/``.

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
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from coder.clusters import MENTION_COLUMNS, build_clusters
from ingest.near_duplicates import duplicate_groups, find_near_duplicates
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
        "OUT/events/, grouping near-duplicate articles across runs. Idempotent; each date is swapped in atomically.",
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


def _read(
    path: Path, table: TableSchema, columns: list[str], where: pc.Expression | None = None
) -> list[dict[str, Any]]:
    """Rows of a table folder, read with the table's own schema (older files lacking a column give nulls)."""
    if not path.is_dir():
        return []
    dataset = ds.dataset(path, format="parquet", schema=table.dataset_schema, partitioning=table.partitioning())
    return dataset.to_table(columns=columns, filter=where).to_pylist()


@dataclass(frozen=True)
class ArticleIndex:
    """What regrouping needs of the articles table: recorded groups, texts and publication times."""

    recorded: dict[str, str]
    texts: dict[str, str]
    published: dict[str, datetime | None]

    @classmethod
    def read(cls, output: Path, version: str, article_ids: set[str]) -> ArticleIndex:
        """Only the rows of ``article_ids`` (the articles with mentions on the dates rebuilt) are kept."""
        articles = output_tables(version)["articles"]
        columns = ["article_id", "duplicate_group", "text", "published"]
        rows = _read(output / "articles", articles, columns, pc.field("article_id").isin(sorted(article_ids)))
        return cls(
            recorded={r["article_id"]: r["duplicate_group"] for r in rows if r["duplicate_group"]},
            texts={r["article_id"]: r["text"] for r in rows},
            published={r["article_id"]: r["published"] for r in rows},
        )

    def groups_among(self, article_ids: Iterable[str]) -> dict[str, str]:
        """article_id → duplicate group for these articles: the groups runs recorded, joined with the
        near-duplicate pairs found among these articles now (a copy may come from another run)."""
        ids = sorted(set(article_ids))
        found = find_near_duplicates({i: self.texts[i] for i in ids if i in self.texts}, self.published)
        # Each membership, recorded or found, is an edge to the group's first copy; the components of
        # all edges are the groups (named again by their first copy).
        edges = {(i, self.recorded[i]) for i in ids if i in self.recorded} | set(found.items())
        return duplicate_groups(sorted(edges), self.published)


def mentions_of(output: Path, day: date, version: str) -> list[dict[str, Any]]:
    events = output_tables(version)["events"]
    folder = output / "events" / f"{events.partition_column}={day.isoformat()}"
    columns = [c for c in MENTION_COLUMNS if c != events.partition_column]
    rows = _read(folder, _unpartitioned(events), columns)
    for row in rows:
        row["event_date"] = day
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
    mentions_by_day = {day: mentions_of(output, day, version) for day in sorted(set(dates))}
    articles = ArticleIndex.read(
        output, version, {m["article_id"] for mentions in mentions_by_day.values() for m in mentions}
    )
    scratch = output / "_tmp" / f"cluster-{secrets.token_hex(4)}"
    scratch.mkdir(parents=True)
    summary: dict[str, dict[str, int]] = {}
    try:
        for day, mentions in mentions_by_day.items():
            groups = articles.groups_among(m["article_id"] for m in mentions)
            for mention in mentions:
                mention["duplicate_group"] = groups.get(mention["article_id"])
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
    except OSError as error:  # e.g. `compact` swapped a partition while it was being read: nothing was changed
        log.error("cluster.failed", output=str(output), reason=f"{type(error).__name__}: {error}")
        return 1
    mentions = sum(s["mentions"] for s in summary.values())
    clusters = sum(s["clusters"] for s in summary.values())
    log.info("cluster.end", output=str(output), dates=len(summary), mentions=mentions, clusters=clusters)
    if not args.quiet:
        print(f"{len(summary)} dates rebuilt in {output / TABLE}: {mentions} mentions → {clusters} clusters")
        for day, counts in summary.items():
            print(f"  {day}  {counts['mentions']:>5} mentions  {counts['clusters']:>5} clusters")
    return 0
