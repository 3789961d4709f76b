"""ExtractEvents: annotated sentences → coded event rows; SummariseArticles: the article rows."""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import date
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics

from coder.article import article_row, code_annotated_sentence
from coder.people import ArticleMemory
from ingest.formats import ReadSettings, reject_sentence
from schemas.records import AnnotatedSentence, Annotation, ArticleContext, Entity, Sentence

EVENTS = "events"
REJECTED = "rejected"
STAGE = "ExtractEvents"
NAMESPACE = "newsevents"


_CONTEXT = tuple(field.name for field in fields(ArticleContext))
_SENTENCE = tuple(field.name for field in fields(Sentence) if field.name != "article")
_ANNOTATION = tuple(field.name for field in fields(Annotation) if field.name != "entities")


def encode_annotated(annotated: AnnotatedSentence) -> bytes:
    """An annotated sentence as bytes, for the shuffle by article: its fields as built-in types, pickled at once.

    The runner then moves bytes: it decodes and re-encodes every element of a GroupByKey, and Beam's fallback
    coder pickles these dataclasses field by field, which costs several times more at each of those steps.
    """
    sentence, annotation = annotated.sentence, annotated.annotation
    return pickle.dumps(
        (
            tuple(getattr(sentence.article, name) for name in _CONTEXT),
            tuple(getattr(sentence, name) for name in _SENTENCE),
            tuple(getattr(annotation, name) for name in _ANNOTATION),
            [(entity.start, entity.end, entity.label) for entity in annotation.entities],
        ),
        protocol=pickle.HIGHEST_PROTOCOL,
    )


def decode_annotated(data: bytes) -> AnnotatedSentence:
    context, sentence, annotation, entities = pickle.loads(data)  # bytes that encode_annotated wrote
    return AnnotatedSentence(
        Sentence(ArticleContext(*context), *sentence),
        Annotation(*annotation, entities=[Entity(*entity) for entity in entities]),
    )


class CodeArticleFn(beam.DoFn):
    """The annotated sentences of one article → its events, coded in sentence order.

    The order matters: a person introduced with a title ("Ukrainian President Volodymyr Zelensky")
    is remembered for the article's later sentences ("Zelensky said ..."). A sentence the coder
    fails on is rejected, not lost, and the rest of the article is still coded.
    """

    def __init__(self, settings: ReadSettings) -> None:
        self._settings = settings
        self._events = Metrics.counter(NAMESPACE, "events")
        self._with_events = Metrics.counter(NAMESPACE, "sentences_with_events")
        self._failed = Metrics.counter(NAMESPACE, "sentences_failed_coding")

    def process(self, element: tuple[str, Iterable[bytes]]) -> Iterator[Any]:
        _, encoded = element
        ordered = sorted(map(decode_annotated, encoded), key=lambda annotated: annotated.sentence.index)
        memory = ArticleMemory(ordered[0].sentence.article.published_date) if ordered else ArticleMemory()
        for annotated in ordered:
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

    In: ``AnnotatedSentence``. Out: a dict with ``events`` (``Event`` rows, CAMEO and
    PLOVER coded, dates resolved) and ``rejected`` (sentences the coder failed on).

    The sentences travel to the grouping by article as bytes (:func:`encode_annotated`).
    """

    def __init__(self, settings: ReadSettings) -> None:
        super().__init__()
        self._settings = settings

    def expand(self, annotated: beam.PCollection) -> dict[str, beam.PCollection]:
        coded = (
            annotated
            | "KeyByArticle" >> beam.Map(lambda a: (a.sentence.article.article_id, encode_annotated(a)))
            | "GroupByArticle" >> beam.GroupByKey()
            | "CodeArticles" >> beam.ParDo(CodeArticleFn(self._settings)).with_outputs(REJECTED, main=EVENTS)
        )
        return {EVENTS: coded[EVENTS], REJECTED: coded[REJECTED]}


def _count(values: Iterable[int]) -> int:
    return sum(values)


class SummariseArticles(beam.PTransform):
    """Joins each article with its sentence and event counts.

    In: a dict with ``articles`` (``Article``), ``sentences`` (``AnnotatedSentence``), optionally ``skipped``
    (the cascade's ``AnnotatedSentence``, counted with the others) and ``events`` (``Event``). Out:
    ``ArticleRow``, one per article (counts are 0 for articles with no sentences or no events).

    Each sentence collection is keyed by article before they are merged: a ``Flatten`` of the sentences
    themselves makes the local runner hold the whole batch's annotations a second time, to read them only for
    a count (at 10,000 articles it took a worker past 1 GB).
    """

    def __init__(self, ingested: date, pipeline_version: str) -> None:
        super().__init__()
        self._ingested = ingested
        self._version = pipeline_version

    def expand(self, inputs: dict[str, beam.PCollection]) -> beam.PCollection:
        keyed_articles = inputs["articles"] | "KeyArticles" >> beam.Map(lambda a: (a.id, a))
        sentence_keys = [
            inputs[name] | f"Key{name.title()}" >> beam.Map(lambda s: (s.sentence.article.article_id, 1))
            for name in ("sentences", "skipped")
            if name in inputs
        ]
        sentence_counts = (
            sentence_keys
            | "AllSentenceKeys" >> beam.Flatten(pipeline=inputs["articles"].pipeline)
            | "CountSentences" >> beam.CombinePerKey(sum)
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
