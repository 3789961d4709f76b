"""Rule-based event coding over one parsed sentence.

For every trigger word of the lexicon (``schemas/data/event_lexicon.tsv``) the coder
finds, in the same clause of the dependency parse:

* the source actor: the trigger's subject, the agent of a passive, or, for a noun
  ("Russian missile strikes", "a visit by Putin"), its possessor/adjective/"by" phrase or
  the subject of the light verb that carries it ("made an appeal", "held drills");
* the target actor: its object, or the object of a preposition the trigger governs
  ("with Russia", "on NATO", "to Ukraine", "against Kyiv");
* a date expression attached to the trigger (or to the clause that frames it), resolved
  against the publication date, and an "in <place>" location.

Everything is taken from the trigger's own clause, never from elsewhere in the story:
an event whose actors cannot both be found stays with what was found, and an event with
no recognisable actor at all is not emitted. Framing verbs recode what they embed:
"agreed to send equipment" is an intent to give military aid (0332), "refused to send
aircraft" a rejection (1222), "called on NATO to send jets" an appeal (0232).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date

from coder.actors import country_actor, names_a_state, resolve_actor
from coder.candidates import _embedded_events, _find_candidates, _hyphenated
from coder.coded import CodedActor, CodedEvent, _Candidate, _code_or_text, _known
from coder.framing import (
    _alleged,
    _background,
    _background_clause,
    _describes_a_party,
    _hypothetical,
    _intent_adjective,
    _killed_in_an_accident,
    _mode,
    _named_by_a_past_date,
    _non_actor_patient,
    _on_condition,
    _reported_by,
    _scheduled,
    _spans_a_time,
    _sporting,
    _statement_of_accord,
    _yet_to_come,
)
from coder.lexicon import Trigger, ideas, non_actors, reframe
from coder.merging import merge_agent_acts, merge_restatements
from coder.people import ArticleMemory
from coder.sentence import (
    ParsedSentence,
    _auxiliaries,
    _carries,
    _clause_verb,
    _has_infinitive_to,
    _is_passive,
    _phrase,
    _relative_head,
    _time_expression,
)
from coder.vocabulary import (
    AID_INTENT_CODE,
    ASSAULT_ROOTS,
    COMMENT_ROOTS,
    DIPLOMATIC_MISSIONS,
    FUTURE_AUXILIARIES,
    GENERIC_VIOLENCE_CODES,
    HELPING_PURPOSES,
    HOSTILE_ROOTS,
    MUTUAL_LEMMAS,
    OBJECTS,
    PASSIVE_SUBJECTS,
    PEACEKEEPING_WORDS,
    PRONOUNS,
    PROTEST_ROOT,
    RECIPROCAL_LEMMAS,
    SUBJECTS,
    WITHDRAWING_LEMMAS,
)
from coder.when import _date_for
from coder.where import _inferred_from_place, _location, _nation_of_happening, _place_of
from coder.who import (
    _addressees,
    _adversary_of_posture,
    _aim_of_posture,
    _can_head_actor,
    _conditioned,
    _country_for_unplaced,
    _country_spoken_for,
    _deployment_in_aid,
    _doer_named,
    _has_subject,
    _issuers,
    _localised,
    _member_countries,
    _partner_named,
    _pressing_party,
    _protested_against,
    _recipient_of_aid,
    _resolve,
    _resolve_coordinated,
    _sole_foreign_country,
    _source,
    _target,
    _went_for,
    remember_persons,
)
from schemas.codebook import cameo_entry
from schemas.records import Annotation

MOBILIZE_ROOT = "15"
ADMINISTRATIVE_SANCTION = "172"
# Verbs told from the receiver's side: the giver is their "from" phrase.
RECEIVING_VERBS = frozenset({"receive"})
AID_ROOT = "07"
UNNAMED_ACTOR_ROOTS = frozenset({"14", "17", "18", "19", "20"})
UNNAMED_ATTACKER_ROOTS = frozenset({"18", "19", "20"})
# Where a sector named without a country ("rebels", "protesters") is most likely the source's compatriot:
# concessions, rejections, protests and coercion are overwhelmingly domestic.
COMPATRIOT_ROOTS = frozenset({"08", "09", "12", "14", "17"})
IRREGULAR_SECTORS = frozenset({"UAF", "CRM"})
# Demands, accusations, refusals and threats: pressed on a state's own bodies by its own people, when unplaced.
PRESSURE_ROOTS = frozenset({"10", "11", "12", "13"})
# A state's bodies that stay at home: who attacks them there, unplaced, is of that country.
HOME_STATE_SECTORS = frozenset({"COP", "GOV", "JUD", "LEG"})
# Civilians, workers and protesters: their blockades are protests, not military ones.
CIVIC_SECTORS = frozenset({"OPP", "LAB", "AGR", "CVL", "EDU", "REL", "BUS", "HLH"})
STATE_FORCE_SECTORS = frozenset({"COP", "MIL", "GOV"})
PROTESTER_WORDS = frozenset("protester protestor demonstrator marcher rioter striker picketer".split())
SECURITY_FORCE_WORDS = frozenset("police policeman policemen soldier troops gendarme guard".split())
PROTESTER_VIOLENCE = frozenset({"171", "180", "182", "190"})
# Acts done at home unless a target is named: protests, coercion, easing curfews and dissent, acceding to reform.
DOMESTIC_ROOTS = frozenset({"14", "17"})
DOMESTIC_CODES = ("081", "082", "083")
YIELDING_CODES = ("080", "081", "082", "083")  # concessions, which may name who pressed for them
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
# Statements whose addressee is their target when nothing else is ("told Argentina it would not discuss ...").
STATED_ROOTS = frozenset({"03", "12", "13"})
# Joint events: with a compound source and no target, each party is the other's target.
SYMMETRIC_ROOTS = frozenset({"04", "06"})
# "A and B agreed", "signed", joint drills; "agreed to talks", "agreed to a ceasefire"; "disengaged"
SYMMETRIC_CODES = frozenset({"030", "031", "050", "054", "057", "0312", "0311", "036", "0356", "164", "087"})
# Events whose target, when no actor is named, is the country where they happen ("deployed troops in Iraq").
PLACE_TARGETED_ROOTS = frozenset({"07", "08", "14", "15", "16", "17", "18", "19", "20"})
# An intent to deploy forces is a threat (138) only against whom they are sent: forces pledged *to* a country to help
# it, or agreed and sent there with no hostile purpose, are an intent to give military protection (0334), CAMEO's own
# category for "offer, promise, agree to ... provide peacekeepers or military protection".
MILITARY_THREAT_CODE = "138"
PROTECTION_INTENT_CODE = "0334"
PROTECTION_CODE = "074"
DISPATCHING_LEMMAS = frozenset({"send", "deploy", "dispatch", "station"})
HOSTING_VERBS = frozenset({"receive", "host", "welcome", "invite", "greet"})
DOCUMENT_NOUNS = frozenset("treaty bill law agreement deal pact accord request hearing".split())


def _described(sentence: ParsedSentence, token: int) -> list[int]:
    """What a subject stands for: itself; for a relative pronoun, the noun its clause describes and, when the parser
    hangs the clause on a noun inside a prepositional phrase, the nouns that phrase belongs to ("an earthquake with
    magnitude 6.3 that struck ..." describes the earthquake)."""
    head = _relative_head(sentence, token)
    if head == token:
        return [token]
    nouns = [head]
    node = head
    while sentence.dep(node) == "pobj" and sentence.dep(prep := sentence.head(node)) == "prep":
        node = sentence.head(prep)
        if sentence.a.pos[node] not in ("NOUN", "PROPN"):
            break
        nouns.append(node)
    return nouns


AIR_WEAPONS = frozenset(
    "aircraft warplane warplanes jet jets bomber bombers helicopter helicopters drone drones missile missiles".split()
)


def _attacked_idea(sentence: ParsedSentence, token: int) -> bool:
    """ "attacked the plan", "an attack on the government's policy": what is attacked is an idea, which only words
    attack, whatever weapons the idea itself names ("attacked Washington's plan to deploy missile defences")."""
    if sentence.a.pos[token] != "VERB":
        return any(
            sentence.lemma(pobj) in ideas()
            for prep in sentence.kids(token, {"prep"})
            if sentence.lemma(prep) in ("on", "upon", "against")
            for pobj in sentence.kids(prep, {"pobj"})
        )
    return any(sentence.lemma(o) in ideas() for o in sentence.kids(token, OBJECTS))


def _verbal_attack(sentence: ParsedSentence, token: int) -> bool:
    """ "attacked Trump", "attacked him for his remarks", "attack Trump on his taxes", "attacked the plan",
    "an attack on the government's policy": words, not weapons."""
    if sentence.a.pos[token] != "VERB":
        return _attacked_idea(sentence, token)
    objects = sentence.kids(token, OBJECTS)
    # "attacked Boko Haram": the small model's PERSON label on a known armed group is not a person.
    personal = any(
        resolve_actor(name := _phrase(sentence, o)[0]) is None
        and (sentence.entity_of.get(o, (0, 0, ""))[2] == "PERSON" or sentence.memory.recall(name) is not None)
        or sentence.lemma(o) in ("he", "she", "him", "her")
        for o in objects
    )
    # "attacked Biden over his remarks", "attacked the subpoena as a political strategy": a reason or a label; but
    # "attacked the camp for the second time", "for three days", "over the weekend" say when or how long.
    reason = any(
        sentence.lemma(p) in ("for", "over", "as")
        and not all(_time_expression(sentence, o) for o in sentence.kids(p, {"pobj"}))
        for p in sentence.kids(token, {"prep"})
    )
    return personal or _attacked_idea(sentence, token) or (bool(objects) and reason)


# Acts only a state's authorities do: investigate (09), arrest, detain or charge (173), deport (174), curfews and
# emergency rule (1723, 1724).
AUTHORITY_CODES = ("09", "173", "174", "1723", "1724")


def _shared_subject_verb(sentence: ParsedSentence, token: int) -> int:
    """The verb whose subject a verb shares: "killed 30 and destroyed homes" shares "killed"'s subject."""
    node = token
    while sentence.dep(node) == "conj" and not sentence.kids(node, SUBJECTS) and sentence.head(node) != node:
        node = sentence.head(node)
    return node


def _aimed_at(sentence: ParsedSentence, token: int, trigger: Trigger, words: frozenset[str]) -> bool:
    """Whether what the trigger (or the verb that carries it: "opened fire on") acts on, as object, through a
    preposition or through its purpose, is named by one of ``words`` ("protesters", "police")."""
    holders = [token]
    if trigger.pos == "NOUN" and _carries(sentence, carrier := _clause_verb(sentence, token), token, trigger):
        holders.append(carrier)
    objects = [o for h in holders for o in sentence.kids(h, OBJECTS | PASSIVE_SUBJECTS) if o != token]
    # "fought running battles with riot police": the opponent in the phrase of the fight named as the object.
    holders += [o for o in objects if sentence.lemma(o) in RECIPROCAL_LEMMAS]
    aimed = objects + [o for h in holders for prep in sentence.kids(h, {"prep"}) for o in sentence.kids(prep, {"pobj"})]
    # "opened fire to disperse demonstrators": what the force is for acts on them.
    aimed += [
        o
        for h in holders
        for purpose in sentence.kids(h, {"advcl", "xcomp"})
        if _has_infinitive_to(sentence, purpose)
        for o in sentence.kids(purpose, {"dobj"})
    ]
    return any(sentence.lemma(t).lower() in words for a in aimed for t in sentence.conjuncts(a))


def event_id(
    article_id: str,
    sentence_index: int,
    trigger_start: int,
    cameo: str,
    source: str | None,
    target: str | None,
    pipeline_version: str,
) -> str:
    """Deterministic: the same input coded by the same version gives the same id."""
    key = "\x1f".join(
        [
            article_id,
            str(sentence_index),
            str(trigger_start),
            cameo,
            source or "",
            target or "",
            pipeline_version,
        ]
    )
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def _confidence(event: CodedEvent, trigger_pos: str, target_inferred: bool) -> float:
    score = 0.35
    if _known(event.source):
        score += 0.25
    if _known(event.target):
        score += 0.2 if not target_inferred else 0.1
    if trigger_pos == "VERB":
        score += 0.1
    if event.date_text is not None:
        score += 0.05
    if event.event_mode == "reported":
        score -= 0.05
    if event.event_mode == "possible":
        score -= 0.15
    return round(max(0.05, min(score, 0.95)), 2)


def code_sentence(
    text: str, annotation: Annotation, published: date | None, memory: ArticleMemory | None = None
) -> list[CodedEvent]:
    """All events in one parsed sentence (empty when none can be coded with an actor).

    Pass the same ``memory`` for the sentences of one article, in order, so that persons introduced
    with a title resolve in later sentences too.
    """
    sentence = ParsedSentence(text, annotation, memory if memory is not None else ArticleMemory(published))
    remember_persons(sentence)
    candidates = _find_candidates(sentence)
    framed: dict[int, tuple[int, str]] = {}  # embedded token -> (frame token, frame)
    # A frame folded into another event still holds what it embeds: "staged rallies, saying Abbas must resign" is
    # one protest, and the resignation it demands is not coded as done.
    for candidate in candidates.values():
        for folded in candidate.absorbed:
            if folded.trigger.frame is not None and not _statement_of_accord(sentence, folded.token, folded.trigger):
                for inner in _embedded_events(sentence, folded.token, candidates):
                    framed.setdefault(inner, (folded.token, folded.trigger.frame))
    for token, candidate in candidates.items():
        if candidate.trigger.frame is not None and not _statement_of_accord(sentence, token, candidate.trigger):
            for inner in _embedded_events(sentence, token, candidates):
                framed[inner] = (token, candidate.trigger.frame)
    events = []
    for token, candidate in sorted(candidates.items()):
        if token in framed:
            continue  # coded as part of its frame ("agreed to send" is one event)
        if _background(sentence, token, candidates) or _background_clause(sentence, token, candidates):
            continue
        if _yet_to_come(sentence, token) or _describes_a_party(sentence, token, candidates):
            continue
        if _named_by_a_past_date(sentence, token, published):
            continue
        events.extend(_code_candidate(sentence, candidate, candidates, framed, published))
    sentence.memory.note_mentions([mention for _, mention in sentence.mentions])
    # "lashed out at Iran, accusing it of lying": a participle of the main clause, which may restate its act.
    # "donated and delivered goods to Baghdad": a verb with no object of its own, coordinated with one that has it,
    # tells the same act (its target is said once).
    restating = frozenset(
        sentence.a.offsets[t]
        for t in range(len(sentence))
        if (sentence.a.tags[t] == "VBG" and sentence.dep(t) == "advcl") or _shares_its_object(sentence, t)
    )
    # "Soleimani was killed by an American drone strike": the passive verb and the act that is its agent.
    agent_acts = frozenset(
        (sentence.a.offsets[verb], sentence.a.offsets[noun])
        for verb in candidates
        for agent in sentence.kids(verb, {"agent"})
        for noun in sentence.kids(agent, {"pobj"})
        if noun in candidates
    )
    return merge_restatements(merge_agent_acts(events, agent_acts), restating)


INVESTIGATE_ROOT = "09"
INSURGENT_SECTORS = frozenset({"REB", "OPP"})
LEGAL_ACTION_CODE = "173"
STATE_SECTORS = frozenset({"GOV", "MIL"})


def _by_phrase_misplaced(sentence: ParsedSentence, verb: int) -> bool:
    """Whether a "by" phrase on ``verb`` cannot name its doer: the verb is active and has a subject."""
    return not _is_passive(sentence, verb) and bool(sentence.kids(verb, SUBJECTS))


def _shares_its_object(sentence: ParsedSentence, verb: int) -> bool:
    """Whether a verb has no object of its own and is coordinated with a verb that has one."""
    if sentence.a.pos[verb] != "VERB" or sentence.kids(verb, OBJECTS):
        return False
    coordinated = sentence.kids(verb, {"conj"}) + ([sentence.head(verb)] if sentence.dep(verb) == "conj" else [])
    return any(sentence.a.pos[c] == "VERB" and sentence.kids(c, OBJECTS) for c in coordinated)


def _deed_done_in_protest(sentence: ParsedSentence, token: int, candidates: dict[int, _Candidate]) -> int | None:
    """The verb an "in protest" phrase hangs on, when it is no event of its own and has a subject: "stayed away from
    the election in protest", "put up roadblocks in protest at the eradication drive"."""
    if sentence.lemma(token) != "protest" or sentence.dep(token) != "pobj":
        return None
    prep = sentence.head(token)
    if sentence.lemma(prep) != "in":
        return None
    # "stayed away from Sunday's election in protest": the parser may hang the phrase on a noun of the verb's.
    verb = sentence.head(prep)
    for _ in range(3):
        if sentence.a.pos[verb] == "VERB" or sentence.head(verb) == verb:
            break
        verb = sentence.head(verb)
    if verb == prep or sentence.a.pos[verb] != "VERB" or verb in candidates:
        return None
    return verb if sentence.kids(verb, SUBJECTS) else None


def _circumstance_of_the_doer(sentence: ParsedSentence, token: int, candidates: dict[int, _Candidate]) -> bool:
    """Whether a participle describes the subject of another event ("ministers meeting in Geneva threw out ...")."""
    if sentence.dep(token) != "acl" or sentence.a.tags[token] != "VBG":
        return False
    described = sentence.head(token)
    return sentence.dep(described) in SUBJECTS and sentence.head(described) in candidates


def _code_candidate(
    sentence: ParsedSentence,
    candidate: _Candidate,
    candidates: dict[int, _Candidate],
    framed: dict[int, tuple[int, str]],
    published: date | None,
) -> Iterator[CodedEvent]:
    token, trigger = candidate.token, candidate.trigger
    if candidate.code != "185" and _hypothetical(sentence, token, candidate.code) is not None:
        return
    if _alleged(sentence, token) is not None:
        return
    if candidate.code[:2] == "04" and _circumstance_of_the_doer(sentence, token, candidates):
        return  # "ministers meeting in Geneva threw out a proposal": where they met, not a second event
    if trigger.cameo[:2] in ASSAULT_ROOTS and _sporting(sentence, token):
        return
    if trigger.pos == "NOUN" and sentence.dep(token) == "compound":
        modified = sentence.head(token)
        if sentence.a.pos[modified] == "NOUN" and _can_head_actor(sentence, modified):
            return  # "riot police", "attack helicopters", "protest leaders": the noun names who, not what happened
        if sentence.lemma(modified) in DOCUMENT_NOUNS:
            return  # "suspended its extradition treaty", "withdrew the extradition bill": a document, not the act
    if _statement_of_accord(sentence, token, trigger):
        return  # "agreed that the talks were useful": what is agreed with is a statement, not a commitment
    if any(
        sentence.lemma(subject) in non_actors()
        and _issuers(sentence, subject) == [subject]  # "the Turkish statement called for ..." speaks for Turkey
        for s in sentence.kids(_shared_subject_verb(sentence, token), SUBJECTS)
        for subject in _described(sentence, s)
    ):
        return  # "an earthquake struck southern Philippines", "floods killed 30 and destroyed 2,000 homes"
    if trigger.cameo[:2] in ASSAULT_ROOTS and _killed_in_an_accident(sentence, token):
        return  # "seven people were killed when a bomber crashed at the airport"
    if _spans_a_time(sentence, token):
        return  # "signed a treaty, ending 46 years of hostility": what the act means, measured in years
    if _non_actor_patient(sentence, token, candidate):
        return  # "an invasion of locusts", "the fight against the virus", "outlawed the death penalty"
    code = candidate.code
    evidence = [f"trigger {sentence.a.words[token]!r} ({trigger.lemma}/{trigger.pos}) → {trigger.cameo}"]
    if code != trigger.cameo:
        evidence.append(f"refined to {code} by the words of its phrase")
    inner_tokens = [
        t
        for t, (frame_token, _) in framed.items()
        # "vowed to fight corruption": what is framed must be an event on its own, with its selectional restrictions.
        if frame_token == token and not _non_actor_patient(sentence, t, candidates[t])
    ]
    if trigger.needs_kind == "frame" and not inner_tokens:
        return  # "plans to travel": an intent with no coded event inside is not an event
    content_token = token
    for inner in inner_tokens:
        recoded = reframe(trigger.frame or "", candidates[inner].code)
        if recoded is not None:
            evidence.append(
                f"frames {sentence.a.words[inner]!r} ({candidates[inner].code}) as {trigger.frame} → {recoded}"
            )
            code = recoded
            content_token = inner
            break
    if (
        code == MILITARY_THREAT_CODE
        and trigger.frame == "intent"
        and content_token != token
        and _deployment_in_aid(sentence, token, content_token, candidates)
    ):
        evidence.append(f"forces sent to help the country they go to → {PROTECTION_INTENT_CODE}")
        code = PROTECTION_INTENT_CODE
    if (
        code[:2] == "15"
        and content_token == token
        and trigger.lemma in DISPATCHING_LEMMAS
        and _deployment_in_aid(sentence, None, token, candidates)
    ):
        evidence.append(f"forces sent to help the country they go to → {PROTECTION_CODE}")
        code = PROTECTION_CODE
    act_code = candidates[content_token].code if content_token != token else code
    if content_token == token and code == trigger.cameo and trigger.frame in ("appeal", "demand"):
        # "demanded the withdrawal of Serbian forces": a demand that they withdraw (105).
        for inner in candidate.absorbed:
            recoded = reframe(trigger.frame, inner.code)
            if recoded is not None:
                evidence.append(f"asks for {sentence.a.words[inner.token]!r} ({inner.code}) → {recoded}")
                code, act_code = recoded, inner.code
                break
    # act_code: what is done, before intent, refusal or threat reframe it ("will extend the curfew" is a curfew).
    event_mode, negated = _mode(sentence, token)
    # "ready to resume negotiations": the intent adjective governs the trigger or the verb that carries it.
    carrier = _clause_verb(sentence, token) if trigger.pos == "NOUN" else token
    carried_by = carrier if carrier != token and _carries(sentence, carrier, token, trigger) else token
    intent_adjective = sentence.dep(carried_by) == "xcomp" and _intent_adjective(sentence, sentence.head(carried_by))
    if intent_adjective:
        # "Syria is not ready to resume talks", "was not prepared to discuss sovereignty": the negation sits on the
        # adjective or its "be"; an unwillingness to cooperate is a refusal, as "will not" is.
        adjective = sentence.head(carried_by)
        if sentence.kids(adjective, {"neg"}) or sentence.kids(sentence.head(adjective), {"neg"}):
            event_mode, negated = "negated", True
    if not negated and (intent_adjective or _scheduled(sentence, carried_by)):
        # "would be prepared to withdraw", "the EU is to provide aid": what is meant or arranged to happen.
        event_mode = "intended"
    if (
        event_mode == "possible"
        and trigger.frame is None
        and code[:2] in HOSTILE_ROOTS | {"16"}
        and _on_condition(sentence, carrier)
    ):
        # "could take military action unless Damascus expels Ocalan": force held out on a condition is a threat.
        evidence.append("possible act on a condition (if/unless): a threat")
        event_mode = "intended"
    if event_mode == "intended" and trigger.frame is None:
        recoded = reframe("intent", code)
        if recoded == MILITARY_THREAT_CODE and _deployment_in_aid(sentence, None, token, candidates):
            recoded = PROTECTION_INTENT_CODE  # "will send soldiers to Estonia to bolster ...": protection, not a threat
        if recoded is not None:
            evidence.append(f"future auxiliary: intent to {code} → {recoded}")
            code = recoded
    if trigger.frame == "reject" and event_mode == "asserted":
        event_mode = "refused"
    if (
        negated
        and code[:2] in COOPERATIVE_ROOTS
        and (intent_adjective or _auxiliaries(sentence, token) & FUTURE_AUXILIARIES)
    ):
        # "Syria will not accept more refugees": a refusal that happened, not a cooperation that did not.
        recoded = reframe("reject", code) or "120"
        evidence.append(f"negated future: refusal of {code} → {recoded}")
        code, event_mode, negated = recoded, "refused", False
    location, location_text = _location(sentence, content_token)
    embedded_clauses = sentence.kids(token, {"xcomp", "ccomp"}) if trigger.frame else []
    if location is None:
        # "twin bombings struck a market in Peshawar": the verb folded into the noun says where.
        for clause in embedded_clauses + [inner.token for inner in candidate.absorbed]:
            location, location_text = _location(sentence, clause)
            if location is not None:
                break
    place_country = location.country if location is not None else None
    sources = _source(sentence, token, trigger, code)
    if not sources and (deed := _deed_done_in_protest(sentence, token, candidates)) is not None:
        # "the opposition stayed away from the election in protest against ...": whoever did the deed protests.
        sources = _resolve_coordinated(sentence, sentence.conjuncts(sentence.kids(deed, SUBJECTS)[0]))
        evidence.append(f"source: who did what was done in protest ({sentence.a.words[deed]!r})")
    sources = _localised(sources, _country_spoken_for(sentence, token), evidence)
    sources = _localised(sources, _country_for_unplaced(sources, code, place_country), evidence)
    if not sources and code.startswith(AUTHORITY_CODES):
        # "was put under investigation in Italy", "were arrested in Kenya": with no one named, the authorities of the
        # place did it (the country, no sector).
        sources = _inferred_from_place(location, location_text, "the authorities of the place", evidence)
    if code.startswith(ADMINISTRATIVE_SANCTION) and sources and all(a.actor.sector in CIVIC_SECTORS for a in sources):
        # "strikers shut shops and schools", "protesters closed the road": what a crowd closes is the effect of a
        # protest, not an administrative sanction, which takes an authority.
        return
    coded_by_trigger = code
    if code == "150" and any(
        sentence.lemma(t) in PEACEKEEPING_WORDS
        for purpose in sentence.kids(token, {"advcl", "xcomp"})
        for t in sentence.subtree(purpose)
    ):
        # "sent 1,200 troops to Haiti to lead the UN peacekeeping force": troops sent to keep the peace (074).
        evidence.append("forces sent for peacekeeping → 074")
        code = "074"
    if code in GENERIC_VIOLENCE_CODES and any("suicide" in a.text.lower().split() for a in sources):
        evidence.append("killing by suicide bombers → 1831")
        code = "1831"
    elif code == "180" and any(set(a.text.lower().split()) & AIR_WEAPONS for a in sources):
        evidence.append("killing by aircraft or missiles → 195")
        code = "195"
    elif code == "180" and any(a.actor.sector == "MIL" for a in sources):
        # Killing by soldiers is military force (19), not unconventional violence (18).
        evidence.append("killing by a military actor → 190")
        code = "190"
    elif code == "190" and sources and all(a.actor.sector in IRREGULAR_SECTORS for a in sources):
        # Gunmen, militiamen or gangs: unconventional violence (18), not conventional military force (19).
        evidence.append("attack by an irregular armed group → 180")
        code = "180"
    elif code == "192" and sources and all(a.actor.sector in CIVIC_SECTORS for a in sources):
        # "activists occupied the embassy", "students occupied the parliament building": a sit-in (141), not a
        # military occupation.
        evidence.append("occupation by protesters or civilians → 141")
        code = "141"
    elif (
        code[:2] in ("18", "19")
        and sources
        and all(a.actor.sector in STATE_FORCE_SECTORS for a in sources)
        and _aimed_at(sentence, token, trigger, PROTESTER_WORDS)
    ):
        # "security forces fired on demonstrators", "troops shot at protesters": violent repression (175).
        evidence.append("force used on protesters by the state's forces → 175")
        code = "175"
    elif (
        code[:3] == "143"
        and trigger.lemma == "boycott"
        and sources
        and all(a.actor.sector in (None, "GOV") and _known(a) for a in sources)
    ):
        # "Arab states announced a boycott of Israeli goods": a boycott by governments is an embargo (163);
        # by consumers, workers or parties it is a protest.
        evidence.append("boycott by states → 163")
        code = "163"
    elif code == "191" and sources and all(a.actor.sector in CIVIC_SECTORS for a in sources):
        # "farmers blockaded roads", "truckers blocked the border crossing": obstruction as protest (144).
        evidence.append("blockade by civilians → 144")
        code = "144"
    elif (
        code[:3] in PROTESTER_VIOLENCE
        and sources
        and all(a.actor.sector in CIVIC_SECTORS for a in sources)
        and (
            all(a.actor.sector == "OPP" for a in sources)
            # "students clashed with riot police", "villagers stoned soldiers": civilians fighting the state's forces.
            or _aimed_at(sentence, token, trigger, SECURITY_FORCE_WORDS)
            # "hooded youths torched banks and shops", "crowds ransacked town halls": a crowd destroying property.
            or code[:3] == "171"
        )
    ):
        # "protesters clashed with police", "rioters set fire to shops": a violent protest (145).
        evidence.append("violence by protesters, or by civilians against the state's forces or property → 145")
        code = "145"
    if trigger.lemma == "attack" and (
        (code == "190" and _verbal_attack(sentence, token)) or (code[:2] == "19" and _attacked_idea(sentence, token))
    ):
        # "Biden attacked Trump for his comments": an attack on a person, for what they said or did, is criticism.
        evidence.append("attack on a person or an idea, or for a reason → 111")
        code = "111"
    if act_code == coded_by_trigger:
        act_code = code  # who acts decided what is done ("farmers blockaded roads" is a protest, done at home)
    exercise = candidates[content_token].trigger if content_token != token else trigger
    several = len({a.actor.country for a in sources if a.actor.country}) >= 2
    if act_code[:2] == "15" and several and any("joint" in rule.words for rule in exercise.refinements):
        # "French and Egyptian warships launched war games": exercises of two countries together are joint (062),
        # seen through the same frame as before ("will hold" is an intent, 0312).
        frame = trigger.frame if content_token != token else "intent" if event_mode == "intended" else None
        recoded = (reframe(frame, "062") if frame else None) or "062"
        evidence.append(f"exercises of several countries → {recoded}")
        code, act_code = recoded, "062"
    entry = cameo_entry(code)
    exclude = {token}
    # The country a target named only by its sector belongs to: where the event happens, else, for mostly
    # domestic acts, the source's ("the government accepted demands from rebels": its own rebels).
    context_country = place_country
    home = next((a.actor.country for a in sources if a.actor.country), None)
    insurgents = bool(sources) and all(a.actor.sector in INSURGENT_SECTORS for a in sources)
    if context_country is None and (act_code[:2] in COMPATRIOT_ROOTS or (act_code[:2] == "04" and insurgents)):
        # "Guatemala's URNG rebels were willing to resume negotiations with the government": rebels and the
        # opposition talk with their own government.
        context_country = home
    targets = _target(sentence, token, trigger, exclude, place_country=context_country, code=code)
    if trigger.lemma in RECEIVING_VERBS and act_code[:2] == AID_ROOT:
        # "South Korea received $5.6 billion from the IMF": the giver is the doer, the receiver the target; with no
        # giver named there is no one to code.
        givers = [a for a in _resolve_coordinated(sentence, sentence.objects_of(token, {"from"})) if _known(a)]
        if not givers:
            return
        evidence.append(f"received from {givers[0].text!r}: the giver acts, the receiver is the target")
        sources, targets = givers, sources
    if act_code[:2] == PROTEST_ROOT and (against := _protested_against(sentence, token)):
        # "took to the streets of Belgrade to condemn the NATO bombing": whose deed the protest is against, before
        # the places it names.
        targets = against
        evidence.append(f"target: whose deed the protest is against ({against[0].text!r})")
    own = {a.actor.country for a in sources if a.actor.country}
    if act_code[:2] == MOBILIZE_ROOT and own:
        # "the army sent tanks and troops into the province": forces of no country named are the source's own, what
        # it moves (they still say where: "massed troops on its border with Ukraine").
        moved = {
            (sentence.a.offsets[o], sentence.a.offsets[o] + len(sentence.a.words[o]))
            for obj in sentence.kids(token, OBJECTS)
            for o in sentence.conjuncts(obj)
            if (found := _resolve(sentence, o)) is not None and found.actor.country is None
        }
        targets = [t for t in targets if not any(t.start <= start and end <= t.end for start, end in moved)]
    if trigger.lemma in WITHDRAWING_LEMMAS and own:
        # "Trump withdrew the US from the treaty", "Turkey withdrew Turkish troops from Syria": the source's own country
        # or forces are what it moves, not whom it acts on.
        moved = [
            o
            for o in sentence.kids(token, OBJECTS)
            if (found := _resolve(sentence, o)) is not None and found.actor.country in own
        ]
        if moved:
            exclude = exclude | set(moved)
            targets = _target(sentence, token, trigger, exclude, place_country=context_country, code=code)
    if (
        code == LEGAL_ACTION_CODE
        and trigger.lemma == "charge"
        and targets
        and all(t.start >= 0 and (t.actor.sector in STATE_SECTORS or names_a_state(t.text)) for t in targets)
        and not any(a.actor.sector in ("JUD", "COP") for a in sources)
    ):
        # "Venezuela charged Colombia with violating its airspace": a state charged by another is accused, not
        # prosecuted.
        evidence.append("a state charged by another state: accusation → 112")
        code = act_code = "112"
        entry = cameo_entry(code)
    if entry.root in COMMENT_ROOTS | {INVESTIGATE_ROOT} and not _target(
        sentence, token, trigger, exclude, objects_only=True
    ):
        # "complained to the UN over Israeli air raids": the one criticised is who carried out the raids.
        criticised = [
            actor
            for inner in candidate.absorbed
            for actor in _source(sentence, inner.token, inner.trigger, inner.code)
            if _known(actor) and actor.actor.code not in {a.actor.code for a in sources}
        ]
        if criticised:
            evidence.append(f"target: the actor of {sentence.a.words[candidate.absorbed[0].token]!r}")
            targets = criticised
    if not targets and entry.root == INVESTIGATE_ROOT:
        # "opened an investigation into alleged atrocities by Serbian police": who is investigated is who did it.
        doers = [d for act in sentence.objects_of(token, {"into", "of"}) for d in sentence.objects_of(act, {"by"})]
        verb = _clause_verb(sentence, token)
        if not doers and _by_phrase_misplaced(sentence, verb):
            # "opened an investigation into atrocities by Serbian police": the parser hangs the "by" on the verb of an
            # active clause, whose own doer is its subject.
            doers = sentence.objects_of(verb, {"by"})
        if doers and (found := [a for a in _resolve_coordinated(sentence, doers) if _known(a)]):
            evidence.append(f"target: the doer of what is investigated ({found[0].text!r})")
            targets = found
    if not targets and content_token != token:
        targets = _target(
            sentence, content_token, candidates[content_token].trigger, exclude, place_country=context_country
        )
    for inner in candidate.absorbed:
        if targets:
            break
        # "the attack killed five soldiers", "shelled positions, killing three Croatian soldiers".
        targets = _target(sentence, inner.token, inner.trigger, exclude, place_country=context_country)
    if act_code[:2] in COMPATRIOT_ROOTS and (
        abroad := next(
            (
                a.actor.country
                for a in targets
                # "people protested outside the Chinese embassy": a mission abroad says nothing of who protests.
                if a.actor.country and not set(a.text.lower().split()) & DIPLOMATIC_MISSIONS
            ),
            None,
        )
    ):
        # "Islamic fundamentalists demanded the resignation of the Algerian president": Algerian fundamentalists.
        sources = _localised(sources, abroad, evidence)
    home_state = next((a.actor.country for a in targets if a.actor.sector in HOME_STATE_SECTORS), None)
    if home_state and ((act_code[:2] in ASSAULT_ROOTS and insurgents) or act_code[:2] in PRESSURE_ROOTS):
        # "ethnic Albanian guerrillas attacked Macedonian police posts", "anti-apartheid leaders demanded that the
        # Pretoria government free Mandela": a state's police, courts or offices are attacked, pressed or accused at
        # home, by people of that country (its soldiers may be abroad, so not them).
        sources = _localised(sources, home_state, evidence)
    if not targets:
        # "threatened to cut off electricity to Nakhichevan": the embedded clause names the target even
        # when its verb is not itself an event.
        for clause in embedded_clauses:
            targets = _target(sentence, clause, trigger, exclude, place_country=context_country)
            if targets:
                break
    if not targets and code == PROTECTION_CODE:
        # "sent troops to protect Mali": whom the forces are sent to help.
        for purpose in sentence.kids(token, {"advcl", "xcomp"}):
            if sentence.lemma(purpose) in HELPING_PURPOSES:
                targets = _target(sentence, purpose, trigger, exclude, place_country=context_country)
                if targets:
                    break
    source_codes = {a.actor.code for a in sources if a.actor.code}
    # "Iran threatened to close the strait if the United States imposed sanctions": a threat is aimed at the one
    # whose conduct is its condition (also when all that was found is the threatener again: "North Korea warned it
    # would strike back unless ...").
    if (
        entry.root == "13"
        and all(a.actor.code in source_codes for a in targets)
        and (conditioned := _conditioned(sentence, [token, *embedded_clauses], source_codes, context_country))
    ):
        targets = conditioned
        evidence.append(f"target: the subject of the threat's condition ({targets[0].text!r})")
    joint = (
        content_token == token
        and (code[:2] in SYMMETRIC_ROOTS or code in SYMMETRIC_CODES or trigger.lemma in MUTUAL_LEMMAS)
    ) or (
        # "Israel and the UAE agreed to normalise relations", "... agreed to meet": a joint act framed as an intent.
        content_token != token and (act_code[:2] in SYMMETRIC_ROOTS or act_code in SYMMETRIC_CODES | {"050"})
    )
    joint_venture = code[:2] == "06" and len({a.actor.country for a in sources if a.actor.country}) >= 2
    if joint_venture and targets:
        # "French and Malian troops launched a joint offensive against militants": the cooperation is between the
        # partners; the militants are what it is aimed at.
        evidence.append("a joint act of several parties: each partner is the other's target")
        targets = []
    if targets and len(sources) >= 2 and content_token == token and trigger.lemma in MUTUAL_LEMMAS:
        # "Ethiopia and Eritrea exchanged prisoners of war": what two sides exchange goes each to the other.
        targets = []
    if not targets and len(sources) >= 2 and (joint or joint_venture):
        # "Israel and Lebanon renewed negotiations": each party is the other's target.
        pairs = [(a, b) for a in sources for b in sources if a.actor.code != b.actor.code]
        if pairs:
            evidence.append("compound actor of a joint event: each party targets the other")
    else:
        pairs = []
    main_event = sentence.dep(token) == "ROOT" or (
        sentence.dep(token) in SUBJECTS and sentence.dep(sentence.head(token)) == "ROOT"
    )
    if (
        not pairs
        and main_event
        and not any(_known(a) for a in sources)
        and (joint or trigger.lemma in RECIPROCAL_LEMMAS)
    ):
        # "clashes between police and protesters left ten dead", "talks between Israel and Syria resumed": with
        # no one else acting, the parties named by "between" act on each other. Only for the sentence's main
        # event: "closed its borders because of fighting between ..." reports the closure, not the fighting.
        parties = [
            a
            # "fighting broke out between ...": the phrase may sit on the verb the noun is the subject of.
            for holder in [token] + ([sentence.head(token)] if sentence.dep(token) in SUBJECTS else [])
            for prep in sentence.kids(holder, {"prep"})
            if sentence.lemma(prep) == "between"
            for pobj in sentence.kids(prep, {"pobj"})
            # "between Vietnamese and Cambodian officials": one party per country named
            for a in (
                _member_countries(sentence, pobj)
                or _localised(_resolve_coordinated(sentence, sentence.conjuncts(pobj)), context_country, [])
            )
            if _known(a)
        ]
        pairs = [(a, b) for a in parties for b in parties if a.actor.code != b.actor.code]
        if pairs:
            sources = [a for a, _ in pairs]
            evidence.append("parties named by 'between': each acts on the other")
    target_inferred = False
    placed_root = act_code[:2]
    place_targeted = placed_root in PLACE_TARGETED_ROOTS or act_code == "042" or bool(embedded_clauses)
    went_for = _went_for(sentence, token) if trigger.pos == "NOUN" else None
    hosting = went_for is not None and sentence.lemma(went_for) in HOSTING_VERBS
    if placed_root == "04" and content_token == token and hosting and not targets:
        # "Deng received Thatcher for talks", "welcomed the Lebanese president to Damascus for talks": whom the
        # verb the talks are the purpose of acts on is the other party.
        hosted = [
            a
            for a in _resolve_coordinated(sentence, sentence.kids(went_for, OBJECTS))
            if _known(a) and not {a.actor.country} & {s.actor.country for s in sources}
        ]
        if hosted:
            targets = hosted
            evidence.append(f"target: whom the talks' verb receives ({hosted[0].text!r})")
    if placed_root == "04" and content_token == token and went_for is not None:
        # "a Japanese delegation arrived in Washington for talks", "flew to Vienna for talks": who travels abroad
        # for talks meets the host; talks at home ("returned to Tokyo for talks") name no other party.
        if location is None:
            destinations = [
                _place_of(sentence, obj, depth=2)
                for prep in sentence.kids(went_for, {"prep"})
                if sentence.lemma(prep) == "to"
                for obj in sentence.kids(prep, {"pobj"})
            ]
            location, location_text = next(((p, t) for p, t in destinations if p is not None), (None, None))
        home_countries = {a.actor.country for a in sources if a.actor.country}
        place_targeted = location is not None and bool(home_countries) and location.country not in home_countries
    # "Khashoggi was murdered in Istanbul": a named victim the coder cannot code is not the place's country.
    named_victim = act_code[:2] in ASSAULT_ROOTS and any(
        sentence.entity_of.get(v, (0, 0, ""))[2] == "PERSON" for v in sentence.kids(token, OBJECTS | PASSIVE_SUBJECTS)
    )
    if not targets and not pairs and location is not None and location.country and place_targeted and not named_victim:
        # The attacked place's country, not its government: "strikes near Kyiv" target UKR, not UKRGOV.
        inferred = country_actor(location.name, location.country, f"place {location.name}")
        targets = [CodedActor(location_text or location.name, -1, -1, inferred)]
        target_inferred = True
        evidence.append(f"target inferred from the place of the event ({location.name})")
    own = {a.actor.country for a in sources if a.actor.country}
    addressed = (
        [a for a in _addressees(sentence, token) if a.actor.country not in own]
        if code[:2] in STATED_ROOTS and not pairs and not any(_known(a) for a in targets)
        else []
    )
    if addressed:
        # "Iraq told Kofi Annan that it would allow inspectors to return", "told Argentina it would not discuss
        # sovereignty": an intent, a refusal or a threat stated to someone is addressed to them.
        targets = addressed
        evidence.append(f"target: whom the statement was told ({addressed[0].text!r})")
    if not any(_known(a) for a in targets) and not pairs and act_code[:2] == MOBILIZE_ROOT and own:
        # "scrambled jets after Chinese bombers flew through the strait", "a show of force aimed at Iran": whom the
        # posture faces (where forces go may be no country: "sent a destroyer to the South Atlantic").
        if faced := _adversary_of_posture(sentence, token, own):
            targets = faced
            evidence.append(f"target: whom the force posture faces ({targets[0].text!r})")
        elif faced := _sole_foreign_country(sentence, token, own):
            targets = faced
            evidence.append(f"target: the one foreign country the sentence names ({targets[0].text!r})")
    elif (
        act_code[:2] == MOBILIZE_ROOT
        and own
        and (aimed := _aim_of_posture(sentence, own))
        and not {a.actor.country for a in aimed} & {a.actor.country for a in targets}
    ):
        # "dispatched carriers to the waters near Taiwan in a show of force aimed at Beijing": where forces go is
        # not whom they face when the sentence says whom.
        targets = aimed
        evidence.append(f"target: whom the force posture is aimed at ({targets[0].text!r})")
    if not targets and not pairs and act_code.startswith(YIELDING_CODES) and own:
        targets = _pressing_party(sentence, token, own)
        if targets:
            evidence.append(f"target: who pressed for what was yielded ({targets[0].text!r})")
    if not targets and not pairs and (act_code[:2] == AID_ROOT or act_code.startswith(AID_INTENT_CODE)):
        # "pledged 320 million euros in reconstruction aid for Afghanistan": whom the aid is for.
        targets = _recipient_of_aid(sentence, token, own)
        if targets:
            evidence.append(f"target: whom the aid is for ({targets[0].text!r})")
    domestic = act_code[:2] in DOMESTIC_ROOTS or act_code.startswith(DOMESTIC_CODES)
    if not targets and not pairs and domestic and (home := next((a for a in sources if a.actor.country), None)):
        # A curfew, an arrest, a protest, a resignation: done at home unless the sentence says otherwise.
        country = home.actor.country
        assert country is not None
        inferred = country_actor(country, country, "domestic")
        targets = [CodedActor(home.text, -1, -1, inferred)]
        target_inferred = True
        evidence.append(f"target inferred: a domestic act of {home.text!r} ({country})")
    if not sources and not pairs and act_code[:2] in UNNAMED_ATTACKER_ROOTS and any(_known(a) for a in targets):
        sources = _nation_of_happening(sentence, token, evidence)
        if not sources and not _doer_named(sentence, token):
            # "a roadside bomb near Samarra killed a soldier": an attack by no one named is coded to the country it
            # happened in, as ICEWS codes "Unidentified Gunmen (Iraq)"; someone or some place must have been hit.
            sources = _inferred_from_place(location, location_text, "unidentified attackers in the place", evidence)
    if not sources and not pairs and act_code[:2] == PROTEST_ROOT and not _has_subject(sentence, token):
        # "rioting broke out in central London", "protests spread across Kenya": people of the place, unnamed, as
        # ICEWS codes "Protester (United Kingdom)".
        sources = _inferred_from_place(location, location_text, "unnamed protesters in the place", evidence)
    if not any(_known(a) for a in sources + targets):
        return
    consultation = act_code[:2] == "04" and content_token == token
    # Members of a group or organisation consult each other ("Western leaders met in Brussels").
    among_members = any(a.actor.country is None and a.actor.code is not None for a in sources)
    if (
        consultation
        and not pairs
        and not among_members
        and not (any(_known(a) for a in sources) and (targets or act_code == "045" or _partner_named(sentence, token)))
    ):
        # "the cabinet met on Sunday": a consultation needs both parties (a mediator, the parties may go unnamed).
        return
    only_places = all(a.actor.matched.startswith("place ") for a in targets if _known(a))
    if (
        (target_inferred or only_places)
        and not any(_known(a) for a in sources)
        and act_code[:2] not in UNNAMED_ACTOR_ROOTS
    ):
        # Only a place and no one acting ("retreated to New Mexico", "disarmed a shooter at a restaurant in
        # Texas"): too little to code, except where the doers often go unnamed ("twin bombings struck Jolo",
        # "protests continue in Baghdad", "nine men were jailed in Bradford").
        return
    found_date = _date_for(sentence, content_token, published)
    if found_date is None and content_token != token:
        found_date = _date_for(sentence, token, published)
    reported_by = _reported_by(sentence, token)
    if reported_by is not None and event_mode == "asserted":
        event_mode = "reported"
    trigger_text = sentence.a.words[token]
    trigger_start = sentence.a.offsets[token]
    if _hyphenated(sentence, token):
        # "build-up", split at its hyphen by the tokenizer: the evidence shows the whole word.
        word_start = sentence.a.offsets[token - 2]
        trigger_text = sentence.text[word_start : trigger_start + len(trigger_text)]
        trigger_start = word_start
    seen: set[tuple[str | None, str | None]] = set()
    for source, target in pairs or [(s, t) for s in sources or [None] for t in targets or [None]]:
        if (
            source is not None
            and target is not None
            and source.actor.code == target.actor.code
            and (
                (source.start < target.end and target.start < source.end)
                or target.text.lower() in PRONOUNS
                or target.actor.matched == source.actor.matched
            )
        ):
            # The same phrase, or the same person again ("he discussed how he ..."); "Turkey will allow Turkish
            # refugees to return" keeps its target.
            target = None
        pair = (_code_or_text(source), _code_or_text(target))
        if pair in seen:
            continue  # "the air force and air defense officials of Russia": one target, once
        seen.add(pair)
        event = CodedEvent(
            trigger_text=trigger_text,
            trigger_start=trigger_start,
            trigger_end=trigger_start + len(trigger_text),
            cameo_code=entry.code,
            cameo_root=entry.root,
            cameo_name=entry.name,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            plover_type=entry.plover_type,
            plover_mode=entry.plover_mode,
            event_mode=event_mode,
            negated=negated,
            source=source,
            target=target,
            event_date=found_date.resolved if found_date else None,
            date_text=found_date.text if found_date else None,
            date_rule=found_date.rule if found_date else None,
            reported_by=reported_by,
            plover_context=entry.plover_context,
            location=location,
            location_text=location_text,
            confidence=0.0,
            evidence=list(evidence),
        )
        if not (_known(source) or _known(target)):
            continue
        event.confidence = _confidence(event, trigger.pos, target_inferred and target is not None)
        yield event
