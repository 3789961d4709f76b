"""Scoring the coder against PLOVER gold-standard records (``plover_gsr.json``).

Each gold record is one sentence with one event: its PLOVER type and the source and target
actors' codes. The coder codes the same sentence (spaCy parse, publication date = the record's
date) and the sentence is scored on event types:

* true positive: the gold type is among the types the coder found;
* false positive: each other type the coder found (a sentence with the right event and one
  spurious one counts one of each);
* false negative: the gold type was not found.

On the true positives the actors are scored: the source (target) is right when one of the
coder's events of that type has a source (target) country among the gold actors' countries,
or, for a gold international organisation (``IGO``/``NGO``), an organisation code.

Both sides are compared in PLOVER 0.8 names: the coder's ``plover_type`` (from the published
CAMEO→PLOVER table) as it is, the gold set's PLOVER 0.5 types renamed (FIGHT → ASSAULT, DEMAND →
REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE; ``normalised_type``). The split into ``dev`` and
``test`` is fixed by a hash of the record id, so the same records are held out every time.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from coder.actors import country_rows
from coder.events import CodedEvent, code_sentence
from nlp.sentences import split_sentences
from schemas.records import Annotation

SPLITS = ("dev", "test", "all")
# The PLOVER GSR file gives every record this date, a placeholder (../shared/README.md): the sentences are from
# the 1980s to the 2000s, so a person's role must not be looked up as of 1 January 2000.
PLACEHOLDER_DATES = frozenset({date(2000, 1, 1)})
# Actors of no one country: international and non-governmental organisations, and CAMEO's international militarized
# groups ("IMG": al-Qaeda), matched by any coded organisation or group with no country.
ORGANISATION_CODES = frozenset({"IGO", "NGO", "IMG"})

# The gold records are typed in PLOVER 0.5; the coder's types come from the published CAMEO→PLOVER table,
# PLOVER 0.8, which renamed or merged four types (../shared/README.md: "normalise both sides before comparing").
PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def normalised_type(plover_type: str | None) -> str | None:
    """A PLOVER type name of either version, as PLOVER 0.8 names it (None stays None: CAMEO 01 has no type)."""
    if plover_type is None:
        return None
    return PLOVER_RENAMES.get(plover_type, plover_type)


def split_of(record_id: str) -> str:
    """``dev`` or ``test``, fixed by the record id (about half each)."""
    return "dev" if int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


@dataclass(frozen=True)
class GoldRecord:
    record_id: str
    text: str
    event_type: str
    published: date | None
    sources: tuple[str, ...]  # normalised codes: ISO alpha-3 countries, or IGO / NGO
    targets: tuple[str, ...]


def _iso_by_cameo() -> dict[str, str]:
    table = {}
    for row in country_rows():
        table[row["iso3"]] = row["iso3"]
        if row.get("cameo"):
            table[row["cameo"]] = row["iso3"]
    table.setdefault("JAP", "JPN")  # CAMEO's own codes that differ from ISO
    table.setdefault("ROM", "ROU")
    table.setdefault("ITL", "ITA")  # variants the gold file itself uses for Italy and Vietnam
    table.setdefault("VTN", "VNM")
    return table


def _actor_codes(actors: Any, iso: dict[str, str]) -> tuple[str, ...]:
    if not isinstance(actors, list):
        return ()
    codes = []
    for actor in actors:
        code = str(actor.get("code") or "")[:3].upper()
        if code in ORGANISATION_CODES:
            codes.append(code)
        elif code:
            codes.append(iso.get(code, code))
    return tuple(codes)


def load_gold(path: Path) -> list[GoldRecord]:
    """The scorable records of a PLOVER GSR file (the DOCUMENT record and records without text are skipped)."""
    iso = _iso_by_cameo()
    records = []
    for raw in json.loads(path.read_text(encoding="utf-8")):
        event_type = raw.get("event")
        text = raw.get("text")
        if not event_type or event_type == "DOCUMENT" or not isinstance(text, str) or not text.strip():
            continue
        try:
            published = date.fromisoformat(str(raw.get("date")))
        except ValueError:
            published = None
        if published in PLACEHOLDER_DATES:
            published = None  # not the day the sentence was written: code it as undated text
        records.append(
            GoldRecord(
                record_id=raw["id"],
                text=text,
                event_type=normalised_type(event_type),
                published=published,
                sources=_actor_codes(raw.get("source"), iso),
                targets=_actor_codes(raw.get("target"), iso),
            )
        )
    return records


def select(records: Iterable[GoldRecord], split: str) -> list[GoldRecord]:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, got {split!r}")
    return [r for r in records if split == "all" or split_of(r.record_id) == split]


@dataclass
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ActorScore:
    right: int = 0
    scored: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.scored if self.scored else 0.0


@dataclass
class Evaluation:
    split: str
    records: int
    overall: TypeScore = field(default_factory=TypeScore)
    per_type: dict[str, TypeScore] = field(default_factory=lambda: defaultdict(TypeScore))
    source: ActorScore = field(default_factory=ActorScore)
    target: ActorScore = field(default_factory=ActorScore)
    confusions: Counter = field(default_factory=Counter)  # (gold, predicted) for false positives

    def as_dict(self) -> dict[str, Any]:
        def score(s: TypeScore) -> dict[str, Any]:
            return {
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "f1": round(s.f1, 3),
            }

        return {
            "split": self.split,
            "records": self.records,
            "event_type": score(self.overall),
            "per_type": {name: score(s) for name, s in sorted(self.per_type.items())},
            "source_country_accuracy": round(self.source.accuracy, 3),
            "source_scored": self.source.scored,
            "target_country_accuracy": round(self.target.accuracy, 3),
            "target_scored": self.target.scored,
            "false_positive_types": {f"{g}->{p}": n for (g, p), n in self.confusions.most_common()},
        }


def _actor_right(gold: tuple[str, ...], candidates: list[tuple[str | None, str | None]]) -> bool:
    """Whether any coded actor (country, code) matches the gold actors."""
    countries = {c for c in gold if c not in ORGANISATION_CODES}
    organisation = any(c in ORGANISATION_CODES for c in gold)
    for country, code in candidates:
        if country is not None and country in countries:
            return True
        if organisation and country is None and code is not None:
            return True
    return False


def code_text(text: str, parse: Callable[[str], Annotation], published: date | None) -> list[CodedEvent]:
    events = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        events.extend(code_sentence(sentence, parse(sentence), published))
    return events


def evaluate(records: list[GoldRecord], parse: Callable[[str], Annotation], split: str) -> Evaluation:
    result = Evaluation(split=split, records=len(records))
    for record in records:
        events = code_text(record.text, parse, record.published)
        by_type: dict[str, list[CodedEvent]] = defaultdict(list)
        for event in events:
            name = normalised_type(event.plover_type)
            if name is not None:
                by_type[name].append(event)
        gold = record.event_type
        for predicted in by_type:
            if predicted != gold:
                result.overall.fp += 1
                result.per_type[predicted].fp += 1
                result.confusions[(gold, predicted)] += 1
        if gold not in by_type:
            result.overall.fn += 1
            result.per_type[gold].fn += 1
            continue
        result.overall.tp += 1
        result.per_type[gold].tp += 1
        matched = by_type[gold]
        if record.sources:
            result.source.scored += 1
            sources = [(e.source.actor.country, e.source.actor.code) for e in matched if e.source]
            result.source.right += _actor_right(record.sources, sources)
        if record.targets:
            result.target.scored += 1
            targets = [(e.target.actor.country, e.target.actor.code) for e in matched if e.target]
            result.target.right += _actor_right(record.targets, targets)
    return result
