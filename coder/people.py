"""People: who a named person is, from the article itself and from a dated gazetteer.

* :class:`ArticleMemory` remembers the persons an article introduces with a title or a nationality
  ("Ukrainian President Volodymyr Zelensky", "Alexander Lukashenko, President of Belarus") so that
  later bare mentions ("Zelensky") resolve to the same actor; and the persons the last sentences named,
  titled or not, so that "he"/"she" stands for a person just named (``coder.events`` picks which), not for
  the last titled one: after "Trump pardoned Safavian. Safavian was convicted in 2006.", "He was sentenced"
  is Safavian, whom no dictionary knows, not Trump.
* :func:`known_person` looks a name up in ``schemas/data/people.tsv``: heads of state and
  government, ministers and leaders with the years of their role, so "Putin" in a 2022 article is
  RUSGOV while "Bush" resolves to whichever Bush held office at the article's date.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from coder.actors import Actor, cameo_country

DATA_DIR = Path(__file__).resolve().parents[1] / "schemas" / "data"
PEOPLE_FILE = DATA_DIR / "people.tsv"
# Codes in the people file that name an organisation rather than a country.
ORGANISATION_CODES = frozenset(
    {"NATO", "UNO", "EUR", "AFU", "ARL", "IAEA", "WHO", "IMF", "OSCE", "WBK", "OPEC", "ICRC", "WTO"}
)


@dataclass(frozen=True, slots=True)
class PersonRole:
    name: str
    country: str
    sector: str
    start: int | None
    end: int | None
    role: str

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None  # undated text: people still in office (else see known_person)
        return (self.start is None or self.start <= day.year) and (self.end is None or day.year <= self.end)

    def actor(self, text: str) -> Actor:
        if self.country in ORGANISATION_CODES:
            return Actor(
                text=text, code=self.country, country=None, sector=self.sector, matched=f"{self.name} ({self.role})"
            )
        return Actor(
            text=text,
            code=cameo_country(self.country) + self.sector,
            country=self.country,
            sector=self.sector,
            matched=f"{self.name} ({self.role})",
        )


def _year(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


@cache
def _people() -> dict[str, tuple[PersonRole, ...]]:
    """Name or alias → the roles it can refer to."""
    table: dict[str, list[PersonRole]] = {}
    if not PEOPLE_FILE.exists():
        return {}
    with PEOPLE_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            role = PersonRole(
                name=row["name"].strip(),
                country=row["country"].strip(),
                sector=row["sector"].strip(),
                start=_year(row.get("from") or ""),
                end=_year(row.get("to") or ""),
                role=(row.get("role") or "").strip(),
            )
            names = [role.name, *(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())]
            for name in names:
                table.setdefault(name.lower(), []).append(role)
    return {name: tuple(roles) for name, roles in table.items()}


def known_person(name: str, day: date | None) -> Actor | None:
    """The actor a person's name stands for on ``day``; None when unknown or ambiguous on that day."""
    roles = _people().get(name.strip().lower())
    if not roles:
        return None
    current = [r for r in roles if r.holds_on(day)]
    countries = {r.country for r in roles}
    if not current and day is None and len(countries) == 1:
        # Undated text: a name whose every role is of one country, in any year; its sector is that of the role
        # held last (Mandela, opposition leader then president: ZAFGOV).
        current = list(roles)
    if not current:
        if day is not None and len(countries) == 1 and not countries & ORGANISATION_CODES:
            # Dated text, out of office that year (Biden in 2020, Carter in 2010): still of the one country they
            # served, in no sector of the state.
            country = next(iter(countries))
            return Actor(
                text=name,
                code=cameo_country(country),
                country=country,
                sector=None,
                matched=f"{roles[0].name} (out of office)",
            )
        return None
    # The table has years only: in the year someone changes role (opposition leader → prime minister), both
    # rows match, and the role that started last is the one they hold by then.
    latest = max(current, key=lambda r: r.start or 0)
    return latest.actor(name)


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in a sentence, as a later "he"/"she" may refer to them."""

    name: str
    actor: Actor | None  # None: a person the coder cannot code (not titled, not in the gazetteer)
    gender: str | None  # "m" | "f" from the text (a title, "Mrs", "spokeswoman"), else None: agrees with both
    subject: bool  # the subject of its clause: the preferred antecedent of a pronoun in the next sentence


# How many earlier sentences that name persons a pronoun looks back over: beyond the nearest one only when
# none of its persons agrees in gender.
MENTION_SENTENCES = 3


@dataclass
class ArticleMemory:
    """Persons an article has introduced, so later mentions resolve the same way."""

    published: date | None = None
    by_name: dict[str, Actor] = field(default_factory=dict)
    # The other capitalised words of a name introduced in full: the surname where it comes first ("Kim Jong Un" ...
    # "Kim", "Wang Wenbin" ... "Wang") or is not last ("Luiz Inacio Lula da Silva" ... "Lula"). Asked only after the
    # surname keys and the gazetteer, for a one-word mention; the first person introduced keeps the word.
    by_part: dict[str, Actor] = field(default_factory=dict)
    # The persons of the last sentences that named any, oldest first ("he" looks here, newest first).
    recent: list[tuple[Mention, ...]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)  # name key → gender learnt from the text

    def remember(self, name: str, actor: Actor) -> None:
        """Store ``actor`` under the full name and under its last word (the surname)."""
        if actor.country is None and actor.code is None:
            return
        words = name.replace("’s", "").replace("'s", "").split()
        if not words:
            return
        self.by_name[" ".join(words).lower()] = actor
        if len(words[-1]) >= 3:
            self.by_name[words[-1].lower()] = actor
        for word in words[:-1]:
            if len(word) >= 2 and word[:1].isupper():
                self.by_part.setdefault(word.lower(), actor)

    def note_mentions(self, mentions: list[Mention]) -> None:
        """The persons one sentence named, in order; a sentence that names none leaves the memory as it was."""
        if mentions:
            self.recent = [*self.recent, tuple(mentions)][-MENTION_SENTENCES:]

    def learn_gender(self, name: str, gender: str) -> None:
        for key in _name_keys(name):
            self.genders.setdefault(key, gender)

    def gender_of(self, name: str) -> str | None:
        return next((self.genders[key] for key in _name_keys(name) if key in self.genders), None)

    def recall(self, name: str) -> Actor | None:
        words = name.replace("’s", "").replace("'s", "").split()
        if not words:
            return None
        for key in (" ".join(words).lower(), words[-1].lower()):
            if key in self.by_name:
                return self.by_name[key]
        known = known_person(" ".join(words), self.published) or known_person(words[-1], self.published)
        if known is None and len(words) == 1:
            return self.by_part.get(words[0].lower())
        return known


def _name_keys(name: str) -> list[str]:
    """The full name and the surname, as the memory keys them."""
    words = name.replace("’s", "").replace("'s", "").split()
    return [" ".join(words).lower(), words[-1].lower()] if words else []
