"""The dataset as a downstream consumer sees it.

One pipeline run on seeds/, read with Hive partitioning by pyarrow.dataset, DuckDB and Polars, which
must agree on the queries people run (events per day by quad class, top actor pairs, events in a
country). Then the Parquet files themselves: zstd, dictionary-encoded codes, statistics, version
metadata, and old and new files (a nullable column added since) read together.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from pipeline.cli import dispatch
from schemas.arrow import output_tables
from schemas.models import SCHEMA_VERSION
from transforms.parquet_sink import ParquetSink

VERSION = "test"
EVENTS = output_tables(VERSION)["events"]


@pytest.fixture(scope="module")
def out(tmp_path_factory, seeds_dir) -> Path:
    output = tmp_path_factory.mktemp("consumer") / "out"
    code = dispatch(
        ["run", str(seeds_dir), "--output", str(output), "--runner=DirectRunner", "--quiet"]
        + ["--ingest-date", "2026-01-01", "--run-id", "consumer-run"]
    )
    assert code == 0
    return output


def _glob(out: Path) -> str:
    return str(out / "events" / "**" / "*.parquet")


def _arrow(out: Path) -> pa.Table:
    return ds.dataset(out / "events", format="parquet", partitioning=EVENTS.partitioning()).to_table()


@pytest.mark.slow
def test_events_per_day_by_quad_class_agree_across_readers(out):
    arrow = (
        _arrow(out)
        .group_by(["event_date", "quad_class"])
        .aggregate([([], "count_all")])
        .sort_by([("event_date", "ascending"), ("quad_class", "ascending")])
    )
    expected = [(r["event_date"], r["quad_class"], r["count_all"]) for r in arrow.to_pylist()]
    assert expected and sum(n for *_, n in expected) == _arrow(out).num_rows
    duck = duckdb.sql(
        f"""select event_date, quad_class, count(*) as n
            from read_parquet('{_glob(out)}', hive_partitioning = true)
            group by all order by all"""
    ).fetchall()
    assert duck == expected
    polars = (
        pl.scan_parquet(_glob(out), hive_partitioning=True)
        .group_by("event_date", "quad_class")
        .agg(pl.len().alias("n"))
        .sort("event_date", "quad_class")
        .collect()
    )
    assert polars.schema["event_date"] == pl.Date  # Hive values typed as dates, not strings
    assert [tuple(r) for r in polars.iter_rows()] == expected


@pytest.mark.slow
def test_top_actor_pairs_agree_across_readers(out):
    table = _arrow(out)
    known = table.filter(pc.and_(pc.is_valid(table["source_code"]), pc.is_valid(table["target_code"])))
    grouped = known.group_by(["source_code", "target_code"]).aggregate([([], "count_all")])
    expected = sorted(
        ((r["source_code"], r["target_code"], r["count_all"]) for r in grouped.to_pylist()),
        key=lambda r: (-r[2], r[0], r[1]),
    )[:5]
    assert expected
    duck = duckdb.sql(
        f"""select source_code, target_code, count(*) as n
            from read_parquet('{_glob(out)}', hive_partitioning = true)
            where source_code is not null and target_code is not null
            group by all order by n desc, source_code, target_code limit 5"""
    ).fetchall()
    assert duck == expected
    polars = (
        pl.scan_parquet(_glob(out), hive_partitioning=True)
        .drop_nulls(["source_code", "target_code"])
        .group_by("source_code", "target_code")
        .agg(pl.len().alias("n"))
        .sort(["n", "source_code", "target_code"], descending=[True, False, False])
        .head(5)
        .collect()
    )
    assert [tuple(r) for r in polars.iter_rows()] == expected


@pytest.mark.slow
def test_events_in_a_country_and_partition_pruning(out):
    table = _arrow(out)
    involves = pc.or_kleene(
        pc.or_kleene(pc.equal(table["source_country"], "UKR"), pc.equal(table["target_country"], "UKR")),
        pc.equal(table["location_country"], "UKR"),
    )
    expected = sorted(table.filter(involves)["event_id"].to_pylist())
    assert expected, "the seed articles are about the war in Ukraine"
    duck = duckdb.sql(
        f"""select event_id from read_parquet('{_glob(out)}', hive_partitioning = true)
            where 'UKR' in (source_country, target_country, location_country) order by event_id"""
    ).fetchall()
    assert [r[0] for r in duck] == expected
    polars = (
        pl.scan_parquet(_glob(out), hive_partitioning=True)
        .filter(pl.any_horizontal(pl.col("source_country", "target_country", "location_country") == "UKR"))
        .select("event_id")
        .sort("event_id")
        .collect()
    )
    assert polars["event_id"].to_list() == expected
    # A date filter reads only the folders of those dates.
    day = min(table["event_date"].to_pylist())
    dataset = ds.dataset(out / "events", format="parquet", partitioning=EVENTS.partitioning())
    fragments = list(dataset.get_fragments(filter=pc.field("event_date") == pa.scalar(day, pa.date32())))
    assert fragments and all(f"event_date={day}" in f.path for f in fragments)
    assert len(fragments) < len(list(dataset.get_fragments()))


@pytest.mark.slow
def test_files_are_zstd_with_dictionary_codes_statistics_and_version_metadata(out):
    files = sorted((out / "events").rglob("*.parquet"))
    assert files
    coded = set(EVENTS.coded_columns)
    assert {"cameo_code", "cameo_root", "source_country", "plover_type", "quad_class"} - {"quad_class"} <= coded
    for path in files:
        parquet = pq.ParquetFile(path)
        meta = parquet.metadata
        kv = meta.metadata
        assert kv[b"newsevents.schema_version"] == SCHEMA_VERSION.encode()
        assert kv[b"newsevents.table"] == b"events"
        assert kv[b"newsevents.pipeline_version"]
        # The Arrow schema travels in the file: column descriptions are there for any reader.
        schema = parquet.schema_arrow
        assert schema.field("cameo_root").metadata[b"description"]
        for group in range(meta.num_row_groups):
            row_group = meta.row_group(group)
            for i in range(row_group.num_columns):
                column = row_group.column(i)
                assert column.compression == "ZSTD", column.path_in_schema
                assert column.statistics is not None, column.path_in_schema
                if column.path_in_schema in coded:
                    assert "RLE_DICTIONARY" in column.encodings, column.path_in_schema
            names = [row_group.column(i).path_in_schema for i in range(row_group.num_columns)]
            root = row_group.column(names.index("cameo_root")).statistics
            assert root.has_min_max and len(root.min) == 2
            country = row_group.column(names.index("source_country")).statistics
            assert country.has_null_count
    # event_date lives in the folder names: its "statistics" are the partition values.
    assert all(p.parent.name.startswith("event_date=") for p in files)


def _sink_write(path: Path, rows: list[dict]) -> None:
    sink = ParquetSink(EVENTS)
    with path.open("wb") as handle:
        sink.open(handle)
        for row in rows:
            sink.write(row)
        sink.flush()


@pytest.mark.slow
def test_files_from_before_a_nullable_column_was_added_read_together(out, tmp_path):
    """A file of an older schema (without ``latitude``) and a current file, in one dataset."""
    rows = [{k: v for k, v in r.items() if k != "event_date"} for r in _arrow(out).slice(0, 2).to_pylist()]
    folder = tmp_path / "events" / "event_date=2022-04-26"
    folder.mkdir(parents=True)
    _sink_write(folder / "part-new.parquet", rows)
    old_schema = EVENTS.file_schema.remove(EVENTS.file_schema.get_field_index("latitude"))
    old_schema = old_schema.with_metadata({**old_schema.metadata, b"newsevents.schema_version": b"0"})
    old_rows = [{k: v for k, v in r.items() if k != "latitude"} for r in rows]
    pq.write_table(pa.Table.from_pylist(old_rows, schema=old_schema), folder / "part-old.parquet", compression="zstd")

    # pyarrow: the current dataset schema fills the missing column with nulls.
    dataset = ds.dataset(
        tmp_path / "events", format="parquet", partitioning=EVENTS.partitioning(), schema=EVENTS.dataset_schema
    )
    table = dataset.to_table()
    assert table.num_rows == 4 and table["latitude"].null_count >= 2
    # DuckDB: union_by_name matches columns by name across files.
    duck = duckdb.sql(
        f"""select count(*), count(latitude), count(distinct event_id)
            from read_parquet('{tmp_path}/events/**/*.parquet', hive_partitioning = true, union_by_name = true)"""
    ).fetchall()[0]
    assert duck[0] == 4 and duck[2] == 2
    # Polars: the current schema, with missing columns inserted as nulls.
    frame = pl.scan_parquet(
        str(tmp_path / "events" / "**" / "*.parquet"),
        hive_partitioning=True,
        schema=pl.Schema(pl.from_arrow(EVENTS.file_schema.empty_table()).schema),
        missing_columns="insert",
    ).collect()
    assert frame.height == 4 and "latitude" in frame.columns and "event_date" in frame.columns
