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
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, cached_property

from coder.actors import Actor, cameo_country, country_actor, find_country, is_seat, misspelt_country, resolve_actor
from coder.dates import resolve_expression
from coder.lexicon import Trigger, actor_heads, ideas, non_actors, reframe, trigger_rows
from coder.people import ArticleMemory, Mention
from coder.places import Place, resolve_place
from coder.repairs import repaired
from schemas.codebook import cameo_entry
from schemas.records import Annotation

# Forms spaCy's small English model lemmatises wrongly ("staged" -> "stag", "raped" -> "rap"), found by
# lemmatising the inflections of every lexicon and light verb.
LEMMA_REPAIRS = {
    "staged": "stage",
    "staging": "stage",
    "stages": "stage",
    "waged": "wage",
    "waging": "wage",
    "wages": "wage",
    "raped": "rape",
    "raping": "rape",
    "rapes": "rape",
}
SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj", "dative", "iobj"})
# Prepositions that introduce the target of an event ("with Russia", "on NATO", "to Ukraine").
# Not "for": "called for talks", "fight for an America that works" name a purpose, not a target.
TARGET_PREPOSITIONS = frozenset({"with", "on", "upon", "to", "against", "into", "between"})
# Prepositions that introduce what a verb is about ("agreed to", "agreed on", "called for"), not where or when.
COMPLEMENT_PREPOSITIONS = frozenset({"to", "on", "upon", "for"})
POSSESSIVE_ENDING = re.compile(r"\s*['\u2019]s?$")
# Roots whose act noun takes who it is done to in its "of" phrase: disapproval and rejection ("criticism of Japan",
# "rejection of the Palestinian proposal"), coercion, release, force.
PATIENT_OF_ROOTS = frozenset({"11", "12", "17", "18", "19", "20"})
# "the release of prisoners", "the expulsion of the Russian diplomats" (not "the resignation of the premier": a doer)
PATIENT_OF_CODES = ("084", "161", "166")
# Verbs whose subject undergoes the noun under them: "came under attack", "fell under suspicion".
UNDERGOING_VERBS = frozenset({"come", "fall"})
LOCATION_PREPOSITIONS = frozenset(
    {"in", "inside", "near", "across", "at", "through", "throughout", "outside", "around"}
)
# Verbs that carry a noun event without adding meaning: "made an appeal", "held drills".
LIGHT_VERBS = frozenset(
    """make hold conduct carry stage launch begin start continue resume rely use step intensify
    escalate take join pay mount wage undertake perform announce complete engage involve lodge file register
    open issue order remain put place go renew express voice raise attend gather assemble converge give have
    observe hand roll declare""".split()
)
# Verbs that carry a noun trigger only as their object: "granted Kerik a pardon", "levied sanctions against Iran",
# "levelled criticism at France", "unleashed an offensive", "unveiled plans to arm Ukraine", "adopted sanctions
# against North Korea" (not "with protests ongoing, he granted ...").
OBJECT_LIGHT_VERBS = frozenset({"grant", "levy", "slap", "level", "unleash", "unveil", "outline", "present", "adopt"})
# Verbs that move their object out of something: "withdrew the US from the treaty", "pulled Britain out of the EU".
WITHDRAWING_LEMMAS = frozenset({"withdraw", "pull"})
MOBILIZE_ROOT = "15"
# Violence that is aimed: "fired rockets at Israel", "shot at police", "launched missiles at Saudi Arabia" (elsewhere
# "at" says where: "attacked a checkpoint at the border").
# Rioters' missiles are aimed the same way: "hurled stones at soldiers", "threw eggs at the minister".
PROJECTING_LEMMAS = frozenset({"fire", "shoot", "launch", "hurl", "throw", "lob"})
# "on the High Road", "on Route 2": where something happened, not what it was done to.
STREET_WORDS = frozenset("road street avenue highway boulevard lane square bridge route motorway freeway".split())
# "a stronghold on the Turkish border", "villages on the frontier": a border is where; either side may be meant.
BORDER_WORDS = frozenset("border frontier boundary".split())
# What speaks for its issuer: "the Turkish statement called for ..." is Turkey's call.
STATEMENT_WORDS = frozenset("statement communique communiqué declaration announcement decree".split())
# A country's mission abroad stands where it is: "the US embassy in Tehran" is in Iran.
DIPLOMATIC_MISSIONS = frozenset({"embassy", "consulate", "mission", "legation", "chancery"})
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
EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "acl", "advcl", "conj"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her", "our", "them", "him"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll", "’ll"})
HEDGE_AUXILIARIES = frozenset({"may", "might", "could"})
# An act named as the subject of a modal clause is weighed, not done: "Attacking Iran would be a mistake", "Bombing
# the bridge will cut the road" ("Attacking the convoy killed ten soldiers" has no modal, and happened).
CLAUSE_SUBJECT_MODALS = frozenset({"would", "could", "might", "may", "will", "shall", "should", "must"})
MAX_CONJUNCTS = 3
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
    "possible potential expected future likely imminent hypothetical feared planned prospective".split()
)
# ... or only permitted: "an agreement that allowed Turkish army deployments" permits them, it does not deploy.
HYPOTHETICAL_GOVERNORS = frozenset(
    "expect fear anticipate predict prevent deter avoid risk warn forestall prepare aim allow permit authorize "
    "authorise".split()
)
ANY_DETERMINERS = frozenset({"any"})
HAPPENING_SUBJECTS = frozenset(
    "explosion blast bomb bombing attack ambush raid shelling mine landmine grenade rocket missile shell fire clash"
    " fighting violence riot unrest airstrike strike".split()
)
PLACE_NOUNS = frozenset("state province region city town village district county capital port".split())
# Sites an act is done on or moves into ("blocked the highway", "poured into the square"): their owner says where.
SITE_NOUNS = PLACE_NOUNS | frozenset(
    """street road highway motorway avenue boulevard bridge square plaza airport harbour harbor station hall building
    compound campus headquarters palace stadium park market outskirts centre center downtown suburb township slum
    neighbourhood neighborhood quarter""".split()
)
SITE_PREPOSITIONS = frozenset({"into", "onto", "on", "to", "toward", "towards", "along", "past"})
COLLAPSE_VERBS = frozenset("collapse stall founder".split())
HALTED_NEGOTIATIONS_CODE = "164"
ASPECTUAL_VERBS = frozenset("begin start continue resume proceed keep manage".split())
# "students gathered to protest": gathering for a protest is protesting, not a purpose still to come.
GATHERING_VERBS = frozenset("gather assemble converge rally march flood pour throng pack".split())
PROTEST_ROOT = "14"
PROTEST_VERBS = frozenset({"protest", "demonstrate"})
DEED_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a finite verb in the past or present: done, not intended
# "parliament voted to demand the withdrawal", "the assembly voted to suspend Russia": what a body votes to do, it
# does by the vote, and what an authority orders done ("ordered the embassy to be closed", "ordered the diplomats to
# leave") is done by its order; not force ("voted to send troops" authorises a deployment still to come).
ENACTING_VERBS = frozenset({"vote", "order", "decree"})

