"""Whether a trigger reports an act of this news: not an allegation, a hypothesis, an act still to come or
background told to explain another; and how it is told (asserted, intended, refused, reported)."""

from __future__ import annotations

import re
from datetime import date

from coder.coded import _Candidate
from coder.lexicon import Trigger, ideas, non_actors, trigger_rows
from coder.sentence import (
    ParsedSentence,
    _auxiliaries,
    _carries,
    _clause_verb,
    _first_to,
    _has_infinitive_to,
    _is_passive,
    _phrase,
    _relative_head,
    _shares_its_verb_group,
)
from coder.vocabulary import (
    ASPECTUAL_VERBS,
    ASSAULT_ROOTS,
    CONDITION_MARKS,
    DEED_TAGS,
    ENACTING_VERBS,
    FORCE_ROOTS,
    FUTURE_AUXILIARIES,
    GATHERING_VERBS,
    INTENT_ADJECTIVES,
    LIGHT_VERBS,
    OBJECTS,
    PASSIVE_SUBJECTS,
    PROTEST_ROOT,
    REPORTING_VERBS,
    SUBJECTS,
    TIME_NOUNS,
)

HEDGE_AUXILIARIES = frozenset({"may", "might", "could"})
# An act named as the subject of a modal clause is weighed, not done: "Attacking Iran would be a mistake", "Bombing
# the bridge will cut the road" ("Attacking the convoy killed ten soldiers" has no modal, and happened).
CLAUSE_SUBJECT_MODALS = frozenset({"would", "could", "might", "may", "will", "shall", "should", "must"})
# "suspected of bombing", "charged with killing", "jailed for attacking": what these say of someone is an allegation or
# the reason for a punishment, not an event of the sentence.
ALLEGING_WORDS = frozenset(
    "suspect accuse charge convict blame want allege indict sentence jail imprison arrest detain try acquit execute "
    "hang punish prosecute fine sanction penalize penalise slap apologise apologize apology responsible".split()
)
ALLEGATION_PREPOSITIONS = frozenset({"of", "for", "with", "in"})
# "a role in", "his part in": what someone took part in, as an allegation reaches it.
ROLE_NOUNS = frozenset("role part involvement participation complicity hand".split())
# "put under investigation for", "on charges of", "an arrest warrant for".
ALLEGING_NOUNS = frozenset("investigation inquiry probe charge warrant trial conviction sentence".split())
ALLEGING_TERMS = ALLEGING_WORDS | ALLEGING_NOUNS
# "refugees fleeing the fighting", "survived the bombing", "mourned the victims of the attack": the act is behind
# the sentence's own event, which is about those who live with it.
AFTERMATH_VERBS = frozenset("flee escape survive mourn commemorate remember".split())
FICTION_NOUNS = frozenset("depiction portrayal film movie novel documentary drama epic videogame".split())
# "marked the 50th anniversary of the bombing of Hiroshima": history remembered, not an event reported.
COMMEMORATING_NOUNS = frozenset(
    "anniversary commemoration remembrance memorial memory centenary centennial jubilee".split()
)
# "denied charges that it had helped insurgents attack", "demanded an admission that Soviet forces murdered": the
# clause is what the noun claims, admits or denies, not an act the sentence reports.
CHARGING_VERBS = frozenset({"charge", "allege", "accuse"})
CLAIM_NOUNS = frozenset(
    "charge accusation allegation claim admission denial suspicion rumour rumor assertion speculation suggestion "
    "insinuation contention theory".split()
)
# An event that is expected, feared or only possible has not happened: it is not coded.
HYPOTHETICAL_MODIFIERS = frozenset(
    "possible potential expected future likely imminent hypothetical feared planned prospective simulated mock"
    " notional".split()
)
# ... or only permitted: "an agreement that allowed Turkish army deployments" permits them, it does not deploy.
HYPOTHETICAL_GOVERNORS = frozenset(
    "expect fear anticipate predict prevent deter avoid risk warn forestall prepare aim allow permit authorize "
    "authorise".split()
)
ANY_DETERMINERS = frozenset({"any"})
# For a verb only its direct governor counts: "warned that Russia attacked" reports a real attack.
# "likes dropping bombs on people", "dreams of conquering": a liking or a fancy is no act.
VERB_HYPOTHETICAL_GOVERNORS = frozenset(
    "plot conspire fear expect prevent deter avoid hope want wish seek try attempt aim allow permit authorize "
    "authorise deny like love enjoy hate prefer imagine dream".split()
)
# Clauses that are not asserted: "would not say whether he supported ...", "if Russia attacks, ...".
CONDITIONAL_MARKS = frozenset({"whether", "if", "unless"})
# English temporal clauses put a future event in the present tense ("must agree before they disarm", "will stay until
# Israel withdraws"): with these marks a present-tense clause has not happened (a past one has: "before they withdrew").
FUTURE_TIME_MARKS = frozenset({"before", "until", "till", "once"})
PRESENT_TENSE_TAGS = frozenset({"VBP", "VBZ"})


