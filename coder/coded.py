"""What the coder produces (:class:`CodedEvent`, :class:`CodedActor`) and the trigger candidates it works on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from coder.actors import Actor
from coder.lexicon import Trigger
from coder.places import Place


@dataclass(frozen=True, slots=True)
class CodedActor:
    text: str
    start: int
    end: int
    actor: Actor


@dataclass(slots=True)
class CodedEvent:
    """One event found in a sentence: plain data, turned into an ``Event`` row by the caller."""

    trigger_text: str
    trigger_start: int
    trigger_end: int
    cameo_code: str
    cameo_root: str
    cameo_name: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    event_mode: str
    negated: bool
    source: CodedActor | None
    target: CodedActor | None
    event_date: date | None
    date_text: str | None
    location: Place | None
    location_text: str | None
    confidence: float
    evidence: list[str] = field(default_factory=list)
    plover_context: str | None = None
    date_rule: str | None = None  # explicit | month_day | weekday | relative (None: no date in the text)
    reported_by: str | None = None


def _code_or_text(actor: CodedActor | None) -> str | None:
    if actor is None:
        return None
    return actor.actor.code or actor.text


def _known(actor: CodedActor | None) -> bool:
    return actor is not None and (actor.actor.code is not None or actor.actor.country is not None)


@dataclass(slots=True)
class _Candidate:
    token: int
    trigger: Trigger
    code: str
    # Triggers folded into this one as the same event ("shelled Juba, killing 20"): their actors can
    # stand in for this event's missing target.
    absorbed: list[_Candidate] = field(default_factory=list)
