"""Resolve date expressions in news text against an article's publication date.

``find_dates`` scans a sentence for explicit dates ("April 26, 2022", "26 April", "on 2022-04-26",
"3rd of March", "March 2022", "in 2021") and relative ones ("yesterday", "on Tuesday", "last week",
"three days ago") and resolves each to a calendar date.  ``resolve_expression`` does the same for a
single expression such as the text of a spaCy ``DATE`` entity.

Conventions:

* ``relative`` is True whenever the result depends on the reference date, which includes month-day
  dates written without a year ("February 24"): their year is inferred from the reference.
* Week granularity resolves to the reference shifted by whole weeks ("last week" = reference - 7 days);
  month and year granularity resolve to the first day of the month or year.
* A leading "on" / "in" belongs to the mention text ("on Tuesday", "in 2021"); other prepositions
  ("since", "from", "until") do not.
* With ``reference=None`` only expressions that carry their own year are resolved.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateMention", "find_dates", "resolve_expression"]

MIN_YEAR = 1900
MAX_YEAR = 2100


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a text, resolved to a calendar date."""

    text: str
    start: int
    end: int
    resolved: date
    granularity: str  # "day" | "week" | "month" | "year"
    relative: bool


# --------------------------------------------------------------------------- vocabulary

_MONTH_NUMBERS: dict[str, int] = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if name
} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_FULL_MONTHS = frozenset(name.lower() for name in calendar.month_name if name)
_WEEKDAY_NUMBERS: dict[str, int] = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_MONTH_FULL_ALT = "|".join(name for name in calendar.month_name if name)
_MONTH_ABBR_ALT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_WEEKDAY_ALT = "|".join(name.lower() for name in calendar.day_name)
_NUMBER_ALT = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))

# Month names are matched case-sensitively (capitalised) so that "march" / "may" as verbs never match.
_MONTH = rf"(?P<mon>(?:{_MONTH_FULL_ALT})(?![A-Za-z])|(?:{_MONTH_ABBR_ALT})(?:\.|(?![A-Za-z])))"
# A year must not run on into more digits, a decimal / thousands part or a range ("2022-23").
_YEAR = r"(?P<year>[0-9]{4})(?![0-9]|[.,][0-9]|-[0-9])"
# Optional "on" and weekday in front of an explicit day ("on Tuesday, April 26").
_DAY_PREFIX = rf"(?<!\w)(?:(?i:on)\s+)?(?:(?i:{_WEEKDAY_ALT})\s*,?\s+)?"
# Counted things that show a four-digit number is a quantity rather than a year.
_QUANTITY_WORDS = re.compile(
    r"\s*(?:%|(?i:percent|per\s+cent|people|persons|troops|soldiers|civilians|residents|refugees|"
    r"deaths|dead|casualties|strikes|attacks|rockets|missiles|shells|km|kilomet(?:er|re)s|miles|"
    r"met(?:er|re)s|tons|tonnes|dollars|euros|rubles|roubles|hryvnias|units|times|men|women|children)"
    r"(?!\w))"
)

_Handler = Callable[["re.Match[str]", "date | None"], "tuple[int, date, str, bool] | None"]


# --------------------------------------------------------------------------- date arithmetic


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(total, 12)
    month = month0 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _infer_year(month: int, day: int, reference: date) -> date | None:
    """Pick the year for a year-less month/day: the reference year, unless that puts its month more
    than 2 months after the reference's month (then the previous year) or more than 10 months before it
    (then the next year).

    Counted in whole months, so that the answer does not depend on the day within the month: "in
    January" in a story of 2 November is the January ten months before, not the one two months after.
    """
    year = reference.year
    months_ahead = month - reference.month
    if months_ahead > 2:
        year -= 1
    elif months_ahead < -10:
        year += 1
    try:
        return date(year, month, day)
    except ValueError:  # e.g. February 29 in a common year
        return None


def _month_number(name: str) -> int | None:
    return _MONTH_NUMBERS.get(name.rstrip(".").lower())


def _valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


# --------------------------------------------------------------------------- explicit dates


