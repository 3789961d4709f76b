"""Memory of a long ``newsevents stream`` run: RSS against articles committed, over ≥ 10,000 articles.

The stream runs one Beam pipeline per window in one process and loads the spaCy model again for each
window, so what matters over a long run is whether that process gives its memory back between windows.
This script starts the stream in a subprocess, feeds its inbox with the Wikinews corpus replicated to
``--articles`` (files of ``--per-file`` articles, renamed in atomically, never more than ``--backlog``
files waiting, so the stream runs at its own speed), samples the RSS of the stream's process tree, and
prints and writes (``benchmarks/results/stream-memory-<time>-<commit>.json``) the median RSS over each
tenth of the articles committed, the least-squares growth between 10 % and 90 % per 1,000 articles, and the
peak.

    .venv/bin/python benchmarks/stream_memory.py                       # 10,000 articles, ~20 min
    .venv/bin/python benchmarks/stream_memory.py --articles 2000       # a shorter look
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.overlap import wikinews_texts  # noqa: E402
from benchmarks.throughput import TreeSampler, git_commit, load  # noqa: E402
from ingest.inbox import Ledger  # noqa: E402

SHARED = ROOT.parent / "shared"


def write_inbox_file(inbox: Path, number: int, records: list[dict[str, object]]) -> str:
    """One inbox file, written under a hidden name and renamed in (what a well-behaved writer does)."""
    name = f"{number:06d}.jsonl"
    partial = inbox / f".{name}"
    partial.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    os.replace(partial, inbox / name)
    return name


def committed_names(output: Path) -> set[str]:
    return {key.split("|", 1)[0] for key in Ledger(output).read().inbox}


def _rows(table: Path) -> int:
    import pyarrow.parquet as pq

    return sum(pq.read_metadata(path).num_rows for path in table.rglob("*.parquet"))


def trend(series: list[tuple[float, int, float]], total: int) -> dict[str, object]:
    """RSS against articles committed. RSS rises while a window is coded and falls when it is committed, so
    single samples say little: the median of each tenth of the run, and the least-squares slope between 10 %
    and 90 % of the articles (MB per 1,000 articles) show whether memory grows with the run."""
    tenths: list[list[float]] = [[] for _ in range(10)]
    for _, committed, rss in series:
        tenths[min(9, committed * 10 // max(total, 1))].append(rss)
    middle = [(committed, rss) for _, committed, rss in series if 0.1 * total <= committed <= 0.9 * total]
    slope = None
    if len(middle) > 2:
        mean_x = statistics.fmean(x for x, _ in middle)
        mean_y = statistics.fmean(y for _, y in middle)
        spread = sum((x - mean_x) ** 2 for x, _ in middle)
        if spread:
            slope = sum((x - mean_x) * (y - mean_y) for x, y in middle) / spread * 1000
    return {
        "median_rss_mb_by_tenth": [round(statistics.median(t), 1) if t else None for t in tenths],
        "slope_mb_per_1000_articles_10_to_90pct": round(slope, 2) if slope is not None else None,
        "peak_rss_mb": max(rss for _, _, rss in series),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--per-file", type=int, default=25, help="articles per inbox file")
    parser.add_argument("--backlog", type=int, default=8, help="most files waiting in the inbox at once")
    parser.add_argument("--window", type=float, default=20.0)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2

    base = list(wikinews_texts(args.corpus))

    def record(i: int) -> dict[str, object]:
        # The stream drops an article whose text it has committed before: each copy gets a line of its own.
        text, published = base[i % len(base)]
        text = f"{text}\n\nCopy {i} of the Wikinews corpus."
        return {"id": f"stream-{i:06d}", "text": text, "published": published.isoformat() if published else None}

    files = [
        [record(i) for i in range(start, min(start + args.per_file, args.articles))]
        for start in range(0, args.articles, args.per_file)
    ]
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    commit = git_commit()
    with tempfile.TemporaryDirectory(prefix="newsevents-stream-memory-") as tmp:
        inbox, output = Path(tmp) / "inbox", Path(tmp) / "out"
        inbox.mkdir()
        command = [str(Path(sys.executable).parent / "newsevents"), "stream", "--inbox", str(inbox)]
        command += ["--output", str(output), "--window", str(args.window), "--poll", "0.5", "--quiet"]
        command += ["--log-format", "json", "--ingest-date=2026-01-01"]
        load_before = load()
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        sampler = TreeSampler(process.pid, interval=1.0)
        sampler.start()
        sizes: dict[str, int] = {}
        series: list[tuple[float, int, float]] = []  # (seconds, articles committed, RSS of the stream's tree)
        try:
            next_file, done = 0, set()
            while len(done) < len(files):
                if process.poll() is not None:
                    raise RuntimeError(f"the stream exited early with code {process.returncode}")
                done = committed_names(output) if (output / "_state").exists() else set()
                while next_file < len(files) and next_file - len(done) < args.backlog:
                    sizes[write_inbox_file(inbox, next_file, files[next_file])] = len(files[next_file])
                    next_file += 1
                committed = sum(sizes.get(name, 0) for name in done)
                latest = sampler.series[-1] if sampler.series else None
                if latest is not None:
                    rss = latest[1] + sum(latest[3])  # the stream process (driver) and any worker it started
                    series.append((round(time.perf_counter() - started, 1), committed, round(rss, 1)))
                time.sleep(1.0)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(120)
            sampler.stop()
        seconds = time.perf_counter() - started
        windows = len(Ledger(output).read().commits)
        rows = {table: _rows(output / table) for table in ("articles", "events", "rejected")}
    if rows["articles"] != args.articles:
        print(f"not every article was coded: {rows}", file=sys.stderr)
        return 1

    total = args.articles
    report = {
        "started": stamp,
        "commit": commit,
        "articles": total,
        "articles_per_file": args.per_file,
        "window_seconds": args.window,
        "windows_committed": windows,
        "rows_written": rows,
        "seconds": round(seconds, 1),
        "articles_per_s": round(total / seconds, 2),
        "stream_rss": trend(series, total),
        "load_before": load_before,
        "load_after": load(),
        "series": series[:: max(1, len(series) // 300)],
    }
    target = args.json or ROOT / "benchmarks" / "results" / f"stream-memory-{stamp}-{commit}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report, indent=1) + "\n")
    shown = {k: v for k, v in report.items() if k != "series"}
    print(json.dumps(shown, indent=1))
    print(f"figures written to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
