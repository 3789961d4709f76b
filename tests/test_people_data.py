"""Checks on schemas/data/people.tsv, the table of well-known political people used for actor coding."""

from __future__ import annotations

from pathlib import Path

import pytest

from coder.people import ORGANISATION_CODES
from schemas.codebook import data_rows

PEOPLE = Path(__file__).resolve().parents[1] / "schemas" / "data" / "people.tsv"
HEADER = ["name", "aliases", "country", "sector", "from", "to", "role"]
ORG_CODES = set(ORGANISATION_CODES)
# A person's sector is one of the coder's sectors (schemas/data/sectors.tsv), e.g. REL for a cleric.
SECTORS = {row["sector"] for row in data_rows("sectors.tsv")}
FIRST_YEAR, LAST_YEAR = 1900, 2026


def _lines() -> list[str]:
    return PEOPLE.read_text(encoding="utf-8").splitlines()


def _rows() -> list[dict[str, str]]:
    return [dict(zip(HEADER, line.split("\t"), strict=False)) for line in _lines()[1:]]


def _matching(name: str, country: str, sector: str) -> list[dict[str, str]]:
    return [r for r in _rows() if r["name"] == name and r["country"] == country and r["sector"] == sector]


def _covers(row: dict[str, str], year: int) -> bool:
    return int(row["from"]) <= year and (row["to"] == "" or year <= int(row["to"]))


def test_header_is_exact():
    assert _lines()[0] == "\t".join(HEADER)


def test_no_blank_or_comment_lines():
    for number, line in enumerate(_lines(), start=1):
        assert line.strip(), f"line {number} is blank"
        assert not line.startswith("#"), f"line {number} is a comment"


def test_row_count_is_substantial():
    assert len(_rows()) >= 350


def test_every_row_has_seven_fields():
    for number, line in enumerate(_lines()[1:], start=2):
        assert len(line.split("\t")) == len(HEADER), f"line {number}: {line!r}"


@pytest.mark.parametrize("column", ["name", "country", "sector", "from", "role"])
def test_required_columns_are_filled(column):
    for row in _rows():
        assert row[column].strip() == row[column] != "", f"{column!r} empty or padded in {row}"


def test_country_codes():
    for row in _rows():
        code = row["country"]
        assert code in ORG_CODES or (len(code) == 3 and code.isascii() and code.isalpha() and code.isupper()), row


def test_sectors():
    for row in _rows():
        assert row["sector"] in SECTORS, row


def test_years_are_valid_and_ordered():
    for row in _rows():
        assert row["from"].isdigit() and len(row["from"]) == 4, row
        start = int(row["from"])
        assert FIRST_YEAR <= start <= LAST_YEAR, row
        if row["to"]:
            assert row["to"].isdigit() and len(row["to"]) == 4, row
            end = int(row["to"])
            assert FIRST_YEAR <= end <= LAST_YEAR, row
            assert start <= end, row


def test_aliases_are_long_enough_and_clean():
    for row in _rows():
        if not row["aliases"]:
            continue
        for alias in row["aliases"].split("|"):
            assert alias == alias.strip(), row
            assert len(alias) >= 4, f"alias {alias!r} too short in {row}"


def test_no_duplicate_rows():
    seen = set()
    for row in _rows():
        key = (row["name"], row["country"], row["sector"], row["from"], row["role"])
        assert key not in seen, f"duplicate row {row}"
        seen.add(key)


def test_putin_is_russian_government_in_2022():
    rows = _matching("Vladimir Putin", "RUS", "GOV")
    assert any(_covers(r, 2022) for r in rows)
    assert all("Putin" in r["aliases"].split("|") for r in rows)


def test_zelensky_from_2019():
    rows = _matching("Volodymyr Zelensky", "UKR", "GOV")
    assert [r["from"] for r in rows] == ["2019"]
    assert rows[0]["to"] == ""
    assert {"Zelenskyy", "Zelensky"} <= set(rows[0]["aliases"].split("|"))


def test_lukashenko_from_1994():
    rows = _matching("Alexander Lukashenko", "BLR", "GOV")
    assert [(r["from"], r["to"]) for r in rows] == [("1994", "")]
    assert {"Lukashenko", "Lukashenka"} <= set(rows[0]["aliases"].split("|"))


def test_stoltenberg_nato():
    rows = _matching("Jens Stoltenberg", "NATO", "GOV")
    assert [(r["from"], r["to"]) for r in rows] == [("2014", "2024")]


def test_annan_un():
    rows = _matching("Kofi Annan", "UNO", "GOV")
    assert [(r["from"], r["to"]) for r in rows] == [("1997", "2006")]