def _explicit_day(match: re.Match[str], reference: date | None) -> tuple[int, date, str, bool] | None:
    month = _month_number(match["mon"])
    day = int(match["day"])
    if month is None or not 1 <= day <= 31:
        return None
    if match["year"] is not None:
        year = int(match["year"])
        if not _valid_year(year) or _QUANTITY_WORDS.match(match.string, match.end()):
            return None
        return match.start(), date(year, month, day), "day", False
    if reference is None:
        return None
    resolved = _infer_year(month, day, reference)
    return None if resolved is None else (match.start(), resolved, "day", True)


def _iso_day(match: re.Match[str], reference: date | None) -> tuple[int, date, str, bool] | None:
    year = int(match["year"])
    if not _valid_year(year):
        return None
    return match.start(), date(year, int(match["mon"]), int(match["day"])), "day", False


def _month_level(match: re.Match[str], reference: date | None) -> tuple[int, date, str, bool] | None:
    month = _month_number(match["mon"])
    if month is None:
        return None
    prep = match["prep"]
    start = match.start()
    if prep is not None and prep.lower() != "in":
        start = match.start("mod") if match["mod"] is not None else match.start("mon")
    if match["year"] is not None:
        year = int(match["year"])
        if not _valid_year(year) or _QUANTITY_WORDS.match(match.string, match.end()):
            return None
        return start, date(year, month, 1), "month", False
    # A bare month name needs a preposition or modifier in front ("in May", "since March",
    # "mid-April"); this keeps "the army may attack" and "protesters march" out.
    if (prep is None and match["mod"] is None) or match["mon"].lower() not in _FULL_MONTHS:
        return None
    if reference is None:
        return None
    resolved = _infer_year(month, 1, reference)
    return None if resolved is None else (start, resolved, "month", True)


def _year_level(match: re.Match[str], reference: date | None) -> tuple[int, date, str, bool] | None:
    year = int(match["year"])
    prep, mod = match["prep"], match["mod"]
    if (prep is None and mod is None) or not _valid_year(year):
        return None
    if _QUANTITY_WORDS.match(match.string, match.end()):
        return None
    if prep is not None and prep.lower() == "in":
        start = match.start()
    else:
        start = match.start("mod") if mod is not None else match.start("year")
    return start, date(year, 1, 1), "year", False


# --------------------------------------------------------------------------- relative dates


def _day_offset(offset: int) -> _Handler:
    def handler(match: re.Match[str], reference: date | None) -> tuple[int, date, str, bool] | None:
        if reference is None:
            return None
        return match.start(), reference + timedelta(days=offset), "day", True

    return handler


def _weekday(match: re.Match[str], reference: date | None) -> tuple[int, date, str, bool] | None:
    target = _WEEKDAY_NUMBERS.get(match["wd"].lower())
    if reference is None or target is None:
        return None
    mod = " ".join((match["mod"] or "").lower().split())
    back = (reference.weekday() - target) % 7
    if mod in ("", "on"):
        resolved = reference - timedelta(days=back)
    elif mod in ("last", "past", "this past"):
        resolved = reference - timedelta(days=back or 7)
    elif mod in ("next", "coming", "this coming"):
        resolved = reference + timedelta(days=(target - reference.weekday()) % 7 or 7)
    elif mod == "this":
        resolved = reference + timedelta(days=target - reference.weekday())
    else:
        return None
    return match.start(), resolved, "day", True


_SHIFT = {"this": 0, "last": -1, "next": 1}


def _period(match: re.Match[str], reference: date | None) -> tuple[int, date, str, bool] | None:
    shift = _SHIFT.get(match["which"].lower())
    unit = match["unit"].lower()
    if reference is None or shift is None:
        return None
    if unit == "week":
        return match.start(), reference + timedelta(weeks=shift), "week", True
    if unit == "month":
        return match.start(), _add_months(reference.replace(day=1), shift), "month", True
    if unit == "year":
        return match.start(), date(reference.year + shift, 1, 1), "year", True
    return None