# "ready to host talks", "willing to withdraw": a stated intention, coded like "agreed to".
# Nouns that count occurrences of an event: "a new round of talks", "a series of meetings".
ROUND_NOUNS = frozenset("round series session".split())
INTENT_ADJECTIVES = frozenset("willing ready prepared determined eager poised keen set committed due schedule".split())
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
ASSAULT_ROOTS = frozenset({"18", "19", "20"})
FORCE_ROOTS = frozenset({"15", "18", "19", "20"})
FORCE_OR_COERCION_ROOTS = frozenset({"17", "18", "19", "20"})
UNNAMED_ACTOR_ROOTS = frozenset({"14", "17", "18", "19", "20"})
UNNAMED_ATTACKER_ROOTS = frozenset({"18", "19", "20"})
ATTEMPT_WORDS = frozenset({"attempt", "try"})
GENERIC_VIOLENCE_CODES = frozenset({"180", "190"})
# Statements and disapproval: what they are about is not coded again ("voiced concern over the drills").
COMMENT_ROOTS = frozenset({"01", "11"})
# Nouns whose "of" phrase is the doer: protests, force postures, peacekeeping, de-escalation and retreat.
OF_DOER_ROOTS = frozenset({"14", "15"})
OF_DOER_CODES = ("074", "087")
AID_ROOTS = frozenset({"05", "07", "16"})
# Where a sector named without a country ("rebels", "protesters") is most likely the source's compatriot:
# concessions, rejections, protests and coercion are overwhelmingly domestic.
COMPATRIOT_ROOTS = frozenset({"08", "09", "12", "14", "17"})
IRREGULAR_SECTORS = frozenset({"UAF", "CRM"})
# Civilians, workers and protesters: their blockades are protests, not military ones.
CIVIC_SECTORS = frozenset({"OPP", "LAB", "AGR", "CVL", "EDU", "REL", "BUS", "HLH"})
STATE_FORCE_SECTORS = frozenset({"COP", "MIL", "GOV"})
PROTESTER_WORDS = frozenset("protester protestor demonstrator marcher rioter striker picketer".split())
SECURITY_FORCE_WORDS = frozenset("police policeman policemen soldier troops gendarme guard".split())
PROTESTER_VIOLENCE = frozenset({"171", "180", "182", "190"})
# Triggers whose compound subject fight each other: "Indian and Pakistani troops exchanged fire".
MUTUAL_LEMMAS = frozenset({"clash", "exchange", "skirmish"})
# Violence with a "with" opponent; for other violent triggers "with" names the means.
RECIPROCAL_LEMMAS = MUTUAL_LEMMAS | frozenset(
    "fight fighting battle war gunbattle gunfight firefight shootout hostility engage combat conflict".split()
)
# Events addressed to whoever must act in their embedded clause ("demanded that the US cancel ...").
ADDRESSED_ROOTS = frozenset({"02", "10", "11", "12", "13"})
TOPIC_VERBS = frozenset({"discuss", "negotiate", "debate"})
# Acts done at home unless a target is named: protests, coercion, easing curfews and dissent, acceding to reform.
DOMESTIC_ROOTS = frozenset({"14", "17"})
DOMESTIC_CODES = ("081", "082", "083")
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
# Joint events: with a compound source and no target, each party is the other's target.
SYMMETRIC_ROOTS = frozenset({"04", "06"})
# "A and B agreed", "signed", joint drills; "agreed to talks", "agreed to a ceasefire"
SYMMETRIC_CODES = frozenset({"030", "050", "054", "057", "0312", "0311", "036", "0356", "164"})
# Words a force trigger's refinements name as what is struck, not what strikes: "pounded Azerbaijani positions" is
# aimed at Azerbaijan ("pounded the city with artillery": the artillery is the instrument).
STRUCK_PLACES = frozenset({"position", "city", "town", "village", "base", "camp", "outpost", "stronghold", "area"})
# Events whose target, when no actor is named, is the country where they happen ("deployed troops in Iraq").
PLACE_TARGETED_ROOTS = frozenset({"07", "08", "14", "15", "16", "17", "18", "19", "20"})
# An intent to deploy forces is a threat (138) only against whom they are sent: forces pledged *to* a country to help
# it, or agreed and sent there with no hostile purpose, are an intent to give military protection (0334), CAMEO's own
# category for "offer, promise, agree to ... provide peacekeepers or military protection".
MILITARY_THREAT_CODE = "138"
PROTECTION_INTENT_CODE = "0334"
PROTECTION_CODE = "074"
DISPATCHING_LEMMAS = frozenset({"send", "deploy", "dispatch", "station"})
HELPING_PURPOSES = frozenset(
    "help assist support protect defend train secure stabilise stabilize bolster reinforce guard aid".split()
)
ACCORD_INTENT_LEMMAS = frozenset("agree offer pledge promise consent commit volunteer".split())
DOCUMENT_NOUNS = frozenset("treaty bill law agreement deal pact accord request hearing".split())
# Agreements and meetings are named for the town where they were made: "the Paris agreement", "the Oslo accords".
NAMED_FOR_A_PLACE = frozenset(
    "treaty agreement deal pact accord accords convention protocol declaration process".split()
)
ABOUT_PREPOSITIONS = frozenset({"over", "about", "regarding", "concerning", "against", "for"})
CAPTIVE_NOUNS = frozenset({"hostage", "captive"})
# Verbs whose complement clause's subject is who they act on: "allowed UN inspectors to return", "helped Ukraine
# rebuild its grid".
PERMITTING_LEMMAS = frozenset({"allow", "permit", "let", "help"})
# Measures imposed on someone: "sanctions on Russia", "a ban on Ukrainian imports".
MEASURE_NOUNS = frozenset("sanction embargo ban restriction tariff blockade curb boycott".split())
EXTRADITION_CODE = "063"  # judicial cooperation: extraditing or handing over suspects
FRONTIER_NOUNS = frozenset("border frontier boundary line".split())
FRONTIER_PREPOSITIONS = frozenset({"near", "along", "on", "to", "at", "toward", "towards", "close"})
CALL_MEANS = frozenset({"phone", "telephone", "video", "videolink", "videoconference", "link", "call", "hotline"})
HOSTILE_ROOTS = frozenset({"13", "15", "17", "18", "19", "20"})


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


CLAUSE_STOPS = frozenset({"relcl", "advcl", "ccomp", "parataxis"})


def _repaired_lemma(word: str, lemma: str) -> str:
    return LEMMA_REPAIRS.get(word.lower(), lemma.lower())


