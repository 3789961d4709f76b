"""Repairs of the small English model's commonest misparses in news sentences, applied before any coding rule.

Each repair is a pure function of an :class:`~schemas.records.Annotation` that returns a corrected copy (or the same
object when nothing applies); ``repaired`` applies all of them. They were found in the misses of the probe sets
(``benchmarks/probes/``) and are tested in ``tests/test_repairs.py``, and in ``tests/test_event_coder.py`` through
the events they make possible.
"""

from __future__ import annotations

from dataclasses import replace

from coder.actors import resolve_actor
from schemas.records import Annotation

FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _children(heads: list[int]) -> dict[int, list[int]]:
    """Each token's dependants, in order."""
    children: dict[int, list[int]] = {}
    for i, h in enumerate(heads):
        if h != i:
            children.setdefault(h, []).append(i)
    return children


def _in_noun_phrase_of(annotation: Annotation, token: int, root: int) -> bool:
    """Whether ``token`` is the root noun or a noun inside its prepositional phrases ("doctors from two groups")."""
    for _ in range(6):
        if token == root:
            return True
        if annotation.deps[token] not in ("pobj", "prep"):
            return False
        token = annotation.heads[token]
    return False


def _verb_restored(annotation: Annotation) -> Annotation:
    """A news sentence whose root is a noun is a misparse of its main verb, in two shapes the small model makes:
    "Thousands of students protested in Seoul" (the verb read as a participle modifying "thousands") and "Sri Lankan
    envoys and Tamil Tiger rebels opened talks" (the verb read as conjoined to "envoys", with "rebels" its subject).
    The verb is made the root and the noun its subject (with the second subject conjoined to it). A participle with
    a "by" agent stays passive ("people killed by ..."), and a sentence with another finite verb is left alone."""
    root = next((i for i, h in enumerate(annotation.heads) if h == i), None)
    if root is None or annotation.pos[root] not in ("NOUN", "PROPN"):
        return annotation
    pairs = list(zip(annotation.heads, annotation.deps, strict=True))
    participle = next(
        (
            i
            for i, (h, dep) in enumerate(pairs)
            if dep == "acl"
            and i > root
            and annotation.pos[i] == "VERB"
            and annotation.tags[i] == "VBN"
            and _in_noun_phrase_of(annotation, h, root)
        ),
        None,
    )
    conjoined = next(
        (
            i
            for i, (h, dep) in enumerate(pairs)
            if h == root and dep == "conj" and annotation.pos[i] == "VERB" and annotation.tags[i] in FINITE_VERB_TAGS
        ),
        None,
    )
    # "Doctors from two aid groups donated and delivered goods": a finite verb conjoined to the participle is its own.
    finite_elsewhere = any(
        tag in FINITE_VERB_TAGS and not (participle is not None and pairs[i] == (participle, "conj"))
        for i, tag in enumerate(annotation.tags)
    )
    heads, deps, tags = list(annotation.heads), list(annotation.deps), list(annotation.tags)
    if participle is not None and not finite_elsewhere:
        if any(h == participle and dep == "agent" for h, dep in pairs):
            return annotation
        verb = participle
        tags[verb] = "VBD"
    elif conjoined is not None:
        subjects = [i for i, (h, dep) in enumerate(pairs) if h == conjoined and dep == "nsubj" and root < i < conjoined]
        linked = any(h == root and dep == "cc" and i < conjoined for i, (h, dep) in enumerate(pairs))
        if len(subjects) != 1 or not linked or annotation.pos[subjects[0]] not in ("NOUN", "PROPN"):
            return annotation
        verb = conjoined
        heads[subjects[0]], deps[subjects[0]] = root, "conj"
    else:
        return annotation
    for i, (h, dep) in enumerate(pairs):
        if h == root and dep == "punct" and i > verb:
            heads[i] = verb
    heads[verb], deps[verb] = verb, "ROOT"
    heads[root], deps[root] = verb, "nsubj"
    return replace(annotation, heads=heads, deps=deps, tags=tags)


# Verbs whose object does what their "to" clause says: "urged Israel to halt", "ordered the troops to withdraw".
OBJECT_CONTROL_VERBS = frozenset(
    "urge press ask call tell order force persuade encourage invite warn allow permit pressure request authorize"
    " authorise instruct compel push appeal implore beg advise direct require exhort lobby challenge".split()
)


