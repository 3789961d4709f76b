"""reports/: the summary numbers, `newsevents inspect`, and the self-contained HTML of `newsevents report`.

The output folders here are written directly with pyarrow in the dataset's schema (no pipeline run),
so the numbers are known exactly.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli import dispatch
from reports.data import read_output, read_table
from reports.html import render_html, time_bins
from reports.summary import (
    count_by,
    country_matrix,
    counts_by_quad,
    daily_by_quad,
    geolocated,
    highlight,
    rejected_by_reason,
    sample_events,
    summarise,
    top_pairs,
)
from schemas.arrow import output_tables

TABLES = output_tables("test")
SENTENCE = "Russian forces shelled Kharkiv on Monday."


def make_event(**overrides) -> dict:
    event = {
        "event_id": "ev-1",
        "event_date": date(2022, 4, 25),
        "date_source": "text",
        "date_text": "on Monday",
        "article_id": "a1",
        "article_url": "https://example.org/a1",
        "publisher": None,
        "published": datetime(2022, 4, 26, tzinfo=timezone.utc),
        "sentence_index": 0,
        "sentence": SENTENCE,
        "trigger_text": "shelled",
        "trigger_start": 15,
        "trigger_end": 22,
        "source_text": "Russian forces",
        "source_code": "RUSMIL",
        "source_country": "RUS",
        "source_sector": "MIL",
        "source_start": 0,
        "source_end": 14,
        "target_text": None,
        "target_code": "UKR",
        "target_country": "UKR",
        "target_sector": None,
        "target_start": None,
        "target_end": None,
        "cameo_code": "195",
        "cameo_root": "19",
        "plover_type": "ASSAULT",
        "plover_mode": "aerial",
        "quad_class": 4,
        "goldstein": -10.0,
        "negated": False,
        "event_mode": "asserted",
        "location_name": "Kharkiv",
        "location_country": "UKR",
        "latitude": 49.98,
        "longitude": 36.25,
        "confidence": 0.9,
        "pipeline_version": "test",
    }
    unknown = set(overrides) - set(event)
    assert not unknown, unknown
    event.update(overrides)
    return event


def write_table(output: Path, name: str, rows: list[dict], file_name: str = "part-x.parquet") -> None:
    """Rows into OUT/<name>/ the way the pipeline lays them out (one folder per partition value)."""
    table = TABLES[name]
    column = table.partition_column
    groups: dict[object, list[dict]] = {}
    for row in rows:
        groups.setdefault(row.get(column) if column else None, []).append(row)
    for value, group in groups.items():
        folder = output / name / (f"{column}={value}" if column else "")
        folder.mkdir(parents=True, exist_ok=True)
        data = [{k: v for k, v in r.items() if k != column} for r in group]
        pq.write_table(pa.Table.from_pylist(data, schema=table.file_schema), folder / file_name)


EVENTS = [
    make_event(event_id="e1"),
    make_event(event_id="e2", event_date=date(2022, 4, 26), confidence=0.5),
    make_event(
        event_id="e3",
        event_date=date(2022, 4, 26),
        cameo_code="042",
        cameo_root="04",
        plover_type="CONSULT",
        quad_class=1,
        source_code="BLRGOV",
        source_country="BLR",
        target_code="RUS",
        target_country="RUS",
        location_name=None,
        location_country=None,
        latitude=None,
        longitude=None,
        sentence="Belarus visited Russia </script><b>.",
        trigger_text="visited",
        trigger_start=8,
        trigger_end=15,
        source_start=0,
        source_end=7,
        target_start=16,
        target_end=22,
    ),
    make_event(event_id="e4", event_date=date(2022, 4, 28), source_code=None, source_country=None),
]
REJECTED = [
    {"stage": "ReadArticles", "error_type": "invalid_json", "reason": "bad", "pipeline_version": "test"},
    {"stage": "ReadArticles", "error_type": "invalid_json", "reason": "bad", "pipeline_version": "test"},
    {"stage": "Annotate", "error_type": "annotation_failed", "reason": "x", "pipeline_version": "test"},
]


@pytest.fixture
def out(tmp_path) -> Path:
    write_table(tmp_path, "events", EVENTS)
    write_table(tmp_path, "rejected", REJECTED)
    return tmp_path


def test_reading_types_the_partition_and_tolerates_missing_tables(out):
    output = read_output(out)
    assert output.events.num_rows == 4
    assert output.events.schema.field("event_date").type == pa.date32()
    assert output.articles.num_rows == 0 and output.articles.schema == TABLES["articles"].dataset_schema
    with pytest.raises(FileNotFoundError):
        read_output(out / "nope")


def test_temporary_and_hidden_files_are_not_read(out):
    tmp = out / "events" / "_tmp" / "event_date=2022-04-25"
    tmp.mkdir(parents=True)
    shutil.copy(next((out / "events" / "event_date=2022-04-25").glob("*.parquet")), tmp / "part-y.parquet")
    assert read_table(out, "events").num_rows == 4


def test_counts_pairs_and_rejections(out):
    output = read_output(out)
    events = output.events
    assert count_by(events, "cameo_root") == [("19", 3), ("04", 1)]
    assert counts_by_quad(events) == [
        (1, "verbal cooperation", 1),
        (2, "material cooperation", 0),
        (3, "verbal conflict", 0),
        (4, "material conflict", 3),
    ]
    assert top_pairs(events) == [("RUSMIL", "UKR", 2), ("BLRGOV", "RUS", 1)]  # e4 has no source
    assert top_pairs(events, level="country") == [("RUS", "UKR", 2), ("BLR", "RUS", 1)]
    assert rejected_by_reason(output.rejected) == [
        ("ReadArticles", "invalid_json", 2),
        ("Annotate", "annotation_failed", 1),
    ]
    assert daily_by_quad(events) == [
        (date(2022, 4, 25), [0, 0, 0, 1]),
        (date(2022, 4, 26), [1, 0, 0, 1]),
        (date(2022, 4, 28), [0, 0, 0, 1]),
    ]
    countries, matrix = country_matrix(events)
    assert countries == ["RUS", "UKR", "BLR"]
    assert matrix[0][1] == 2 and matrix[2][0] == 1 and sum(map(sum, matrix)) == 3
    (kharkiv,) = geolocated(events)
    assert kharkiv["name"] == "Kharkiv" and kharkiv["count"] == 3 and kharkiv["quad"] == 4


def test_summary_of_an_empty_output(tmp_path):
    summary = summarise(read_output(tmp_path))
    assert summary.events == 0 and summary.date_range is None and summary.samples == []
    assert [n for *_, n in summary.by_quad] == [0, 0, 0, 0]
    html = render_html(read_output(tmp_path))
    assert "No events." in html


def test_samples_cover_different_roots_first(out):
    samples = sample_events(read_output(out).events, 2)
    assert {s["cameo_root"] for s in samples} == {"19", "04"}


def test_highlight_splits_the_sentence_and_skips_bad_offsets():
    spans = [(15, 22, "trigger"), (0, 14, "source"), (None, None, "target"), (10, 18, "target"), (30, 99, "x")]
    pieces = highlight(SENTENCE, spans)
    assert "".join(p for p, _ in pieces) == SENTENCE
    assert ("Russian forces", "source") in pieces and ("shelled", "trigger") in pieces
    assert [k for _, k in pieces if k] == ["source", "trigger"]


def test_time_bins_choose_the_unit_and_drop_far_outliers():
    days = [(date(2022, 1, 1) + timedelta(days=i), [1, 0, 0, 0]) for i in range(0, 60, 3)]
    unit, bins, outside = time_bins(days)
    assert unit == "day" and len(bins) == 58 and outside == 0
    assert sum(sum(q) for _, q in bins) == 20
    two_years = [(date(2019, 1, 1) + timedelta(days=i), [0, 1, 0, 0]) for i in range(0, 700, 2)]
    unit, bins, outside = time_bins([(date(1905, 1, 1), [0, 0, 0, 1]), *two_years])
    assert unit == "week" and outside == 1 and bins[0][0] >= date(2018, 12, 31)


def test_inspect_prints_the_summary(out, capsys):
    assert dispatch(["inspect", str(out)]) == 0
    printed = capsys.readouterr().out
    for expected in ("2022-04-25 … 2022-04-28", "material conflict", "RUSMIL", "invalid_json", "Kharkiv"):
        assert expected in printed, expected
    assert dispatch(["inspect", str(out / "missing")]) == 2


def test_report_is_self_contained(out, tmp_path):
    target = tmp_path / "r" / "report.html"
    assert dispatch(["report", str(out), "--html", str(target)]) == 0
    page = target.read_text()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and 'id="search"' in page
    # Nothing is loaded from elsewhere: no external scripts, styles, images, fonts or frames.
    assert not re.search(r"<(script|img|iframe|link|source|audio|video|embed|object)\b[^>]*\b(src|href|data)=", page)
    assert not re.search(r"@import|url\(", page)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    # Data that looks like markup stays data: the sentence cannot close the script element.
    assert page.count("</script>") == page.count("<script")
    assert "<\\/script><b>" in page


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("chromium not installed (Debian: apt-get install -y chromium): HTML render check skipped")


def test_report_renders_in_headless_chromium(out, tmp_path):
    browser = chromium()
    target = tmp_path / "report.html"
    target.write_text(render_html(read_output(out)))
    common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
    dom = subprocess.run(
        [*common, "--virtual-time-budget=5000", "--dump-dom", target.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    # The script ran: it marks the body and has built one table row per event.
    assert 'data-ready="4"' in dom
    page = target.read_text()
    for markup in ('<tr><td class="code">', '<mark class="trigger">'):
        assert dom.count(markup) - page.count(markup) == 4, markup  # built by the script, one per event
    assert "4 of 4 events match" in dom
    shot = tmp_path / "shot.png"
    subprocess.run(
        [*common, f"--screenshot={shot}", "--window-size=1200,1600", target.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 10_000
