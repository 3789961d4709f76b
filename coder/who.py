"""Who did what to whom: the actor a noun phrase names (countries, sectors, persons, organisations, pronouns),
the source and the target of a trigger, and the conventions for actors the sentence leaves unnamed."""

from __future__ import annotations

import re
from collections.abc import Callable

from coder.actors import Actor, cameo_country, country_actor, find_country, is_seat, misspelt_country, resolve_actor
from coder.coded import CodedActor, _Candidate, _known
from coder.lexicon import Trigger, actor_heads, trigger_rows
from coder.people import Mention
from coder.places import resolve_place
from coder.sentence import (
    ParsedSentence,
    _carries,
    _clause_verb,
    _first_to,
    _has_infinitive_to,
    _is_passive,
    _phrase,
    _phrase_tokens,
    _phrase_words,
    _relative_head,
)
from coder.vocabulary import (
    AFTERMATH_PREPOSITIONS,
    AID_INTENT_CODE,
    ASSAULT_ROOTS,
    COAST_NOUNS,
    CONDITION_MARKS,
    COUNTING_NOUNS,
    DEED_TAGS,
    ENACTING_VERBS,
    FORCE_ROOTS,
    GATHERING_VERBS,
    HELPING_PURPOSES,
    HOSTILE_ROOTS,
    INTENT_ADJECTIVES,
    LIGHT_VERBS,
    OBJECT_LIGHT_VERBS,
    OBJECTS,
    PASSIVE_SUBJECTS,
    PRONOUNS,
    PROTEST_VERBS,
    RECIPROCAL_LEMMAS,
    REPORTING_VERBS,
    SUBJECTS,
    TIME_SPANS,
    TITLE_HEADS,
    TRADE_NOUNS,
    WITHDRAWING_LEMMAS,
)
from coder.where import _place_of

# Prepositions that introduce the target of an event ("with Russia", "on NATO", "to Ukraine").
# Not "for": "called for talks", "fight for an America that works" name a purpose, not a target.
TARGET_PREPOSITIONS = frozenset({"with", "on", "upon", "to", "against", "into", "between"})
# What one gives: its "to" or "for" names the recipient before any owner names the giver.
RECEIVED_NOUNS = frozenset("aid assistance funding fund loan lending credit grant support subsidy".split())
# What one has with another side: its "with" names the other side before any owner names one's own.
PARTNERED_NOUNS = frozenset(
    "dialogue talk negotiation tie relation contact cooperation partnership alliance trade".split()
)
# Prepositions that introduce what a verb is about ("agreed to", "agreed on", "called for"), not where or when.
COMPLEMENT_PREPOSITIONS = frozenset({"to", "on", "upon", "for"})
# Roots whose act noun takes who it is done to in its "of" phrase: disapproval and rejection ("criticism of Japan",
# "rejection of the Palestinian proposal"), coercion, release, force.
PATIENT_OF_ROOTS = frozenset({"11", "12", "17", "18", "19", "20"})
# "the release of prisoners", "the expulsion of the Russian diplomats" (not "the resignation of the premier": a doer)
PATIENT_OF_CODES = ("084", "161", "166")
# Verbs whose subject undergoes the noun under them: "came under attack", "fell under suspicion".
UNDERGOING_VERBS = frozenset({"come", "fall"})
# Violence that is aimed: "fired rockets at Israel", "shot at police", "launched missiles at Saudi Arabia" (elsewhere
# "at" says where: "attacked a checkpoint at the border").
# Rioters' missiles are aimed the same way: "hurled stones at soldiers", "threw eggs at the minister".
PROJECTING_LEMMAS = frozenset({"fire", "shoot", "launch", "hurl", "throw", "lob"})
# "on the High Road", "on Route 2": where something happened, not what it was done to.
STREET_WORDS = frozenset("road street avenue highway boulevard lane square bridge route motorway freeway".split())
# "a stronghold on the Turkish border", "villages on the frontier": a border is where; either side may be meant.
BORDER_WORDS = frozenset("border frontier boundary".split())
# What speaks for its issuer: "the Turkish statement called for ..." is Turkey's call.
STATEMENT_WORDS = frozenset("statement communique communiqué declaration announcement decree report letter".split())
# Light verbs that aim what they carry "at" someone: "levelled accusations at Iran", "took aim at Iran's policy".
AIMING_VERBS = frozenset({"level", "take"})
# A participle on a noun trigger whose agent is the doer: "an attack carried out by the Taliban", "the protest
# organised by Hamas", "sanctions announced by the EU" (not "the attack condemned by the UN").
AGENT_PARTICIPLES = (
    LIGHT_VERBS
    | OBJECT_LIGHT_VERBS
    | frozenset(
        """organise organize orchestrate perpetrate mastermind commit spearhead initiate lead call plan""".split()
    )
)
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})

FORCE_OR_COERCION_ROOTS = frozenset({"17", "18", "19", "20"})
# Nouns whose "of" phrase is the doer: protests, force postures, peacekeeping, de-escalation and retreat.
OF_DOER_ROOTS = frozenset({"14", "15"})
OF_DOER_CODES = ("074", "087")
RESIGNATION_CODE = "0831"  # a leader's stepping down: "the resignation of X" is X's
AID_ROOTS = frozenset({"05", "07", "16"})
# Events addressed to whoever must act in their embedded clause ("demanded that the US cancel ...").
ADDRESSED_ROOTS = frozenset({"02", "10", "11", "12", "13"})
TOPIC_VERBS = frozenset({"discuss", "negotiate", "debate"})
TOPIC_ON_ROOTS = frozenset({"04", "06"})
TOPIC_ON_CODES = frozenset({"030", "036", "057"})
# Words a force trigger's refinements name as what is struck, not what strikes: "pounded Azerbaijani positions" is
# aimed at Azerbaijan ("pounded the city with artillery": the artillery is the instrument).
STRUCK_PLACES = frozenset({"position", "city", "town", "village", "base", "camp", "outpost", "stronghold", "area"})
ACCORD_INTENT_LEMMAS = frozenset("agree offer pledge promise consent commit volunteer".split())
# Agreements and meetings are named for the town where they were made: "the Paris agreement", "the Oslo accords".
NAMED_FOR_A_PLACE = frozenset(
    "treaty agreement deal pact accord accords convention protocol declaration process".split()
)
CAPTIVE_NOUNS = frozenset({"hostage", "captive"})
# Verbs whose complement clause's subject is who they act on: "allowed UN inspectors to return", "helped Ukraine
# rebuild its grid".
PERMITTING_LEMMAS = frozenset({"allow", "permit", "let", "help"})
# Measures imposed on someone: "sanctions on Russia", "a ban on Ukrainian imports".
# A standoff and its other side: "tension with Turkey", "the border dispute with Peru", "the standoff with Iraq".
STANDOFF_NOUNS = frozenset("tension tensions dispute standoff stand-off row crisis confrontation feud quarrel".split())
ENVOY_NOUNS = frozenset("ambassador ambassadors envoy envoys diplomat diplomats charge".split())
OWNING_PARTICIPLES = frozenset({"own", "owned", "flag", "flagged", "register", "registered", "operate", "operated"})
MEASURE_NOUNS = frozenset("sanction embargo ban restriction tariff blockade curb boycott".split())
EXTRADITION_CODE = "063"  # judicial cooperation: extraditing or handing over suspects
RETURN_OF_PROPERTY_CODES = frozenset({"084", "0842"})
FRONTIER_NOUNS = frozenset("border frontier boundary line".split())
# Where a force is held against a country: "near its border", "off the coast of Taiwan", "up to the frontier".
FACING_PREPOSITIONS = frozenset(
    {"near", "along", "on", "to", "at", "toward", "towards", "close", "up", "off", "opposite", "within"}
)
CALL_MEANS = frozenset({"phone", "telephone", "video", "videolink", "videoconference", "link", "call", "hotline"})
ACTOR_ENTITY_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


# "the west bank of a river", "the river bank", "the banks of the Congo River": the land by the water, not a bank
# (business). Only a lowercase "bank": "the Bank of England", "the West Bank" are names.
SHORE_SENSE_NOUNS = frozenset({"bank"})
SIDE_WORDS = frozenset("west east north south western eastern northern southern left right opposite far other".split())
WATER_WORDS = frozenset("river lake canal stream creek channel sea estuary delta".split())


# The head words of named events (the small model also tags some persons as events, "Pelosi").
EVENT_NAME_HEADS = frozenset("war wars summit conference revolution uprising battle".split())


def _shore(sentence: ParsedSentence, head: int) -> bool:
    """Whether a lowercase "bank" is a river's bank: a side word or a water word before it, or a river after it."""
    if sentence.lemma(head) not in SHORE_SENSE_NOUNS or not sentence.a.words[head].islower():
        return False
    modifiers = {sentence.lemma(c) for c in sentence.kids(head, {"amod", "compound"})}
    if modifiers & (SIDE_WORDS | WATER_WORDS):
        return True
    waters = [
        o
        for prep in sentence.kids(head, {"prep"})
        if sentence.lemma(prep) == "of"
        for o in sentence.kids(prep, {"pobj"})
    ]
    return any(
        {sentence.lemma(t).lower() for t in sentence.subtree(o)} & WATER_WORDS
        or sentence.entity_of.get(o, (0, 0, ""))[2] == "LOC"
        for o in waters
    )


def _can_head_actor(sentence: ParsedSentence, head: int) -> bool:
    """Names, demonyms, sector nouns ("officials") and group/instrument nouns ("side", "missiles")
    can stand for an actor; any other common noun ("Kabul car bombing") cannot."""
    if _shore(sentence, head):
        return False  # before the part of speech: the small model tags "the west bank" as a name
    if sentence.entity_of.get(head, (0, 0, ""))[2] == "EVENT" and sentence.lemma(head).lower() in EVENT_NAME_HEADS:
        return False  # "voted against the Iraq War": a war or a summit named after a country is not that country
    if sentence.a.pos[head] in ("PROPN", "PRON"):
        return True
    entity = sentence.entity_of.get(head)
    if entity is not None and entity[2] in ACTOR_ENTITY_LABELS:
        return True
    word = sentence.a.words[head]
    if sentence.lemma(head) in actor_heads() or word.lower() in actor_heads() or find_country(word):
        return True
    # The head with its compounds: "air force", "Defense Ministry" (not place names: "Kabul car bombing").
    # ... and its adjectives: "foreign secretary", "prime minister".
    compounds = [
        c
        for c in sentence.kids(head, {"compound", "amod"})
        if c < head and sentence.entity_of.get(c, (0, 0, ""))[2] not in ("GPE", "LOC", "FAC", "NORP")
    ]
    name = " ".join([sentence.a.words[c] for c in compounds] + [word])
    actor = resolve_actor(name)
    if actor is None or actor.sector is None:
        return False
    alone = resolve_actor(word)
    if alone is not None and alone.sector is not None:
        return True  # "military rulers": the head is a sector term of its own, whatever its adjective names
    # With adjectives, or with a head that names an act ("artillery fire", "police killing"), the sector term must
    # take in the head ("foreign secretary", "air force"), not only its modifiers ("official contact"); a noun for
    # people may take its sector from a modifier ("opposition candidates").
    adjectives = any(sentence.dep(c) == "amod" for c in compounds)
    act = (sentence.lemma(head), "NOUN") in trigger_rows()
    return not (adjectives or act) or word.lower() in actor.matched.lower()


def _antecedent(sentence: ParsedSentence, token: int) -> CodedActor | None:
    """A pronoun's antecedent: the subject of the nearest governing clause that has a resolvable one (of its
    number, for "it" and "its")."""
    singular = sentence.a.words[token].lower() in SINGULAR_PRONOUNS
    personal = sentence.a.words[token].lower() in GENDERED_PRONOUNS
    # "them" as the object of a verb: not the subject that does it ("some of them" may be anyone's).
    plural_object = sentence.a.words[token].lower() == "them" and sentence.dep(token) in ("dobj", "dative")
    node = token
    seen = set()
    while node not in seen:
        seen.add(node)
        parent = sentence.head(node)
        if parent == node:
            return None
        for subject in sentence.kids(parent, SUBJECTS):
            if token in sentence.subtree(subject) or sentence.lemma(subject) in PRONOUNS:
                continue  # "their forces": the pronoun's own phrase is not its antecedent
            if singular and sentence.a.tags[subject] in PLURAL_NOUN_TAGS:
                continue  # "officials said it killed three people": "it" is not the officials
            if plural_object:
                continue  # "rebels seized a theatre ..., threatening to kill them": "them" is not who does it
            if personal and not _may_be_a_person(sentence, subject):
                continue  # "the district attorney's office is investigating Trump ... he": "he" is no office
            resolved = _resolve(sentence, subject, allow_pronoun=False)
            if _known(resolved):
                return resolved
        if plural_object:
            # ... but whom the governing clause acted on ("expelled two diplomats, accusing them of spying").
            for acted_on in sentence.kids(parent, {"dobj"}):
                if sentence.a.tags[acted_on] not in PLURAL_NOUN_TAGS or token in sentence.subtree(acted_on):
                    continue
                resolved = _resolve(sentence, acted_on, allow_pronoun=False)
                if _known(resolved):
                    return resolved
        node = parent
    return None


GENDERED_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
# Heads of phrases that name a body, not a person: "he" or "she" does not stand for them.
BODY_HEADS = frozenset(
    "office ministry department government court agency council committee party administration army police company "
    "country state organization organisation union commission bureau authority authorities service".split()
)


def _may_be_a_person(sentence: ParsedSentence, head: int) -> bool:
    """Whether a phrase could be what "he" or "she" refers to: not a country, an organisation or a body."""
    label = sentence.entity_of.get(head, (0, 0, ""))[2]
    return label not in ("ORG", "GPE", "NORP", "LOC", "FAC") and sentence.lemma(head) not in BODY_HEADS


SINGULAR_PRONOUNS = frozenset({"it", "its"})
# Common nouns only: "the Netherlands said it", "the United Nations said it" are one actor.
PLURAL_NOUN_TAGS = frozenset({"NNS"})


