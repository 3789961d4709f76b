"""ReadArticles: input paths, directories and globs → validated articles + rejected records."""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

import apache_beam as beam
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics

from ingest.formats import SUPPORTED_SUFFIXES, ReadSettings, input_format, parse_file, reject
from nlp.memory import keep_releasing_free_memory
from schemas.models import Article

ARTICLES = "articles"
REJECTED = "rejected"
NAMESPACE = "newsevents"

_GLOB_CHARS = re.compile(r"[*?\[]")


def _is_hidden(path: str) -> bool:
    return any(part.startswith((".", "_")) for part in re.split(r"[/\\]", path) if part not in ("", ".", ".."))


def expand_input(pattern: str) -> tuple[list[str], str | None]:
    """The input files a file, folder or glob names, sorted; or no files and the reason.

    Used both by the pipeline and by the driver, which fingerprints the same files for the batch id.
    """
    directory = _is_directory(pattern)
    glob = FileSystems.join(pattern, "**") if directory else pattern
    try:
        matched = [m.path for m in FileSystems.match([glob])[0].metadata_list]
    except Exception as error:  # noqa: BLE001 - any filesystem error becomes a rejection
        return [], f"input {pattern!r} could not be listed: {error}"
    if directory:
        base = pattern.rstrip("/\\")
        matched = [p for p in matched if input_format(p) and not _is_hidden(p[len(base) :])]
    if not matched:
        what = f"no files with a supported suffix ({', '.join(SUPPORTED_SUFFIXES)})" if directory else "no files"
        return [], f"input {pattern!r} matched {what}"
    return sorted(matched), None


class ExpandInputFn(beam.DoFn):
    """A file, directory or glob → the paths of the input files it names (or a rejection)."""

    def __init__(self, settings: ReadSettings) -> None:
        self._settings = settings
        self._files = Metrics.counter(NAMESPACE, "input_files")
        # An input that names no file is one record read and rejected, so the accounting covers it.
        self._read = Metrics.counter(NAMESPACE, "articles_read")
        self._rejected = Metrics.counter(NAMESPACE, "records_rejected_reading")

    def process(self, pattern: str) -> Iterator[Any]:
        matched, problem = expand_input(pattern)
        if problem is not None:
            self._read.inc()
            self._rejected.inc()
            yield beam.pvalue.TaggedOutput(
                REJECTED, reject(self._settings, "input_not_found", problem, source_file=pattern)
            )
            return
        for path in matched:
            self._files.inc()
            yield path


def _is_directory(pattern: str) -> bool:
    """A local directory, or any path ending in a separator (object stores have no real folders)."""
    if pattern.endswith(("/", "\\")):
        return True
    return not _GLOB_CHARS.search(pattern) and FileSystems.get_scheme(pattern) is None and os.path.isdir(pattern)


class ParseFileFn(beam.DoFn):
    """An input file → its articles (main output) and rejected records (``rejected``)."""

    def __init__(self, settings: ReadSettings) -> None:
        self._settings = settings
        self._read = Metrics.counter(NAMESPACE, "articles_read")
        self._rejected = Metrics.counter(NAMESPACE, "records_rejected_reading")

    def setup(self) -> None:
        keep_releasing_free_memory()  # once per worker process: stages free whole batches of texts (nlp/memory.py)

    def process(self, path: str) -> Iterator[Any]:
        opened: list[Any] = []

        def open_stream() -> Any:
            raw = FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED)
            opened.append(raw)
            # Python's own gzip reader: a full io object (iterable, readline) unlike Beam's CompressedFile.
            return gzip.GzipFile(fileobj=raw, mode="rb") if path.lower().endswith(".gz") else raw

        try:
            for record in parse_file(path, open_stream, self._settings):
                self._read.inc()
                if isinstance(record, Article):
                    yield record
                else:
                    self._rejected.inc()
                    yield beam.pvalue.TaggedOutput(REJECTED, record)
        finally:
            for handle in opened:
                handle.close()


def _preference(article: Article) -> tuple:
    """Sort key: the copy with the most metadata wins, then the first by file and line."""
    metadata = sum(value is not None for value in (article.published, article.url, article.title, article.publisher))
    return (-metadata, article.source_file, article.source_line or 0)


def _normalised(text: str) -> str:
    return " ".join(text.split())


class ResolveDuplicateIdsFn(beam.DoFn):
    """Keeps one article per id; every other copy is rejected and says which copy was kept."""

    def __init__(self, settings: ReadSettings) -> None:
        self._settings = settings
        self._accepted = Metrics.counter(NAMESPACE, "articles_accepted")
        self._duplicates = Metrics.counter(NAMESPACE, "articles_duplicate")

    def process(self, element: tuple[str, Iterable[Article]]) -> Iterator[Any]:
        article_id, copies = element
        ranked = sorted(copies, key=_preference)
        kept = ranked[0]
        self._accepted.inc()
        yield kept
        where = f"{kept.source_file}" + (f":{kept.source_line}" if kept.source_line else "")
        for other in ranked[1:]:
            self._duplicates.inc()
            same = _normalised(other.text).endswith(_normalised(kept.text)[-2000:]) or _normalised(kept.text).endswith(
                _normalised(other.text)[-2000:]
            )
            kind, detail = ("duplicate_article", "the same article") if same else ("duplicate_id", "a different text")
            yield beam.pvalue.TaggedOutput(
                REJECTED,
                reject(
                    self._settings,
                    kind,
                    f"article id {article_id!r} also read from {where} ({detail}); that copy was kept",
                    source_file=other.source_file,
                    source_line=other.source_line,
                    payload=other.text,
                    article_id=article_id,
                ),
            )


class ReadArticles(beam.PTransform):
    """Reads articles from files, directories and globs (``.jsonl[.gz]``, ``.txt``, ``.csv``).

    In: the pipeline root. Out: a dict with ``articles`` (validated :class:`Article`, one per
    id) and ``rejected`` (:class:`RejectedRecord` for every input that could not be used:
    unmatched patterns, unreadable files, malformed lines, invalid fields, duplicate ids).
    """

    def __init__(self, patterns: list[str], settings: ReadSettings) -> None:
        super().__init__()
        self._patterns = patterns
        self._settings = settings

    def expand(self, pbegin: beam.pvalue.PBegin) -> dict[str, beam.PCollection]:
        files = (
            pbegin
            | "InputPatterns" >> beam.Create(self._patterns)
            | "ExpandInputs" >> beam.ParDo(ExpandInputFn(self._settings)).with_outputs(REJECTED, main="files")
        )
        parsed = (
            files.files
            # One file per element: spread the files over workers before the parse.
            | "SpreadFiles" >> beam.Reshuffle()
            | "ParseFiles" >> beam.ParDo(ParseFileFn(self._settings)).with_outputs(REJECTED, main=ARTICLES)
        )
        unique = (
            parsed[ARTICLES]
            | "KeyById" >> beam.Map(lambda article: (article.id, article))
            | "GroupById" >> beam.GroupByKey()
            | "ResolveDuplicateIds"
            >> beam.ParDo(ResolveDuplicateIdsFn(self._settings)).with_outputs(REJECTED, main=ARTICLES)
        )
        rejected = (files[REJECTED], parsed[REJECTED], unique[REJECTED]) | "MergeRejected" >> beam.Flatten()
        return {ARTICLES: unique[ARTICLES], REJECTED: rejected}
