"""Worker memory of the article path alone (no parsing), stage by stage, on the multi-processing DirectRunner.

At the end of a 10,000-article batch the workers peaked over 600 MB while the articles table was written: the
article texts travel from the reader to that table through three shuffles (``ReadArticles``' ``GroupById``,
``SummariseArticles``' join and the writer's own grouping). This script runs just that path on the replicated
Wikinews corpus, ``ReadArticles → SummariseArticles → MarkDuplicateGroups → WriteParquet(articles)`` with no
sentences and no events, in a few seconds instead of ten minutes, and prints the largest worker RSS during each
stage, so that what a stage keeps can be seen without the parser's own memory on top.

    .venv/bin/python benchmarks/tail_memory.py --articles 10000

To measure another commit, run its copy of this script with ``PYTHONPATH`` set to its checkout: the workers are
new processes, and without it they import the installed (editable) project instead.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import apache_beam as beam  # noqa: E402
from apache_beam.options.pipeline_options import PipelineOptions  # noqa: E402

from benchmarks.stage_memory import log_bundles_to, peaks_by_stage, stage_starts  # noqa: E402
from benchmarks.throughput import SHARED, TreeSampler, git_commit, replicate  # noqa: E402
from ingest.formats import ReadSettings  # noqa: E402
from nlp.memory import keep_releasing_free_memory, limit_malloc_arenas  # noqa: E402
from pipeline.runners import batch_runner  # noqa: E402
from pipeline.version import pipeline_version  # noqa: E402
from schemas.arrow import output_tables  # noqa: E402
from transforms.extract_events import SummariseArticles  # noqa: E402
from transforms.near_duplicates import MarkDuplicateGroups  # noqa: E402
from transforms.read_articles import ReadArticles  # noqa: E402
from transforms.write_parquet import WriteParquet  # noqa: E402


def run_article_path(source: Path, folder: Path, workers: int) -> None:
    options = PipelineOptions([f"--direct_num_workers={workers}", "--direct_running_mode=multi_processing"])
    version = pipeline_version()
    settings = ReadSettings(version)
    with beam.Pipeline(runner=batch_runner(options), options=options) as pipeline:
        read = pipeline | "ReadArticles" >> ReadArticles([str(source)], settings)
        nothing = {name: pipeline | f"No{name.capitalize()}" >> beam.Create([]) for name in ("annotated", "events")}
        rows = {"articles": read["articles"], **nothing} | "SummariseArticles" >> SummariseArticles(
            date.today(), version
        )
        groups = pipeline | "NoGroups" >> beam.Create([])
        rows = {"rows": rows, "groups": groups} | "MarkDuplicateGroups" >> MarkDuplicateGroups()
        _ = rows | "WriteArticles" >> WriteParquet(
            str(folder / "out" / "articles"), output_tables(version)["articles"], "bench", str(folder / "tmp")
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    # As `newsevents run` does before the runner starts its workers.
    limit_malloc_arenas()
    keep_releasing_free_memory()
    folder = Path(tempfile.mkdtemp(prefix="newsevents-tail-"))
    source, words = replicate(args.corpus, args.articles, folder)
    log_path = folder / "stages.log"
    log_bundles_to(log_path)

    sampler = TreeSampler(os.getpid())
    started, clock = time.time(), time.perf_counter()
    sampler.start()
    run_article_path(source, folder, args.workers)
    sampler.stop()
    seconds = time.perf_counter() - clock

    # Stages during which no worker was sampled (the driver's own) are left out.
    stages = [s for s in peaks_by_stage(stage_starts(log_path, started), sampler.series) if s["worker_peak_mb"]]
    roles = sampler.by_role()
    peak = {role: max(float(p["peak_rss_mb"]) for p in procs) for role, procs in roles.items()}
    print(f"{args.articles} articles ({words:,} words), {args.workers} workers, {seconds:.1f} s")
    print(f"peak RSS MB: driver {peak.get('driver', 0):.1f}, worker {peak.get('worker', 0):.1f}")
    for stage in stages:
        print(f"{stage['start_s']:7.1f} s  {stage['worker_peak_mb']:7.1f} MB  {stage['stage'][-100:]}")

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = args.json or ROOT / "benchmarks" / "results" / f"tail-memory-{stamp}-{git_commit()}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    figures = {"started": stamp, "commit": git_commit(), "articles": args.articles, "words": words}
    figures |= {"workers": args.workers, "seconds": round(seconds, 1), "peak_mb": peak, "stages": stages}
    out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(f"figures written to {out}")


if __name__ == "__main__":
    main()