def _resolve(sentence: ParsedSentence, head: int, allow_pronoun: bool = True) -> CodedActor | None:
    """The actor named by the phrase headed by ``head`` (falling back to its apposition)."""
    head = _relative_head(sentence, head)
    word = sentence.a.words[head].lower()
    if word in PRONOUNS:
        if not allow_pronoun:
            return None
        if word in PERSONAL_PRONOUNS:
            return _person_pronoun(sentence, head)
        return _antecedent(sentence, head)
    if sentence.lemma(head) in QUANTITY_HEADS:
        # "thousands of Serbian students", "some of the rebels": the people counted are the actor.
        for prep in sentence.kids(head, {"prep"}):
            if sentence.lemma(prep) == "of":
                for counted in sentence.kids(prep, {"pobj"}):
                    return _resolve(sentence, counted, allow_pronoun)
        if sentence.lemma(head) in COUNTED_PEOPLE:
            # "Thousands marched in Paris", "tens of thousands took to the streets": people counted and not
            # named are civilians (a sector that takes the country of the place or of the act).
            text, start, end = _phrase(sentence, head)
            return CodedActor(text, start, end, Actor(text, None, None, "CVL", f"{text} (people counted)"))
    person_name = _person_name(sentence, head)
    if person_name is None and not _can_head_actor(sentence, head):
        return None
    text, start, end = _phrase(sentence, head)
    if person_name is None and _described_as_a_person(sentence, head):
        # "Amman, who was described as knife-obsessed, ...": a name that is also a capital, told of as a person.
        recalled = sentence.memory.recall(sentence.a.words[head])
        if recalled is None:
            return None
        return CodedActor(
            text, start, end, Actor(text, recalled.code, recalled.country, recalled.sector, recalled.matched)
        )
    actor = resolve_actor(text)
    if sentence.lemma(head) in MEMBER_HEADS:
        # "American and Russian members of the U.N. peacekeeping mission": an organisation's people are its own.
        for of in sentence.objects_of(head, {"of"}):
            body = _resolve(sentence, of, allow_pronoun=False)
            if body is not None and body.actor.country is None and body.actor.code is not None:
                return CodedActor(text, start, end, body.actor)
    if person_name is not None:
        actor = _person_actor(sentence, head, person_name, text, actor)
    elif (
        actor is None
        and sentence.a.words[head][:1].isupper()
        # "Trump attacked the plan": the small model sometimes tags a known name as nothing at all.
        and (sentence.entity_of.get(head) is not None or sentence.a.pos[head] == "PROPN")
    ):
        # A name the small model tags as an organisation ("Trump said ..."): a person the article or the
        # gazetteer knows, when the phrase names nothing else.
        # The whole name first: "Aung San Suu Kyi" (tagged an organisation) is known whole, not by "Kyi".
        recalled = (
            sentence.memory.recall(text)
            or sentence.memory.recall(sentence.a.words[head])
            or sentence.memory.recall(_split_name(sentence, head))
        )
        if recalled is not None:
            actor = Actor(text, recalled.code, recalled.country, recalled.sector, f"{text} = {recalled.matched}")
    if actor is None or actor.country is None:
        wider = resolve_actor(_phrase_words(sentence, head))
        if wider is not None and (actor is None or wider.country is not None):
            actor = wider
    if actor is None and sentence.a.words[head][:1].isupper() and sentence.kids(head, {"prep"}):
        # "The Movement for the Emancipation of the Niger Delta": a name whose head has a phrase of its own.
        tokens = sentence.subtree(head)
        if tokens == list(range(min(tokens), max(tokens) + 1)) and all(sentence.a.pos[t] != "PUNCT" for t in tokens):
            actor = resolve_actor(sentence.span_text(min(tokens), max(tokens))[0])
    if actor is not None and actor.country is not None and actor.sector is None:
        actor = _community_of_place(sentence, head, actor)
    if actor is not None and actor.country is None and actor.code is None:
        # "its air defense forces": a sector without a country takes the possessor's country.
        for possessor in sentence.kids(head, {"poss"}):
            if sentence.a.words[possessor].lower() in POSSESSIVE_PRONOUNS and allow_pronoun:
                owner = _antecedent(sentence, possessor)
                if owner is not None and owner.actor.country:
                    country = owner.actor.country
                    code_prefix = (owner.actor.code or country)[:3]
                    actor = Actor(
                        text=text,
                        code=code_prefix + (actor.sector or ""),
                        country=country,
                        sector=actor.sector,
                        matched=f"{actor.matched} + {owner.text}",
                    )
    if actor is None and allow_pronoun and (sentence.lemma(head) in actor_heads() or word in actor_heads()):
        # "the army said its jets struck ...": a group or an instrument of no one named is its possessor's.
        for possessor in sentence.kids(head, {"poss"}):
            if sentence.a.words[possessor].lower() in POSSESSIVE_PRONOUNS:
                owner = _antecedent(sentence, possessor)
                if _known(owner):
                    found = owner.actor  # type: ignore[union-attr]
                    matched = f"{text} of {owner.text}"  # type: ignore[union-attr]
                    actor = Actor(text, found.code, found.country, found.sector, matched)
    if actor is None and (sentence.lemma(head) in actor_heads() or word in actor_heads()):
        # "an aircraft chartered by the European Union", "a convoy sent by Turkey": whose the instrument is.
        for participle in sentence.kids(head, {"acl"}):
            for agent in sentence.kids(participle, {"agent"}):
                for pobj in sentence.kids(agent, {"pobj"}):
                    owner = _resolve(sentence, pobj, allow_pronoun=False)
                    if owner is not None and _known(owner):
                        found = owner.actor
                        actor = Actor(text, found.code, found.country, found.sector, f"{text} of {owner.text}")
                        break
    if actor is not None and actor.country is None and actor.code is None and actor.sector:
        actor = _sector_with_country(sentence, head, actor)
    if actor is None or (actor.code is None and actor.country is None):
        for apposition in sentence.kids(head, {"appos"}):
            resolved = _resolve(sentence, apposition, allow_pronoun=False)
            if resolved is not None:
                return resolved
    if actor is None and (iso3 := _misspelt_country(sentence, head)) is not None:
        actor = country_actor(text, iso3, f"{sentence.a.words[head]} (misspelt {iso3})")
    elif actor is not None and actor.country is None and actor.code is None and actor.sector:
        # "Isreali troops": a misspelt nationality before a sector.
        for modifier in sentence.kids(head, {"amod", "compound"}):
            if (iso3 := _misspelt_country(sentence, modifier)) is not None:
                actor = _in_country(actor, iso3)
                break
    if actor is None:
        actor = _place_actor(sentence, head, text)
    unplaced_force = sentence.lemma(head) in SENT_FORCE_HEADS and (
        actor is None or (actor.code is None and actor.country is None)
    )
    if actor is None and sentence.lemma(head) in DELEGATE_HEADS or unplaced_force:
        # "a delegation from Iran", "representatives of Hamas", "a spokesman for the rebels": who they speak for;
        # "warplanes from the Saudi-led coalition", "troops from the African Union": whose force they are.
        for prep in sentence.kids(head, {"prep"}):
            if sentence.lemma(prep) not in (("from", "of") if unplaced_force else ("from", "of", "for")):
                continue
            for pobj in sentence.kids(prep, {"pobj"}):
                inner = _resolve(sentence, pobj, allow_pronoun=False)
                if inner is not None and _known(inner) and not inner.actor.matched.startswith("place "):
                    found = inner.actor
                    matched = f"{sentence.lemma(head)} of {found.matched}"
                    return CodedActor(text, start, end, Actor(text, found.code, found.country, found.sector, matched))
    if actor is None:
        actor = _other_half(sentence, head, text)
    if actor is None:
        return None
    return CodedActor(text, start, end, actor)


# "South Korea urged the North to return to talks": a divided country's other half, named by its compass point when
# the sentence names the first half.
OTHER_HALVES = {
    "North": (re.compile(r"\b(?:South Korea|South Korean|Seoul)\b"), "PRK"),
    "South": (re.compile(r"\b(?:North Korea|North Korean|Pyongyang)\b"), "KOR"),
}


def _described_as_a_person(sentence: ParsedSentence, head: int) -> bool:
    """Whether a place name is a person's: told of with "who" ("Amman, who was described as ...")."""
    told_with_who = sentence.a.pos[head] == "PROPN" and any(
        sentence.lemma(w).lower() in ("who", "whom", "whose")
        for clause in sentence.kids(head, {"relcl"})
        for w in sentence.kids(clause, SUBJECTS | PASSIVE_SUBJECTS | OBJECTS | {"poss"})
    )
    # Looked up only for the few names told with "who": _resolve asks this of every head.
    word = sentence.a.words[head]
    return told_with_who and (is_seat(word) or resolve_place(word) is not None)


def _other_half(sentence: ParsedSentence, head: int, text: str) -> Actor | None:
    half = OTHER_HALVES.get(sentence.a.words[head])
    if half is None or not any(sentence.lemma(d) == "the" for d in sentence.kids(head, {"det"})):
        return None
    named, country = half
    if not named.search(sentence.text):
        return None
    return country_actor(text, country, f"the other half of Korea ({country})")


# Nouns for the people of a body: "members of the UN mission", "staff of the World Food Programme".
MEMBER_HEADS = frozenset({"member", "staff", "personnel", "employee", "officer", "official"})

# Nouns for people who act for someone else, named by a "from/of/for" phrase; and those who head a body, who
# stand for it ("the head of Russia's foreign intelligence service", "the director of the CIA").
SENT_FORCE_HEADS = frozenset(
    "troop soldier force peacekeeper warplane jet aircraft plane bomber helicopter drone warship ship unit".split()
)
DELEGATE_HEADS = frozenset(
    "delegation delegate representative spokesman spokeswoman spokesperson negotiator team mission "
    "head director chairman chairwoman chief leader boss commander "
    "monitor observer inspector investigator expert".split()
)


PERSONAL_PRONOUNS = frozenset({"he", "she", "him"})
QUANTITY_HEADS = frozenset(
    "thousand thousands hundred hundreds dozen dozens million millions some many most all few "
    "several number scores tens".split()
) | frozenset(
    # Groups sent or gathered: "a contingent of Bangladeshi peacekeepers", "a first batch of Pakistani troops".
    "contingent batch detachment squad column handful band".split()
)

# Number words that, alone, count people: not "some", "many", "all", which stand for a group named before.
COUNTED_PEOPLE = frozenset("thousand thousands hundred hundreds dozen dozens million millions scores tens".split())


def _person_name(sentence: ParsedSentence, head: int) -> str | None:
    """The name, when ``head`` is (the last word of) a PERSON entity."""
    entity = sentence.entity_of.get(head)
    if entity is None or entity[2] != "PERSON":
        return None
    # "Daniel arap" + "Moi": the small model may cut a name at a lowercase particle into two persons.
    return _split_name(sentence, entity[0]) or sentence.span_text(entity[0], entity[1] - 1)[0]


def _split_name(sentence: ParsedSentence, first: int) -> str:
    """A name the small model cut before ``first``, with a person's name right before it: "Daniel arap" (a person) +
    "Moi" (read as another person or an organisation); "" when no person precedes."""
    entity = sentence.entity_of.get(first, (first, first + 1, ""))
    before = sentence.entity_of.get(first - 1)
    if entity[0] != first or before is None or before[2] != "PERSON" or before[1] != first:
        return ""
    return sentence.span_text(before[0], entity[1] - 1)[0]


TELLING_VERBS = frozenset("tell inform assure notify warn".split())


def _addressees(sentence: ParsedSentence, token: int) -> list[CodedActor]:
    """Whom the clause of a trigger was told: "Iraq told Kofi Annan in a letter that it would allow ...", up through
    the clauses and the intent adjective ("told the IAEA that it was prepared to accept ...")."""
    node = token
    for _ in range(4):
        parent = sentence.head(node)
        if parent == node or sentence.dep(node) not in ("ccomp", "xcomp", "acomp", "advcl"):
            return []
        if sentence.lemma(parent) in TELLING_VERBS:
            return [a for a in _resolve_coordinated(sentence, sentence.kids(parent, {"dobj"})) if _known(a)]
        node = parent
    return []


def _detached_title(sentence: ParsedSentence, head: int) -> Actor | None:
    """A title right before a name that the parser hung on the verb instead ("European Union foreign policy chief
    Javier Solana met ...", with "chief" read as an adverbial noun of "met")."""
    first = min(_phrase_tokens(sentence, head))
    title = first - 1
    if title < 0 or sentence.a.pos[title] != "NOUN" or sentence.dep(title) not in ("npadvmod", "nmod", "dep"):
        return None
    if sentence.head(title) in _phrase_tokens(sentence, head):
        return None
    described = resolve_actor(_phrase_words(sentence, title))
    return described if described is not None and (described.country or described.code) else None


def _person_actor(sentence: ParsedSentence, head: int, name: str, text: str, titled: Actor | None) -> Actor | None:
    """A person: by the title in the phrase or apposition ("Ukrainian President ..."), else by what the
    article said of them before, else by the dated gazetteer. Titled persons are remembered."""
    if titled is not None and is_seat(titled.matched) and titled.matched.lower() in name.lower().split():
        titled = None  # "Sudesh Amman" is a person so named, not Jordan's government
    if titled is None or titled.country is None and titled.code is None:
        for apposition in sentence.kids(head, {"appos"}):
            described = resolve_actor(_phrase_words(sentence, apposition))
            if described is not None and described.sector and not (described.country or described.code):
                # "Wanda Vázquez, the governor of Puerto Rico": the title's country is in its own phrase.
                described = _sector_with_country(sentence, apposition, described)
            if described is not None and (described.country or described.code):
                titled = described
                break
    if titled is None or titled.country is None and titled.code is None:
        detached = _detached_title(sentence, head)
        if detached is not None:
            titled = detached
    if titled is not None and titled.sector and not (titled.country or titled.code):
        # "Florida Governor Ron DeSantis": a US state or a town before the title gives the country.
        titled = _sector_with_country(sentence, head, titled)
    if (
        titled is not None
        and titled.country
        and titled.sector == "GOV"
        and is_seat(titled.matched)
        and _ordinary_description(sentence, head)
    ):
        # "former Washington lobbyist Jack Abramoff": a capital before an ordinary noun says where the person works,
        # not that they are its government; they are a national, as "US lawyer Michael Avenatti" is.
        titled = country_actor(titled.text, titled.country, titled.matched)
    if titled is not None and (titled.country or titled.code):
        # "Russia's Putin": a named person of a country is its government; but "US lawyer Michael Avenatti",
        # "Avenatti, a US lawyer" are a national described by an ordinary noun, not an official.
        # An organisation with a home country keeps its own code: "Boko Haram", which the small model often
        # tags as a person, is BKH, not a Nigerian government ("BKHGOV").
        of_country = titled.country is not None and titled.code in (None, cameo_country(titled.country))
        if titled.sector is None and of_country and not _ordinary_description(sentence, head):
            titled = Actor(
                titled.text,
                (titled.code or "") + "GOV" if titled.country else titled.code,
                titled.country,
                "GOV" if titled.country else None,
                titled.matched,
            )
        sentence.memory.remember(name, titled)
        return titled
    recalled = sentence.memory.recall(name)
    if recalled is None and text != name:
        recalled = sentence.memory.recall(text)  # "King Hussein": known by title and name, not "Hussein" alone
    if recalled is not None and recalled.sector is None and recalled.country and titled is not None and titled.sector:
        # "President Trump" in a year he was out of office: the title the text gives, of the country he served.
        code = cameo_country(recalled.country) + titled.sector
        return Actor(text, code, recalled.country, titled.sector, f"{titled.matched} + {name} = {recalled.matched}")
    if recalled is not None:
        return Actor(text, recalled.code, recalled.country, recalled.sector, f"{name} = {recalled.matched}")
    return titled