# Force, coercion and reduced relations are done to an actor, a person, a place or a thing people build.
PATIENT_RESTRICTED_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})


def _patients(sentence: ParsedSentence, token: int, trigger: Trigger) -> list[int]:
    """Who or what the act is done to, or, for a noun, by: its objects, a passive subject, an "against"/"on"
    phrase ("the fight against the virus", "an attack on the problem"), a noun's "of"/"by" phrase, possessor
    or compound ("an invasion of locusts", "a locust invasion"), on the trigger or the verb that carries it."""
    owners = [token]
    if trigger.pos == "NOUN" and _carries(sentence, verb := _clause_verb(sentence, token), token, trigger):
        owners.append(verb)
    found = sentence.kids(token, OBJECTS | PASSIVE_SUBJECTS)
    if trigger.pos == "NOUN":
        found += sentence.kids(token, {"compound", "poss"})
    else:
        # "declared war on rabbits", "waged a campaign against corruption": the act the verb's object names (a
        # trigger noun, or a word that refines the verb) is aimed by that object's own "on"/"against" phrase.
        table = trigger_rows()
        owners += [
            o
            for o in sentence.kids(token, OBJECTS)
            if (sentence.lemma(o), "NOUN") in table or sentence.lemma(o) in trigger.refinement_words
        ]
    for owner in owners:
        for prep in sentence.kids(owner, {"prep"}):
            lemma = sentence.lemma(prep)
            doer = trigger.pos == "NOUN" and owner == token and lemma in ("of", "by")
            # "walked out of the conference on racism": what a walk-out or a cut in ties is "on" is its topic.
            topic = lemma in ("on", "upon") and trigger.cameo[:2] == "16"
            if (lemma in ("against", "on", "upon") and not topic) or doer:
                found += sentence.kids(prep, {"pobj"})
    return [_relative_head(sentence, t) for t in found]


def _non_actor_patient(sentence: ParsedSentence, token: int, candidate: _Candidate) -> bool:
    """Whether force or coercion is done to, or by, something that is no actor (``non_actors.tsv``): a
    disease, pests, a problem, a practice ("outlawed the death penalty"), or an idea, which only words attack
    ("attacked the plan" is criticism, see :func:`_verbal_attack`)."""
    if candidate.code[:2] not in PATIENT_RESTRICTED_ROOTS:
        return False
    # Not a trigger noun: in "exchanged fire", the fire is the act itself, not a blaze it is done to.
    table = trigger_rows()
    lemmas = {
        sentence.lemma(t)
        for t in _patients(sentence, token, candidate.trigger)
        if (sentence.lemma(t), "NOUN") not in table
    }
    if candidate.trigger.lemma == "attack":
        lemmas -= ideas()
    return bool(lemmas & non_actors())


# Sport borrows the words of war: "a bitterly fought World Cup quarter-final clash", "Argentina edged England 2-1".
SPORT_WORDS = frozenset(
    "cup quarter-final quarterfinal semi-final semifinal final match derby tournament championship league playoff "
    "play-off fixture goal striker midfielder goalkeeper innings wicket olympic olympics medal champion title serve "
    "wimbledon tennis football soccer cricket rugby golf volleyball basketball hockey baseball handball player referee"
    " coach halftime half-time".split()
)
# Words that make force at a game real: the police, weapons, the dead and wounded.
REAL_VIOLENCE_WORDS = frozenset(
    "police policeman policemen riot troops soldier army gunman gunmen gun bomb tear gas kill dead wound injure "
    "stab shoot arrest".split()
)
_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")