class ParsedSentence:
    """An ``Annotation`` with the child lists the rules need."""

    def __init__(self, text: str, annotation: Annotation, memory: ArticleMemory | None = None) -> None:
        self.text = text
        # The small model's commonest misparses, repaired once before any rule reads the sentence.
        self.a = repaired(annotation)
        self.memory = memory if memory is not None else ArticleMemory()
        annotation = self.a
        self.children: list[list[int]] = [[] for _ in annotation.words]
        # Every rule asks for lemmas, most of them many times over: repaired once here.
        self.lemmas = [_repaired_lemma(w, base) for w, base in zip(annotation.words, annotation.lemmas, strict=True)]
        for index, head in enumerate(annotation.heads):
            if head != index:
                self.children[head].append(index)
        # The persons this sentence names, in order (``remember_persons``).
        self.mentions: list[tuple[int, Mention]] = []
        self.entity_of: dict[int, tuple[int, int, str]] = {}
        for entity in annotation.entities:
            for token in range(entity.start, entity.end):
                self.entity_of[token] = (entity.start, entity.end, entity.label)

    def __len__(self) -> int:
        return len(self.a.words)

    def lemma(self, i: int) -> str:
        return self.lemmas[i]

    def dep(self, i: int) -> str:
        return self.a.deps[i]

    def head(self, i: int) -> int:
        return self.a.heads[i]

    def span_text(self, start: int, end: int) -> tuple[str, int, int]:
        """Text and character offsets of tokens ``start``..``end`` (inclusive)."""
        char_start = self.a.offsets[start]
        char_end = self.a.offsets[end] + len(self.a.words[end])
        return self.text[char_start:char_end], char_start, char_end

    def subtree(self, i: int, stop: frozenset[str] = frozenset()) -> list[int]:
        found = [i]
        stack = [c for c in self.children[i] if self.dep(c) not in stop]
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(self.children[node])
        return sorted(found)

    @cached_property
    def unrefining(self) -> frozenset[int]:
        """Tokens whose words never refine a trigger: those of relative clauses, however deep ("will not approve a
        budget that allocates funding" is not about funding), and the modifying words of names ("National Security
        Adviser John Bolton released a book" is no release of nationals; a name's head still counts: "pulled out of
        the Anti-Ballistic Missile Treaty"). Asked by every trigger row, so found once per sentence."""
        described = {t for r in range(len(self)) if self.dep(r) == "relcl" for t in self.subtree(r)}
        in_name = {
            t
            for t in range(len(self))
            if self.a.pos[t] == "PROPN" and self.dep(t) in ("compound", "amod", "nmod", "poss")
        }
        return frozenset(described | in_name)

    def kids(self, i: int, deps: frozenset[str] | set[str]) -> list[int]:
        return [c for c in self.children[i] if self.dep(c) in deps]

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and the words coordinated with it ("the United States and NATO")."""
        found = [i]
        frontier = [i]
        while frontier and len(found) < MAX_CONJUNCTS:
            node = frontier.pop()
            for child in self.kids(node, {"conj"}):
                if self.a.pos[child] in ("PROPN", "NOUN", "PRON") and len(found) < MAX_CONJUNCTS:
                    found.append(child)
                    frontier.append(child)
        return found

    def clause_conjuncts(self, i: int) -> list[int]:
        """Verbs coordinated with verb ``i`` ("impose a no-fly zone or send jets")."""
        found: list[int] = []
        frontier = [i]
        while frontier:
            node = frontier.pop()
            for child in self.kids(node, {"conj"}):
                if self.a.pos[child] in ("VERB", "AUX") and child not in found:
                    found.append(child)
                    frontier.append(child)
        return found

    def clause_lemmas(self, i: int) -> set[str]:
        """Lemmas of ``i``'s phrase, not descending into other clauses."""
        return {self.lemma(t) for t in self.subtree(i, stop=CLAUSE_STOPS)}


# Dependents that belong to a noun phrase; prepositional phrases only through "of"
# ("the Armed Forces of the Russian Federation"), never "like", "in", "on" ...
PHRASE_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "advmod", "npadvmod"})
HYPHENS = frozenset({"-", "–", "‑"})
# Heads whose "for/in/at" phrase says whom they act for.
TITLE_HEADS = frozenset(
    """spokesperson spokesman spokeswoman representative envoy ambassador head chief commander minister
    secretary official officer director command ministry department office council committee agency service
    unit division delegation""".split()
)
ACTOR_ENTITY_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def _phrase_tokens(sentence: ParsedSentence, head: int) -> list[int]:
    found = [head]
    stack = [head]
    while stack:
        node = stack.pop()
        for child in sentence.children[node]:
            dep = sentence.dep(child)
            keep = (
                dep in PHRASE_DEPS
                # "the withdrawal of Russian forces"; not a dangling "of" whose object is a gerund ("accused the
                # North of firing": "North of" would be read as a place, and the Turkish town Of is one).
                or (dep == "prep" and sentence.lemma(child) == "of" and bool(sentence.kids(child, {"pobj"})))
                # "spokesperson for the Southern Operations Command in the Ukrainian army"
                or (
                    dep == "prep"
                    and sentence.lemma(child) in ("for", "in", "at")
                    and sentence.lemma(node) in TITLE_HEADS
                )
                or (dep == "pobj" and sentence.lemma(node) in ("of", "for", "in", "at"))
                or (dep == "punct" and sentence.a.words[child] in HYPHENS)
            )
            if keep:
                found.append(child)
                stack.append(child)
    return sorted(found)


def _phrase_words(sentence: ParsedSentence, head: int) -> str:
    """The words of ``head``'s phrase, skipping coordinated parts: what the actor dictionary reads.

    "the air force and air defense officials of the ... Russian Federation" → "the air force of
    the ... Russian Federation", which names the country the contiguous span would cut off.
    """
    return " ".join(sentence.a.words[t] for t in _phrase_tokens(sentence, head))


def _phrase(sentence: ParsedSentence, head: int) -> tuple[str, int, int]:
    """The noun phrase headed by ``head``, as one contiguous span of the sentence."""
    tokens = set(_phrase_tokens(sentence, head))
    left = head
    while left - 1 in tokens:
        left -= 1
    right = head
    while right + 1 in tokens:
        right += 1
    while left < head and sentence.a.pos[left] in ("DET", "PUNCT"):
        left += 1
    while right > head and sentence.a.pos[right] == "PUNCT":
        right -= 1
    return sentence.span_text(left, right)


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
            if personal and not _may_be_a_person(sentence, subject):
                continue  # "the district attorney's office is investigating Trump ... he": "he" is no office
            resolved = _resolve(sentence, subject, allow_pronoun=False)
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


RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
SINGULAR_PRONOUNS = frozenset({"it", "its"})
# Common nouns only: "the Netherlands said it", "the United Nations said it" are one actor.
PLURAL_NOUN_TAGS = frozenset({"NNS"})


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


def _relative_head(sentence: ParsedSentence, token: int) -> int:
    """For "that"/"which"/"who" as the subject of a relative clause, the noun the clause describes."""
    if sentence.a.words[token].lower() not in RELATIVE_PRONOUNS:
        return token
    clause = sentence.head(token)
    if sentence.dep(clause) == "relcl" and sentence.head(clause) != clause:
        return sentence.head(clause)
    return token


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
    actor = resolve_actor(text)
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
        recalled = sentence.memory.recall(text) or sentence.memory.recall(sentence.a.words[head])
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


def _other_half(sentence: ParsedSentence, head: int, text: str) -> Actor | None:
    half = OTHER_HALVES.get(sentence.a.words[head])
    if half is None or not any(sentence.lemma(d) == "the" for d in sentence.kids(head, {"det"})):
        return None
    named, country = half
    if not named.search(sentence.text):
        return None
    return country_actor(text, country, f"the other half of Korea ({country})")


# Nouns for people who act for someone else, named by a "from/of/for" phrase; and those who head a body, who
# stand for it ("the head of Russia's foreign intelligence service", "the director of the CIA").
SENT_FORCE_HEADS = frozenset(
    "troop soldier force peacekeeper warplane jet aircraft plane bomber helicopter drone warship ship unit".split()
)
DELEGATE_HEADS = frozenset(
    "delegation delegate representative spokesman spokeswoman spokesperson negotiator team mission "
    "head director chairman chairwoman chief leader boss commander".split()
)


PERSONAL_PRONOUNS = frozenset({"he", "she", "him"})
AIR_WEAPONS = frozenset(
    "aircraft warplane warplanes jet jets bomber bombers helicopter helicopters drone drones missile missiles".split()
)
QUANTITY_HEADS = frozenset(
    "thousand thousands hundred hundreds dozen dozens million millions some many most all few "
    "several number scores tens".split()
)

# Number words that, alone, count people: not "some", "many", "all", which stand for a group named before.
COUNTED_PEOPLE = frozenset("thousand thousands hundred hundreds dozen dozens million millions scores tens".split())


def _person_name(sentence: ParsedSentence, head: int) -> str | None:
    """The name, when ``head`` is (the last word of) a PERSON entity."""
    entity = sentence.entity_of.get(head)
    if entity is None or entity[2] != "PERSON":
        return None
    return sentence.span_text(entity[0], entity[1] - 1)[0]


