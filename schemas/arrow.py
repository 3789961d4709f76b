"""Arrow schemas of the output tables, derived from the pydantic models in :mod:`schemas.models`."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

import pyarrow as pa
import pyarrow.dataset as ds
from pydantic import BaseModel

from schemas.models import (
    SCHEMA_VERSION,
    Arrow,
    ArticleRow,
    Coded,
    Event,
    EventCluster,
    Partition,
    RejectedRecord,
)

CODED_METADATA_KEY = "newsevents.coded"

_PYTHON_TO_ARROW: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    date: pa.date32(),
    datetime: pa.timestamp("us", tz="UTC"),
}


def _arrow_type(annotation: object) -> tuple[pa.DataType, bool, bool, bool]:
    """(arrow type, nullable, is_partition, is_coded) for a field annotation."""
    nullable = False
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(members) < len(typing.get_args(annotation))
        (annotation,) = members
        origin = typing.get_origin(annotation)
    override: pa.DataType | None = None
    partition = coded = False
    if origin is typing.Annotated:
        base, *extras = typing.get_args(annotation)
        for extra in extras:
            if isinstance(extra, Arrow):
                override = extra.type
            elif isinstance(extra, Partition):
                partition = True
            elif isinstance(extra, Coded):
                coded = True
        annotation = base
    return override or _PYTHON_TO_ARROW[annotation], nullable, partition, coded


@dataclass(frozen=True)
class TableSchema:
    """A table of the dataset: its name, the schema of its files and its partition column."""

    name: str
    model: type[BaseModel]
    file_schema: pa.Schema
    partition_field: pa.Field | None

    @property
    def partition_column(self) -> str | None:
        return self.partition_field.name if self.partition_field is not None else None

    @property
    def dataset_schema(self) -> pa.Schema:
        """The schema a reader sees with Hive partitioning: file columns plus the partition column."""
        if self.partition_field is None:
            return self.file_schema
        return self.file_schema.append(self.partition_field)

    @property
    def coded_columns(self) -> list[str]:
        """Columns written dictionary-encoded (small vocabularies of codes)."""
        return [f.name for f in self.file_schema if (f.metadata or {}).get(CODED_METADATA_KEY.encode()) == b"true"]

    def partitioning(self) -> ds.Partitioning | None:
        """pyarrow partitioning that types the partition column (dates) instead of inferring strings."""
        if self.partition_field is None:
            return None
        return ds.partitioning(pa.schema([self.partition_field]), flavor="hive")


def table_schema(name: str, model: type[BaseModel], pipeline_version: str) -> TableSchema:
    hints = typing.get_type_hints(model, include_extras=True)
    fields: list[pa.Field] = []
    partition_field: pa.Field | None = None
    for field_name, info in model.model_fields.items():
        arrow_type, nullable, is_partition, is_coded = _arrow_type(hints[field_name])
        metadata = {"description": info.description or ""}
        if is_coded:
            metadata[CODED_METADATA_KEY] = "true"
        arrow_field = pa.field(field_name, arrow_type, nullable=nullable, metadata=metadata)
        if is_partition:
            partition_field = arrow_field
        else:
            fields.append(arrow_field)
    schema = pa.schema(
        fields,
        metadata={
            "newsevents.table": name,
            "newsevents.schema_version": SCHEMA_VERSION,
            "newsevents.pipeline_version": pipeline_version,
        },
    )
    return TableSchema(name=name, model=model, file_schema=schema, partition_field=partition_field)


@cache
def output_tables(pipeline_version: str) -> dict[str, TableSchema]:
    """The dataset's tables, keyed by their folder name under OUT/."""
    return {
        "events": table_schema("events", Event, pipeline_version),
        "articles": table_schema("articles", ArticleRow, pipeline_version),
        "rejected": table_schema("rejected", RejectedRecord, pipeline_version),
        "event_clusters": table_schema("event_clusters", EventCluster, pipeline_version),
    }
