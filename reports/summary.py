"""What an output folder says, as plain Python values: the numbers `inspect` prints and `report` draws.

Everything here is computed with pyarrow (group-bys, no Python loops over all rows), so it stays
fast on a large output; only the small results (top-N lists, per-day counts) become Python.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from reports.data import Output
from schemas.codebook import cameo_codes

QUAD_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def count_by(table: pa.Table, *columns: str) -> list[tuple[Any, ...]]:
    """(values..., count) for each combination of ``columns``, most frequent first, then by value."""
    if table.num_rows == 0:
        return []
    grouped = table.select(list(columns)).group_by(list(columns)).aggregate([([], "count_all")])
    rows = [tuple(r[c] for c in columns) + (r["count_all"],) for r in grouped.to_pylist()]
    return sorted(rows, key=lambda r: (-r[-1], tuple("" if v is None else str(v) for v in r[:-1])))


def date_range(events: pa.Table) -> tuple[date, date] | None:
    if events.num_rows == 0:
        return None
    bounds = pc.min_max(events.column("event_date"))
    return bounds["min"].as_py(), bounds["max"].as_py()


def counts_by_root(events: pa.Table) -> list[tuple[str, str, int]]:
    """(CAMEO root, its name, events), in root order."""
    codes = cameo_codes()
    rows = [(root, codes[root].name if root in codes else "?", n) for root, n in count_by(events, "cameo_root")]
    return sorted(rows)


def counts_by_quad(events: pa.Table) -> list[tuple[int, str, int]]:
    """(quad class, its name, events) for all four classes, zero included."""
    found = {q: n for q, n in count_by(events, "quad_class")}
    return [(q, name, found.get(q, 0)) for q, name in QUAD_NAMES.items()]


def top_pairs(events: pa.Table, n: int = 10, level: str = "code") -> list[tuple[str, str, int]]:
    """The most frequent (source, target) pairs where both are known; ``level`` is ``code`` or ``country``."""
    source, target = f"source_{level}", f"target_{level}"
    known = events.filter(pc.and_(pc.is_valid(events.column(source)), pc.is_valid(events.column(target))))
    return [(s, t, c) for s, t, c in count_by(known, source, target)[:n]]


def rejected_by_reason(rejected: pa.Table) -> list[tuple[str, str, int]]:
    """(stage, error_type, records)."""
    return [(s, e, n) for s, e, n in count_by(rejected, "stage", "error_type")]


def daily_by_quad(events: pa.Table) -> list[tuple[date, list[int]]]:
    """Events per day, split by quad class: [(day, [q1, q2, q3, q4])], days in order, empty days left out."""
    days: dict[date, list[int]] = {}
    for day, quad, n in count_by(events, "event_date", "quad_class"):
        days.setdefault(day, [0, 0, 0, 0])[quad - 1] += n
    return sorted(days.items())


def country_matrix(events: pa.Table, top: int = 12) -> tuple[list[str], list[list[int]]]:
    """The ``top`` countries by events they take part in, and a source × target count matrix over them."""
    pairs = count_by(
        events.filter(
            pc.and_(pc.is_valid(events.column("source_country")), pc.is_valid(events.column("target_country")))
        ),
        "source_country",
        "target_country",
    )
    weight: Counter[str] = Counter()
    for s, t, n in pairs:
        weight[s] += n
        weight[t] += n
    countries = [c for c, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    index = {c: i for i, c in enumerate(countries)}
    matrix = [[0] * len(countries) for _ in countries]
    for s, t, n in pairs:
        if s in index and t in index:
            matrix[index[s]][index[t]] += n
    return countries, matrix


def geolocated(events: pa.Table) -> list[dict[str, Any]]:
    """Places with coordinates and their event counts, by quad class of the majority of their events."""
    located = events.filter(pc.and_(pc.is_valid(events.column("latitude")), pc.is_valid(events.column("longitude"))))
    places: dict[tuple[str, float, float], dict[str, Any]] = {}
    for name, lat, lon, quad, n in count_by(located, "location_name", "latitude", "longitude", "quad_class"):
        place = places.setdefault((name or "", lat, lon), {"name": name, "lat": lat, "lon": lon, "quads": [0] * 4})
        place["quads"][quad - 1] += n
    result = []
    for place in places.values():
        place["count"] = sum(place["quads"])
        place["quad"] = max(range(4), key=lambda i: place["quads"][i]) + 1
        result.append(place)
    return sorted(result, key=lambda p: (-p["count"], p["name"] or ""))


def highlight(sentence: str, spans: list[tuple[int | None, int | None, str]]) -> list[tuple[str, str | None]]:
    """Split ``sentence`` into (text, kind) pieces so trigger and actors can be styled.

    ``spans`` are (start, end, kind) character offsets; missing or out-of-range spans and spans that
    overlap an earlier one are skipped rather than raising, since offsets come from the data.
    """
    pieces: list[tuple[str, str | None]] = []
    cursor = 0
    valid = [(s, e, k) for s, e, k in spans if s is not None and e is not None and 0 <= s < e <= len(sentence)]
    for start, end, kind in sorted(valid):
        if start < cursor:
            continue
        if start > cursor:
            pieces.append((sentence[cursor:start], None))
        pieces.append((sentence[start:end], kind))
        cursor = end
    if cursor < len(sentence):
        pieces.append((sentence[cursor:], None))
    return pieces


def event_spans(event: dict[str, Any]) -> list[tuple[int | None, int | None, str]]:
    return [
        (event.get("trigger_start"), event.get("trigger_end"), "trigger"),
        (event.get("source_start"), event.get("source_end"), "source"),
        (event.get("target_start"), event.get("target_end"), "target"),
    ]


SAMPLE_COLUMNS = [
    "event_date",
    "cameo_code",
    "cameo_root",
    "plover_type",
    "quad_class",
    "goldstein",
    "event_mode",
    "source_code",
    "target_code",
    "source_country",
    "target_country",
    "sentence",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "location_name",
    "confidence",
    "article_id",
    "article_url",
]


def sample_events(events: pa.Table, n: int = 5) -> list[dict[str, Any]]:
    """A few events worth reading: the most confident one of each CAMEO root first, so the sample is varied."""
    if events.num_rows == 0:
        return []
    ordered = events.select(SAMPLE_COLUMNS).sort_by(
        [("confidence", "descending"), ("event_date", "ascending"), ("cameo_code", "ascending")]
    )
    picked: list[dict[str, Any]] = []
    seen_roots: set[str] = set()
    rest: list[dict[str, Any]] = []
    for row in ordered.slice(0, 2000).to_pylist():
        if row["cameo_root"] not in seen_roots and len(picked) < n:
            picked.append(row)
            seen_roots.add(row["cameo_root"])
        else:
            rest.append(row)
    return (picked + rest)[:n]


@dataclass
class Summary:
    """The numbers of one output folder."""

    path: str
    events: int
    articles: int
    rejected: int
    date_range: tuple[date, date] | None
    by_root: list[tuple[str, str, int]]
    by_quad: list[tuple[int, str, int]]
    top_pairs: list[tuple[str, str, int]]
    rejected_by_reason: list[tuple[str, str, int]]
    samples: list[dict[str, Any]]
    runs: int
    pipeline_versions: list[str]
    other_tables: dict[str, int]


def summarise(output: Output, top: int = 10, samples: int = 5) -> Summary:
    events = output.events
    versions = {v for v, _ in count_by(events, "pipeline_version")}
    versions |= {r["pipeline_version"] for r in output.runs if r.get("pipeline_version")}
    return Summary(
        path=output.path,
        events=events.num_rows,
        articles=output.articles.num_rows,
        rejected=output.rejected.num_rows,
        date_range=date_range(events),
        by_root=counts_by_root(events),
        by_quad=counts_by_quad(events),
        top_pairs=top_pairs(events, top),
        rejected_by_reason=rejected_by_reason(output.rejected),
        samples=sample_events(events, samples),
        runs=len(output.runs),
        pipeline_versions=sorted(versions),
        other_tables=dict(output.other_tables),
    )
