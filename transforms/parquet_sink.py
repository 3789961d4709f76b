"""A Parquet ``FileSink`` (for ``fileio.WriteToFiles`` in streaming, and the batch writer) and the Hive-style file
naming of the batch writer (``transforms.write_parquet``)."""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from apache_beam.io import fileio
from apache_beam.io.filesystems import FileSystems

from schemas.arrow import TableSchema

ROW_GROUP_SIZE = 50_000


class ParquetSink(fileio.FileSink):
    """Writes dict rows to one Parquet file with the table's fixed schema.

    Rows are buffered and written a row group at a time, so memory stays bounded by
    ``row_group_size`` rows whatever the size of the partition. Coded columns are
    dictionary-encoded; everything is zstd-compressed.
    """

    def __init__(self, table: TableSchema, row_group_size: int = ROW_GROUP_SIZE) -> None:
        self._schema = table.file_schema
        self._dictionary_columns = table.coded_columns
        self._row_group_size = row_group_size
        self._rows: list[dict[str, Any]] = []
        self._writer: pq.ParquetWriter | None = None
        self._handle: Any = None

    def open(self, fh: Any) -> None:
        self._handle = fh
        self._rows = []
        self._writer = None

    def write(self, record: dict[str, Any]) -> None:
        self._rows.append(record)
        if len(self._rows) >= self._row_group_size:
            self._write_rows()

    def flush(self) -> None:
        if self._rows or self._writer is None:
            self._write_rows()  # an empty partition still gets a readable file with the schema
        if self._writer is not None:
            self._writer.close()  # ends the Parquet footer; Beam closes the handle itself
            self._writer = None

    def _write_rows(self) -> None:
        if self._writer is None:
            self._writer = pq.ParquetWriter(
                self._handle,
                self._schema,
                compression="zstd",
                use_dictionary=self._dictionary_columns,
                write_statistics=True,
            )
        table = pa.Table.from_pylist(self._rows, schema=self._schema)
        self._writer.write_table(table, row_group_size=self._row_group_size)
        self._rows = []


class HivePartitionNaming:
    """A file's name in the batch writer: ``<column>=<destination>/part-<tag>-<shard>.parquet`` (the signature of
    ``WriteToFiles``'s ``file_naming``).

    Files are renamed into place with ``FileSystems.rename``, which cannot create the partition folder on a local
    disk, so the folder is created here, on the worker, just before the rename.
    """

    def __init__(self, base_path: str, partition_column: str | None, tag: str) -> None:
        self._base_path = base_path
        self._column = partition_column
        self._tag = tag

    def __call__(
        self,
        window: Any,
        pane: Any,
        shard_index: int | None,
        total_shards: int | None,
        compression: str | None,
        destination: Any,
    ) -> str:
        shard = f"{shard_index or 0:05d}-of-{total_shards or 1:05d}"
        name = f"part-{self._tag}-{shard}.parquet"
        folder = f"{self._column}={destination}" if self._column is not None else ""
        full = FileSystems.join(self._base_path, folder) if folder else self._base_path
        try:
            if not FileSystems.exists(full):
                FileSystems.mkdirs(full)
        except OSError:
            pass  # another worker created it first
        except Exception:  # noqa: BLE001 - object stores have no folders to create
            pass
        return f"{folder}/{name}" if folder else name
