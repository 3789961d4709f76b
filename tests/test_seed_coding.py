"""The seed articles are coded as a reader of them would: the events issue 3 names, with actors, roots and dates."""

from __future__ import annotations

import json
from datetime import date

import pytest

from coder.events import code_sentence
from coder.people import ArticleMemory
from nlp.sentences import split_sentences


@pytest.fixture(scope="module")
def seed_events(seeds_dir, parse) -> dict[str, list[tuple]]:
    coded: dict[str, list[tuple]] = {}
    for line in (seeds_dir / "articles.jsonl").read_text().splitlines():
        article = json.loads(line)
        published = date.fromisoformat(article["published"])
        memory = ArticleMemory(published)
        rows = []
        for start, end in split_sentences(article["text"]):
            text = article["text"][start:end]
            for event in code_sentence(text, parse(text), published, memory):
                rows.append(
                    (
                        event.cameo_code,
                        event.source.actor.code if event.source else None,
                        event.target.actor.code if event.target else None,
                        event.event_date or published,
                        event.trigger_text,
                    )
                )
        coded[article["id"]] = rows
    return coded


APRIL = "000_81c0bf131cfcbb7c"  # published 2022-04-26
JANUARY = "003_77273a3daa063c03"  # published 2023-01-16, a Monday


def has(rows: list[tuple], root: str, source: str | None, target: str | None, day: date | None = None) -> bool:
    return any(
        code.startswith(root) and src == source and tgt == target and (day is None or when == day)
        for code, src, tgt, when, _ in rows
    )


def test_joint_exercises_in_both_articles(seed_events):
    assert has(seed_events[APRIL], "03", "BLR", "RUS", date(2022, 4, 26))
    assert has(seed_events[JANUARY], "06", "RUSMIL", "BLRMIL") and has(seed_events[JANUARY], "06", "BLRMIL", "RUSMIL")


def test_missile_strikes_on_ukraine(seed_events):
    assert has(seed_events[APRIL], "19", "RUS", "UKR")
    assert has(seed_events[JANUARY], "19", "RUS", "UKR")


def test_appeals_to_nato_and_to_western_countries(seed_events):
    assert has(seed_events[APRIL], "02", "UKRGOV", "NATO")
    assert has(seed_events[JANUARY], "02", "UKRGOV", "WST")


def test_refusal_to_send_aircraft_and_agreement_to_send_equipment(seed_events):
    for actor in ("USA", "NATO"):
        assert has(seed_events[APRIL], "12", actor, "UKR")
        assert has(seed_events[APRIL], "03", actor, None)


def test_visit_concern_and_promised_weapons(seed_events):
    assert has(seed_events[JANUARY], "04", "RUSMIL", "BLR")
    assert any(code == "012" and src and src.startswith("UKR") for code, src, _, _, _ in seed_events[JANUARY])
    # "said on Sunday" in an article published Monday 2023-01-16
    assert has(seed_events[JANUARY], "03", "WST", "UKR", date(2023, 1, 15))


def test_few_spurious_events(seed_events):
    assert len(seed_events[APRIL]) <= 12 and len(seed_events[JANUARY]) <= 12


def test_what_an_appeal_follows_is_an_event_of_its_own(parse):
    from datetime import date

    from coder.events import code_sentence

    text = (
        "Earlier, Ukrainian President Volodymyr Zelensky made an urgent appeal to Western countries to provide his "
        "country with effective air defenses, following a visit by Putin to Belarus."
    )
    codes = {
        (e.cameo_code, e.source.actor.code if e.source else None)
        for e in code_sentence(text, parse(text), date(2023, 1, 16))
    }
    assert ("042", "RUSGOV") in codes
