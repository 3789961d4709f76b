"""Pydantic models: the validated input record and the rows of every output table.

These models are the single source of truth for the output contract: the Arrow
schemas in :mod:`schemas.arrow` are derived from them field by field (order, type,
nullability and description), so a column cannot exist in one and not the other.
Column types that Python cannot express (int8, float32, ...) are declared with
``Annotated[..., Arrow(pa.int8())]``.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Annotated, Any

import pyarrow as pa
from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "2"


@dataclass(frozen=True)
class Arrow:
    """Overrides the Arrow type a field would get from its Python annotation."""

    type: pa.DataType


@dataclass(frozen=True)
class Coded:
    """Marks a column holding codes from a small vocabulary: written dictionary-encoded in Parquet."""


@dataclass(frozen=True)
class Partition:
    """Marks the Hive partition column of a table: it lives in the folder name, not in the files."""


Int8 = Annotated[int, Arrow(pa.int8())]
Int32 = Annotated[int, Arrow(pa.int32())]
Float32 = Annotated[float, Arrow(pa.float32())]
Code = Annotated[str, Coded()]


def content_id(text: str) -> str:
    """A stable article id from the article's content (whitespace-insensitive)."""
    normalised = re.sub(r"\s+", " ", text).strip()
    return "sha1-" + hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


# Texts at least this long cross process boundaries compressed (see PackedTextPickling).
PACK_TEXT_FROM = 1024
_PACKED_TEXT = "newsevents_packed_text"


class PackedTextPickling(BaseModel):
    """Pickles the model's ``text`` zlib-compressed (level 1: news text to about 40%) when it is long.

    Beam encodes these models with pickle between stages, and the local multi-process runner hands each worker its
    whole share of a stage's input at once, and holds every stage's output in the driver: the article text, carried
    from the reader to the articles table through three shuffles, was most of what the workers and the driver held
    at the end of a 10,000-article batch (``benchmarks/tail_memory.py``). Level 1 packs 50-100 MB of text a second,
    about 0.1 s per shuffle for 600 articles; the model itself is unchanged.
    """

    def __getstate__(self) -> dict[Any, Any]:
        state = super().__getstate__()
        text = state["__dict__"].get("text")
        if isinstance(text, str) and len(text) >= PACK_TEXT_FROM:
            fields = {**state["__dict__"], "text": None}
            state = {**state, "__dict__": fields, _PACKED_TEXT: zlib.compress(text.encode("utf-8"), 1)}
        return state

    def __setstate__(self, state: dict[Any, Any]) -> None:
        if _PACKED_TEXT in state:
            state = dict(state)
            text = zlib.decompress(state.pop(_PACKED_TEXT)).decode("utf-8")
            state["__dict__"] = {**state["__dict__"], "text": text}
        super().__setstate__(state)


def _as_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


