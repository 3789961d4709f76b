"""One event for one act told twice: a passive act with its agent, a participle restating its clause."""

from __future__ import annotations

from dataclasses import replace

from coder.coded import CodedActor, CodedEvent
from coder.vocabulary import ASSAULT_ROOTS


def merge_agent_acts(events: list[CodedEvent], agent_acts: frozenset[tuple[int, int]]) -> list[CodedEvent]:
    """One event for a passive act of force whose agent is itself an act of force: "was killed by an American drone
    strike" is the strike (its doer, the United States) done to the one killed, not a killing by no one and a strike
    at no one. ``agent_acts`` holds (verb, agent noun) trigger starts; the more specific code is kept, with the noun's
    doer and the verb's patient (over a target the noun took from the place: "killed by an airstrike in Iraq" was done
    to the one killed). Only where each trigger gave one event and the verb's has a patient and no doer."""
    if not agent_acts:
        return events
    by_start: dict[int, list[CodedEvent]] = {}
    for event in events:
        by_start.setdefault(event.trigger_start, []).append(event)
    merged: dict[int, CodedEvent] = {}  # id of an event replaced → the event that replaces it
    for verb_start, noun_start in agent_acts:
        verbs, nouns = by_start.get(verb_start, []), by_start.get(noun_start, [])
        if len(verbs) != 1 or len(nouns) != 1:
            continue
        done, act = verbs[0], nouns[0]
        if not (
            done.cameo_root in ASSAULT_ROOTS
            and act.cameo_root in ASSAULT_ROOTS
            and done.source is None
            and done.target is not None
            and (done.event_mode, done.negated) == (act.event_mode, act.negated)
        ):
            continue
        winner = act if _specificity(act) >= _specificity(done) else done
        other = done if winner is act else act
        one = replace(winner, source=act.source, target=done.target, evidence=list(winner.evidence))
        one.evidence.append(
            f"the same act as {other.trigger_text!r} ({other.cameo_code}), whose agent it is: one event"
        )
        merged[id(done)] = merged[id(act)] = one
    result: list[CodedEvent] = []
    appended: set[int] = set()
    for event in events:
        replacement = merged.get(id(event), event)
        if id(replacement) not in appended:  # the merged event stands where the first of its two stood
            appended.add(id(replacement))
            result.append(replacement)
    return result


def _actor_key(actor: CodedActor | None) -> tuple[str | None, str | None, str | None] | None:
    return None if actor is None else (actor.actor.code, actor.actor.country, actor.actor.sector)


def _restatement_key(event: CodedEvent) -> tuple[object, ...]:
    place = None if event.location is None else (event.location.name, event.location.country)
    return (
        _actor_key(event.source),
        _actor_key(event.target),
        event.cameo_root,
        event.plover_type,
        event.event_mode,
        event.negated,
        event.event_date,
        place,
        event.reported_by,
    )


def _specificity(event: CodedEvent) -> int:
    """How far below its root a code goes: "190" (force, not specified) 2, "195" 3, "1411" 4."""
    detail = event.cameo_code[len(event.cameo_root) :].rstrip("0")
    return len(event.cameo_root) + len(detail)


def merge_restatements(events: list[CodedEvent], restating: frozenset[int] = frozenset()) -> list[CodedEvent]:
    """One event for one act told twice in a sentence ("lashed out at the mayor, accusing her of ...",
    "began an offensive with airstrikes", "asked for support, asking voters to ...").

    Events of one sentence with the same source, target, CAMEO root and PLOVER type, mode, negation, date,
    place and reporter are one act: counting it twice is the double coding users of other datasets complain
    of. The most specific code is kept (the first of equally specific ones); the other trigger is named in
    its evidence. A participle, or a verb sharing the object of the verb it is coordinated with (its trigger's
    start among ``restating``), telling the act with its target left unsaid or unresolved ("lashed out at Iran,
    accusing *it* of lying", "donated and delivered goods to Baghdad") is the act told with its target; not so a
    second verb with an object of its own ("will impose sanctions on Iran and freeze its assets" are two acts).
    """
    kept: dict[tuple[object, ...], CodedEvent] = {}
    for event in events:
        key = _restatement_key(event)
        first = kept.get(key)
        if first is None:
            kept[key] = event
            continue
        winner, other = (event, first) if _specificity(event) > _specificity(first) else (first, event)
        winner.evidence.append(f"the same act restated by {other.trigger_text!r} ({other.cameo_code}): one event")
        kept[key] = winner
    if not any(event.target is None and event.trigger_start in restating for event in kept.values()):
        return list(kept.values())
    # Keyed with no target, the events that have one: where a target-less event's act is told again with its target.
    with_target = {
        key[:1] + (None,) + key[2:]: event for key, event in kept.items() if event.target is not None and key[0]
    }
    merged = []
    for key, event in kept.items():
        told = with_target.get(key) if event.target is None and event.trigger_start in restating else None
        if told is not None:
            told.evidence.append(f"the same act restated by {event.trigger_text!r} ({event.cameo_code}): one event")
            continue
        merged.append(event)
    return merged
