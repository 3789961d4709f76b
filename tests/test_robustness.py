"""Hostile input without Beam, and property-based tests: no exception escapes, every record is accounted for."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date

import apache_beam as beam
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to
from hostile.corpus import ANY_ACCEPTED, CASES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coder.article import article_context
from ingest.formats import ReadSettings, build_article, parse_file
from ingest.language import check_language
from ingest.markup import looks_like_html, strip_html
from nlp.sentences import split_sentences
from schemas.models import Article, RejectedRecord
from transforms.read_articles import ReadArticles

SETTINGS = ReadSettings("test")


def outcomes(name: str, data: bytes, read: ReadSettings = SETTINGS) -> list[str]:
    def opener() -> io.BufferedIOBase:
        raw = io.BytesIO(data)
        return gzip.GzipFile(fileobj=raw) if name.endswith(".gz") else raw

    return ["accepted" if isinstance(r, Article) else r.error_type for r in parse_file(name, opener, read)]


def matches(found: list[str], expected: tuple[str, ...]) -> bool:
    if expected and expected[0] == ANY_ACCEPTED:
        rest = list(expected[1:])
        return found[len(found) - len(rest) :] == rest and all(f == "accepted" for f in found[: len(found) - len(rest)])
    return found == list(expected)


def test_every_hostile_case_has_its_outcome_without_beam():
    for case in CASES:
        # Duplicate ids are resolved across files by the pipeline; a single parse accepts both copies.
        expected = tuple("accepted" if e in ("duplicate_id", "duplicate_article") else e for e in case.expected)
        found = outcomes(case.name, case.data)
        assert matches(found, expected), (case.kind, found, case.expected)


def test_rejections_say_what_is_wrong():
    by_name = {case.name: case for case in CASES}

    def reasons(name: str) -> list[str]:
        records = parse_file(name, lambda: io.BytesIO(by_name[name].data), SETTINGS)
        return [r.reason for r in records if isinstance(r, RejectedRecord)]

    assert "nested too deeply" in reasons("nested.jsonl")[0]
    assert "surrogate" in reasons("surrogate.jsonl")[0]
    assert "Arabic script" in reasons("arabic.jsonl")[0]
    assert "Han script" in reasons("chinese.jsonl")[0]
    assert "Spanish" in reasons("spanish.jsonl")[0]
    assert "'fr'" in reasons("lang_field.jsonl")[0]
    assert "--max-article-chars" in reasons("huge.jsonl")[0]
    assert "--max-article-chars" in reasons("huge.txt")[0]
    assert "ISO 8601" in reasons("date_absurd.jsonl")[0]
    assert "1900-2100" in reasons("date_year1.jsonl")[0]
    assert "HTML" in reasons("html_empty.jsonl")[0]


def test_html_is_stripped_and_its_title_kept():
    (case,) = [c for c in CASES if c.name == "html.jsonl"]
    (article,) = parse_file(case.name, lambda: io.BytesIO(case.data), SETTINGS)
    assert article.title == "Talks resume"
    assert "<" not in article.text and "var x" not in article.text and "color" not in article.text
    assert "Kharkiv on Tuesday & NATO" in article.text
    assert not looks_like_html("if x < y and y > z then")


def test_language_rule():
    assert check_language("Russia attacked Ukraine on Tuesday and NATO condemned the strikes, officials said.").english
    assert check_language("anything", "en-GB").english and not check_language("anything", "de").english
    assert check_language("Short text.").english  # too short to judge: accepted
    detected = check_language("Les ministres de la défense se sont réunis à Bruxelles pour discuter de l'aide.")
    assert not detected.english and detected.code == "fr"


def test_english_articles_get_their_language_recorded():
    text = "Russian troops shelled the city of Kharkiv on Tuesday, Ukrainian officials said, and NATO condemned it."
    (article,) = parse_file("x.jsonl", lambda: io.BytesIO(json.dumps({"text": text}).encode()), SETTINGS)
    assert isinstance(article, Article) and article.language == "en"


def test_line_over_the_size_cap_is_skipped_unparsed_and_the_next_line_read():
    small = ReadSettings("test", max_article_chars=100)
    data = (
        json.dumps({"id": "big", "text": "x" * 200_000}).encode()
        + b"\n"
        + json.dumps({"id": "ok", "text": "fine text"}).encode()
    )
    assert outcomes("big.jsonl", data, small) == ["article_too_large", "accepted"]


# --------------------------------------------------------------------------------------------- properties

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
records = st.dictionaries(
    st.sampled_from(["id", "text", "title", "url", "published", "date", "source", "language", "extra"]),
    json_values | st.text(),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.jsonl", "a.txt", "a.csv", "a.jsonl.gz", "a.bin"]))
def test_random_bytes_never_raise_and_always_give_a_record(data, name):
    found = list(parse_file(name, lambda: io.BytesIO(data), SETTINGS))
    assert found and all(isinstance(r, Article | RejectedRecord) for r in found)
    for record in found:
        if isinstance(record, RejectedRecord):
            assert record.reason and record.error_type
            record.model_dump_json()  # serialisable: no lone surrogates reach the writer


@settings(max_examples=300, deadline=None)
@given(records)
def test_random_json_records_become_an_article_or_a_reason(record):
    line = json.dumps(record)
    result = build_article(record, SETTINGS, source_file="r.jsonl", source_line=1, payload=line)
    assert isinstance(result, Article | RejectedRecord)
    if isinstance(result, RejectedRecord):
        assert result.reason
    result.model_dump_json()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_random_text_through_the_pure_text_functions(text):
    check_language(text)
    plain, _ = strip_html(text)
    assert "<script" not in plain.lower() or "<script" in text.lower()
    for start, end in split_sentences(text):
        assert 0 <= start <= end <= len(text)
    result = build_article({"text": text}, SETTINGS, source_file="t.jsonl", source_line=1, payload=text)
    if isinstance(result, Article):
        article_context(result, date(2026, 1, 1))


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(records.map(json.dumps), st.text(max_size=200)), min_size=1, max_size=12))
def test_random_jsonl_through_read_articles_is_fully_accounted_for(tmp_path_factory, lines):
    folder = tmp_path_factory.mktemp("random")
    path = folder / "random.jsonl"
    path.write_text("\n".join(line.replace("\n", " ") for line in lines), encoding="utf-8")
    expected = len(list(parse_file(str(path), lambda: path.open("rb"), SETTINGS)))
    with TestPipeline(runner="DirectRunner") as pipeline:
        read = pipeline | ReadArticles([str(path)], SETTINGS)
        total = (read["articles"], read["rejected"]) | beam.Flatten() | beam.combiners.Count.Globally()
        assert_that(total, equal_to([expected]))
