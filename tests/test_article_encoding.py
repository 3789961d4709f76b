"""The bytes articles travel as through the shuffle that spreads them over workers (transforms/annotate)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schemas.records import ArticleContext, ArticleSentences, Sentence
from transforms.annotate import (
    ARTICLE_OVERHEAD_CHARS,
    LeastLoadedLanes,
    decode_article_sentences,
    encode_article_sentences,
    parse_cost,
    parse_weight,
)

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


def test_parse_cost_is_the_characters_to_parse_plus_the_articles_own_share():
    two = ArticleSentences(CONTEXT, (Sentence(CONTEXT, 0, 0, 5, "Hello"), Sentence(CONTEXT, 1, 6, 9, "Yes")))
    assert parse_cost(two) == ARTICLE_OVERHEAD_CHARS + 8
    assert parse_cost(ArticleSentences(CONTEXT, ())) == ARTICLE_OVERHEAD_CHARS


def test_lanes_get_each_item_on_the_least_loaded_one():
    dealer = LeastLoadedLanes(2)
    # One item as heavy as all the others together ends up alone in its lane.
    assert [dealer.assign(weight) for weight in (100, 10, 20, 30, 40)] == [0, 1, 1, 1, 1]
    assert dealer.loads == [100, 100]


@given(st.lists(st.integers(min_value=1, max_value=10_000), max_size=200), st.integers(min_value=1, max_value=8))
def test_lane_totals_differ_by_at_most_the_heaviest_item(weights: list[int], lanes: int):
    dealer = LeastLoadedLanes(lanes)
    for weight in weights:
        dealer.assign(weight)
    assert sum(dealer.loads) == sum(weights)
    assert max(dealer.loads) - min(dealer.loads) <= max(weights, default=0)


def test_lanes_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        LeastLoadedLanes(0)
