"""WriteParquet: rows of one output table → Hive-partitioned Parquet files."""

from __future__ import annotations

from datetime import date
from typing import Any

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.metrics import Metrics
from apache_beam.options.value_provider import StaticValueProvider
from pydantic import BaseModel

from nlp.memory import keep_releasing_free_memory
from schemas.arrow import TableSchema
from transforms.parquet_sink import HivePartitionNaming, ParquetSink

NAMESPACE = "newsevents"


def to_row(record: BaseModel | dict[str, Any]) -> dict[str, Any]:
    return record.model_dump() if isinstance(record, BaseModel) else dict(record)


class _CountRowsFn(beam.DoFn):
    """Counts the rows handed to the writer (``rows_<table>``), so the driver can check that the
    files it commits hold exactly that many: Beam swallows some write and rename errors.

    The records go on as they came: a model crosses the writer's shuffle in its own pickled form (an article
    row's text compressed, see ``schemas.models.PackedTextPickling``) and becomes a dict in the sink."""

    def __init__(self, table: str) -> None:
        self._rows = Metrics.counter(NAMESPACE, f"rows_{table}")

    def setup(self) -> None:
        keep_releasing_free_memory()  # once per worker process: the writers' shuffles free whole tables (nlp/memory.py)

    def process(self, record: BaseModel | dict[str, Any]) -> Any:
        self._rows.inc()
        yield record


def partition_value(row: BaseModel | dict[str, Any], column: str | None) -> str:
    if column is None:
        return ""
    value = getattr(row, column) if isinstance(row, BaseModel) else row[column]
    return value.isoformat() if isinstance(value, date) else str(value)


class WriteParquet(beam.PTransform):
    """Writes one table of the dataset (``events``, ``articles`` or ``rejected``).

    In: pydantic rows (or dicts) of that table. Out: the paths of the files written
    (``fileio.FileResult``). Files go to ``<path>/<column>=<value>/part-<tag>-<shard>.parquet``
    (or ``<path>/part-...`` for an unpartitioned table), ``shards`` files per partition; the
    partition column lives in the folder name only, as Hive partitioning expects. ``tag`` names the batch: a
    run of the same batch writes the same names (the batch CLI writes to a staging folder and commits from
    there, see ``pipeline/commit.py``). The counter ``rows_<table>`` counts the rows handed to the writer.
    """

    def __init__(self, path: str, table: TableSchema, tag: str, temp_directory: str, shards: int = 1) -> None:
        super().__init__()
        self._path = path
        self._table = table
        self._tag = tag
        self._temp_directory = temp_directory
        self._shards = shards

    def expand(self, records: beam.PCollection) -> beam.PCollection:
        table = self._table
        column = table.partition_column

        return (
            records
            | "ToRows" >> beam.ParDo(_CountRowsFn(table.name))
            | "WriteFiles"
            >> fileio.WriteToFiles(
                path=self._path,
                destination=lambda row: partition_value(row, column),
                file_naming=HivePartitionNaming(self._path, column, self._tag),
                sink=lambda destination: _FileRowSink(table),
                temp_directory=StaticValueProvider(str, self._temp_directory),
                shards=self._shards,
                # No writer per bundle: every row goes through the grouped (destination, shard) path,
                # so a partition gets exactly `shards` files per run however the rows were bundled.
                max_writers_per_bundle=0,
            )
        )


class _FileRowSink(ParquetSink):
    """Drops the partition column (it is in the folder name) before writing."""

    def write(self, record: BaseModel | dict[str, Any]) -> None:
        row = to_row(record)
        super().write({name: row.get(name) for name in self._schema.names})
