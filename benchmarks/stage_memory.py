"""Peak RSS per pipeline stage of one ``newsevents run`` on the multi-processing DirectRunner.

The FnApiRunner runs the stages of a batch pipeline one after another and logs, at debug level, a line
"Running bundle for stage ..." when each starts. This script runs the pipeline in a child process with that
one logger written, timestamped, to a file, samples the RSS of the child's process tree meanwhile
(``benchmarks.throughput.TreeSampler``), and attributes every sample to the stage that was running, so that
memory that grows with the batch can be traced to the step that holds it. It prints the stages by their
largest worker RSS and writes everything as JSON (``benchmarks/results/stage-memory-<time>-<commit>.json``).

    .venv/bin/python benchmarks/stage_memory.py --articles 3000          # ~5 min on 2 cores
    .venv/bin/python benchmarks/stage_memory.py --articles 10000 --no-cascade
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.throughput import SHARED, TreeSampler, git_commit, replicate  # noqa: E402

BUNDLE_LOGGER = "apache_beam.runners.portability.fn_api_runner.fn_runner.run_bundle"
STAGE_LINE = "Running bundle for stage "


def log_bundles_to(log_path: str | Path) -> None:
    """Write the runner's per-bundle line, timestamped, to ``log_path`` (read back by :func:`stage_starts`).

    The logger gets its own level and handler because the CLI sets ``apache_beam`` to WARNING."""
    handler = logging.FileHandler(log_path)
    handler.setFormatter(logging.Formatter("%(created).3f %(message)s"))
    logger = logging.getLogger(BUNDLE_LOGGER)
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    logger.propagate = False


def run_child(log_path: str, argv: list[str]) -> None:
    """In the child: write the runner's per-bundle line to ``log_path``, then run the CLI with ``argv``."""
    log_bundles_to(log_path)
    from pipeline.cli import main

    main(argv)


def stage_starts(log_path: Path, started: float) -> list[tuple[float, str]]:
    """(seconds since ``started``, stage name) for each stage the runner started, in order."""
    starts = []
    for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines():
        stamp, _, message = line.partition(" ")
        if message.startswith(STAGE_LINE):
            starts.append((float(stamp) - started, message[len(STAGE_LINE) :].strip()))
    return starts


def peaks_by_stage(
    starts: list[tuple[float, str]], series: list[tuple[float, float, float, list[float]]]
) -> list[dict[str, object]]:
    """Each stage with its start, duration and the peak driver and worker RSS (MB) sampled while it ran."""
    rows = []
    for index, (start, name) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else float("inf")
        samples = [sample for sample in series if start <= sample[0] < end]
        if not samples:
            continue
        rows.append(
            {
                "stage": name,
                "start_s": round(start, 1),
                "seconds": round(end - start, 1) if end != float("inf") else None,
                "driver_peak_mb": max(sample[1] for sample in samples),
                "worker_peak_mb": max(sample[2] for sample in samples),
                "worker_median_mb": sorted(sample[2] for sample in samples)[len(samples) // 2],
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child-log"]:  # the child: everything after the log path is the CLI's
        run_child(argv[1], argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cascade", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    with tempfile.TemporaryDirectory(prefix="newsevents-stages-") as temp:
        folder = Path(temp)
        path, words = replicate(args.corpus, args.articles, folder)
        log_path = folder / "bundles.log"
        command = [sys.executable, str(Path(__file__).resolve()), "--child-log", str(log_path), "run", str(path)]
        command += ["--output", str(folder / "out"), "--quiet", "--ingest-date=2026-01-01", "--runner=DirectRunner"]
        command += [f"--direct_num_workers={args.workers}", "--direct_running_mode=multi_processing"]
        command += ["--cascade" if args.cascade else "--no-cascade"]
        started = time.time()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        sampler = TreeSampler(process.pid)
        sampler.start()
        _, stderr = process.communicate()
        sampler.stop()
        seconds = time.time() - started
        if process.returncode != 0:
            print(stderr[-3000:], file=sys.stderr)
            return process.returncode
        stages = peaks_by_stage(stage_starts(log_path, started), sampler.series)
    result = {
        "started": stamp,
        "commit": git_commit() or "unknown",
        "articles": args.articles,
        "words": words,
        "workers": args.workers,
        "cascade": args.cascade,
        "seconds": round(seconds, 1),
        "peak_mb": {
            "driver": max((s[1] for s in sampler.series), default=0.0),
            "worker": max((s[2] for s in sampler.series), default=0.0),
        },
        "stages": stages,
        "rss_series": sampler.series,
    }
    print(
        f"{args.articles} articles, {seconds:.0f} s; peak driver {result['peak_mb']['driver']} MB, "
        f"worker {result['peak_mb']['worker']} MB"
    )
    print(f"{'worker peak':>11} {'median':>7} {'driver':>7} {'seconds':>8}  stage")
    for row in sorted(stages, key=lambda r: -float(r["worker_peak_mb"]))[:12]:
        print(
            f"{row['worker_peak_mb']:>11} {row['worker_median_mb']:>7} {row['driver_peak_mb']:>7} "
            f"{row['seconds'] if row['seconds'] is not None else '-':>8}  {str(row['stage'])[:90]}"
        )
    out = args.json or ROOT / "benchmarks" / "results" / f"stage-memory-{stamp}-{result['commit']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(f"figures written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
