"""Throughput benchmark: raw spaCy (R) against the whole pipeline on one worker (P1), two workers (P2) and in
cascade mode (P1c, P2c), in one run on the same replicated Wikinews corpus; prints and writes the figures as JSON.

    .venv/bin/python benchmarks/throughput.py                    # 600 articles: R, P1, P2, P1c, P2c + overlap
    .venv/bin/python benchmarks/throughput.py --modes R,P1c       # a subset
    .venv/bin/python benchmarks/throughput.py --memory 10000      # memory mode: RSS over a long P1c run

Figures are only comparable within one run (the machine is shared): compare the ratios, and the load
averages recorded with each mode. Peak RSS is sampled from /proc for the run's whole process tree, so the
worker processes of the multi-processing DirectRunner are measured too.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.overlap import measure, plover_texts, wikinews_texts  # noqa: E402

SHARED = ROOT.parent / "shared"
NEWSEVENTS = str(Path(sys.executable).parent / "newsevents")
PIPELINE_MODES = {
    "P1": ["--no-cascade"],
    "P2": ["--no-cascade", "--direct_num_workers=2", "--direct_running_mode=multi_processing"],
    "P1c": ["--cascade"],
    "P2c": ["--cascade", "--direct_num_workers=2", "--direct_running_mode=multi_processing"],
}


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def replicate(corpus: Path, articles: int, folder: Path) -> tuple[Path, int]:
    """The corpus articles repeated (with new ids) up to ``articles``, as JSONL; returns (path, words)."""
    base = list(wikinews_texts(corpus))
    path = folder / "articles.jsonl"
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(articles):
            text, published = base[i % len(base)]
            words += len(text.split())
            record = {"id": f"bench-{i:06d}", "text": text, "published": published.isoformat() if published else None}
            out.write(json.dumps(record) + "\n")
    return path, words


# --- RSS of a process tree, from /proc ---------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _tree(pid: int) -> list[int]:
    pids, frontier = [], [pid]
    while frontier:
        node = frontier.pop()
        pids.append(node)
        frontier += _children(node)
    return pids


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class TreeSampler(threading.Thread):
    """Samples the RSS of every process under ``pid`` until stopped: peak per process, and a time series."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peaks: dict[int, float] = {}
        self.series: list[tuple[float, float]] = []  # (seconds, largest process RSS MB)
        self._stop_event = threading.Event()

    def run(self) -> None:
        start = time.perf_counter()
        while not self._stop_event.is_set():
            largest = 0.0
            for pid in _tree(self.pid):
                rss = _rss_mb(pid)
                if rss is not None:
                    self.peaks[pid] = max(self.peaks.get(pid, 0.0), rss)
                    largest = max(largest, rss)
            self.series.append((round(time.perf_counter() - start, 1), round(largest, 1)))
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


# --- the modes ---------------------------------------------------------------------------------------------------


def raw_spacy(input_path: Path, words: int, batch_size: int = 64) -> dict[str, object]:
    """R: ``nlp.pipe`` over the article texts, with the pipeline's model and components, in this process."""
    from nlp.annotate import load_model

    texts = [json.loads(line)["text"] for line in input_path.open(encoding="utf-8")]
    load_before = load()
    started = time.perf_counter()
    nlp = load_model()
    loaded = time.perf_counter()
    tokens = 0
    # memory_zone per chunk, as the pipeline does: strings of finished documents are freed.
    for start in range(0, len(texts), batch_size):
        with nlp.memory_zone():
            tokens += sum(len(doc) for doc in nlp.pipe(texts[start : start + batch_size], batch_size=batch_size))
    seconds = time.perf_counter() - loaded
    rss = _rss_mb(os.getpid())
    return {
        "seconds": round(seconds, 2),
        "model_load_seconds": round(loaded - started, 2),
        "articles_per_s": round(len(texts) / seconds, 2),
        "words_per_s": round(words / seconds),
        "spacy_tokens": tokens,
        "components": nlp.pipe_names,
        "peak_rss_mb": {"process": round(rss or 0, 1)},
        "load_before": load_before,
        "load_after": load(),
    }