def _sporting(sentence: ParsedSentence, token: int) -> bool:
    """Whether a word of force is sport's: it is modified by a word of sport ("a quarter-final clash"), or the
    sentence gives a score and speaks of sport."""
    modifiers = {sentence.lemma(c).lower() for c in sentence.kids(token, {"compound", "amod", "nmod"})}
    if modifiers & SPORT_WORDS:
        return True
    lemmas = {sentence.lemma(t).lower() for t in range(len(sentence.a.words))}
    if lemmas & REAL_VIOLENCE_WORDS:
        return False  # "police fired tear gas at football fans after the match": violence at a game is violence
    sport = lemmas & SPORT_WORDS
    # A score and a word of sport, or several words of sport ("bombarded Curren with serves ... Wimbledon champion").
    return len(sport) >= 2 or (bool(sport) and bool(_SCORE.search(sentence.text)))


def _on_condition(sentence: ParsedSentence, verb: int) -> bool:
    """Whether a verb (or the verb it is coordinated with) has an "if"/"unless" clause."""
    nodes = [verb, sentence.head(verb)] if sentence.dep(verb) == "conj" else [verb]
    for node in nodes:
        for clause in sentence.kids(node, {"advcl"}):
            if any(sentence.lemma(m) in CONDITION_MARKS for m in sentence.kids(clause, {"mark"})):
                return True
    return False


def _future_time_clause(sentence: ParsedSentence, verb: int) -> bool:
    """Whether a verb heads a "before"/"until"/"once" clause in the present tense: "until their demands are met"."""
    if sentence.dep(verb) != "advcl" or not any(
        sentence.lemma(m) in FUTURE_TIME_MARKS for m in sentence.kids(verb, {"mark"})
    ):
        return False
    finite = [verb, *sentence.kids(verb, {"aux", "auxpass"})]
    return any(sentence.a.tags[t] in PRESENT_TENSE_TAGS for t in finite)


def _alleged(sentence: ParsedSentence, token: int) -> str | None:
    """Why the event is only what someone is suspected, charged or punished for: "two men suspected of bombing an
    airliner", "arrested a man wanted for attacking a diplomat", "jailed for killing a journalist". The act is a
    past allegation the sentence refers to, not an event it reports (the accusation, if any, is coded instead).
    So is what a charge, claim or admission says ("denied charges that it had helped insurgents attack"), and an act
    that those who flee or survive it live with ("refugees fleeing the fighting")."""
    if sentence.a.pos[token] == "NOUN":
        governor = sentence.head(token)
        if sentence.dep(token) == "pobj" and sentence.lemma(governor) == "from":
            governor = sentence.head(governor)
        if governor != token and sentence.lemma(governor) in AFTERMATH_VERBS:
            return f"what those who {sentence.lemma(governor)} it live with"
        if sentence.dep(token) == "pobj" and sentence.lemma(governor) == "of":
            remembered = sentence.head(governor)
            if remembered != governor and sentence.lemma(remembered) in COMMEMORATING_NOUNS:
                return f"history: the {sentence.a.words[remembered]!r} of it"
    node = token
    for _ in range(4):
        parent = sentence.head(node)
        if parent == node:
            break
        if sentence.lemma(parent).lower() in FICTION_NOUNS:
            # "a film that opens with a depiction of American troops storming Omaha Beach": fiction tells it.
            return f"fiction: told in a {sentence.a.words[parent]!r}"
        if (
            sentence.dep(node) in ("acl", "ccomp")
            and sentence.a.pos[parent] == "NOUN"
            and sentence.lemma(parent) in CLAIM_NOUNS
        ):
            return f"what the {sentence.a.words[parent]!r} claims"
        if (
            sentence.dep(node) == "ccomp"
            and sentence.a.pos[parent] == "VERB"
            and sentence.lemma(parent) in CHARGING_VERBS
        ):
            # "Israel charged that Iran was supplying rockets": what a charge says, as "accused Iran of supplying".
            return f"what is {sentence.a.words[parent]!r}"
        node = parent
    node = token
    for _ in range(3):
        parent = sentence.head(node)
        if parent == node:
            return None
        if sentence.dep(node) in ("pcomp", "pobj") and sentence.lemma(parent) in ALLEGATION_PREPOSITIONS:
            governor = sentence.head(parent)
            if sentence.lemma(parent) == "in" and sentence.lemma(governor) in ROLE_NOUNS:
                # "arrested for his part in the bombing", "investigated for her role in rioting": through the role.
                node = governor
                continue
            under = [
                o
                for prep in sentence.kids(governor, {"prep"})
                if sentence.lemma(prep) == "under"
                for o in sentence.kids(prep, {"pobj"})
            ]
            if governor != parent and (
                sentence.lemma(governor) in ALLEGING_TERMS
                or any(sentence.lemma(o) in ALLEGING_NOUNS for o in under)  # "put under investigation for"
            ):
                return f"what {sentence.a.words[governor]!r} alleges or punishes"
            return None
        node = parent
    return None