# Verbs whose subject does what their "to" clause says: "voted to impose", "agreed to send", "vowed to retaliate".
SUBJECT_CONTROL_VERBS = frozenset(
    "vote agree decide promise pledge vow threaten refuse decline plan resolve offer seek move want intend undertake"
    " volunteer".split()
)
# Nouns completed by a "to" clause: "its readiness to resume talks", "a decision to withdraw".
INFINITIVE_NOUNS = frozenset(
    "readiness willingness plan decision offer promise pledge call appeal demand request threat bid attempt effort"
    " agreement refusal determination intention commitment vow order proposal move".split()
)


def _infinitive_after_date_restored(annotation: Annotation) -> Annotation:
    """ "pressed London on Friday to open negotiations", "signalled its readiness on Tuesday to resume talks",
    "declared itself willing on Friday to return": a date before a "to" clause makes the small model read the clause
    as one of purpose (advcl) on the verb; it completes the word before the date, as it does without the date (the
    object of "urge", "press": xcomp; a noun such as "readiness": acl; an adjective such as "willing": xcomp)."""
    heads, deps = annotation.heads, annotation.deps
    if not any(dep == "advcl" and tag == "VB" for dep, tag in zip(deps, annotation.tags, strict=True)):
        return annotation  # most sentences: no infinitive clause to move
    children = _children(heads)
    new_heads, new_deps = list(heads), list(deps)
    for verb, (governor, dep) in enumerate(zip(heads, deps, strict=True)):
        if dep != "advcl" or annotation.tags[verb] != "VB":
            continue
        to = next((c for c in children.get(verb, []) if deps[c] == "aux" and annotation.tags[c] == "TO"), None)
        if to is None:
            continue
        date_start = _date_phrase_before(annotation, children, to)
        if date_start is None:
            continue
        anchor = date_start - 1
        if annotation.lemmas[governor].lower() in SUBJECT_CONTROL_VERBS:
            new_deps[verb] = "xcomp"  # "voted 13-0 on Monday to impose an embargo", "agreed on Friday to send"
        elif anchor == governor and annotation.pos[anchor] == "ADJ":
            new_deps[verb] = "xcomp"
        elif heads[anchor] == governor and deps[anchor] == "dobj":
            if annotation.lemmas[anchor].lower() in INFINITIVE_NOUNS:
                new_heads[verb], new_deps[verb] = anchor, "acl"
            elif annotation.lemmas[governor] in OBJECT_CONTROL_VERBS:
                new_deps[verb] = "xcomp"
    if new_heads == heads and new_deps == deps:
        return annotation
    return replace(annotation, heads=new_heads, deps=new_deps)


def _for_clause_on_object(annotation: Annotation) -> Annotation:
    """ "renewed its call for Russia to withdraw": the small model hangs the for-to clause on the verb; it completes
    the object noun right before it ("a call for Russia to withdraw"), so it is moved there."""
    heads, deps = annotation.heads, annotation.deps
    children = _children(heads)
    new_heads = list(heads)
    for clause, (governor, dep) in enumerate(zip(heads, deps, strict=True)):
        if dep != "advcl" or annotation.pos[governor] != "VERB":
            continue
        marks = [i for i in children.get(clause, []) if deps[i] == "mark"]
        if len(marks) != 1 or annotation.lemmas[marks[0]].lower() != "for":
            continue
        before = marks[0] - 1
        if (
            before > governor
            and heads[before] == governor
            and deps[before] == "dobj"
            and annotation.pos[before] == "NOUN"
        ):
            new_heads[clause] = before
    return annotation if new_heads == heads else replace(annotation, heads=new_heads)


def _compound_term_restored(annotation: Annotation) -> Annotation:
    """ "deployed soldiers and riot police on the streets": the small model reads a sector term's first word as a verb
    conjoined to the main one, with the rest of the term its object ("riot" + "police"). When the two words are one
    actor term of the dictionary, the first becomes a compound of the second, which joins the main verb's object (or
    becomes it), and what hung on the false verb hangs on the main one."""
    heads, deps = list(annotation.heads), list(annotation.deps)
    pos, tags = list(annotation.pos), list(annotation.tags)
    children = _children(annotation.heads)
    for verb in range(len(annotation) - 1):
        noun = verb + 1
        if not (
            pos[verb] == "VERB"
            and deps[verb] == "conj"
            and heads[noun] == verb
            and deps[noun] == "dobj"
            and pos[noun] == "NOUN"
        ):
            continue
        term = f"{annotation.words[verb]} {annotation.words[noun]}".lower()
        actor = resolve_actor(term)
        if actor is None or actor.sector is None or actor.matched.lower() != term:
            continue
        governor = heads[verb]
        objects = [c for c in children.get(governor, []) if deps[c] == "dobj"]
        pos[verb], tags[verb], heads[verb], deps[verb] = "NOUN", "NN", noun, "compound"
        heads[noun], deps[noun] = (objects[0], "conj") if objects else (governor, "dobj")
        for child in children.get(verb, []):
            if child != noun:
                heads[child] = objects[0] if deps[child] == "cc" and objects else governor
    if heads == annotation.heads and deps == annotation.deps:
        return annotation
    return replace(annotation, heads=heads, deps=deps, pos=pos, tags=tags)