def _ordinary_description(sentence: ParsedSentence, head: int) -> bool:
    """Whether a person's phrase or apposition is headed by an ordinary noun that is no sector term: "US
    *lawyer* Michael Avenatti", "Avenatti, a US *lawyer*" (not "Russia's Putin", "Putin, Russia's leader")."""
    entity = sentence.entity_of.get(head, (head, head + 1, ""))
    nouns = [t for t in _phrase_tokens(sentence, head) if not entity[0] <= t < entity[1]]
    nouns += sentence.kids(head, {"appos"})
    for token in nouns:
        if sentence.a.pos[token] != "NOUN":
            continue
        if sentence.lemma(token) in TITLE_HEADS:
            continue  # "Soleimani, head of Iran's Quds Force": a title, not an ordinary noun
        found = resolve_actor(sentence.a.words[token])
        if found is None or found.sector is None:
            return True
    return False


# Words that give a person's gender: titles and honorifics ("Mrs", "Queen"), and gendered role or kin nouns in
# the person's phrase or apposition ("spokeswoman", "his wife"). Names themselves are not guessed at.
MALE_WORDS = frozenset(
    """mr mr. sir lord king prince duke emperor pope sultan emir sheikh father brother son husband widower
    grandfather uncle nephew boy man gentleman spokesman chairman congressman businessman councilman""".split()
)
FEMALE_WORDS = frozenset(
    """mrs mrs. ms ms. miss madam madame dame lady queen princess duchess empress mother sister daughter wife
    widow grandmother aunt niece girl woman spokeswoman chairwoman congresswoman businesswoman councilwoman
    actress""".split()
)
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f"}


def _gender(sentence: ParsedSentence, head: int, name: str) -> str | None:
    """A person's gender from the words of their phrase, the word before the name, their apposition, or
    what the article said of them before; None when nothing says."""
    entity = sentence.entity_of.get(head, (head, head + 1, ""))
    tokens = set(_phrase_tokens(sentence, head)) | {entity[0] - 1}
    for apposition in sentence.kids(head, {"appos"}):
        tokens.update(_phrase_tokens(sentence, apposition))
    words = {sentence.a.words[t].lower() for t in tokens if 0 <= t < len(sentence)}
    if words & MALE_WORDS and not words & FEMALE_WORDS:
        return "m"
    if words & FEMALE_WORDS and not words & MALE_WORDS:
        return "f"
    return sentence.memory.gender_of(name)


def _is_subject(sentence: ParsedSentence, head: int) -> bool:
    node = head
    while sentence.dep(node) in ("conj", "appos") and sentence.head(node) != node:
        node = sentence.head(node)
    return sentence.dep(node) in SUBJECTS | PASSIVE_SUBJECTS


def remember_persons(sentence: ParsedSentence) -> None:
    """Register every titled person of the sentence, even where no event is coded, and list the sentence's
    persons, titled or not, in ``sentence.mentions`` (what a "he"/"she" may stand for)."""
    for entity in sentence.a.entities:
        if entity.label != "PERSON":
            continue
        inside = range(entity.start, entity.end)
        head = next((t for t in inside if sentence.head(t) not in inside or sentence.head(t) == t), None)
        if head is None or sentence.a.words[head].lower() in PRONOUNS:
            continue
        resolved = _resolve(sentence, head, allow_pronoun=False)
        actor = resolved.actor if _known(resolved) else None
        name = sentence.span_text(entity.start, entity.end - 1)[0]
        gender = _gender(sentence, head, name)
        sentence.mentions.append((head, Mention(name, actor, gender, _is_subject(sentence, head))))


def _agrees(mention: Mention, gender: str | None) -> bool:
    return mention.gender is None or gender is None or mention.gender == gender


def _pick(mentions: list[Mention], gender: str | None) -> Mention | None:
    """The antecedent among one sentence's persons: the first subject that agrees in gender, else the first
    person that agrees."""
    agreeing = [m for m in mentions if _agrees(m, gender)]
    return next((m for m in agreeing if m.subject), agreeing[0] if agreeing else None)


def _may_be_person(sentence: ParsedSentence, head: int) -> bool:
    """Whether a subject can be what "he"/"she" refers to: a person's name or a person noun, not a country,
    an organisation or a thing ("Russia said he ..." does not make Russia "he")."""
    label = sentence.entity_of.get(head, (0, 0, ""))[2]
    if label == "PERSON":
        return True
    # The small model tags some persons as places or organisations ("the United Kingdom's Queen Elizabeth II",
    # "Trump"): a title in the phrase, or a person the article or the gazetteer knows, is still a person.
    phrase = _phrase_tokens(sentence, head)
    if any(sentence.lemma(t) in PERSON_NOUNS for t in phrase):
        return True
    if sentence.a.words[head][:1].isupper() and sentence.memory.recall(sentence.a.words[head]) is not None:
        return True
    if label in ("GPE", "ORG", "NORP", "LOC", "FAC"):
        return False
    return sentence.lemma(head) in PERSON_NOUNS


# Common nouns that name one person ("the president said he ..."), for pronoun agreement.
PERSON_NOUNS = (
    frozenset(
        """president minister leader spokesman spokeswoman spokesperson secretary chancellor premier king queen prince
    princess ambassador envoy governor mayor senator general commander chief head chairman chairwoman official
    officer judge candidate lawyer man woman""".split()
    )
    | MALE_WORDS
    | FEMALE_WORDS
)


def _person_pronoun(sentence: ParsedSentence, token: int) -> CodedActor | None:
    """What "he"/"she"/"him" stands for, or None when it is a person the coder cannot code.

    In order: the subject of a governing clause that is a person and agrees in gender ("Trump said he
    banned ..."); a person named earlier in the sentence ("Blagojevich was jailed after he tried ...");
    the persons of the last sentences that named any, newest first, the subject preferred. The nearest
    agreeing person is the antecedent even when no dictionary knows them: a pronoun never skips over them to
    an older, titled person.
    """
    word = sentence.a.words[token].lower()
    gender = PRONOUN_GENDER.get(word)
    start = sentence.a.offsets[token]

    def as_actor(actor: Actor | None) -> CodedActor | None:
        return CodedActor(sentence.a.words[token], start, start + len(word), actor) if actor is not None else None

    node, seen = token, set()
    while node not in seen:
        seen.add(node)
        parent = sentence.head(node)
        if parent == node:
            break
        for subject in sentence.kids(parent, SUBJECTS):
            subject = _relative_head(sentence, subject)
            if token in sentence.subtree(subject) or sentence.lemma(subject) in PRONOUNS:
                continue
            if not _may_be_person(sentence, subject):
                continue
            name = _person_name(sentence, subject)
            mention = next((m for h, m in sentence.mentions if h == subject), None)
            if mention is not None and not _agrees(mention, gender):
                continue
            if name is not None and gender is not None:
                sentence.memory.learn_gender(name, gender)  # "Ardern said she ...": Ardern is a woman
            return _resolve(sentence, subject, allow_pronoun=False)
        node = parent
    earlier = [m for h, m in sentence.mentions if h < token]
    if earlier and (found := _pick(earlier, gender)) is not None:
        return as_actor(found.actor)
    for mentions in reversed(sentence.memory.recent):
        found = _pick(list(mentions), gender)
        if found is not None:
            return as_actor(found.actor)
    return None


# Participles that say where a group is at home: "based in", "headquartered in", "operating in" (not "stationed in"
# or "deployed in", which mostly say where foreign troops are).
LOCATING_PARTICIPLES = frozenset("base locate headquarter".split())
# "refugees fleeing Syria", "civilians escaping the fighting in Aleppo": where people flee from is where they are from.
FLEEING_PARTICIPLES = frozenset("flee escape".split())


def _sector_with_country(sentence: ParsedSentence, head: int, actor: Actor) -> Actor:
    """A sector whose country the phrase gives around it: "rebels in the Ivory Coast", "activists from the
    Fatah party", "the Bush administration" (a known person's government)."""
    country: str | None = None
    # "militants based in Gaza", "troops stationed in Kosovo": where a participle places them, as "in Gaza" would.
    placed = [
        prep
        for participle in sentence.kids(head, {"acl"})
        if sentence.lemma(participle) in LOCATING_PARTICIPLES
        and sentence.a.tags[participle] == "VBN"
        or sentence.lemma(participle) == "operate"
        for prep in sentence.kids(participle, {"prep"})
        if sentence.lemma(prep) in ("in", "throughout", "across")
    ]
    fleeing = [
        participle
        for participle in sentence.kids(head, {"acl"})
        if sentence.lemma(participle) in FLEEING_PARTICIPLES and sentence.a.tags[participle] == "VBG"
    ]
    fled = [place_name for participle in fleeing for place_name in sentence.kids(participle, OBJECTS)]
    for place_name in fled:
        if sentence.entity_of.get(place_name, (0, 0, ""))[2] in ("GPE", "LOC"):
            place = resolve_place(_phrase(sentence, place_name)[0])
            if place is not None and place.country is not None:
                return _in_country(actor, place.country)
    placed += [
        prep
        for participle in fleeing
        for owner in [participle, *fled]
        for prep in sentence.kids(owner, {"prep"})
        if sentence.lemma(prep) in ("in", "from")
    ]
    for child in sentence.children[head] + placed:
        dep = sentence.dep(child)
        if dep == "prep" and sentence.lemma(child) in ("in", "at", "from", "throughout", "across", "of"):
            for pobj in sentence.kids(child, {"pobj"}):
                words = _phrase_words(sentence, pobj)
                found = resolve_actor(words)
                # "the governor of Louisiana": a US state or a town names the country; "of" only with a place name.
                named = sentence.lemma(child) != "of" or sentence.entity_of.get(pobj, (0, 0, ""))[2] in ("GPE", "LOC")
                place = (
                    resolve_place(_phrase(sentence, pobj)[0])
                    if named and (found is None or found.country is None)
                    else None
                )
                if sentence.lemma(child) in ("in", "at") and (
                    found is None or found.country is None or found.sector is None
                ):
                    # "kidnappers in the Niger Delta" (a region, not Niger), "authorities in the western city of
                    # Ahmedabad": the place the phrase names, looked through.
                    whole, _ = _place_of(sentence, pobj, depth=1)
                    if whole is not None and whole.country is not None and whole.kind != "country":
                        found, place = None, whole
                if place is not None and sentence.lemma(child) == "of" and place.kind == "city":
                    place = None  # "a resident of Antioch, Illinois": town names are shared across countries
                country = (found.country if found is not None else None) or (place.country if place else None)
        elif dep in ("compound", "poss") and sentence.entity_of.get(child, (0, 0, ""))[2] == "GPE":
            # "the Florida governor", "Puerto Rico's governor": a US state or a territory before the sector; a city
            # only before people of a place ("Kabul police", "the Medellin cartel"), not before its government.
            entity = sentence.entity_of[child]
            place = resolve_place(sentence.span_text(entity[0], entity[1] - 1)[0])
            local = dep == "compound" and actor.sector not in ("GOV", "LEG", "JUD")  # "St. John's Church": a name
            country = place.country if place is not None and (place.kind != "city" or local) else None
        elif dep in ("compound", "poss") and sentence.entity_of.get(child, (0, 0, ""))[2] == "PERSON":
            # "the Bush administration", "Kagame's government", "Lukashenko's KGB"
            person = _resolve(sentence, child, allow_pronoun=False)
            country = person.actor.country if person is not None else None
        if country:
            return _in_country(actor, country)
    return actor


def _misspelt_country(sentence: ParsedSentence, token: int) -> str | None:
    """The country a capitalised name or adjective misspells ("Ethopia", "Afganistan", "Isreali"), when the gazetteer
    knows no place of that spelling."""
    # The small model rarely labels a misspelt name at all; a person's or an organisation's name is not a country.
    if (
        sentence.entity_of.get(token, (0, 0, ""))[2] not in ("GPE", "NORP", "")
        or not sentence.a.words[token][:1].isupper()
    ):
        return None
    if sentence.a.pos[token] not in ("PROPN", "ADJ"):
        return None
    word = sentence.a.words[token]
    if resolve_place(word) is not None:
        return None
    return misspelt_country(word)


def _community_of_place(sentence: ParsedSentence, head: int, actor: Actor) -> Actor:
    """ "the Albanians of southern Serbia", "Turks in Germany": a people named by a demonym and placed in another
    country are that country's (as CAMEO codes a community by where it lives), not the state the demonym names."""
    if sentence.entity_of.get(head, (0, 0, ""))[2] != "NORP" or sentence.a.tags[head] not in ("NNS", "NNPS"):
        return actor
    for prep in sentence.kids(head, {"prep"}):
        if sentence.lemma(prep) not in ("in", "of"):
            continue
        for pobj in sentence.kids(prep, {"pobj"}):
            place, _ = _place_of(sentence, pobj, depth=1)
            if place is not None and place.country is not None and place.country != actor.country:
                return _in_country(actor, place.country)
    return actor


