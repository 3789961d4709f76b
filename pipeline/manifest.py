"""The run manifest ``OUT/_runs/<run-id>.json`` and the end-of-run accounting."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from apache_beam.io.filesystems import FileSystems
from apache_beam.runners.runner import PipelineResult

NAMESPACE = "newsevents"
TABLES = ("events", "articles", "rejected", "event_clusters")


def counters(result: PipelineResult) -> dict[str, int]:
    """The pipeline's own counters (namespace ``newsevents``), summed over steps."""
    totals: dict[str, int] = {}
    try:
        query = result.metrics().query()
    except Exception:  # noqa: BLE001 - some runners do not report metrics
        return totals
    for counter in query.get("counters", []):
        if counter.key.metric.namespace != NAMESPACE:
            continue
        value = counter.committed if counter.committed is not None else counter.attempted
        totals[counter.key.metric.name] = totals.get(counter.key.metric.name, 0) + int(value or 0)
    return totals


def files_written(output: str, run_id: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for table in TABLES:
        pattern = FileSystems.join(output, table, "**", f"part-{run_id}-*.parquet")
        flat = FileSystems.join(output, table, f"part-{run_id}-*.parquet")
        paths: set[str] = set()
        for glob in (pattern, flat):
            try:
                paths.update(m.path for m in FileSystems.match([glob])[0].metadata_list)
            except Exception:  # noqa: BLE001 - nothing written for this table
                continue
        found[table] = sorted(paths)
    return found


@dataclass
class Accounting:
    """Every input record ends up accepted or rejected: this checks the sum."""

    records_read: int
    articles_accepted: int
    rejected_reading: int
    duplicates: int
    inputs_unmatched: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        return self.records_read == self.articles_accepted + self.rejected_reading + self.duplicates

    def as_dict(self) -> dict[str, Any]:
        return {
            "records_read": self.records_read,
            "articles_accepted": self.articles_accepted,
            "rejected_while_reading": self.rejected_reading,
            "duplicates_rejected": self.duplicates,
            "balanced": self.balanced,
        }


def accounting(totals: dict[str, int]) -> Accounting:
    return Accounting(
        records_read=totals.get("articles_read", 0),
        articles_accepted=totals.get("articles_accepted", 0),
        rejected_reading=totals.get("records_rejected_reading", 0),
        duplicates=totals.get("articles_duplicate", 0),
    )


def write_manifest(output: str, run_id: str, manifest: dict[str, Any]) -> str:
    folder = FileSystems.join(output, "_runs")
    if not FileSystems.exists(folder):
        FileSystems.mkdirs(folder)
    path = FileSystems.join(folder, f"{run_id}.json")
    with FileSystems.create(path) as handle:
        handle.write(json.dumps(manifest, indent=2, default=str).encode("utf-8"))
    return path