def _named_month(match: re.Match[str], reference: date | None) -> tuple[int, date, str, bool] | None:
    """ "last February": the latest February before the reference's month; "next March": the first after it;
    "this May": the one of the reference's year."""
    month = _month_number(match["mon"])
    which = match["which"].lower()
    if reference is None or month is None:
        return None
    if which == "last":
        year = reference.year if month < reference.month else reference.year - 1
    elif which == "next":
        year = reference.year if month > reference.month else reference.year + 1
    else:
        year = reference.year
    return match.start(), date(year, month, 1), "month", True


def _ago(match: re.Match[str], reference: date | None) -> tuple[int, date, str, bool] | None:
    raw = match["n"].lower()
    count = int(raw) if raw.isascii() and raw.isdigit() else _NUMBER_WORDS.get(raw)
    unit = match["unit"].lower().rstrip("s")
    if reference is None or count is None:
        return None
    if unit == "day":
        return match.start(), reference - timedelta(days=count), "day", True
    if unit == "week":
        return match.start(), reference - timedelta(weeks=count), "week", True
    if unit == "month":
        return match.start(), _add_months(reference.replace(day=1), -count), "month", True
    if unit == "year":
        return match.start(), date(reference.year - count, 1, 1), "year", True
    return None


# --------------------------------------------------------------------------- rules

_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"

_RULES: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    # "April 26", "on Tuesday, April 26, 2022", "Feb. 24", "Sept. 3rd"
    (
        re.compile(
            rf"{_DAY_PREFIX}{_MONTH}\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?"
            rf"(?![0-9]|,[0-9]{{3}}(?![0-9])|\w)(?:(?:,\s*|\s+){_YEAR})?"
        ),
        _explicit_day,
    ),
    # "26 April", "3rd of March", "on the 26th of April 2022"
    (
        re.compile(
            rf"{_DAY_PREFIX}(?:(?i:the)\s+)?(?<![0-9.,])(?P<day>[0-9]{{1,2}})"
            rf"(?:(?:st|nd|rd|th)(?:\s+of)?)?\s+{_MONTH}(?:,?\s+{_YEAR})?"
        ),
        _explicit_day,
    ),
    # "2022-04-26", "on 2022-04-26"
    (
        re.compile(
            r"(?<!\w)(?:(?i:on)\s+)?(?<![0-9-])(?P<year>[0-9]{4})-(?P<mon>[0-9]{2})-(?P<day>[0-9]{2})"
            r"(?![0-9])"
        ),
        _iso_day,
    ),
    # "March 2022", "in March of 2022", "in May", "since early March", "mid-April"
    (
        re.compile(
            r"(?<!\w)(?:(?P<prep>(?i:in|since|until|till|during|from|before|after|by))\s+)?"
            rf"(?:(?P<mod>(?i:early|late|mid))(?:\s+|-))?{_MONTH}"
            rf"(?:,?\s+(?:(?i:of)\s+)?{_YEAR}|(?!\s*[0-9]|['’]s))"
        ),
        _month_level,
    ),
    # "in 2021", "since 2014", "in early 2021", "mid-2021", "the end of 2021"
    (
        re.compile(
            r"(?<!\w)(?:(?P<prep>in|since|until|till|during|from|before|after|"
            r"(?:end|beginning|start|middle|spring|summer|autumn|fall|winter|half|part|rest)\s+of)\s+)?"
            rf"(?:(?P<mod>early|late|mid)(?:\s+|-))?(?<![0-9])(?<![0-9],){_YEAR}",
            re.IGNORECASE,
        ),
        _year_level,
    ),
    (re.compile(r"(?<!\w)(?:the\s+)?day\s+before\s+yesterday(?!\w)", re.IGNORECASE), _day_offset(-2)),
    (re.compile(r"(?<!\w)(?:the\s+)?day\s+after\s+tomorrow(?!\w)", re.IGNORECASE), _day_offset(2)),
    (
        re.compile(
            r"(?<!\w)(?:(?:earlier|later)\s+today|today|(?:late\s+)?tonight|"
            r"(?:(?:earlier|early|late)\s+)?this\s+(?:morning|afternoon|evening))(?!\w)",
            re.IGNORECASE,
        ),
        _day_offset(0),
    ),
    (
        re.compile(rf"(?<!\w)(?:(?:early|late)\s+)?(?:yesterday{_PART_OF_DAY}|last\s+night)(?!\w)", re.IGNORECASE),
        _day_offset(-1),
    ),
    (re.compile(rf"(?<!\w)tomorrow{_PART_OF_DAY}(?!\w)", re.IGNORECASE), _day_offset(1)),
    # "Tuesday", "on Tuesday", "last Tuesday", "next Tuesday night"
    (
        re.compile(
            r"(?<!\w)(?:(?P<mod>on|last|next|this\s+past|this\s+coming|this|past|coming)\s+)?"
            rf"(?P<wd>{_WEEKDAY_ALT}){_PART_OF_DAY}(?!\w)",
            re.IGNORECASE,
        ),
        _weekday,
    ),
    # "this week", "earlier this week", "last month", "next year"
    (
        re.compile(
            r"(?<!\w)(?:(?:earlier|later)\s+)?(?P<which>this|last|next)\s+(?P<unit>week|month|year)(?!\w)",
            re.IGNORECASE,
        ),
        _period,
    ),
    # "last February", "next March", "this May" (not "this May 5", which names its day: the longest match wins)
    (
        re.compile(
            rf"(?<!\w)(?P<which>this|last|next)\s+(?P<mon>{_MONTH_FULL_ALT})(?!\w)(?!\s+[0-9])",
            re.IGNORECASE,
        ),
        _named_month,
    ),
    # "three days ago", "2 weeks ago", "a month ago"
    (
        re.compile(
            rf"(?<![\w,.])(?P<n>[0-9]{{1,3}}|{_NUMBER_ALT})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago(?!\w)",
            re.IGNORECASE,
        ),
        _ago,
    ),
)


