"""One parsed sentence as the coder reads it (:class:`ParsedSentence`), and the syntax helpers every rule uses:
phrases, clause verbs, light verbs that carry a noun, passives and infinitives."""

from __future__ import annotations

from functools import cached_property

from coder.lexicon import Trigger, trigger_rows
from coder.people import ArticleMemory, Mention
from coder.repairs import repaired
from coder.vocabulary import (
    CLAUSE_STOPS,
    LIGHT_VERBS,
    OBJECT_LIGHT_VERBS,
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    TIME_SPANS,
    TITLE_HEADS,
)
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
MAX_CONJUNCTS = 3


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

    def objects_of(self, i: int, prepositions: frozenset[str] | set[str]) -> list[int]:
        """The objects of the prepositions on ``i`` that are one of ``prepositions`` ("tension *with* Turkey")."""
        return [
            o for prep in self.kids(i, {"prep"}) if self.lemma(prep) in prepositions for o in self.kids(prep, {"pobj"})
        ]

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


RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})


def _relative_head(sentence: ParsedSentence, token: int) -> int:
    """For "that"/"which"/"who" as the subject of a relative clause, the noun the clause describes."""
    if sentence.a.words[token].lower() not in RELATIVE_PRONOUNS:
        return token
    clause = sentence.head(token)
    if sentence.dep(clause) == "relcl" and sentence.head(clause) != clause:
        return sentence.head(clause)
    return token


def _time_expression(sentence: ParsedSentence, noun: int) -> bool:
    """Whether a noun says when or for how long: "three days", "the second time", "the weekend"."""
    label = sentence.entity_of.get(noun, (0, 0, ""))[2]
    return label in ("DATE", "TIME") or sentence.lemma(noun) in DURATION_WORDS


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
    if (
        sentence.dep(noun) == "pobj"
        and sentence.lemma(sentence.head(noun)) == "with"
        and any((sentence.lemma(s), "NOUN") in trigger_rows() for s in sentence.kids(verb, SUBJECTS))
    ):
        # "protests escalated with the police shooting of Jacob Blake": an event's verb does not carry what came with
        # it ("Turkey began an offensive with airstrikes" does).
        return False
    if lemma in STATE_VERBS and sentence.dep(noun) == "pobj" and sentence.lemma(sentence.head(noun)) in ("on", "in"):
        # "have been on hunger strike", "remain in talks with the rebels": the state its subject is in.
        return sentence.head(sentence.head(noun)) == verb
    return lemma in LIGHT_VERBS or (trigger.needs_kind == "head" and lemma in trigger.needs_values)


STATE_VERBS = frozenset({"be", "remain", "stay"})
DURATION_WORDS = TIME_SPANS | frozenset("time times night nights weekend period minute minutes while".split())


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
