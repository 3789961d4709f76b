"""Input parsing without Beam: every record becomes an article or a rejected record with a reason."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date, datetime, timezone

from ingest.formats import ReadSettings, input_format, parse_file
from schemas.models import Article, RejectedRecord, content_id


def parse_bytes(name: str, data: bytes, settings: ReadSettings) -> list:
    return list(parse_file(name, lambda: io.BytesIO(data), settings))


def test_input_format_from_suffix():
    assert input_format("a/b.jsonl") == "jsonl"
    assert input_format("a/b.JSONL.GZ") == "jsonl"
    assert input_format("x.csv.gz") == "csv"
    assert input_format("x.txt") == "txt"
    assert input_format("x.parquet") is None


def test_jsonl_good_and_bad_lines_are_all_accounted_for(settings):
    lines = [
        json.dumps({"id": "a1", "text": "Russia attacked Ukraine.", "source": "Reuters", "published": "2022-04-26"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "a2"}),
        json.dumps({"id": "a3", "text": "   "}),
        json.dumps({"id": "a4", "text": "Fine.", "published": "yesterday"}),
        "",
        json.dumps({"text": "No id here."}),
    ]
    data = ("\n".join(lines)).encode() + b"\n\xff\xfe bad bytes\n"
    records = parse_bytes("in.jsonl", data, settings)
    articles = [r for r in records if isinstance(r, Article)]
    rejected = [r for r in records if isinstance(r, RejectedRecord)]
    assert [a.id for a in articles] == ["a1", content_id("No id here.")]
    assert articles[0].publisher == "Reuters"
    assert articles[0].published == datetime(2022, 4, 26, tzinfo=timezone.utc)
    assert [(r.source_line, r.error_type) for r in rejected] == [
        (2, "invalid_json"),
        (3, "invalid_record"),
        (4, "invalid_record"),
        (5, "invalid_record"),
        (6, "invalid_record"),
        (9, "invalid_encoding"),
    ]
    assert "text" in rejected[2].reason
    assert "ISO 8601" in rejected[4].reason
    assert all(r.payload for r in rejected)


def test_jsonl_gz_and_default_published(settings):
    data = gzip.compress(json.dumps({"id": "g", "text": "Talks were held."}).encode())
    defaulted = ReadSettings("test", default_published=date(2021, 3, 4))
    (article,) = parse_file("x.jsonl.gz", lambda: gzip.GzipFile(fileobj=io.BytesIO(data)), defaulted)
    assert article.published == datetime(2021, 3, 4, tzinfo=timezone.utc)


def test_truncated_gzip_is_a_read_error(settings):
    data = gzip.compress(b"\n".join(json.dumps({"id": str(i), "text": "x " * 200}).encode() for i in range(200)))
    records = list(parse_file("x.jsonl.gz", lambda: gzip.GzipFile(fileobj=io.BytesIO(data[:700])), settings))
    assert isinstance(records[-1], RejectedRecord)
    assert records[-1].error_type == "read_error"


def test_txt_title_and_id_from_file_name(settings):
    (article,) = parse_bytes("dir/000_abc.txt", b"A headline\n\nFirst paragraph.\n\nSecond.\n", settings)
    assert article.id == "000_abc"
    assert article.title == "A headline"
    assert article.text.startswith("First paragraph.")


def test_txt_binary_and_bad_encoding(settings):
    (binary,) = parse_bytes("b.txt", b"\x00\x01\x02abc", settings)
    assert binary.error_type == "binary_file"
    (latin,) = parse_bytes("l.txt", "caf\xe9".encode("latin-1"), settings)
    assert latin.error_type == "invalid_encoding"


def test_csv_with_date_column_and_missing_text_column(settings):
    data = b'url,date,title,text\nhttp://x,2020-01-02,T,"Body, with comma."\nhttp://y,2020-13-01,T2,Body two.\n'
    records = parse_bytes("c.csv", data, settings)
    assert isinstance(records[0], Article)
    assert records[0].published == datetime(2020, 1, 2, tzinfo=timezone.utc)
    assert records[0].source_line == 1
    assert isinstance(records[1], RejectedRecord) and records[1].source_line == 2
    (missing,) = parse_bytes("d.csv", b"url,body\nhttp://x,hello\n", settings)
    assert missing.error_type == "missing_column"


def test_article_too_large():
    small = ReadSettings("test", max_article_chars=10)
    (record,) = parse_bytes("big.jsonl", json.dumps({"text": "x" * 11}).encode(), small)
    assert record.error_type == "article_too_large"


def test_unsupported_format(settings):
    (record,) = parse_bytes("data.xml", b"<a/>", settings)
    assert record.error_type == "unsupported_format"


def test_content_id_is_stable_and_whitespace_insensitive():
    assert content_id("a  b\nc") == content_id("a b c")
    assert content_id("a b c") != content_id("a b d")


def test_seed_files_parse(seeds_dir, settings):
    for path in sorted(seeds_dir.iterdir()):
        records = list(parse_file(str(path), lambda p=path: p.open("rb"), settings))
        assert records and all(isinstance(r, Article) for r in records), path


def test_txt_single_line_is_body_not_title(settings):
    (article,) = parse_bytes("one.txt", b"Russia attacked Ukraine.\n", settings)
    assert article.title is None and article.text == "Russia attacked Ukraine."
