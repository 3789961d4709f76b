"""Message → Article decoding for the cluster stream sources (Pub/Sub, Kafka). Pure Python, no broker needed.

A message body is UTF-8 JSON: one article object (the fields of a JSONL input line), a list of
them, or JSON lines. Each record becomes an ``Article`` or a ``RejectedRecord``, exactly as a
JSONL line would (:func:`ingest.formats.build_article`); ``source_file`` names the message
(``pubsub://…#<message id>`` or ``kafka://…/<partition>@<offset>``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from ingest.formats import ReadSettings, build_article, reject
from schemas.models import Article, RejectedRecord


@dataclass(frozen=True)
class SourceSpec:
    """A parsed ``--source``: ``pubsub://projects/P/subscriptions/S`` or ``kafka://BROKER[,BROKER]/TOPIC``."""

    kind: str
    subscription: str | None = None
    brokers: str | None = None
    topic: str | None = None

    @property
    def uri(self) -> str:
        if self.kind == "pubsub":
            return f"pubsub://{self.subscription}"
        return f"kafka://{self.brokers}/{self.topic}"


def parse_source(uri: str) -> SourceSpec:
    """Validates a ``--source`` URI; raises ``ValueError`` with what is expected."""
    parsed = urlparse(uri)
    if parsed.scheme == "pubsub":
        path = (parsed.netloc + parsed.path).strip("/")
        parts = path.split("/")
        if len(parts) != 4 or parts[0] != "projects" or parts[2] != "subscriptions" or not all(parts):
            raise ValueError(f"{uri!r}: expected pubsub://projects/PROJECT/subscriptions/SUBSCRIPTION")
        return SourceSpec("pubsub", subscription=path)
    if parsed.scheme == "kafka":
        topic = parsed.path.strip("/")
        if not parsed.netloc or not topic or "/" in topic:
            raise ValueError(f"{uri!r}: expected kafka://BROKER[:PORT][,BROKER...]/TOPIC")
        return SourceSpec("kafka", brokers=parsed.netloc, topic=topic)
    raise ValueError(f"{uri!r}: --source must start with pubsub:// or kafka://")


def _records(body: str) -> Iterator[tuple[int, Any, str]]:
    """(1-based record number, decoded JSON or a JSONDecodeError, raw text) for each record of a body."""
    try:
        whole = json.loads(body)
    except json.JSONDecodeError:
        whole = None
    else:
        if isinstance(whole, list):
            for number, item in enumerate(whole, start=1):
                yield number, item, json.dumps(item, ensure_ascii=False)
            return
        yield 1, whole, body
        return
    number = 0
    for line in body.splitlines():
        if not line.strip():
            continue
        number += 1
        try:
            yield number, json.loads(line), line
        except json.JSONDecodeError as error:
            yield number, error, line


def decode_message(data: bytes, source: str, settings: ReadSettings) -> Iterator[Article | RejectedRecord]:
    """One message body → its articles, or rejected records saying what is wrong with it."""
    try:
        body = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield reject(
            settings,
            "invalid_encoding",
            f"message is not valid UTF-8 ({error.reason} at byte {error.start})",
            source_file=source,
            payload=data[:2000],
        )
        return
    if not body.strip():
        yield reject(settings, "invalid_record", "empty message", source_file=source, payload=body)
        return
    for number, record, raw in _records(body):
        if isinstance(record, json.JSONDecodeError):
            yield reject(
                settings,
                "invalid_json",
                f"malformed JSON: {record.msg} at column {record.colno}",
                source_file=source,
                source_line=number,
                payload=raw,
            )
        elif not isinstance(record, dict):
            yield reject(
                settings,
                "invalid_record",
                f"expected a JSON object, got {type(record).__name__}",
                source_file=source,
                source_line=number,
                payload=raw,
            )
        else:
            yield build_article(record, settings, source_file=source, source_line=number, payload=raw)


def pubsub_source_name(subscription: str, message_id: str | None) -> str:
    return f"pubsub://{subscription}#{message_id or '?'}"


def kafka_source_name(topic: str, partition: int | None, offset: int | None) -> str:
    return f"kafka://{topic}/{partition if partition is not None else '?'}@{offset if offset is not None else '?'}"
