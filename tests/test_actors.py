"""Tests for dictionary-based actor resolution (coder.actors)."""

import pytest

from coder.actors import Actor, find_country, misspelt_country, names_a_state, resolve_actor
from schemas.codebook import data_rows


@pytest.mark.parametrize(
    ("phrase", "code", "country", "sector"),
    [
        ("Ukrainian President Volodymyr Zelensky", "UKRGOV", "UKR", "GOV"),
        ("Belarus's Defense Ministry", "BLRMIL", "BLR", "MIL"),
        ("Belarus\u2019s Defense Ministry", "BLRMIL", "BLR", "MIL"),
        (
            "the air force and air defense officials of the western military district "
            "of the Armed Forces of the Russian Federation",
            "RUSMIL",
            "RUS",
            "MIL",
        ),
        ("NATO", "NATO", None, None),
        ("Russian forces", "RUSMIL", "RUS", "MIL"),
        ("the Kremlin", "RUSGOV", "RUS", "GOV"),
        ("Kyiv", "UKRGOV", "UKR", "GOV"),
        ("Kiev", "UKRGOV", "UKR", "GOV"),
        ("Moscow's troops", "RUSMIL", "RUS", "MIL"),
        ("Washington", "USAGOV", "USA", "GOV"),
        ("U.S. officials", "USAGOV", "USA", "GOV"),
        ("the United States", "USA", "USA", None),
        ("Belarusian troops", "BLRMIL", "BLR", "MIL"),
        ("the Belarusian defense ministry", "BLRMIL", "BLR", "MIL"),
        ("Ukraine", "UKR", "UKR", None),
        ("Russia", "RUS", "RUS", None),
        ("Belarus", "BLR", "BLR", None),
        ("Chinese Foreign Ministry", "CHNGOV", "CHN", "GOV"),
        ("the White House", "USAGOV", "USA", "GOV"),
        ("US troops", "USAMIL", "USA", "MIL"),
        ("Russian pilots", "RUSMIL", "RUS", "MIL"),
        ("officials of the Russian defense ministry", "RUSMIL", "RUS", "MIL"),
        ("the Philippines' army", "PHLMIL", "PHL", "MIL"),
        ("Romanian police", "ROMCOP", "ROU", "COP"),
        ("British Prime Minister", "GBRGOV", "GBR", "GOV"),
        ("the Democratic Republic of the Congo", "COD", "COD", None),
        ("the European Union", "EUR", None, None),
        ("UN Security Council", "UNSC", None, None),
        ("the International Criminal Court", "ICC", None, None),
        ("NATO forces", "NATO", None, "MIL"),
        ("Hamas", "HMS", "PSE", None),  # a national movement carries its home country
        ("Latin American leaders", "LAMGOV", None, "GOV"),  # a regional group, not a country
        ("Western countries", "WST", None, None),
        ("the General Assembly", "UNO", None, None),  # bare, it is the UN's
        ("the SPDC", "MMRGOV", "MMR", "GOV"),  # Myanmar's junta under its own name
        ("the Sandinistas", "FSLN", "NIC", None),
        ("Brussels", "EUR", None, None),  # as an actor, the seat of the EU; Belgium's government is "Belgium"
        ("Solidarity", "SOLID", "POL", None),  # parties, unions and movements carry their home country
        ("the National League for Democracy", "NLDM", "MMR", None),
        ("the Kuomintang", "KMT", "TWN", None),
        ("South African officers", "ZAF", "ZAF", None),  # officers act for their country
        ("the ITAR-Tass news agency", "TASS", "RUS", "MED"),  # state media speak for their country
        ("KCNA", "KCNA", "PRK", None),
        ("the Indian foreign secretaries", "INDGOV", "IND", "GOV"),  # plurals of titles
        ("The Sandinista government", "FSLN", "NIC", "GOV"),
        ("the Union Solidarity and Development Party", "USDP", "MMR", None),  # the longer name wins
    ],
)
def test_resolve_actor(phrase, code, country, sector):
    actor = resolve_actor(phrase)
    assert actor is not None
    assert (actor.code, actor.country, actor.sector) == (code, country, sector)
    assert actor.text == phrase
    assert actor.matched


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("defense officials", "MIL"),
        ("a senior defense official", "MIL"),
        ("its air defense forces", "MIL"),
        ("the rebels", "REB"),
        ("the riot police", "COP"),
        ("the Maryland General Assembly", "LEG"),  # a state legislature, not the UN's assembly
        ("the party's general secretary", "GOV"),  # not a general
    ],
)
def test_sector_only(phrase, sector):
    actor = resolve_actor(phrase)
    assert isinstance(actor, Actor)
    assert (actor.code, actor.country, actor.sector) == (None, None, sector)


@pytest.mark.parametrize("phrase", ["us", "it", "they", "", "   ", "Zelensky", "the weather"])
def test_unresolved(phrase):
    assert resolve_actor(phrase) is None


def test_matched_evidence():
    actor = resolve_actor("Belarusian troops")
    assert actor is not None
    assert actor.matched == "Belarusian|troops"


