"""End-to-end: ``newsevents stream`` in a subprocess, files dropped over time, SIGKILL mid-stream, restart,
SIGTERM; every article's events are in the output exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from ingest.inbox import Ledger

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Russian forces attacked Kharkiv on Monday. Germany agreed to send weapons to Ukraine. Reference {n}."


def drop(inbox: Path, n: int) -> None:
    """Writes a file the way producers must: under a hidden name, then renamed into the inbox."""
    partial = inbox / f".{n:03d}.jsonl"
    lines = [{"id": f"art-{n}", "text": TEXT.format(n=n), "published": "2024-03-04"}]
    if n % 3 == 0:  # the same article again under another id: a duplicate by content
        lines.append({"id": f"copy-{n}", "text": TEXT.format(n=n)})
    partial.write_text("".join(json.dumps(line) + "\n" for line in lines))
    os.replace(partial, inbox / f"{n:03d}.jsonl")


def start(inbox: Path, output: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "pipeline", "stream", "--inbox", str(inbox), "--output", str(output)]
    command += ["--window", "1", "--poll", "0.2", "--log-format", "json", "--ingest-date", "2026-01-01", *extra]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def wait_for(condition, timeout: float) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_kill_restart_exactly_once(tmp_path: Path):
    inbox, output = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    total = 12
    first = start(inbox, output)
    second = None
    try:
        for n in range(6):
            drop(inbox, n)
            time.sleep(0.3)
        assert wait_for(lambda: len(Ledger(output).read().inbox) >= 2, 60), first.stderr.read1().decode()[-2000:]
        for n in range(6, 9):
            drop(inbox, n)
        time.sleep(0.5)
        first.send_signal(signal.SIGKILL)  # mid-stream: some files committed, others in flight or not read
        first.wait(10)
        committed_before = len(Ledger(output).read().inbox)
        assert committed_before < 9 or pytest.skip("everything was committed before the kill")

        second = start(inbox, output)
        for n in range(9, total):
            drop(inbox, n)
            time.sleep(0.2)
        assert wait_for(lambda: len(Ledger(output).read().inbox) == total, 60), second.stderr.read1().decode()[-2000:]
        second.send_signal(signal.SIGTERM)
        assert second.wait(30) == 0, second.stderr.read().decode()[-2000:]
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait(10)

    events = ds.dataset(output / "events", format="parquet", partitioning="hive").to_table().to_pylist()
    articles = ds.dataset(output / "articles", format="parquet", partitioning="hive").to_table().to_pylist()
    rejected = ds.dataset(output / "rejected", format="parquet").to_table().to_pylist()
    assert sorted(a["article_id"] for a in articles) == sorted(f"art-{n}" for n in range(total))
    per_article: dict[str, list[str]] = {}
    for event in events:
        per_article.setdefault(event["article_id"], []).append(event["event_id"])
    assert set(per_article) == {f"art-{n}" for n in range(total)}
    counts = {len(ids) for ids in per_article.values()}
    assert len(counts) == 1 and counts.pop() >= 2  # every article coded alike, none twice
    assert all(len(ids) == len(set(ids)) for ids in per_article.values())
    duplicates = sorted(r["article_id"] for r in rejected if r["error_type"] == "duplicate_article")
    assert duplicates == sorted(f"copy-{n}" for n in range(0, total, 3))
    assert not list((output / "_tmp" / "stream").glob("*")) if (output / "_tmp" / "stream").exists() else True