def _hypothetical(sentence: ParsedSentence, token: int, code: str) -> str | None:
    """Why the event is only expected, feared or possible ("a possible attack", "expecting an attack"), asked
    about or supposed ("Did Russia attack?", "if Russia attacks", "whether he supported")."""
    if sentence.text.rstrip(" \"'\u201d\u2019)").endswith("?"):
        return "a question"
    node = _clause_verb(sentence, token) if sentence.a.pos[token] == "NOUN" else token
    for _ in range(3):
        if any(sentence.lemma(m) in CONDITIONAL_MARKS for m in sentence.kids(node, {"mark"})):
            return "a conditional or indirect question"
        if _future_time_clause(sentence, node):
            return "a temporal clause in the present tense (future time)"
        if sentence.dep(node) not in ("conj", "xcomp") or sentence.head(node) == node:
            break
        node = sentence.head(node)
    for child in sentence.kids(token, {"amod"}):
        if sentence.lemma(child) in HYPOTHETICAL_MODIFIERS:
            return f"modified by {sentence.a.words[child]!r}"
    if sentence.a.pos[token] == "NOUN" and any(
        sentence.lemma(d) in ANY_DETERMINERS for d in sentence.kids(token, {"det"})
    ):
        # "would respond forcefully to any American attack": an act of no one in particular, not one that happened.
        return "an act of any kind, not one that happened"
    verb = token if sentence.a.pos[token] == "VERB" else None
    # "a resolution that aims to tighten sanctions and impose a blockade": a bare infinitive coordinated with another
    # shares its governor ("tried to enter the town and shelled it" is finite, and stands on its own).
    while verb is not None and _shares_its_verb_group(sentence, verb):
        verb = sentence.head(verb)
    if verb is not None and sentence.a.tags[verb] == "VBG" and sentence.dep(verb) == "conj":
        # "likes dropping bombs on people, and killing them": a gerund the parser hangs on "likes" continues the
        # gerund that is its complement.
        sibling = next(
            (c for c in sentence.kids(sentence.head(verb), {"xcomp"}) if sentence.a.tags[c] == "VBG" and c < verb),
            None,
        )
        if sibling is not None:
            verb = sibling
    if verb is None and sentence.dep(token) in OBJECTS:
        carrier = sentence.head(token)
        if carrier != token and sentence.lemma(carrier) in LIGHT_VERBS | ASPECTUAL_VERBS:
            # "were sent to launch an offensive", "hopes to begin an assault": the verb that carries the noun is
            # judged as a verb trigger would be.
            verb = carrier
    # "prepared to resume shelling", "wants to continue the strikes": through the aspectual verb to its governor.
    while (
        verb is not None
        and sentence.dep(verb) == "xcomp"
        and sentence.head(verb) != verb
        and sentence.lemma(sentence.head(verb)) in ASPECTUAL_VERBS
        and not _has_infinitive_to(sentence, verb)
    ):
        verb = sentence.head(verb)
    if verb is not None:
        # "a plot to kill the ambassador", "Russia wants to attack": the verb's own governor only.
        parent = sentence.head(verb)
        if sentence.dep(verb) == "csubj" and _auxiliaries(sentence, parent) & CLAUSE_SUBJECT_MODALS:
            return "subject of a modal clause"
        if parent != verb:
            if sentence.dep(verb) in ("xcomp", "acl") and sentence.lemma(parent) in VERB_HYPOTHETICAL_GOVERNORS:
                return f"governed by {sentence.a.words[parent]!r}"
            # An infinitive states a purpose or a wish, not a deed ("troops were deployed to attack"), unless
            # its governor says it happened ("began to shell"). Framing verbs ("agreed to send") never get here.
            infinitive = _has_infinitive_to(sentence, verb)
            voted = sentence.lemma(parent) in ENACTING_VERBS and code[:2] not in FORCE_ROOTS
            if _scheduled(sentence, verb):
                return None  # "the EU is to provide aid": what is arranged to happen, an intent (events.py)
            # "burned flags to protest against the strike": the deed done is the protest.
            protesting = code[:2] == PROTEST_ROOT and sentence.a.tags[parent] in DEED_TAGS
            if (
                infinitive
                and sentence.lemma(parent) not in ASPECTUAL_VERBS | GATHERING_VERBS
                and not _intent_adjective(sentence, parent)
                and not voted
                and not protesting
                and _first_to(sentence, verb) is None  # "became the first country to recognise": it did
            ):
                return "infinitive of purpose"
        if sentence.a.pos[token] == "VERB":
            return None
    node = token
    for _ in range(3):
        parent = sentence.head(node)
        if parent == node:
            break
        if sentence.lemma(parent) in HYPOTHETICAL_GOVERNORS:
            return f"governed by {sentence.a.words[parent]!r}"
        if sentence.a.pos[parent] in ("VERB", "AUX") and sentence.dep(node) not in ("dobj", "pobj", "prep", "nsubj"):
            break
        node = parent
    if sentence.a.pos[token] == "NOUN" and sentence.dep(token) in ("nsubj", "attr"):
        verb = sentence.head(token)
        if {sentence.a.words[c].lower() for c in sentence.kids(verb, {"aux"})} & HEDGE_AUXILIARIES:
            return "subject of a hedged clause"
    return None