@pytest.mark.parametrize(
    ("token", "iso3"),
    [
        ("Ukraine", "UKR"),
        ("Ukrainians", "UKR"),
        ("Belarussian", "BLR"),
        ("Kremlin", "RUS"),
        ("the Kremlin", "RUS"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("Britons", "GBR"),
        ("Downing Street", "GBR"),
        ("Teheran", "IRN"),
        ("Russia's", "RUS"),
        ("us", None),
        ("NATO", None),
        ("troops", None),
    ],
)
def test_find_country(token, iso3):
    assert find_country(token) == iso3


def test_countries_table():
    rows = data_rows("countries.tsv")
    assert len(rows) >= 195
    isos = [r["iso3"] for r in rows]
    assert len(isos) == len(set(isos))
    assert {"TWN", "PSE", "XKX", "HKG", "UKR", "RUS", "BLR", "USA"} <= set(isos)
    assert all(len(r["iso3"]) == 3 and len(r["cameo"]) == 3 for r in rows)
    owner = {}
    for r in rows:
        for col in ("name", "aliases", "demonyms", "seats"):
            for term in filter(None, r[col].split("|")):
                assert owner.setdefault(term, r["iso3"]) == r["iso3"], term


def test_sector_terms_unique():
    seen = {}
    for r in data_rows("sectors.tsv"):
        for term in r["terms"].split("|"):
            assert term == term.lower()
            assert seen.setdefault(term, r["sector"]) == r["sector"], term


def test_organizations_table():
    rows = data_rows("organizations.tsv")
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    assert {"NATO", "EUR", "UNO"} <= set(codes)
    assert {r["kind"] for r in rows} <= {"igo", "ngo", "rebel", "party"}


def test_media_table():
    rows = data_rows("media.tsv")
    codes = [r["code"] for r in rows] + [r["code"] for r in data_rows("organizations.tsv")]
    assert len(codes) == len(set(codes))
    assert all(len(r["country"]) == 3 for r in rows)


def test_an_ethnic_group_named_by_a_demonym_has_no_country():
    actor = resolve_actor("ethnic Albanians")
    assert actor is None or actor.country is None
    assert resolve_actor("Albanian police").country == "ALB"


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Belarus's rulers", "BLRGOV"),
        ("Croatian extremists", "HRVREB"),
        ("Zairean troops", "CODMIL"),
        ("Kampuchean guerrillas", "KHMREB"),
    ],
)
def test_more_sector_terms_and_former_country_names(phrase, code):
    assert resolve_actor(phrase).code == code


def test_a_country_or_organisation_opposed_with_anti_is_not_the_actors_own():
    # "an anti-Iran cleric" opposes Iran; nothing says where the cleric is from.
    actor = resolve_actor("an outspoken anti-Iran cleric")
    assert actor is not None and actor.country is None and actor.sector == "REL"
    assert resolve_actor("anti-NATO protesters").code is None
    assert resolve_actor("Syrian journalists").code == "SYRMED"


def test_a_sector_word_inside_a_country_name_is_no_sector():
    # "Bank" in "West Bank" is not the business sector; a seat keeps its own sector ("the FBI").
    assert resolve_actor("the West Bank").code == "PSE"
    assert resolve_actor("West Bank settlers").code == "PSECVL"
    assert resolve_actor("the FBI").code == "USACOP"


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Chechen rebels", "RUSREB"),
        ("Tibetan protesters", "CHNOPP"),
        ("Basque separatists", "ESPREB"),
        ("Turkish Cypriot leaders", "CYPGOV"),
        ("Rohingya refugees", "MMRREF"),
    ],
)
def test_a_people_inside_one_state_is_that_states_people(phrase, code):
    actor = resolve_actor(phrase)
    assert actor is not None and actor.code == code, actor


def test_peoples_table():
    rows = data_rows("peoples.tsv")
    countries = {r["iso3"] for r in data_rows("countries.tsv")}
    assert rows and {r["iso3"] for r in rows} <= countries
    terms = [term for r in rows for term in r["terms"].split("|")]
    assert len(terms) == len(set(terms))
    assert not {"Kurdish", "Tamil", "Kashmiri"} & set(terms)  # peoples of more than one state


def test_the_acronym_us_is_the_united_states_and_the_pronoun_is_no_one():
    assert resolve_actor("US") is not None and resolve_actor("US").country == "USA"
    assert resolve_actor("us") is None


def test_us_departments_named_without_the_country_are_the_united_states():
    assert resolve_actor("the Treasury Department").code == "USAGOV"
    assert resolve_actor("the Justice Department").code == "USAGOV"


@pytest.mark.parametrize(
    ("word", "iso3"),
    [("Ethopia", "ETH"), ("Afganistan", "AFG"), ("Isreal", "ISR"), ("Venezuala", "VEN"), ("Austrialian", "AUS")],
)
def test_a_country_misspelt_by_one_letter_is_recognised(word, iso3):
    assert misspelt_country(word) == iso3


@pytest.mark.parametrize("word", ["George", "Albanian", "Iranians", "Niger", "Austerlitz"])
def test_names_spelt_right_short_or_far_from_a_country_are_not_misspellings(word):
    assert misspelt_country(word) is None


def test_a_states_name_is_not_its_demonym():
    assert names_a_state("the United States") and names_a_state("Colombia") and names_a_state("Washington")
    assert not names_a_state("American") and not names_a_state("an American pastor")


def test_a_region_holding_another_countrys_name_is_its_own_countrys():
    assert resolve_actor("militants in the Niger Delta").country == "NGA"
    assert resolve_actor("British Columbia police").country == "CAN"
    assert resolve_actor("Niger").country == "NER"
