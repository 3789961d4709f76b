"""Progress of a long batch run on an interactive terminal: articles read, sentences parsed, rate and ETA.

Beam's DirectRunner reports metrics only once the pipeline has finished, so progress travels through
a side channel instead: small ``Tick`` steps, added only for interactive runs, count the elements
passing three points of the pipeline and write their running count to a file of a local folder (one
file per DoFn instance, so worker processes of ``--direct_running_mode=multi_processing`` work too).
``ProgressDisplay``, polled from a thread of ``newsevents run``, sums them and redraws one status line.
Nothing is added to the pipeline and nothing is printed when stderr is not a terminal, so logs and CI
output stay clean.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TextIO

import apache_beam as beam

STAGES = ("articles", "sentences", "parsed")


class Tick(beam.DoFn):
    """Counts elements (or what ``size`` says each holds) and writes the running count to
    ``<folder>/<stage>-<pid>-<instance>``."""

    def __init__(self, folder: str, stage: str, size: Callable[[Any], int] | None = None) -> None:
        self._folder = folder
        self._stage = stage
        self._size = size

    def setup(self) -> None:
        self._count = 0
        self._written = 0.0
        self._path = os.path.join(self._folder, f"{self._stage}-{os.getpid()}-{id(self)}")

    def process(self, element: Any) -> Iterable[Any]:
        self._count += self._size(element) if self._size is not None else 1
        now = time.monotonic()
        if now - self._written > 0.5:  # at most two small writes a second per instance
            self._write(now)
        # A side branch that emits nothing. Said as an empty iterable, not "-> None": Beam 2.78 checks that
        # process's return hint is iterable and rejects the pipeline otherwise.
        return ()

    def finish_bundle(self) -> None:
        self._write(time.monotonic())

    def _write(self, now: float) -> None:
        self._written = now
        try:
            temp = f"{self._path}.tmp"
            with open(temp, "w", encoding="ascii") as handle:
                handle.write(str(self._count))
            os.replace(temp, self._path)  # the reader never sees a half-written number
        except OSError:
            pass  # progress is best effort: a worker on another machine has no such folder


def track(folder: str, **collections: beam.PCollection | tuple[beam.PCollection, Callable[[Any], int]]) -> None:
    """Side branches that count the elements of each named PCollection (names from ``STAGES``); given as
    (PCollection, size), each element counts as ``size(element)`` (e.g. an article as its sentences)."""
    for stage, tracked in collections.items():
        pcoll, size = tracked if isinstance(tracked, tuple) else (tracked, None)
        _ = pcoll | f"Progress{stage.capitalize()}" >> beam.ParDo(Tick(folder, stage, size))


def read_counts(folder: str) -> dict[str, int]:
    counts = dict.fromkeys(STAGES, 0)
    try:
        names = os.listdir(folder)
    except OSError:
        return counts
    for name in names:
        stage = name.split("-", 1)[0]
        if stage not in counts or name.endswith(".tmp"):
            continue
        try:
            with open(os.path.join(folder, name), encoding="ascii") as handle:
                counts[stage] += int(handle.read() or 0)
        except (OSError, ValueError):
            continue
    return counts


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_status(counts: dict[str, int], elapsed: float, parse_seconds: float | None) -> str:
    """One status line. ``parse_seconds`` is the time since the first sentence was parsed (for rate and ETA).

    The ETA assumes all sentences have been split when parsing starts, which holds on the DirectRunner
    (articles are reshuffled before parsing, so splitting finishes first).
    """
    articles, sentences, parsed = counts["articles"], counts["sentences"], counts["parsed"]
    parts = [f"{articles:,} articles read"]
    if sentences:
        share = f" ({parsed / sentences:.0%})" if parsed else ""
        parts.append(f"{parsed:,}/{sentences:,} sentences parsed{share}")
    if parsed and parse_seconds and parse_seconds > 0:
        rate = parsed / parse_seconds
        parts.append(f"{rate:,.0f} sentences/s")
        if sentences > parsed:
            parts.append(f"ETA {_clock((sentences - parsed) / rate)}")
    parts.append(f"elapsed {_clock(elapsed)}")
    return " · ".join(parts)


class ProgressDisplay:
    """Context manager: a status line on ``stream`` while a run is going, if ``stream`` is a terminal.

    ``folder`` is the tick folder to give to :func:`track`, or None when progress is off.
    """

    def __init__(self, stream: TextIO | None = None, enabled: bool = True, interval: float = 0.5) -> None:
        self._stream = stream or sys.stderr
        self._enabled = enabled and _is_terminal(self._stream)
        self._interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.folder: str | None = None

    def __enter__(self) -> ProgressDisplay:
        if self._enabled:
            self.folder = tempfile.mkdtemp(prefix="newsevents-progress-")
            self._thread = threading.Thread(target=self._loop, name="newsevents-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join(timeout=2)
            self._stream.write("\r\033[K")  # leave the terminal as it was: the summary follows
            self._stream.flush()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _loop(self) -> None:
        started = time.monotonic()
        parse_started: float | None = None
        while not self._stop.wait(self._interval):
            counts = read_counts(self.folder or "")
            now = time.monotonic()
            if counts["parsed"] and parse_started is None:
                parse_started = now - self._interval  # the first ticks happened during the last interval
            line = format_status(counts, now - started, now - parse_started if parse_started else None)
            width = shutil.get_terminal_size((100, 20)).columns
            self._stream.write("\r\033[K" + line[: width - 1])
            self._stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
