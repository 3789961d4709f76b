"""Where an event happened: the place an "in/near/at X" phrase, a site acted on or a compass point names."""

from __future__ import annotations

import re

from coder.actors import country_actor, find_country, is_seat, resolve_actor
from coder.coded import CodedActor
from coder.lexicon import trigger_rows
from coder.places import Place, resolve_place
from coder.sentence import ParsedSentence, _clause_verb, _phrase, _relative_head
from coder.vocabulary import (
    AFTERMATH_PREPOSITIONS,
    COAST_NOUNS,
    DEED_TAGS,
    DIPLOMATIC_MISSIONS,
    GATHERING_VERBS,
    OBJECTS,
    PLACE_NOUNS,
    PROTEST_ROOT,
    PROTEST_VERBS,
    TIME_NOUNS,
    TRADE_NOUNS,
)

POSSESSIVE_ENDING = re.compile(r"\s*['\u2019]s?$")
LOCATION_PREPOSITIONS = frozenset(
    {"in", "inside", "near", "across", "at", "through", "throughout", "outside", "around"}
)
HAPPENING_SUBJECTS = frozenset(
    "explosion blast bomb bombing attack ambush raid shelling mine landmine grenade rocket missile shell fire clash"
    " fighting violence riot unrest airstrike strike".split()
)
# Sites an act is done on or moves into ("blocked the highway", "poured into the square"): their owner says where.
SITE_NOUNS = PLACE_NOUNS | frozenset(
    """street road highway motorway avenue boulevard bridge square plaza airport harbour harbor station hall building
    compound campus headquarters palace stadium park market outskirts centre center downtown suburb township slum
    neighbourhood neighborhood quarter colony colonies zone area""".split()
)
SITE_PREPOSITIONS = frozenset({"into", "onto", "on", "to", "toward", "towards", "along", "past"})


COMPASS_POINTS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west south-east south-west".split()
)


def _place_phrase_on(
    sentence: ParsedSentence, holder: int, through_of: bool = False
) -> tuple[Place | None, str | None] | None:
    """The place an "in/near/at X" phrase on ``holder`` names, if one does; with ``through_of``, also "outside of the
    Iraqi city of Basra", where the place hangs from the "of" after the preposition."""
    for prep in sentence.kids(holder, {"prep"}):
        objects = sentence.kids(prep, {"pobj"})
        offshore = sentence.lemma(prep) == "off" and any(sentence.lemma(o) in COAST_NOUNS for o in objects)
        if sentence.lemma(prep) not in LOCATION_PREPOSITIONS and not offshore:
            continue
        if through_of and not objects:
            objects = sentence.objects_of(prep, {"of"})
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
        if sentence.lemma(obj) in TRADE_NOUNS:
            continue
        owners.append(obj)
        owners.extend(sentence.objects_of(obj, {"of"}))
    # "clashed with riot police in Dakar": the other side met is where the act was.
    owners.extend(sentence.objects_of(token, {"with"}))
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
    # "in Rais, a farming settlement just south of Algiers": a name the gazetteer lacks, placed by its apposition.
    near += [a for n in near[len(owners) :] for a in sentence.kids(n, {"appos"})]
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
        objects = sentence.kids(owner, {"dobj"})
        # "slapped a curfew on Karachi's colonies": the site may hang on what the act imposes.
        sites = objects + sentence.objects_of(owner, SITE_PREPOSITIONS)
        sites += [s for o in objects for s in sentence.objects_of(o, {"on"})]
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
                measured = sentence.objects_of(obj, {"of"}) if sentence.lemma(obj) in TIME_NOUNS else []
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


def _inferred_from_place(
    place: Place | None, place_text: str | None, who: str, evidence: list[str]
) -> list[CodedActor]:
    """The country where an act happened, standing for a doer the sentence does not name (no span in the text)."""
    if place is None or place.country is None:
        return []
    evidence.append(f"source inferred: {who} ({place.country})")
    return [CodedActor(place_text or place.name, -1, -1, country_actor(place.country, place.country, who))]


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
        # "clashed with riot police in Dakar" with the capital tagged a person: after a place preposition a capital
        # is the place.
        mislabelled_town = mislabelled_town or (entity is not None and entity[2] == "PERSON" and is_seat(text))
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
            label = sentence.entity_of.get(modifier, (0, 0, ""))[2]
            name_of_a_town = label == "ORG" and sentence.dep(modifier) == "poss"  # "Karachi's" tagged a firm
            if label == "GPE" or (name_of_a_town and resolve_actor(sentence.a.words[modifier]) is None):
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
