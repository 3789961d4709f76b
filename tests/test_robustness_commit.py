"""The commit protocol without a pipeline: batch ids, journalled renames, crashes mid-commit, recovery, the lock."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.commit import (
    OutputBusy,
    apply_journal,
    batch_id,
    batch_rows,
    collect_staged,
    fingerprint,
    output_lock,
    recover,
    staging_folder,
    write_journal,
)


def write_parquet(path: Path, rows: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table({"n": list(range(rows))}), path)


def stage(output: Path, run_id: str, batch: str, partitions: dict[str, int]) -> None:
    """What the pipeline leaves in staging: one file per events partition and one rejected file."""
    root = Path(staging_folder(str(output), run_id))
    for partition, rows in partitions.items():
        write_parquet(root / "events" / f"event_date={partition}" / f"part-{batch}-00000-of-00001.parquet", rows)
    write_parquet(root / "rejected" / f"part-{batch}-00000-of-00001.parquet", 1)
    (root / "_beam" / "events").mkdir(parents=True)


def commit(output: Path, run_id: str, batch: str, rename=None) -> None:
    staged = collect_staged(str(output), run_id)
    journal = write_journal(str(output), run_id, batch, staged, {"run_id": run_id, "batch_id": batch})
    apply_journal(str(output), journal, rename)


def visible(output: Path) -> dict[str, int]:
    return {
        str(p.relative_to(output)): pq.read_metadata(p).num_rows
        for p in sorted(output.rglob("*.parquet"))
        if not str(p.relative_to(output)).startswith("_")
    }


def test_batch_id_follows_content_not_time(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "x"}\n')
    first = batch_id([fingerprint(str(path))])
    os.utime(path, (1, 1))
    assert batch_id([fingerprint(str(path))]) == first
    path.write_text('{"text": "y"}\n')
    assert batch_id([fingerprint(str(path))]) != first
    assert batch_id([fingerprint(str(path))], ["missing/*.jsonl"]) != batch_id([fingerprint(str(path))])


def test_unreadable_file_is_fingerprinted_with_its_error(tmp_path):
    item = fingerprint(str(tmp_path / "gone.jsonl"))
    assert item.error and item.sha256 is None


def test_rerun_replaces_and_removes_stale_partitions_of_its_batch_only(tmp_path):
    stage(tmp_path, "run1", "bA", {"2022-01-01": 3, "2022-01-02": 2})
    commit(tmp_path, "run1", "bA")
    stage(tmp_path, "run2", "bB", {"2022-01-01": 5})
    commit(tmp_path, "run2", "bB")
    # The same batch again, now without 2022-01-02 (e.g. a different ingest date): that file must go.
    stage(tmp_path, "run3", "bA", {"2022-01-01": 3})
    commit(tmp_path, "run3", "bA")
    assert visible(tmp_path) == {
        "events/event_date=2022-01-01/part-bA-00000-of-00001.parquet": 3,
        "events/event_date=2022-01-01/part-bB-00000-of-00001.parquet": 5,
        "rejected/part-bA-00000-of-00001.parquet": 1,
        "rejected/part-bB-00000-of-00001.parquet": 1,
    }
    assert not (tmp_path / "events" / "event_date=2022-01-02").exists()
    assert batch_rows(str(tmp_path), "bA") == {"events": 3, "rejected": 1}
    assert not any((tmp_path / "_staging").iterdir())
    assert json.loads((tmp_path / "_runs" / "run3.json").read_text())["stale_files_removed"]


@pytest.mark.parametrize("crash_after", [0, 1, 2])
def test_a_crash_in_the_middle_of_a_commit_is_finished_by_the_next_run(tmp_path, crash_after):
    stage(tmp_path, "run1", "bA", {"2022-01-01": 3, "2022-01-02": 2})
    commit(tmp_path, "run1", "bA")
    expected = visible(tmp_path)
    stage(tmp_path, "run2", "bA", {"2022-01-01": 3, "2022-01-02": 2})
    calls = []

    def crashing_rename(sources: list[str], destinations: list[str]) -> None:
        if len(calls) == crash_after:
            raise KeyboardInterrupt("killed")  # stands for SIGKILL: nothing after this point runs
        calls.append(sources)
        os.rename(sources[0], destinations[0])

    with pytest.raises(KeyboardInterrupt):
        commit(tmp_path, "run2", "bA", crashing_rename)
    for path in visible(tmp_path):  # every visible file is whole at every moment
        pq.read_metadata(tmp_path / path)
    recovery = recover(str(tmp_path))
    assert recovery.rolled_forward == ["run2"]
    assert visible(tmp_path) == expected
    assert (tmp_path / "_runs" / "run2.json").exists()


def test_staging_without_a_journal_is_discarded(tmp_path):
    stage(tmp_path, "killed", "bA", {"2022-01-01": 3})
    recovery = recover(str(tmp_path))
    assert recovery.discarded == ["killed"] and visible(tmp_path) == {}
    assert not (tmp_path / "_staging" / "killed").exists()


def test_one_writer_per_output(tmp_path):
    first = output_lock(str(tmp_path))
    second = output_lock(str(tmp_path))
    with first, pytest.raises(OutputBusy, match="another newsevents run"), second:
        pass
    with output_lock(str(tmp_path)):  # released when the first run ends
        pass
