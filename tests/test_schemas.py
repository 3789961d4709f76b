"""The output contract: column names and types are fixed; Arrow schemas come from the pydantic models."""

from __future__ import annotations

import pyarrow as pa

from schemas.arrow import output_tables
from schemas.models import Event

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