def _in_country(actor: Actor, country: str) -> Actor:
    return Actor(
        actor.text,
        cameo_country(country) + (actor.sector or ""),
        country,
        actor.sector,
        f"{actor.matched} + {country}",
    )


def _place_actor(sentence: ParsedSentence, head: int, text: str) -> Actor | None:
    """A city or region named as an actor or target ("attacked Kharkiv") stands for its country."""
    entity = sentence.entity_of.get(head)
    if entity is not None and entity[2] in ("PERSON", "PRODUCT", "WORK_OF_ART"):
        # "sentenced David and Louise Turpin": a person's name is not a town of that name; nor is what the small
        # model takes for a product or a title ("praised Mendez", tagged PRODUCT, is not Mendez in the Philippines).
        return None
    # The small model often tags a city as ORG ("attacked Kharkiv"): any proper-noun place name counts.
    if (entity is None or entity[2] not in ("GPE", "LOC")) and sentence.a.pos[head] != "PROPN":
        return None
    place = resolve_place(text)
    if place is None or place.country is None:
        return None
    return country_actor(text, place.country, f"place {place.name} ({place.kind})")


def _for_clauses(sentence: ParsedSentence, noun: int) -> list[int]:
    """The for-to clauses of a trigger ("calls for Russia to withdraw", "pushed for the US to support the plan"):
    the small model labels them adverbial clauses, but they say what is asked for, and of whom."""
    if sentence.a.pos[noun] not in ("NOUN", "VERB"):
        return []
    return [
        clause
        for clause in sentence.kids(noun, {"advcl"})
        if any(sentence.lemma(m) == "for" for m in sentence.kids(clause, {"mark"})) and sentence.kids(clause, SUBJECTS)
    ]


def _of_names_the_doer(code: str) -> bool:
    """Whether "the X of Y" names who does X: "the withdrawal of Russian forces", "a demonstration of
    students", "the deployment of NATO troops", "the resignation of President Fujimori" (but "the killing of
    civilians", "the release of prisoners" name who it is done to)."""
    return code[:2] in OF_DOER_ROOTS or code.startswith(OF_DOER_CODES) or code == RESIGNATION_CODE


def _moves_own_forces(code: str) -> bool:
    """Whether what is moved by the act is the doer's own force: deployments and force postures (15),
    peacekeepers sent (074), withdrawals (087); not protests (14), whose passive subject is not a protester."""
    return code[:2] == "15" or code.startswith(OF_DOER_CODES)


ABBREVIATION = re.compile(r"(?:[A-Z]\.?){2,4}")


def _abbreviated_country(sentence: ParsedSentence, token: int) -> bool:
    """ "US airstrikes", "U.K. sanctions": an abbreviated country name before a noun is used as its adjective
    (there is no other short one), so it names the doer; a full name ("the Syria airstrikes") may say where."""
    word = sentence.a.words[token]
    return bool(ABBREVIATION.fullmatch(word)) and find_country(word) is not None


def _reduced_relative_subject(sentence: ParsedSentence, subject: int) -> int:
    """ "The Red Cross operating in Syria said ...": the parser reads "operating" as a gerund clause with its own
    subject; a subject gerund with a subject of its own is a participle on that noun, and the noun is the subject."""
    if sentence.a.tags[subject] == "VBG" and (own := sentence.kids(subject, {"nsubj"})):
        return own[0]
    return subject


def _source(sentence: ParsedSentence, token: int, trigger: Trigger, code: str | None = None) -> list[CodedActor]:
    code = code or trigger.cameo
    heads: list[int] = []
    subjects = sentence.kids(token, SUBJECTS)
    if subjects:
        heads = sentence.conjuncts(_reduced_relative_subject(sentence, subjects[0]))
        heads += _split_subjects(sentence, subjects, heads)
        if len(heads) == 1:
            heads = _split_coordinated_modifier(sentence, heads[0])
    else:
        for agent in sentence.kids(token, {"agent"}):
            heads = [c for p in sentence.kids(agent, {"pobj"}) for c in sentence.conjuncts(p)]
    if not heads and trigger.pos == "VERB" and _is_passive(sentence, token):
        # "has been accused of misusing funds by Haitian officials": the agent the parser hung on the gerund.
        for prep in sentence.kids(token, {"prep"}):
            for gerund in sentence.kids(prep, {"pcomp"}):
                if sentence.a.tags[gerund] != "VBG":
                    continue
                for by in sentence.kids(gerund, {"prep"}):
                    if sentence.lemma(by) == "by":
                        heads = [c for p in sentence.kids(by, {"pobj"}) for c in sentence.conjuncts(p)]
            # "was accused of corruption by Kenyan officials", "was charged with fraud by prosecutors": the
            # agent hung on the charge; but the doer of an act ("accused of attacks by the army") is its own.
            for charge in sentence.kids(prep, {"pobj"}):
                if (sentence.lemma(charge), "NOUN") in trigger_rows():
                    continue
                for by in sentence.kids(charge, {"prep"}):
                    if sentence.lemma(by) == "by" and not heads:
                        heads = [c for p in sentence.kids(by, {"pobj"}) for c in sentence.conjuncts(p)]
    own_envoys = code == "161" and trigger.lemma in WITHDRAWING_LEMMAS | {"recall"}  # "the ambassador was recalled"
    if not heads and trigger.pos == "VERB" and _is_passive(sentence, token) and (_moves_own_forces(code) or own_envoys):
        # "Turkish tanks were deployed along the border", "Russian troops were withdrawn": with no agent, the
        # forces moved are the doer's own, as in "the deployment of Turkish tanks".
        heads = [c for s in sentence.kids(token, PASSIVE_SUBJECTS) for c in sentence.conjuncts(s)]
    if trigger.pos == "NOUN" and not heads:
        # Possessor or nationality adjective: "Russia's strikes", "Russian strikes".
        own = [
            c
            for c in sentence.children[token]
            if sentence.dep(c) in ("poss", "amod", "compound", "nmod")
            # "took two Japanese engineers hostage": who is held, not who holds.
            and not (sentence.lemma(token) in CAPTIVE_NOUNS and sentence.dep(c) != "poss")
            # "the Kabul car bombing": a place name before the noun says where, not who.
            and not (
                sentence.dep(c) == "compound"
                and sentence.entity_of.get(c, (0, 0, ""))[2] in ("GPE", "LOC", "FAC")
                and not _abbreviated_country(sentence, c)
            )
        ]
        # "Saudi-led coalition airstrikes": the parser hangs "led" on the trigger; its leader is the doer.
        own += [
            leader
            for led in sentence.kids(token, {"amod"})
            if sentence.lemma(led) == "lead" and sentence.a.tags[led] == "VBN"
            for leader in sentence.kids(led, {"npadvmod", "compound", "nmod"})
        ]
        # A coordinated subject of the carrying verb ("American and Filipino troops", "Russia and Belarus").
        carrier = _clause_verb(sentence, token)
        carrier_subjects = [
            subject
            for subject in (sentence.kids(carrier, SUBJECTS) if _carries(sentence, carrier, token, trigger) else [])
            if len(sentence.conjuncts(subject)) > 1
            or _member_countries(sentence, subject)
            or _split_subjects(sentence, sentence.kids(carrier, SUBJECTS), [subject])
        ]
        for child in own:
            if (
                sentence.dep(child) == "poss"
                and sentence.a.words[child].lower() in POSSESSIVE_PRONOUNS
                and carrier_subjects
            ):
                # "American and Filipino troops began their joint exercises": the pronoun stands for the carrying
                # verb's coordinated subject, which names all of them.
                continue
            resolved = _resolve(sentence, child, allow_pronoun=sentence.dep(child) == "poss")
            if (
                _known(resolved)
                and sentence.dep(child) != "poss"
                and resolved.actor.matched.startswith("place ")
                and not _abbreviated_country(sentence, child)
            ):
                continue  # "the Raqqa battle": a town modifying the noun says where it was fought, not who fought
            if _known(resolved):
                return [resolved]  # type: ignore[list-item]
        # "the police shooting of Jacob Blake": a sector before an act of force is its doer, its country found later
        # ("a police patrol" is a unit, not an act).
        sector_own = [
            child
            for child in own
            if code[:2] in ASSAULT_ROOTS
            and sentence.dep(child) == "compound"
            and (resolved := _resolve(sentence, child, allow_pronoun=False)) is not None
            and resolved.actor.sector is not None
        ]
        for prep in sentence.kids(token, {"prep"}):
            if sentence.lemma(prep) in ("by", "from") or (sentence.lemma(prep) == "of" and _of_names_the_doer(code)):
                # "a visit by Putin", "attacks from the Russian side" (not "training from April 26")
                heads = [
                    c
                    for p in sentence.kids(prep, {"pobj"})
                    for c in sentence.conjuncts(p)
                    if sentence.entity_of.get(c, (0, 0, ""))[2] not in ("DATE", "TIME")
                ]
                if (
                    sentence.lemma(prep) == "of"
                    and not any(_known(_resolve(sentence, h)) for h in heads)
                    and _carries(sentence, carrier := _clause_verb(sentence, token), token, trigger)
                    and any(_known(_resolve(sentence, s)) for s in sentence.kids(carrier, SUBJECTS))
                ):
                    # "Russia announced a mobilisation of reservists": forces of no country named are those of
                    # who carries out or announces the act (its light verb's subject, found below).
                    heads = []
                if heads:
                    break
        if not heads:
            # "the expulsion of the Russian diplomats by Norway": the parser hangs the doer's "by" on the patient.
            heads = [
                c
                for of in sentence.kids(token, {"prep"})
                if sentence.lemma(of) == "of"
                for patient in sentence.kids(of, {"pobj"})
                for by in sentence.kids(patient, {"prep"})
                if sentence.lemma(by) == "by"
                for p in sentence.kids(by, {"pobj"})
                if sentence.entity_of.get(p, (0, 0, ""))[2] not in ("DATE", "TIME")
                for c in sentence.conjuncts(p)
            ]
        if not heads:
            for participle in _agent_participles(sentence, token):
                for agent in sentence.kids(participle, {"agent"}):
                    heads = [c for p in sentence.kids(agent, {"pobj"}) for c in sentence.conjuncts(p)]
                if heads:
                    break
        if not heads:
            verb = _clause_verb(sentence, token)
            if _carries(sentence, verb, token, trigger):
                # "held drills", "were engaged in training": the light verb's (passive) subject; but who is "put
                # under investigation" or "taken into custody" undergoes it.
                subjects = sentence.kids(verb, SUBJECTS) or (
                    [] if _undergone(sentence, token) else sentence.kids(verb, PASSIVE_SUBJECTS)
                )
                if subjects == [token]:
                    # "sanctions were levied on Iran by the US": the noun itself is the passive subject; the
                    # agent is the doer.
                    subjects = [
                        p for agent in sentence.kids(verb, {"agent"}) for p in sentence.kids(agent, {"pobj"})
                    ] or subjects
                if subjects:
                    heads = sentence.conjuncts(subjects[0])
                    heads += _split_subjects(sentence, subjects, heads)
        if not heads:
            heads = sector_own[:1]
    if not heads and trigger.pos == "NOUN" and (verb := _went_for(sentence, token)) is not None:
        # "negotiators returned to Geneva for talks", "gathered in the square for a rally": who went for it.
        subjects = sentence.kids(verb, SUBJECTS)
        if subjects:
            heads = sentence.conjuncts(subjects[0])
    if not heads and trigger.pos == "NOUN" and trigger.lemma in RECIPROCAL_LEMMAS:
        heads = _fighters_of_the_clause(sentence, token)
    if not heads and not _is_passive(sentence, token):
        # "Russia agreed to send", "Syria is willing to withdraw": the controlling clause's subject.
        node = token
        if trigger.pos == "NOUN" and _carries(sentence, carrier := _clause_verb(sentence, token), token, trigger):
            node = carrier  # "Iran is ready to resume negotiations": from the verb that carries the noun
        described = sentence.head(node)
        if (holder := _first_to(sentence, node)) is not None:
            # "Iceland became the first country to recognise Lithuania": the country is the copula's subject.
            heads = sentence.conjuncts(holder)
        elif sentence.dep(node) == "acl" and sentence.a.tags[node] == "VBG" and described != node:
            if (
                sentence.lemma(described) not in STATEMENT_WORDS
                and _can_head_actor(sentence, described)
                and (people := _resolve(sentence, described)) is not None
                and (people.actor.sector is not None or people.actor.country is not None)
            ):
                # "dispersed students protesting against the government", "troops guarding the border": the people
                # the participle describes are its doers.
                heads = sentence.conjuncts(described)
            elif sentence.dep(described) in OBJECTS:
                # "the PKK issued a declaration demanding ...": the participle shares the subject of the verb whose
                # object it describes.
                node = described
                subjects = sentence.kids(sentence.head(node), SUBJECTS)
                if subjects:
                    heads = sentence.conjuncts(subjects[0])
        for _ in range(0 if heads else 3):
            parent = sentence.head(node)
            # "police opened fire, killing one person": a participle clause shares its governor's subject.
            participle = sentence.dep(node) == "advcl" and (
                sentence.a.tags[node] == "VBG"
                or sentence.lemma(parent) in GATHERING_VERBS
                # "students burned flags to protest": who did the deed protests.
                or (sentence.lemma(node) in PROTEST_VERBS and sentence.a.tags[parent] in DEED_TAGS)
            )
            if parent == node or (sentence.dep(node) not in ("xcomp", "conj", "acomp") and not participle):
                break
            subjects = sentence.kids(parent, SUBJECTS)
            if (
                sentence.dep(node) == "xcomp"
                and sentence.lemma(parent) in ENACTING_VERBS
                and not any(_known(_resolve(sentence, c)) for s in subjects[:1] for c in sentence.conjuncts(s))
            ):
                # "Sharon ordered the Israeli army to withdraw": with the one who orders unknown, who is ordered.
                subjects = sentence.kids(parent, {"dobj"}) or subjects
            if not subjects and sentence.dep(node) == "conj":
                # "has been indicted ... and will resign": coordinated verbs share the subject, whatever the voice.
                subjects = sentence.kids(parent, PASSIVE_SUBJECTS)
            if not subjects and sentence.dep(node) == "xcomp" and sentence.lemma(parent) in INTENT_ADJECTIVES:
                # "Putin is set to visit Ankara", "is scheduled to meet": the passive subject of the schedule.
                subjects = sentence.kids(parent, PASSIVE_SUBJECTS)
            if subjects:
                heads = sentence.conjuncts(subjects[0])
                break
            node = parent
    if len(heads) == 1 and sentence.dep(heads[0]) in SUBJECTS:
        heads = _headline_partners(sentence, sentence.head(heads[0]), heads[0]) + heads
    heads = [issuer for h in heads for issuer in _issuers(sentence, h)]
    if len(heads) == 1 and (members := _member_countries(sentence, heads[0])):
        return members
    return _resolve_coordinated(sentence, heads)


