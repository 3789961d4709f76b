"""``build_pipeline``: the one place where the stages are composed into a pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems

from ingest.formats import ReadSettings
from nlp.cascade import load_cascade
from schemas.arrow import output_tables
from transforms.annotate import Annotate
from transforms.cluster_events import ClusterEvents
from transforms.extract_events import ExtractEvents, SummariseArticles
from transforms.near_duplicates import FindNearDuplicates, MarkDuplicateGroups
from transforms.read_articles import ReadArticles
from transforms.split_sentences import SplitSentences
from transforms.write_parquet import WriteParquet


@dataclass(frozen=True)
class RunSettings:
    """Everything a run needs besides the runner: built from ``NewsEventsOptions`` by the CLI."""

    inputs: tuple[str, ...]
    output: str
    run_id: str
    ingested: date
    pipeline_version: str
    published: date | None = None
    spacy_model: str | None = None
    max_article_chars: int = 1_000_000
    max_sentence_chars: int = 2_000
    annotate_batch_size: int = 256
    # >1: articles are dealt to this many lanes of equal parse cost instead of being spread at random
    # (transforms/annotate.py); set by the CLI to the local runner's worker count.
    parse_lanes: int = 0
    cascade: bool = True  # parse only sentences that can hold an event (nlp/cascade.py)
    output_shards: int = 1
    # Set by the batch CLI: files are named after the input batch and written to a staging folder,
    # from which pipeline/commit.py renames them into the tables once the run has succeeded.
    batch_id: str | None = None
    staging: str | None = None
    # Interactive runs only: a local folder where the Tick steps of pipeline/progress.py write their counts.
    progress_dir: str | None = None

    @property
    def read_settings(self) -> ReadSettings:
        return ReadSettings(self.pipeline_version, self.published, self.max_article_chars)

    @property
    def file_tag(self) -> str:
        return self.batch_id or self.run_id

    def table_path(self, table: str) -> str:
        return FileSystems.join(self.output, table)

    def write_path(self, table: str) -> str:
        return FileSystems.join(self.staging, table) if self.staging else self.table_path(table)

    @property
    def load_cascade(self) -> partial | None:
        """What SplitSentences calls once per worker to build the cascade, or None in full mode."""
        return partial(load_cascade, self.spacy_model) if self.cascade else None

    def temp_path(self, table: str) -> str:
        if self.staging:
            return FileSystems.join(self.staging, "_beam", table)
        return FileSystems.join(self.output, "_tmp", self.run_id, table)


def build_pipeline(pipeline: beam.Pipeline, settings: RunSettings) -> dict[str, beam.PCollection]:
    """Adds the newsevents stages to ``pipeline``; returns the written-file PCollections per table."""
    read = settings.read_settings
    tables = output_tables(settings.pipeline_version)

    articles = pipeline | "ReadArticles" >> ReadArticles(list(settings.inputs), read)
    sentences = articles["articles"] | "SplitSentences" >> SplitSentences(
        settings.ingested, settings.max_sentence_chars, read, settings.load_cascade
    )
    annotated = sentences["articles"] | "Annotate" >> Annotate(
        settings.spacy_model, read, max_batch_size=settings.annotate_batch_size, lanes=settings.parse_lanes
    )
    if settings.progress_dir:
        from pipeline.progress import track

        track(
            settings.progress_dir,
            articles=articles["articles"],
            sentences=(sentences["articles"], lambda article: len(article.sentences)),
            parsed=(annotated["annotated"], lambda article: len(article.sentences)),
        )
    # Sentences the cascade skipped cannot give an event nor change what the coder remembers of the article:
    # they are not coded, only counted in their article's row.
    events = annotated["annotated"] | "ExtractEvents" >> ExtractEvents(read)
    article_rows = {
        "articles": articles["articles"],
        "annotated": annotated["annotated"],
        "events": events["events"],
    } | "SummariseArticles" >> SummariseArticles(settings.ingested, settings.pipeline_version)
    # Syndicated copies: recorded on the article rows and counted once per story in the clusters.
    duplicate_groups = articles["articles"] | "FindNearDuplicates" >> FindNearDuplicates()
    article_rows = {"rows": article_rows, "groups": duplicate_groups} | "MarkDuplicateGroups" >> MarkDuplicateGroups()
    clusters = {"events": events["events"], "duplicate_groups": duplicate_groups} | "ClusterEvents" >> ClusterEvents(
        settings.pipeline_version
    )
    rejected = (
        articles["rejected"],
        sentences["rejected"],
        annotated["rejected"],
        events["rejected"],
    ) | "MergeRejected" >> beam.Flatten()

    outputs = {"events": events["events"], "articles": article_rows, "rejected": rejected, "event_clusters": clusters}
    return {
        name: rows
        | f"Write{name.capitalize()}"
        >> WriteParquet(
            settings.write_path(name),
            tables[name],
            settings.file_tag,
            settings.temp_path(name),
            shards=settings.output_shards,
        )
        for name, rows in outputs.items()
    }


def build_stream_pipeline(pipeline: beam.Pipeline, settings: RunSettings, source: beam.PTransform) -> beam.PCollection:
    """The streaming composition: ``source`` (e.g. ``transforms.stream_source.InboxSource``) yields windowed
    ``articles``, ``rejected`` and ``inbox`` markers; the same stages as :func:`build_pipeline` code them,
    and each window pane is committed atomically (``transforms.stream_write.StreamWrite``). Returns the
    committed file paths."""
    from transforms.stream_write import StreamWrite  # streaming-only module, kept out of batch imports

    read = settings.read_settings
    arrived = pipeline | "ReadStream" >> source
    sentences = arrived["articles"] | "SplitSentences" >> SplitSentences(
        settings.ingested, settings.max_sentence_chars, read, settings.load_cascade
    )
    annotated = sentences["articles"] | "Annotate" >> Annotate(
        settings.spacy_model, read, max_batch_size=settings.annotate_batch_size
    )
    events = annotated["annotated"] | "ExtractEvents" >> ExtractEvents(read)
    article_rows = {
        "articles": arrived["articles"],
        "annotated": annotated["annotated"],
        "events": events["events"],
    } | "SummariseArticles" >> SummariseArticles(settings.ingested, settings.pipeline_version)
    rejected = (
        arrived["rejected"],
        sentences["rejected"],
        annotated["rejected"],
        events["rejected"],
    ) | "MergeRejected" >> beam.Flatten()
    tables = output_tables(settings.pipeline_version)
    return {
        "events": events["events"],
        "articles": article_rows,
        "rejected": rejected,
        "inbox": arrived["inbox"],
    } | "CommitWindows" >> StreamWrite(
        settings.output, {name: tables[name] for name in ("events", "articles", "rejected")}
    )
