"""CAMEO 1.1b3 codebook with Goldstein weights and the CAMEO -> PLOVER mapping.

Both tables live as TSV files in ``schemas/data`` and are read once per process:

* ``cameo_codes.tsv`` -- ``code``, ``name``, ``goldstein`` for every root, 3-digit and 4-digit code.
* ``cameo_to_plover.txt`` -- the published CAMEO -> PLOVER conversion table (PLOVER manual draft 0.8,
  edited by Philip Schrodt, Open Event Data Alliance), copied unchanged: ``code: TYPE, mode, context``.
* ``cameo_plover.tsv`` -- our own table, used only for codes the published table leaves out (it has
  no rows for roots 01 and 02, for instance).

A code without a PLOVER row of its own inherits the mapping of its parent (4 -> 3 -> 2 digits).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["CameoEntry", "cameo_codes", "cameo_entry", "data_rows", "is_cameo_code", "quad_class_for_root"]

DATA_DIR = Path(__file__).parent / "data"
CODES_FILE = DATA_DIR / "cameo_codes.tsv"
PLOVER_FILE = DATA_DIR / "cameo_plover.tsv"
PUBLISHED_PLOVER_FILE = DATA_DIR / "cameo_to_plover.txt"

# QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
_QUAD_BY_ROOT: dict[int, int] = {
    **dict.fromkeys(range(1, 6), 1),
    **dict.fromkeys(range(6, 9), 2),
    **dict.fromkeys(range(9, 14), 3),
    **dict.fromkeys(range(14, 21), 4),
}


@dataclass(frozen=True, slots=True)
class CameoEntry:
    """One CAMEO event code with its derived attributes."""

    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None = None


def quad_class_for_root(root: str) -> int:
    """QuadClass (1-4) of a two-digit CAMEO root such as ``"03"``."""
    try:
        return _QUAD_BY_ROOT[int(root)]
    except (KeyError, ValueError):
        raise KeyError(f"not a CAMEO root code: {root!r}") from None


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of the tab-separated file ``name`` in ``schemas/data``, past its comment lines ("# ...") and
    blank lines; quotes are plain characters."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _parents(code: str) -> list[str]:
    """The code itself followed by its ancestors, most specific first: 0311 -> [0311, 031, 03]."""
    return [code[:n] for n in range(len(code), 1, -1)]


PloverRow = tuple[str | None, str | None, str | None]  # type, mode, context


@cache
def _own_plover_rows() -> dict[str, PloverRow]:
    rows: dict[str, PloverRow] = {}
    for row in data_rows(PLOVER_FILE.name):
        code = row["cameo_code"].strip()
        rows[code] = (
            (row.get("plover_type") or "").strip() or None,
            (row.get("plover_mode") or "").strip() or None,
            None,
        )
    return rows


def parse_published_plover(text: str) -> dict[str, PloverRow]:
    """``code: TYPE, mode, context # comment`` lines; the first row of a code wins (the file repeats some)."""
    rows: dict[str, PloverRow] = {}
    for line in text.splitlines():
        body = line.split("#", 1)[0].strip()
        code, colon, rest = body.partition(":")
        code = code.strip()
        if not colon or not code.isdigit() or code in rows:
            continue
        fields = [f.strip() for f in rest.split(",")]
        plover_type = fields[0] or None
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        context = ", ".join(c.strip() for c in fields[2].split(";") if c.strip()) if len(fields) > 2 else None
        rows[code] = (plover_type, mode, context or None)
    return rows


@cache
def _published_plover_rows() -> dict[str, PloverRow]:
    return parse_published_plover(PUBLISHED_PLOVER_FILE.read_text(encoding="utf-8"))


def _plover_for(code: str) -> PloverRow:
    for table in (_published_plover_rows(), _own_plover_rows()):
        for candidate in _parents(code):
            if candidate in table and table[candidate][0]:
                return table[candidate]
    return (None, None, None)


@cache
def _load() -> dict[str, CameoEntry]:
    entries: dict[str, CameoEntry] = {}
    for row in data_rows(CODES_FILE.name):
        code = row["code"].strip()
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise ValueError(f"{CODES_FILE.name}: malformed CAMEO code {code!r}")
        if code in entries:
            raise ValueError(f"{CODES_FILE.name}: duplicate CAMEO code {code!r}")
        root = code[:2]
        plover_type, plover_mode, plover_context = _plover_for(code)
        entries[code] = CameoEntry(
            code=code,
            name=row["name"].strip(),
            root=root,
            quad_class=quad_class_for_root(root),
            goldstein=float(row["goldstein"]),
            plover_type=plover_type,
            plover_mode=plover_mode,
            plover_context=plover_context,
        )
    return entries


def cameo_codes() -> dict[str, CameoEntry]:
    """All CAMEO codes (roots, 3- and 4-digit codes) keyed by code. Returns a fresh copy."""
    return dict(_load())


def is_cameo_code(code: str) -> bool:
    """True if ``code`` is a known CAMEO event code (e.g. ``"03"``, ``"042"``, ``"0311"``)."""
    return isinstance(code, str) and code in _load()


def cameo_entry(code: str) -> CameoEntry:
    """The codebook entry for ``code``; raises ``KeyError`` for unknown codes."""
    try:
        return _load()[code]
    except (KeyError, TypeError):
        raise KeyError(f"unknown CAMEO event code: {code!r} (expected a 2-4 digit code such as '042')") from None
