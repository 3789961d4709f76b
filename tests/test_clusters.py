"""Event clusters and near-duplicate articles: pure grouping logic, the Beam composites, the `cluster` command."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import apache_beam as beam
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from coder.clusters import build_clusters, cluster_id, cluster_key, publisher_of
from ingest.near_duplicates import band_keys, duplicate_groups, find_near_duplicates, signature
from pipeline.commands.cluster import FILE_NAME, _exchange, rebuild
from schemas.arrow import output_tables
from schemas.models import Article, ArticleRow, Event
from transforms.cluster_events import ClusterEvents
from transforms.near_duplicates import FindNearDuplicates, MarkDuplicateGroups

VERSION = "test"
DAY = date(2022, 4, 26)

WIRE = (
    "KYIV, April 26 - Russian forces shelled the north-eastern city of Kharkiv overnight, damaging apartment "
    "buildings and a school, the regional governor said on Tuesday. Emergency services said at least three "
    "people were killed and a dozen wounded. The governor urged residents to stay in shelters as air raid "
    "sirens sounded across the region for much of the morning, and said repair crews were restoring power."
)
# The same wire story as reprinted: a dateline dropped, a word changed, a local sentence added.
REPRINT = (
    "Russian forces shelled the north-eastern city of Kharkiv overnight, damaging apartment buildings and a "
    "school, the regional governor said on Tuesday. Emergency services said at least three people were killed "
    "and a dozen injured. The governor urged residents to stay in shelters as air raid sirens sounded across the "
    "region for much of the morning, and said repair crews were restoring power. Our correspondent reports calm."
)
UNRELATED = (
    "The central bank left its benchmark interest rate unchanged on Tuesday, citing easing inflation and a "
    "stronger currency, and said it expected growth to pick up in the second half of the year as exports recover."
)


def mention(event_id: str, article_id: str, **fields: Any) -> dict[str, Any]:
    row = {
        "event_id": event_id,
        "event_date": DAY,
        "article_id": article_id,
        "article_url": f"https://{article_id}.example/story",
        "publisher": None,
        "published": datetime(2022, 4, 26, 8, tzinfo=timezone.utc),
        "sentence": f"sentence of {event_id}",
        "source_code": "RUSMIL",
        "target_code": "UKR",
        "cameo_code": "194",
        "plover_type": "ASSAULT",
        "quad_class": 4,
        "goldstein": -10.0,
        "negated": False,
        "location_name": None,
        "location_country": None,
        "latitude": None,
        "longitude": None,
        "confidence": 0.8,
        "duplicate_group": None,
    }
    row.update(fields)
    return row


def event(event_id: str, article_id: str, **fields: Any) -> Event:
    row = mention(event_id, article_id, **fields)
    row.pop("duplicate_group")
    defaults = {
        "date_source": "text",
        "sentence_index": 0,
        "trigger_text": "shelled",
        "trigger_start": 0,
        "trigger_end": 7,
        "cameo_root": row["cameo_code"][:2],
        "event_mode": "asserted",
        "pipeline_version": VERSION,
    }
    return Event(**{**defaults, **row})


# ------------------------------------------------------------------------------------------ grouping


def test_one_story_in_three_differently_worded_articles_is_one_cluster():
    mentions = [
        mention("e1", "reuters", publisher="Reuters", cameo_code="194", confidence=0.9),
        mention("e2", "bbc", publisher="BBC", cameo_code="1941", sentence="Russian troops bombarded Kharkiv."),
        mention("e3", "ap", publisher="AP", cameo_code="194", published=datetime(2022, 4, 26, 12, tzinfo=timezone.utc)),
    ]
    (cluster,) = build_clusters(mentions, VERSION)
    assert (cluster.num_mentions, cluster.num_articles, cluster.num_article_copies, cluster.num_publishers) == (
        3,
        3,
        3,
        3,
    )
    assert cluster.cameo_base == "194" and cluster.cameo_code == "194"
    assert cluster.event_ids == ["e1", "e2", "e3"]
    assert cluster.publishers == ["AP", "BBC", "Reuters"]
    assert cluster.representative_event_id == "e1"  # the most confident mention
    assert cluster.first_seen.hour == 8 and cluster.last_seen.hour == 12
    assert cluster.mean_goldstein == -10.0


def test_different_events_between_the_same_actors_on_the_same_day_stay_apart():
    mentions = [
        mention("e1", "a", cameo_code="194"),  # shelling
        mention("e2", "b", cameo_code="042", plover_type="CONSULT", quad_class=1, goldstein=1.9),  # a visit
        mention("e3", "c", cameo_code="194", negated=True),  # "did not shell"
        mention("e4", "d", cameo_code="194", event_date=date(2022, 4, 27)),  # the next day
        mention("e5", "e", cameo_code="194", source_code="BLRMIL"),  # another source
    ]
    clusters = build_clusters(mentions, VERSION)
    assert len(clusters) == 5 and all(c.num_mentions == 1 for c in clusters)


def test_location_splits_only_when_known():
    kharkiv = {"location_name": "Kharkiv", "latitude": 49.98, "longitude": 36.25, "location_country": "UKR"}
    lviv = {"location_name": "Lviv", "latitude": 49.84, "longitude": 24.03, "location_country": "UKR"}
    # One known place: the mention that names no place joins it.
    (joined,) = build_clusters([mention("e1", "a", **kharkiv), mention("e2", "b")], VERSION)
    assert joined.num_mentions == 2 and joined.location_name == "Kharkiv"
    # Two places: two events; the unlocated mention cannot be assigned and stays on its own.
    clusters = build_clusters([mention("e1", "a", **kharkiv), mention("e2", "b", **lviv), mention("e3", "c")], VERSION)
    assert sorted((c.location_name or "", c.num_mentions) for c in clusters) == [("", 1), ("Kharkiv", 1), ("Lviv", 1)]


def test_syndicated_copies_count_as_one_article_with_several_publishers():
    mentions = [
        mention("e1", "wire", publisher="AP", duplicate_group="wire"),
        mention("e2", "reprint-1", publisher="Daily A", duplicate_group="wire"),
        mention("e3", "reprint-2", publisher=None, article_url="https://www.paper-b.example/x", duplicate_group="wire"),
        mention("e4", "own-report", publisher="BBC"),
    ]
    (cluster,) = build_clusters(mentions, VERSION)
    assert cluster.num_mentions == 4
    assert cluster.num_article_copies == 4
    assert cluster.num_articles == 2  # the wire story once, plus the independent report
    assert cluster.num_publishers == 4 and "paper-b.example" in cluster.publishers


def test_cluster_ids_are_deterministic_and_independent_of_order_and_members():
    mentions = [mention(f"e{i}", f"a{i}") for i in range(4)]
    first = build_clusters(mentions, VERSION)
    second = build_clusters(list(reversed(mentions)), VERSION)
    assert [c.model_dump() for c in first] == [c.model_dump() for c in second]
    assert first[0].cluster_id == build_clusters(mentions[:1], VERSION)[0].cluster_id
    assert first[0].cluster_id == cluster_id(cluster_key(mentions[0]), None)


def test_publisher_falls_back_to_the_url_host():
    assert publisher_of({"publisher": "Reuters", "article_url": "https://x.example"}) == "Reuters"
    assert publisher_of({"publisher": None, "article_url": "https://www.bbc.co.uk/news/1"}) == "bbc.co.uk"
    assert publisher_of({"publisher": None, "article_url": None}) is None


# ------------------------------------------------------------------------------------- near-duplicates


def test_wire_reprint_is_a_near_duplicate_and_unrelated_text_is_not():
    published = {
        "wire": datetime(2022, 4, 26, 6, tzinfo=timezone.utc),
        "reprint": datetime(2022, 4, 26, 9, tzinfo=timezone.utc),
    }
    groups = find_near_duplicates({"reprint": REPRINT, "wire": WIRE, "other": UNRELATED}, published)
    assert groups == {"wire": "wire", "reprint": "wire"}  # named by the first copy


def test_short_texts_are_not_compared_and_signatures_are_stable():
    assert signature("Russia attacked Ukraine.") is None
    sig = signature(WIRE)
    assert sig == signature(WIRE.upper().replace(",", " ,"))  # case and punctuation do not matter
    assert len(band_keys(sig)) == 16


def test_groups_are_connected_components():
    groups = duplicate_groups([("b", "c"), ("a", "b"), ("x", "y")])
    assert groups == {"a": "a", "b": "a", "c": "a", "x": "x", "y": "x"}


# ------------------------------------------------------------------------------------- Beam composites


def article(article_id: str, text: str, published: str, publisher: str) -> Article:
    return Article(id=article_id, text=text, published=published, publisher=publisher, source_file="mem.jsonl")


def article_row(article_id: str) -> ArticleRow:
    return ArticleRow(
        article_id=article_id,
        published_date=DAY,
        text="...",
        source_file="mem.jsonl",
        sentence_count=1,
        event_count=1,
        pipeline_version=VERSION,
    )


def test_find_near_duplicates_and_mark_article_rows_on_the_direct_runner():
    articles = [
        article("wire", WIRE, "2022-04-26T06:00:00Z", "AP"),
        article("reprint", REPRINT, "2022-04-26T09:00:00Z", "Daily A"),
        article("other", UNRELATED, "2022-04-26T07:00:00Z", "FT"),
    ]
    with TestPipeline(runner="DirectRunner") as p:
        groups = p | "Articles" >> beam.Create(articles) | FindNearDuplicates()
        rows = p | "Rows" >> beam.Create([article_row(a.id) for a in articles])
        marked = {"rows": rows, "groups": groups} | MarkDuplicateGroups()
        assert_that(groups, equal_to([("reprint", "wire"), ("wire", "wire")]), label="groups")
        assert_that(
            marked | beam.Map(lambda r: (r.article_id, r.duplicate_group)),
            equal_to([("wire", "wire"), ("reprint", "wire"), ("other", None)]),
            label="marked",
        )


def test_find_near_duplicates_with_no_duplicates_gives_nothing():
    with TestPipeline(runner="DirectRunner") as p:
        groups = p | beam.Create([article("other", UNRELATED, "2022-04-26", "FT")]) | FindNearDuplicates()
        assert_that(groups, equal_to([]))


def test_cluster_events_on_the_direct_runner():
    events = [
        event("e1", "wire", publisher="AP"),
        event("e2", "reprint", publisher="Daily A"),
        event("e3", "bbc", publisher="BBC"),
        event("e4", "bbc", cameo_code="042", plover_type="CONSULT", quad_class=1, goldstein=1.9),
    ]
    with TestPipeline(runner="DirectRunner") as p:
        clusters = {
            "events": p | "Events" >> beam.Create(events),
            "duplicate_groups": p | "Groups" >> beam.Create([("wire", "wire"), ("reprint", "wire")]),
        } | ClusterEvents(VERSION)
        assert_that(
            clusters | beam.Map(lambda c: (c.cameo_base, c.num_mentions, c.num_articles, c.num_publishers)),
            equal_to([("194", 3, 2, 3), ("042", 1, 1, 1)]),  # the 042 publisher is its URL host
        )


# ------------------------------------------------------------------------------------- cluster command


def write_events(output: Path, day: date, events: list[Event], name: str = "part-run1-00000-of-00001.parquet") -> None:
    table = output_tables(VERSION)["events"]
    folder = output / "events" / f"event_date={day.isoformat()}"
    folder.mkdir(parents=True, exist_ok=True)
    rows = [{n: e.model_dump()[n] for n in table.file_schema.names} for e in events]
    pq.write_table(pa.Table.from_pylist(rows, schema=table.file_schema), folder / name)


def write_articles(output: Path, rows: list[ArticleRow]) -> None:
    table = output_tables(VERSION)["articles"]
    folder = output / "articles" / f"published_date={DAY.isoformat()}"
    folder.mkdir(parents=True, exist_ok=True)
    data = [{n: r.model_dump()[n] for n in table.file_schema.names} for r in rows]
    pq.write_table(pa.Table.from_pylist(data, schema=table.file_schema), folder / "part-run1-00000-of-00001.parquet")


def read_clusters(output: Path) -> list[dict[str, Any]]:
    table = output_tables(VERSION)["event_clusters"]
    dataset = ds.dataset(output / "event_clusters", format="parquet", partitioning=table.partitioning())
    return dataset.to_table().to_pylist()


def test_cluster_command_rebuilds_dates_idempotently_and_replaces_old_files(tmp_path: Path):
    output = tmp_path / "out"
    write_events(output, DAY, [event("e1", "wire", publisher="AP"), event("e2", "reprint", publisher="Daily A")])
    # A second (appending) run added a mention of the same event in its own file.
    write_events(output, DAY, [event("e3", "bbc", publisher="BBC")], name="part-run2-00000-of-00001.parquet")
    write_events(output, date(2022, 4, 27), [event("e4", "ap", event_date=date(2022, 4, 27))])
    rows = [article_row("wire"), article_row("reprint"), article_row("bbc")]
    write_articles(output, [r.model_copy(update={"duplicate_group": "wire"}) for r in rows[:2]] + rows[2:])
    # Cluster files the two runs wrote, each from its own mentions only: to be replaced.
    stale = output / "event_clusters" / f"event_date={DAY}"
    stale.mkdir(parents=True)
    (stale / "part-run1-00000-of-00001.parquet").write_bytes(b"stale")
    (stale / "part-run2-00000-of-00001.parquet").write_bytes(b"stale")
    gone = output / "event_clusters" / "event_date=2022-01-01"  # its events were removed
    gone.mkdir()
    (gone / "part-run0-00000-of-00001.parquet").write_bytes(b"stale")

    summary = rebuild(output, None, VERSION)
    assert summary[DAY.isoformat()] == {"mentions": 3, "clusters": 1}
    assert sorted(p.name for p in stale.iterdir()) == [FILE_NAME]
    assert not gone.exists()
    assert not (output / "_tmp").exists()
    clusters = {str(r["event_date"]): r for r in read_clusters(output)}
    assert clusters[DAY.isoformat()]["num_articles"] == 2  # wire + reprint count once
    assert clusters[DAY.isoformat()]["num_publishers"] == 3
    assert clusters[DAY.isoformat()]["event_ids"] == ["e1", "e2", "e3"]
    assert clusters["2022-04-27"]["num_mentions"] == 1

    before = {p: p.read_bytes() for p in (output / "event_clusters").rglob("*.parquet")}
    rebuild(output, [DAY], VERSION)
    rebuild(output, None, VERSION)
    after = {p: p.read_bytes() for p in (output / "event_clusters").rglob("*.parquet")}
    assert before == after, "re-running `cluster` must give identical files"


def test_cluster_command_from_the_cli(tmp_path: Path, capsys):
    from pipeline.commands import cluster

    output = tmp_path / "out"
    write_events(output, DAY, [event("e1", "a", publisher="AP")])
    parser_args = type("Args", (), {"output": str(output), "dates": [DAY], "log_format": "json", "quiet": False})
    assert cluster.main(parser_args, []) == 0
    assert "1 mentions → 1 clusters" in capsys.readouterr().out
    assert cluster.main(type("Args", (), {**vars(parser_args), "output": str(tmp_path / "none")}), []) == 2


def test_cluster_command_refuses_while_a_run_holds_the_output(tmp_path: Path):
    from pipeline.commands import cluster
    from pipeline.commit import output_lock

    output = tmp_path / "out"
    write_events(output, DAY, [event("e1", "a")])
    args = type("Args", (), {"output": str(output), "dates": [], "log_format": "json", "quiet": True})
    with output_lock(str(output)):
        assert cluster.main(args, []) == 2
    assert not (output / "event_clusters").exists()
    assert cluster.main(args, []) == 0


def test_partition_swap_is_a_single_exchange_on_linux(tmp_path: Path):
    left, right = tmp_path / "left", tmp_path / "right"
    left.mkdir()
    right.mkdir()
    (left / "f").write_text("new")
    (right / "f").write_text("old")
    if not _exchange(left, right):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available here; the two-rename fallback is used")
    assert (right / "f").read_text() == "new" and (left / "f").read_text() == "old"
