"""SplitSentences: articles → their sentences (article context, index and character offsets), one element per
article; in cascade mode, the sentences in which no event can be coded are set aside unparsed (:mod:`nlp.cascade`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.utils import shared

from coder.article import article_context
from ingest.formats import ReadSettings, reject_sentence
from nlp.cascade import Cascade
from nlp.memory import keep_releasing_free_memory
from nlp.sentences import split_sentences
from schemas.models import Article
from schemas.records import ArticleContext, ArticleSentences, Sentence

ARTICLES = "articles"
REJECTED = "rejected"
STAGE = "SplitSentences"
NAMESPACE = "newsevents"


def article_sentences(
    article: Article, context: ArticleContext, max_sentence_chars: int, settings: ReadSettings
) -> Iterator[Sentence | Any]:
    """The sentences of ``article`` (each carrying ``context``); an over-long "sentence" (a table, a code dump)
    is rejected instead.

    Rejected sentences keep their index, so sentence indexes always point into the article.
    """
    for index, (start, end) in enumerate(split_sentences(article.text)):
        sentence = Sentence(article=context, index=index, start=start, end=end, text=article.text[start:end])
        if len(sentence.text) > max_sentence_chars:
            reason = f"{len(sentence.text)} characters (limit {max_sentence_chars}): probably not prose; not coded"
            yield reject_sentence(settings, sentence, STAGE, "sentence_too_long", reason)
            continue
        yield sentence


def sort_by_cascade(
    context: ArticleContext, items: list[Sentence | Any], cascade: Cascade | None
) -> tuple[ArticleSentences, list[Any]]:
    """The items of one article sorted into the article's sentences to parse (with the indexes of those the
    cascade set aside, and what its decision rests on) and its rejected records. The cascade decides with the
    article's earlier sentences in view."""
    sentences = [item for item in items if isinstance(item, Sentence)]
    rejected = [item for item in items if not isinstance(item, Sentence)]
    if cascade is None:
        return ArticleSentences(context, tuple(sentences)), rejected
    plan = cascade.plan_article([s.text for s in sentences])
    to_parse = tuple(sentence for sentence, kept in zip(sentences, plan.keep, strict=True) if kept)
    skipped = tuple(sentence.index for sentence, kept in zip(sentences, plan.keep, strict=True) if not kept)
    # Plan positions → sentence indexes (they differ once an over-long sentence has been rejected).
    index_of = [sentence.index for sentence in sentences]
    candidates = tuple(index_of[position] for position in plan.candidates)
    depends = tuple(
        tuple(index_of[earlier] for earlier in plan.depends[position])
        for position, kept in enumerate(plan.keep)
        if kept
    )
    return ArticleSentences(context, to_parse, skipped, candidates, depends), rejected


class _LoadedCascade:
    """Holder for ``shared.Shared``, which keeps its objects through weak references (a slotted Cascade has none)."""

    def __init__(self, cascade: Cascade) -> None:
        self.cascade = cascade


class SplitSentencesFn(beam.DoFn):
    def __init__(
        self,
        ingested: date,
        max_sentence_chars: int,
        settings: ReadSettings,
        load_cascade: Callable[[], Cascade] | None = None,
    ) -> None:
        self._ingested = ingested
        self._max = max_sentence_chars
        self._settings = settings
        self._load_cascade = load_cascade
        self._shared = shared.Shared()
        self._cascade: Cascade | None = None
        self._sentences = Metrics.counter(NAMESPACE, "sentences")
        self._rejected = Metrics.counter(NAMESPACE, "sentences_rejected")
        self._skipped = Metrics.counter(NAMESPACE, "sentences_skipped_by_cascade")

    def setup(self) -> None:
        keep_releasing_free_memory()  # once per worker process: stages free whole batches of texts (nlp/memory.py)
        # The cascade's word indexes (~2 s to build from the lexicon and gazetteers) are built once per worker
        # process and shared by its threads.
        if self._load_cascade is not None:
            load = self._load_cascade
            self._cascade = self._shared.acquire(lambda: _LoadedCascade(load()), tag="newsevents-cascade").cascade

    def process(self, article: Article) -> Iterator[Any]:
        context = article_context(article, self._ingested)
        items = list(article_sentences(article, context, self._max, self._settings))
        sentences, rejected = sort_by_cascade(context, items, self._cascade)
        for record in rejected:
            self._rejected.inc()
            yield beam.pvalue.TaggedOutput(REJECTED, record)
        self._sentences.inc(len(sentences.sentences) + len(sentences.skipped))
        self._skipped.inc(len(sentences.skipped))
        # One element per article, even one with nothing to parse: its row still needs its sentence count.
        yield sentences


class SplitSentences(beam.PTransform):
    """Splits articles into sentences.

    In: ``Article``. Out: a dict with ``articles`` (``ArticleSentences``, one per article: its context and the
    sentences to parse, each with its index, start/end offsets in the article text and text) and ``rejected``
    (``RejectedRecord`` for sentences longer than ``max_sentence_chars``).

    With ``load_cascade`` (a function that builds the :class:`nlp.cascade.Cascade`, called once per worker), the
    sentences of each article in which the coder cannot find an event, nor anything a later sentence's event
    needs, are set aside instead: only their indexes travel on (``ArticleSentences.skipped``), they count as
    ``sentences_skipped_by_cascade`` and in the article's sentence count, and are never parsed. The decision is
    made here, where the article is whole, because it reads the article's earlier sentences.
    """

    def __init__(
        self,
        ingested: date,
        max_sentence_chars: int,
        settings: ReadSettings,
        load_cascade: Callable[[], Cascade] | None = None,
    ) -> None:
        super().__init__()
        self._fn = SplitSentencesFn(ingested, max_sentence_chars, settings, load_cascade)

    def expand(self, articles: beam.PCollection) -> dict[str, beam.PCollection]:
        split = articles | "SplitArticles" >> beam.ParDo(self._fn).with_outputs(REJECTED, main=ARTICLES)
        return {ARTICLES: split[ARTICLES], REJECTED: split[REJECTED]}