class Article(PackedTextPickling):
    """One input article, as validated by ReadArticles."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str = Field(min_length=1, max_length=512, description="Article id (given, file name, or content hash).")
    text: str = Field(min_length=1, description="Body text.")
    url: str | None = Field(default=None, description="Where the article was published.")
    title: str | None = Field(default=None, description="Headline.")
    publisher: str | None = Field(default=None, description="Publisher (input field `source`).")
    published: datetime | None = Field(default=None, description="Publication time, UTC.")
    language: str | None = Field(default=None, description="Language code as given in the input.")
    source_file: str = Field(description="Input file the article was read from.")
    source_line: int | None = Field(default=None, description="Line (JSONL) or record (CSV) number, 1-based.")

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty or whitespace only")
        if "\x00" in value:
            raise ValueError("text contains NUL bytes (binary data?)")
        return value

    @field_validator("id", "url", "title", "publisher", "language", mode="before")
    @classmethod
    def _strip_optional(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            return value or None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _parse_published(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str):
            text = value.strip().replace("Z", "+00:00")
            try:
                return _as_utc(datetime.fromisoformat(text))
            except ValueError:
                pass
            try:
                return datetime.combine(date.fromisoformat(text), datetime.min.time(), timezone.utc)
            except ValueError:
                raise ValueError(f"published {value!r} is not an ISO 8601 date or datetime") from None
        if isinstance(value, datetime):
            return _as_utc(value)
        if isinstance(value, date):
            return datetime.combine(value, datetime.min.time(), timezone.utc)
        raise ValueError(f"published must be an ISO 8601 string, got {type(value).__name__}")

    @field_validator("published")
    @classmethod
    def _published_plausible(cls, value: datetime | None) -> datetime | None:
        if value is not None and not (1900 <= value.year <= 2100):
            raise ValueError(f"published year {value.year} is outside 1900-2100")
        return value


class Event(BaseModel):
    """One coded event: one row of ``OUT/events/``."""

    event_id: str = Field(description="Deterministic id: same input and pipeline version give the same id.")
    event_date: Annotated[date, Partition()] = Field(description="Date the event happened (partition key).")
    date_source: Code = Field(description="How event_date was found: `text`, `published` or `ingested`.")
    date_text: str | None = Field(default=None, description="The date expression in the sentence, if any.")
    article_id: str = Field(description="Id of the article the event was coded from.")
    article_url: str | None = Field(default=None, description="URL of that article.")
    publisher: Code | None = Field(default=None, description="Publisher of that article.")
    published: datetime | None = Field(default=None, description="Publication time of the article, UTC.")
    sentence_index: Int32 = Field(description="0-based index of the sentence in the article.")
    sentence: str = Field(description="The sentence the event was coded from (the evidence).")
    trigger_text: str = Field(description="The words that express the event (verb or noun).")
    trigger_start: Int32 = Field(description="Character offset of the trigger in `sentence`.")
    trigger_end: Int32 = Field(description="End character offset of the trigger in `sentence`.")
    source_text: str | None = Field(default=None, description="Source actor as written.")
    source_code: Code | None = Field(default=None, description="CAMEO-style actor code, e.g. `RUSMIL`, `NATO`.")
    source_country: Code | None = Field(default=None, description="ISO 3166-1 alpha-3 of the source actor.")
    source_sector: Code | None = Field(default=None, description="CAMEO sector of the source, e.g. `GOV`.")
    source_start: Int32 | None = Field(default=None, description="Character offset of source_text.")
    source_end: Int32 | None = Field(default=None, description="End character offset of source_text.")
    target_text: str | None = Field(default=None, description="Target actor as written.")
    target_code: Code | None = Field(default=None, description="CAMEO-style actor code of the target.")
    target_country: Code | None = Field(default=None, description="ISO 3166-1 alpha-3 of the target.")
    target_sector: Code | None = Field(default=None, description="CAMEO sector of the target.")
    target_start: Int32 | None = Field(default=None, description="Character offset of target_text.")
    target_end: Int32 | None = Field(default=None, description="End character offset of target_text.")
    cameo_code: Code = Field(description="CAMEO event code, 2-4 digits.")
    cameo_root: Code = Field(description="First two digits of cameo_code.")
    plover_type: Code | None = Field(default=None, description="PLOVER event type for cameo_code.")
    plover_mode: Code | None = Field(default=None, description="PLOVER mode for cameo_code, if any.")
    quad_class: Int8 = Field(description="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.")
    goldstein: Float32 = Field(description="Goldstein scale value of cameo_code (-10..10).")
    negated: bool = Field(description="The sentence says the event did not or will not happen.")
    event_mode: Code = Field(
        description="`asserted`, `reported` (X said that ...), `intended` (will/would, promises), `refused`, "
        "`negated`, `possible` (may/might/could)."
    )
    location_name: str | None = Field(default=None, description="Where the event happened, as written.")
    location_country: Code | None = Field(default=None, description="ISO alpha-3 of location_name.")
    latitude: float | None = Field(default=None, description="Latitude of location_name (WGS84).")
    longitude: float | None = Field(default=None, description="Longitude of location_name (WGS84).")
    confidence: Float32 = Field(description="Coder confidence, 0..1.")
    cameo_name: str | None = Field(default=None, description="CAMEO name of cameo_code.")
    plover_context: Code | None = Field(default=None, description="PLOVER context of cameo_code, if any.")
    date_rule: Code | None = Field(
        default=None,
        description="Which date rule applied: `explicit`, `month_day` (year inferred), `weekday`, `relative` "
        "(yesterday, last week...), `published` or `ingested`.",
    )
    reported_by: str | None = Field(
        default=None, description='Who the sentence says reported the event ("X said that ..."), as written.'
    )
    evidence: str | None = Field(
        default=None, description="The coder's rule trail: trigger, refinements, frames, inferences."
    )
    pipeline_version: Code = Field(description="Version of newsevents that coded the event.")


class ArticleRow(PackedTextPickling):
    """One accepted article: one row of ``OUT/articles/``."""

    article_id: str = Field(description="Article id.")
    published_date: Annotated[date, Partition()] = Field(
        description="Publication date (partition key); the ingestion date when the article has none."
    )
    url: str | None = Field(default=None, description="Article URL.")
    title: str | None = Field(default=None, description="Headline.")
    publisher: Code | None = Field(default=None, description="Publisher.")
    published: datetime | None = Field(default=None, description="Publication time, UTC; null when unknown.")
    language: Code | None = Field(default=None, description="Language code as given.")
    text: str = Field(description="Body text.")
    source_file: str = Field(description="Input file.")
    source_line: Annotated[int, Arrow(pa.int64())] | None = Field(default=None, description="Line/record number.")
    sentence_count: Int32 = Field(description="Sentences annotated.")
    event_count: Int32 = Field(description="Events coded.")
    duplicate_group: str | None = Field(
        default=None,
        description="Near-duplicate group (syndicated copies, see ingest.near_duplicates): the article_id of the "
        "group's first copy; null when no other article of the run is a near-duplicate.",
    )
    pipeline_version: Code = Field(description="Version of newsevents that processed the article.")


StringList = Annotated[list[str], Arrow(pa.list_(pa.string()))]


class EventCluster(BaseModel):
    """One distinct event: the mentions that report it, merged (one row of ``OUT/event_clusters/``).

    The grouping and counting rules are in :mod:`coder.clusters`.
    """

    cluster_id: str = Field(description="Deterministic id: a hash of the grouping key.")
    event_date: Annotated[date, Partition()] = Field(description="Date of the event (partition key).")
    source_code: Code | None = Field(default=None, description="Source actor code (grouping key).")
    target_code: Code | None = Field(default=None, description="Target actor code (grouping key).")
    cameo_base: Code = Field(description="First three digits of the CAMEO code (grouping key).")
    cameo_code: Code = Field(description="Most frequent full CAMEO code among the mentions.")
    plover_type: Code | None = Field(default=None, description="PLOVER type of cameo_code.")
    quad_class: Int8 = Field(description="Quad class of cameo_code.")
    negated: bool = Field(description="The mentions say the event did not happen (grouping key).")
    location_name: str | None = Field(default=None, description="Where, as written in a mention (grouping key).")
    location_country: Code | None = Field(default=None, description="ISO alpha-3 of location_name.")
    latitude: float | None = Field(default=None, description="Latitude of location_name.")
    longitude: float | None = Field(default=None, description="Longitude of location_name.")
    num_mentions: Int32 = Field(description="Mentions (rows of events) in the cluster.")
    num_articles: Int32 = Field(description="Distinct articles, near-duplicate copies counted once.")
    num_article_copies: Int32 = Field(description="Distinct article_id, every copy counted.")
    num_publishers: Int32 = Field(description="Distinct publishers (else URL hosts) over all copies.")
    publishers: StringList = Field(description="Those publishers, sorted.")
    first_seen: datetime | None = Field(default=None, description="Earliest publication time of a mention, UTC.")
    last_seen: datetime | None = Field(default=None, description="Latest publication time of a mention, UTC.")
    mean_goldstein: Float32 = Field(description="Mean Goldstein value over the mentions.")
    representative_event_id: str = Field(description="The most confident mention's event_id.")
    representative_sentence: str = Field(description="That mention's sentence.")
    representative_article_id: str = Field(description="That mention's article.")
    representative_url: str | None = Field(default=None, description="That mention's article URL.")
    event_ids: StringList = Field(description="event_id of every mention, sorted: the way back to events.")
    pipeline_version: Code = Field(description="Version of newsevents that built the cluster.")


class RejectedRecord(BaseModel):
    """One input record (or part of one) that could not be processed: one row of ``OUT/rejected/``."""

    source_file: str | None = Field(default=None, description="Input file (or pattern) it came from.")
    source_line: Annotated[int, Arrow(pa.int64())] | None = Field(default=None, description="Line/record, 1-based.")
    article_id: str | None = Field(default=None, description="Article id, when known.")
    stage: Code = Field(description="Pipeline stage that rejected it, e.g. `ReadArticles`.")
    error_type: Code = Field(description="Machine-readable error class, e.g. `invalid_json`.")
    reason: str = Field(description="Human-readable reason.")
    payload: str | None = Field(default=None, description="The raw input (truncated to 10,000 characters).")
    pipeline_version: Code = Field(description="Version of newsevents.")


PAYLOAD_LIMIT = 10_000


def truncate_payload(payload: str | bytes | None) -> str | None:
    if payload is None:
        return None
    if isinstance(payload, bytes):
        payload = payload.decode("utf-8", errors="backslashreplace")
    if len(payload) > PAYLOAD_LIMIT:
        return payload[:PAYLOAD_LIMIT] + f"… [truncated, {len(payload)} characters]"
    return payload