def _deployment_in_aid(
    sentence: ParsedSentence, frame_token: int | None, deployment: int, candidates: dict[int, _Candidate]
) -> bool:
    """Whether an intended deployment sends forces *to* a country to help it, not against it: "agreed to send troops
    to Mali to help train its army", "will send soldiers to Estonia to bolster NATO's flank". Forces sent to a border
    ("to the border with Ukraine") or for a hostile purpose stay a threat."""
    destinations = [
        obj
        for prep in sentence.kids(deployment, {"prep", "dative"})
        if sentence.lemma(prep) == "to"
        for obj in sentence.kids(prep, {"pobj"})
    ]
    holders = [deployment] + ([frame_token] if frame_token is not None else [])
    purposes = [c for h in holders for c in sentence.kids(h, {"advcl", "xcomp"}) if c != deployment]
    helping = [p for p in purposes if sentence.lemma(p) in HELPING_PURPOSES]
    if not destinations:
        # "sent troops to protect Mali": the country helped is the purpose's object.
        destinations = [o for p in helping for o in sentence.kids(p, OBJECTS)]
    if not destinations or any(sentence.lemma(d) in FRONTIER_NOUNS for d in destinations):
        return False
    if not any((found := _resolve(sentence, d)) is not None and found.actor.country for d in destinations):
        return False
    if helping:
        return True
    hostile_purpose = any(
        t in candidates and candidates[t].code[:2] in HOSTILE_ROOTS for p in purposes for t in sentence.subtree(p)
    )
    return frame_token is not None and sentence.lemma(frame_token) in ACCORD_INTENT_LEMMAS and not hostile_purpose


def _headline_partners(sentence: ParsedSentence, verb: int, subject: int) -> list[int]:
    """Names that headlines coordinate with a comma before the subject ("Turkey, Syria agree to restore ties"): the
    parser hangs the first on the verb; a country or organisation opening the sentence, then a comma, then the
    subject, is a party to the act too."""
    partners = []
    for child in sentence.kids(verb, {"npadvmod", "nsubj"}):
        if child == subject or sentence.a.pos[child] != "PROPN":
            continue
        first, second = sorted((child, subject))
        entities = [sentence.entity_of.get(first), sentence.entity_of.get(second)]
        if any(e is None or e[2] not in ("GPE", "ORG") for e in entities):
            continue
        opening, following = entities
        assert opening is not None and following is not None
        # "[Saudi Arabia] , [Iran] restore ...": the first name opens the sentence and a comma alone separates them.
        if opening[0] == 0 and sentence.a.words[opening[1]] == "," and following[0] == opening[1] + 1:
            partners.append(child)
    return partners


def _went_for(sentence: ParsedSentence, noun: int) -> int | None:
    """The verb a noun is the purpose of: "returned to Geneva *for talks*", "flew to Vienna *for a new round of
    talks*" (through a noun that counts rounds or series of it), "arrived in Hanoi *on a visit*"."""
    if sentence.dep(noun) != "pobj":
        return None
    prep = sentence.head(noun)
    if sentence.lemma(prep) == "of" and sentence.lemma(sentence.head(prep)) in COUNTING_NOUNS:
        counted = sentence.head(prep)
        if sentence.dep(counted) != "pobj":
            return None
        prep = sentence.head(counted)
    verb = sentence.head(prep)
    # "arrived in Washington on a nine-day visit": one is on a journey as one goes for it ("agreed on talks" is a
    # topic, so "on" counts for journeys only).
    purpose = sentence.lemma(prep) == "for" or (sentence.lemma(prep) == "on" and sentence.lemma(noun) in JOURNEYS)
    if purpose and verb != prep and sentence.a.pos[verb] in ("VERB", "AUX"):
        return verb
    return None


JOURNEYS = frozenset({"visit", "tour", "trip"})


def _agent_participles(sentence: ParsedSentence, noun: int) -> list[int]:
    """The participles on a noun trigger whose "by" phrase names its doer: "an attack *carried out* by ...", also one
    set off by a comma that the parser hung on the noun's "of" phrase ("the expulsion of 23 Russian diplomats,
    *announced* by Theresa May")."""
    holders = [noun] + sentence.objects_of(noun, {"of"})
    return [
        p
        for holder in holders
        for p in sentence.kids(holder, {"acl"})
        if sentence.a.tags[p] == "VBN"
        and sentence.lemma(p) in AGENT_PARTICIPLES
        and (holder == noun or sentence.a.words[p - 1] == ",")
    ]


def _issuers(sentence: ParsedSentence, head: int) -> list[int]:
    """Who a statement stands for: "the Turkish statement called for ...", "a statement from the Kremlin
    condemned ...", "NATO's communique urged ..."; any other head stands for itself."""
    if sentence.lemma(head) not in STATEMENT_WORDS:
        return [head]
    for child in sentence.children[head]:
        known = _known(_resolve(sentence, child, allow_pronoun=False))
        if sentence.dep(child) in ("poss", "amod", "compound") and known:
            return [child]
    for prep in sentence.kids(head, {"prep"}):
        if sentence.lemma(prep) in ("from", "by", "of"):
            for pobj in sentence.kids(prep, {"pobj"}):
                return sentence.conjuncts(pobj)
    return [head]


def _localised(actors: list[CodedActor], country: str | None, evidence: list[str]) -> list[CodedActor]:
    """A sector with no country ("rebels", "demonstrators", "police") takes the country where the event happens:
    "prisoners rioted at a jail in Dili" are East Timorese prisoners."""
    if country is None:
        return actors
    placed = []
    for coded in actors:
        actor = coded.actor
        if actor.country is None and actor.code is None and actor.sector:
            actor = Actor(
                actor.text,
                cameo_country(country) + actor.sector,
                country,
                actor.sector,
                f"{actor.matched} + place ({country})",
            )
            evidence.append(f"{coded.text!r} takes the country of the place ({country})")
            coded = CodedActor(coded.text, coded.start, coded.end, actor)
        placed.append(coded)
    return placed


def _country_spoken_for(sentence: ParsedSentence, token: int) -> str | None:
    """The country of what a speaker with none of their own says, for an act told alongside the saying: "a senior
    military spokesman said Islamabad will not let US drones operate ..., dismissing American requests" is a
    Pakistani spokesman dismissing them."""
    verb = token
    if sentence.lemma(verb) not in REPORTING_VERBS and sentence.dep(verb) in ("advcl", "conj"):
        verb = sentence.head(verb)
    if sentence.lemma(verb) not in REPORTING_VERBS:
        return None
    for clause in sentence.kids(verb, {"ccomp", "parataxis"}):
        for subject in sentence.kids(clause, SUBJECTS):
            resolved = _resolve(sentence, subject)
            if resolved is not None and resolved.actor.country is not None:
                return resolved.actor.country
    return None


# Talks, agreements and cooperation happen at a venue: "envoys and Tamil Tiger rebels opened talks in Geneva" are not
# Swiss rebels.
VENUE_ROOTS = frozenset({"03", "04", "05", "06"})


def _country_for_unplaced(sources: list[CodedActor], code: str, place_country: str | None) -> str | None:
    """The country a source with none of its own takes: the place's, except at a venue, where it is the one country
    of the other sources ("Sri Lankan envoys and rebels": Sri Lankan rebels), and the place's only if none has one."""
    if code[:2] not in VENUE_ROOTS:
        return place_country
    countries = {a.actor.country for a in sources if a.actor.country is not None}
    if countries:
        return next(iter(countries)) if len(countries) == 1 else None
    return place_country


def _member_countries(sentence: ParsedSentence, head: int) -> list[CodedActor]:
    """ "the air forces of Russia and Belarus", "diplomats from Japan and South Korea", "French and Egyptian
    warships": one actor per country, each
    with the head's sector."""
    whole = _resolve(sentence, head)
    if whole is None:
        return []
    groups = [
        sentence.conjuncts(pobj)
        for prep in sentence.kids(head, {"prep"})
        # "the air forces of Russia and Belarus", "diplomats from Japan and South Korea"
        if sentence.lemma(prep) in ("of", "from")
        for pobj in sentence.kids(prep, {"pobj"})
    ]
    for adjective in sentence.kids(head, {"amod"}):
        coordinated = [c for c in sentence.kids(adjective, {"conj"}) if sentence.a.pos[c] in ("ADJ", "PROPN")]
        if coordinated:
            groups.append([adjective, *coordinated])
    for group in groups:
        countries = []
        for part in group:
            found = find_country(sentence.a.words[part]) if sentence.a.pos[part] == "ADJ" else None
            if found is not None:
                countries.append(country_actor(sentence.a.words[part], found, sentence.a.words[part]))
                continue
            resolved = _resolve(sentence, part)
            if resolved is not None and resolved.actor.country:
                countries.append(resolved.actor)
        if len({c.country for c in countries}) < 2:
            continue
        sector = whole.actor.sector
        return [
            CodedActor(
                whole.text,
                whole.start,
                whole.end,
                Actor(
                    whole.text,
                    (c.code or "")[:3] + (sector or ""),
                    c.country,
                    sector,
                    f"{c.matched} in {whole.text}",
                ),
            )
            for c in countries
        ]
    return []


def _named_by_coordinated_modifiers(sentence: ParsedSentence, head: int) -> list[CodedActor]:
    """ "Hamas and Fatah delegations", "U.S. and Philippine marines": one actor per name coordinated before the head,
    when each names one (a place after the head, "delegations in Cairo", does not say whose they are)."""
    if _person_name(sentence, head) is not None:
        return []  # "French President Mitterrand and West German Chancellor Kohl": two persons, parsed as one
    for modifier in sentence.kids(head, {"nmod", "compound"}):
        parts = sentence.conjuncts(modifier)
        if len(parts) < 2 or any(sentence.a.pos[p] != "PROPN" for p in parts):
            continue
        named = [_resolve(sentence, part, allow_pronoun=False) for part in parts]
        if not all(_known(a) and not a.actor.matched.startswith("place ") for a in named):
            continue
        whole = _resolve(sentence, head, allow_pronoun=False)
        sector = whole.actor.sector if whole is not None else None
        # "U.S. and Philippine marines": each country's marines.
        return [
            CodedActor(a.text, a.start, a.end, _in_country(Actor(a.text, None, None, sector, a.actor.matched), c))
            if sector and a.actor.sector is None and (c := a.actor.country) and a.actor.code == c
            else a
            for a in named
            if a is not None
        ]
    return []


def _resolve_coordinated(sentence: ParsedSentence, heads: list[int]) -> list[CodedActor]:
    """Actors of coordinated phrases; a part with a sector but no country shares its neighbour's country
    ("the air force and air defense officials of the Russian Federation": both Russian)."""
    actors = [a for h in heads for a in _named_by_coordinated_modifiers(sentence, h) or [_resolve(sentence, h)] if a]
    country_of = next((a for a in actors if a.actor.country), None)
    if country_of is None or len(actors) < 2:
        return actors
    shared = []
    for coded in actors:
        actor = coded.actor
        if actor.country is None and actor.code is None and actor.sector:
            prefix = (country_of.actor.code or country_of.actor.country or "")[:3]
            actor = Actor(
                actor.text,
                prefix + actor.sector,
                country_of.actor.country,
                actor.sector,
                f"{actor.matched} + {country_of.text}",
            )
            coded = CodedActor(coded.text, coded.start, coded.end, actor)
        shared.append(coded)
    return shared


