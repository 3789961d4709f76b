"""SplitSentences: articles → sentences with their article context, index and character offsets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics

from coder.article import article_context
from ingest.formats import ReadSettings, reject_sentence
from nlp.sentences import split_sentences
from schemas.models import Article
from schemas.records import Sentence

SENTENCES = "sentences"
REJECTED = "rejected"
STAGE = "SplitSentences"
NAMESPACE = "newsevents"


def article_sentences(
    article: Article, ingested: date, max_sentence_chars: int, settings: ReadSettings
) -> Iterator[Sentence | Any]:
    """The sentences of ``article``; an over-long "sentence" (a table, a code dump) is rejected instead.

    Rejected sentences keep their index, so sentence indexes always point into the article.
    """
    context = article_context(article, ingested)
    for index, (start, end) in enumerate(split_sentences(article.text)):
        sentence = Sentence(article=context, index=index, start=start, end=end, text=article.text[start:end])
        if len(sentence.text) > max_sentence_chars:
            reason = f"{len(sentence.text)} characters (limit {max_sentence_chars}): probably not prose; not coded"
            yield reject_sentence(settings, sentence, STAGE, "sentence_too_long", reason)
            continue
        yield sentence


class SplitSentencesFn(beam.DoFn):
    def __init__(self, ingested: date, max_sentence_chars: int, settings: ReadSettings) -> None:
        self._ingested = ingested
        self._max = max_sentence_chars
        self._settings = settings
        self._sentences = Metrics.counter(NAMESPACE, "sentences")
        self._rejected = Metrics.counter(NAMESPACE, "sentences_rejected")

    def process(self, article: Article) -> Iterator[Any]:
        for item in article_sentences(article, self._ingested, self._max, self._settings):
            if isinstance(item, Sentence):
                self._sentences.inc()
                yield item
            else:
                self._rejected.inc()
                yield beam.pvalue.TaggedOutput(REJECTED, item)


class SplitSentences(beam.PTransform):
    """Splits articles into sentences.

    In: ``Article``. Out: a dict with ``sentences`` (``Sentence``: article context, index,
    start/end offsets in the article text, text) and ``rejected`` (``RejectedRecord`` for
    sentences longer than ``max_sentence_chars``).
    """

    def __init__(self, ingested: date, max_sentence_chars: int, settings: ReadSettings) -> None:
        super().__init__()
        self._fn = SplitSentencesFn(ingested, max_sentence_chars, settings)

    def expand(self, articles: beam.PCollection) -> dict[str, beam.PCollection]:
        split = articles | "SplitArticles" >> beam.ParDo(self._fn).with_outputs(REJECTED, main=SENTENCES)
        return {SENTENCES: split[SENTENCES], REJECTED: split[REJECTED]}
