"""Dictionary-based actor resolution: noun phrase -> CAMEO-style actor code.

Data lives in ``schemas/data``:

* ``countries.tsv`` -- one row per state: iso3, CAMEO code, name, aliases, demonyms, seats of power.
* ``organizations.tsv`` -- IGOs, NGOs and well-known non-state armed groups with their codes.
* ``media.tsv`` -- state news agencies and official newspapers, with the country they speak for.
* ``sectors.tsv`` -- CAMEO sector codes (GOV, MIL, ...) with the lowercase terms that mark them.

Proper names and acronyms (countries, organisations) match case-sensitively, so the pronoun "us" is
not the United States while "US" and "U.S." are; sector terms match case-insensitively. At each position
the longest term wins, and the leftmost country/organisation mention decides the actor's country.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from schemas.codebook import data_rows

# Generic heads: used only when the phrase has no more specific sector term
# ("officials of the defense ministry" -> MIL, "U.S. officials" -> GOV).
WEAK_SECTOR_TERMS = frozenset(
    {
        "official",
        "officials",
        "authorities",
        "leader",
        "leaders",
        "government",
        "governments",
        "administration",
        "regime",
        "people",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "counterpart",
        "counterparts",
    }
)

# Phrases that contain a country term but do not refer to that country; matched and discarded.
NON_COUNTRY_PHRASES = (
    "Latin America",
    "Latin American",
    "Latin Americans",
    "South America",
    "South American",
    "South Americans",
    "North America",
    "North American",
    "North Americans",
    "Central America",
    "Central American",
    "Central Americans",
    "New Mexico",
    "New England",
    "New South Wales",
    "Indian Ocean",
    "Native American",
    "Native Americans",
    "Western Sahara",
    "Western Europe",
    "Western European",
)

PRONOUNS = frozenset(
    {
        "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them",
        "its", "their", "theirs", "our", "ours", "his", "hers", "itself", "themselves",
        "this", "that", "these", "those", "who", "which", "one", "someone", "somebody",
    }
)  # fmt: skip

_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b|(?<=s)['\u2019](?=\s|$)")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# An ethnic group named by a demonym is not that country's nationals: "ethnic Albanians", "ethnic Russians".
ETHNIC = re.compile(r"\bethnic\s+$", re.IGNORECASE)
# "an anti-Iran cleric", "anti-American protesters": whom they oppose, not where they are from.
OPPOSED = re.compile(r"\banti\s*[-\u2010\u2011\u2013]\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor. ``code`` is None when only a sector was recognised."""

    text: str  # the phrase as given
    code: str | None  # CAMEO-style code: country + sector ("UKRGOV", "RUSMIL", "BLR") or IGO code ("NATO")
    country: str | None  # ISO 3166-1 alpha-3, None for IGOs and non-state groups
    sector: str | None  # e.g. "GOV", "MIL"
    matched: str  # which dictionary term(s) matched, for evidence


@dataclass(frozen=True, slots=True)
class _Entity:
    kind: str  # "country" | "seat" | "org" | "stop"
    iso3: str | None
    code: str | None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    entities: dict[str, _Entity]
    entity_re: re.Pattern[str]
    sectors: dict[str, str]  # lowercase term -> sector code
    sector_re: re.Pattern[str]
    cameo: dict[str, str]  # iso3 -> CAMEO country code


def _split(field: str) -> list[str]:
    return [t.strip() for t in field.split("|") if t.strip()]