def _target(
    sentence: ParsedSentence,
    token: int,
    trigger: Trigger,
    exclude: set[int],
    objects_only: bool = False,
    place_country: str | None = None,
    code: str | None = None,
) -> list[CodedActor]:
    """The patient or recipient: the first of these that names a known actor.

    1. the subject of a passive ("Ukraine was attacked");
    2. the direct object ("visited Belarus");
    3. the object of a target preposition on the trigger, its object or its light verb ("with Russia",
       "send equipment to Ukraine"), then "from" outside attacks ("demanded autonomy from Serbia");
    4. the owner of the thing acted on ("praised Haiti's efforts", "rejected an Indian proposal",
       "rejected calls by Belarus's rulers");
    5. the subject of an embedded clause ("demanded that the US cancel ...").
    """
    event_code = code or trigger.cameo
    # "Russia's missiles were launched": the weapon named by a refinement is the instrument, not the target.
    # (Only for force: what is released, sent or withdrawn is the patient, not an instrument.)
    instruments = trigger.refinement_words - STRUCK_PLACES if trigger.cameo[:2] in FORCE_ROOTS else set()

    def actors(heads: list[int]) -> list[CodedActor]:
        heads = [h for h in heads if h not in exclude]
        # "guerrillas who overran it": an object "it" is a thing more often than the clause's subject (an object
        # "them" looks for a plural antecedent first: "expelled two diplomats, accusing them of spying").
        heads = [h for h in heads if not (sentence.dep(h) in OBJECTS | {"pobj"} and sentence.lemma(h) == "it")]
        # "reinforced their defense forces", "withdraw its troops": the source's own, not a target.
        heads = [h for h in heads if not _owned_by_the_source(sentence, h)]
        heads = [h for h in heads if not {sentence.lemma(t) for t in _phrase_tokens(sentence, h)} & instruments]
        found = _localised(_resolve_coordinated(sentence, heads), place_country, [])
        return found if any(_known(a) for a in found) else []

    passive = sentence.kids(token, PASSIVE_SUBJECTS)
    carrier = sentence.head(sentence.head(token))
    if not passive and _undergone(sentence, token) and _carries(sentence, carrier, token, trigger):
        # "a US national was put under investigation", "police placed him under arrest": who undergoes it.
        passive = sentence.kids(carrier, PASSIVE_SUBJECTS) or sentence.kids(carrier, OBJECTS)
    if not passive and _undergone(sentence, token) and sentence.lemma(carrier) in UNDERGOING_VERBS:
        # "Kyiv came under a Russian drone attack", "the minister came under criticism": the subject undergoes it.
        passive = sentence.kids(carrier, SUBJECTS)
    if (
        not passive
        and sentence.dep(token) == "acl"
        and sentence.a.tags[token] == "VBN"
        and sentence.kids(token, {"agent"})
        and sentence.head(token) != token
    ):
        # "Syria's government, backed by Russia, ...", "a tanker seized by Iran": a passive participle with its agent
        # acts on the noun it describes.
        passive = [sentence.head(token)]
    if passive and (found := actors(sentence.conjuncts(passive[0]))):
        return found
    if passive and (
        any(_can_head_actor(sentence, p) for p in sentence.conjuncts(passive[0])) or not sentence.kids(token, {"agent"})
    ):
        # An actor it cannot code; or a thing, with no doer named ("the artwork was offered to Trump"). With its
        # doer, "sanctions were imposed on Iran by the United States" names its target in the preposition.
        return []
    if _is_passive(sentence, token) and sentence.dep(token) == "conj":
        # "Turkey is under sanctions, and was condemned by ...": the shared subject is the target.
        subjects = sentence.kids(sentence.head(token), SUBJECTS | PASSIVE_SUBJECTS)
        if subjects:
            return actors(sentence.conjuncts(subjects[0]))
    if sentence.lemma(token) in CAPTIVE_NOUNS and (
        found := actors([c for c in sentence.kids(token, {"compound", "amod", "nmod"}) if c not in exclude])
    ):
        return found  # "took two Japanese engineers hostage": who is held
    # "discussed Libya with Greece": what is discussed or negotiated is the topic, not the other party.
    objects = [
        _whole_of(sentence, o)
        for o in sentence.kids(token, OBJECTS)
        if o not in exclude and trigger.lemma not in TOPIC_VERBS
    ]
    if event_code == "161" and trigger.lemma in WITHDRAWING_LEMMAS | {"recall"}:
        # "recalled Venezuela's ambassador from Bogota": the envoy recalled is the doer's own; whence, the target.
        envoys = [o for o in objects if sentence.lemma(o) in ENVOY_NOUNS]
        envoys += [s for s in sentence.kids(token, PASSIVE_SUBJECTS) if sentence.lemma(s) in ENVOY_NOUNS]
        posts = [p for e in envoys for p in sentence.objects_of(e, {"from", "to", "in"})]
        posts += [p for p in sentence.objects_of(token, {"from"})]
        if found := actors([c for p in posts for c in sentence.conjuncts(p)]):
            return found
        objects = [o for o in objects if o not in envoys]
    if event_code.startswith(EXTRADITION_CODE) or event_code in RETURN_OF_PROPERTY_CODES:
        # "extradited Russian arms trafficker Viktor Bout to the United States": the state that receives the suspect
        # is the partner in judicial cooperation, not the suspect's country; "returned the Benin Bronzes to
        # Nigeria": property goes back to whoever receives it, not to whatever its name mentions.
        # The parser may hang the "to" on the one handed over ("extradited the former officer Cavallo to Spain").
        # "handed back to Kuwait": or on the particle.
        particles = sentence.kids(token, {"prt", "advmod"})
        recipients = [o for holder in [token, *objects, *particles] for o in sentence.objects_of(holder, {"to"})]
        if recipients and (found := actors(sentence.conjuncts(recipients[0]))):
            return found
    if objects and sentence.lemma(token) in MOVING_VERBS and _moves_forces(sentence, objects[0]):
        # "threatened to send Afghan troops into Pakistan", "to aim Russian missiles at Ukraine": the forces moved are
        # the doer's; where they go is the target.
        destinations = [
            o
            for prep in sentence.kids(token, {"prep", "dative"})
            if sentence.lemma(prep) in DESTINATION_PREPOSITIONS
            for o in sentence.kids(prep, {"pobj"})
        ]
        for destination in destinations:
            if found := actors(sentence.conjuncts(destination)):
                return found
    if objects and (found := actors(sentence.conjuncts(objects[0]))) and not _where_made(sentence, objects[0], found):
        return found
    carrier_verb = _clause_verb(sentence, token) if trigger.pos == "NOUN" else token
    carried = trigger.pos == "NOUN" and _carries(sentence, carrier_verb, token, trigger)
    if carried:
        # "gave Serbia an ultimatum", "granted Kerik a pardon": the light verb's indirect object receives it.
        datives = [d for d in sentence.kids(carrier_verb, {"dative", "iobj"}) if sentence.a.pos[d] != "ADP"]
        if datives and (found := actors(sentence.conjuncts(datives[0]))):
            return found
    if objects_only:
        return []
    # "lifted an oil embargo and a flight ban on Serbia": the last of coordinated measures may carry the phrase.
    for thing in objects + [c for o in objects for c in sentence.conjuncts(o) if c != o]:
        # "lifted the U.S. trade embargo against Vietnam", "eased the EU's sanctions on Russia": what a measure is
        # against is its target; its owner imposed it.
        aimed = [
            o
            for prep in sentence.kids(thing, {"prep"})
            if sentence.lemma(prep) == "against"
            or (sentence.lemma(prep) == "on" and sentence.lemma(thing) in MEASURE_NOUNS)
            for o in sentence.kids(prep, {"pobj"})
        ]
        if aimed and (found := actors(sentence.conjuncts(aimed[0]))):
            return found
        if aimed and sentence.lemma(aimed[0]) in TRADE_NOUNS:
            thing = aimed[0]  # "a ban on imports from Argentina": the trade the measure is on
        if sentence.lemma(thing) in TRADE_NOUNS:
            # "banned all new U.S. investment in Burma", "halted imports from Iran", "banned imports of Georgian
            # wine": trade is stopped with where it goes or comes from, before whose it is.
            partners = sentence.objects_of(thing, {"in", "from", "to", "into", "with"})
            goods = sentence.objects_of(thing, {"of"})
            partners += [m for g in goods for m in sentence.kids(g, {"amod", "compound", "poss"})]
            if found := actors([p for partner in partners for p in sentence.conjuncts(partner)]):
                return found
        # "suspended the U.S. dialogue with the PLO": talks or ties are with the other side, whoever's they are;
        # "cut off all U.S. funding for the UN Population Fund": aid goes to whom its phrase names.
        other_side = (
            {"with"}
            if sentence.lemma(thing) in PARTNERED_NOUNS
            else {"to", "for"}
            if sentence.lemma(thing) in RECEIVED_NOUNS
            else set()
        )
        sides = [p for w in sentence.objects_of(thing, other_side) for p in sentence.conjuncts(w)] if other_side else []
        if found := actors(sides):
            return found
        # "demanded the withdrawal of Serbian forces from Bosnia": whose withdrawal, before from where (but whose aid
        # it is names the giver: "froze U.S. military aid to Pakistan" looks to the verb's "to" first).
        if sentence.lemma(thing) not in RECEIVED_NOUNS and (found := actors(_owners_of(sentence, thing))):
            return found
    owners = [token, *objects]
    # "pledged loans worth $600 million to the Aquino government": the parser may hang the "to" on "worth".
    owners += [c for c in sentence.kids(token, {"oprd", "prep", "acomp"}) if sentence.lemma(c) == "worth"]
    if trigger.pos == "VERB" and trigger.cameo[:2] not in ASSAULT_ROOTS:
        # "agreed to a ceasefire with Eritrea", "agreed on talks with Pakistan": the noun that refines the trigger, as
        # what it is to or on, carries the other side in a phrase of its own (not a setting: "agreed to US mediation
        # in the talks with ..." is agreed with the mediator).
        refining = trigger.refinement_words
        preps = sentence.kids(token, {"prep"})
        preps += [inner for prep in preps for inner in sentence.kids(prep, {"prep"})]  # "out of", "away from"
        owners.extend(
            noun
            for prep in preps
            # ... or what it leaves: "pulled out of talks with the South", "withdrew from the treaty with Russia".
            if sentence.lemma(prep) in COMPLEMENT_PREPOSITIONS | {"of", "from"}
            for noun in sentence.kids(prep, {"pobj"})
            if sentence.lemma(noun) in refining
        )
    if trigger.pos == "NOUN":
        if sentence.dep(token) == "compound":
            owners.append(sentence.head(token))  # "a mediation effort between the Emirates and Saudi Arabia"
        verb = _clause_verb(sentence, token)
        if _carries(sentence, verb, token, trigger):
            owners.append(verb)  # "held drills with Russia"
        # "a phone call made by Trump to Zelensky": the participle that names the doer also names the other side.
        owners.extend(_agent_participles(sentence, token))
    prepositions = TARGET_PREPOSITIONS if trigger.cameo[:2] in ASSAULT_ROOTS else TARGET_PREPOSITIONS | {"from"}
    if event_code[:2] in TOPIC_ON_ROOTS or event_code in TOPIC_ON_CODES:
        # "exchanged views on Cambodia", "talks on the future of Hong Kong", "signed the declaration on the return
        # of Hong Kong", "cooperate on drugs": what a consultation, an accord or cooperation is on is its topic.
        prepositions = prepositions - {"on", "upon"}
    if event_code[:2] == "06":
        prepositions = prepositions | {"alongside"}  # "began training alongside Norwegian troops"
    if trigger.cameo[:2] in ASSAULT_ROOTS and trigger.lemma not in RECIPROCAL_LEMMAS:
        # "airstrikes with the Royal Air Force", "attacked with drones": "with" names the means, except where
        # two sides fight each other ("clashed with police", "a battle with the rebels").
        prepositions = prepositions - {"with"}
    # The words a trigger needs as children say whom its preposition names: "lashed out at Colombia", "hit back at",
    # "stood firmly behind Milosevic", "pointed the finger at Pakistan".
    needed = {
        v
        for kind, values in [(trigger.needs_kind, trigger.needs_values), *trigger.also]
        if kind == "child"
        for v in values
    }
    if needed & {"out", "back"}:
        prepositions = prepositions | {"at"}
    prepositions = prepositions | (needed & {"behind", "at"})
    if (trigger.cameo[:2] in ASSAULT_ROOTS or trigger.cameo[:2] == "14") and trigger.lemma in PROJECTING_LEMMAS:
        prepositions = prepositions | {"at"}  # "fired rockets at Israel", "shot at protesters": what is aimed at
    if trigger.cameo[:2] == "14":
        # "protested outside the Chinese embassy", "marched past the US embassy": at whom it is aimed
        prepositions = prepositions | {"outside", "past"}
    if carried and sentence.lemma(carrier_verb) in AIMING_VERBS and trigger.cameo[:2] not in ASSAULT_ROOTS:
        # "levelled criticism at France", "took aim at"; not "took a shot at Trump for his attacks on voting".
        prepositions = prepositions | {"at"}
    # "the shelling of Kharkiv by Russian forces", "the arrest of two Britons": of force, coercion and release
    # nouns the "of" phrase is who it is done to (the doer is the "by" phrase or the possessor).
    patient_of = (
        trigger.pos == "NOUN"
        and (event_code[:2] in PATIENT_OF_ROOTS or event_code.startswith(PATIENT_OF_CODES))
        and not _of_names_the_doer(event_code)
    )
    phrase_objects = []
    for owner in owners:
        # "moved troops up to its border": a preposition may hang on the verb's particle.
        particle_preps = [p for prt in sentence.kids(owner, {"prt"}) for p in sentence.kids(prt, {"prep"})]
        for prep in sentence.kids(owner, {"prep", "dative"}) + particle_preps:
            # "suspended a military aid programme for Bosnia": aid is for its recipient.
            beneficiary = (
                # "voiced its support for Azerbaijan": also on the verb that carries the noun; and on a verb with an
                # object, where the parser hangs "for" on the verb or on the object alike ("cut funds for Turkey").
                (
                    owner in objects
                    or (trigger.pos == "NOUN" and (owner == token or (carried and owner == carrier_verb)))
                    or (trigger.pos == "VERB" and owner == token and bool(objects))
                )
                and (trigger.cameo[:2] in AID_ROOTS or event_code.startswith(AID_INTENT_CODE))
                and sentence.lemma(prep) == "for"
            )
            pobjs = sentence.kids(prep, {"pobj"})
            if (
                trigger.cameo[:2] == "14"
                and sentence.lemma(prep) == "in"
                and [sentence.lemma(p) for p in pobjs] == ["front"]
            ):
                # "rallied in front of the parliament": as "outside".
                pobjs = [
                    p
                    for of in sentence.kids(pobjs[0], {"prep"})
                    if sentence.lemma(of) == "of"
                    for p in sentence.kids(of, {"pobj"})
                ]
                beneficiary = True
            preposition = sentence.lemma(prep)
            # "spoke by telephone with Biden": the parser hangs the other party on the means.
            partners = [
                p
                for means in pobjs
                if event_code[:2] == "04"
                and preposition in ("by", "over", "via")
                and sentence.lemma(means) in CALL_MEANS
                for w in sentence.kids(means, {"prep"})
                if sentence.lemma(w) == "with"
                for p in sentence.kids(w, {"pobj"})
            ]
            if partners:
                pobjs, preposition = partners, "with"
            if preposition == "out" and not pobjs:
                # "pulled its troops out of Gaza": the compound preposition "out of" is a "from".
                pobjs = [
                    p
                    for of in sentence.kids(prep, {"prep"})
                    if sentence.lemma(of) == "of"
                    for p in sentence.kids(of, {"pobj"})
                ]
                preposition = "from" if pobjs else preposition
            if preposition in prepositions or beneficiary or (patient_of and owner == token and preposition == "of"):
                for pobj in pobjs:
                    faced_border = event_code[:2] == "15" and any(
                        sentence.lemma(w) == "with" for w in sentence.kids(pobj, {"prep"})
                    )  # "massed troops on its border with Ukraine": a force posture faces the other side
                    if (
                        sentence.lemma(prep) in ("on", "upon")
                        and sentence.lemma(pobj) in STREET_WORDS | BORDER_WORDS
                        and not faced_border
                    ):
                        continue  # "stabbed two women on Streatham High Road, London": where, not whom
                    if found := actors(sentence.conjuncts(pobj)):
                        return found
                    phrase_objects.append(pobj)
    for thing in objects + phrase_objects:
        if (found := actors(_owners_of(sentence, thing))) and not _where_made(sentence, thing, found):
            return found
    # (Not signing: "initialled an agreement in Oslo" judges nothing.)
    judging = event_code[:2] in JUDGING_ROOTS and event_code not in TOPIC_ON_CODES
    if judging and (found := _judged_place_or_owner(sentence, objects, actors)):
        return found
    if event_code[:2] == "14":
        # "began a hunger strike to protest against the Danish government", "a strike in protest of the
        # government's decision": what the protest is aimed at.
        for aim in _protest_aims(sentence, [token, carrier_verb] if carried else [token]):
            if found := actors(sentence.conjuncts(aim)) or actors(_owners_of(sentence, aim)):
                return found
    if event_code[:2] == "15":
        # "ordered a general mobilisation as the border dispute with Peru flared", "amid tension with Seoul": a force
        # posture taken in a standoff faces the other side of it.
        for noun in range(len(sentence)):
            if sentence.lemma(noun) not in STANDOFF_NOUNS:
                continue
            sides = sentence.objects_of(noun, {"with"})
            if sides and (found := actors(sentence.conjuncts(sides[0]))):
                return found
    if event_code[:2] in FORCE_OR_COERCION_ROOTS:
        # "opened fire to disperse demonstrators", "fired tear gas to break up a rally of students": force used for a
        # purpose is aimed at whom the purpose acts on.
        for purpose in sentence.kids(carrier_verb if carried else token, {"advcl", "xcomp"}):
            if _has_infinitive_to(sentence, purpose) and (found := actors(sentence.kids(purpose, {"dobj"}))):
                return found
    if trigger.frame is None and trigger.cameo[:2] not in ADDRESSED_ROOTS and trigger.lemma not in PERMITTING_LEMMAS:
        # "discussed how he joined the party": what is talked about is not a party to it ("allowed UN inspectors to
        # return" is done to the inspectors).
        return []
    # A complement clause before its verb is fronted speech or a misparse ("Singapore and India searched the sea: all
    # three offered assistance"), not whom the verb addresses.
    clauses = [clause for clause in sentence.kids(token, {"ccomp", "xcomp"}) if clause > token]
    # "calls for Russia to withdraw", "pushed for the US to support the plan": the for-to clause names whom it asks.
    clauses += _for_clauses(sentence, token)
    if trigger.pos == "NOUN":
        # "renewed its demand that Iran withdraw": a noun's content clause, as a verb's ("demanded that Iran ...").
        clauses += [
            c
            for c in sentence.kids(token, {"acl"})
            if c > token and any(sentence.lemma(m) == "that" for m in sentence.kids(c, {"mark"}))
        ]
    for clause in clauses:
        subjects = sentence.kids(clause, SUBJECTS)
        if subjects and (found := actors(sentence.conjuncts(subjects[0]))):
            return found
    if event_code[:2] in ADDRESSED_ROOTS and (named := _named_after_that(sentence, token)) is not None:
        # "demanded that Damascus expel Ocalan": the small model often misparses the mandative subjunctive; the name
        # right after "that" is still whom the demand addresses.
        return actors([named])
    return []


