"""When an event happened: the date expression attached to the trigger's clause, resolved against the
publication date, and the rule that resolved it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coder.dates import resolve_expression
from coder.sentence import ParsedSentence

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


@dataclass(frozen=True, slots=True)
class EventDate:
    resolved: date
    text: str
    rule: str  # explicit | month_day | weekday | relative


def date_rule(text: str, relative: bool) -> str:
    """Which rule resolved a date expression: the column ``date_rule`` of the events table."""
    if not relative:
        return "explicit"
    words = {w.strip(".,").lower() for w in text.split()}
    if words & WEEKDAYS:
        return "weekday"
    if words & MONTHS and not words & {"last", "next", "this"}:
        return "month_day"
    return "relative"  # "yesterday", "last week", "last February"


def _date_for(sentence: ParsedSentence, token: int, published: date | None) -> EventDate | None:
    """A DATE entity attached to the trigger's clause (nearest first), resolved against ``published``."""
    dates = [e for e in sentence.a.entities if e.label == "DATE"]
    if not dates:
        return None
    owners = [token]
    node = token
    for _ in range(6):
        parent = sentence.head(node)
        if parent == node:
            break
        owners.append(parent)
        node = parent
    for owner in owners:
        for entity in dates:
            anchor = _anchor(sentence, entity.start, entity.end)
            if anchor == owner:
                text, _, _ = sentence.span_text(entity.start, entity.end - 1)
                mention = resolve_expression(text, published)
                if mention is not None:
                    return EventDate(mention.resolved, text, date_rule(text, mention.relative))
    return None


def _anchor(sentence: ParsedSentence, start: int, end: int) -> int:
    """The nearest verb or noun outside a date entity that the entity hangs from (through prepositions)."""
    inside = set(range(start, end))
    head = next((t for t in inside if sentence.head(t) not in inside or sentence.head(t) == t), start)
    node = sentence.head(head)
    for _ in range(3):
        if sentence.a.pos[node] == "ADP" and sentence.head(node) != node:
            node = sentence.head(node)
            continue
        break
    return node
