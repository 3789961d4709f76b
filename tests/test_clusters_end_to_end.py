"""End-to-end: `newsevents run` writes event_clusters and duplicate groups; `newsevents cluster` rebuilds them."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from pipeline.cli import dispatch
from schemas.arrow import output_tables

pytestmark = pytest.mark.slow

WIRE = (
    "Russian forces shelled Kharkiv on Tuesday, local officials said. The strikes damaged several apartment "
    "buildings and a school in the north of the city, and emergency crews worked through the night to reach "
    "residents trapped under the rubble."
)
ARTICLES = [
    {"id": "reuters-1", "source": "Reuters", "published": "2022-04-26T08:00:00Z", "text": WIRE},
    # The wire story reprinted with a small edit: the same article for counting, another publisher.
    {
        "id": "gazette-7",
        "source": "Daily Gazette",
        "published": "2022-04-26T09:15:00Z",
        "text": WIRE.replace("emergency crews", "rescue teams") + " Our reporter in Kyiv contributed.",
    },
    {
        "id": "bbc-1",
        "source": "BBC",
        "published": "2022-04-26T10:00:00Z",
        "text": "Russian troops bombarded Kharkiv on Tuesday. Residents spent the night in shelters.",
    },
    {
        "id": "ap-1",
        "source": "AP",
        "published": "2022-04-26T12:30:00Z",
        "text": "Russia's army shelled the city of Kharkiv on Tuesday. "
        "Russia also expelled Ukrainian diplomats on Tuesday.",
    },
]


def read(output: Path, table: str) -> list[dict]:
    schema = output_tables("test")[table]
    return ds.dataset(output / table, format="parquet", partitioning=schema.partitioning()).to_table().to_pylist()


@pytest.fixture(scope="module")
def clustered(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("clusters")
    source = folder / "in.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    output = folder / "out"
    argv = ["run", str(source), "--output", str(output), "--runner=DirectRunner", "--quiet"]
    assert dispatch([*argv, "--ingest-date", "2026-01-01", "--run-id", "clusters-run"]) == 0
    return output


def test_the_same_story_in_three_articles_is_one_cluster_and_a_reprint_is_not_a_fourth(clustered):
    clusters = read(clustered, "event_clusters")
    shelling = [c for c in clusters if c["cameo_base"] == "194"]
    assert len(shelling) == 1, clusters
    (cluster,) = shelling
    assert cluster["num_article_copies"] == 4
    assert cluster["num_articles"] == 3  # the wire story and its reprint count once
    assert cluster["num_publishers"] == 4
    assert cluster["publishers"] == ["AP", "BBC", "Daily Gazette", "Reuters"]
    assert cluster["num_mentions"] == 4 and len(cluster["event_ids"]) == 4
    events = {e["event_id"] for e in read(clustered, "events")}
    assert set(cluster["event_ids"]) <= events
    # Expelling diplomats is a different event between the same actors on the same day.
    assert any(c["cameo_base"] == "161" and c["num_mentions"] == 1 for c in clusters)


def test_the_articles_table_records_the_duplicate_group(clustered):
    groups = {a["article_id"]: a["duplicate_group"] for a in read(clustered, "articles")}
    assert groups == {"reuters-1": "reuters-1", "gazette-7": "reuters-1", "bbc-1": None, "ap-1": None}


def test_the_cluster_command_gives_the_pipeline_clusters_and_identical_files_on_rerun(clustered):
    from_pipeline = sorted(
        (c["cluster_id"], c["num_articles"], c["num_mentions"]) for c in read(clustered, "event_clusters")
    )
    assert dispatch(["cluster", str(clustered), "--quiet", "--log-format", "json"]) == 0
    files = sorted((clustered / "event_clusters").rglob("*.parquet"))
    assert [f.name for f in files] == ["part-clusters-00000-of-00001.parquet"]
    rebuilt = read(clustered, "event_clusters")
    assert sorted((c["cluster_id"], c["num_articles"], c["num_mentions"]) for c in rebuilt) == from_pipeline
    before = [f.read_bytes() for f in files]
    assert dispatch(["cluster", str(clustered), "--date", "2022-04-26", "--quiet", "--log-format", "json"]) == 0
    assert [f.read_bytes() for f in sorted((clustered / "event_clusters").rglob("*.parquet"))] == before


def test_the_cluster_command_joins_a_wire_story_and_its_reprint_from_another_run(tmp_path):
    """Monday's batch has the wire story, Tuesday's batch its reprint: a run alone cannot see they are one."""
    output = tmp_path / "out"
    for batch, articles in (("monday", ARTICLES[:1]), ("tuesday", ARTICLES[1:])):
        source = tmp_path / f"{batch}.jsonl"
        source.write_text("\n".join(json.dumps(a) for a in articles) + "\n")
        argv = ["run", str(source), "--output", str(output), "--runner=DirectRunner", "--quiet"]
        assert dispatch([*argv, "--ingest-date", "2026-01-01", "--run-id", batch]) == 0
    groups = {a["article_id"]: a["duplicate_group"] for a in read(output, "articles")}
    assert groups["gazette-7"] is None, "each run groups only its own articles"
    per_run = [c for c in read(output, "event_clusters") if c["cameo_base"] == "194"]
    assert sorted(c["num_articles"] for c in per_run) == [1, 3]  # one cluster file per run, reprint counted

    assert dispatch(["cluster", str(output), "--quiet", "--log-format", "json"]) == 0
    (shelling,) = [c for c in read(output, "event_clusters") if c["cameo_base"] == "194"]
    assert (shelling["num_mentions"], shelling["num_article_copies"], shelling["num_articles"]) == (4, 4, 3)
    assert shelling["num_publishers"] == 4