def _where_made(sentence: ParsedSentence, thing: int, found: list[CodedActor]) -> bool:
    """Whether the actors found for an accord are only the place it was made: "initialled an agreement in Oslo" is
    not with Norway."""
    return sentence.lemma(thing) in NAMED_FOR_A_PLACE and all(a.actor.matched.startswith("place ") for a in found)


def _named_after_that(sentence: ParsedSentence, token: int) -> int | None:
    """The last word of a name that opens the "that" clause right after a verb of demanding ("demanded that
    the Taliban hand over ..."), read from the words' order."""
    that = token + 1
    if that >= len(sentence) or sentence.a.words[that].lower() != "that":
        return None
    start = that + 1 + (that + 1 < len(sentence) and sentence.a.words[that + 1].lower() == "the")
    entity = sentence.entity_of.get(start)
    if entity is None or entity[0] != start or entity[2] not in ACTOR_ENTITY_LABELS:
        return None
    return entity[1] - 1


AIM_PREPOSITIONS = frozenset({"against", "at", "of", "over"})


def _protest_aims(sentence: ParsedSentence, owners: list[int]) -> list[int]:
    """What an infinitive "to protest (against) X" or an "in protest of/against X" on a protest names."""
    aims = []
    for owner in owners:
        protests = [
            c
            for c in sentence.kids(owner, {"advcl", "relcl", "acl", "xcomp"})
            if sentence.lemma(c) == "protest" and _has_infinitive_to(sentence, c)
        ]
        protests += [
            p
            for prep in sentence.kids(owner, {"prep"})
            if sentence.lemma(prep) == "in"
            for p in sentence.kids(prep, {"pobj"})
            if sentence.lemma(p) == "protest"
        ]
        for protest in protests:
            aims += sentence.kids(protest, OBJECTS)
            aims += [
                p
                for prep in sentence.kids(protest, {"prep"})
                if sentence.lemma(prep) in AIM_PREPOSITIONS
                for p in sentence.kids(prep, {"pobj"})
            ]
    return aims


def _conditioned(
    sentence: ParsedSentence, clauses: list[int], source_codes: set[str], country: str | None
) -> list[CodedActor]:
    """The known subjects of an "if"/"unless" clause on a threat or the act it threatens, other than the
    threatener itself (``source_codes``: "warned it would retaliate if it were attacked" names no one else)."""
    for clause in clauses:
        for condition in sentence.kids(clause, {"advcl"}):
            if not any(sentence.lemma(m) in CONDITION_MARKS for m in sentence.kids(condition, {"mark"})):
                continue
            subjects = sentence.kids(condition, SUBJECTS)
            if not subjects:
                continue
            found = _localised(_resolve_coordinated(sentence, sentence.conjuncts(subjects[0])), country, [])
            found = [a for a in found if _known(a) and a.actor.code not in source_codes]
            if found:
                return found
    return []


def _whole_of(sentence: ParsedSentence, noun: int) -> int:
    """The whole a partitive names a share of: "suspended *part* of its aid to Egypt" acts on the aid (and its "to"
    names the recipient), "sent *some* of its troops" on the source's own troops. Any other noun is itself."""
    # "called off a round of talks with Seoul": what is counted, too.
    if sentence.lemma(noun) not in PARTITIVE_WORDS | COUNTING_NOUNS and sentence.a.tags[noun] != "CD":
        return noun
    for prep in sentence.kids(noun, {"prep"}):
        if sentence.lemma(prep) == "of":
            for pobj in sentence.kids(prep, {"pobj"}):
                return pobj
    return noun


def _owned_by_the_source(sentence: ParsedSentence, head: int) -> bool:
    """ "reinforced their defense forces", "withdraw its troops": the source's own, not a target; but "met his
    Pakistani counterpart" names another country's official."""
    if not any(sentence.a.words[p].lower() in POSSESSIVE_PRONOUNS for p in sentence.kids(head, {"poss"})):
        return False
    own_words = " ".join(
        sentence.a.words[t]
        for t in _phrase_tokens(sentence, head)
        if sentence.a.words[t].lower() not in POSSESSIVE_PRONOUNS
    )
    named = resolve_actor(own_words)
    return named is None or (named.country is None and named.code is None)


def _fighters_of_the_clause(sentence: ParsedSentence, noun: int) -> list[int]:
    """Who fought "after five days of fighting" or "after fierce fighting with guerrillas": the subject of the act of
    force the phrase is attached to ("Burmese troops captured the stronghold after ...")."""
    node = noun
    if sentence.dep(node) == "pobj" and sentence.lemma(sentence.head(node)) == "of":
        measure = sentence.head(sentence.head(node))
        if sentence.lemma(measure) in TIME_SPANS and sentence.dep(measure) == "pobj":
            node = measure  # "after five days of fighting"
    prep = sentence.head(node)
    if sentence.dep(node) != "pobj" or sentence.lemma(prep) not in AFTERMATH_PREPOSITIONS:
        return []
    verb = sentence.head(prep)
    rows = trigger_rows().get((sentence.lemma(verb), "VERB"), ())
    if verb == prep or not any(row.cameo[:2] in FORCE_ROOTS for row in rows):
        return []
    subjects = sentence.kids(verb, SUBJECTS)
    return sentence.conjuncts(subjects[0]) if subjects else []


# Heads that name a share of the noun in their "of" phrase.
PARTITIVE_WORDS = frozenset(
    "part portion share half third quarter fraction rest remainder bulk majority most some many several all package"
    " tranche batch consignment instalment installment one few each".split()
)


def _undergone(sentence: ParsedSentence, noun: int) -> bool:
    """Whether a noun trigger is what its verb puts someone under or into: "put under investigation", "placed under
    arrest", "taken into custody"."""
    prep = sentence.head(noun)
    return sentence.dep(noun) == "pobj" and sentence.lemma(prep) in ("under", "into") and sentence.head(prep) != prep


DESTINATION_PREPOSITIONS = frozenset({"into", "to", "at", "against", "across", "toward", "towards", "onto"})
MOVING_VERBS = frozenset("send deploy dispatch move aim point fire launch station position transfer rush".split())
WEAPON_NOUNS = frozenset(
    "missile rocket warship warplane jet tank drone bomber aircraft artillery weapon arm warhead".split()
)


PROTESTING_VERBS = frozenset({"protest", "condemn", "denounce", "oppose", "demonstrate", "rally", "march"})


def _protested_against(sentence: ParsedSentence, token: int) -> list[CodedActor]:
    """Whose deed a protest is against: "protested against the publication of cartoons in a Danish newspaper",
    "took to the streets to condemn the NATO bombing", "rallied against a U.S. base" (not a place it happened in)."""
    holders = [token]
    if sentence.a.pos[token] == "NOUN":
        holders.append(_clause_verb(sentence, token))
    holders += [c for h in list(holders) for c in sentence.kids(h, {"advcl", "xcomp"})]
    if sentence.dep(token) in ("advcl", "xcomp"):
        holders.append(sentence.head(token))
    # "burned flags outside the U.S. consulate to protest": a mission protested outside stands for its owner, when
    # named ("outside the embassy in Paris" names none).
    for mission in [t for h in holders for t in sentence.objects_of(h, {"outside", "past"})]:
        modifiers = sentence.kids(mission, {"poss", "amod", "compound", "nmod"})
        owner = next((a for a in (_resolve(sentence, m) for m in modifiers) if a is not None and _known(a)), None)
        if owner is None:
            continue
        whole = _resolve(sentence, mission)  # "the U.S. embassy": the owner's government
        return [whole if whole is not None and whole.actor.country == owner.actor.country else owner]
    things = [t for h in holders for t in sentence.objects_of(h, {"against", "over"})]
    things += [o for h in holders if sentence.lemma(h) in PROTESTING_VERBS for o in sentence.kids(h, {"dobj"})]
    for _ in range(3):
        deeper = []
        for thing in things:
            owners = [thing, *_owners_of(sentence, thing)]
            found = [
                a
                for a in _resolve_coordinated(sentence, owners)
                if _known(a) and not a.actor.matched.startswith("place ")
            ]
            if found:
                return found[:1]
            deeper += sentence.objects_of(thing, {"of", "in", "by"})
        things = deeper
    return []


def _recipient_of_aid(sentence: ParsedSentence, token: int, own: set[str]) -> list[CodedActor]:
    """Whom aid given or pledged is for, told deeper in its phrase: "pledged 320 million euros in reconstruction aid
    for Afghanistan", "airdropped food to famine victims in southern Sudan" (not the giver's own country)."""
    phrases = [
        o
        for t in sentence.subtree(token, stop=frozenset({"relcl", "advcl", "ccomp"}))
        if sentence.a.pos[t] in ("NOUN", "VERB", "PROPN")
        for o in sentence.objects_of(t, {"for", "to"})
    ]
    for phrase in phrases:
        for head in [phrase, *sentence.objects_of(phrase, {"in", "of"})]:
            if found := _foreign_actors(sentence, [head], own):
                return found
    # "ferried rice to tsunami survivors along the west coast of Aceh": people of no country named, placed deeper in
    # the phrase (of the act, not of its doer's name: "Cinema for Peace Foundation, a Berlin-based non-profit").
    doers = {t for s in sentence.kids(token, SUBJECTS) for t in sentence.subtree(s)}
    for phrase in phrases:
        if phrase in doers:
            continue
        for place in sentence.subtree(phrase):
            if sentence.entity_of.get(place, (0, 0, ""))[2] in ("GPE", "LOC") and (
                found := _foreign_actors(sentence, [place], own)
            ):
                return found
    return []


def _moves_forces(sentence: ParsedSentence, thing: int) -> bool:
    """Whether a thing acted on is a force or a weapon ("Afghan troops", "Russian missiles")."""
    if sentence.lemma(thing) in WEAPON_NOUNS:
        return True
    # The head itself names a force ("troops", "the army"), not a thing its modifiers own ("army operations").
    term = resolve_actor(sentence.a.words[thing])
    return term is not None and term.sector == "MIL" and term.country is None


def _owners_of(sentence: ParsedSentence, thing: int) -> list[int]:
    """Who a thing belongs to: its possessor, nationality adjective or name compound, else its "by/from/of"
    phrase ("Russia's bombardment of Kharkiv" is Russia's, not Kharkiv's)."""
    owners = []
    phrases = []
    for child in sentence.children[thing]:
        dep = sentence.dep(child)
        label = sentence.entity_of.get(child, (0, 0, ""))[2]
        if dep == "poss" and sentence.a.words[child].lower() in POSSESSIVE_PRONOUNS:
            continue  # "their forces": the subject's own
        if dep == "compound" and label == "GPE" and sentence.lemma(thing) in NAMED_FOR_A_PLACE:
            continue  # "the Paris agreement", "the Dayton accord": named for where it was signed, not whose it is
        if dep == "poss" or (dep in ("amod", "compound", "nmod") and label in ("NORP", "GPE", "ORG")):
            owners.append(child)
        elif dep == "amod" and sentence.lemma(child) in OWNING_PARTICIPLES:
            # "a Saudi-owned supertanker", "a Greek-operated freighter": the name before the hyphen.
            owners.extend(
                m
                for m in sentence.kids(child, {"npadvmod", "compound", "amod"})
                if sentence.entity_of.get(m, (0, 0, ""))[2] in ("NORP", "GPE", "ORG")
            )
        elif dep == "prep" and sentence.lemma(child) in ("by", "from", "of"):
            phrases.extend(sentence.kids(child, {"pobj"}))
        elif dep == "prep" and sentence.lemma(child) == "with" and sentence.lemma(thing) in BORDER_WORDS:
            # "sent troops to its border with Guyana": the other side of a border is the one faced.
            phrases.extend(sentence.kids(child, {"pobj"}))
        elif dep == "acl" and sentence.a.tags[child] == "VBN":
            # "the death sentence handed down by a Chinese court": the participle's agent.
            phrases.extend(p for agent in sentence.kids(child, {"agent"}) for p in sentence.kids(agent, {"pobj"}))
    return owners or phrases