OBLIGATION_AUXILIARIES = frozenset({"should", "must", "shall"})


def _intent_adjective(sentence: ParsedSentence, token: int) -> bool:
    """Whether a word says its subject means to act: "ready", "willing"; also "would be prepared to", the participle
    the small model lemmatises as "prepare"."""
    return sentence.lemma(token) in INTENT_ADJECTIVES or (
        sentence.a.words[token].lower() in INTENT_ADJECTIVES and sentence.dep(token) == "acomp"
    )


def _scheduled(sentence: ParsedSentence, verb: int) -> bool:
    """Whether an infinitive hangs on a finite "be" with a subject: "the EU is to provide aid", "France is to send
    troops" (what is arranged to happen, as "will")."""
    parent = sentence.head(verb)
    return (
        parent != verb
        and sentence.dep(verb) == "xcomp"
        and sentence.lemma(parent) == "be"
        and sentence.a.tags[parent] in ("VBZ", "VBP", "VBD")
        and bool(sentence.kids(parent, SUBJECTS))
        and _has_infinitive_to(sentence, verb)
    )


def _statement_of_accord(sentence: ParsedSentence, token: int, trigger: Trigger) -> bool:
    """Whether an intent verb ("agree", "promise") takes only a statement: "agreed that the talks were useful",
    "agreed that corruption is a problem". A commitment has an infinitive ("agreed to withdraw"), an object
    ("agreed a ceasefire"), "on"/"to" ("agreed on talks"), or a clause of what will or should be done ("agreed
    that they would meet again", "proposed that the UN send troops")."""
    if trigger.frame != "intent" or sentence.a.pos[token] != "VERB":
        return False
    clauses = sentence.kids(token, {"ccomp"})
    if not clauses or sentence.kids(token, OBJECTS | {"xcomp"}):
        return False
    if any(sentence.lemma(p) in ("on", "to", "upon") for p in sentence.kids(token, {"prep"})):
        return False
    for clause in clauses:
        auxiliaries = {sentence.a.words[a].lower() for a in sentence.kids(clause, {"aux"})}
        if auxiliaries & (FUTURE_AUXILIARIES | OBLIGATION_AUXILIARIES):
            return False
        if sentence.a.tags[clause] == "VB" and not auxiliaries:
            return False  # a subjunctive: "proposed that the UN send troops"
    return True


def _mode(sentence: ParsedSentence, token: int) -> tuple[str, bool]:
    """(event_mode, negated) from negation and auxiliaries on the trigger or its light verb."""
    owners = [token]
    if sentence.a.pos[token] == "NOUN":
        owners.append(_clause_verb(sentence, token))
    node = token
    while _shares_its_verb_group(sentence, node):
        # "will impose sanctions and freeze its assets", "did not attack or shell": a bare infinitive coordinated
        # with another has that one's auxiliaries and negation.
        node = sentence.head(node)
        owners.append(node)
    negated = any(sentence.kids(o, {"neg"}) for o in owners)
    # "Neither the EU nor the US would endorse", "no country recognised": a negated subject negates the clause.
    negated = negated or any(
        sentence.lemma(d) == "neither"
        or (sentence.dep(d) == "cc" and sentence.lemma(d) == "nor")
        or (sentence.dep(d) == "det" and sentence.lemma(d) == "no")
        for o in owners
        for subject in sentence.kids(o, SUBJECTS | PASSIVE_SUBJECTS)
        for d in sentence.children[subject]
    )
    auxiliaries = {sentence.a.words[c].lower() for o in owners for c in sentence.kids(o, {"aux", "auxpass"})}
    if negated:
        return "negated", True
    if auxiliaries & HEDGE_AUXILIARIES:
        return "possible", False
    if auxiliaries & FUTURE_AUXILIARIES:
        return "intended", False
    return "asserted", False


