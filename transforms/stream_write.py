"""StreamWrite: one window of the stream's rows → Parquet files published atomically, with a ledger entry.

``write_window`` and ``commit_window`` are plain Python (tested without Beam). The Beam composite
gathers all rows of a window pane on one key and commits them in one step: every table's
partition files are written under ``OUT/_tmp/stream/<commit>/``, fsynced, and then published through
:class:`ingest.inbox.Ledger` (intent record, renames, commit record). Each pane gets new file
names, so a late pane adds a file to an old partition and never rewrites one.
"""

from __future__ import annotations

import io
import secrets
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.transforms.window import GlobalWindow
from pydantic import BaseModel

from ingest.inbox import STREAM_TEMP, Ledger, write_durably
from schemas.arrow import TableSchema
from transforms.parquet_sink import ParquetSink

NAMESPACE = "newsevents"
TABLE_NAMES = ("events", "articles", "rejected")
INBOX = "inbox"


@dataclass(frozen=True)
class FileDone:
    """Marks an inbox file as fully read: it is committed with the window its rows belong to."""

    key: str
    article_ids: tuple[str, ...] = ()
    hashes: tuple[str, ...] = ()


@dataclass
class WindowContent:
    """Everything one window pane commits."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    done: list[FileDone] = field(default_factory=list)

    def add(self, tag: str, item: Any) -> None:
        if tag == INBOX:
            self.done.append(item)
        else:
            self.rows[tag].append(item.model_dump() if isinstance(item, BaseModel) else dict(item))


def _partition(row: dict[str, Any], column: str | None) -> str | None:
    if column is None:
        return None
    value = row[column]
    return f"{column}={value.isoformat() if isinstance(value, date) else value}"


def parquet_bytes(table: TableSchema, rows: Iterable[dict[str, Any]]) -> bytes:
    """Rows → one Parquet file with the table's file schema (the partition column is in the folder name)."""
    names = table.file_schema.names
    sink = ParquetSink(table)
    buffer = io.BytesIO()
    sink.open(buffer)
    for row in rows:
        sink.write({name: row.get(name) for name in names})
    sink.flush()
    return buffer.getvalue()


def write_window(
    output: Path, tables: dict[str, TableSchema], commit_id: str, content: WindowContent
) -> list[tuple[str, str]]:
    """Writes the window's files under ``_tmp/stream/<commit>/``; returns (temporary, final) paths relative to OUT."""
    files: list[tuple[str, str]] = []
    for name in TABLE_NAMES:
        rows = content.rows.get(name) or []
        if not rows:
            continue
        table = tables[name]
        by_partition: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_partition[_partition(row, table.partition_column)].append(row)
        for partition, partition_rows in sorted(by_partition.items(), key=lambda item: item[0] or ""):
            folder = Path(name) / partition if partition else Path(name)
            final = folder / f"part-{commit_id}.parquet"
            temp = STREAM_TEMP / commit_id / final
            write_durably(output / temp, parquet_bytes(table, partition_rows))
            files.append((str(temp), str(final)))
    return files


def commit_window(
    output: str | Path, tables: dict[str, TableSchema], commit_id: str, content: WindowContent
) -> list[str]:
    """Writes and publishes one window pane; returns the final paths (relative to OUT)."""
    output = Path(output)
    files = write_window(output, tables, commit_id, content)
    Ledger(output).commit(
        commit_id,
        files,
        inbox=[done.key for done in content.done],
        articles=[i for done in content.done for i in done.article_ids],
        hashes=[h for done in content.done for h in done.hashes],
    )
    return [final for _, final in files]


def commit_id_for(window: Any, pane_index: int) -> str:
    """``stream-<window start, UTC>-p<pane>-<random>``: sortable by window, unique per attempt."""
    if isinstance(window, GlobalWindow) or not hasattr(window, "start"):
        start = datetime.now(timezone.utc)
    else:
        start = window.start.to_utc_datetime(has_tz=True)
    return f"stream-{start:%Y%m%dT%H%M%S}-p{pane_index}-{secrets.token_hex(3)}"


class CommitWindowFn(beam.DoFn):
    """(key, tagged rows of one window pane) → the committed file paths."""

    def __init__(self, output: str, tables: dict[str, TableSchema]) -> None:
        self._output = output
        self._tables = tables
        self._windows = Metrics.counter(NAMESPACE, "windows_committed")
        self._files = Metrics.counter(NAMESPACE, "files_committed")

    def process(
        self,
        element: tuple[Any, Iterable[tuple[str, Any]]],
        window: Any = beam.DoFn.WindowParam,
        pane: Any = beam.DoFn.PaneInfoParam,
    ) -> Iterator[str]:
        content = WindowContent()
        for tag, item in element[1]:
            content.add(tag, item)
        commit_id = commit_id_for(window, pane.index if pane is not None else 0)
        paths = commit_window(self._output, self._tables, commit_id, content)
        self._windows.inc()
        self._files.inc(len(paths))
        from transforms.stream_source import notify_committed  # the in-process stream's drain bookkeeping

        notify_committed(self._output, [done.key for done in content.done])
        yield from paths


class StreamWrite(beam.PTransform):
    """Commits windowed rows atomically, one commit per window pane.

    In: a dict with ``events``, ``articles``, ``rejected`` (pydantic rows) and ``inbox``
    (:class:`FileDone` markers), all windowed alike. Out: the final paths of the files
    published (relative to OUT), in the window of the pane that wrote them.
    """

    def __init__(self, output: str, tables: dict[str, TableSchema]) -> None:
        super().__init__()
        self._output = output
        self._tables = tables

    def expand(self, inputs: dict[str, beam.PCollection]) -> beam.PCollection:
        tagged = [
            pcoll | f"Tag{tag.capitalize()}" >> beam.Map(lambda item, tag=tag: (0, (tag, item)))
            for tag, pcoll in inputs.items()
        ]
        return (
            tagged
            | "MergeTables" >> beam.Flatten()
            # One key: a window pane is committed by one step, as a unit.
            | "GatherWindow" >> beam.GroupByKey()
            | "CommitWindow" >> beam.ParDo(CommitWindowFn(self._output, self._tables))
        )
