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
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, period_index: int) -> bool:
    match = _WORD_BEFORE.search(text, 0, period_index)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
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
    for match in re.finditer(r"\n", text[start:end]):
        newline = start + match.start()
        before = text[block_start:newline].rstrip()
        after = text[newline + 1 : end].lstrip()
        # A wrapped line continues a sentence: it ends mid-phrase and the next starts in lower case.
        wrapped = bool(before) and before[-1] not in ".!?:\"”'’)" and after[:1].islower()
        if not wrapped:
            yield block_start, newline
            block_start = newline + 1
    yield block_start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, stripped of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _line_blocks(text):
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


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
