from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from nlp.sentences import _word_before, split_sentences


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


_RUN_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")  # the definition the backward scan replaces


@given(st.text(alphabet="ab.Z \n\t?é", max_size=40), st.data())
def test_word_before_a_full_stop_is_the_regex_run_ending_there(text, data):
    end = data.draw(st.integers(0, len(text)))
    match = _RUN_BEFORE.search(text, 0, end)
    assert _word_before(text, end) == (match.group(1) if match else None)


def test_long_article_with_many_full_stops_and_line_breaks_splits_like_short_ones():
    paragraph = "Gen. Smith met the U.S. envoy in Kyiv.\nHe left on Jan. 5 and\nreturned later. "
    text = paragraph * 2000
    expected = ["Gen. Smith met the U.S. envoy in Kyiv.", "He left on Jan. 5 and\nreturned later."] * 2000
    assert [text[start:end] for start, end in split_sentences(text)] == expected


def test_a_wire_dateline_is_no_part_of_the_first_sentence():
    assert texts("BEIJING, May 10 (Reuters) - Xinhua accused the US. It said so.") == [
        "Xinhua accused the US.",
        "It said so.",
    ]
    assert texts("NABLUS, West Bank, Jan 14 (AP) - Youths hurled stones.") == ["Youths hurled stones."]
    assert texts("WASHINGTON (AP) — Bush spoke.\n\nKABUL — Taliban fighters attacked.") == [
        "Bush spoke.",
        "Taliban fighters attacked.",
    ]
    assert texts("THE HAGUE, Netherlands, 3 June -- Judges ruled.") == ["Judges ruled."]
    # Capitals before a hyphen with no date, agency or long dash are text.
    assert texts("NATO - the alliance - met. US - China talks began.") == [
        "NATO - the alliance - met.",
        "US - China talks began.",
    ]