def _person_actor(sentence: ParsedSentence, head: int, name: str, text: str, titled: Actor | None) -> Actor | None:
    """A person: by the title in the phrase or apposition ("Ukrainian President ..."), else by what the
    article said of them before, else by the dated gazetteer. Titled persons are remembered."""
    if titled is None or titled.country is None and titled.code is None:
        for apposition in sentence.kids(head, {"appos"}):
            described = resolve_actor(_phrase_words(sentence, apposition))
            if described is not None and described.sector and not (described.country or described.code):
                # "Wanda Vázquez, the governor of Puerto Rico": the title's country is in its own phrase.
                described = _sector_with_country(sentence, apposition, described)
            if described is not None and (described.country or described.code):
                titled = described
                break
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
        if dep == "prep" and sentence.lemma(child) in ("in", "from", "throughout", "across", "of"):
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
        elif dep == "compound" and sentence.entity_of.get(child, (0, 0, ""))[2] == "PERSON":
            person = sentence.memory.recall(sentence.a.words[child])
            country = person.country if person is not None else None
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


def _code_or_text(actor: CodedActor | None) -> str | None:
    if actor is None:
        return None
    return actor.actor.code or actor.text


def _known(actor: CodedActor | None) -> bool:
    return actor is not None and (actor.actor.code is not None or actor.actor.country is not None)


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
        return any(
            sentence.lemma(c) in trigger.needs_values for c in sentence.kids(token, {"dobj", "dative", "npadvmod"})
        )
    if trigger.needs_kind == "nochild":
        return not any(sentence.lemma(c) in trigger.needs_values for c in sentence.children[token])
    if trigger.needs_kind == "head":
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
        "subjunctive" in trigger.needs_values
        and sentence.a.tags[clause] == "VB"
        and not sentence.kids(clause, {"aux"})
        and sentence.kids(clause, SUBJECTS)
    ):
        return False
    if sentence.lemma(clause) in STATE_VERBS:
        return False
    # "We must stand together": a demand is made of someone else; what the speakers say they must do is an opinion.
    subjects = sentence.kids(clause, SUBJECTS | PASSIVE_SUBJECTS)
    return not (trigger.frame == "demand" and any(_first_person(sentence, s) for s in subjects))


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
    # "China freed two Canadians", "released three Americans": people named by their nationality are persons.
    # Only for verbs of releasing: "returned two Venezuelans" may be a deportation.
    nationals = trigger.cameo == "0841" and any(
        sentence.a.pos[obj] in ("NOUN", "PROPN")
        and sentence.entity_of.get(obj, (0, 0, ""))[2] == "NORP"
        and sentence.a.words[obj].lower().endswith("s")
        for obj in sentence.kids(token, OBJECTS)
    )
    return "0841" if nationals else None


@dataclass(slots=True)
class _Candidate:
    token: int
    trigger: Trigger
    code: str
    # Triggers folded into this one as the same event ("shelled Juba, killing 20"): their actors can
    # stand in for this event's missing target.
    absorbed: list[_Candidate] = field(default_factory=list)


# "ordered the ambassador to leave", "told two diplomats to leave the country", "gave 18 diplomats 48 hours to
# leave": an order to go, given to people a state can expel, is an expulsion, coded as "expel" would code it.
ORDERING_VERBS = frozenset("order tell ask instruct direct give".split())
LEAVING_VERBS = frozenset("leave depart quit exit".split())
COUNTRY_NOUNS = frozenset("country nation territory soil".split())


def may_hold_trigger(annotation: Annotation) -> bool:
    """Whether :func:`_find_candidates` could find a trigger in the sentence, told from its words, lemmas and POS
    alone: a token whose lemma and POS start an event, with one of the words it requires anywhere in the sentence
    (:func:`trigger_requirements`). An over-approximation, for the cascade, which asks it before the costliest
    component (the entity recogniser) runs: False means no event can be coded in the sentence, whatever its
    entities."""
    requirements = trigger_requirements()
    present: set[str] | None = None
    for word, lemma, pos in zip(annotation.words, annotation.lemmas, annotation.pos, strict=True):
        if pos not in ("VERB", "NOUN"):
            continue
        key = (_repaired_lemma(word, lemma), pos)
        if key not in requirements:
            continue
        required = requirements[key]
        if required is None:
            return True
        if present is None:
            present = {word.lower() for word in annotation.words}
            present |= {_repaired_lemma(w, base) for w, base in zip(annotation.words, annotation.lemmas, strict=True)}
        if required & present:
            return True
    return False


@cache
def trigger_requirements() -> dict[tuple[str, str], frozenset[str] | None]:
    """For each (lemma, POS) that can start an event, the words (lemmas or lower-cased forms) one of which the
    sentence must also hold for the coder to find a candidate there; None when it needs none.

    What a trigger's needs ask of its children, head or subtree (:func:`_needs_met`, ``_refine``) is asked of the
    whole sentence; needs on dependency labels, which only the parse can tell, require nothing. An ordering verb
    expels with a verb of leaving or "out" (``_expulsion``); an act noun the coder can lay at someone's door also
    counts with a word of blame (``_blamed_acts``: "said Iran was behind the attack")."""
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
        require((verb, "VERB"), LEAVING_VERBS | {"out"})
    for verb in LEAVING_VERBS:
        require((verb, "VERB"), ORDERING_VERBS)
    return requirements


def _required_words(trigger: Trigger) -> frozenset[str] | None:
    """The words one of which a trigger's needs ask for (:func:`_needs_met`), or None when the words cannot tell."""
    kind, values = trigger.needs_kind, frozenset(trigger.needs_values)
    if kind == "refine":
        if trigger.cameo == "0841":
            return None  # released nationals, told by their entities
        return trigger.refinement_words
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
    leaving = any(
        sentence.lemma(c) in LEAVING_VERBS and sentence.a.pos[c] == "VERB" and _leaves_a_country(sentence, c)
        for c in sentence.kids(token, {"xcomp", "advcl", "ccomp"})
    )
    # "ordered him out of the country": the compound preposition "out of" on the verb itself.
    leaving = leaving or (
        sentence.lemma(token) == "order"
        and any(
            sentence.lemma(c) == "out" and any(sentence.lemma(o) == "of" for o in sentence.kids(c, {"prep"}))
            for c in sentence.kids(token, {"prep", "prt", "advmod"})
        )
    )
    if not leaving:
        return []
    # "gave 18 Russian diplomats 48 hours": the one given the time, not the time; a passive's subject
    # ("the envoy was ordered to leave") is the one sent away.
    people = sentence.kids(token, {"dative", "iobj"}) or sentence.kids(token, {"dobj", "obj"})
    return people or sentence.kids(token, PASSIVE_SUBJECTS)


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
        if key_pos == "VERB" and (accuse := table.get(("accuse", "VERB"))) and (acts := _blamed_acts(sentence, token)):
            found[token] = _Candidate(token, accuse[0], accuse[0].cameo)
            blamed[token] = acts
            continue
        rows = table.get((sentence.lemma(token), key_pos))
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
    # "stop fighting", "halted cooperating": the gerund a de-escalation or a cut names is what stops.
    for token in list(found):
        head = sentence.head(token)
        if (
            head in found
            and head != token
            and sentence.dep(token) == "xcomp"
            and sentence.a.tags[token] == "VBG"
            and found[head].code[:2] in ("08", "16")
        ):
            found[head].absorbed.append(found[token])
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
            if lemma in ("against", "on", "upon") or doer:
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


