"""pipeline/progress.py: the status line of long runs, shown on terminals only."""

from __future__ import annotations

import io
import time

import apache_beam as beam
from apache_beam.testing.test_pipeline import TestPipeline

from pipeline.progress import ProgressDisplay, format_status, read_counts, track


def test_status_line_has_counts_rate_and_eta():
    line = format_status({"articles": 295, "sentences": 1000, "parsed": 250}, elapsed=75, parse_seconds=50)
    assert line == "295 articles read · 250/1,000 sentences parsed (25%) · 5 sentences/s · ETA 2:30 · elapsed 1:15"
    assert format_status({"articles": 3, "sentences": 0, "parsed": 0}, 2, None) == "3 articles read · elapsed 0:02"


def test_ticks_from_a_pipeline_are_summed(tmp_path):
    with TestPipeline() as pipeline:
        numbers = pipeline | beam.Create(range(7))
        track(str(tmp_path), articles=numbers, parsed=numbers | beam.Filter(lambda n: n % 2 == 0))
    (tmp_path / "sentences-1-2.tmp").write_text("99")  # half-written files are ignored
    assert read_counts(str(tmp_path)) == {"articles": 7, "sentences": 0, "parsed": 4}


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_shown_or_added_when_not_a_terminal():
    stream = io.StringIO()
    with ProgressDisplay(stream) as progress:
        assert progress.folder is None  # so build_pipeline adds no progress steps
    assert stream.getvalue() == ""


def test_a_terminal_gets_one_redrawn_line(tmp_path):
    stream = FakeTerminal()
    with ProgressDisplay(stream, interval=0.05) as progress:
        assert progress.folder
        with open(f"{progress.folder}/articles-1-1", "w") as handle:
            handle.write("12")
        time.sleep(0.3)
    out = stream.getvalue()
    assert "\r\033[K12 articles read" in out and "\n" not in out
    assert out.endswith("\r\033[K")