# --------------------------------------------------------------------------- public API


def _candidates(text: str, reference: date | None) -> list[DateMention]:
    found: list[DateMention] = []
    for pattern, handler in _RULES:
        for match in pattern.finditer(text):
            try:
                result = handler(match, reference)
            except (ValueError, OverflowError):  # impossible dates, arithmetic past date.min/max
                continue
            if result is None:
                continue
            start, resolved, granularity, relative = result
            end = match.end()
            found.append(DateMention(text[start:end], start, end, resolved, granularity, relative))
    return found


def find_dates(text: str, reference: date | None) -> list[DateMention]:
    """Return the non-overlapping date mentions in ``text``, in text order (longest match wins).

    ``reference`` is the publication date used for relative and year-less expressions; with
    ``None`` those are skipped.
    """
    chosen: list[DateMention] = []
    for mention in sorted(_candidates(text, reference), key=lambda m: (m.start - m.end, m.start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


_BARE_YEAR = re.compile(r"\s*(?:the\s+year\s+)?(?P<year>[0-9]{4})\s*", re.IGNORECASE)
_BARE_MONTH = re.compile(rf"\s*(?:the\s+month\s+of\s+)?(?P<mon>{_MONTH_FULL_ALT})\s*", re.IGNORECASE)


def resolve_expression(expression: str, reference: date | None) -> DateMention | None:
    """Resolve one date expression (e.g. the text of a spaCy ``DATE`` entity).

    Returns the longest mention found in ``expression`` (offsets are relative to ``expression``), or
    ``None``.  Besides what ``find_dates`` recognises, a lone year ("2021") or a lone month name ("May")
    is accepted here, since the caller has already decided the expression is a date.
    """
    mentions = find_dates(expression, reference)
    if mentions:
        return max(mentions, key=lambda m: (m.end - m.start, -m.start))
    if (bare := _BARE_YEAR.fullmatch(expression)) is not None:
        year = int(bare["year"])
        if _valid_year(year):
            start, end = bare.span("year")
            return DateMention(expression[start:end], start, end, date(year, 1, 1), "year", False)
        return None
    if reference is not None and (bare := _BARE_MONTH.fullmatch(expression)) is not None:
        month = _month_number(bare["mon"])
        resolved = None if month is None else _infer_year(month, 1, reference)
        if resolved is not None:
            start, end = bare.span("mon")
            return DateMention(expression[start:end], start, end, resolved, "month", True)
    return None