def _split_subjects(sentence: ParsedSentence, subjects: list[int], heads: list[int]) -> list[int]:
    """ "President Kim Dae-jung and leader Kim Jong-il held a summit": the parser may make the second conjunct a
    subject of its own, leaving the "and" on the first."""
    if len(heads) != 1 or len(subjects) < 2 or not sentence.kids(subjects[0], {"cc"}):
        return []
    return [s for s in subjects[1:] if sentence.dep(s) == sentence.dep(subjects[0])]


def _split_coordinated_modifier(sentence: ParsedSentence, head: int) -> list[int]:
    """ "The Colombian government and FARC rebels": the parser may make "government and FARC" a modifier of
    "rebels"; the first conjunct of that modifier is a party of its own, and the last word heads the other."""
    for modifier in sentence.kids(head, {"nmod", "compound"}):
        if sentence.kids(modifier, {"cc"}) and sentence.kids(modifier, {"conj"}) and modifier < head:
            first = _resolve(sentence, modifier, allow_pronoun=False)
            if _known(first):
                return [modifier, head]
    return [head]


def _doer_named(sentence: ParsedSentence, token: int) -> bool:
    """Whether the clause names its doer, even one the coder cannot code ("Usman Khan stabbed several people", "he
    orchestrated attacks"): then the doer is not unidentified."""
    holders = [token] if sentence.a.pos[token] != "NOUN" else [token, _clause_verb(sentence, token)]
    doers = [
        d
        for holder in holders
        for d in sentence.kids(holder, SUBJECTS)
        + [o for agent in sentence.kids(holder, {"agent"}) for o in sentence.kids(agent, {"pobj"})]
    ]
    return any(
        sentence.entity_of.get(d, (0, 0, ""))[2] in ("PERSON", "ORG") or sentence.a.pos[d] in ("PRON", "PROPN")
        for d in doers
    )


def _partner_named(sentence: ParsedSentence, token: int) -> bool:
    """Whether a verb of meeting names whom it meets, even someone the coder cannot code ("ready to meet President
    Jose Eduardo dos Santos", "talked with Ahmed Shah Massoud"): its object or the object of its "with"."""
    if sentence.a.pos[token] != "VERB":
        return False
    partners = sentence.kids(token, {"dobj"}) + [
        o
        for prep in sentence.kids(token, {"prep"})
        if sentence.lemma(prep) == "with"
        for o in sentence.kids(prep, {"pobj"})
    ]
    # A full name ("Ahmed Shah Massoud"), as a person is named when the story brings them in; a bare surname may be
    # anyone's acquaintance ("first met Hawkins in 2014").
    spans = [sentence.entity_of.get(p, (0, 0, "")) for p in partners]
    return any(kind == "PERSON" and end - start >= 2 for start, end, kind in spans)


def _has_subject(sentence: ParsedSentence, token: int) -> bool:
    """Whether the clause of a trigger has a subject other than the trigger ("many marched", "they rioted", "students
    staged protests"); "rioting broke out" has none, nor has "the announcement followed weeks of protests"."""
    holders = [token]
    if sentence.a.pos[token] == "NOUN" and sentence.dep(token) in OBJECTS:
        holders.append(sentence.head(token))
    return any(s != token for holder in holders for s in sentence.kids(holder, SUBJECTS | {"agent"}))


# Words of approval, criticism and refusal: whom they are about may be named only through what they judge.
JUDGING_ROOTS = frozenset({"05", "11", "12"})


def _judged_place_or_owner(
    sentence: ParsedSentence, objects: list[int], actors: Callable[[list[int]], list[CodedActor]]
) -> list[CodedActor]:
    """ "criticised Sunday's presidential election in Belarus", "recognised the independence of Georgia's breakaway
    regions": the country where the judged thing is, or the owner one phrase down."""
    for thing in objects:
        for prep in sentence.kids(thing, {"prep"}):
            for pobj in sentence.kids(prep, {"pobj"}):
                if sentence.lemma(prep) == "of" and (found := actors(_owners_of(sentence, pobj))):
                    return found
                if sentence.lemma(prep) == "in":
                    place, _ = _place_of(sentence, pobj, depth=1)
                    if place is not None and place.country is not None:
                        text, start, end = _phrase(sentence, pobj)
                        return [CodedActor(text, start, end, country_actor(text, place.country, f"place {place.name}"))]
    return []


# What a force posture is aimed at or answers: "a show of force aimed at Iran", "a message to Washington", "after
# Indian warplanes crossed the Line of Control", "in response to Russia's military build-up".
AIMING_PARTICIPLES = frozenset({"aim", "direct", "target"})
MESSAGE_NOUNS = frozenset({"message", "warning", "signal"})
ANSWERING_PREPOSITIONS = frozenset({"after", "following"})


def _adversary_of_posture(sentence: ParsedSentence, token: int, own: set[str]) -> list[CodedActor]:
    """Whom a force posture with no target of its own faces: the one it is aimed at, or the foreign doer of what it
    came after or answers (not the source's own country)."""
    candidates: list[int] = _aims(sentence)
    clause_holders = [token, _clause_verb(sentence, token)]
    for holder in clause_holders:
        for clause in sentence.kids(holder, {"advcl"}):
            if any(sentence.a.words[m].lower() in ANSWERING_PREPOSITIONS for m in sentence.kids(clause, {"mark"})):
                candidates += sentence.kids(clause, SUBJECTS)  # "after Indian warplanes crossed the Line of Control"
        for prep in sentence.kids(holder, {"prep"}):
            word = sentence.a.words[prep].lower()
            answered = word in ANSWERING_PREPOSITIONS or (
                word == "in" and any(sentence.lemma(p) == "response" for p in sentence.kids(prep, {"pobj"}))
            )
            if not answered:
                continue
            acts = sentence.kids(prep, {"pobj"})
            if word == "in":  # "in response to X": X hangs on "response"
                acts = [p for r in acts for p in sentence.objects_of(r, {"to"})]
            for act in acts:
                candidates += _owners_of(sentence, act)
                candidates += sentence.objects_of(act, {"with"})
        # "citing a build-up of Indian troops", "for possible air strikes against Yugoslavia", "amid clashes with
        # Cameroonian troops": the foreign doer of what it answers or prepares for.
        citing = [c for c in sentence.kids(holder, {"advcl", "xcomp"}) if sentence.lemma(c) == "cite"]
        cited = [o for c in citing for o in sentence.kids(c, {"dobj"})]
        cited += sentence.objects_of(holder, {"amid", "for", "against"})
        for act in cited:
            candidates += [act] if sentence.lemma(act) not in POSTURE_ACT_NOUNS else []
            candidates += _owners_of(sentence, act)
            # "summoning reservists for the war in Ukraine": where the war it prepares for is fought.
            candidates += sentence.objects_of(act, {"with", "against", "by", "in"})
            for of in sentence.objects_of(act, {"of"}):
                candidates += [of, *_owners_of(sentence, of)]
    # "exercises off the coast of Taiwan", "massed troops near the Kuwaiti border", "along its border with Ukraine":
    # a foreign country the force is held against.
    holders = [token, *clause_holders]
    # "exercises involving 150,000 troops near its border": the forces the posture moves.
    holders += [o for h in holders for o in sentence.kids(h, OBJECTS)]
    # "moved missiles and thousands of troops up to its border": the parser may hang a second object on the verb.
    holders += [c for h in holders for c in sentence.kids(h, {"conj"}) if sentence.a.pos[c] == "NOUN"]
    participles = [p for h in holders for p in sentence.kids(h, {"acl"})]
    holders += participles + [o for p in participles for o in sentence.kids(p, OBJECTS)]
    for holder in dict.fromkeys(holders):
        # "moved tanks up to its border with Eritrea": through a particle, or a second preposition.
        preps = [p for p in sentence.kids(holder, {"prep"}) if sentence.lemma(p) in FACING_PREPOSITIONS]
        preps += [p for prt in sentence.kids(holder, {"prt"}) for p in sentence.kids(prt, {"prep"})]
        places = [o for p in preps for o in sentence.kids(p, {"pobj"})]
        places += [o for p in preps for inner in sentence.kids(p, {"prep"}) for o in sentence.kids(inner, {"pobj"})]
        # "within striking distance of the Kuwaiti border", "within range of Iraq": what the force can reach.
        places += [o for p in places if sentence.lemma(p) in REACH_NOUNS for o in sentence.objects_of(p, {"of"})]
        for place in places:
            if sentence.lemma(place) in EDGE_NOUNS:
                candidates += sentence.objects_of(place, {"of", "with"})
                candidates += [m for m in sentence.kids(place, {"poss", "amod", "compound"}) if m != place]
            else:
                candidates.append(place)
    for head in candidates:
        if sentence.a.pos[head] == "ADJ" and (country := find_country(sentence.a.words[head])) is not None:
            if country not in own:  # "near the Kuwaiti border"
                return [
                    CodedActor(sentence.a.words[head], -1, -1, country_actor(sentence.a.words[head], country, "border"))
                ]
            continue
        if found := _foreign_actors(sentence, sentence.conjuncts(head), own):
            return found
    return []


def _foreign_actors(sentence: ParsedSentence, heads: list[int], own: set[str]) -> list[CodedActor]:
    """The known actors the phrases headed by ``heads`` name, other than of the doer's own countries."""
    return [a for a in _resolve_coordinated(sentence, heads) if _known(a) and a.actor.country not in own]


def _aims(sentence: ParsedSentence) -> list[int]:
    """Whom the sentence says an act is aimed at: "a show of force aimed at Beijing", "a message to Tehran"."""
    aimed: list[int] = []
    for t in range(len(sentence)):
        lemma = sentence.lemma(t)
        if lemma in AIMING_PARTICIPLES and sentence.a.tags[t] == "VBN":
            aimed += sentence.objects_of(t, {"at"})
        elif lemma in MESSAGE_NOUNS and sentence.a.pos[t] == "NOUN":
            aimed += sentence.objects_of(t, {"to"})
    return aimed


def _aim_of_posture(sentence: ParsedSentence, own: set[str]) -> list[CodedActor]:
    """The foreign country a force posture is said to be aimed at, if the sentence says so."""
    for head in _aims(sentence):
        if found := _foreign_actors(sentence, sentence.conjuncts(head), own):
            return found
    return []


def _sole_foreign_country(sentence: ParsedSentence, token: int, own: set[str]) -> list[CodedActor]:
    """The one foreign country the sentence names, by name or nationality, outside who reports it and who does the
    act: whom a force posture with nothing else to face is held against ("readied missile batteries ahead of a
    planned North Korean rocket launch", "sent a destroyer to the Falklands, in a move likely to anger Buenos
    Aires"; not the partner in "US and South Korean forces launched an exercise"). None when the sentence names two
    or more: then it does not say which."""
    doers = [token, _clause_verb(sentence, token)]
    reporters = {
        t
        for verb in range(len(sentence))
        if sentence.lemma(verb) in REPORTING_VERBS or verb in doers
        for s in sentence.kids(verb, SUBJECTS)
        for t in sentence.subtree(s)
    }
    named: dict[str, CodedActor] = {}
    for entity in sentence.a.entities:
        if entity.label not in ACTOR_ENTITY_LABELS | {"LOC"}:
            continue
        if any(t in reporters for t in range(entity.start, entity.end)):
            continue
        text = " ".join(sentence.a.words[entity.start : entity.end])
        # A country's name, people or seat ("Buenos Aires", which the model may take for a person).
        country = find_country(text)
        if country is None and entity.label in ("GPE", "NORP"):
            country = find_country(sentence.a.words[entity.end - 1])
        if country is None or country in own:
            continue
        named.setdefault(country, CodedActor(text, entity.start, entity.end, country_actor(text, country, "named")))
    return list(named.values()) if len(named) == 1 else []


REACH_NOUNS = frozenset({"distance", "range", "reach"})
# What a concession yields to, naming who pressed for it: "gave in to pressure from Washington", "backed down in its
# standoff with Brussels", "bowed to the donors' demands".
PRESSING_NOUNS = frozenset(
    "pressure demand call ultimatum campaign standoff stand-off dispute row wrangle feud showdown".split()
)
SPAN_NOUNS = frozenset("year years month months week weeks day days decade decades".split())


def _pressing_party(sentence: ParsedSentence, token: int, own: set[str]) -> list[CodedActor]:
    """Who pressed for a concession the sentence says was yielded to them, not the conceder's own country."""
    pressed = sentence.objects_of(token, {"to", "in", "under", "after"})
    # "gave in to years of pressure from Washington": through a span of time.
    pressed += [o for p in pressed if sentence.lemma(p) in SPAN_NOUNS for o in sentence.objects_of(p, {"of"})]
    for noun in pressed:
        if sentence.lemma(noun) not in PRESSING_NOUNS:
            continue
        for head in _owners_of(sentence, noun) + sentence.objects_of(noun, {"with", "from", "by"}):
            if found := _foreign_actors(sentence, sentence.conjuncts(head), own):
                return found
    return []


# Nouns for what a posture answers or prepares for, which name no one themselves ("citing a build-up of ...").
POSTURE_ACT_NOUNS = frozenset("build-up buildup threat strike strikes attack attacks offensive clash clashes".split())
EDGE_NOUNS = BORDER_WORDS | COAST_NOUNS | {"borders", "waters", "edge"}