def _reported_by(sentence: ParsedSentence, token: int) -> str | None:
    """The speaker of "X said (that) ..." or "according to X" around the trigger's clause."""
    node = _clause_verb(sentence, token) if sentence.a.pos[token] == "NOUN" else token
    for _ in range(4):
        for prep in sentence.kids(node, {"prep"}):
            if sentence.lemma(prep) == "accord":  # "according to X"
                for to in sentence.kids(prep, {"prep"}):
                    for pobj in sentence.kids(to, {"pobj"}):
                        return _phrase(sentence, pobj)[0]
        parent = sentence.head(node)
        if parent == node:
            return None
        if sentence.dep(node) in ("ccomp", "parataxis") and sentence.lemma(parent) in REPORTING_VERBS:
            subjects = sentence.kids(parent, SUBJECTS)
            return _phrase(sentence, subjects[0])[0] if subjects else sentence.a.words[parent]
        if sentence.dep(node) not in ("conj", "xcomp", "ccomp", "advcl"):
            return None
        node = parent
    return None


SPAN_NOUNS = frozenset("year years decade decades century centuries month months week weeks".split())


def _spans_a_time(sentence: ParsedSentence, token: int) -> bool:
    """A participle whose object is a span of time ("ending four decades of enmity", "closing 22 years of
    occupation"): it says what the sentence's act means, not another act."""
    if sentence.a.pos[token] != "VERB" or sentence.a.tags[token] != "VBG" or sentence.dep(token) != "advcl":
        return False
    return any(sentence.lemma(o) in SPAN_NOUNS for o in sentence.kids(token, OBJECTS))


ACCIDENT_VERBS = frozenset("crash collapse derail capsize sink overturn plunge collide".split())


def _killed_in_an_accident(sentence: ParsedSentence, token: int) -> bool:
    """A passive killing with no doer whose "when" clause is a crash, a collapse or a sinking: an accident."""
    if sentence.a.pos[token] != "VERB" or not _is_passive(sentence, token) or sentence.kids(token, {"agent"}):
        return False
    # "killed yesterday, when a bomber crashed": the clause may hang on the time word.
    clauses = sentence.kids(token, {"advcl"}) + [
        c for when in sentence.kids(token, {"npadvmod"}) for c in sentence.kids(when, {"relcl", "advcl"})
    ]
    return any(
        sentence.lemma(clause) in ACCIDENT_VERBS
        and any(sentence.lemma(m) in ("when", "after", "as") for m in sentence.kids(clause, {"advmod", "mark"}))
        for clause in clauses
    )


# "granted asylum since last month's invasion", "offered talks following the invasions of Dagestan": what came first.
# "suspended its voting rights over the annexation of Crimea": over what an act is done is a reason, background too.
BACKGROUND_PREPOSITIONS = frozenset({"since", "following", "because", "over"})
# "in the wake of the execution", "in response to the attacks", "because of fighting", "in retaliation for the raid".
BACKGROUND_PHRASES = {
    ("wake", "of"),
    ("response", "to"),
    ("retaliation", "for"),
    ("because", "of"),
    # "recalled its ambassador in protest at the air strikes": what a protest is about happened before it.
    ("protest", "at"),
    ("protest", "against"),
    ("protest", "over"),
}
# "suspended peace talks after a car bomb attack", "a day after Colombian troops killed a commander": what a
# non-violent act came after; but "captured the stronghold after five days of fighting" reports the fighting too.
AFTER_WORDS = frozenset({"after"})
ENDING_NOUNS = frozenset({"end", "halt", "stop"})


