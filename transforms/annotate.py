"""Annotate: sentences → plain linguistic annotations from spaCy, batched with RunInference."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.ml.inference.base import ModelHandler, RunInference

from ingest.formats import ReadSettings, reject_sentence
from nlp.annotate import annotate_texts, annotate_texts_cascade, load_model, to_annotation
from nlp.cascade import Cascade, build_cascade
from schemas.records import AnnotatedSentence, Annotation, Sentence

if TYPE_CHECKING:
    from spacy.language import Language

ANNOTATED = "annotated"
REJECTED = "rejected"
STAGE = "Annotate"
NAMESPACE = "newsevents"


@dataclass(frozen=True, slots=True)
class AnnotationFailure:
    sentence: Sentence
    error: str


@dataclass(frozen=True, slots=True)
class SkippedSentence:
    """A sentence the cascade found no possible event in: not parsed, still counted."""

    sentence: Sentence


# No slots: Beam's shared.Shared holds the loaded model through a weak reference.
@dataclass(frozen=True)
class Annotator:
    """What a worker loads once: the spaCy pipeline and, in cascade mode, the cascade's word indexes."""

    nlp: Language
    cascade: Cascade | None


class SpacyModelHandler(ModelHandler[Sentence, "AnnotatedSentence | AnnotationFailure | SkippedSentence", Annotator]):
    """Runs a spaCy pipeline over batches of sentences.

    RunInference calls ``load_model`` once per worker process and shares the model
    between the threads of that process (Beam's ``shared.Shared``), so the ~1 s model
    load and its memory are paid once per worker, not per bundle. The cascade's word
    indexes (~2 s to build from the lexicon and gazetteer) are built there too, for the same reason.

    With ``cascade``, each batch is tokenized, and only the sentences that can hold an
    event (:mod:`nlp.cascade`) run through the rest of the pipeline; the others come out as
    ``SkippedSentence``.
    """

    def __init__(
        self, model_name: str | None, min_batch_size: int = 16, max_batch_size: int = 256, cascade: bool = False
    ) -> None:
        super().__init__()
        self._model_name = model_name
        self._min_batch_size = min_batch_size
        self._max_batch_size = max_batch_size
        self._cascade = cascade

    def load_model(self) -> Annotator:
        nlp = load_model(self._model_name)
        return Annotator(nlp, build_cascade(nlp) if self._cascade else None)

    def run_inference(
        self, batch: Sequence[Sentence], model: Annotator, inference_args: dict[str, Any] | None = None
    ) -> Iterable[AnnotatedSentence | AnnotationFailure | SkippedSentence]:
        texts = [s.text for s in batch]
        try:
            if model.cascade is None:
                annotations: list[Annotation | None] = list(annotate_texts(model.nlp, texts, batch_size=len(batch)))
            else:
                annotations = annotate_texts_cascade(model.nlp, model.cascade, texts, batch_size=len(batch))
        except Exception:  # noqa: BLE001 - find the sentence that fails instead of losing the batch
            return [self._annotate_one(model, sentence) for sentence in batch]
        return [
            SkippedSentence(s) if a is None else AnnotatedSentence(s, a)
            for s, a in zip(batch, annotations, strict=True)
        ]

    @staticmethod
    def _annotate_one(model: Annotator, sentence: Sentence) -> AnnotatedSentence | AnnotationFailure | SkippedSentence:
        try:
            if model.cascade is not None:
                annotation = annotate_texts_cascade(model.nlp, model.cascade, [sentence.text])[0]
                return SkippedSentence(sentence) if annotation is None else AnnotatedSentence(sentence, annotation)
            with model.nlp.memory_zone():
                return AnnotatedSentence(sentence, to_annotation(model.nlp(sentence.text)))
        except Exception as error:  # noqa: BLE001 - becomes a rejected record
            return AnnotationFailure(sentence, f"{type(error).__name__}: {error}")

    def batch_elements_kwargs(self) -> dict[str, int]:
        return {"min_batch_size": self._min_batch_size, "max_batch_size": self._max_batch_size}

    def get_num_bytes(self, batch: Sequence[Sentence]) -> int:
        return sum(len(s.text) for s in batch)


class SortAnnotationsFn(beam.DoFn):
    def __init__(self, settings: ReadSettings) -> None:
        self._settings = settings
        self._annotated = Metrics.counter(NAMESPACE, "sentences_annotated")
        self._failed = Metrics.counter(NAMESPACE, "sentences_failed_annotation")
        self._skipped = Metrics.counter(NAMESPACE, "sentences_skipped_by_cascade")

    def process(self, result: AnnotatedSentence | AnnotationFailure | SkippedSentence) -> Iterator[Any]:
        if isinstance(result, AnnotatedSentence):
            self._annotated.inc()
            yield result
            return
        if isinstance(result, SkippedSentence):
            # Still a sentence of its article (articles.sentence_count counts it), with no tokens: the
            # coder finds nothing in it, which is what the cascade decided.
            self._skipped.inc()
            yield AnnotatedSentence(result.sentence, Annotation())
            return
        self._failed.inc()
        reason = f"spaCy could not parse it: {result.error}"
        yield beam.pvalue.TaggedOutput(
            REJECTED, reject_sentence(self._settings, result.sentence, STAGE, "annotation_failed", reason)
        )


class Annotate(beam.PTransform):
    """Parses sentences with spaCy.

    In: ``Sentence``. Out: a dict with ``annotated`` (``AnnotatedSentence``: the sentence
    plus tokens, lemmas, POS, dependencies and entities as plain lists; no spaCy objects)
    and ``rejected`` (sentences spaCy failed on).

    With ``cascade``, a sentence in which no event can be coded (no trigger word or no
    known actor, see :mod:`nlp.cascade`) is not parsed: it comes out in ``annotated`` with
    an empty ``Annotation`` (no tokens), so every sentence is still accounted for, and is
    counted as ``sentences_skipped_by_cascade``.
    """

    def __init__(
        self, model_name: str | None, settings: ReadSettings, max_batch_size: int = 256, cascade: bool = False
    ) -> None:
        super().__init__()
        self._handler = SpacyModelHandler(model_name, max_batch_size=max_batch_size, cascade=cascade)
        self._settings = settings

    def expand(self, sentences: beam.PCollection) -> dict[str, beam.PCollection]:
        results = (
            sentences
            # Sentences of one article arrive together: spread them so parsing runs on every worker.
            | "SpreadSentences" >> beam.Reshuffle()
            | "ParseWithSpacy" >> RunInference(self._handler)
            | "SortResults" >> beam.ParDo(SortAnnotationsFn(self._settings)).with_outputs(REJECTED, main=ANNOTATED)
        )
        return {ANNOTATED: results[ANNOTATED], REJECTED: results[REJECTED]}
