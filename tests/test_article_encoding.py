"""The bytes articles travel as through the shuffle that spreads them over workers (transforms/annotate)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from schemas.records import ArticleContext, ArticleSentences, Sentence
from transforms.annotate import decode_article_sentences, encode_article_sentences, parse_weight

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
    article = ArticleSentences(
        CONTEXT,
        (Sentence(CONTEXT, 0, 0, 21, "Russia attacked Kyiv."), Sentence(CONTEXT, 2, 40, 52, "Talks failed.")),
        skipped=(1,),
    )
    decoded = decode_article_sentences(encode_article_sentences(article))
    assert decoded == article
    assert all(sentence.article == CONTEXT for sentence in decoded.sentences)


@given(
    st.lists(st.text(), max_size=6),
    st.lists(st.integers(0, 100), max_size=4),
    st.one_of(st.none(), st.text(max_size=10)),
)
def test_round_trip_of_any_content(texts, skipped, url):
    context = ArticleContext("id", url, None, None, "2026-01-01")
    sentences = tuple(Sentence(context, i, i, i + len(text), text) for i, text in enumerate(texts))
    article = ArticleSentences(context, sentences, tuple(skipped))
    assert decode_article_sentences(encode_article_sentences(article)) == article


def test_parse_weight_counts_sentences_and_never_zero():
    empty = ArticleSentences(CONTEXT, ())
    two = ArticleSentences(CONTEXT, (Sentence(CONTEXT, 0, 0, 1, "a"), Sentence(CONTEXT, 1, 2, 3, "b")))
    assert (parse_weight(empty), parse_weight(two)) == (1, 2)
