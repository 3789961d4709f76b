"""Whole runs on hostile input: accounting, re-runs, failing filesystems and SIGKILL at random moments."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import apache_beam.io.filesystems as beam_filesystems
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from hostile.corpus import ANY_ACCEPTED, CASES, write_corpus

from pipeline.cli import dispatch

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
FIXED = ["--runner=DirectRunner", "--quiet", "--log-format", "json", "--ingest-date", "2026-01-01"]
PART = re.compile(r"^part-[A-Za-z0-9_.-]+-\d{5}-of-\d{5}\.parquet$")


def run(inputs: list[str], output: Path, *extra: str) -> int:
    return dispatch(["run", *inputs, "--output", str(output), *FIXED, *extra])


def manifest(output: Path, run_id: str) -> dict:
    return json.loads((output / "_runs" / f"{run_id}.json").read_text())


def tables(output: Path) -> list[str]:
    return sorted(p.name for p in output.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def rows(output: Path) -> dict[str, list[str]]:
    """Every row of every table, as sorted JSON strings: equal dicts mean the same dataset."""
    found = {}
    for table in tables(output):
        files = sorted(str(p) for p in (output / table).rglob("*.parquet"))
        if not files:
            found[table] = []
            continue
        data = ds.dataset(files, format="parquet", partitioning="hive", partition_base_dir=str(output / table))
        found[table] = sorted(json.dumps(r, sort_keys=True, default=str) for r in data.to_table().to_pylist())
    return found


def assert_every_visible_file_is_whole(output: Path) -> int:
    count = 0
    for table in tables(output):
        for path in (output / table).rglob("*"):
            if path.is_file():
                assert PART.match(path.name), f"stray file in a table: {path}"
                pq.read_metadata(path)  # raises on a partial or corrupt file
                count += 1
    return count


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    write_corpus(folder)
    output = tmp_path_factory.mktemp("out")
    assert (
        run([str(folder), str(folder / "data.xml"), str(folder / "absent" / "*.jsonl")], output, "--run-id", "h1") == 0
    )
    return folder, output


def test_hostile_corpus_every_record_lands_with_its_reason(hostile):
    folder, output = hostile
    rejected = ds.dataset(output / "rejected", format="parquet").to_table().to_pylist()
    articles = ds.dataset(output / "articles", format="parquet", partitioning="hive").to_table().to_pylist()
    accepted_files = [Path(a["source_file"]).name for a in articles]
    for case in CASES:
        mine = sorted(
            ((r["source_line"] or 0), r["error_type"])
            for r in rejected
            if Path(r["source_file"]).name == case.name and r["stage"] == "ReadArticles"
        )
        found = sorted([*(t for _, t in mine), *["accepted"] * accepted_files.count(case.name)])
        expected = [e for e in case.expected if e != ANY_ACCEPTED]
        if case.expected[0] == ANY_ACCEPTED:
            found = [f for f in found if f != "accepted"]
        assert found == sorted(expected), (case.kind, found)
    assert any(r["error_type"] == "input_not_found" for r in rejected)
    assert any(r["error_type"] == "sentence_too_long" and r["article_id"] == "long" for r in rejected)
    for row in rejected:
        assert row["reason"] and row["stage"] and row["error_type"]


def test_hostile_corpus_accounting(hostile):
    _, output = hostile
    books = manifest(output, "h1")["accounting"]
    assert books["balanced"]
    assert books["records_read"] == books["articles_accepted"] + books["articles_rejected"]
    articles = ds.dataset(output / "articles", format="parquet", partitioning="hive").to_table()
    ids = articles.column("article_id").to_pylist()
    assert len(ids) == len(set(ids)) == books["articles_accepted"]
    assert books["rows_written"] == books["rows_expected"]


def test_wikinews_corpus_accounting(shared_dir, tmp_path):
    """Real input at scale: all 295 Wikinews articles accepted, each in articles/ once, the books balanced."""
    corpus = shared_dir / "corpus"
    output = tmp_path / "out"
    assert run([str(corpus)], output, "--run-id", "w1") == 0
    books = manifest(output, "w1")["accounting"]
    assert books["balanced"] and books["rows_written"] == books["rows_expected"]
    assert books["records_read"] == books["articles_accepted"] + books["articles_rejected"]
    # Two CSV files: 171 + 124 articles (../shared/README.md), every one of them usable English news.
    assert (books["records_read"], books["articles_accepted"], books["articles_rejected"]) == (295, 295, 0)
    articles = ds.dataset(output / "articles", format="parquet", partitioning="hive").to_table()
    ids = articles.column("article_id").to_pylist()
    assert len(ids) == len(set(ids)) == 295
    urls = articles.column("url").to_pylist()
    assert len(set(urls)) == 295, "each input row is its own article"
    events = ds.dataset(output / "events", format="parquet", partitioning="hive").to_table(columns=["article_id"])
    assert set(events.column("article_id").to_pylist()) <= set(ids), "an event of an article that is not in articles/"
    assert sum(articles.column("event_count").to_pylist()) == events.num_rows


def test_same_input_twice_is_one_run_and_other_input_adds(hostile, tmp_path, seeds_dir):
    folder, first = hostile
    output = tmp_path / "out"
    shutil.copytree(first, output)
    once = rows(output)
    inputs = [str(folder), str(folder / "data.xml"), str(folder / "absent" / "*.jsonl")]
    assert run(inputs, output, "--run-id", "h2") == 0
    assert rows(output) == once, "a re-run changed the dataset"
    assert manifest(output, "h2")["batch_id"] == manifest(output, "h1")["batch_id"]
    assert run([str(seeds_dir)], output, "--run-id", "s1") == 0
    added = rows(output)
    for table, before in once.items():
        assert set(before) <= set(added[table]), f"the second input touched {table}"
    assert len(added["articles"]) == len(once["articles"]) + 2
    assert run(inputs, output, "--run-id", "h3") == 0
    assert rows(output) == added
    assert run([str(seeds_dir)], output, "--run-id", "s2") == 0
    assert rows(output) == added


def test_too_many_rejected_fails_the_run_and_writes_nothing(hostile, tmp_path, capsys):
    folder, _ = hostile
    output = tmp_path / "out"
    assert run([str(folder)], output, "--run-id", "f1", "--max-rejected-fraction", "0.2") == 3
    assert "over --max-rejected-fraction" in capsys.readouterr().err
    assert rows(output) == {table: [] for table in tables(output)}
    assert manifest(output, "f1")["committed"] is False
    assert run([str(folder)], output, "--run-id", "f2", "--max-rejected-fraction", "0.95") == 0


def test_unreadable_input_is_rejected_and_alone_fails_the_run(tmp_path, seeds_dir, monkeypatch, capsys):
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    (folder / "locked.jsonl").write_text('{"text": "x"}\n')
    real_open = beam_filesystems.FileSystems.open

    def guarded_open(path: str, *args, **kwargs):
        if path.endswith("locked.jsonl"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(beam_filesystems.FileSystems, "open", staticmethod(guarded_open))
    output = tmp_path / "out"
    assert run([str(folder)], output, "--run-id", "u1") == 0
    rejected = ds.dataset(output / "rejected", format="parquet").to_table().to_pylist()
    (locked,) = [r for r in rejected if r["source_file"].endswith("locked.jsonl")]
    assert locked["error_type"] == "read_error" and "Permission denied" in locked["reason"]
    assert run([str(folder / "locked.jsonl")], tmp_path / "out2") == 2
    assert "no input file could be read" in capsys.readouterr().err


def test_commit_failure_exits_non_zero_and_the_next_run_completes(tmp_path, seeds_dir, monkeypatch, capsys):
    output = tmp_path / "out"
    real_rename = beam_filesystems.FileSystems.rename
    calls = []

    def failing_rename(sources, destinations):
        if "_staging" in sources[0] and "/_beam/" not in sources[0] and not destinations[0].endswith(".json"):
            calls.append(sources)
            if len(calls) == 3:
                raise OSError(28, "No space left on device")
        return real_rename(sources, destinations)

    monkeypatch.setattr(beam_filesystems.FileSystems, "rename", staticmethod(failing_rename))
    assert run([str(seeds_dir)], output, "--run-id", "c1") == 1
    assert "No space left on device" in capsys.readouterr().err
    assert_every_visible_file_is_whole(output)
    monkeypatch.undo()
    reference = tmp_path / "ref"
    assert run([str(seeds_dir)], reference, "--run-id", "c0") == 0
    assert run([str(seeds_dir)], output, "--run-id", "c2") == 0
    assert manifest(output, "c2")["recovered"]["commits_finished"] == ["c1"]
    assert rows(output) == rows(reference)


def test_read_only_output_is_a_clear_error(tmp_path, seeds_dir, capsys):
    output = tmp_path / "out"
    output.mkdir()
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(output)], capture_output=True).returncode != 0:
            pytest.skip("running as root without chattr: cannot make a read-only folder")
    else:
        output.chmod(0o555)
    try:
        assert run([str(seeds_dir)], output) == 2
        assert "not writable" in capsys.readouterr().err
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(output)], check=True)
        output.chmod(0o755)


def test_full_disk_is_a_clear_error_and_leaves_nothing_behind(tmp_path, seeds_dir, capsys):
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", str(mount)]).returncode:
        pytest.skip("cannot mount a tiny tmpfs here (needs root): full disk not simulated")
    try:
        code = run([str(seeds_dir)], mount / "out")
        err = capsys.readouterr().err
        assert code in (1, 2) and "No space left on device" in err
        assert not list((mount / "out").glob("events/**/*.parquet"))
        assert not any((mount / "out" / "_staging").iterdir())
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)  # lazy: Beam may still hold a handle


def test_sigkill_at_random_moments_never_shows_a_partial_file(tmp_path, seeds_dir):
    """Batch A is committed; batch B is killed six times at random moments, then run to completion."""
    batch_a = seeds_dir / "articles.jsonl"
    batch_b = tmp_path / "b.jsonl"
    lines = [json.loads(line) for line in batch_a.read_text().splitlines() if line.strip()]
    batch_b.write_text(
        "\n".join(json.dumps({**r, "id": "copy-" + r["id"], "published": "2022-05-01"}) for r in lines) + "\n"
    )
    command = [str(ROOT / ".venv" / "bin" / "newsevents"), "run", "--output"]

    def start(inputs: Path, output: Path) -> subprocess.Popen:
        return subprocess.Popen(
            [*command, str(output), str(inputs), *FIXED],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )

    reference = tmp_path / "ref"
    clock = time.perf_counter()
    assert start(batch_a, reference).wait() == 0
    full_run = time.perf_counter() - clock
    assert start(batch_b, reference).wait() == 0
    output = tmp_path / "out"
    assert start(batch_a, output).wait() == 0
    only_a = rows(output)

    rng = random.Random(20260101)
    phases = {"before any file was written": 0, "while writing staged files": 0, "during commit": 0, "after": 0}
    for attempt in range(8):
        process = start(batch_b, output)
        if attempt < 6:
            # Files are written in the last second or so of a run: most kills aim at that window.
            low = 0.3 if attempt < 2 else full_run * 0.75
            time.sleep(rng.uniform(low, full_run * 1.1))
        else:
            # The last two wait for the first staged file, then kill within 0.3 s: inside the write/commit window.
            deadline = time.monotonic() + full_run * 3
            while time.monotonic() < deadline and process.poll() is None:
                if any(p.is_file() for p in (output / "_staging").rglob("*")):
                    break
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.3))
        process.send_signal(signal.SIGKILL)
        code = process.wait()
        staging = output / "_staging"
        leftovers = [p for p in staging.iterdir() if p.is_dir()] if staging.exists() else []
        if code == 0:
            phases["after"] += 1
        elif any((p / "commit.json").exists() for p in leftovers):
            phases["during commit"] += 1
        elif leftovers:
            phases["while writing staged files"] += 1
        else:
            phases["before any file was written"] += 1
        assert_every_visible_file_is_whole(output)
        now = rows(output)
        for table, before in only_a.items():
            assert set(before) <= set(now[table]), "a killed run of batch B touched batch A"
    assert start(batch_b, output).wait() == 0
    assert rows(output) == rows(reference)
    assert not any((output / "_staging").iterdir())
    print(f"kills survived by phase: {phases}", file=sys.stderr)