def _background(sentence: ParsedSentence, token: int, candidates: dict[int, _Candidate]) -> bool:
    """Whether a noun trigger names what an event of the sentence came after or answered: the news is that event,
    and the earlier one was reported when it happened (coding it again would date it to this article)."""
    if (
        sentence.a.pos[token] == "NOUN"
        and sentence.dep(token) == "dobj"
        and sentence.lemma(sentence.head(token)) == "cite"
    ):
        # "called up reservists, citing a build-up of Syrian forces": the reason given for what the news is.
        return True
    if sentence.a.pos[token] != "NOUN" or sentence.dep(token) != "pobj":
        return False
    prep = sentence.head(token)
    holder = sentence.head(prep)
    if sentence.lemma(prep) == "to" and sentence.lemma(holder) in ENDING_NOUNS and sentence.a.pos[holder] == "NOUN":
        return True  # "demands for an end to the blockade": a state that is to end, not an act of this news
    if sentence.lemma(prep) == "of" and sentence.lemma(holder) in TIME_NOUNS and sentence.dep(holder) == "pobj":
        # "withdrew the bill after two nights of clashes": the act measured in time is what the phrase names.
        prep = sentence.head(holder)
        holder = sentence.head(prep)
    word = sentence.a.words[prep].lower()  # "following" is the preposition, not the verb "follow"
    if word in AFTER_WORDS:
        return _came_after_a_peaceful_act(sentence, holder, candidates, token)
    if word == "against" and sentence.a.pos[holder] in ("VERB", "NOUN"):
        # "demonstrated against American air strikes in Afghanistan": what a protest is against happened before it.
        anchor = holder
        for _ in range(3):
            if anchor in candidates and anchor != token:
                return candidates[anchor].code[:2] == PROTEST_ROOT
            if sentence.head(anchor) == anchor:
                break
            anchor = sentence.head(anchor)
        return False
    if word in BACKGROUND_PREPOSITIONS:
        anchor = holder
    elif (sentence.lemma(holder), word) in BACKGROUND_PHRASES:
        # "in the wake of X": X hangs on "wake", which hangs on "in", which hangs on the event. These phrases say what
        # a clause answers even when its own act is not one the coder knows ("put a loan on hold in the wake of the
        # crackdown").
        anchor = sentence.head(holder)
        if sentence.dep(holder) == "pobj":
            anchor = sentence.head(anchor)
        if anchor != token and sentence.a.pos[anchor] in ("VERB", "AUX"):
            return True
    else:
        return False
    # The event may be a clause or two up: "asylum to officers holed up in a residence since the invasion".
    for _ in range(3):
        if anchor in candidates and anchor != token:
            return True
        if sentence.head(anchor) == anchor:
            break
        anchor = sentence.head(anchor)
    return False


DESCRIBING_DEPS = frozenset({"acl", "relcl"})


def _describes_a_party(sentence: ParsedSentence, token: int, candidates: dict[int, _Candidate]) -> bool:
    """Whether an act of force is told only to describe a party to a peaceful act of the sentence: "demanded the return
    of citizens abducted by North Korea", "supplied missiles to guerrillas fighting Soviet forces", "lashed out over the
    bombing, which killed three journalists". The description is background; the news is the peaceful act."""
    if candidates[token].code[:2] not in ASSAULT_ROOTS:
        return False
    described = False
    node = token
    for _ in range(8):
        described = described or sentence.dep(node) in DESCRIBING_DEPS
        parent = sentence.head(node)
        if parent == node:
            return False
        if parent in candidates:
            return described and candidates[parent].code[:2] not in ASSAULT_ROOTS
        node = parent
    return False


# "ahead of planned demonstrations", "a proposed ceasefire": an act named as still to come has not happened.
PROSPECTIVE_MODIFIERS = frozenset("planned proposed scheduled upcoming expected forthcoming possible potential".split())


YEAR = re.compile(r"^(1[89]|20)\d\d$")
DAY_NAME = re.compile(r"^\d{1,2}/\d{1,2}$")  # "the 9/11 attacks"


def _named_by_a_past_date(sentence: ParsedSentence, token: int, published: date | None) -> bool:
    """Whether a noun trigger is named by the date it happened, before the article ("the 9/11 attacks", "its 1990
    invasion", "the 1988 bombing of a Pan Am jet"): history the sentence refers to, not news it reports."""
    if sentence.a.pos[token] != "NOUN":
        return False
    for modifier in sentence.kids(token, {"compound", "nummod", "amod", "npadvmod"}):
        word = sentence.a.words[modifier]
        if DAY_NAME.match(word):
            return True
        if YEAR.match(word) and published is not None and int(word) < published.year:
            return True
    return False


