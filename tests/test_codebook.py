"""Tests for the CAMEO/PLOVER codebook in schemas/codebook.py and its data files."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas.codebook import CameoEntry, cameo_codes, cameo_entry, is_cameo_code, parse_published_plover

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}

EVAL_MAPPING = Path(__file__).parents[2] / "shared" / "eval" / "cameo_to_plover.txt"
DATA_DIR = Path(__file__).parents[1] / "schemas" / "data"


def test_codebook_size_and_roots():
    codes = cameo_codes()
    assert 280 <= len(codes) <= 330
    roots = sorted(c for c in codes if len(c) == 2)
    assert roots == [f"{n:02d}" for n in range(1, 21)]


def test_every_code_is_two_to_four_digits():
    for code, entry in cameo_codes().items():
        assert code.isdigit() and 2 <= len(code) <= 4, code
        assert entry.code == code
        assert entry.root == code[:2]
        assert entry.name, code


def test_parents_exist():
    codes = cameo_codes()
    for code in codes:
        for n in range(2, len(code)):
            assert code[:n] in codes, f"{code}: parent {code[:n]} missing"


def test_every_root_has_unspecified_x0_code():
    codes = cameo_codes()
    for root in (c for c in codes if len(c) == 2):
        assert f"{root}0" in codes
        assert codes[root].goldstein == codes[f"{root}0"].goldstein


def test_goldstein_in_range():
    for code, entry in cameo_codes().items():
        assert -10.0 <= entry.goldstein <= 10.0, code


@pytest.mark.parametrize(
    ("code", "quad"),
    [("01", 1), ("05", 1), ("057", 1), ("06", 2), ("0874", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)],
)
def test_quad_class(code, quad):
    assert cameo_entry(code).quad_class == quad


def test_quad_classes_follow_roots():
    for entry in cameo_codes().values():
        root = int(entry.root)
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert entry.quad_class == expected, entry.code


def test_spot_checks():
    e = cameo_entry("0311")
    assert isinstance(e, CameoEntry)
    assert e.root == "03" and e.quad_class == 1
    assert e.name == "Express intent to cooperate economically"

    e = cameo_entry("195")
    assert e.quad_class == 4 and e.goldstein == -10.0
    assert e.name == "Employ aerial weapons, not specified below"

    assert cameo_entry("010").name == "Make statement, not specified below"
    assert cameo_entry("173").name == "Arrest, detain, or charge with legal action"
    assert cameo_entry("190").name == "Use conventional military force, not specified below"
    expected_goldstein = {
        "010": 0.0,
        "020": 3.0,
        "036": 4.0,
        "042": 1.9,
        "043": 2.8,
        "057": 8.0,
        "061": 6.4,
        "112": -2.0,
        "138": -7.0,
        "190": -10.0,
        "200": -10.0,
    }
    for code, value in expected_goldstein.items():
        assert cameo_entry(code).goldstein == value, code


def test_plover_spot_checks():
    assert cameo_entry("042").plover_type == "CONSULT"
    assert cameo_entry("0332").plover_type in {"AID", "AGREE"}
    assert cameo_entry("010").plover_type is None
    assert cameo_entry("173").plover_type == "COERCE"
    # The published PLOVER 0.8 table puts embargoes and sanctions under COERCE (restrict), not SANCTION.
    assert cameo_entry("163").plover_type == "COERCE"
    assert cameo_entry("163").plover_mode == "restrict"
    assert cameo_entry("141").plover_type == "PROTEST"


def test_published_plover_table_is_parsed_with_mode_and_context():
    rows = parse_published_plover(
        "# header\n03: AGREE\n0311: AGREE,  ,   economic # Express intent\n"
        "094: ACCUSE, investigate, military; legal # Investigate war crimes\n0311: AID, x, y # repeated\n"
    )
    assert rows["03"] == ("AGREE", None, None)
    assert rows["0311"] == ("AGREE", None, "economic")
    assert rows["094"] == ("ACCUSE", "investigate", "military, legal")
    assert cameo_entry("0312").plover_context == "military"
    assert cameo_entry("0232").plover_type == "REQUEST"  # root 02 is missing from the published table


def test_plover_types_are_known():
    for entry in cameo_codes().values():
        assert entry.plover_type is None or entry.plover_type in PLOVER_TYPES, entry.code


def test_plover_file_covers_codes():
    lines = (DATA_DIR / "cameo_plover.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "cameo_code\tplover_type\tplover_mode"
    plover_codes = {line.split("\t")[0] for line in lines[1:]}
    assert plover_codes == set(cameo_codes())


def test_codes_file_header():
    first = (DATA_DIR / "cameo_codes.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert first == "code\tname\tgoldstein"


def test_unknown_code_raises_key_error():
    assert not is_cameo_code("999")
    assert not is_cameo_code("")
    assert is_cameo_code("0311")
    with pytest.raises(KeyError, match="unknown CAMEO event code"):
        cameo_entry("999")
    with pytest.raises(KeyError):
        cameo_entry("21")


def test_cameo_codes_returns_copy():
    codes = cameo_codes()
    codes.pop("010")
    assert is_cameo_code("010")


def _parse_eval_mapping(path: Path) -> dict[str, str | None]:
    mapping: dict[str, str | None] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        code, _, rest = line.partition(":")
        code = code.strip()
        if not code.isdigit():
            continue
        plover_type = rest.split("#", 1)[0].split(",", 1)[0].strip().upper()
        mapping[code] = plover_type if plover_type.isalpha() else None
    return mapping


def test_plover_agreement_with_reference():
    if not EVAL_MAPPING.exists():
        pytest.skip(f"reference CAMEO->PLOVER mapping not found at {EVAL_MAPPING}")
    reference = _parse_eval_mapping(EVAL_MAPPING)
    codes = cameo_codes()
    shared = sorted(set(reference) & set(codes))
    assert len(shared) >= 200, f"only {len(shared)} codes in common with {EVAL_MAPPING.name}"
    agree = sum(codes[c].plover_type == reference[c] for c in shared)
    ratio = agree / len(shared)
    print(f"PLOVER type agreement: {agree}/{len(shared)} = {ratio:.3f}")
    assert ratio >= 0.9, f"PLOVER type agreement {ratio:.3f} below 0.9"