# Dependants only a noun takes: "live-fire missile exercises", "the talks", "Sunday's strikes".
NOUN_DEPENDANTS = frozenset({"det", "compound", "amod", "nummod", "poss"})
NOMINAL_ROLES = frozenset({"dobj", "pobj", "nsubj", "nsubjpass"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _noun_tag_restored(annotation: Annotation) -> Annotation:
    """ "staged live-fire missile exercises": the small model tags a plural noun as a finite verb ("exercises"/VBZ)
    while parsing it as the object it is. A word in a noun's role, with a noun's dependants, is a noun."""
    pos, tags, deps = list(annotation.pos), list(annotation.tags), list(annotation.deps)
    children = _children(annotation.heads)
    for token, tag in enumerate(annotation.tags):
        if tag not in ("VBZ", "VBP", "VB") or not any(
            annotation.deps[c] in NOUN_DEPENDANTS for c in children.get(token, [])
        ):
            continue
        if annotation.deps[token] in NOMINAL_ROLES:
            pos[token], tags[token] = "NOUN", "NNS" if annotation.words[token].lower().endswith("s") else "NN"
        elif _object_read_as_clause(annotation, children, token):
            # "launched joint coast guard patrols": the same misreading, the noun hung on the verb as its clause.
            pos[token], tags[token] = "NOUN", "NNS" if annotation.words[token].lower().endswith("s") else "NN"
            deps[token] = "dobj"
    if pos == annotation.pos:
        return annotation
    return replace(annotation, pos=pos, tags=tags, deps=deps)


def _object_read_as_clause(annotation: Annotation, children: dict[int, list[int]], token: int) -> bool:
    """Whether a finite verb with a noun's dependants is really the object of the verb it hangs on as a clause: it
    has no subject, and that verb, before it, has no object."""
    verb = annotation.heads[token]
    return (
        annotation.deps[token] == "ccomp"
        and verb < token
        and annotation.pos[verb] == "VERB"
        and not any(annotation.deps[c] in SUBJECT_DEPS for c in children.get(token, []))
        and not any(annotation.deps[c] in ("dobj", "ccomp", "xcomp") for c in children.get(verb, []) if c != token)
    )


def _subject_restored(annotation: Annotation) -> Annotation:
    """ "Turkey massed troops near its border": the small model sometimes reads a name opening the sentence as an
    adverbial noun ("npadvmod") of a verb that then has no subject. A named actor before a finite verb with no
    subject is that verb's subject."""
    deps = list(annotation.deps)
    children = _children(annotation.heads)
    for entity in annotation.entities:
        if entity.label not in ("GPE", "NORP", "ORG", "PERSON"):
            continue
        last = entity.end - 1
        verb = annotation.heads[last]
        if (
            deps[last] == "npadvmod"
            and verb > last
            and annotation.tags[verb] in FINITE_VERB_TAGS
            and not any(deps[c] in ("nsubj", "nsubjpass", "expl") for c in children.get(verb, []))
        ):
            deps[last] = "nsubj"
    if deps == annotation.deps:
        return annotation
    return replace(annotation, deps=deps)


def _hyphened_participle_restored(annotation: Annotation) -> Annotation:
    """ "delivered relief to tsunami-hit coastal areas of Sri Lanka": the small model sometimes reads "to" as the
    infinitive marker of the participle in "tsunami-hit", with the place its object. A "to" marking a past
    participle, which no infinitive is, is the preposition: the place is its object, the participle describes the
    place, and what else hung on the participle ("on Thursday") goes back to the verb."""
    heads, deps = list(annotation.heads), list(annotation.deps)
    pos, tags = list(annotation.pos), list(annotation.tags)
    children = _children(annotation.heads)
    for to, word in enumerate(annotation.words):
        participle = heads[to]
        if word.lower() != "to" or deps[to] != "aux" or tags[participle] != "VBN" or participle <= to:
            continue
        places = [c for c in children.get(participle, []) if deps[c] == "dobj" and c > participle]
        hyphened = any(deps[c] == "npadvmod" and c < participle for c in children.get(participle, []))
        governor = heads[participle]
        if not places or not hyphened or governor == participle:
            continue
        place = places[0]
        pos[to], tags[to], heads[to], deps[to] = "ADP", "IN", governor, "prep"
        heads[place], deps[place] = to, "pobj"
        heads[participle], deps[participle] = place, "amod"
        for child in children.get(participle, []):
            if child > place:
                heads[child] = governor
    if heads == annotation.heads and deps == annotation.deps:
        return annotation
    return replace(annotation, heads=heads, deps=deps, pos=pos, tags=tags)


def _apposed_name_restored(annotation: Annotation) -> Annotation:
    """ "The West African bloc ECOWAS imposed ...": the small model makes the noun and the name right after it two
    subjects of the verb. A name right after a common noun, both subjects of one verb, is that noun's apposition."""
    heads, deps = list(annotation.heads), list(annotation.deps)
    for name in range(1, len(annotation)):
        noun = name - 1
        if (
            deps[name] == "nsubj"
            and deps[noun] == "nsubj"
            and heads[name] == heads[noun]
            and annotation.pos[name] == "PROPN"
            and annotation.pos[noun] == "NOUN"
        ):
            heads[name], deps[name] = noun, "appos"
    if deps == annotation.deps:
        return annotation
    return replace(annotation, heads=heads, deps=deps)


def _date_phrase_before(annotation: Annotation, children: dict[int, list[int]], token: int) -> int | None:
    """The first token of the date phrase ("on Friday") that ends right before ``token``, if one does."""
    for prep, dep in enumerate(annotation.deps):
        if dep != "prep" or prep >= token:
            continue
        span = [prep, *_descendants(children, prep)]
        dated = any(
            e.label == "DATE" and e.start <= pobj < e.end
            for pobj in children.get(prep, [])
            for e in annotation.entities
        )
        if dated and max(span) == token - 1 and sorted(span) == list(range(prep, token)):
            return prep
    return None


def _descendants(children: dict[int, list[int]], node: int) -> list[int]:
    found, stack = [], list(children.get(node, []))
    while stack:
        child = stack.pop()
        found.append(child)
        stack.extend(children.get(child, []))
    return found


# Participles the small model reads as a noun the words before it modify: "OPEC oil ministers meeting in Geneva threw
# out a proposal" (the ministers, meeting in Geneva, threw it out; not a meeting that threw it out).
PARTICIPLE_LEMMAS = {
    "meeting": "meet",
    "gathering": "gather",
    "speaking": "speak",
    "visiting": "visit",
    "attending": "attend",
}


def _participle_restored(annotation: Annotation) -> Annotation:
    """A plural noun before "meeting" (or "speaking", ...) read as its compound, with "meeting" the subject of the
    verb: the plural noun is the subject and "meeting" a participle describing it, as it is when a place or time
    phrase follows ("ministers meeting in Geneva", "leaders speaking after the summit")."""
    words, heads, deps = annotation.words, list(annotation.heads), list(annotation.deps)
    pos, tags, lemmas = list(annotation.pos), list(annotation.tags), list(annotation.lemmas)
    children = _children(annotation.heads)
    for token, word in enumerate(words):
        if word.lower() not in PARTICIPLE_LEMMAS or annotation.pos[token] != "NOUN" or token == 0:
            continue
        people = token - 1
        verb = annotation.heads[token]
        if not (
            annotation.deps[token] in ("nsubj", "nsubjpass")
            and annotation.deps[people] == "compound"
            and annotation.heads[people] == token
            and annotation.tags[people] in ("NNS", "NNPS")
            and annotation.pos[verb] == "VERB"
            and verb > token
            and any(annotation.deps[c] == "prep" for c in children.get(token, []))
        ):
            continue
        heads[people], deps[people] = verb, annotation.deps[token]
        heads[token], deps[token] = people, "acl"
        pos[token], tags[token] = "VERB", "VBG"
        lemmas[token] = PARTICIPLE_LEMMAS[word.lower()]
    if deps == annotation.deps:
        return annotation
    return replace(annotation, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def repaired(annotation: Annotation) -> Annotation:
    """The annotation with every repair applied: a lost main verb, a "to" clause cut off by a date, a for-to clause
    hung on the wrong word, a sector term read as a verb and its object, a noun tagged as a verb (in an object's place
    or hung on the verb as its clause), a subject read as an adverb, a "to" read as the infinitive of a hyphened
    participle ("to flood-hit areas"), a name in apposition read as a second subject ("the bloc ECOWAS imposed"),
    people "meeting" somewhere read as a meeting ("ministers meeting in Geneva threw out ...")."""
    restored = _hyphened_participle_restored(_apposed_name_restored(_participle_restored(annotation)))
    restored = _verb_restored(_subject_restored(_noun_tag_restored(restored)))
    return _compound_term_restored(_for_clause_on_object(_infinitive_after_date_restored(restored)))
