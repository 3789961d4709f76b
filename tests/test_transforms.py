"""Each composite on the DirectRunner with TestPipeline + assert_that."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import apache_beam as beam
import pyarrow.dataset as ds
import pytest
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to, is_not_empty

from ingest.formats import ReadSettings
from schemas.arrow import output_tables
from schemas.models import Article, RejectedRecord
from schemas.records import AnnotatedArticle
from transforms.annotate import Annotate
from transforms.extract_events import ExtractEvents, SummariseArticles
from transforms.read_articles import ReadArticles
from transforms.split_sentences import SplitSentences
from transforms.write_parquet import WriteParquet

SETTINGS = ReadSettings(pipeline_version="test")
INGESTED = date(2026, 1, 1)


def direct_pipeline() -> TestPipeline:
    return TestPipeline(runner="DirectRunner")


def article(article_id: str, text: str, published: str | None = "2022-04-26") -> Article:
    return Article(id=article_id, text=text, published=published, source_file="mem.jsonl", source_line=1)


def test_read_articles_from_folder_glob_and_missing_pattern(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        json.dumps({"id": "x", "text": "One."}) + "\n{bad\n" + json.dumps({"id": "y", "text": "Two."}) + "\n"
    )
    (folder / "x.txt").write_text("Title\n\nSame id as the JSONL line, other text.\n")
    (folder / "ignored.md").write_text("not an input")
    (folder / ".hidden.jsonl").write_text(json.dumps({"id": "h", "text": "hidden"}) + "\n")
    with direct_pipeline() as p:
        out = p | ReadArticles([str(folder), str(tmp_path / "nothing-*.jsonl")], SETTINGS)
        assert_that(out["articles"] | beam.Map(lambda a: a.id), equal_to(["x", "y"]), label="ids")
        assert_that(
            out["rejected"] | beam.Map(lambda r: r.error_type),
            equal_to(["invalid_json", "duplicate_id", "input_not_found"]),
            label="rejected",
        )


def test_read_articles_keeps_the_copy_with_most_metadata(tmp_path: Path):
    (tmp_path / "a1.txt").write_text("Russia attacked Ukraine.\n")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "a1", "text": "Russia attacked Ukraine.", "published": "2022-01-01"}) + "\n"
    )
    with direct_pipeline() as p:
        out = p | ReadArticles([str(tmp_path)], SETTINGS)
        assert_that(
            out["articles"] | beam.Map(lambda a: (a.id, a.source_file.endswith(".jsonl"))),
            equal_to([("a1", True)]),
            label="kept",
        )
        assert_that(out["rejected"] | beam.Map(lambda r: r.error_type), equal_to(["duplicate_article"]), label="dup")


def test_split_sentences_with_offsets_and_long_sentence_rejected():
    text = "Russia attacked Ukraine. " + "X" * 50 + ". Talks failed."
    with direct_pipeline() as p:
        out = p | beam.Create([article("a", text)]) | SplitSentences(INGESTED, 40, SETTINGS)
        assert_that(
            out["articles"]
            | beam.FlatMap(
                lambda a: [
                    (a.article.article_id, s.index, s.text, text[s.start : s.end] == s.text) for s in a.sentences
                ]
            ),
            equal_to([("a", 0, "Russia attacked Ukraine.", True), ("a", 2, "Talks failed.", True)]),
            label="sentences",
        )
        assert_that(
            out["rejected"] | beam.Map(lambda r: (r.stage, r.error_type, r.source_file, r.article_id)),
            equal_to([("SplitSentences", "sentence_too_long", "mem.jsonl", "a")]),
            label="rejected",
        )


def test_annotate_outputs_plain_data():
    with direct_pipeline() as p:
        sentences = (
            p
            | beam.Create([article("a", "Russia attacked Ukraine. NATO met in Brussels.")])
            | SplitSentences(INGESTED, 2000, SETTINGS)
        )
        out = sentences["articles"] | Annotate(None, SETTINGS)

        def summary(article: AnnotatedArticle) -> list[tuple]:
            rows = []
            for annotated in article.sentences:
                a = annotated.annotation
                assert all(isinstance(w, str) for w in a.words) and all(isinstance(h, int) for h in a.heads)
                rows.append((annotated.sentence.index, a.words[0], len(a.words) == len(a.deps) == len(a.lemmas)))
            return rows

        assert_that(
            out["annotated"] | beam.FlatMap(summary),
            equal_to([(0, "Russia", True), (1, "NATO", True)]),
            label="annotated",
        )
        assert_that(out["rejected"], equal_to([]), label="none rejected")


def test_annotate_dealt_to_lanes_parses_every_article_once():
    texts = {
        "a": "Russia attacked Ukraine. NATO met in Brussels.",
        "b": "Talks failed.",
        "c": "France condemned the strike. Germany agreed. Italy refused.",
    }
    with direct_pipeline() as p:
        sentences = (
            p
            | beam.Create([article(article_id, text) for article_id, text in texts.items()])
            | SplitSentences(INGESTED, 2000, SETTINGS)
        )
        out = sentences["articles"] | Annotate(None, SETTINGS, lanes=2)
        assert_that(
            out["annotated"] | beam.Map(lambda a: (a.article.article_id, len(a.sentences))),
            equal_to([("a", 2), ("b", 1), ("c", 3)]),
        )


def test_extract_events_and_article_rows():
    articles = [
        article("a", "Russian forces shelled Kharkiv on Monday. The weather was fine."),
        article("b", "Nothing happened here.", published=None),
    ]
    with direct_pipeline() as p:
        arts = p | "Articles" >> beam.Create(articles)
        sentences = arts | SplitSentences(INGESTED, 2000, SETTINGS)
        annotated = sentences["articles"] | Annotate(None, SETTINGS)
        events = annotated["annotated"] | ExtractEvents(SETTINGS)
        assert_that(
            events["events"] | beam.Map(lambda e: (e.article_id, e.cameo_code, e.source_code, e.event_date)),
            equal_to([("a", "194", "RUSMIL", date(2022, 4, 25))]),
            label="events",
        )
        rows = {"articles": arts, "annotated": annotated["annotated"], "events": events["events"]} | (
            SummariseArticles(INGESTED, "test")
        )
        assert_that(
            rows | beam.Map(lambda r: (r.article_id, r.published_date, r.sentence_count, r.event_count)),
            equal_to([("a", date(2022, 4, 26), 2, 1), ("b", INGESTED, 1, 0)]),
            label="rows",
        )


@pytest.mark.parametrize("shards", [1, 2])
def test_write_parquet_hive_partitions_read_back(tmp_path: Path, shards: int):
    table = output_tables("test")["rejected"]
    events = output_tables("test")["articles"]
    rows = [
        {
            "article_id": f"a{i}",
            "published_date": date(2022, 1, 1 + i % 3),
            "text": "t",
            "source_file": "f",
            "sentence_count": 1,
            "event_count": 0,
            "pipeline_version": "test",
        }
        for i in range(10)
    ]
    rejected = [RejectedRecord(stage="ReadArticles", error_type="invalid_json", reason="bad", pipeline_version="test")]
    with direct_pipeline() as p:
        written = (
            p
            | "Rows" >> beam.Create(rows)
            | "W1"
            >> WriteParquet(str(tmp_path / "articles"), events, "run1", str(tmp_path / "_tmp" / "a"), shards=shards)
        )
        (
            p
            | "Rejected" >> beam.Create(rejected)
            | "W2" >> WriteParquet(str(tmp_path / "rejected"), table, "run1", str(tmp_path / "_tmp" / "r"))
        )
        assert_that(written, is_not_empty())
    folders = sorted(p.name for p in (tmp_path / "articles").iterdir())
    assert folders == ["published_date=2022-01-01", "published_date=2022-01-02", "published_date=2022-01-03"]
    for folder in (tmp_path / "articles").iterdir():
        assert 1 <= len(list(folder.glob("part-run1-*.parquet"))) <= shards
    dataset = ds.dataset(tmp_path / "articles", format="parquet", partitioning=events.partitioning())
    result = dataset.to_table()
    assert result.num_rows == 10
    assert sorted(result.column("article_id").to_pylist()) == sorted(r["article_id"] for r in rows)
    assert result.schema.field("published_date").type == events.partition_field.type
    assert ds.dataset(tmp_path / "rejected", format="parquet").to_table().num_rows == 1
