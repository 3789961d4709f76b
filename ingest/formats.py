"""Parse input files (JSONL, plain text, CSV) into validated articles or rejected records.

Pure Python, no Beam: ``parse_file`` takes a path and a function that opens the
(already decompressed) byte stream, and yields one ``Article`` or one
``RejectedRecord`` per input record. It never raises for bad data: every
problem becomes a rejected record with a reason, and whatever could be read
before it is kept.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import IO, Any

from pydantic import ValidationError

from ingest.language import check_language
from ingest.markup import looks_like_html, strip_html
from schemas.models import Article, RejectedRecord, content_id, truncate_payload
from schemas.records import Sentence

STAGE = "ReadArticles"

# Suffix (lower case, longest first) -> format.
_SUFFIX_FORMATS: tuple[tuple[str, str], ...] = (
    (".jsonl.gz", "jsonl"),
    (".ndjson.gz", "jsonl"),
    (".csv.gz", "csv"),
    (".txt.gz", "txt"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".csv", "csv"),
    (".txt", "txt"),
)
SUPPORTED_SUFFIXES = tuple(suffix for suffix, _ in _SUFFIX_FORMATS)

# Input field -> Article field, for names that differ.
_FIELD_ALIASES = {"source": "publisher", "date": "published", "published_at": "published"}

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True)
class ReadSettings:
    """Settings that shape how records become articles."""

    pipeline_version: str
    default_published: date | None = None
    max_article_chars: int = 1_000_000


def input_format(path: str) -> str | None:
    """`jsonl`, `txt` or `csv` from the file name, or None for unsupported files."""
    lower = path.lower()
    for suffix, fmt in _SUFFIX_FORMATS:
        if lower.endswith(suffix):
            return fmt
    return None


def _stem(path: str) -> str:
    name = PurePosixPath(path.replace("\\", "/")).name
    for suffix, _ in _SUFFIX_FORMATS:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def reject(
    settings: ReadSettings,
    error_type: str,
    reason: str,
    *,
    source_file: str | None,
    source_line: int | None = None,
    payload: str | bytes | None = None,
    article_id: str | None = None,
    stage: str = STAGE,
) -> RejectedRecord:
    return RejectedRecord(
        source_file=source_file,
        source_line=source_line,
        article_id=article_id,
        stage=stage,
        error_type=error_type,
        reason=reason,
        payload=truncate_payload(payload),
        pipeline_version=settings.pipeline_version,
    )


def reject_sentence(
    settings: ReadSettings, sentence: Sentence, stage: str, error_type: str, reason: str
) -> RejectedRecord:
    """A sentence that a later stage could not process, traced back to its article and input file."""
    article = sentence.article
    return reject(
        settings,
        error_type,
        f"sentence {sentence.index}: {reason}",
        source_file=article.source_file,
        source_line=article.source_line,
        payload=sentence.text,
        article_id=article.article_id,
        stage=stage,
    )


def _describe_validation_error(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"]) or "record"
        message = item["msg"].removeprefix("Value error, ")
        parts.append(f"{location}: {message}")
    return "; ".join(parts)


def build_article(
    fields: dict[str, Any],
    settings: ReadSettings,
    *,
    source_file: str,
    source_line: int | None,
    payload: str,
    default_id: str | None = None,
) -> Article | RejectedRecord:
    """Validate one record's fields into an Article, or explain why not."""
    values: dict[str, Any] = {}
    for key, value in fields.items():
        target = _FIELD_ALIASES.get(key, key)
        if target not in values or values[target] in (None, ""):
            values[target] = value
    text = values.get("text")
    if isinstance(text, str) and len(text) > settings.max_article_chars:
        return reject(
            settings,
            "article_too_large",
            f"text has {len(text):,} characters, over the limit of {settings.max_article_chars:,} "
            "(--max-article-chars)",
            source_file=source_file,
            source_line=source_line,
            payload=payload,
            article_id=values.get("id") if isinstance(values.get("id"), str) else None,
        )
    unencodable = _unencodable_field(values)
    if unencodable:
        return reject(
            settings,
            "invalid_encoding",
            f"field {unencodable} holds a lone surrogate escape (\\ud800-\\udfff): not valid Unicode text",
            source_file=source_file,
            source_line=source_line,
            payload=payload.encode("utf-8", "backslashreplace").decode("utf-8"),
        )
    if isinstance(text, str) and looks_like_html(text):
        text, html_title = strip_html(text)
        values["text"] = text
        if not text.strip():
            return reject(
                settings,
                "invalid_record",
                "text is HTML with no text left once its tags are removed",
                source_file=source_file,
                source_line=source_line,
                payload=payload,
                article_id=values.get("id") if isinstance(values.get("id"), str) else None,
            )
        if values.get("title") in (None, "") and html_title:
            values["title"] = html_title
    if values.get("published") in (None, "") and settings.default_published is not None:
        values["published"] = settings.default_published.isoformat()
    if values.get("id") in (None, ""):
        values["id"] = default_id or (content_id(text) if isinstance(text, str) else None)
    values["source_file"] = source_file
    values["source_line"] = source_line
    try:
        article = Article.model_validate(values)
    except ValidationError as error:
        return reject(
            settings,
            "invalid_record",
            _describe_validation_error(error),
            source_file=source_file,
            source_line=source_line,
            payload=payload,
            article_id=values.get("id") if isinstance(values.get("id"), str) else None,
        )
    language = check_language(article.text, article.language)
    if not language.english:
        return reject(
            settings,
            "unsupported_language",
            language.reason,
            source_file=source_file,
            source_line=source_line,
            payload=payload,
            article_id=article.id,
        )
    if article.language is None and language.code is not None:
        article = article.model_copy(update={"language": language.code})
    return article