# What a plan or an agreement provides for is not done by it: "a plan that includes the withdrawal of troops".
CONTAINING_VERBS = frozenset("include envisage envision foresee provide require stipulate call contain".split())
PLAN_NOUNS = frozenset(
    "plan proposal deal agreement accord resolution treaty initiative package framework roadmap settlement".split()
)


def _yet_to_come(sentence: ParsedSentence, token: int) -> bool:
    """Whether a trigger names an act that has not happened: "the opposition's planned rally", "deployed ahead of the
    demonstrations", what a plan or an agreement provides for (what a frame embeds is coded through the frame, before
    this)."""
    if (
        sentence.dep(token) == "pcomp"
        and sentence.lemma(sentence.head(token)) in ("on", "for")
        and sentence.lemma(sentence.head(sentence.head(token))) in PLAN_NOUNS
    ):
        # "the agreement on sending Turkish soldiers to Libya": what it provides for (a noun keeps its own code,
        # which a frame may recode: "go along with Dublin's proposal for all-party talks" is an intent to talk).
        return True
    if sentence.a.pos[token] != "NOUN":
        return False
    if any(sentence.a.words[m].lower() in PROSPECTIVE_MODIFIERS for m in sentence.kids(token, {"amod", "compound"})):
        return True
    verb = sentence.head(token)
    if (
        sentence.dep(token) in ("dobj", "obj")
        and sentence.lemma(verb) in CONTAINING_VERBS
        and sentence.dep(verb) in ("relcl", "acl")
        and sentence.lemma(sentence.head(verb)) in PLAN_NOUNS
    ):
        return True  # "a peace plan that includes the withdrawal of all Serb forces": what a plan provides for
    if sentence.dep(token) != "pobj":
        return False
    prep = sentence.head(token)
    return sentence.lemma(prep) == "of" and sentence.a.words[sentence.head(prep)].lower() == "ahead"


def _came_after_a_peaceful_act(
    sentence: ParsedSentence, holder: int, candidates: dict[int, _Candidate], act: int
) -> bool:
    """Whether what an "after" phrase or clause hangs on (through "a day after", "hours after") is an event the
    coder codes that is not itself force."""
    if sentence.lemma(holder) in TIME_NOUNS and sentence.head(holder) != holder:
        holder = sentence.head(holder)  # "a day after the attack": the time phrase hangs on the verb
    anchor = holder
    for _ in range(2):
        # "ordered a general mobilisation after clashes", "put its forces on high alert after ...": the verb may carry
        # the event as its object or in a phrase.
        carried = sentence.kids(anchor, OBJECTS) + [
            o for prep in sentence.kids(anchor, {"prep"}) for o in sentence.kids(prep, {"pobj"})
        ]
        # "on the highest level of alert": one "of" further.
        carried += [o for c in carried for of in sentence.kids(c, {"prep"}) for o in sentence.kids(of, {"pobj"})]
        events = [anchor] if anchor in candidates else [o for o in carried if o in candidates and o != act]
        if events:
            return all(candidates[e].code[:2] not in ASSAULT_ROOTS for e in events)
        if sentence.head(anchor) == anchor:
            break
        anchor = sentence.head(anchor)
    return False


def _background_clause(sentence: ParsedSentence, token: int, candidates: dict[int, _Candidate]) -> bool:
    """A trigger in an "after" clause or gerund of another, peaceful, event (its verb or the noun that is its subject):
    "Venezuela sent troops to the border after Colombian troops killed a rebel commander" reports the deployment; the
    killing was news when it happened."""
    if sentence.a.pos[token] == "NOUN":
        # "a day after a car bomb attack killed 21 people", "hours after Russian forces began their invasion",
        # "hours after two Australians were executed by firing squad": the act belongs to the clause's verb.
        token = _clause_verb(sentence, token)
    if sentence.a.pos[token] != "VERB":
        return False
    if sentence.dep(token) == "pcomp" and sentence.a.words[sentence.head(token)].lower() in AFTER_WORDS:
        # "admitted IAEA inspectors four years after expelling them", "deported a journalist after accusing him of
        # ...": a gerund "after" names what came before, as a clause does.
        return _came_after_a_peaceful_act(sentence, sentence.head(sentence.head(token)), candidates, token)
    if sentence.dep(token) != "advcl":
        return False
    if not any(sentence.lemma(m) in AFTER_WORDS for m in sentence.kids(token, {"mark"})):
        return False
    return _came_after_a_peaceful_act(sentence, sentence.head(token), candidates, token)
