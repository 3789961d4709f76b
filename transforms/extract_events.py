"""ExtractEvents: annotated articles → coded event rows; SummariseArticles: the article rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics

from coder.article import article_row, code_annotated_sentence
from coder.people import ArticleMemory
from ingest.formats import ReadSettings, reject_sentence
from schemas.records import AnnotatedArticle

EVENTS = "events"
REJECTED = "rejected"
STAGE = "ExtractEvents"
NAMESPACE = "newsevents"


class CodeArticleFn(beam.DoFn):
    """An annotated article → its events, coded in sentence order.

    The order matters: a person introduced with a title ("Ukrainian President Volodymyr Zelensky")
    is remembered for the article's later sentences ("Zelensky said ..."). A sentence the coder
    fails on is rejected, not lost, and the rest of the article is still coded.
    """

    def __init__(self, settings: ReadSettings) -> None:
        self._settings = settings
        self._events = Metrics.counter(NAMESPACE, "events")
        self._with_events = Metrics.counter(NAMESPACE, "sentences_with_events")
        self._failed = Metrics.counter(NAMESPACE, "sentences_failed_coding")

    def process(self, article: AnnotatedArticle) -> Iterator[Any]:
        memory = ArticleMemory(article.article.published_date)
        for annotated in article.sentences:
            try:
                events = code_annotated_sentence(annotated, self._settings.pipeline_version, memory)
            except Exception as error:  # noqa: BLE001 - one bad sentence must not stop the run
                self._failed.inc()
                reason = f"the coder failed: {type(error).__name__}: {error}"
                yield beam.pvalue.TaggedOutput(
                    REJECTED, reject_sentence(self._settings, annotated.sentence, STAGE, "coding_failed", reason)
                )
                continue
            if events:
                self._with_events.inc()
            for event in events:
                self._events.inc()
                yield event


class ExtractEvents(beam.PTransform):
    """Codes events with the rule-based coder (:mod:`coder.events`), one article at a time.

    In: ``AnnotatedArticle``. Out: a dict with ``events`` (``Event`` rows, CAMEO and
    PLOVER coded, dates resolved) and ``rejected`` (sentences the coder failed on).

    No shuffle: the runner fuses this step with parsing, so the annotations are coded where they were made.
    """

    def __init__(self, settings: ReadSettings) -> None:
        super().__init__()
        self._settings = settings

    def expand(self, annotated: beam.PCollection) -> dict[str, beam.PCollection]:
        coded = annotated | "CodeArticles" >> beam.ParDo(CodeArticleFn(self._settings)).with_outputs(
            REJECTED, main=EVENTS
        )
        return {EVENTS: coded[EVENTS], REJECTED: coded[REJECTED]}


def _count(values: Iterable[int]) -> int:
    return sum(values)


class SummariseArticles(beam.PTransform):
    """Joins each article with its sentence and event counts.

    In: a dict with ``articles`` (``Article``), ``annotated`` (``AnnotatedArticle``: its sentence count includes
    those the cascade set aside) and ``events`` (``Event``). Out: ``ArticleRow``, one per article (counts are 0
    for articles with no sentences or no events).

    Only the counts reach the join: the annotated articles are reduced to (article id, count) in the stage that
    parsed them.
    """

    def __init__(self, ingested: date, pipeline_version: str) -> None:
        super().__init__()
        self._ingested = ingested
        self._version = pipeline_version

    def expand(self, inputs: dict[str, beam.PCollection]) -> beam.PCollection:
        keyed_articles = inputs["articles"] | "KeyArticles" >> beam.Map(lambda a: (a.id, a))
        sentence_counts = inputs["annotated"] | "CountSentences" >> beam.Map(
            lambda a: (a.article.article_id, a.sentence_count)
        )
        event_counts = (
            inputs["events"]
            | "KeyEvents" >> beam.Map(lambda e: (e.article_id, 1))
            | "CountEvents" >> beam.CombinePerKey(sum)
        )
        ingested, version = self._ingested, self._version

        def to_row(element: tuple[str, dict[str, list[Any]]]) -> Iterator[Any]:
            _, joined = element
            for article in joined["article"]:
                yield article_row(article, _count(joined["sentences"]), _count(joined["events"]), ingested, version)

        return (
            {"article": keyed_articles, "sentences": sentence_counts, "events": event_counts}
            | "JoinCounts" >> beam.CoGroupByKey()
            | "ToArticleRows" >> beam.FlatMap(to_row)
        )
