"""Annotate: articles' sentences → plain linguistic annotations from spaCy, batched with RunInference."""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.ml.inference.base import ModelHandler, RunInference

from ingest.formats import ReadSettings, reject_sentence
from nlp.annotate import annotate_in_two_passes, annotate_texts, load_model, to_annotation
from nlp.cascade import needed_after_tagging
from nlp.memory import release_free_memory
from schemas.records import (
    AnnotatedArticle,
    AnnotatedSentence,
    Annotation,
    ArticleContext,
    ArticleSentences,
    Sentence,
)

if TYPE_CHECKING:
    from spacy.language import Language

ANNOTATED = "annotated"
REJECTED = "rejected"
STAGE = "Annotate"
NAMESPACE = "newsevents"

_CONTEXT = tuple(field.name for field in fields(ArticleContext))
_SENTENCE = tuple(field.name for field in fields(Sentence) if field.name != "article")


def parse_weight(article: ArticleSentences) -> int:
    """An article's weight in a parse batch: its sentences to parse, at least 1 (so that articles with
    nothing to parse still close batches)."""
    return max(1, len(article.sentences))


# What an article costs besides its sentences' characters (decoding, coding, its summary row), in characters.
ARTICLE_OVERHEAD_CHARS = 200


def parse_cost(article: ArticleSentences) -> int:
    """An estimate of the CPU an article costs its worker: spaCy's time grows with the characters it parses."""
    return ARTICLE_OVERHEAD_CHARS + sum(len(sentence.text) for sentence in article.sentences)


class LeastLoadedLanes:
    """Deals weighted items to ``lanes`` lanes, each to the lane with the least weight so far (greedy list
    scheduling): the lanes' totals differ by at most the heaviest item, however uneven the items are."""

    def __init__(self, lanes: int) -> None:
        if lanes < 1:
            raise ValueError(f"lanes must be at least 1, got {lanes}")
        self.loads = [0] * lanes

    def assign(self, weight: int) -> int:
        lane = min(range(len(self.loads)), key=self.loads.__getitem__)
        self.loads[lane] += weight
        return lane


class DealToLanesFn(beam.DoFn):
    """(lane, article bytes) for each article, its lane chosen by ``LeastLoadedLanes`` on its parse cost."""

    def __init__(self, lanes: int) -> None:
        self._lanes = lanes

    def setup(self) -> None:
        # One dealer per DoFn instance: several producers each balance their own share, and the sums of
        # balanced shares are balanced.
        self._dealer = LeastLoadedLanes(self._lanes)

    def process(self, article: ArticleSentences) -> Iterator[tuple[int, bytes]]:
        yield self._dealer.assign(parse_cost(article)), encode_article_sentences(article)


def encode_article_sentences(article: ArticleSentences) -> bytes:
    """An article as bytes for the shuffle that spreads articles over workers: its fields as built-in types,
    pickled at once (Beam's fallback coder encodes these dataclasses field by field, several times slower)."""
    context = article.article
    return pickle.dumps(
        (
            tuple(getattr(context, name) for name in _CONTEXT),
            [tuple(getattr(sentence, name) for name in _SENTENCE) for sentence in article.sentences],
            article.skipped,
            article.candidates,
            article.depends,
        ),
        protocol=pickle.HIGHEST_PROTOCOL,
    )


def decode_article_sentences(data: bytes) -> ArticleSentences:
    fields_, sentences, skipped, candidates, depends = pickle.loads(data)  # bytes that encode_article_sentences wrote
    context = ArticleContext(*fields_)
    parsed = tuple(Sentence(context, *sentence) for sentence in sentences)
    return ArticleSentences(context, parsed, tuple(skipped), candidates, tuple(depends))


class SpacyModelHandler(ModelHandler[ArticleSentences, AnnotatedArticle, "Language"]):
    """Runs a spaCy pipeline over batches of articles: all their sentences go through one ``nlp.pipe``.

    RunInference calls ``load_model`` once per worker process and shares the model
    between the threads of that process (Beam's ``shared.Shared``), so the ~1 s model
    load and its memory are paid once per worker, not per bundle. Batches are sized in
    sentences (``parse_weight``), between ``min_batch_size`` and ``max_batch_size``.
    """

    def __init__(self, model_name: str | None, min_batch_size: int = 16, max_batch_size: int = 256) -> None:
        super().__init__()
        self._model_name = model_name
        self._min_batch_size = min_batch_size
        self._max_batch_size = max_batch_size

    def load_model(self) -> Language:
        return load_model(self._model_name)

    def run_inference(
        self, batch: Sequence[ArticleSentences], model: Language, inference_args: dict[str, Any] | None = None
    ) -> Iterable[AnnotatedArticle]:
        sentences = [sentence for article in batch for sentence in article.sentences]
        texts = [s.text for s in sentences]
        results: list[AnnotatedSentence | tuple[Sentence, str] | None]
        try:
            if any(article.candidates is not None for article in batch):
                annotations = annotate_in_two_passes(model, texts, lambda tagged: _needed_positions(batch, tagged))
            else:
                annotations = annotate_texts(model, texts)
            pairs = zip(sentences, annotations, strict=True)
            results = [AnnotatedSentence(s, a) if a is not None else None for s, a in pairs]
        except Exception:  # noqa: BLE001 - find the sentence that fails instead of losing the batch
            results = [self._annotate_one(model, sentence) for sentence in sentences]
        parsed = iter(results)
        articles = []
        set_aside = 0
        for article in batch:
            mine = [(sentence, next(parsed)) for sentence in article.sentences]
            aside = tuple(sentence.index for sentence, result in mine if result is None)
            set_aside += len(aside)
            articles.append(
                AnnotatedArticle(
                    article.article,
                    tuple(r for _, r in mine if isinstance(r, AnnotatedSentence)),
                    tuple(sorted(article.skipped + aside)) if aside else article.skipped,
                    tuple(r for _, r in mine if isinstance(r, tuple)),
                )
            )
        if set_aside:
            # Set aside by the cascade's second look: counted with those it set aside before parsing.
            Metrics.counter(NAMESPACE, "sentences_skipped_by_cascade").inc(set_aside)
            Metrics.counter(NAMESPACE, "sentences_set_aside_after_tagging").inc(set_aside)
        release_free_memory()
        return articles

    @staticmethod
    def _annotate_one(model: Language, sentence: Sentence) -> AnnotatedSentence | tuple[Sentence, str]:
        try:
            with model.memory_zone():
                return AnnotatedSentence(sentence, to_annotation(model(sentence.text)))
        except Exception as error:  # noqa: BLE001 - becomes a rejected record
            return sentence, f"{type(error).__name__}: {error}"

    def batch_elements_kwargs(self) -> dict[str, Any]:
        return {
            "min_batch_size": self._min_batch_size,
            "max_batch_size": self._max_batch_size,
            "element_size_fn": parse_weight,
        }

    def get_num_bytes(self, batch: Sequence[ArticleSentences]) -> int:
        return sum(len(s.text) for article in batch for s in article.sentences)


