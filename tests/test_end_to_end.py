"""End-to-end: the CLI on seeds/ and on awkward input; the Parquet read back by pyarrow, DuckDB and Polars."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pyarrow.dataset as ds
import pytest

from pipeline.cli import dispatch
from schemas.arrow import output_tables

pytestmark = pytest.mark.slow


def run_cli(inputs: list[str], output: Path, *extra: str) -> dict:
    code = dispatch(
        [
            "run",
            *inputs,
            "--output",
            str(output),
            "--runner=DirectRunner",
            "--quiet",
            "--ingest-date",
            "2026-01-01",
            "--run-id",
            "test-run",
            *extra,
        ]
    )
    assert code == 0
    return json.loads((output / "_runs" / "test-run.json").read_text())


@pytest.fixture(scope="module")
def seeds_output(tmp_path_factory, seeds_dir) -> tuple[Path, dict]:
    output = tmp_path_factory.mktemp("out")
    manifest = run_cli([str(seeds_dir)], output)
    return output, manifest


def test_events_for_both_seed_articles_under_date_partitions(seeds_output):
    output, _ = seeds_output
    events_table = output_tables("test")["events"]
    partitions = sorted(p.name for p in (output / "events").iterdir())
    assert partitions and all(p.startswith("event_date=") for p in partitions)
    table = ds.dataset(output / "events", format="parquet", partitioning="hive").to_table()
    assert set(table.column("article_id").to_pylist()) == {"000_81c0bf131cfcbb7c", "003_77273a3daa063c03"}
    for name in events_table.file_schema.names:
        assert name in table.schema.names
    typed = ds.dataset(output / "events", format="parquet", partitioning=events_table.partitioning()).to_table()
    assert typed.schema.field("event_date").type == events_table.partition_field.type
    rows = typed.to_pylist()
    codes = {r["cameo_code"] for r in rows}
    assert codes & {"062", "0312"}, "joint exercises"
    assert codes & {"195", "190"}, "missile strikes"
    assert codes & {"0232", "023", "020"}, "appeals"
    assert codes & {"1222", "122", "120"}, "refusals"
    assert codes & {"0332", "072"}, "promises of weapons"
    assert "042" in codes, "visits"
    for row in rows:
        assert row["sentence"] and row["trigger_text"] in row["sentence"]
        assert 1 <= row["quad_class"] <= 4 and -10 <= row["goldstein"] <= 10
        assert row["date_source"] in ("text", "published", "ingested")
        assert str(row["event_date"]) == str(row["event_date"])[:10]
        assert row["source_code"] or row["target_code"]


def test_duckdb_and_polars_read_the_same_events(seeds_output):
    output, _ = seeds_output
    glob = str(output / "events" / "**" / "*.parquet")
    con = duckdb.connect()
    count, dates = con.execute(
        f"select count(*), count(distinct event_date) from read_parquet('{glob}', hive_partitioning=true)"
    ).fetchone()
    arrow_count = ds.dataset(output / "events", format="parquet", partitioning="hive").count_rows()
    assert count == arrow_count > 0 and dates >= 1
    frame = pl.read_parquet(glob, hive_partitioning=True)
    assert frame.height == count
    assert "event_date" in frame.columns


def test_articles_table_and_manifest(seeds_output):
    output, manifest = seeds_output
    articles = ds.dataset(output / "articles", format="parquet", partitioning="hive").to_table().to_pylist()
    assert sorted(a["article_id"] for a in articles) == ["000_81c0bf131cfcbb7c", "003_77273a3daa063c03"]
    assert all(a["sentence_count"] > 5 and a["event_count"] > 0 for a in articles)
    assert manifest["accounting"]["balanced"]
    assert manifest["counts"]["articles_accepted"] == 2
    assert manifest["counts"]["events"] == sum(a["event_count"] for a in articles)
    assert manifest["files"]["events"] and all(Path(f).exists() for f in manifest["files"]["events"])
    # The seed .txt files have the same ids as the JSONL lines: the JSONL copies (with dates) win.
    rejected = ds.dataset(output / "rejected", format="parquet").to_table().to_pylist()
    assert {r["error_type"] for r in rejected} == {"duplicate_article"}
    assert not (output / "_tmp").exists() or not any((output / "_tmp").iterdir())


def test_rerun_gives_the_same_event_ids(seeds_output, seeds_dir, tmp_path):
    output, _ = seeds_output
    run_cli([str(seeds_dir)], tmp_path)
    first = sorted(ds.dataset(output / "events", format="parquet").to_table().column("event_id").to_pylist())
    second = sorted(ds.dataset(tmp_path / "events", format="parquet").to_table().column("event_id").to_pylist())
    assert first == second and len(set(first)) == len(first)


def test_bad_input_is_rejected_with_reasons_never_dropped(tmp_path, seeds_dir):
    inputs = tmp_path / "in"
    inputs.mkdir()
    good = json.loads((seeds_dir / "articles.jsonl").read_text().splitlines()[0])
    lines = [
        json.dumps(good),
        "{broken json",
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "nodate", "text": "Russian troops shelled Kharkiv yesterday."}),
    ]
    (inputs / "mixed.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    (inputs / "bad.csv").write_text("url,body\nx,y\n")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02")
    output = tmp_path / "out"
    manifest = run_cli([str(inputs), str(tmp_path / "missing" / "*.jsonl")], output, "--published", "2022-05-01")
    rejected = ds.dataset(output / "rejected", format="parquet").to_table().to_pylist()
    kinds = sorted(r["error_type"] for r in rejected)
    assert kinds == ["binary_file", "input_not_found", "invalid_json", "invalid_record", "missing_column"]
    assert all(r["reason"] and r["stage"] for r in rejected)
    assert manifest["accounting"]["balanced"]
    events = ds.dataset(output / "events", format="parquet", partitioning="hive").to_table().to_pylist()
    nodate = [e for e in events if e["article_id"] == "nodate"]
    assert nodate and str(nodate[0]["event_date"]) == "2022-04-30"  # "yesterday" of --published


def test_a_rerun_replaces_its_own_batch_and_leaves_other_data_alone(tmp_path, seeds_dir):
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(seeds_dir / "articles.jsonl", one / "articles.jsonl")
    run_cli([str(one)], tmp_path / "out")
    once = sorted(ds.dataset(tmp_path / "out" / "events", format="parquet").to_table().column("event_id").to_pylist())
    foreign = tmp_path / "out" / "events" / "event_date=1999-01-01"
    foreign.mkdir()
    run_cli([str(one)], tmp_path / "out")
    assert foreign.exists()  # no clearing: only this batch's own files are replaced
    twice = sorted(ds.dataset(tmp_path / "out" / "events", format="parquet").to_table().column("event_id").to_pylist())
    assert once and twice == once
