"""Rule-based sentence splitting with character offsets.

Fast and dependency-free: it runs before the (expensive) spaCy annotation, which
then parses each sentence on its own. Boundaries are blank lines, line breaks
that end a line of text, and sentence-final punctuation followed by a capitalised
word, except after common abbreviations ("U.S.", "Gen.", "Jan.") and initials.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt maj capt cpt sgt adm cmdr rev gov sen rep pres amb sec st mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vol fig art para ch sec inc corp ltd co bros jr sr vs etc al approx est dept univ
    u.s u.k u.n e.u u.s.a e.g i.e a.m p.m d.c
    """.split()
)

# Sentence-final punctuation, optional closing quotes/brackets, whitespace, then something that
# can start a sentence.
_CANDIDATE = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*|\r\n[ \t]*\r\n\s*")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _word_before(text: str, end: int) -> str | None:
    """The run of ASCII letters and dots that ends at ``end``, from its first letter; None without one.

    A backward scan over the run only: searching the text from its start for a run anchored at ``end``
    costs the whole text before ``end`` at every full stop, quadratic in the article length.
    """
    if end > 0 and text[end - 1] == "\n":
        end -= 1  # as the regex anchor ``$`` did (it also matches before a final line break): kept for stable output
    start = end
    while start > 0 and text[start - 1] in _WORD_CHARS:
        start -= 1
    while start < end and text[start] == ".":
        start += 1
    return text[start:end] if start < end else None


def _is_abbreviation(text: str, period_index: int) -> bool:
    found = _word_before(text, period_index)
    if found is None:
        return False
    word = found.lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # An initial ("J. Smith") or a dotted acronym ("U.S.")
    return len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _line_blocks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of text between blank lines, further cut at line breaks that end a sentence or a heading."""
    position = 0
    for match in _PARAGRAPH.finditer(text):
        yield from _split_lines(text, position, match.start())
        position = match.end()
    yield from _split_lines(text, position, len(text))


def _split_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    block_start = start
    newline = text.find("\n", start, end)
    while newline != -1:
        # The last visible character before the line break and the first after it, found by scanning from
        # the break: copying the line (or the rest of the block) at each break is quadratic in its length.
        before = _visible(text, newline - 1, block_start - 1, -1)
        after = _visible(text, newline + 1, end, 1)
        # A wrapped line continues a sentence: it ends mid-phrase and the next starts in lower case.
        wrapped = before != "" and before not in ".!?:\"”'’)" and after.islower()
        if not wrapped:
            yield block_start, newline
            block_start = newline + 1
        newline = text.find("\n", newline + 1, end)
    yield block_start, end


def _visible(text: str, index: int, stop: int, step: int) -> str:
    """The first non-whitespace character from ``index`` towards ``stop`` (exclusive), or ""."""
    while index != stop and text[index].isspace():
        index += step
    return "" if index == stop else text[index]


# A wire dateline opening a paragraph: "BEIJING, May 10 (Reuters) - ", "NABLUS, West Bank, Jan 14 (AP) -- ",
# "WASHINGTON (AP) — ", "KABUL — ". It says where the story was filed, and is no part of the first sentence: read
# as one, its city becomes the actor of whatever follows ("TUNIS ... - Arafat urged ..." is not Tunisia urging).
_DATELINE = re.compile(
    r"""[A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+)*          # the city, in capitals
    (?:,[ ][A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*)*)?      # its region or country ("West Bank", "Iraq")
    (?:,[ ](?:[A-Z][a-z]{2,8}\.?[ ]\d{1,2}|\d{1,2}[ ][A-Z][a-z]{2,8}))?  # the date ("May 10", "10 May")
    (?:[ ]?\([A-Z][\w.&'’ -]{0,40}\))?                  # the agency ("(Reuters)")
    [ ]*(?:-{1,2}|–|—)[ ]+""",
    re.VERBOSE,
)


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a paragraph's text starts past a wire dateline, or ``start`` without one. A dateline has a date or an
    agency, or a long dash ("KABUL — "); capitals before a hyphen alone ("NATO - the alliance met") are text."""
    match = _DATELINE.match(text, start, end)
    if match is None:
        return start
    dateline = text[start : match.end()]
    if "(" in dateline or re.search(r"\d", dateline) or "—" in dateline or "--" in dateline:
        return match.end()
    return start


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, stripped of surrounding whitespace; a wire
    dateline opening a paragraph is left out."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _line_blocks(text):
        block_start = _after_dateline(text, _skip_space(text, block_start, block_end), block_end)
        sentence_start = block_start
        for match in _CANDIDATE.finditer(text, block_start, block_end):
            if (
                text[match.start()] == "."
                and match.end() - match.start() == 1
                and _is_abbreviation(text, match.start())
            ):
                continue
            spans.append((sentence_start, match.end()))
            sentence_start = match.end()
        spans.append((sentence_start, block_end))
    return [stripped for span in spans if (stripped := _strip(text, *span)) is not None]


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    start = _skip_space(text, start, end)
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