def _needed_positions(batch: Sequence[ArticleSentences], tagged: Sequence[Annotation]) -> list[int]:
    """The positions, in the batch's sentences, of those still needed in full once tagged (by article:
    :func:`nlp.cascade.needed_after_tagging`)."""
    positions: list[int] = []
    start = 0
    for article in batch:
        mine = {sentence.index: tagged[start + offset] for offset, sentence in enumerate(article.sentences)}
        needed = needed_after_tagging(article, mine)
        positions += [start + offset for offset, sentence in enumerate(article.sentences) if sentence.index in needed]
        start += len(article.sentences)
    return positions


class SortAnnotationsFn(beam.DoFn):
    def __init__(self, settings: ReadSettings) -> None:
        self._settings = settings
        self._annotated = Metrics.counter(NAMESPACE, "sentences_annotated")
        self._failed = Metrics.counter(NAMESPACE, "sentences_failed_annotation")

    def process(self, article: AnnotatedArticle) -> Iterator[Any]:
        self._annotated.inc(len(article.sentences))
        for sentence, error in article.failed:
            self._failed.inc()
            reason = f"spaCy could not parse it: {error}"
            yield beam.pvalue.TaggedOutput(
                REJECTED, reject_sentence(self._settings, sentence, STAGE, "annotation_failed", reason)
            )
        yield replace(article, failed=()) if article.failed else article


class Annotate(beam.PTransform):
    """Parses the articles' sentences with spaCy.

    In: ``ArticleSentences``. Out: a dict with ``annotated`` (``AnnotatedArticle``: the article's sentences,
    each with tokens, lemmas, POS, dependencies and entities as plain lists; no spaCy objects) and
    ``rejected`` (sentences spaCy failed on).

    Articles are spread over the workers first; their sentences are parsed in batches that cross article
    boundaries. By default they are spread at random (``Reshuffle``), which evens out over many articles and
    workers. With ``lanes`` > 1 they are dealt instead to that many lanes of equal parse cost, one group per
    lane: for a runner that gives each of ``lanes`` workers one group, such as the local multi-process
    runner, whose random split of a few hundred articles is uneven because article lengths are (one
    Wikinews article is as long as 24 average ones). Nothing is shuffled but the articles' text.

    Outside cascade mode, every sentence that comes in is parsed in full. In cascade mode, ``SplitSentences`` has
    already set aside the sentences in which no event can be coded, and the articles carry its plan: their sentences
    are tagged and parsed first, and only those in which the tagger leaves a trigger, and those they depend on, go
    through the entity recogniser and on to the coder; the others join the article's ``skipped`` (counted in
    ``sentences_skipped_by_cascade`` and ``sentences_set_aside_after_tagging``; :mod:`nlp.cascade`).
    """

    def __init__(
        self, model_name: str | None, settings: ReadSettings, max_batch_size: int = 256, lanes: int = 0
    ) -> None:
        super().__init__()
        self._handler = SpacyModelHandler(model_name, max_batch_size=max_batch_size)
        self._settings = settings
        self._lanes = lanes

    def expand(self, articles: beam.PCollection) -> dict[str, beam.PCollection]:
        # The articles of one input file arrive together: spread them so that parsing runs on every worker.
        if self._lanes > 1:
            spread = (
                articles
                | "DealByParseCost" >> beam.ParDo(DealToLanesFn(self._lanes))
                | "GroupByLane" >> beam.GroupByKey()
                | "FromBytes" >> beam.FlatMap(lambda lane: map(decode_article_sentences, lane[1]))
            )
        else:
            spread = (
                articles
                | "ToBytes" >> beam.Map(encode_article_sentences)
                | "SpreadArticles" >> beam.Reshuffle()
                | "FromBytes" >> beam.Map(decode_article_sentences)
            )
        results = (
            spread
            | "ParseWithSpacy" >> RunInference(self._handler)
            | "SortResults" >> beam.ParDo(SortAnnotationsFn(self._settings)).with_outputs(REJECTED, main=ANNOTATED)
        )
        return {ANNOTATED: results[ANNOTATED], REJECTED: results[REJECTED]}
