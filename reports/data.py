"""Reading an output folder back: the tables as Arrow, typed with the dataset's own partitioning."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from schemas.arrow import output_tables

# Any version string gives the same schemas: only the file metadata differs.
_SCHEMAS = output_tables("report")


@dataclass
class Output:
    """The tables of one output folder. A missing table is an empty table with its schema."""

    path: str
    events: pa.Table
    articles: pa.Table
    rejected: pa.Table
    runs: list[dict[str, Any]] = field(default_factory=list)
    other_tables: dict[str, int] = field(default_factory=dict)  # row counts of the remaining tables


def read_table(output: str | Path, name: str) -> pa.Table:
    """One table of OUT/, read with Hive partitioning typed as the schema says (event_date as a date).

    The dataset schema is the current one, so files written before a nullable column was added
    read with nulls in it, instead of failing or dropping the column.
    """
    table = _SCHEMAS[name]
    folder = Path(output) / name
    # Hidden and `_`-prefixed paths are work in progress (temporary files), as for Spark and Hive readers.
    files = sorted(
        str(p)
        for p in folder.rglob("*.parquet")
        if not any(part.startswith((".", "_")) for part in p.relative_to(folder).parts)
    )
    if not files:
        return table.dataset_schema.empty_table()
    dataset = ds.dataset(
        files,
        format="parquet",
        partitioning=table.partitioning(),
        partition_base_dir=str(folder),
        schema=table.dataset_schema,
    )
    return dataset.to_table()


def read_runs(output: str | Path) -> list[dict[str, Any]]:
    runs = []
    for path in sorted((Path(output) / "_runs").glob("*.json")):
        try:
            runs.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue  # a manifest being written, or damaged: the tables are still readable
    return runs


def read_output(output: str | Path) -> Output:
    if not Path(output).is_dir():
        raise FileNotFoundError(f"{output} is not a folder (expected the --output folder of `newsevents run`)")
    return Output(
        path=str(output),
        events=read_table(output, "events"),
        articles=read_table(output, "articles"),
        rejected=read_table(output, "rejected"),
        runs=read_runs(output),
        other_tables={
            name: read_table(output, name).num_rows
            for name in _SCHEMAS
            if name not in ("events", "articles", "rejected") and (Path(output) / name).is_dir()
        },
    )
