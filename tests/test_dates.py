"""Tests for coder.dates: resolving date expressions against a publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.dates import DateMention, find_dates, resolve_expression

REF = date(2022, 4, 26)  # a Tuesday


def only(text: str, reference: date | None = REF) -> DateMention:
    mentions = find_dates(text, reference)
    assert len(mentions) == 1, mentions
    return mentions[0]


# --------------------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    ("text", "mention_text", "expected"),
    [
        ("April 26, 2022", "April 26, 2022", date(2022, 4, 26)),
        ("26 April 2022", "26 April 2022", date(2022, 4, 26)),
        ("26 April, 2022", "26 April, 2022", date(2022, 4, 26)),
        ("held on 2022-04-26 in Minsk", "on 2022-04-26", date(2022, 4, 26)),
        ("on Tuesday, April 26, 2022", "on Tuesday, April 26, 2022", date(2022, 4, 26)),
        ("on the 24th of February 2022", "on the 24th of February 2022", date(2022, 2, 24)),
        ("Sept. 3, 2021", "Sept. 3, 2021", date(2021, 9, 3)),
    ],
)
def test_explicit_dates_with_year(text: str, mention_text: str, expected: date) -> None:
    for reference in (REF, None):
        mention = only(text, reference)
        assert (mention.text, mention.resolved, mention.granularity, mention.relative) == (
            mention_text,
            expected,
            "day",
            False,
        )


@pytest.mark.parametrize(
    ("text", "mention_text", "expected"),
    [
        ("April 26", "April 26", date(2022, 4, 26)),
        ("26 April", "26 April", date(2022, 4, 26)),
        ("Feb. 24", "Feb. 24", date(2022, 2, 24)),
        ("February 24", "February 24", date(2022, 2, 24)),
        ("Sept. 3", "Sept. 3", date(2021, 9, 3)),
        ("3rd of March", "3rd of March", date(2022, 3, 3)),
        ("December 30", "December 30", date(2021, 12, 30)),
        ("April 29", "April 29", date(2022, 4, 29)),  # scheduled event, a few days ahead
        ("June 20", "June 20", date(2022, 6, 20)),  # under two months ahead
        ("July 1", "July 1", date(2021, 7, 1)),  # over two months ahead -> last year
    ],
)
def test_month_day_without_year(text: str, mention_text: str, expected: date) -> None:
    mention = only(text)
    assert (mention.text, mention.resolved, mention.granularity, mention.relative) == (
        mention_text,
        expected,
        "day",
        True,
    )
    assert find_dates(text, None) == []


def test_year_inference_crosses_year_boundaries() -> None:
    assert only("December 30", date(2022, 1, 5)).resolved == date(2021, 12, 30)
    assert only("January 3", date(2022, 12, 20)).resolved == date(2023, 1, 3)
    assert only("February 29", date(2024, 3, 1)).resolved == date(2024, 2, 29)
    assert find_dates("February 29", date(2022, 3, 1)) == []  # no such day in 2022


def test_year_inference_counts_whole_months() -> None:
    # Ten months back is this year whatever the day: "in January" on 2 November is the past January.
    assert only("in January", date(2020, 11, 2)).resolved == date(2020, 1, 1)
    assert only("January 1", date(2020, 11, 2)).resolved == date(2020, 1, 1)
    assert only("January 31", date(2020, 11, 30)).resolved == date(2020, 1, 31)
    # Eleven months back is next year's (a schedule), two ahead this year's, three ahead last year's.
    assert only("in December", date(2021, 1, 15)).resolved == date(2020, 12, 1)
    assert only("in December", date(2020, 1, 31)).resolved == date(2019, 12, 1)
    assert only("in January", date(2020, 12, 1)).resolved == date(2021, 1, 1)
    assert only("in March", date(2020, 1, 31)).resolved == date(2020, 3, 1)
    assert only("in April", date(2020, 1, 1)).resolved == date(2019, 4, 1)


def test_sentences_from_the_brief() -> None:
    mention = only("Belarus announced on Tuesday that it would hold military exercises.")
    assert (mention.text, mention.resolved, mention.relative) == ("on Tuesday", date(2022, 4, 26), True)
    mention = only("since the war began on February 24")
    assert (mention.text, mention.resolved) == ("on February 24", date(2022, 2, 24))
    mention = only("from April 26")
    assert (mention.text, mention.resolved) == ("April 26", date(2022, 4, 26))


@pytest.mark.parametrize(
    ("text", "mention_text", "expected", "granularity"),
    [
        ("in March 2022", "in March 2022", date(2022, 3, 1), "month"),
        ("since March 2022", "March 2022", date(2022, 3, 1), "month"),
        ("in March of 2021", "in March of 2021", date(2021, 3, 1), "month"),
        ("in 2021", "in 2021", date(2021, 1, 1), "year"),
        ("since 2014", "2014", date(2014, 1, 1), "year"),
        ("in early 2021", "in early 2021", date(2021, 1, 1), "year"),
        ("by the end of 2021", "2021", date(2021, 1, 1), "year"),
        ("mid-2021", "mid-2021", date(2021, 1, 1), "year"),
    ],
)
def test_month_and_year_mentions(text: str, mention_text: str, expected: date, granularity: str) -> None:
    for reference in (REF, None):
        mention = only(text, reference)
        assert (mention.text, mention.resolved, mention.granularity, mention.relative) == (
            mention_text,
            expected,
            granularity,
            False,
        )


@pytest.mark.parametrize(
    ("text", "mention_text", "expected"),
    [
        ("in May", "in May", date(2022, 5, 1)),
        ("since early March", "early March", date(2022, 3, 1)),
        ("in mid-April", "in mid-April", date(2022, 4, 1)),
        ("in December", "in December", date(2021, 12, 1)),
    ],
)
def test_bare_month_after_preposition(text: str, mention_text: str, expected: date) -> None:
    mention = only(text)
    assert (mention.text, mention.resolved, mention.granularity, mention.relative) == (
        mention_text,
        expected,
        "month",
        True,
    )
    assert find_dates(text, None) == []


# --------------------------------------------------------------------------- relative dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2022, 4, 26)),
        ("earlier today", date(2022, 4, 26)),
        ("tonight", date(2022, 4, 26)),
        ("this morning", date(2022, 4, 26)),
        ("this afternoon", date(2022, 4, 26)),
        ("this evening", date(2022, 4, 26)),
        ("yesterday", date(2022, 4, 25)),
        ("yesterday evening", date(2022, 4, 25)),
        ("last night", date(2022, 4, 25)),
        ("the day before yesterday", date(2022, 4, 24)),
        ("tomorrow", date(2022, 4, 27)),
        ("Tuesday", date(2022, 4, 26)),
        ("on Tuesday", date(2022, 4, 26)),
        ("last Tuesday", date(2022, 4, 19)),
        ("next Tuesday", date(2022, 5, 3)),
        ("this Tuesday", date(2022, 4, 26)),
        ("on Monday", date(2022, 4, 25)),
        ("on Monday night", date(2022, 4, 25)),
        ("last Monday", date(2022, 4, 25)),
        ("on Wednesday", date(2022, 4, 20)),
        ("next Wednesday", date(2022, 4, 27)),
        ("this Friday", date(2022, 4, 29)),
        ("on Sunday", date(2022, 4, 24)),
        ("2 days ago", date(2022, 4, 24)),
        ("two days ago", date(2022, 4, 24)),
        ("twelve days ago", date(2022, 4, 14)),
    ],
)
def test_relative_days(text: str, expected: date) -> None:
    mention = only(text)
    assert (mention.text, mention.resolved, mention.granularity, mention.relative) == (
        text,
        expected,
        "day",
        True,
    )
    assert find_dates(text, None) == []


@pytest.mark.parametrize(
    ("text", "expected", "granularity"),
    [
        ("this week", date(2022, 4, 26), "week"),
        ("earlier this week", date(2022, 4, 26), "week"),
        ("last week", date(2022, 4, 19), "week"),
        ("next week", date(2022, 5, 3), "week"),
        ("a week ago", date(2022, 4, 19), "week"),
        ("three weeks ago", date(2022, 4, 5), "week"),
        ("this month", date(2022, 4, 1), "month"),
        ("last month", date(2022, 3, 1), "month"),
        ("two months ago", date(2022, 2, 1), "month"),
        ("this year", date(2022, 1, 1), "year"),
        ("last year", date(2021, 1, 1), "year"),
        ("three years ago", date(2019, 1, 1), "year"),
    ],
)
def test_relative_periods(text: str, expected: date, granularity: str) -> None:
    mention = only(text)
    assert (mention.text, mention.resolved, mention.granularity, mention.relative) == (
        text,
        expected,
        granularity,
        True,
    )
    assert find_dates(text, None) == []


def test_last_month_in_january_wraps_to_december() -> None:
    assert only("last month", date(2022, 1, 15)).resolved == date(2021, 12, 1)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("last February", date(2023, 1, 16), date(2022, 2, 1)),  # the latest February before January 2023
        ("last February", date(2023, 3, 5), date(2023, 2, 1)),
        ("last February", date(2023, 2, 20), date(2022, 2, 1)),  # said in February: the one before
        ("next March", date(2023, 1, 16), date(2023, 3, 1)),
        ("next March", date(2023, 3, 16), date(2024, 3, 1)),
        ("this May", date(2023, 1, 1), date(2023, 5, 1)),
    ],
)
def test_a_named_month_with_last_next_or_this(text: str, published: date, expected: date) -> None:
    mention = only(text, published)
    assert (mention.text, mention.resolved, mention.granularity, mention.relative) == (text, expected, "month", True)
    assert find_dates(text, None) == []


def test_a_named_month_with_a_day_is_that_day() -> None:
    assert only("last May 5", date(2023, 6, 1)).text == "May 5"


# --------------------------------------------------------------------------- non-dates


@pytest.mark.parametrize(
    "text",
    [
        "the army may attack",
        "May the talks succeed",
        "more than 1,670 strikes",
        "a total of 2000 troops",
        "May 5,000 people",
        "protesters march through the city",
        "a March on Washington",
        "Theresa May said",
        "in May's cabinet",
        "the second round of talks",
        "the 2022 budget",
        "on Tuesdays the market is closed",
    ],
)
def test_non_dates(text: str) -> None:
    assert find_dates(text, REF) == []


# --------------------------------------------------------------------------- several mentions


def test_mentions_are_ordered_and_non_overlapping() -> None:
    text = "Fighting that began on February 24 resumed last week and again on Monday night, 3 days ago."
    mentions = find_dates(text, REF)
    assert [(m.text, m.resolved) for m in mentions] == [
        ("on February 24", date(2022, 2, 24)),
        ("last week", date(2022, 4, 19)),
        ("on Monday night", date(2022, 4, 25)),
        ("3 days ago", date(2022, 4, 23)),
    ]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


def test_longest_match_wins() -> None:
    assert [m.text for m in find_dates("on Tuesday, April 26, 2022", REF)] == ["on Tuesday, April 26, 2022"]
    assert [m.text for m in find_dates("the day before yesterday", REF)] == ["the day before yesterday"]
    assert [m.text for m in find_dates("in May 5 people were hurt", REF)] == ["May 5"]


# --------------------------------------------------------------------------- resolve_expression


def test_resolve_expression() -> None:
    mention = resolve_expression("February 24", REF)
    assert mention is not None and mention.resolved == date(2022, 2, 24)
    mention = resolve_expression("2021", None)
    assert mention is not None and (mention.resolved, mention.granularity) == (date(2021, 1, 1), "year")
    mention = resolve_expression("May", REF)
    assert mention is not None and (mention.resolved, mention.granularity) == (date(2022, 5, 1), "month")
    mention = resolve_expression("last week", REF)
    assert mention is not None and mention.resolved == date(2022, 4, 19)
    assert resolve_expression("Tuesday", None) is None
    assert resolve_expression("the coming days", REF) is None
    assert resolve_expression("1850", REF) is None


# --------------------------------------------------------------------------- properties

_FRAGMENTS = st.sampled_from(
    [
        "on", "in", "since", "last", "next", "this", "early", "mid-", "the", "of", "ago", "days", "week",
        "May", "March", "Feb.", "Sept", "April", "December", "Tuesday", "Sunday", "yesterday", "tomorrow",
        "24", "3rd", "29", "31", "0", "2022", "1899", "2021", "1,670", "2022-04-26", "2022-02-30", ",",
        "'s", "two", "a", "%", "\u017f", "\u0131", "\u212a", "\n",
    ]
)  # fmt: skip
_TEXTS = st.one_of(st.text(), st.lists(_FRAGMENTS, max_size=12).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, reference=st.one_of(st.none(), st.dates()))
def test_find_dates_never_raises_and_offsets_slice_back(text: str, reference: date | None) -> None:
    mentions = find_dates(text, reference)
    previous_end = 0
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end
        assert mention.granularity in {"day", "week", "month", "year"}
        previous_end = mention.end
    result = resolve_expression(text, reference)
    if result is not None:
        assert text[result.start : result.end] == result.text
