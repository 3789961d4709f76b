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
    """Every input record ends up accepted or rejected, and every row handed to a writer is in a file.

    ``records_read = articles_accepted + articles_rejected``, where the rejected are those rejected
    while reading (bad files, lines, fields, languages) plus duplicate copies. ``rows_expected`` are
    the rows handed to each table's writer (counter ``rows_<table>``), ``rows_written`` the rows
    found in the finished files; the ``articles`` table must hold exactly the accepted articles.
    """

    records_read: int
    articles_accepted: int
    rejected_reading: int
    duplicates: int
    rows_expected: dict[str, int] = field(default_factory=dict)
    rows_written: dict[str, int] | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def articles_rejected(self) -> int:
        return self.rejected_reading + self.duplicates

    @property
    def rejected_fraction(self) -> float:
        return self.articles_rejected / self.records_read if self.records_read else 0.0

    @property
    def reading_balanced(self) -> bool:
        return self.records_read == self.articles_accepted + self.articles_rejected

    @property
    def files_complete(self) -> bool:
        """The files hold every row handed to the writers, and the articles table every accepted article."""
        if self.rows_written is None:
            return True
        tables = set(self.rows_expected) | set(self.rows_written)
        same = all(self.rows_expected.get(t, 0) == self.rows_written.get(t, 0) for t in tables)
        return same and self.rows_written.get("articles", 0) == self.articles_accepted

    @property
    def balanced(self) -> bool:
        return self.reading_balanced and self.files_complete

    def as_dict(self) -> dict[str, Any]:
        return {
            "records_read": self.records_read,
            "articles_accepted": self.articles_accepted,
            "articles_rejected": self.articles_rejected,
            "rejected_while_reading": self.rejected_reading,
            "duplicates_rejected": self.duplicates,
            "rejected_fraction": round(self.rejected_fraction, 6),
            "rows_expected": self.rows_expected,
            "rows_written": self.rows_written,
            "balanced": self.balanced,
        }


def accounting(totals: dict[str, int], rows_written: dict[str, int] | None = None) -> Accounting:
    return Accounting(
        records_read=totals.get("articles_read", 0),
        articles_accepted=totals.get("articles_accepted", 0),
        rejected_reading=totals.get("records_rejected_reading", 0),
        duplicates=totals.get("articles_duplicate", 0),
        rows_expected={k.removeprefix("rows_"): v for k, v in totals.items() if k.startswith("rows_")},
        rows_written=rows_written,
    )


def write_manifest(output: str, run_id: str, manifest: dict[str, Any]) -> str:
    folder = FileSystems.join(output, "_runs")
    if not FileSystems.exists(folder):
        FileSystems.mkdirs(folder)
    path = FileSystems.join(folder, f"{run_id}.json")
    with FileSystems.create(path) as handle:
        handle.write(json.dumps(manifest, indent=2, default=str).encode("utf-8"))
    return path
