"""The output contract: column names and types are fixed; Arrow schemas come from the pydantic models."""

from __future__ import annotations

import pickle
from datetime import date

import pyarrow as pa

from schemas.arrow import output_tables
from schemas.models import Article, ArticleRow, Event

CONTRACT = {
    "event_id": pa.string(),
    "date_source": pa.string(),
    "article_id": pa.string(),
    "article_url": pa.string(),
    "publisher": pa.string(),
    "published": pa.timestamp("us", tz="UTC"),
    "sentence_index": pa.int32(),
    "sentence": pa.string(),
    "source_text": pa.string(),
    "source_code": pa.string(),
    "source_country": pa.string(),
    "source_sector": pa.string(),
    "target_text": pa.string(),
    "target_code": pa.string(),
    "target_country": pa.string(),
    "target_sector": pa.string(),
    "cameo_code": pa.string(),
    "cameo_root": pa.string(),
    "plover_type": pa.string(),
    "quad_class": pa.int8(),
    "goldstein": pa.float32(),
    "negated": pa.bool_(),
    "location_name": pa.string(),
    "location_country": pa.string(),
    "latitude": pa.float64(),
    "longitude": pa.float64(),
    "confidence": pa.float32(),
    "pipeline_version": pa.string(),
}


def test_events_schema_has_the_contract_columns_with_their_types():
    events = output_tables("test")["events"]
    for name, arrow_type in CONTRACT.items():
        assert events.file_schema.field(name).type == arrow_type, name
    assert events.partition_column == "event_date"
    assert "event_date" not in events.file_schema.names
    assert events.dataset_schema.field("event_date").type == pa.date32()


def test_schema_follows_the_model_field_for_field():
    events = output_tables("test")["events"]
    model_fields = [name for name in Event.model_fields if name != "event_date"]
    assert events.file_schema.names == model_fields
    assert not events.file_schema.field("event_id").nullable
    assert events.file_schema.field("source_code").nullable
    assert events.file_schema.field("cameo_code").metadata[b"description"]


def test_articles_and_rejected_tables():
    tables = output_tables("test")
    assert tables["articles"].partition_column == "published_date"
    for column in (
        "article_id",
        "url",
        "title",
        "publisher",
        "published",
        "language",
        "text",
        "sentence_count",
        "event_count",
    ):
        assert column in tables["articles"].file_schema.names
    assert tables["rejected"].partition_column is None
    for column in ("source_file", "source_line", "stage", "error_type", "reason", "payload"):
        assert column in tables["rejected"].file_schema.names


def test_coded_columns_are_dictionary_encoded():
    coded = output_tables("test")["events"].coded_columns
    assert {"cameo_code", "source_code", "date_source"} <= set(coded)
    assert "sentence" not in coded


def _article(text: str) -> Article:
    return Article(id="a-1", text=text, title="Talks", source_file="in.jsonl", source_line=3)


def test_a_long_article_text_is_pickled_compressed_and_comes_back_the_same():
    text = "The minister met his counterpart in Vilnius on Monday to discuss the border. " * 60
    article = _article(text)
    packed = pickle.dumps(article)
    assert len(packed) < len(text) / 3  # Beam pickles these models between stages
    restored = pickle.loads(packed)
    assert restored == article and restored.text == text
    assert restored.model_fields_set == article.model_fields_set
    assert _article("short").text == pickle.loads(pickle.dumps(_article("short"))).text
    assert text.encode() not in packed


def test_an_article_row_is_packed_too_and_keeps_its_other_fields():
    row = ArticleRow(
        article_id="a-1",
        published_date=date(2026, 3, 2),
        text="Protesters gathered outside parliament in Tbilisi. " * 50,
        source_file="in.jsonl",
        sentence_count=50,
        event_count=2,
        duplicate_group="a-0",
        pipeline_version="0.1.0",
    )
    restored = pickle.loads(pickle.dumps(row))
    assert restored == row
    assert restored.model_copy(update={"event_count": 3}).text == row.text