def _alternation(terms: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    body = "|".join(re.escape(t) for t in ordered)
    return re.compile(rf"(?<![\w.])(?:{body})(?!\w)", flags)


@cache
def country_rows() -> tuple[dict[str, str], ...]:
    """Rows of ``countries.tsv`` (iso3, cameo, name, aliases, demonyms, seats)."""
    return tuple(data_rows("countries.tsv"))


@cache
def _lexicon() -> _Lexicon:
    entities: dict[str, _Entity] = {}
    cameo: dict[str, str] = {}
    for row in country_rows():
        iso3 = row["iso3"]
        cameo[iso3] = row["cameo"] or iso3
        for term in [row["name"], *_split(row["aliases"]), *_split(row["demonyms"])]:
            entities.setdefault(term, _Entity("country", iso3, None))
        for term in _split(row["seats"]):
            entities.setdefault(term, _Entity("seat", iso3, None))
    for row in data_rows("peoples.tsv"):
        # "Chechen rebels": a people inside one state is that state's people, as CAMEO codes it.
        for term in _split(row["terms"]):
            entities.setdefault(term, _Entity("country", row["iso3"], None))
    for row in [*data_rows("organizations.tsv"), *data_rows("media.tsv")]:
        for term in [row["name"], *_split(row["aliases"])]:
            # Organisations take precedence over a country term with the same spelling.
            # A national movement (Hamas, the PKK), a state news agency (Xinhua) also carries its home country.
            entities[term] = _Entity("org", (row.get("country") or "").strip() or None, row["code"])
    for term in NON_COUNTRY_PHRASES:
        entities[term] = _Entity("stop", None, None)
    # "kidnappers in the Niger Delta", "officials in Inner Mongolia": a region whose name holds another country's
    # name is its own country's (the longer term wins the match).
    names = _alternation(entities)
    for row in data_rows("regions.tsv"):
        for term in [row["name"], *_split(row.get("aliases") or "")]:
            inner = [entities[m.group(0)] for m in names.finditer(term)]
            if any(e.kind == "country" and e.iso3 != row["iso3"] for e in inner[:1]):
                entities[term] = _Entity("country", row["iso3"], None)

    sectors: dict[str, str] = {}
    for row in data_rows("sectors.tsv"):
        for term in _split(row["terms"]):
            sectors.setdefault(term.lower(), row["sector"])

    return _Lexicon(
        entities=entities,
        entity_re=_alternation(entities),
        sectors=sectors,
        sector_re=_alternation(sectors, re.IGNORECASE),
        cameo=cameo,
    )


def _normalise(phrase: str) -> str:
    text = phrase.replace("\u2019", "'").strip()
    text = _POSSESSIVE.sub("", text)
    return re.sub(r"\s+", " ", text)


def find_country(token: str) -> str | None:
    """ISO3 code for a country name, alias, demonym or seat of government ("Kremlin" -> "RUS"), else None."""
    lex = _lexicon()
    text = _normalise(token)
    for candidate in (text, _LEADING_THE.sub("", text)):
        entity = lex.entities.get(candidate)
        if entity is not None and entity.kind in ("country", "seat"):
            return entity.iso3
    return None


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether two words differ by one inserted, deleted, replaced or swapped letter."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        swapped = (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
        return len(diffs) == 1 or swapped
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@cache
def _country_words() -> dict[str, str]:
    """One-word country names and demonyms (six letters or more), lower-cased, with their ISO3 code."""
    return {
        term.lower(): entity.iso3
        for term, entity in _lexicon().entities.items()
        if entity.kind == "country" and entity.iso3 and " " not in term and len(term) >= MISSPELLING_MIN_LENGTH
    }


MISSPELLING_MIN_LENGTH = 6


@lru_cache(maxsize=4096)
def misspelt_country(word: str) -> str | None:
    """ISO3 code of the one country whose name or demonym ``word`` misspells by a letter ("Ethopia", "Afganistan");
    None when no country or several are that close. Callers only ask about words labelled a place or a nationality
    that the gazetteer does not know (so "Indiana" and "Columbia" stay what they are)."""
    if len(word) < MISSPELLING_MIN_LENGTH:
        return None
    lowered = word.lower()
    if lowered in _country_words():
        return None  # spelt right: "ethnic Albanian separatists" were left without Albania on purpose
    found = {iso3 for term, iso3 in _country_words().items() if _one_edit_apart(lowered, term)}
    return next(iter(found)) if len(found) == 1 else None


@cache
def _state_names() -> frozenset[str]:
    """Names, aliases and seats of power of states, lower-cased (not their demonyms)."""
    return frozenset(
        term.lower() for row in country_rows() for term in [row["name"], *_split(row["aliases"]), *_split(row["seats"])]
    )


def names_a_state(phrase: str) -> bool:
    """Whether a phrase is a state's name, alias or seat of power ("Colombia", "the United States", "Washington"), not
    a demonym ("American") or a phrase about one of its people."""
    text = _LEADING_THE.sub("", _normalise(phrase)).lower()
    return text in _state_names()


def is_seat(term: str) -> bool:
    """Whether a dictionary term is a seat of power or a capital ("Washington", "the Kremlin"), which stands for a
    government only when nothing else in its phrase says otherwise."""
    return seat_country(term) is not None


def seat_country(term: str) -> str | None:
    """ISO3 code of the country whose seat of power or capital a dictionary term names ("the Kremlin" -> RUS)."""
    entity = _lexicon().entities.get(term)
    return entity.iso3 if entity is not None and entity.kind == "seat" else None


def cameo_country(iso3: str) -> str:
    """CAMEO country code for an ISO3 code (they differ for a few states, e.g. ROU -> ROM)."""
    return _lexicon().cameo.get(iso3, iso3)


def country_actor(text: str, iso3: str, matched: str) -> Actor:
    """A country as an actor, with no sector: a place standing for its country, a country inferred from the place."""
    return Actor(text, cameo_country(iso3), iso3, None, matched)


@cache
def _group_codes() -> dict[str, str]:
    """Phrase → regional group code, from ``groups.tsv`` ("Western countries" → WST)."""
    return {term: row["code"] for row in data_rows("groups.tsv") for term in _split(row["terms"])}


@cache
def _groups() -> re.Pattern[str]:
    return _alternation(_group_codes())


@cache
def _group_adjectives() -> dict[str, str]:
    """Adjective → group code ("Arab" → ARB), for "<adjective> <sector term>" phrases."""
    return {row["adjective"]: row["code"] for row in data_rows("groups.tsv") if row.get("adjective")}


@cache
def _group_adjective_re() -> re.Pattern[str]:
    return _alternation(_group_adjectives())


PARTY_NAME = re.compile(
    r"(?:\b[A-Z][\w'\u2019.-]*\s+(?:(?:of|and|for|the)\s+)*)+(?:Party|League|Front|Movement|Alliance)\b"
)


# Pure and called with the same phrases again and again ("the government", "Russia": 16,000 calls for 5,000
# phrases on the Wikinews corpus), while its dictionaries' regular expressions scan each phrase: a fifth of the
# coder's time before the cache. Actors are frozen, so a cached one can be handed out twice.
@lru_cache(maxsize=16_384)
def resolve_actor(phrase: str) -> Actor | None:
    """Resolve a noun phrase to an :class:`Actor`, or None when nothing is recognised.

    The first (leftmost) country or organisation mention gives the actor; the sector comes from the
    first specific sector term (falling back to generic heads such as "officials"). A seat of power
    without any sector term implies GOV ("the Kremlin" -> RUSGOV).
    """
    if not phrase or not phrase.strip():
        return None
    text = _normalise(phrase)
    if text.lower() in PRONOUNS and not (len(text) > 1 and text.isupper()):  # "us", but not "US"
        return None
    lex = _lexicon()

    entity: _Entity | None = None
    entity_term = ""
    org_spans: list[tuple[int, int]] = []
    stop_spans: list[tuple[int, int]] = []
    ethnic: str | None = None
    for m in lex.entity_re.finditer(text):
        found = lex.entities[m.group(0)]
        if found.kind == "stop":
            stop_spans.append(m.span())
        if found.kind == "country" and ETHNIC.search(text[: m.start()]):
            ethnic = ethnic or m.group(0)
            continue  # "ethnic Albanians in Serbia" are not Albania
        if found.kind in ("country", "org") and OPPOSED.search(text[: m.start()]):
            continue  # "anti-Iran", "anti-NATO": the one opposed
        if found.kind in ("org", "country"):  # not a seat: "the FBI" is itself a sector term
            org_spans.append(m.span())
        if entity is None and found.kind != "stop":
            entity, entity_term = found, m.group(0)

    # "Pakistan People's Party", "the Workers' Party", "National Front": a party's name is no sector term.
    org_spans += [m.span() for m in PARTY_NAME.finditer(text)]
    strong: tuple[str, str] | None = None
    weak: tuple[str, str] | None = None
    for m in lex.sector_re.finditer(text):
        if any(start <= m.start() < end for start, end in org_spans):
            continue  # "Union" in "European Union", "Court" in "International Criminal Court", "Bank" in "West Bank"
        if OPPOSED.search(text[: m.start()]):
            continue  # "anti-terrorist police" are police, not terrorists
        term = m.group(0).lower()
        if term in ("national", "people") and m.group(0)[0].isupper() and m.start() > 0:
            continue  # "the National Union of Mineworkers", "the People's Army": a name, not nationals or people
        hit = (lex.sectors[term], m.group(0))
        if term in WEAK_SECTOR_TERMS:
            weak = weak or hit
        else:
            strong = hit
            break
    sector_hit = strong or weak
    sector = sector_hit[0] if sector_hit else None

    if entity is None:
        group = _groups().search(text)
        if group is not None:
            code = _group_codes()[group.group(0)]
            matched = group.group(0) if sector_hit is None else f"{group.group(0)}|{sector_hit[1]}"
            return Actor(text=phrase, code=code + (sector or ""), country=None, sector=sector, matched=matched)
        if sector_hit is None and ethnic is not None:
            # "ethnic Turks": civilians of the country they live in, which the sentence may give ("in Bulgaria").
            return Actor(text=phrase, code=None, country=None, sector="CVL", matched=f"ethnic {ethnic}")
        if sector_hit is None:
            return None
        adjective = _group_adjective_re().search(text)
        if (
            adjective is not None
            and adjective.end() <= text.lower().find(sector_hit[1].lower())
            and not any(start <= adjective.start() < end for start, end in stop_spans)
        ):
            # "Arab foreign ministers", "European diplomats": the group's officials.
            code = _group_adjectives()[adjective.group(0)]
            matched = f"{adjective.group(0)}|{sector_hit[1]}"
            return Actor(text=phrase, code=code + (sector or ""), country=None, sector=sector, matched=matched)
        return Actor(text=phrase, code=None, country=None, sector=sector, matched=sector_hit[1])

    if entity.kind == "seat" and sector is None:
        sector = "GOV"
    matched = entity_term if sector_hit is None else f"{entity_term}|{sector_hit[1]}"
    if entity.kind == "org":
        return Actor(text=phrase, code=entity.code, country=entity.iso3, sector=sector, matched=matched)
    assert entity.iso3 is not None
    code = cameo_country(entity.iso3) + (sector or "")
    return Actor(text=phrase, code=code, country=entity.iso3, sector=sector, matched=matched)
