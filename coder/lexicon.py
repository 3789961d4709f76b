"""The event-trigger lexicon and the framing rules, loaded from ``schemas/data``.

``event_lexicon.tsv`` maps a trigger word (lemma + part of speech) to a CAMEO code, with
optional conditions and refinements; ``cameo_frames.tsv`` says how a framing verb
("agree", "call on", "refuse", "threaten") recodes the event embedded under it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from schemas.codebook import data_rows


@dataclass(frozen=True, slots=True)
class Refinement:
    words: frozenset[str]
    cameo: str


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str  # VERB or NOUN
    cameo: str
    frame: str | None  # intent | appeal | demand | reject | threat
    needs_kind: str | None  # child | nochild | object | named | dep | nodep | modal | head | refine | frame | placed
    needs_values: frozenset[str]
    refinements: tuple[Refinement, ...]
    # Further conditions, all of which must hold too ("object=troop&nodep=xcomp").
    also: tuple[tuple[str, frozenset[str]], ...] = ()

    @property
    def refinement_words(self) -> frozenset[str]:
        """Every word of its refinements: what the trigger's phrase may name to refine it."""
        return frozenset(word for rule in self.refinements for word in rule.words)


def _parse_refinements(text: str) -> tuple[Refinement, ...]:
    if text in ("", "-"):
        return ()
    rules = []
    for rule in text.split(";"):
        words, _, code = rule.partition("=")
        rules.append(Refinement(frozenset(w.strip().lower() for w in words.split("|")), code.strip()))
    return tuple(rules)


def _parse_all_needs(text: str) -> tuple[str | None, frozenset[str], tuple[tuple[str, frozenset[str]], ...]]:
    """The first condition of a needs field and the others joined to it by "&"."""
    first, *others = text.split("&")
    kind, values = _parse_needs(first)
    also = []
    for other in others:
        other_kind, other_values = _parse_needs(other)
        if other_kind is None:
            raise ValueError(f"event_lexicon.tsv: bad needs {text!r}")
        also.append((other_kind, other_values))
    return kind, values, tuple(also)


NEEDS_KINDS = frozenset({"child", "nochild", "object", "named", "dep", "nodep", "modal", "head", "frame", "placed"})


def _parse_needs(text: str) -> tuple[str | None, frozenset[str]]:
    if text in ("", "-"):
        return None, frozenset()
    if text == "refine":
        return "refine", frozenset()
    if text == "frame":
        return "frame", frozenset()
    kind, _, values = text.partition("=")
    if kind not in NEEDS_KINDS or not values:
        raise ValueError(f"event_lexicon.tsv: bad needs {text!r}")
    return kind, frozenset(values.split("|"))


@cache
def trigger_rows() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """(lemma, POS) → its triggers, in file order: "call on X" (appeal) before "call off" (yield)."""
    table: dict[tuple[str, str], list[Trigger]] = {}
    for row in data_rows("event_lexicon.tsv"):
        needs_kind, needs_values, also = _parse_all_needs(row["needs"])
        trigger = Trigger(
            lemma=row["lemma"].lower(),
            pos=row["pos"],
            cameo=row["cameo"],
            frame=None if row["frame"] == "-" else row["frame"],
            needs_kind=needs_kind,
            needs_values=needs_values,
            refinements=_parse_refinements(row["refine"]),
            also=also,
        )
        table.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    return {key: tuple(rows) for key, rows in table.items()}


@cache
def triggers() -> dict[tuple[str, str], Trigger]:
    """(lemma, POS) → its first trigger: enough to know which words can be triggers."""
    return {key: rows[0] for key, rows in trigger_rows().items()}


@cache
def frames() -> dict[str, dict[str, str]]:
    """frame → {embedded code prefix → CAMEO code}."""
    table: dict[str, dict[str, str]] = {}
    for row in data_rows("cameo_frames.tsv"):
        table.setdefault(row["frame"], {})[row["embedded_prefix"]] = row["cameo"]
    return table


def reframe(frame: str, embedded_code: str) -> str | None:
    """The code of ``embedded_code`` seen through ``frame`` (longest prefix wins), or None."""
    rules = frames().get(frame, {})
    for length in range(len(embedded_code), 1, -1):
        code = rules.get(embedded_code[:length])
        if code is not None:
            return code
    return None


@cache
def actor_heads() -> frozenset[str]:
    """Common nouns that can head an actor phrase ("the Belarusian side", "Russian missiles")."""
    return frozenset(row["lemma"].lower() for row in data_rows("actor_heads.tsv"))


@cache
def non_actors() -> frozenset[str]:
    """Things that are never actors, nor what force or coercion is done to ("an earthquake struck ...", "an
    invasion of locusts", "the fight against the virus")."""
    return frozenset(row["lemma"].lower() for row in data_rows("non_actors.tsv") if row["kind"] != "measure")


@cache
def ideas() -> frozenset[str]:
    """What is attacked only in words: "attacked the plan", "attacked the deal" are criticism."""
    return frozenset(row["lemma"].lower() for row in data_rows("non_actors.tsv") if row["kind"] in ("idea", "measure"))
