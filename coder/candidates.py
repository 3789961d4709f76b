"""Finding the triggers of a sentence: lexicon words whose requirements hold, refined to the most specific
CAMEO code their phrase supports, with what frames, absorbs or folds into what."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from coder.coded import _Candidate
from coder.lexicon import Trigger, trigger_rows
from coder.sentence import ParsedSentence, _carries, _clause_verb, _phrase_tokens, _repaired_lemma, _time_expression
from coder.vocabulary import (
    ASPECTUAL_VERBS,
    ASSAULT_ROOTS,
    CLAUSE_STOPS,
    COMMENT_ROOTS,
    COUNTING_NOUNS,
    ENACTING_VERBS,
    GENERIC_VIOLENCE_CODES,
    HOSTILE_ROOTS,
    LIGHT_VERBS,
    OBJECT_LIGHT_VERBS,
    OBJECTS,
    PASSIVE_SUBJECTS,
    PEACEKEEPING_WORDS,
    PLACE_NOUNS,
    PRONOUNS,
    SUBJECTS,
)
from coder.when import MONTHS, WEEKDAYS
from coder.who import _for_clauses, _whole_of
from schemas.records import Annotation

COLLAPSE_VERBS = frozenset("collapse stall founder".split())
HALTED_NEGOTIATIONS_CODE = "164"
ATTEMPT_WORDS = frozenset({"attempt", "try"})
ABOUT_PREPOSITIONS = frozenset({"over", "about", "regarding", "concerning", "against", "for"})


def _needs_met(sentence: ParsedSentence, token: int, trigger: Trigger, refined: str | None) -> bool:
    return _need_met(sentence, token, trigger, refined) and all(
        _need_met(sentence, token, replace(trigger, needs_kind=kind, needs_values=values, also=()), refined)
        for kind, values in trigger.also
    )


def _need_met(sentence: ParsedSentence, token: int, trigger: Trigger, refined: str | None) -> bool:
    if trigger.needs_kind is None:
        return True
    if trigger.needs_kind == "refine":
        return refined is not None
    if trigger.needs_kind == "frame":
        # Checked once the embedded events are known; "frame=xcomp": only through a clause of that kind ("told
        # Beijing to withdraw", not "told Scientific American" before a quotation).
        return not trigger.needs_values or any(
            sentence.dep(c) in trigger.needs_values for c in sentence.children[token]
        )
    if trigger.needs_kind == "nodep":
        return not any(sentence.dep(c) in trigger.needs_values for c in sentence.children[token])
    if trigger.needs_kind == "object":
        # "gave Saddam Hussein 48 hours to leave": what is given, not what the phrase mentions ("speeches on the day").
        # "met one of the main demands": a part of what is named is what is named.
        objects = sentence.kids(token, {"dobj", "dative", "npadvmod"})
        return any(
            sentence.lemma(c) in trigger.needs_values for c in objects + [_whole_of(sentence, o) for o in objects]
        )
    if trigger.needs_kind == "named":
        # "Britain recognised Croatia and Slovenia", "Israel recognised the PLO": a state or a body named as the object
        # (not "recognised the need").
        return any(
            sentence.entity_of.get(c, (0, 0, ""))[2] in ("GPE", "ORG", "NORP")
            for c in sentence.children[token]
            if sentence.dep(c) in trigger.needs_values
        )
    if trigger.needs_kind == "placed":
        # "withdrew from the Golan Heights", "pulled out of southern Lebanon": a preposition naming a place.
        return any(
            sentence.entity_of.get(o, (0, 0, ""))[2] in ("GPE", "LOC", "FAC") or sentence.lemma(o) in TERRITORY_NOUNS
            for prep in sentence.kids(token, {"prep"})
            if sentence.lemma(prep) in trigger.needs_values
            for o in sentence.kids(prep, {"pobj"})
        )
    if trigger.needs_kind == "nochild":
        return not any(sentence.lemma(c) in trigger.needs_values for c in sentence.children[token])
    if trigger.needs_kind == "head":
        if _dated_deed(sentence, token):
            return True
        # "launched artillery, mortar and rocket fire": the head of the first of the coordinated nouns.
        node = token
        while sentence.dep(node) == "conj" and sentence.head(node) != node and sentence.a.pos[node] == "NOUN":
            node = sentence.head(node)
        # "announced $2 billion in military aid", "approved a package of aid": through the amount it is counted in.
        head = sentence.head(_counted_in(sentence, node))
        if sentence.lemma(head) in trigger.needs_values:
            return True
        # "forces were placed on full combat readiness": the verb an "on" phrase hangs on.
        on = sentence.dep(head) == "prep" and sentence.lemma(head) == "on"
        return on and sentence.lemma(sentence.head(head)) in trigger.needs_values
    if trigger.needs_kind == "modal":
        return any(_modal_clause(sentence, clause, trigger) for clause in sentence.kids(token, {"ccomp"}))
    if trigger.needs_kind == "child":
        # "its call for Israel to lift the blockade": the "for" of a for-to clause is the noun's "for" phrase.
        if "for" in trigger.needs_values and _for_clauses(sentence, token):
            return True
        # Not the infinitive marker: "to protest against" has no "to" phrase; nor a time phrase: "called off the
        # talks on Wednesday" is no call on anyone.
        return any(
            sentence.lemma(c) in trigger.needs_values
            and sentence.dep(c) != "aux"
            and not (
                sentence.lemma(c) in ("on", "in", "at")
                and any(_time_expression(sentence, o) for o in sentence.kids(c, {"pobj"}))
            )
            for c in sentence.children[token]
        )
    return any(sentence.dep(c) in trigger.needs_values for c in sentence.children[token])


# Places a force withdraws from, told by their common nouns.
TERRITORY_NOUNS = PLACE_NOUNS | frozenset(
    "territory territories heights strip bank zone enclave peninsula island islands corridor base bases area areas"
    " region border frontier".split()
)
AMOUNT_NOUNS = frozenset("euro dollar pound yen yuan rupee package tranche sum worth".split())


def _counted_in(sentence: ParsedSentence, noun: int) -> int:
    """The amount a noun is counted in ("$2 billion" in "$2 billion in aid", "a package" of aid), else the noun."""
    prep = sentence.head(noun)
    if sentence.dep(noun) == "pobj" and sentence.lemma(prep) in ("in", "of") and _is_amount(sentence, prep):
        return sentence.head(prep)
    return noun


def _is_amount(sentence: ParsedSentence, prep: int) -> bool:
    """Whether the word a preposition hangs on is an amount: "$2 billion in", "50 billion euros in", "a package of"."""
    amount = sentence.head(prep)
    entity = sentence.entity_of.get(amount)
    return amount != prep and (
        sentence.a.tags[amount] == "CD"
        or sentence.lemma(amount) in AMOUNT_NOUNS
        or (entity is not None and entity[2] == "MONEY")
    )


# Verbs of being and having: "should be immune", "would be a disaster", "must have the backs of our allies" judge a
# state of affairs; they ask for, or threaten, no act.
# Nor do verbs of knowing: "people must know that ...", "they should understand".
STATE_VERBS = frozenset("be have remain stay become seem appear know understand remember realize realise".split())
FIRST_PERSON = frozenset({"i", "we", "us"})


def _first_person(sentence: ParsedSentence, token: int) -> bool:
    """ "we", "us", "I": a pronoun, not "the US" (whose lower-cased word is "us")."""
    return sentence.a.tags[token] == "PRP" and sentence.a.words[token].lower() in FIRST_PERSON


def _modal_clause(sentence: ParsedSentence, clause: int, trigger: Trigger) -> bool:
    """Whether a clause under "said"/"warned" with one of the trigger's modals ("China must drop barriers",
    "they would retaliate") states an act asked for or threatened, rather than an opinion."""
    auxiliaries = sentence.kids(clause, {"aux", "auxpass"})
    if not any(sentence.a.words[aux].lower() in trigger.needs_values for aux in auxiliaries) and not (
        # "insisted that North Korea dismantle its programme": the mandative subjunctive asks for an act, too.
        "subjunctive" in trigger.needs_values and _subjunctive(sentence, clause)
    ):
        return False
    if sentence.lemma(clause) in STATE_VERBS:
        return False
    # "We must stand together": a demand is made of someone else; what the speakers say they must do is an opinion.
    subjects = sentence.kids(clause, SUBJECTS | PASSIVE_SUBJECTS)
    return not (trigger.frame == "demand" and any(_first_person(sentence, s) for s in subjects))


# De-escalations and cuts, which take in what they stop.
STOPPING_ROOTS = frozenset({"08", "16"})


def _stopped_by(sentence: ParsedSentence, token: int, found: dict[int, _Candidate]) -> int | None:
    """The candidate a trigger is named as the object of, as what may stop it: the gerund of a verb ("halted
    cooperating"), the "of" or "to" phrase of a noun ("a cessation of attacks", "a halt to the shelling")."""
    head = sentence.head(token)
    if sentence.dep(token) == "xcomp" and sentence.a.tags[token] == "VBG":
        stopping = head
    elif sentence.dep(token) == "pobj" and sentence.lemma(head) in ("of", "to"):
        stopping = sentence.head(head)
        if stopping not in found or found[stopping].trigger.pos != "NOUN":
            return None
    else:
        return None
    return stopping if stopping in found and stopping != token else None


def _hyphen_word(words: list[str], index: int) -> str:
    """The word a token ends when the tokenizer split it at a hyphen ("build" "-" "up": "build-up"); "" when the
    word before it is no hyphen."""
    if index < 2 or words[index - 1] != "-":
        return ""
    return f"{words[index - 2].lower()}-{words[index].lower()}"


def _hyphenated(sentence: ParsedSentence, token: int) -> str:
    """The word a token ends when the tokenizer split it at a hyphen: "build-up", "call-up" (read as "up" with the
    compound "build"); "" otherwise."""
    word = _hyphen_word(sentence.a.words, token)
    return word if word and sentence.head(token - 2) == token else ""


def _dated_deed(sentence: ParsedSentence, noun: int) -> bool:
    """A noun that names its doer and its own day is a deed that happened, whatever verb carries it: "Suharto's
    resignation on Thursday ... made Habibie president", "a warning by Mugabe on Friday" (a bare "his resignation"
    may be any time's, so nouns that need a carrying verb still need one)."""
    doers = sentence.kids(noun, {"poss"}) + [
        o for p in sentence.kids(noun, {"prep"}) if sentence.lemma(p) == "by" for o in sentence.kids(p, {"pobj"})
    ]
    # Named: "its readiness on Tuesday to resume talks" is a stance, "his resignation on November 21" a back-story.
    if not any(sentence.a.pos[d] == "PROPN" for d in doers):
        return False
    # "Britain's severing of relations with Argentina on Saturday left ...": the parser may hang the day on the verb
    # the noun is the subject of.
    holders = [noun] + ([sentence.head(noun)] if sentence.dep(noun) in ("nsubj", "nsubjpass") else [])
    days = [d for h in holders for d in sentence.kids(h, {"npadvmod"})] + [
        o
        for h in holders
        for p in sentence.kids(h, {"prep"})
        if sentence.lemma(p) == "on"
        for o in sentence.kids(p, {"pobj"})
    ]
    return any(sentence.entity_of.get(d, (0, 0, ""))[2] == "DATE" for d in days)


def _subjunctive(sentence: ParsedSentence, verb: int) -> bool:
    """A verb in the bare form with a subject and no auxiliary: "that North Korea dismantle"; also a plural present
    form with a singular noun subject, which the small model tags for "that Ethiopia withdraw", or a past tag on
    the bare form itself ("insisted on Friday that Britain scrap the plan": a past "scrapped" would differ)."""
    subjects = sentence.kids(verb, SUBJECTS)
    if not subjects or sentence.kids(verb, {"aux"}):
        return False
    tag = sentence.a.tags[verb]
    singular = all(sentence.a.tags[s] in ("NN", "NNP") for s in subjects)
    bare_past = tag == "VBD" and sentence.a.words[verb].lower() == sentence.lemma(verb) and singular
    return tag == "VB" or (tag == "VBP" and singular) or bare_past


NAME_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def _enclosing_relative_clause(sentence: ParsedSentence, token: int) -> int | None:
    """The relative clause a token belongs to (its own head word), if any."""
    node = token
    for _ in range(8):
        if sentence.dep(node) == "relcl":
            return node
        if sentence.head(node) == node:
            return None
        node = sentence.head(node)
    return None


def _refine(sentence: ParsedSentence, token: int, trigger: Trigger) -> str | None:
    if not trigger.refinements:
        return None
    # The object's words first ("halted economic aid ... to end the fighting" is about aid), then the clause's.
    # "allowed UN inspectors to return": the subject of the clause a verb lets happen is what it acts on, too.
    acted_on = sentence.kids(token, OBJECTS | {"compound", "amod"}) + [
        s for clause in sentence.kids(token, {"ccomp", "xcomp"}) for s in sentence.kids(clause, SUBJECTS)
    ]
    primary = {
        word
        for obj in acted_on
        # not "a budget that allocates funding", "a resolution calling for a ceasefire"
        for t in sentence.subtree(obj, stop=frozenset({"relcl", "acl"}))
        for word in (sentence.lemma(t), sentence.a.words[t].lower())
    }
    skipped = sentence.unrefining
    if (own_clause := _enclosing_relative_clause(sentence, token)) is not None:
        # "the US, which has retreated from its goal of ousting Assad": a trigger inside a relative clause is
        # refined by its own clause's words (not by clauses deeper down, nor by the modifying words of names).
        own_words = set(sentence.subtree(own_clause))
        deeper = {t for r in own_words if r != own_clause and sentence.dep(r) == "relcl" for t in sentence.subtree(r)}
        names = {t for t in own_words if sentence.a.pos[t] == "PROPN" and sentence.dep(t) in NAME_MODIFIER_DEPS}
        skipped = (skipped - own_words) | deeper | names
    words = {sentence.lemma(t).lower() for t in sentence.subtree(token, stop=CLAUSE_STOPS) if t not in skipped}
    words |= {sentence.a.words[t].lower() for t in sentence.subtree(token) if t not in skipped}
    if trigger.pos == "NOUN":
        verb = _clause_verb(sentence, token)
        if _carries(sentence, verb, token, trigger):
            # "their forces had completed their withdrawal": the light verb's subject says what withdrew.
            words |= {sentence.lemma(t) for s in sentence.kids(verb, SUBJECTS) for t in sentence.subtree(s)}
    elif sentence.dep(token) == "xcomp" and sentence.lemma(sentence.head(token)) in ASPECTUAL_VERBS:
        # "Ugandan troops began withdrawing": the aspectual verb's subject says what withdrew.
        aspectual = sentence.head(token)
        words |= {sentence.lemma(t) for s in sentence.kids(aspectual, SUBJECTS) for t in sentence.subtree(s)}
    elif sentence.dep(token) == "xcomp" and sentence.lemma(sentence.head(token)) in ENACTING_VERBS:
        # "Israel ordered its army to withdraw": who is ordered says what withdrew.
        enacting = sentence.head(token)
        words |= {sentence.lemma(t) for o in sentence.kids(enacting, {"dobj"}) for t in sentence.subtree(o)}
    for candidates in (primary, words):
        for rule in trigger.refinements:
            if rule.words & candidates:
                return rule.cameo
    # "China freed two Canadians", "released three Americans": people named by their nationality are persons; so is
    # a person named ("freed Nelson Mandela"). Only for verbs of releasing: "returned two Venezuelans" may be a
    # deportation.
    nationals = trigger.cameo == "0841" and any(
        sentence.a.pos[obj] in ("NOUN", "PROPN")
        and (
            (sentence.entity_of.get(obj, (0, 0, ""))[2] == "NORP" and sentence.a.words[obj].lower().endswith("s"))
            or sentence.entity_of.get(obj, (0, 0, ""))[2] == "PERSON"
        )
        for obj in sentence.kids(token, OBJECTS)
    )
    return "0841" if nationals else None


# "ordered the ambassador to leave", "told two diplomats to leave the country", "gave 18 diplomats 48 hours to
# leave": an order to go, given to people a state can expel, is an expulsion, coded as "expel" would code it.
ORDERING_VERBS = frozenset("order tell ask instruct direct give".split())
LEAVING_VERBS = frozenset("leave depart quit exit".split())
COUNTRY_NOUNS = frozenset("country nation territory soil kingdom emirate republic island islands state".split())


def may_hold_trigger(annotation: Annotation) -> bool:
    """Whether :func:`_find_candidates` could find a trigger in the sentence, told from its words, lemmas and POS
    alone: a token whose lemma and POS start an event, with one of the words it requires anywhere in the sentence
    (:func:`trigger_requirements`). An over-approximation, for the cascade, which asks it before the costliest
    component (the entity recogniser) runs: False means no event can be coded in the sentence, whatever its
    entities."""
    requirements = trigger_requirements()
    present: set[str] | None = None
    words = annotation.words
    for index, (word, lemma, pos) in enumerate(zip(words, annotation.lemmas, annotation.pos, strict=True)):
        if pos not in ("VERB", "NOUN"):
            continue
        # A word tagged a verb may be a noun the repairs restore ("staged missile exercises"/VBZ).
        base = _repaired_lemma(word, lemma)
        keys = [(base, pos), (base, "NOUN")] if pos == "VERB" else [(base, pos)]
        if hyphen_word := _hyphen_word(words, index):
            keys.append((hyphen_word, pos))  # "build-up", without the parse _hyphenated also asks
        for key in keys:
            if key not in requirements:
                continue
            required = requirements[key]
            if required is None:
                return True
            if present is None:
                present = {word.lower() for word in annotation.words}
                present |= {
                    _repaired_lemma(w, base) for w, base in zip(annotation.words, annotation.lemmas, strict=True)
                }
            if required & present:
                return True
    return False


@cache
def trigger_requirements() -> dict[tuple[str, str], frozenset[str] | None]:
    """For each (lemma, POS) that can start an event, the words (lemmas or lower-cased forms) one of which the
    sentence must also hold for the coder to find a candidate there; None when it needs none.

    What a trigger's needs ask of its children, head or subtree (:func:`_needs_met`, ``_refine``) is asked of the
    whole sentence; needs on dependency labels, which only the parse can tell, require nothing. An ordering verb
    expels with a verb of leaving or "out" (``_expulsion``); a verb of arriving delivers with a word of relief
    (``_relief_arriving``); an act noun the coder can lay at someone's door also counts with a word of blame
    (``_blamed_acts``: "said Iran was behind the attack")."""
    requirements: dict[tuple[str, str], frozenset[str] | None] = {}

    def require(key: tuple[str, str], words: frozenset[str] | None) -> None:
        if key in requirements and requirements[key] is None:
            return
        requirements[key] = None if words is None else requirements.get(key, frozenset()) | words

    for key, rows in trigger_rows().items():
        for trigger in rows:
            require(key, _required_words(trigger))
        if key[1] == "NOUN" and any(row.cameo[:2] in BLAMEWORTHY_ROOTS for row in rows):
            require(key, BLAMING_WORDS)
    for verb in ORDERING_VERBS:
        require((verb, "VERB"), LEAVING_VERBS | {"out", "withdraw"})
    for verb in LEAVING_VERBS:
        require((verb, "VERB"), ORDERING_VERBS)
    for verb in ARRIVING_VERBS | LANDING_VERBS | {"fly"}:
        # "relief planes landed in Addis Ababa", "doctors arrived", "a rescue team flew in" (``_relief_arriving``)
        require((verb, "VERB"), RELIEF_WORDS | RESCUE_WORDS | {w + "s" for w in RESCUERS} | PEACEKEEPING_WORDS)
    return requirements


def _required_words(trigger: Trigger) -> frozenset[str] | None:
    """The words one of which a trigger's needs ask for (:func:`_needs_met`), or None when the words cannot tell."""
    kind, values = trigger.needs_kind, frozenset(trigger.needs_values)
    if kind == "refine":
        if trigger.cameo == "0841":
            return None  # released nationals, told by their entities
        return trigger.refinement_words
    if kind == "head" and trigger.pos == "NOUN":
        # ... or a day of its own, with a named doer (:func:`_dated_deed`: "Suharto's resignation on Thursday").
        return values | WEEKDAYS | MONTHS | {"yesterday", "today"}
    if kind in ("head", "child"):
        return values
    if kind == "modal" and "subjunctive" not in values:
        return values
    return None


def _leaves_a_country(sentence: ParsedSentence, verb: int) -> bool:
    """Whether a verb of leaving leaves a country or a place in one ("leave the country", "leave Buenos Aires",
    "leave within 72 hours"), not a room or a meeting ("told reporters to leave the room")."""
    places = sentence.kids(verb, {"dobj", "obj"})
    return not places or any(
        sentence.lemma(p) in PLACE_NOUNS | COUNTRY_NOUNS
        or sentence.entity_of.get(p, (0, 0, ""))[2] in ("GPE", "LOC")
        or sentence.a.pos[p] == "PROPN"
        for p in places
    )


def _sent_away(sentence: ParsedSentence, token: int) -> list[int]:
    """Who an ordering verb sends away ("ordered the ambassador to leave", "ordered him out of the country"),
    else nothing."""
    if sentence.lemma(token) not in ORDERING_VERBS:
        return []
    # "ordered the mission to pack up and leave": a verb of leaving, or one coordinated with it; "ordered the
    # agencies to pull their staff out", "to withdraw": a verb of pulling out.
    leaving = any(
        sentence.a.pos[c] == "VERB"
        and (
            (sentence.lemma(c) in LEAVING_VERBS and _leaves_a_country(sentence, c))
            or sentence.lemma(c) == "withdraw"
            or (
                sentence.lemma(c) == "pull"
                and any(sentence.lemma(p) == "out" for p in sentence.kids(c, {"prt", "prep"}))
            )
        )
        for clause in sentence.kids(token, {"xcomp", "advcl", "ccomp"})
        for c in [clause, *sentence.clause_conjuncts(clause)]
    )
    # "ordered him out of the country": the compound preposition "out of" on the verb itself, or hung by the parser on
    # what describes the one ordered ("ordered two inspectors monitoring the reactor out of the country").
    holders = [token] + [a for o in sentence.kids(token, {"dobj"}) for a in sentence.kids(o, {"acl"})]
    leaving = leaving or (
        sentence.lemma(token) == "order"
        and any(
            sentence.lemma(c) == "out" and any(sentence.lemma(o) == "of" for o in sentence.kids(c, {"prep"}))
            for holder in holders
            for c in sentence.kids(holder, {"prep", "prt", "advmod"})
        )
    )
    if not leaving:
        return []
    # "gave 18 Russian diplomats 48 hours": the one given the time, not the time; a passive's subject
    # ("the envoy was ordered to leave") is the one sent away.
    people = sentence.kids(token, {"dative", "iobj"}) or sentence.kids(token, {"dobj", "obj"})
    return people or sentence.kids(token, PASSIVE_SUBJECTS)


# "A Red Cross convoy carrying food reached Srebrenica", "Swedish relief planes landed in Addis Ababa": relief that
# arrives is relief delivered (073), by whoever the conveyance belongs to.
ARRIVING_VERBS = frozenset("arrive reach land dock enter cross touch".split())
# With "ashore"; the small model lemmatises "waded" as "wad".
LANDING_VERBS = frozenset("come wade wad go swarm stream".split())
CONVEYANCES = frozenset(
    "convoy plane planes aircraft airlift flight ship freighter vessel truck trucks lorry lorries helicopter barge"
    " airplane transport transports jet airliner ferry hercules shipment consignment cargo".split()
)
# People whose arrival is help: "Cuban doctors arrived in Pakistan's earthquake zone"; a team of them, or one named
# for its work ("a search-and-rescue team").
RESCUERS = frozenset("doctor medic paramedic nurse rescuer surgeon".split())
RESCUE_WORDS = RESCUERS | frozenset("rescue medical surgical relief humanitarian doctors medics".split())
TEAM_NOUNS = frozenset("team group contingent unit crew squad brigade".split())
RELIEF_WORDS = frozenset(
    "relief aid food medicine medicines medical humanitarian supplies flour rice grain wheat tent tents blanket"
    " blankets vaccine vaccines water ration rations biscuit biscuits maize milk".split()
)


def _relief_arriving(
    sentence: ParsedSentence, token: int, table: dict[tuple[str, str], tuple[Trigger, ...]]
) -> _Candidate | None:
    """An arrival whose subject is a conveyance of relief ("a Red Cross convoy carrying food reached the enclave") or
    people who come to help ("Cuban doctors arrived in the earthquake zone") as the humanitarian aid it delivers."""
    deliver = table.get(("deliver", "VERB"))
    # "doctors flew into Islamabad", "marines waded ashore": flying into a place, coming ashore is arriving there.
    flown_in = sentence.lemma(token) == "fly" and any(
        sentence.lemma(c) in ("into", "to") for c in sentence.kids(token, {"prep"})
    )
    ashore = sentence.lemma(token) in LANDING_VERBS and any(
        sentence.a.words[c].lower() == "ashore" for c in sentence.children[token]
    )
    if (sentence.lemma(token) not in ARRIVING_VERBS and not flown_in and not ashore) or not deliver:
        return None
    # What the arrival brings may be told on the verb: "landed in Beira with water tanks", "arrived carrying food".
    cargo = [
        t
        for c in sentence.kids(token, {"prep", "advcl", "xcomp"})
        if sentence.lemma(c) in ("with", "carry", "bring", "bear")
        for t in sentence.subtree(c)
    ]
    # "waded ashore as the first contingent of a UN peacekeeping force": what the arrivals came as.
    role = [t for a in sentence.objects_of(token, {"as"}) for t in sentence.subtree(a)]
    for subject in sentence.kids(token, SUBJECTS):
        told = sentence.subtree(subject) + role
        words = {sentence.lemma(t) for t in told} | {sentence.a.words[t].lower() for t in told}
        if words & PEACEKEEPING_WORDS:
            # "units of an Indian peacekeeping force landed on the Jaffna peninsula": peacekeepers deployed (074).
            return _Candidate(token, deliver[0], "074")
        if sentence.lemma(subject) in RESCUERS or (sentence.lemma(subject) in TEAM_NOUNS and words & RESCUE_WORDS):
            return _Candidate(token, deliver[0], "073")  # "Cuban doctors arrived in the earthquake zone"
        if sentence.lemma(subject) not in CONVEYANCES:
            continue
        words |= {sentence.lemma(t) for t in cargo}
        if words & RELIEF_WORDS:
            return _Candidate(token, deliver[0], "073")
    return None


def _expulsion(
    sentence: ParsedSentence, token: int, table: dict[tuple[str, str], tuple[Trigger, ...]]
) -> _Candidate | None:
    """An ordering verb that sends away people a state expels (diplomats, journalists, aid workers ...), as the
    expulsion it is; residents told to leave their homes are not expelled."""
    people = _sent_away(sentence, token)
    expel = table.get(("expel", "VERB"))
    if not people or not expel:
        return None
    words = {sentence.lemma(t) for p in people for c in sentence.conjuncts(p) for t in _phrase_tokens(sentence, c)}
    code = next((rule.cameo for rule in expel[0].refinements if rule.words & words), None)
    return None if code is None else _Candidate(token, expel[0], code)


# "Israel said Iran was behind the attack", "officials said Russia was responsible for the cyberattack": a statement
# that someone did a harmful act is an accusation of the statement's subject against the clause's subject.
ASSERTING_VERBS = frozenset("say claim allege insist believe assert state conclude suspect add".split())
CULPABLE_WORDS = frozenset("responsible accountable culpable".split())
# Words without which no act is laid at anyone's door: "was behind", "was responsible for", "blamed".
BLAMING_WORDS = CULPABLE_WORDS | {"behind", "blame"}
# Acts one is accused of being behind: force, coercion, threats and protests ("said Washington was behind the
# protests"), not talks or aid.
BLAMEWORTHY_ROOTS = HOSTILE_ROOTS | {"14"}


def _blamed_acts(sentence: ParsedSentence, token: int) -> list[int]:
    """The act nouns an asserting verb's clause lays at someone's door ("said Iran was behind the attack"), if any."""
    if sentence.lemma(token) not in ASSERTING_VERBS:
        return []
    table = trigger_rows()
    acts = []
    for clause in sentence.kids(token, {"ccomp"}):
        subjects = sentence.kids(clause, SUBJECTS)
        if sentence.lemma(clause) != "be" or not subjects:
            continue
        # "Hamas said it was behind the attack" claims the act; "said it was not behind" denies it.
        if any(sentence.a.words[s].lower() in PRONOUNS or _first_person(sentence, s) for s in subjects):
            continue
        if sentence.kids(clause, {"neg"}):
            continue
        holders = [p for p in sentence.kids(clause, {"prep"}) if sentence.lemma(p) == "behind"]
        holders += [
            p
            for word in sentence.kids(clause, {"acomp", "attr", "xcomp"})
            if sentence.lemma(word) in CULPABLE_WORDS | {"blame"}
            for p in sentence.kids(word, {"prep"})
            if sentence.lemma(p) == "for"
        ]
        # Only acts the codebook knows as events: "was behind the house", "responsible for education" accuse no one.
        # "responsible for the attack", "responsible for sinking the warship": the act as a noun or a gerund.
        acts += [
            act
            for holder in holders
            for act in sentence.kids(holder, {"pobj", "pcomp"})
            if sentence.a.pos[act] in ("NOUN", "VERB")
            and (rows := table.get((sentence.lemma(act), sentence.a.pos[act])))
            and any(row.cameo[:2] in BLAMEWORTHY_ROOTS for row in rows)
        ]
    return acts


def _find_candidates(sentence: ParsedSentence) -> dict[int, _Candidate]:
    table = trigger_rows()
    found: dict[int, _Candidate] = {}
    blamed: dict[int, list[int]] = {}  # a statement coded as an accusation → the acts it blames someone for
    for token in range(len(sentence)):
        pos = sentence.a.pos[token]
        key_pos = "VERB" if pos == "VERB" else "NOUN" if pos == "NOUN" else None
        if key_pos is None:
            continue
        if key_pos == "VERB" and (expulsion := _expulsion(sentence, token, table)) is not None:
            found[token] = expulsion
            continue
        if key_pos == "VERB" and (delivery := _relief_arriving(sentence, token, table)) is not None:
            found[token] = delivery
            continue
        if key_pos == "VERB" and (accuse := table.get(("accuse", "VERB"))) and (acts := _blamed_acts(sentence, token)):
            found[token] = _Candidate(token, accuse[0], accuse[0].cameo)
            blamed[token] = acts
            continue
        rows = table.get((sentence.lemma(token), key_pos)) or table.get((_hyphenated(sentence, token), key_pos))
        if rows is None:
            continue
        entity = sentence.entity_of.get(token)
        if entity is not None and entity[2] in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"):
            continue  # part of a name: "Capitol Hill Occupied Protests", "the Arms Trade Treaty"
        for trigger in rows:
            refined = _refine(sentence, token, trigger)
            if _needs_met(sentence, token, trigger, refined):
                code = refined or trigger.cameo
                if code == "186" and sentence.lemma(sentence.head(token)) in ATTEMPT_WORDS:
                    code = "185"  # "an attempt to assassinate the governor": CAMEO's own category
                found[token] = _Candidate(token, trigger, code)
                break
    # The act blamed is what the accusation is about, not a second event with no one doing it.
    for token, acts in blamed.items():
        for act in acts:
            if token in found and act in found:
                found[token].absorbed.append(found.pop(act))
    # "delegates pledged to Sanders", "funds promised for the rebuilding": a participle of intent on the thing
    # promised, with no one named who promised it, says what the thing is, not that anyone acted.
    for token in list(found):
        if (
            found[token].code[:2] == "03"
            and sentence.dep(token) == "acl"
            and sentence.a.tags[token] in ("VBN", "VBD")  # the small model tags some such participles VBD
            and not sentence.kids(token, {"agent"})
        ):
            del found[token]
    # A noun trigger that is the object of a verb trigger is part of that event ("imposed sanctions").
    for token in list(found):
        if token not in found:
            continue  # already taken in, as the carrier of a noun met earlier in this loop
        verb = _object_holder(sentence, token)
        if found[token].trigger.pos == "NOUN" and verb is not None and verb in found:
            noun, governor = found[token].trigger, found[verb].trigger
            # "vowed support for Azerbaijan": a verb that is an event only when it frames one ("vowed to send")
            # carries a noun that names it as its head.
            # "promised retaliation against Israel": an intent verb carrying a threat noun makes the threat.
            threat_carrier = governor.frame == "intent" and noun.cameo[:2] == "13"
            carrier = (governor.needs_kind == "frame" or threat_carrier) and noun.needs_kind == "head"
            carrier = carrier and governor.lemma in noun.needs_values
            if sentence.lemma(verb) in LIGHT_VERBS | OBJECT_LIGHT_VERBS or carrier:
                # "gave the Serbs an ultimatum", "launched an attack": the noun is the event, the verb carries it.
                found[token].absorbed.append(found[verb])
                del found[verb]
            else:
                found[verb].absorbed.append(found[token])
                del found[token]
    # "stop fighting", "a cessation of attacks", "the suspension of aid": what a de-escalation or a cut stops is part
    # of it, not a second event.
    for token in list(found):
        stopping = _stopped_by(sentence, token, found)
        if stopping is not None and found[stopping].code[:2] in STOPPING_ROOTS:
            found[stopping].absorbed.append(found[token])
            del found[token]
    # What is rejected, criticised or worried about, or what protesters demand, is part of that event:
    # "rejected calls by X for aid" is one rejection, "denounced Serbia's suppression of unrest" one
    # denunciation (of Serbia), "rallied to demand reforms" one protest.
    for token in list(found):
        governor = _governing_candidate(sentence, token, found)
        if governor is None:
            continue
        outer, inner = found[governor], found[token]
        rejected_thing = outer.trigger.frame == "reject" and (
            inner.trigger.pos == "NOUN" or _gerund_of(sentence, token)
        )
        criticised_thing = outer.code[:2] in COMMENT_ROOTS and (
            inner.trigger.pos == "NOUN" or _gerund_of(sentence, token)
        )
        # "called for sanctions against Nigeria", "demanded the withdrawal of troops": asked for, not done.
        requested_thing = outer.trigger.frame in ("appeal", "demand") and inner.trigger.pos == "NOUN"
        protest_demand = outer.code[:2] == "14" and inner.code[:2] in ("02", "10")
        # "bowed to demands from the Arab League", "conceded to UNITA's demands": the demand is what is yielded to.
        yielded_to = outer.code[:2] == "08" and inner.code[:2] in ("02", "10", "13") and inner.trigger.pos == "NOUN"
        # "launched an inquiry into the massacre": what is investigated is what the investigation is about.
        investigated_thing = outer.code[:2] == "09" and (inner.trigger.pos == "NOUN" or _gerund_of(sentence, token))
        # "agreed to Russian mediation", "committed to talks": what is agreed to has not happened; it is the intent's.
        agreed_thing = (
            outer.trigger.frame == "intent"
            and inner.trigger.pos == "NOUN"
            and sentence.dep(token) == "pobj"
            and sentence.lemma(sentence.head(token)) == "to"
            and sentence.head(sentence.head(token)) == governor
        )
        if (
            rejected_thing
            or criticised_thing
            or requested_thing
            or protest_demand
            or yielded_to
            or investigated_thing
            or agreed_thing
        ):
            outer.absorbed.append(inner)
            del found[token]
    # "talks between Serbia and Kosovo broke down": negotiations that collapse are halted (164), not held.
    for token, candidate in found.items():
        verb = sentence.head(token)
        collapsed = sentence.lemma(verb) in COLLAPSE_VERBS or (
            sentence.lemma(verb) == "break" and any(sentence.lemma(p) == "down" for p in sentence.kids(verb, {"prt"}))
        )
        if (
            candidate.code[:2] == "04"
            and candidate.trigger.pos == "NOUN"
            and sentence.dep(token) == "nsubj"
            and collapsed
        ):
            candidate.code = HALTED_NEGOTIATIONS_CODE
    _fold_violence(sentence, found)
    return found


def _object_holder(sentence: ParsedSentence, noun: int) -> int | None:
    """The verb a noun is the object of, also through the amount it is counted in ("approved $2 billion in aid"),
    or the passive subject of ("sanctions on Iran were lifted": what is lifted, as in "lifted sanctions on Iran")."""
    held = _counted_in(sentence, noun)
    return sentence.head(held) if sentence.dep(held) in OBJECTS | PASSIVE_SUBJECTS else None


def _fold_violence(sentence: ParsedSentence, found: dict[int, _Candidate]) -> None:
    """One act of violence told in several words is one event.

    * "shelled Juba, killing about 20 people", "opened fire, killing one and wounding two": a participle
      clause of violence under a violent trigger is its consequence.
    * "killed two soldiers in a bomb attack": the noun names the means; the verb takes its more specific
      code (183) when its own is the generic 180/190.
    * "the attack killed five", "a deployment of troops arrived": a noun trigger that is the subject of a
      verb trigger is the event; the verb adds its object.
    """
    for token in sorted(found):
        if token not in found:
            continue
        candidate = found[token]
        node = token
        while sentence.dep(node) == "conj" and sentence.head(node) != node:
            node = sentence.head(node)
        violent = candidate.code[:2] in ASSAULT_ROOTS
        if violent and sentence.dep(node) == "advcl" and sentence.a.tags[node] == "VBG":
            governor = _event_at(sentence, sentence.head(node), found)
            if governor is not None and governor != token and found[governor].code[:2] in ASSAULT_ROOTS:
                found[governor].absorbed.append(candidate)
                del found[token]
                continue
        # "killed in a car bomb explosion": the noun trigger may modify the phrase's head.
        noun = sentence.head(token) if sentence.dep(token) == "compound" else token
        if (
            candidate.trigger.pos == "NOUN"
            and sentence.dep(noun) == "pobj"
            and sentence.lemma(sentence.head(noun)) in ("in", "during", "with", "for")
        ):
            # "marched in London during an anti-Brexit march", "met in Niamey for a summit": the same kind of event
            # told twice is one event.
            verb = sentence.head(sentence.head(noun))
            kindred = ASSAULT_ROOTS if violent else {candidate.code[:2]}
            # "for" names a purpose: only the very same act ("met for a summit", not "travelled for talks").
            purpose = sentence.lemma(sentence.head(noun)) == "for"
            if (
                verb in found
                and found[verb].trigger.pos == "VERB"
                and found[verb].code[:2] in kindred
                and (not purpose or found[verb].code == candidate.code)
            ):
                if found[verb].code in GENERIC_VIOLENCE_CODES and candidate.code not in GENERIC_VIOLENCE_CODES:
                    found[verb].code = candidate.code
                found[verb].absorbed.append(candidate)
                del found[token]
                continue
        parent = sentence.head(token)
        if candidate.trigger.pos == "NOUN" and sentence.dep(token) in SUBJECTS and parent in found and parent != token:
            verb = found[parent]
            if verb.trigger.pos == "VERB" and verb.trigger.frame is None:
                candidate.absorbed.append(verb)
                del found[parent]


def _event_at(sentence: ParsedSentence, verb: int, found: dict[int, _Candidate]) -> int | None:
    """The trigger a verb stands for: itself, or the noun trigger it carries ("opened fire", "launched strikes")."""
    if verb in found:
        return verb
    carried = [o for o in sentence.kids(verb, OBJECTS) if o in found and found[o].trigger.pos == "NOUN"]
    return carried[0] if carried else None


def _gerund_of(sentence: ParsedSentence, token: int) -> bool:
    """Whether a verb is the gerund of a preposition ("accused X of violating rights, ignoring the law")."""
    node = sentence.head(token) if sentence.dep(token) == "conj" else token
    if sentence.dep(node) == "pcomp":
        return True
    # The parser may hang the later gerunds of the list on the verb itself ("ignoring" as an adverbial clause of
    # "accused"): a gerund after the preposition's own gerund continues the list.
    return (
        sentence.dep(node) == "advcl"
        and sentence.a.tags[node] == "VBG"
        and any(
            sentence.lemma(prep) in ("of", "for") and any(g < node for g in sentence.kids(prep, {"pcomp"}))
            for prep in sentence.kids(sentence.head(node), {"prep"})
        )
    )


def _governing_candidate(sentence: ParsedSentence, token: int, found: dict[int, _Candidate]) -> int | None:
    """The nearest trigger above ``token`` through objects, prepositions and purpose clauses."""
    node = token
    if sentence.dep(node) == "conj" and sentence.dep(sentence.head(node)) == "pcomp":
        node = sentence.head(node)  # "accused X of violating rights, ignoring the law"
    for _ in range(4):
        if sentence.dep(node) not in ("dobj", "pobj", "prep", "pcomp", "xcomp", "advcl", "acl", "compound", "appos"):
            return None
        parent = sentence.head(node)
        if parent == node:
            return None
        if parent in found:
            return parent
        if sentence.dep(node) in ("xcomp", "advcl") or (
            sentence.dep(node) == "prep" and sentence.lemma(node) in ABOUT_PREPOSITIONS
        ):
            # "continued their hunger strike to demand ...": the light verb's noun trigger governs its purpose
            # ("lodged a protest over the incursion": and what its preposition is about; not "made an appeal
            # following a visit by Putin", which says when).
            carried = _event_at(sentence, parent, found)
            if carried is not None and carried != token:
                return carried
        node = parent
    return None


def _embedded_events(sentence: ParsedSentence, frame_token: int, candidates: dict[int, _Candidate]) -> list[int]:
    """Triggers embedded under a framing word: its xcomp/ccomp/acl clauses (and a noun's for-to clauses) and their
    conjuncts."""
    embedded = []
    for_clauses = _for_clauses(sentence, frame_token)
    for child in sentence.children[frame_token]:
        if sentence.dep(child) in ("xcomp", "ccomp", "acl") or child in for_clauses:
            # "called on NATO to impose a no-fly zone or send fighter jets": the trigger may be a conjunct.
            for clause in [child, *sentence.clause_conjuncts(child)]:
                if clause in candidates:
                    embedded.append(clause)
                elif sentence.lemma(clause) in ASPECTUAL_VERBS | LIGHT_VERBS | OBJECT_LIGHT_VERBS:
                    # "warned they would resume fighting", "agreed to begin talks": through the verb that carries it;
                    # "vowed to unleash a wave of suicide bombings": through what counts it.
                    carried = sentence.kids(clause, OBJECTS | {"xcomp"})
                    carried += [
                        o
                        for c in carried
                        if sentence.lemma(c) in COUNTING_NOUNS
                        for o in sentence.objects_of(c, {"of"})
                    ]
                    embedded.extend(c for c in carried if c in candidates)
                else:
                    # "vowed to deepen military cooperation": the verb the noun trigger requires carries it, too.
                    embedded.extend(
                        c
                        for c in sentence.kids(clause, OBJECTS)
                        if c in candidates
                        and candidates[c].trigger.needs_kind == "head"
                        and sentence.lemma(clause) in candidates[c].trigger.needs_values
                    )
    # "committed itself to sending troops", "agreed to holding talks": a gerund after "to".
    embedded += [
        g
        for prep in sentence.kids(frame_token, {"prep"})
        if sentence.lemma(prep) == "to"
        for g in sentence.kids(prep, {"pcomp"})
        if g in candidates and sentence.a.tags[g] == "VBG"
    ]
    if sentence.a.pos[frame_token] == "NOUN":
        # "held out the threat of economic sanctions", "a promise of aid": a framing noun's "of" names what it frames.
        embedded += [o for o in sentence.objects_of(frame_token, {"of"}) if o in candidates]
    return embedded
