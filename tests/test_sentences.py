from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nlp.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_on_punctuation_and_paragraphs():
    assert texts("Russia attacked. Ukraine said so.\n\nNew paragraph here") == [
        "Russia attacked.",
        "Ukraine said so.",
        "New paragraph here",
    ]


def test_keeps_abbreviations_and_initials_together():
    assert texts("The U.S. Army met Gen. Smith on Jan. 5. J. R. Smith left.") == [
        "The U.S. Army met Gen. Smith on Jan. 5.",
        "J. R. Smith left.",
    ]


def test_quotes_close_the_sentence():
    assert texts("“We are ready,” he said. “Are you?” She left.") == [
        "“We are ready,” he said.",
        "“Are you?”",
        "She left.",
    ]


@given(st.text(max_size=400))
def test_offsets_are_ordered_non_empty_and_stripped(text):
    last = 0
    for start, end in split_sentences(text):
        assert last <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        last = end
