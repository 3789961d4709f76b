"""The bytes annotated sentences travel as between Annotate and the grouping by article (transforms/extract_events)."""

from __future__ import annotations

from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from schemas.records import AnnotatedSentence, Annotation, ArticleContext, Entity, Sentence
from transforms.extract_events import decode_annotated, encode_annotated

CONTEXT = ArticleContext(
    article_id="a1",
    url="https://example.org/a1",
    publisher="Example",
    published="2022-04-26T00:00:00+00:00",
    ingested="2026-01-01",
    source_file="in.jsonl",
    source_line=7,
)


def test_every_field_survives_the_round_trip():
    annotation = Annotation(
        words=["Russia", "attacked", "Kyiv", "."],
        lemmas=["Russia", "attack", "Kyiv", "."],
        pos=["PROPN", "VERB", "PROPN", "PUNCT"],
        tags=["NNP", "VBD", "NNP", "."],
        deps=["nsubj", "ROOT", "dobj", "punct"],
        heads=[1, 1, 1, 1],
        offsets=[0, 7, 16, 20],
        entities=[Entity(0, 1, "GPE"), Entity(2, 3, "GPE")],
    )
    annotated = AnnotatedSentence(Sentence(CONTEXT, 3, 120, 141, "Russia attacked Kyiv."), annotation)
    assert all(getattr(annotation, f.name) for f in fields(Annotation)), "set every field, so a dropped one shows"
    decoded = decode_annotated(encode_annotated(annotated))
    assert decoded == annotated
    assert isinstance(decoded.annotation.entities[0], Entity)


@given(
    st.text(),
    st.lists(st.text(max_size=8), max_size=20),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from(["PERSON", "GPE", "ORG"]))),
    st.one_of(st.none(), st.text(max_size=10)),
)
def test_round_trip_of_any_content(text, words, entities, url):
    context = ArticleContext("id", url, None, None, "2026-01-01")
    annotation = Annotation(words=words, lemmas=list(words), offsets=list(range(len(words))))
    annotation.entities = [Entity(*entity) for entity in entities]
    annotated = AnnotatedSentence(Sentence(context, 0, 0, len(text), text), annotation)
    assert decode_annotated(encode_annotated(annotated)) == annotated
