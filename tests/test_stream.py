"""Streaming: the inbox and ledger (pure), the windowed commit (TestStream), compaction, message decoding."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import apache_beam as beam
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
from apache_beam.testing.test_stream import TestStream as BeamTestStream
from apache_beam.transforms.window import TimestampedValue

from ingest.formats import ReadSettings
from ingest.inbox import Ledger, list_inbox
from ingest.messages import decode_message, parse_source
from pipeline.commands.compact import compact
from schemas.arrow import output_tables
from schemas.models import Article, RejectedRecord
from transforms.stream_source import StreamState, message_payload, register_stream_state
from transforms.stream_write import FileDone, StreamWrite, WindowContent, commit_window, write_window

VERSION = "test"
TABLES = {name: table for name, table in output_tables(VERSION).items() if name in ("events", "articles", "rejected")}


def rejected_row(n: int) -> RejectedRecord:
    return RejectedRecord(
        source_file=f"f{n}.jsonl",
        source_line=n,
        article_id=None,
        stage="ReadArticles",
        error_type="invalid_json",
        reason="test",
        payload="{",
        pipeline_version=VERSION,
    )


def article_row(n: int, published: str = "2024-05-01") -> dict:
    return {
        "published_date": date.fromisoformat(published),
        "article_id": f"a{n}",
        "text": f"text {n}",
        "source_file": "x.jsonl",
        "sentence_count": 1,
        "event_count": 0,
        "pipeline_version": VERSION,
    }


def content(*rows: dict, done: tuple[str, ...] = ()) -> WindowContent:
    window = WindowContent()
    for row in rows:
        window.add("articles", row)
    for key in done:
        window.add("inbox", FileDone(key, (key,), (f"h-{key}",)))
    return window


# --- inbox and ledger -------------------------------------------------------------------------------


def test_list_inbox_skips_hidden_partial_and_unsupported_files(tmp_path: Path):
    for name in ("b.jsonl", "a.txt", ".writing.jsonl", "_tmp.jsonl", "notes.md"):
        (tmp_path / name).write_text("x")
    (tmp_path / "sub").mkdir()
    os.utime(tmp_path / "b.jsonl", ns=(1, 1))
    names = [Path(f.path).name for f in list_inbox(tmp_path)]
    assert names == ["b.jsonl", "a.txt"]  # oldest first
    assert list_inbox(tmp_path / "missing") == []


def test_commit_publishes_files_and_records_inbox_articles(tmp_path: Path):
    paths = commit_window(tmp_path, TABLES, "c1", content(article_row(1), article_row(2, "2024-05-02"), done=("k1",)))
    assert sorted(paths) == [
        "articles/published_date=2024-05-01/part-c1.parquet",
        "articles/published_date=2024-05-02/part-c1.parquet",
    ]
    assert not (tmp_path / "_tmp" / "stream" / "c1").exists()
    state = Ledger(tmp_path).read()
    assert state.inbox == {"k1"} and state.article_ids == {"k1"} and state.commits == ["c1"] and not state.pending
    table = ds.dataset(tmp_path / "articles", format="parquet", partitioning="hive").to_table()
    assert sorted(table.column("article_id").to_pylist()) == ["a1", "a2"]


def test_recover_rolls_an_interrupted_commit_forward_exactly_once(tmp_path: Path):
    ledger = Ledger(tmp_path)
    files = write_window(tmp_path, TABLES, "c2", content(article_row(1), article_row(2, "2024-05-02")))
    # Crash after the intent and the first rename, before the commit record.
    ledger._append({"type": "intent", "commit": "c2", "files": [{"temp": t, "final": f} for t, f in files],
                    "inbox": ["k2"], "articles": ["a1", "a2"], "hashes": []})  # fmt: skip
    (tmp_path / files[0][1]).parent.mkdir(parents=True)
    os.replace(tmp_path / files[0][0], tmp_path / files[0][1])
    with open(ledger.path, "ab") as handle:
        handle.write(b'{"type": "comm')  # a torn append
    state = ledger.recover()
    assert state.inbox == {"k2"} and not state.pending
    assert all((tmp_path / final).exists() for _, final in files)
    assert not (tmp_path / "_tmp" / "stream").exists()
    assert ledger.path.read_bytes().endswith(b"\n")
    assert ledger.recover().commits == ["c2"]  # idempotent


def test_recover_drops_a_window_whose_intent_never_landed(tmp_path: Path):
    write_window(tmp_path, TABLES, "c3", content(article_row(1)))
    state = Ledger(tmp_path).recover()
    assert state.inbox == set() and not (tmp_path / "_tmp" / "stream").exists()
    assert not (tmp_path / "articles").exists()  # nothing was ever visible


def test_stream_state_claims_once_and_drops_duplicates():
    state = StreamState(committed={"old"}, hashes={"h0"}, max_files=2)
    assert not state.claim("old")
    assert state.claim("a") and not state.claim("a") and state.claim("b") and not state.claim("c")
    assert state.full and not state.drained
    state.mark_committed(["a", "b"])
    assert state.drained
    assert state.admit("x", "h0") == "duplicate_article"
    assert state.admit("x", "h1") is None
    assert state.admit("x", "h2") == "duplicate_id"


# --- compaction -------------------------------------------------------------------------------------


def test_compact_merges_a_partition_into_one_file(tmp_path: Path):
    for n in range(3):
        commit_window(tmp_path, TABLES, f"c{n}", content(article_row(n), article_row(10 + n, "2024-05-02")))
    done = compact(tmp_path, ["articles"], [date(2024, 5, 1)])
    assert [(d.partition, d.merged, d.rows) for d in done] == [("articles/published_date=2024-05-01", 3, 3)]
    files = sorted((tmp_path / "articles" / "published_date=2024-05-01").iterdir())
    assert len(files) == 1 and files[0].name.startswith("part-compact-")
    assert (
        pq.read_table(files[0]).schema.metadata
        == pq.read_schema(next((tmp_path / "articles" / "published_date=2024-05-02").iterdir())).metadata
    )
    table = ds.dataset(tmp_path / "articles", format="parquet", partitioning="hive").to_table()
    assert sorted(table.column("article_id").to_pylist()) == ["a0", "a1", "a10", "a11", "a12", "a2"]
    assert compact(tmp_path, ["articles"], [date(2024, 5, 1)]) == []  # one file: nothing to do
    assert not list((tmp_path / "_tmp" / "compact").iterdir())


# --- TestStream: windows, late data and the commit ---------------------------------------------------


def test_windows_and_late_data_commit_new_files_never_rewrite(tmp_path: Path):
    from transforms.stream_source import stream_windows

    register_stream_state(str(tmp_path), StreamState())
    events = (
        BeamTestStream()
        .advance_watermark_to(0)
        .add_elements([TimestampedValue(("articles", article_row(1)), 1), TimestampedValue(("inbox", "f1"), 1)])
        .add_elements([TimestampedValue(("articles", article_row(2, "2024-05-02")), 12)])
        .advance_watermark_to(25)  # closes [0, 10) and [10, 20)
        # Late: belongs to [0, 10), which already fired; its event date is an old partition too.
        .add_elements([TimestampedValue(("articles", article_row(3)), 5), TimestampedValue(("inbox", "f3"), 5)])
        .advance_watermark_to_infinity()
    )
    options = PipelineOptions()
    options.view_as(StandardOptions).streaming = True
    with beam.Pipeline(runner="BundleBasedDirectRunner", options=options) as pipeline:
        tagged = pipeline | events | "Window" >> stream_windows(10, allowed_lateness=60)
        inputs = {
            "articles": tagged | "A" >> beam.Filter(lambda t: t[0] == "articles") | "AV" >> beam.Map(lambda t: t[1]),
            "inbox": tagged
            | "I" >> beam.Filter(lambda t: t[0] == "inbox")
            | "IV" >> beam.Map(lambda t: FileDone(t[1])),
        }
        _ = inputs | StreamWrite(str(tmp_path), TABLES)
    state = Ledger(tmp_path).read()
    assert state.inbox == {"f1", "f3"}
    on_time = [c for c in state.commits if "-p0-" in c]
    assert {c.split("-")[1] for c in on_time} == {"19700101T000000", "19700101T000010"}
    late = [c for c in state.commits if "-p0-" not in c]
    assert late and all(c.startswith("stream-19700101T000000-p") for c in late)  # late panes of [0, 10)
    old = {p.name: pq.read_table(p).column("article_id").to_pylist() for p in (tmp_path / "articles").glob("*01/*")}
    # The on-time file still holds only its own row; the late row is in a new file of the old partition.
    assert sorted(old.values()) == [["a1"], ["a3"]]


# --- cluster sources: message decoding without a broker ------------------------------------------------


def test_parse_source_uris():
    assert parse_source("pubsub://projects/p/subscriptions/s").subscription == "projects/p/subscriptions/s"
    kafka = parse_source("kafka://b1:9092,b2:9092/news")
    assert (kafka.brokers, kafka.topic) == ("b1:9092,b2:9092", "news")
    for bad in ("pubsub://projects/p/topics/t", "kafka://broker", "file:///x"):
        with pytest.raises(ValueError):
            parse_source(bad)


def test_decode_message_object_list_lines_and_errors():
    settings = ReadSettings(VERSION)
    one = list(decode_message(json.dumps({"id": "m1", "text": "Hello there."}).encode(), "pubsub://s#1", settings))
    assert isinstance(one[0], Article) and one[0].id == "m1" and one[0].source_file == "pubsub://s#1"
    many = list(decode_message(json.dumps([{"text": "A."}, {"text": "B."}, 3]).encode(), "k", settings))
    assert [type(r).__name__ for r in many] == ["Article", "Article", "RejectedRecord"]
    lines = list(decode_message(b'{"text": "A."}\n{broken\n', "k", settings))
    assert isinstance(lines[0], Article) and lines[1].error_type == "invalid_json" and lines[1].source_line == 2
    assert next(decode_message(b"\xff\xfe", "k", settings)).error_type == "invalid_encoding"
    assert next(decode_message(b"  ", "k", settings)).error_type == "invalid_record"
    assert next(decode_message(b'{"title": "no text"}', "k", settings)).error_type == "invalid_record"


def test_message_payload_for_pubsub_and_kafka_records():
    class PubsubMessage:  # the attributes of apache_beam.io.gcp.pubsub.PubsubMessage that are used
        data = b"{}"
        message_id = "42"

    pubsub = parse_source("pubsub://projects/p/subscriptions/s")
    assert message_payload(pubsub, PubsubMessage()) == (b"{}", "pubsub://projects/p/subscriptions/s#42")
    kafka = parse_source("kafka://b:9092/news")
    assert message_payload(kafka, (b"key", b"{}")) == (b"{}", "kafka://news/?@?")

    class KafkaRecord:
        value, partition, offset = b"{}", 3, 17

    assert message_payload(kafka, KafkaRecord()) == (b"{}", "kafka://news/3@17")