def _unencodable_field(values: dict[str, Any]) -> str | None:
    """JSON can carry lone surrogates (``"\\ud800"``) that no UTF-8 writer accepts: find them before Parquet does."""
    for key, value in values.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return ascii(key)
    return None


def _jsonl_lines(stream: IO[bytes], cap: int) -> Iterator[bytes | None]:
    """The lines of a stream; ``None`` for a line longer than ``cap`` bytes, which is skipped unread."""
    while True:
        line = stream.readline(cap)
        if not line:
            return
        if len(line) >= cap and not line.endswith(b"\n"):
            while (rest := stream.readline(cap)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def parse_jsonl(stream: IO[bytes], path: str, settings: ReadSettings) -> Iterator[Article | RejectedRecord]:
    line_number = 0
    # Room for an article at the limit with every character JSON-escaped (\uXXXX), plus its other fields.
    cap = settings.max_article_chars * 6 + 65_536
    try:
        for line_number, raw in enumerate(_jsonl_lines(stream, cap), start=1):  # noqa: B007 - read after the loop
            if raw is None:
                yield reject(
                    settings,
                    "article_too_large",
                    f"line is over {cap:,} bytes, too long for an article within --max-article-chars "
                    f"({settings.max_article_chars:,}); it was skipped unparsed",
                    source_file=path,
                    source_line=line_number,
                )
                continue
            if not raw.strip():
                continue
            try:
                # A byte-order mark may open the file; it is not part of the JSON.
                line = raw.decode("utf-8-sig" if line_number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                yield reject(
                    settings,
                    "invalid_encoding",
                    f"line is not valid UTF-8 ({error.reason} at byte {error.start})",
                    source_file=path,
                    source_line=line_number,
                    payload=raw,
                )
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield reject(
                    settings,
                    "invalid_json",
                    f"malformed JSON: {error.msg} at column {error.colno}",
                    source_file=path,
                    source_line=line_number,
                    payload=line,
                )
                continue
            except RecursionError:
                yield reject(
                    settings,
                    "invalid_json",
                    "JSON nested too deeply to parse",
                    source_file=path,
                    source_line=line_number,
                    payload=line,
                )
                continue
            if not isinstance(record, dict):
                yield reject(
                    settings,
                    "invalid_record",
                    f"expected a JSON object, got {type(record).__name__}",
                    source_file=path,
                    source_line=line_number,
                    payload=line,
                )
                continue
            yield build_article(record, settings, source_file=path, source_line=line_number, payload=line)
    except (OSError, EOFError, ValueError) as error:
        yield reject(
            settings,
            "read_error",
            f"file could not be read past line {line_number}: {type(error).__name__}: {error}",
            source_file=path,
            source_line=line_number + 1,
        )


def parse_txt(stream: IO[bytes], path: str, settings: ReadSettings) -> Iterator[Article | RejectedRecord]:
    cap = settings.max_article_chars * 4  # UTF-8 takes at most 4 bytes a character
    try:
        data = stream.read(cap + 1)
    except (OSError, EOFError, ValueError) as error:
        yield reject(
            settings,
            "read_error",
            f"file could not be read: {type(error).__name__}: {error}",
            source_file=path,
        )
        return
    if len(data) > cap:
        # Checked before decoding: the cut may fall inside a multi-byte character.
        yield reject(
            settings,
            "article_too_large",
            f"file is over {cap:,} bytes, so over the limit of {settings.max_article_chars:,} characters "
            "(--max-article-chars)",
            source_file=path,
            payload=data[:2000].decode("utf-8", "replace"),
            article_id=_stem(path),
        )
        return
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        with contextlib.suppress(UnicodeDecodeError):
            data = data.decode("utf-16").encode("utf-8")  # UTF-16 with a byte-order mark is text, not binary
    if b"\x00" in data[:8192]:
        yield reject(
            settings,
            "binary_file",
            "file contains NUL bytes: binary data, not text",
            source_file=path,
            payload=data[:200],
        )
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield reject(
            settings,
            "invalid_encoding",
            f"file is not valid UTF-8 ({error.reason} at byte {error.start})",
            source_file=path,
            payload=data[:2000],
        )
        return
    title: str | None = None
    lines = text.lstrip("\n").split("\n", 2)
    # A title is a first line followed by a blank line and then the body; a one-line file is all body.
    if len(lines) == 3 and lines[0].strip() and not lines[1].strip() and lines[2].strip():
        title = lines[0].strip()
        text = lines[2]
    yield build_article(
        {"text": text.strip("\n"), "title": title},
        settings,
        source_file=path,
        source_line=None,
        payload=data[:2000].decode("utf-8", "replace"),
        default_id=_stem(path),
    )


def parse_csv(stream: IO[bytes], path: str, settings: ReadSettings) -> Iterator[Article | RejectedRecord]:
    text_stream = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    record_number = 0
    try:
        reader = csv.DictReader(text_stream)
        header = reader.fieldnames or []
        if "text" not in header:
            yield reject(
                settings,
                "missing_column",
                f"CSV header has no `text` column (columns: {', '.join(header) or 'none'})",
                source_file=path,
                source_line=1,
                payload=",".join(header),
            )
            return
        for record_number, row in enumerate(reader, start=1):  # noqa: B007 - read after the loop on errors
            payload = json.dumps(row, ensure_ascii=False)
            if None in row:  # more cells than header columns
                row.pop(None)
            yield build_article(
                {key: value for key, value in row.items() if key is not None},
                settings,
                source_file=path,
                source_line=record_number,
                payload=payload,
            )
    except (OSError, EOFError, ValueError, csv.Error) as error:
        yield reject(
            settings,
            "read_error",
            f"CSV could not be read past record {record_number}: {type(error).__name__}: {error}",
            source_file=path,
            source_line=record_number + 1,
        )
    finally:
        text_stream.detach()


_PARSERS: dict[str, Callable[[IO[bytes], str, ReadSettings], Iterator[Article | RejectedRecord]]] = {
    "jsonl": parse_jsonl,
    "txt": parse_txt,
    "csv": parse_csv,
}


def parse_file(
    path: str, open_stream: Callable[[], IO[bytes]], settings: ReadSettings
) -> Iterator[Article | RejectedRecord]:
    """Every article of one input file, or a rejected record for each part that cannot be read."""
    fmt = input_format(path)
    if fmt is None:
        yield reject(
            settings,
            "unsupported_format",
            f"unsupported file type; expected one of {', '.join(SUPPORTED_SUFFIXES)}",
            source_file=path,
        )
        return
    try:
        stream = open_stream()
    except (OSError, ValueError) as error:
        yield reject(
            settings,
            "read_error",
            f"file could not be opened: {type(error).__name__}: {error}",
            source_file=path,
        )
        return
    count = 0
    with stream:
        try:
            for record in _PARSERS[fmt](stream, path, settings):
                count += 1
                yield record
        except Exception as error:  # noqa: BLE001 - the last line of defence: a parser bug must not end the run
            count += 1
            yield reject(
                settings,
                "read_error",
                f"unexpected error after {count - 1} records: {type(error).__name__}: {error}",
                source_file=path,
            )
    if count == 0:
        yield reject(
            settings,
            "empty_file",
            "file holds no records (empty, or blank lines only)",
            source_file=path,
        )
