"""WriteParquet: rows of one output table → Hive-partitioned Parquet files."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics
from pydantic import BaseModel

from nlp.memory import keep_releasing_free_memory
from schemas.arrow import TableSchema
from transforms.parquet_sink import HivePartitionNaming, ParquetSink

NAMESPACE = "newsevents"


def to_row(record: BaseModel | dict[str, Any]) -> dict[str, Any]:
    return record.model_dump() if isinstance(record, BaseModel) else dict(record)


class _RouteRowsFn(beam.DoFn):
    """Counts the rows handed to the writer (``rows_<table>``), so the driver can check that the
    files it commits hold exactly that many, and keys each row by the file it goes to: (partition value, shard),
    the shards of a partition dealt in turn from 0 (a partition with fewer rows than shards fills the first ones).

    The records go on as they came: a model crosses the writer's shuffle in its own pickled form (an article
    row's text compressed, see ``schemas.models.PackedTextPickling``) and becomes a dict in the sink."""

    def __init__(self, table: str, partition_column: str | None, shards: int) -> None:
        self._rows = Metrics.counter(NAMESPACE, f"rows_{table}")
        self._column = partition_column
        self._shards = shards
        self._next_shard: dict[str, int] = {}

    def setup(self) -> None:
        keep_releasing_free_memory()  # once per worker process: the writers' shuffles free whole tables (nlp/memory.py)

    def start_bundle(self) -> None:
        self._next_shard = {}

    def process(self, record: BaseModel | dict[str, Any]) -> Any:
        self._rows.inc()
        destination = partition_value(record, self._column)
        shard = self._next_shard.get(destination, 0)
        self._next_shard[destination] = (shard + 1) % self._shards
        yield (destination, shard), record


def partition_value(row: BaseModel | dict[str, Any], column: str | None) -> str:
    if column is None:
        return ""
    value = getattr(row, column) if isinstance(row, BaseModel) else row[column]
    return value.isoformat() if isinstance(value, date) else str(value)


class WriteParquet(beam.PTransform):
    """Writes one table of the dataset (``events``, ``articles`` or ``rejected``) in a batch run.

    In: pydantic rows (or dicts) of that table. Out: the paths of the files written
    (``fileio.FileResult``). Files go to ``<path>/<column>=<value>/part-<tag>-<shard>-of-<shards>.parquet``
    (or ``<path>/part-...`` for an unpartitioned table), at most ``shards`` files per partition; the
    partition column lives in the folder name only, as Hive partitioning expects. ``tag`` names the batch: a
    run of the same batch writes the same names (the batch CLI writes to a staging folder and commits from
    there, see ``pipeline/commit.py``). The counter ``rows_<table>`` counts the rows handed to the writer.

    Not ``fileio.WriteToFiles`` (the streaming writer, ``transforms/stream_write.py``, uses it): after moving each
    partition's file into place, it lists the whole temporary folder again to look for orphaned files, which made
    the writing of a table quadratic in its partitions (about 1% of a 300-article run, and growing with the dates
    covered), and it shuffles every table twice. A file's name here depends only on its partition and shard, so
    one shuffle suffices: a retried bundle writes the same file again, under a temporary name, then renames it
    over the first.
    """

    def __init__(self, path: str, table: TableSchema, tag: str, temp_directory: str, shards: int = 1) -> None:
        super().__init__()
        self._path = path
        self._table = table
        self._tag = tag
        self._temp_directory = temp_directory
        if shards < 1:
            raise ValueError(f"shards must be at least 1, got {shards}")
        self._shards = shards

    def expand(self, records: beam.PCollection) -> beam.PCollection:
        table = self._table
        return (
            records
            | "ToRows" >> beam.ParDo(_RouteRowsFn(table.name, table.partition_column, self._shards))
            | "GroupByFile" >> beam.GroupByKey()
            | "WriteFiles"
            >> beam.ParDo(
                _WriteFileFn(
                    self._path,
                    table,
                    HivePartitionNaming(self._path, table.partition_column, self._tag),
                    self._temp_directory,
                    self._shards,
                )
            )
        )


class _WriteFileFn(beam.DoFn):
    """One Parquet file per (partition value, shard): written under a unique name in the temporary folder, then
    renamed into place (on a local disk the rename is atomic; an object store copies it whole)."""

    def __init__(
        self, path: str, table: TableSchema, naming: HivePartitionNaming, temp_directory: str, shards: int
    ) -> None:
        self._path = path
        self._table = table
        self._naming = naming
        self._temp_directory = temp_directory
        self._shards = shards

    def process(
        self,
        element: tuple[tuple[str, int], Iterable[BaseModel | dict[str, Any]]],
        window: Any = beam.DoFn.WindowParam,
        pane: Any = beam.DoFn.PaneInfoParam,
    ) -> Iterator[fileio.FileResult]:
        (destination, shard), records = element
        final = FileSystems.join(self._path, self._naming(window, pane, shard, self._shards, "", destination))
        temporary = FileSystems.join(self._temp_directory, f"{uuid.uuid4().hex}.parquet")
        sink = _FileRowSink(self._table)
        handle = FileSystems.create(temporary, compression_type=CompressionTypes.UNCOMPRESSED)
        try:
            sink.open(handle)
            for record in records:
                sink.write(record)
            sink.flush()
        finally:
            handle.close()
        FileSystems.rename([temporary], [final])
        yield fileio.FileResult(final, shard, self._shards, window, pane, destination)


class _FileRowSink(ParquetSink):
    """Drops the partition column (it is in the folder name) before writing."""

    def write(self, record: BaseModel | dict[str, Any]) -> None:
        row = to_row(record)
        super().write({name: row.get(name) for name in self._schema.names})
