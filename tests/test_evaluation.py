"""The evaluation harness: split, type mapping and scoring; the held-out scores as a regression floor."""

from __future__ import annotations

import json
from datetime import date

import pytest

from coder.evaluation import evaluate, gold_type, load_gold, select, split_of


def test_split_is_deterministic_and_balanced():
    ids = [f"PLOVER-GSR01-X-{i:04d}" for i in range(400)]
    assert [split_of(i) for i in ids] == [split_of(i) for i in ids]
    dev = sum(split_of(i) == "dev" for i in ids)
    assert 150 < dev < 250


def test_gold_type_follows_the_gold_standard_names():
    assert gold_type("0232", "REQUEST") == "DEMAND"
    assert gold_type("195", "ASSAULT") == "FIGHT"
    assert gold_type("183", "ASSAULT") == "ASSAULT"
    assert gold_type("111", "ACCUSE") == "DISAPPROVE"
    assert gold_type("0874", "RETREAT") == "RETREAT"
    assert gold_type("010", None) is None


def test_scoring_counts_hits_misses_and_extras(tmp_path, parse):
    gold = [
        {
            "id": "a",
            "event": "FIGHT",
            "text": "Russian troops attacked Ukraine.",
            "date": "2022-04-26",
            "source": [{"code": "RUS"}],
            "target": [{"code": "UKR"}],
        },
        {
            "id": "b",
            "event": "CONSULT",
            "text": "The weather was fine.",
            "date": "2022-04-26",
            "source": [{"code": "FRA"}],
            "target": [{"code": "DEU"}],
        },
        {"id": "c", "event": "DOCUMENT", "text": "documentation"},
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold))
    records = load_gold(path)
    assert [r.record_id for r in records] == ["a", "b"]
    assert records[0].published == date(2022, 4, 26)
    result = evaluate(records, parse, "all")
    assert (result.overall.tp, result.overall.fn) == (1, 1)
    assert result.source.accuracy == 1.0 and result.target.accuracy == 1.0
    assert result.as_dict()["per_type"]["FIGHT"]["f1"] == 1.0


def test_held_out_scores_do_not_regress(shared_dir, parse):
    """Floors a little under the scores measured when this test was written (README, "Measured")."""
    records = select(load_gold(shared_dir / "eval" / "plover_gsr.json"), "test")
    result = evaluate(records, parse, "test")
    assert result.overall.f1 >= FLOORS["f1"], result.as_dict()
    assert result.source.accuracy >= FLOORS["source"], result.as_dict()
    assert result.target.accuracy >= FLOORS["target"], result.as_dict()


FLOORS = {"f1": 0.63, "source": 0.77, "target": 0.74}


@pytest.mark.parametrize("split", ["dev", "test", "all"])
def test_select_splits(split, shared_dir):
    records = load_gold(shared_dir / "eval" / "plover_gsr.json")
    chosen = select(records, split)
    assert chosen and len(chosen) <= len(records)
