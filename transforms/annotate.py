"""Annotate: sentences → plain linguistic annotations from spaCy, batched with RunInference."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.ml.inference.base import ModelHandler, RunInference

from ingest.formats import ReadSettings, reject_sentence
from nlp.annotate import annotate_texts, load_model, to_annotation
from schemas.records import AnnotatedSentence, Sentence

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


class SpacyModelHandler(ModelHandler[Sentence, "AnnotatedSentence | AnnotationFailure", "Language"]):
    """Runs a spaCy pipeline over batches of sentences.

    RunInference calls ``load_model`` once per worker process and shares the model
    between the threads of that process (Beam's ``shared.Shared``), so the ~1 s model
    load and its memory are paid once per worker, not per bundle.
    """

    def __init__(self, model_name: str | None, min_batch_size: int = 16, max_batch_size: int = 256) -> None:
        super().__init__()
        self._model_name = model_name
        self._min_batch_size = min_batch_size
        self._max_batch_size = max_batch_size

    def load_model(self) -> Language:
        return load_model(self._model_name)

    def run_inference(
        self, batch: Sequence[Sentence], model: Language, inference_args: dict[str, Any] | None = None
    ) -> Iterable[AnnotatedSentence | AnnotationFailure]:
        try:
            annotations = annotate_texts(model, [s.text for s in batch], batch_size=len(batch))
        except Exception:  # noqa: BLE001 - find the sentence that fails instead of losing the batch
            return [self._annotate_one(model, sentence) for sentence in batch]
        return [AnnotatedSentence(s, a) for s, a in zip(batch, annotations, strict=True)]

    @staticmethod
    def _annotate_one(model: Language, sentence: Sentence) -> AnnotatedSentence | AnnotationFailure:
        try:
            with model.memory_zone():
                return AnnotatedSentence(sentence, to_annotation(model(sentence.text)))
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

    def process(self, result: AnnotatedSentence | AnnotationFailure) -> Iterator[Any]:
        if isinstance(result, AnnotatedSentence):
            self._annotated.inc()
            yield result
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

    Every sentence that comes in is parsed: in cascade mode, ``SplitSentences`` has already set
    aside those in which no event can be coded (:mod:`nlp.cascade`).
    """

    def __init__(self, model_name: str | None, settings: ReadSettings, max_batch_size: int = 256) -> None:
        super().__init__()
        self._handler = SpacyModelHandler(model_name, max_batch_size=max_batch_size)
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