def _time_expression(sentence: ParsedSentence, noun: int) -> bool:
    """Whether a noun says when or for how long: "three days", "the second time", "the weekend"."""
    label = sentence.entity_of.get(noun, (0, 0, ""))[2]
    return label in ("DATE", "TIME") or sentence.lemma(noun) in DURATION_WORDS


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
                elif sentence.lemma(clause) in ASPECTUAL_VERBS | LIGHT_VERBS:
                    # "warned they would resume fighting", "agreed to begin talks": through the verb that carries it.
                    embedded.extend(c for c in sentence.kids(clause, OBJECTS | {"xcomp"}) if c in candidates)
                else:
                    # "vowed to deepen military cooperation": the verb the noun trigger requires carries it, too.
                    embedded.extend(
                        c
                        for c in sentence.kids(clause, OBJECTS)
                        if c in candidates
                        and candidates[c].trigger.needs_kind == "head"
                        and sentence.lemma(clause) in candidates[c].trigger.needs_values
                    )
    return embedded


def _clause_verb(sentence: ParsedSentence, token: int) -> int:
    """The verb whose clause a noun trigger belongs to (its light verb, preposition's head, ...)."""
    node = token
    for _ in range(4):
        parent = sentence.head(node)
        if parent == node:
            return node
        if sentence.a.pos[parent] in ("VERB", "AUX"):
            return parent
        node = parent
    return node


def _of_names_the_doer(code: str) -> bool:
    """Whether "the X of Y" names who does X: "the withdrawal of Russian forces", "a demonstration of
    students", "the deployment of NATO troops" (but "the killing of civilians", "the release of prisoners"
    name who it is done to)."""
    return code[:2] in OF_DOER_ROOTS or code.startswith(OF_DOER_CODES)


def _moves_own_forces(code: str) -> bool:
    """Whether what is moved by the act is the doer's own force: deployments and force postures (15),
    peacekeepers sent (074), withdrawals (087); not protests (14), whose passive subject is not a protester."""
    return code[:2] == "15" or code.startswith(OF_DOER_CODES)


def _carries(sentence: ParsedSentence, verb: int, noun: int, trigger: Trigger) -> bool:
    """Whether ``verb`` only carries the noun trigger, so that its subject and objects are the noun's: a light
    verb ("held drills"), or the verb the trigger requires ("claimed responsibility", "lodged a complaint")."""
    if verb == noun:
        return False
    lemma = sentence.lemma(verb)
    if lemma in OBJECT_LIGHT_VERBS:
        if sentence.dep(noun) == "appos" and sentence.dep(sentence.head(noun)) in OBJECTS:
            noun = sentence.head(noun)  # "granted [Kerik] [a pardon]": the small model's apposition
        return sentence.head(noun) == verb and sentence.dep(noun) in OBJECTS | PASSIVE_SUBJECTS
    return lemma in LIGHT_VERBS or (trigger.needs_kind == "head" and lemma in trigger.needs_values)


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
    talks*" (through a noun that counts rounds or series of it)."""
    if sentence.dep(noun) != "pobj":
        return None
    prep = sentence.head(noun)
    if sentence.lemma(prep) == "of" and sentence.lemma(sentence.head(prep)) in ROUND_NOUNS:
        counted = sentence.head(prep)
        if sentence.dep(counted) != "pobj":
            return None
        prep = sentence.head(counted)
    verb = sentence.head(prep)
    if sentence.lemma(prep) == "for" and verb != prep and sentence.a.pos[verb] in ("VERB", "AUX"):
        return verb
    return None