def pipeline_run(mode: str, input_path: Path, words: int, articles: int, folder: Path) -> dict[str, object]:
    """P*: ``newsevents run`` end to end (read → Parquet written) in a child process, its tree's RSS sampled."""
    output = folder / f"out-{mode}"
    command = [NEWSEVENTS, "run", str(input_path), "--output", str(output), "--quiet", "--ingest-date=2026-01-01"]
    command += ["--runner=DirectRunner", *PIPELINE_MODES[mode]]
    load_before = load()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(process.pid)
    sampler.start()
    _, stderr = process.communicate()
    wall = time.perf_counter() - started
    sampler.stop()
    if process.returncode != 0:
        raise RuntimeError(f"{mode} failed ({process.returncode}): {stderr[-2000:]}")
    manifest = json.loads(sorted((output / "_runs").glob("*.json"))[-1].read_text())
    seconds = float(manifest["seconds"])
    counts = manifest.get("counts", {})
    # Worker processes: those that loaded the model (the launcher and the CLI itself stay small).
    peaks = sorted(sampler.peaks.values(), reverse=True)
    return {
        "seconds": round(seconds, 2),
        "wall_seconds": round(wall, 2),
        "articles_per_s": round(articles / seconds, 2),
        "words_per_s": round(words / seconds),
        "peak_rss_mb": {
            "largest_process": round(peaks[0], 1) if peaks else None,
            "processes_over_300mb": [round(p, 1) for p in peaks if p > 300],
        },
        "counts": {
            key: counts.get(key)
            for key in ("articles", "sentences", "sentences_annotated", "sentences_skipped_by_cascade", "events")
        },
        "options": PIPELINE_MODES[mode],
        "output": str(output),
        "load_before": load_before,
        "load_after": load(),
        "rss_series": sampler.series[:: max(1, len(sampler.series) // 200)],
    }


def event_keys(output: str) -> set[tuple]:
    import pyarrow.dataset as ds

    table = ds.dataset(f"{output}/events", format="parquet", partitioning="hive").to_table(
        columns=["article_id", "sentence_index", "trigger_start", "cameo_code", "source_code", "target_code"]
    )
    return set(zip(*(table.column(name).to_pylist() for name in table.column_names), strict=True))


def overlap_of_outputs(full: str, cascade: str) -> dict[str, object]:
    full_keys, cascade_keys = event_keys(full), event_keys(cascade)
    kept = len(full_keys & cascade_keys)
    return {
        "events_full": len(full_keys),
        "events_cascade": len(cascade_keys),
        "events_full_found_by_cascade": kept,
        "events_lost": len(full_keys) - kept,
        "events_kept_share": round(kept / len(full_keys), 4) if full_keys else 1.0,
        "events_only_in_cascade": len(cascade_keys - full_keys),
    }


def plover_overlap(path: Path) -> dict[str, object]:
    """Full vs cascade events over the PLOVER gold-standard sentences (in process; not used to tune the rules)."""
    from nlp.annotate import load_model
    from nlp.cascade import build_cascade

    nlp = load_model()
    return measure(nlp, build_cascade(nlp), list(plover_texts(path)), split=False).as_dict()


def ratio(a: dict[str, object] | None, b: dict[str, object] | None) -> float | None:
    """Throughput of ``a`` over throughput of ``b`` (= b's seconds / a's seconds)."""
    if not a or not b:
        return None
    return round(float(b["seconds"]) / float(a["seconds"]), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--plover", type=Path, default=SHARED / "eval" / "plover_gsr.json")
    parser.add_argument("--articles", type=int, default=600, help="Replicate the corpus to this many articles.")
    parser.add_argument("--modes", default="R,P1,P2,P1c,P2c", help="Comma-separated: R, P1, P2, P1c, P2c.")
    parser.add_argument(
        "--memory",
        type=int,
        default=0,
        metavar="N",
        help="Memory mode: one P1c run over N replicated articles, with the RSS time series.",
    )
    parser.add_argument(
        "--json", type=Path, default=None, help="Where to write the figures (default benchmarks/results/)."
    )
    parser.add_argument("--keep", action="store_true", help="Keep the replicated input and the outputs.")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    folder = Path(tempfile.mkdtemp(prefix="newsevents-bench-"))
    articles = args.memory or args.articles
    input_path, words = replicate(args.corpus, articles, folder)
    report: dict[str, object] = {
        "started": stamp,
        "commit": commit.strip(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "articles": articles,
        "words": words,
        "modes": {},
    }
    modes: dict[str, dict[str, object]] = report["modes"]  # type: ignore[assignment]
    wanted = ["P1c"] if args.memory else [m.strip() for m in args.modes.split(",") if m.strip()]
    for mode in wanted:
        print(f"[{datetime.now():%H:%M:%S}] {mode} ... load {load()}", flush=True)
        modes[mode] = (
            raw_spacy(input_path, words) if mode == "R" else pipeline_run(mode, input_path, words, articles, folder)
        )
        shown = {k: v for k, v in modes[mode].items() if k not in ("rss_series", "output", "components")}
        print(f"  {json.dumps(shown)}", flush=True)

    if args.memory:
        series = modes["P1c"]["rss_series"]
        busy = [rss for _, rss in series]
        quarter = busy[len(busy) // 4] if busy else None
        report["memory"] = {"rss_mb_at_25pct": quarter, "rss_mb_at_end": busy[-1] if busy else None, "peak": max(busy)}
    else:
        r, p1, p2 = modes.get("R"), modes.get("P1"), modes.get("P2")
        p1c, p2c = modes.get("P1c"), modes.get("P2c")
        report["ratios"] = {
            "P1/R": ratio(p1, r),
            "P2/P1": ratio(p2, p1),
            "P1c/R": ratio(p1c, r),
            "P2c/P1c": ratio(p2c, p1c),
            "P2c/R": ratio(p2c, r),
        }
        if p1 and p1c:
            report["overlap_wikinews"] = overlap_of_outputs(str(p1["output"]), str(p1c["output"]))
        if args.plover.is_file():
            report["overlap_plover"] = plover_overlap(args.plover)

    target = args.json or ROOT / "benchmarks" / "results" / f"{stamp}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report, indent=1, default=str) + "\n")
    for key in ("ratios", "overlap_wikinews", "overlap_plover", "memory"):
        if key in report:
            print(f"{key}: {json.dumps(report[key])}")
    print(f"figures written to {target}")
    if not args.keep:
        subprocess.run(["rm", "-rf", str(folder)], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