def _agent_participles(sentence: ParsedSentence, noun: int) -> list[int]:
    """The participles on a noun trigger whose "by" phrase names its doer: "an attack *carried out* by ..."."""
    return [
        p
        for p in sentence.kids(noun, {"acl"})
        if sentence.a.tags[p] == "VBN" and sentence.lemma(p) in AGENT_PARTICIPLES
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


# Acts only a state's authorities do: investigate (09), arrest, detain or charge (173), deport (174), curfews and
# emergency rule (1723, 1724).
AUTHORITY_CODES = ("09", "173", "174", "1723", "1724")


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


def _resolve_coordinated(sentence: ParsedSentence, heads: list[int]) -> list[CodedActor]:
    """Actors of coordinated phrases; a part with a sector but no country shares its neighbour's country
    ("the air force and air defense officials of the Russian Federation": both Russian)."""
    actors = [a for a in (_resolve(sentence, h) for h in heads) if a is not None]
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
        # "guerrillas who overran it": an object "it" is a thing more often than the clause's subject.
        heads = [
            h for h in heads if not (sentence.dep(h) in OBJECTS | {"pobj"} and sentence.lemma(h) in ("it", "they"))
        ]
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
    if event_code.startswith(EXTRADITION_CODE):
        # "extradited Russian arms trafficker Viktor Bout to the United States": the state that receives the suspect
        # is the partner in judicial cooperation, not the suspect's country.
        recipients = [
            o
            for prep in sentence.kids(token, {"prep"})
            if sentence.lemma(prep) == "to"
            for o in sentence.kids(prep, {"pobj"})
        ]
        if recipients and (found := actors(sentence.conjuncts(recipients[0]))):
            return found
    if objects and (found := actors(sentence.conjuncts(objects[0]))):
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
    for thing in objects:
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
        # "demanded the withdrawal of Serbian forces from Bosnia": whose withdrawal, before from where.
        if found := actors(_owners_of(sentence, thing)):
            return found
    owners = [token, *objects]
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
        for prep in sentence.kids(owner, {"prep", "dative"}):
            # "suspended a military aid programme for Bosnia": aid is for its recipient.
            beneficiary = (
                # "voiced its support for Azerbaijan": also on the verb that carries the noun; and on a verb with an
                # object, where the parser hangs "for" on the verb or on the object alike ("cut funds for Turkey").
                (
                    owner in objects
                    or (trigger.pos == "NOUN" and (owner == token or (carried and owner == carrier_verb)))
                    or (trigger.pos == "VERB" and owner == token and bool(objects))
                )
                and trigger.cameo[:2] in AID_ROOTS
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
            if event_code[:2] == "15" and sentence.lemma(prep) in FRONTIER_PREPOSITIONS:
                # "massed troops near the Ukrainian border", "deployed troops along its border with Pakistan": a force
                # posture at a border faces the country beyond it.
                own = {
                    found.actor.country
                    for subject in sentence.kids(token, SUBJECTS)
                    if (found := _resolve(sentence, subject)) is not None
                }
                for border in (p for p in pobjs if sentence.lemma(p) in BORDER_WORDS):
                    beyond = [
                        p
                        for w in sentence.kids(border, {"prep"})
                        if sentence.lemma(w) == "with"
                        for p in sentence.kids(w, {"pobj"})
                    ] + [m for m in sentence.kids(border, {"amod", "compound"}) if find_country(sentence.a.words[m])]
                    for neighbour in beyond:
                        found = actors(sentence.conjuncts(neighbour))
                        if found and not {a.actor.country for a in found} & own:
                            return found  # not "Russian troops massed on the Russian border": that says where
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
        if found := actors(_owners_of(sentence, thing)):
            return found
    if event_code[:2] in JUDGING_ROOTS and (found := _judged_place_or_owner(sentence, objects, actors)):
        return found
    if event_code[:2] == "14":
        # "began a hunger strike to protest against the Danish government", "a strike in protest of the
        # government's decision": what the protest is aimed at.
        for aim in _protest_aims(sentence, [token, carrier_verb] if carried else [token]):
            if found := actors(sentence.conjuncts(aim)) or actors(_owners_of(sentence, aim)):
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
    return []


CONDITION_MARKS = frozenset({"if", "unless"})
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
    if sentence.lemma(noun) not in PARTITIVE_WORDS and sentence.a.tags[noun] != "CD":
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


TIME_SPANS = frozenset("hour hours day days week weeks month months year years".split())
# Heads that name a share of the noun in their "of" phrase.
PARTITIVE_WORDS = frozenset(
    "part portion share half third quarter fraction rest remainder bulk majority most some many several all".split()
)
DURATION_WORDS = TIME_SPANS | frozenset("time times night nights weekend period minute minutes while".split())
# "after/during fierce fighting": the fighting that came with the act the phrase is attached to.
AFTERMATH_PREPOSITIONS = frozenset({"after", "during", "following", "amid"})


def _undergone(sentence: ParsedSentence, noun: int) -> bool:
    """Whether a noun trigger is what its verb puts someone under or into: "put under investigation", "placed under
    arrest", "taken into custody"."""
    prep = sentence.head(noun)
    return sentence.dep(noun) == "pobj" and sentence.lemma(prep) in ("under", "into") and sentence.head(prep) != prep


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
        elif dep == "prep" and sentence.lemma(child) in ("by", "from", "of"):
            phrases.extend(sentence.kids(child, {"pobj"}))
        elif dep == "prep" and sentence.lemma(child) == "with" and sentence.lemma(thing) in BORDER_WORDS:
            # "sent troops to its border with Guyana": the other side of a border is the one faced.
            phrases.extend(sentence.kids(child, {"pobj"}))
        elif dep == "acl" and sentence.a.tags[child] == "VBN":
            # "the death sentence handed down by a Chinese court": the participle's agent.
            phrases.extend(p for agent in sentence.kids(child, {"agent"}) for p in sentence.kids(agent, {"pobj"}))
    return owners or phrases


# Sport borrows the words of war: "a bitterly fought World Cup quarter-final clash", "Argentina edged England 2-1".
SPORT_WORDS = frozenset(
    "cup quarter-final quarterfinal semi-final semifinal final match derby tournament championship league playoff "
    "play-off fixture goal striker midfielder goalkeeper innings wicket olympic olympics medal champion title serve "
    "wimbledon tennis football soccer cricket rugby golf".split()
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


def _shared_subject_verb(sentence: ParsedSentence, token: int) -> int:
    """The verb whose subject a verb shares: "killed 30 and destroyed homes" shares "killed"'s subject."""
    node = token
    while sentence.dep(node) == "conj" and not sentence.kids(node, SUBJECTS) and sentence.head(node) != node:
        node = sentence.head(node)
    return node


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


# "the first country to recognise", "the only leader to attend", "the latest state to join".
RANKING_WORDS = frozenset("first second third fourth last only latest sole".split())


def _first_to(sentence: ParsedSentence, verb: int) -> int | None:
    """The subject of "X became/was the first N to VERB" for the infinitive VERB: X did it."""
    if sentence.a.tags[verb] != "VB" or sentence.head(verb) == verb:
        return None
    if sentence.dep(verb) in ("acl", "relcl"):
        ranked = [sentence.head(verb)]
        copula = sentence.head(ranked[0])
        if sentence.dep(ranked[0]) != "attr":
            return None
    elif sentence.dep(verb) == "xcomp":  # the parser may hang the infinitive on the copula itself
        copula = sentence.head(verb)
        ranked = sentence.kids(copula, {"attr"})
    else:
        return None
    if sentence.lemma(copula) not in ("be", "become") or not any(
        sentence.lemma(m).lower() in RANKING_WORDS for r in ranked for m in sentence.kids(r, {"amod"})
    ):
        return None
    subjects = sentence.kids(copula, SUBJECTS)
    return subjects[0] if subjects else None


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
            # "burned flags to protest against the strike": the deed done is the protest.
            protesting = code[:2] == PROTEST_ROOT and sentence.a.tags[parent] in DEED_TAGS
            if (
                infinitive
                and sentence.lemma(parent) not in ASPECTUAL_VERBS | INTENT_ADJECTIVES | GATHERING_VERBS
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


def _auxiliaries(sentence: ParsedSentence, token: int) -> set[str]:
    return {sentence.a.words[c].lower() for c in sentence.kids(token, {"aux", "auxpass"})}


def _is_passive(sentence: ParsedSentence, token: int) -> bool:
    return bool(sentence.kids(token, {"auxpass"}))


def _has_infinitive_to(sentence: ParsedSentence, verb: int) -> bool:
    """Whether ``verb`` is a to-infinitive ("to attack"): a "to" among its auxiliaries."""
    return any(sentence.a.words[c].lower() == "to" for c in sentence.kids(verb, {"aux"}))


def _shares_its_verb_group(sentence: ParsedSentence, verb: int) -> bool:
    """Whether a verb is a bare infinitive coordinated with the verb before it, with no subject of its own ("aims to
    tighten sanctions and *impose* a blockade", "will impose sanctions and *freeze* assets"), or a gerund coordinated
    with a gerund ("likes dropping bombs and *killing* them"); "tried to enter the town and *shelled* it" is finite
    and stands on its own."""
    if sentence.a.pos[verb] != "VERB" or sentence.dep(verb) != "conj" or sentence.kids(verb, SUBJECTS):
        return False
    head = sentence.head(verb)
    if head == verb or sentence.a.pos[head] != "VERB":
        return False
    tag = sentence.a.tags[verb]
    return tag == "VB" or (tag == "VBG" and sentence.a.tags[head] == "VBG")


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


REPORTING_VERBS = frozenset(
    "say tell claim report allege announce state add confirm insist argue write note warn reveal assert "
    "declare acknowledge admit estimate believe".split()
)


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


COMPASS_POINTS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west south-east south-west".split()
)


def _place_phrase_on(
    sentence: ParsedSentence, holder: int, through_of: bool = False
) -> tuple[Place | None, str | None] | None:
    """The place an "in/near/at X" phrase on ``holder`` names, if one does; with ``through_of``, also "outside of the
    Iraqi city of Basra", where the place hangs from the "of" after the preposition."""
    for prep in sentence.kids(holder, {"prep"}):
        if sentence.lemma(prep) not in LOCATION_PREPOSITIONS:
            continue
        objects = sentence.kids(prep, {"pobj"})
        if through_of and not objects:
            objects = [
                o
                for of in sentence.kids(prep, {"prep"})
                if sentence.lemma(of) == "of"
                for o in sentence.kids(of, {"pobj"})
            ]
        for obj in objects:
            found = _place_of(sentence, obj, depth=2)
            if _names_where(sentence.lemma(prep), found[0]):
                return found
    return None


def _location(sentence: ParsedSentence, token: int) -> tuple[Place | None, str | None]:
    """An "in/near/at X" place on the trigger, its object ("lifted the curfew in Montenegro", "a state of
    emergency in Darfur") or its light verb."""
    owners = [token]
    for obj in sentence.kids(token, OBJECTS):
        owners.append(obj)
        owners.extend(
            p
            for prep in sentence.kids(obj, {"prep"})
            if sentence.lemma(prep) == "of"
            for p in sentence.kids(prep, {"pobj"})
        )
    if sentence.a.pos[token] == "NOUN":
        owners.append(_clause_verb(sentence, token))
    else:
        # "an explosion near the town of Samarra killed two youths": a blast or a clash that does the deed happened
        # where the deed did.
        owners.extend(s for s in sentence.kids(token, {"nsubj"}) if sentence.lemma(s) in HAPPENING_SUBJECTS)
    # "used tear gas to disperse demonstrators in Harare": a purpose clause says where, too.
    owners.extend(sentence.kids(token, {"xcomp"}))
    for owner in owners:
        if (found := _place_phrase_on(sentence, owner, through_of=True)) is not None:
            return found
    # "killed five soldiers 20 km north of Baghdad", "in a night raid south of Algiers": a compass point of a place.
    near = owners + [
        o for owner in owners for prep in sentence.kids(owner, {"prep"}) for o in sentence.kids(prep, {"pobj"})
    ]
    # "in a night raid on a hamlet south of Algiers": one phrase further down.
    near += [
        o for n in near[len(owners) :] for prep in sentence.kids(n, {"prep"}) for o in sentence.kids(prep, {"pobj"})
    ]
    for holder in near:
        for point in sentence.kids(holder, {"advmod", "npadvmod"}):
            if sentence.lemma(point).lower() not in COMPASS_POINTS:
                continue
            for of in sentence.kids(point, {"prep"}):
                if sentence.lemma(of) == "of":
                    for obj in sentence.kids(of, {"pobj"}):
                        found = _place_of(sentence, obj, depth=1)
                        if found[0] is not None and found[0].country is not None:
                            return found
    # "set fire to shops in Jakarta", "opened fire on a bus in Kabul": where the thing acted on is.
    acting = owners[:1]
    if sentence.a.pos[token] == "NOUN" and sentence.dep(token) in OBJECTS:
        acting.append(sentence.head(token))
    for owner in acting:
        for prep in sentence.kids(owner, {"prep"}):
            for obj in sentence.kids(prep, {"pobj"}):
                if (found := _place_phrase_on(sentence, obj)) is not None:
                    return found
    # "blocked Tel Aviv's Ayalon highway", "poured into Cairo's Tahrir Square", "marched on the streets of Santiago":
    # a site the act is done on or moves into is where it happened, when a place owns it.
    for owner in owners[:1] + ([_clause_verb(sentence, token)] if sentence.a.pos[token] == "NOUN" else []):
        sites = list(sentence.kids(owner, {"dobj"})) + [
            o
            for prep in sentence.kids(owner, {"prep"})
            if sentence.lemma(prep) in SITE_PREPOSITIONS
            for o in sentence.kids(prep, {"pobj"})
        ]
        for site in sites:
            if sentence.lemma(site).lower() in SITE_NOUNS:
                found = _place_of(sentence, site, depth=2)
                if found[0] is not None and found[0].country is not None:
                    return found
    if sentence.a.pos[token] == "NOUN" and sentence.dep(token) == "pobj":
        # "retook a village in western Cambodia after fierce fighting": the fighting was where the act was.
        prep = sentence.head(token)
        verb = sentence.head(prep)
        after = sentence.lemma(prep) in AFTERMATH_PREPOSITIONS
        if after and verb not in (prep, token) and sentence.a.pos[verb] == "VERB":
            return _location(sentence, verb)
    if sentence.a.pos[token] == "VERB":
        # "arrested 20 people after two days of clashes in Cairo": what the act came after happened where it did.
        for prep in sentence.kids(token, {"prep"}):
            if sentence.a.words[prep].lower() not in AFTERMATH_PREPOSITIONS | {"following"}:
                continue
            for obj in sentence.kids(prep, {"pobj"}):
                measured = [
                    o
                    for of in sentence.kids(obj, {"prep"})
                    if sentence.lemma(of) == "of" and sentence.lemma(obj) in TIME_NOUNS
                    for o in sentence.kids(of, {"pobj"})
                ]
                for act in measured or [obj]:
                    if (found := _place_phrase_on(sentence, act)) is not None:
                        return found
    gathering = sentence.head(token)
    gathered = sentence.lemma(gathering) in GATHERING_VERBS
    # "students burned flags in Karachi to protest": the deed that is the protest says where.
    protest_deed = sentence.lemma(token) in PROTEST_VERBS and sentence.a.tags[gathering] in DEED_TAGS
    if (
        sentence.dep(token) in ("advcl", "xcomp")
        and gathering != token
        and (gathered or protest_deed)
        # A rally or a march is a protest of its own, with its own place.
        and not any(
            row.cameo[:2] == PROTEST_ROOT for row in trigger_rows().get((sentence.lemma(gathering), "VERB"), ())
        )
        and sentence.a.pos[token] == "VERB"
    ):
        # "supporters gathered in Minsk to protest the results": the purpose is carried out where they gathered.
        return _location(sentence, gathering)
    return None, None


def _nation_of_happening(sentence: ParsedSentence, token: int, evidence: list[str]) -> list[CodedActor]:
    """The country of a strike or a blast that does the deed: "the US airstrike that killed the general" (a strike is
    not an actor, but a nation's strike is that nation's act)."""
    # "the US airstrike that killed ...": a relative pronoun stands for the noun its clause describes.
    for subject in (_relative_head(sentence, s) for s in sentence.kids(token, {"nsubj"})):
        if sentence.lemma(subject) not in HAPPENING_SUBJECTS:
            continue
        for modifier in sentence.kids(subject, {"compound", "amod", "nmod"}):
            if sentence.entity_of.get(modifier, (0, 0, ""))[2] not in ("GPE", "NORP"):
                continue
            country = find_country(sentence.a.words[modifier])
            if country is not None:
                word, start, end = sentence.span_text(modifier, modifier)
                evidence.append(f"source: the country of the {sentence.a.words[subject]} ({word})")
                nation = country_actor(word, country, f"{word} {sentence.lemma(subject)}")
                return [CodedActor(word, start, end, nation)]
    return []


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


def _inferred_from_place(
    place: Place | None, place_text: str | None, who: str, evidence: list[str]
) -> list[CodedActor]:
    """The country where an act happened, standing for a doer the sentence does not name (no span in the text)."""
    if place is None or place.country is None:
        return []
    evidence.append(f"source inferred: {who} ({place.country})")
    return [CodedActor(place_text or place.name, -1, -1, country_actor(place.country, place.country, who))]


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
        sentence.entity_of.get(d, (0, 0, ""))[2] in ("PERSON", "ORG") or sentence.a.pos[d] == "PRON" for d in doers
    )


def _has_subject(sentence: ParsedSentence, token: int) -> bool:
    """Whether the clause of a trigger has a subject other than the trigger ("many marched", "they rioted"); "rioting
    broke out" has none."""
    holders = [token] if sentence.a.pos[token] != "NOUN" else [token, _clause_verb(sentence, token)]
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


def _named_settlement(sentence: ParsedSentence, name: int) -> tuple[Place | None, str | None]:
    """The gazetteer's place for a proper name standing after a place noun ("the town of <name>")."""
    if sentence.a.pos[name] != "PROPN":
        return None, None
    text, _, _ = _phrase(sentence, name)
    place = resolve_place(text)
    return (place, text) if place is not None and place.country is not None else (None, None)


def _names_where(preposition: str, place: Place | None) -> bool:
    """Whether "<preposition> <place>" says where: "at Kabul airport" does, but a country after "at" is what is
    aimed at ("fired at Iran", "lashed out at France"), not where it happened."""
    return place is not None and not (preposition == "at" and place.kind == "country")


def _place_of(sentence: ParsedSentence, obj: int, depth: int) -> tuple[Place | None, str | None]:
    """The place a location phrase names, looking through "the northern city of Kirkuk", "a jail in Dili"."""
    entity = sentence.entity_of.get(obj)
    if entity is not None and entity[2] in ("GPE", "LOC", "FAC"):
        text, _, _ = _phrase(sentence, obj)
        place = resolve_place(text) or resolve_place(sentence.span_text(entity[0], entity[1] - 1)[0])
        if place is not None:
            return place, text
    elif sentence.a.pos[obj] == "PROPN" and (entity is None or entity[1] - entity[0] == 1):
        # "in northern Mali" with "Mali" mis-tagged as a person: a country (or a region of one) after a place
        # preposition is that place whatever the entity label says; a town needs the label (names are not towns).
        text, _, _ = _phrase(sentence, obj)
        place = resolve_place(text)
        # "deployed across Urumqi" with the city tagged an organisation: a town the gazetteer knows, when no
        # organisation of that name does ("through the streets of Santiago": a capital is a place here).
        mislabelled_town = entity is not None and entity[2] == "ORG" and (resolve_actor(text) is None or is_seat(text))
        if (
            place is not None
            and place.country is not None
            and (place.kind in ("country", "region") or mislabelled_town)
        ):
            return place, text
    if depth > 0 and sentence.a.pos[obj] in ("NOUN", "PROPN"):
        # "in a Paris subway station", "in Kiev's Independence Square": a place name modifying the noun; but
        # "outside the US embassy in Tehran" is in Iran, whose country the mission stands on.
        mission = sentence.lemma(obj) in DIPLOMATIC_MISSIONS
        for modifier in [] if mission else sentence.kids(obj, {"compound", "amod", "poss"}):
            if sentence.entity_of.get(modifier, (0, 0, ""))[2] == "GPE":
                # "in Russia's Krasnodar region", "in Pakistan's Balochistan province": the owner without its "'s".
                name = POSSESSIVE_ENDING.sub("", _phrase(sentence, modifier)[0])
                place = resolve_place(name)
                if place is not None:
                    return place, name
        # "in the Serbian capital Belgrade", "in the port town, Mokha": the name in apposition.
        for name in sentence.kids(obj, {"appos"}):
            found = _place_of(sentence, name, depth - 1)
            if found[0] is not None:
                return found
        for prep in sentence.kids(obj, {"prep"}):
            if sentence.lemma(prep) in ("of", "in", "near"):
                for inner in sentence.kids(prep, {"pobj"}):
                    found = _place_of(sentence, inner, depth - 1)
                    if found[0] is not None:
                        return found
                    if sentence.lemma(obj) in PLACE_NOUNS and sentence.lemma(prep) == "of":
                        # "the town of Samarra" with "Samarra" labelled a nationality: after "town of" a name the
                        # gazetteer knows is that town, whatever the entity label says.
                        found = _named_settlement(sentence, inner)
                        if found[0] is not None:
                            return found
        if sentence.lemma(obj) in PLACE_NOUNS and not mission:
            # "in the Mexican state of Guerrero", "the Syrian town of ...": a name the gazetteer lacks is still in the
            # country its demonym names.
            for modifier in sentence.kids(obj, {"amod"}):
                if sentence.entity_of.get(modifier, (0, 0, ""))[2] == "NORP" and (
                    country := find_country(sentence.a.words[modifier])
                ):
                    text = _phrase(sentence, obj)[0]
                    return Place(name=text, country=country, latitude=None, longitude=None, kind="region"), text
    return None, None


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
        events.extend(_code_candidate(sentence, candidate, candidates, framed, published))
    sentence.memory.note_mentions([mention for _, mention in sentence.mentions])
    # "lashed out at Iran, accusing it of lying": a participle of the main clause, which may restate its act.
    participles = frozenset(
        sentence.a.offsets[t]
        for t in range(len(sentence))
        if sentence.a.tags[t] == "VBG" and sentence.dep(t) == "advcl"
    )
    # "Soleimani was killed by an American drone strike": the passive verb and the act that is its agent.
    agent_acts = frozenset(
        (sentence.a.offsets[verb], sentence.a.offsets[noun])
        for verb in candidates
        for agent in sentence.kids(verb, {"agent"})
        for noun in sentence.kids(agent, {"pobj"})
        if noun in candidates
    )
    return merge_restatements(merge_agent_acts(events, agent_acts), participles)


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
TIME_NOUNS = frozenset("day days hour hours week weeks month months year years night nights minute minutes".split())


def _background(sentence: ParsedSentence, token: int, candidates: dict[int, _Candidate]) -> bool:
    """Whether a noun trigger names what an event of the sentence came after or answered: the news is that event,
    and the earlier one was reported when it happened (coding it again would date it to this article)."""
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


def _yet_to_come(sentence: ParsedSentence, token: int) -> bool:
    """Whether a noun trigger names an act that has not happened: "the opposition's planned rally", "deployed ahead of
    the demonstrations" (what a frame embeds is coded through the frame, before this)."""
    if sentence.a.pos[token] != "NOUN":
        return False
    if any(sentence.a.words[m].lower() in PROSPECTIVE_MODIFIERS for m in sentence.kids(token, {"amod", "compound"})):
        return True
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
    """A trigger in an "after" clause of another, peaceful, event (its verb or the noun that is its subject):
    "Venezuela sent troops to the border after Colombian troops killed a rebel commander" reports the deployment; the
    killing was news when it happened."""
    if sentence.a.pos[token] == "NOUN":
        # "a day after a car bomb attack killed 21 people", "hours after Russian forces began their invasion",
        # "hours after two Australians were executed by firing squad": the act belongs to the clause's verb.
        token = _clause_verb(sentence, token)
    if sentence.a.pos[token] != "VERB" or sentence.dep(token) != "advcl":
        return False
    if not any(sentence.lemma(m) in AFTER_WORDS for m in sentence.kids(token, {"mark"})):
        return False
    return _came_after_a_peaceful_act(sentence, sentence.head(token), candidates, token)


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


def merge_restatements(events: list[CodedEvent], participles: frozenset[int] = frozenset()) -> list[CodedEvent]:
    """One event for one act told twice in a sentence ("lashed out at the mayor, accusing her of ...",
    "began an offensive with airstrikes", "asked for support, asking voters to ...").

    Events of one sentence with the same source, target, CAMEO root and PLOVER type, mode, negation, date,
    place and reporter are one act: counting it twice is the double coding users of other datasets complain
    of. The most specific code is kept (the first of equally specific ones); the other trigger is named in
    its evidence. A participle (its trigger's start among ``participles``) restating the act with its target
    left unsaid or unresolved ("lashed out at Iran, accusing *it* of lying") is the act told with its target; not
    so a second verb ("will impose sanctions on Iran and freeze its assets" are two acts).
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
    if not any(event.target is None and event.trigger_start in participles for event in kept.values()):
        return list(kept.values())
    # Keyed with no target, the events that have one: where a target-less event's act is told again with its target.
    with_target = {
        key[:1] + (None,) + key[2:]: event for key, event in kept.items() if event.target is not None and key[0]
    }
    merged = []
    for key, event in kept.items():
        told = with_target.get(key) if event.target is None and event.trigger_start in participles else None
        if told is not None:
            told.evidence.append(f"the same act restated by {event.trigger_text!r} ({event.cameo_code}): one event")
            continue
        merged.append(event)
    return merged


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
    if (
        not negated
        and sentence.lemma(sentence.head(carried_by)) in INTENT_ADJECTIVES
        and sentence.dep(carried_by) == "xcomp"
    ):
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
    if negated and code[:2] in COOPERATIVE_ROOTS and _auxiliaries(sentence, token) & FUTURE_AUXILIARIES:
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
    sources = _localised(sources, _country_for_unplaced(sources, code, place_country), evidence)
    if not sources and code.startswith(AUTHORITY_CODES):
        # "was put under investigation in Italy", "were arrested in Kenya": with no one named, the authorities of the
        # place did it (the country, no sector).
        sources = _inferred_from_place(location, location_text, "the authorities of the place", evidence)
    coded_by_trigger = code
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
        )
    ):
        # "protesters clashed with police", "rioters set fire to shops": a violent protest (145).
        evidence.append("violence by protesters, or by civilians against the state's forces → 145")
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
    if context_country is None and act_code[:2] in COMPATRIOT_ROOTS:
        context_country = home
    targets = _target(sentence, token, trigger, exclude, place_country=context_country, code=code)
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
    if entry.root in COMMENT_ROOTS and not _target(sentence, token, trigger, exclude, objects_only=True):
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
        and not (any(_known(a) for a in sources) and (targets or act_code == "045"))
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
