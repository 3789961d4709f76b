"""Throughput benchmark: raw spaCy against the whole pipeline, in one run on the same replicated Wikinews corpus;
prints the figures and writes them as JSON (``benchmarks/results/``), so runs can be compared across commits.

    .venv/bin/python benchmarks/throughput.py                    # 600 articles: all modes + cascade overlap
    .venv/bin/python benchmarks/throughput.py --modes R,P1c       # a subset
    .venv/bin/python benchmarks/throughput.py --memory 10000      # memory mode: worker RSS over a long run

Modes (README, "Performance"):

* ``R``: ``nlp.pipe`` over the article texts with the pipeline's model and components, one process (a child, with
  one OpenBLAS thread: ``RAW_SPACY_ENVIRONMENT``): the ceiling.
* ``R2``: the same texts split in two halves of equal word count, parsed by two processes at once: what two
  cores give spaCy itself on this machine, the ceiling for ``P2``.
* ``P1``/``P2``: ``newsevents run --no-cascade`` end to end (read → Parquet written) on the DirectRunner, one
  worker (in-memory) / two workers (``--direct_num_workers=2 --direct_running_mode=multi_processing``).
* ``P1c``/``P2c``: the same in cascade mode (the default of ``newsevents run``).
* ``P1R``: ``P1`` and ``R`` at the same time, each pinned to a core of its own, the cores swapped every round. The
  machine's speed drifts by tens of percent over minutes, and modes run one after the other meet different
  speeds; run side by side, both meet the same drift, so ``P1/R paired`` is the ratio least moved by it.
* ``P1cR``: the same for the cascade, ``P1c`` against ``R``: ``P1c/R paired``.

Figures are only comparable within one run (the machine is shared): compare the ratios, and the load averages
recorded with each mode. RSS and CPU time are sampled from /proc for the run's whole process tree, per process
and role: ``driver`` (the ``newsevents`` process: the runner, and in one-worker mode the worker too) and
``worker`` (the SDK worker processes of the multi-processing DirectRunner).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# The code the benchmark runs: copied once at the start, so that edits made in the checkout during a run (other
# work goes on in it) do not change the code between one mode and the next.
PACKAGES = ("pipeline", "transforms", "schemas", "coder", "ingest", "nlp", "reports", "benchmarks")
ENVIRONMENT = dict(os.environ)
NEWSEVENTS = str(Path(sys.executable).parent / "newsevents")
MODES = ("R", "R2", "P1", "P2", "P1c", "P2c", "P1R", "P1cR")
# Side-by-side modes: the pipeline mode each runs against R at the same time.
PAIRED_MODES = {"P1R": "P1", "P1cR": "P1c"}
# Raw spaCy at its best here: with OpenBLAS's default (a thread per vCPU in view), one unpinned raw process was 12-20%
# slower than with one OpenBLAS thread or pinned to a core (150 articles, alternated runs). The pipeline's own runs
# took the same time either way, so only the raw processes get one thread.
RAW_SPACY_ENVIRONMENT = {"OPENBLAS_NUM_THREADS": "1"}
PIPELINE_MODES = {
    "P1": ["--no-cascade"],
    "P2": ["--no-cascade", "--direct_num_workers=2", "--direct_running_mode=multi_processing"],
    "P1c": ["--cascade"],
    "P2c": ["--cascade", "--direct_num_workers=2", "--direct_running_mode=multi_processing"],
}


def git_commit() -> str:
    """The checkout's short commit hash, which names the result files ("" outside a git checkout)."""
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip()


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _busy_seconds() -> float:
    """CPU time the whole machine has spent busy (all CPUs, /proc/stat), in seconds."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def wait_for_quiet(limit: float, share: float = 0.05, window: float = 5.0) -> float:
    """Waits (up to ``limit`` seconds) for a ``window`` in which other processes use under ``share`` of the CPUs;
    returns the seconds waited. The figures of a mode are only as good as the machine was quiet."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        with OtherLoad() as other:
            time.sleep(window)
        if other.share is not None and other.share < share:
            break
    return round(time.perf_counter() - started, 1)


def _own_seconds() -> float:
    """CPU time of this process and of its finished children (the modes' subprocesses and theirs)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class OtherLoad:
    """How much of the machine other processes used while a mode ran: the machine's busy CPU time minus the
    benchmark's own (this process and its children), as a share of the CPUs' capacity over the mode's time.
    On a shared machine this says whether a mode's figures were measured on a quiet machine (near 0)."""

    def __enter__(self) -> OtherLoad:
        self.started, self.busy, self.own = time.perf_counter(), _busy_seconds(), _own_seconds()
        self.share: float | None = None
        return self

    def __exit__(self, *exc: object) -> None:
        wall = time.perf_counter() - self.started
        other = (_busy_seconds() - self.busy) - (_own_seconds() - self.own)
        self.share = round(max(other, 0.0) / (wall * (os.cpu_count() or 1)), 3) if wall > 0 else None


def snapshot(folder: Path) -> Path:
    """Copies the project's packages to ``folder/src``; subprocesses run from there (``PYTHONPATH``, run from
    ``folder``, so the checkout is not on the path), and so do this process's imports."""
    source = folder / "src"
    for package in PACKAGES:
        shutil.copytree(ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__", "results"))
    ENVIRONMENT["PYTHONPATH"] = str(source)
    sys.path.insert(0, str(source))
    return source


def replicate(corpus: Path, articles: int, folder: Path) -> tuple[Path, int]:
    """The corpus articles repeated (with new ids) up to ``articles``, as JSONL; returns (path, words)."""
    from benchmarks.overlap import wikinews_texts

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


_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of the process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _role(pid: int, root: int) -> str:
    if pid == root:
        return "driver"
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "other"
    return "worker" if "sdk_worker_main" in command and not command.startswith("/bin/sh") else "other"


class TreeSampler(threading.Thread):
    """Samples every process under ``pid`` until stopped: peak RSS and CPU time per process, with its role, and a
    time series of (seconds, driver RSS MB, largest worker RSS MB, workers' RSS MB)."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.processes: dict[int, dict[str, object]] = {}
        self.series: list[tuple[float, float, float, list[float]]] = []
        self._stop_event = threading.Event()

    def run(self) -> None:
        start = time.perf_counter()
        while not self._stop_event.is_set():
            driver, workers = 0.0, []
            for pid in _tree(self.pid):
                rss, cpu = _rss_mb(pid), _cpu_seconds(pid)
                if rss is None:
                    continue
                entry = self.processes.setdefault(pid, {"role": "other", "peak_rss_mb": 0.0})
                if entry["role"] == "other":  # seen while starting (no command line yet): look again
                    entry["role"] = _role(pid, self.pid)
                entry["peak_rss_mb"] = round(max(float(entry["peak_rss_mb"]), rss), 1)
                if cpu is not None:
                    entry["cpu_seconds"] = round(cpu, 1)
                if entry["role"] == "driver":
                    driver = rss
                elif entry["role"] == "worker":
                    workers.append(round(rss, 1))
            elapsed = round(time.perf_counter() - start, 1)
            self.series.append((elapsed, round(driver, 1), max(workers, default=0.0), workers))
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    def by_role(self) -> dict[str, list[dict[str, object]]]:
        roles: dict[str, list[dict[str, object]]] = {}
        for entry in self.processes.values():
            if entry["role"] != "other":
                roles.setdefault(str(entry["role"]), []).append({k: v for k, v in entry.items() if k != "role"})
        return roles


# --- the modes ---------------------------------------------------------------------------------------------------


def raw_spacy(input_path: Path, words: int) -> dict[str, object]:
    """R: ``nlp.pipe`` over the article texts, with the pipeline's model and components, in one :func:`raw_child`
    (the time from its start, once its model is loaded)."""
    child = start_raw_child(input_path, -1)
    ready = wait_until_ready(child)
    load_before = load()
    go(child)
    result = raw_child_result(child)
    seconds = float(result["seconds"])
    return {
        "seconds": round(seconds, 2),
        "model_load_seconds": ready["model_load_seconds"],
        "articles_per_s": round(ready["articles"] / seconds, 2),
        "words_per_s": round(words / seconds),
        "spacy_tokens": result["spacy_tokens"],
        "components": ready["components"],
        "peak_rss_mb": {"process": round(result["rss_mb"] or 0, 1)},
        "load_before": load_before,
        "load_after": load(),
    }


def halves(lengths: list[int]) -> tuple[list[int], list[int]]:
    """Indexes split in two parts of nearly equal total length (longest first, each to the lighter part)."""
    parts: tuple[list[int], list[int]] = ([], [])
    totals = [0, 0]
    for index in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        lighter = 0 if totals[0] <= totals[1] else 1
        parts[lighter].append(index)
        totals[lighter] += lengths[index]
    return parts


def raw_child(input_path: Path, part: int, batch_size: int = 64) -> None:
    """R's process (``part`` -1: all the texts), or one of R2's (``part`` 0 or 1: that half): load the model, say so,
    wait for the word, parse, print the seconds, tokens and RSS."""
    from nlp.annotate import load_model

    texts = [json.loads(line)["text"] for line in input_path.open(encoding="utf-8")]
    mine = texts if part < 0 else [texts[i] for i in halves([len(t.split()) for t in texts])[part]]
    started = time.perf_counter()
    nlp = load_model()
    ready = {"model_load_seconds": round(time.perf_counter() - started, 2), "components": nlp.pipe_names}
    print(json.dumps({"ready": True, "articles": len(mine), **ready}), flush=True)
    sys.stdin.readline()
    started = time.perf_counter()
    tokens = 0
    for start in range(0, len(mine), batch_size):
        with nlp.memory_zone():
            tokens += sum(len(doc) for doc in nlp.pipe(mine[start : start + batch_size], batch_size=batch_size))
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "spacy_tokens": tokens, "rss_mb": _rss_mb(os.getpid())}), flush=True)


def pinned_to(cores: set[int] | None) -> Callable[[], None] | None:
    """A ``preexec_fn`` that pins a child process to ``cores`` (None: not pinned)."""
    return (lambda: os.sched_setaffinity(0, cores)) if cores else None


def start_raw_child(input_path: Path, part: int, core: int | None = None) -> subprocess.Popen:
    """Starts a :func:`raw_child` (pinned to ``core`` if given); it loads its model, then waits for :func:`go`."""
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--raw-child", str(input_path), "--part", str(part)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**ENVIRONMENT, **RAW_SPACY_ENVIRONMENT},
        cwd=input_path.parent,
        preexec_fn=pinned_to({core} if core is not None else None),
    )


def wait_until_ready(child: subprocess.Popen) -> dict[str, object]:
    """What a raw child says once its model is loaded."""
    assert child.stdout is not None
    ready = json.loads(child.stdout.readline())
    assert ready["ready"]
    return ready


def go(child: subprocess.Popen) -> None:
    assert child.stdin is not None
    child.stdin.write("go\n")
    child.stdin.flush()


def raw_child_result(child: subprocess.Popen) -> dict[str, float]:
    """What a raw child printed last: its parse seconds and its RSS."""
    return json.loads(child.communicate()[0].strip().splitlines()[-1])


def raw_spacy_two(input_path: Path, words: int, articles: int) -> dict[str, object]:
    """R2: two processes parse one half each (equal word counts) at the same time, started together once both
    have loaded the model; the time is from the start until both are done."""
    children = [start_raw_child(input_path, part) for part in (0, 1)]
    for child in children:
        wait_until_ready(child)
    load_before = load()
    started = time.perf_counter()
    for child in children:
        go(child)
    results = [raw_child_result(child) for child in children]
    seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 2),
        "process_seconds": [round(r["seconds"], 2) for r in results],
        "articles_per_s": round(articles / seconds, 2),
        "words_per_s": round(words / seconds),
        "peak_rss_mb": {"processes": [round(r["rss_mb"] or 0, 1) for r in results]},
        "load_before": load_before,
        "load_after": load(),
    }


def paired_with_raw(
    mode: str, input_path: Path, words: int, articles: int, folder: Path, number: int, tag: str
) -> dict[str, object]:
    """P1R / P1cR: R in a child process pinned to one core, the pipeline mode (P1 / P1c) pinned to the other,
    started together (R once its model is loaded; the pipeline's own clock starts at its pipeline, as in P1). The
    cores are swapped from one round to the next, so that neither side keeps the faster core."""
    raw_core, pipeline_core = (0, 1) if number % 2 == 0 else (1, 0)
    raw = start_raw_child(input_path, -1, raw_core)
    wait_until_ready(raw)
    result = pipeline_run(
        mode,
        input_path,
        words,
        articles,
        folder,
        tag=f"-paired{tag}",
        cores={pipeline_core},
        started_callback=lambda: go(raw),
    )
    raw_seconds = raw_child_result(raw)["seconds"]
    result["raw_seconds"] = round(raw_seconds, 2)
    result["cores"] = {"R": raw_core, mode: pipeline_core}
    result["ratio"] = round(raw_seconds / float(result["seconds"]), 3)
    return result


def pipeline_run(
    mode: str,
    input_path: Path,
    words: int,
    articles: int,
    folder: Path,
    options: list[str] | None = None,
    tag: str = "",
    cores: set[int] | None = None,
    started_callback: Callable[[], None] | None = None,
) -> dict[str, object]:
    """P*: ``newsevents run`` end to end (read → Parquet written) in a child process, its tree sampled; pinned to
    ``cores`` if given; ``started_callback`` is called once the process has started."""
    output = folder / f"out-{mode}{tag}"
    options = options if options is not None else PIPELINE_MODES[mode]
    command = [NEWSEVENTS, "run", str(input_path), "--output", str(output), "--quiet", "--ingest-date=2026-01-01"]
    command += ["--runner=DirectRunner", *options]
    load_before = load()
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=ENVIRONMENT,
        cwd=folder,
        preexec_fn=pinned_to(cores),
    )
    if started_callback is not None:
        started_callback()
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
    roles = sampler.by_role()
    workers = roles.get("worker", [])
    return {
        "seconds": round(seconds, 2),
        "wall_seconds": round(wall, 2),
        "articles_per_s": round(articles / seconds, 2),
        "words_per_s": round(words / seconds),
        # One worker (in-memory): the driver process is the worker. Two workers: separate worker processes.
        "peak_rss_mb": {
            "driver": roles.get("driver", [{}])[0].get("peak_rss_mb"),
            "workers": [w["peak_rss_mb"] for w in workers],
        },
        "cpu_seconds": {
            "driver": roles.get("driver", [{}])[0].get("cpu_seconds"),
            "workers": [w.get("cpu_seconds") for w in workers],
        },
        "counts": {
            key: counts.get(key)
            for key in (
                "articles_accepted",
                "sentences",
                "sentences_annotated",
                "sentences_skipped_by_cascade",
                "sentences_set_aside_after_tagging",
                "events",
            )
        },
        "options": options,
        "output": str(output),
        "load_before": load_before,
        "load_after": load(),
        "rss_series": sampler.series,
    }


def event_keys(output: str) -> set[tuple]:
    import pyarrow.dataset as ds

    table = ds.dataset(f"{output}/events", format="parquet", partitioning="hive").to_table(
        columns=["article_id", "sentence_index", "trigger_start", "cameo_code", "source_code", "target_code"]
    )
    return set(zip(*(table.column(name).to_pylist() for name in table.column_names), strict=True))


def overlap_of_outputs(full: str, cascade: str) -> dict[str, object]:
    """Events of the full-mode run against the cascade run's, keyed by article, sentence, trigger, code, actors."""
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
    from benchmarks.overlap import measure, plover_texts
    from nlp.annotate import load_model
    from nlp.cascade import build_cascade

    nlp = load_model()
    return measure(nlp, build_cascade(nlp), list(plover_texts(path)), split=False).as_dict()


def ratio(a: dict[str, object] | None, b: dict[str, object] | None) -> float | None:
    """Throughput of ``a`` over throughput of ``b`` (= b's seconds / a's seconds)."""
    if not a or not b:
        return None
    return round(float(b["seconds"]) / float(a["seconds"]), 3)


RATIOS = (
    ("P1/R", "P1", "R"),
    ("P2/P1", "P2", "P1"),
    ("R2/R", "R2", "R"),
    ("P2/R2", "P2", "R2"),
    ("P1c/R", "P1c", "R"),
    ("P2c/P1c", "P2c", "P1c"),
    ("P2c/R", "P2c", "R"),
)


# From the side-by-side modes: "P1/R paired" (P1R), "P1c/R paired" (P1cR).
PAIRED = {paired: f"{mode}/R paired" for paired, mode in PAIRED_MODES.items()}


def all_ratios(results: dict[str, dict[str, object]]) -> dict[str, float | None]:
    """The ratios of one round (None where a mode did not run)."""
    ratios = {name: ratio(results.get(a), results.get(b)) for name, a, b in RATIOS}
    for paired, name in PAIRED.items():
        figures = results.get(paired)
        ratios[name] = float(figures["ratio"]) if figures else None  # type: ignore[arg-type]
    return ratios


def median_ratios(by_round: list[dict[str, float | None]]) -> dict[str, float | None]:
    """Each ratio's median over the rounds: modes of one round ran minutes apart, and the shared machine's speed
    drifts over minutes, so one round's ratio can be off by more than the effect measured."""
    medians: dict[str, float | None] = {}
    for name in [name for name, _, _ in RATIOS] + list(PAIRED.values()):
        values = sorted(v for v in (r.get(name) for r in by_round) if v is not None)
        medians[name] = round(statistics.median(values), 3) if values else None
    return medians


def memory_figures(run: dict[str, object], articles: int) -> dict[str, object]:
    """Worker and driver RSS over a long run: at 10 %, 50 % and 90 % of the run, the peak, and the workers'
    growth between 10 % and 90 % (MB per 1,000 articles, taking the articles as spread evenly over the run)."""
    series = run["rss_series"]
    seconds = series[-1][0] if series else 0.0

    def at(share: float) -> tuple[float, float]:
        moment = seconds * share
        sample = min(series, key=lambda row: abs(row[0] - moment))
        return sample[1], sample[2]

    (driver_10, worker_10), (driver_50, worker_50), (driver_90, worker_90) = at(0.1), at(0.5), at(0.9)
    per_thousand = (worker_90 - worker_10) / (0.8 * articles / 1000) if articles else None
    return {
        "worker_rss_mb": {"at_10pct": worker_10, "at_50pct": worker_50, "at_90pct": worker_90},
        "worker_peak_rss_mb": max((row[2] for row in series), default=None),
        "worker_growth_mb_per_1000_articles_10_to_90pct": round(per_thousand, 2) if per_thousand is not None else None,
        "driver_rss_mb": {"at_10pct": driver_10, "at_50pct": driver_50, "at_90pct": driver_90},
        "driver_peak_rss_mb": max((row[1] for row in series), default=None),
        "samples": len(series),
    }


def summary_table(report: dict[str, object]) -> str:
    modes: dict[str, dict[str, object]] = report["modes"]  # type: ignore[assignment]
    header = f"{'mode':5} {'seconds':>8} {'articles/s':>10} {'words/s':>8} {'others':>6}"
    lines = [f"{header}  peak RSS MB (driver | workers); others: CPU share used by other processes"]
    for name, figures in modes.items():
        rss = figures.get("peak_rss_mb", {})
        shown = " | ".join(str(v) for v in rss.values())
        others = figures.get("other_processes_cpu_share")
        lines.append(
            f"{name:5} {figures['seconds']:>8} {figures['articles_per_s']:>10} {figures['words_per_s']:>8} "
            f"{others if others is not None else '':>6}  {shown}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--plover", type=Path, default=SHARED / "eval" / "plover_gsr.json")
    parser.add_argument("--articles", type=int, default=600, help="Replicate the corpus to this many articles.")
    parser.add_argument("--modes", default=",".join(MODES), help=f"Comma-separated, of {', '.join(MODES)}.")
    parser.add_argument(
        "--memory",
        type=int,
        default=0,
        metavar="N",
        help="Memory mode: one run over N replicated articles (P2c unless --modes names one), RSS over time.",
    )
    parser.add_argument(
        "--json", type=Path, default=None, help="Where to write the figures (default benchmarks/results/)."
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="Run the modes this many times, in turn; the ratios are then medians of the per-round ratios.",
    )
    parser.add_argument("--keep", action="store_true", help="Keep the replicated input and the outputs.")
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=180.0,
        metavar="SECONDS",
        help="Before each mode, wait up to this long for 5 s in which other processes use under 5%% of the CPUs.",
    )
    parser.add_argument(
        "--snapshot",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="Run a copy of the code taken at the start (default), not the checkout as it changes.",
    )
    parser.add_argument("--raw-child", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--part", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.raw_child is not None:
        raw_child(args.raw_child, args.part)
        return 0
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "nlp", "transforms", "pipeline", "ingest", "coder"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    folder = Path(tempfile.mkdtemp(prefix="newsevents-bench-"))
    if args.snapshot:
        snapshot(folder)
    else:
        sys.path.insert(0, str(ROOT))
    articles = args.memory or args.articles
    input_path, words = replicate(args.corpus, articles, folder)
    report: dict[str, object] = {
        "started": stamp,
        "commit": git_commit(),
        "uncommitted_changes": sorted({line[3:] for line in dirty.splitlines()}),
        "snapshot": args.snapshot,
        "command": " ".join(["benchmarks/throughput.py", *(argv if argv is not None else sys.argv[1:])]),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "articles": articles,
        "words": words,
        "modes": {},
    }
    modes: dict[str, dict[str, object]] = report["modes"]  # type: ignore[assignment]
    if args.memory:
        wanted = [args.modes] if args.modes in PIPELINE_MODES else ["P2c"]
    else:
        wanted = [m.strip() for m in args.modes.split(",") if m.strip()]
    rounds: list[dict[str, dict[str, object]]] = []
    for number in range(1 if args.memory else max(1, args.rounds)):
        results: dict[str, dict[str, object]] = modes if number == 0 else {}
        # Every other round runs the modes in reverse order: the machine's speed drifts over minutes, and a drift
        # that slows the modes run last in one round then slows the ones run first in the next.
        for mode in wanted if number % 2 == 0 else wanted[::-1]:
            print(f"[{datetime.now():%H:%M:%S}] {mode} (round {number + 1}) ... load {load()}", flush=True)
            waited = wait_for_quiet(args.wait_quiet) if args.wait_quiet > 0 else 0.0
            tag = f"-round{number + 1}" if number else ""  # each round's outputs in folders of their own
            with OtherLoad() as other:
                if mode == "R":
                    results[mode] = raw_spacy(input_path, words)
                elif mode == "R2":
                    results[mode] = raw_spacy_two(input_path, words, articles)
                elif mode in PAIRED_MODES:
                    results[mode] = paired_with_raw(
                        PAIRED_MODES[mode], input_path, words, articles, folder, number, tag
                    )
                else:
                    results[mode] = pipeline_run(mode, input_path, words, articles, folder, tag=tag)
            results[mode]["other_processes_cpu_share"] = other.share
            results[mode]["waited_for_quiet_seconds"] = waited
            shown = {k: v for k, v in results[mode].items() if k not in ("rss_series", "output", "components")}
            print(f"  {json.dumps(shown)}", flush=True)
            if number and "output" in results[mode]:
                shutil.rmtree(str(results[mode]["output"]), ignore_errors=True)
        rounds.append(results)

    if args.memory:
        report["memory"] = memory_figures(modes[wanted[0]], articles)
    else:
        by_round = [all_ratios(results) for results in rounds]
        report["ratios"] = median_ratios(by_round)
        if len(rounds) > 1:
            report["ratios_by_round"] = by_round
            report["seconds_by_round"] = [{m: r["seconds"] for m, r in results.items()} for results in rounds]
            report["mode_order_by_round"] = [list(results) for results in rounds]
            for results in rounds[1:]:
                for figures in results.values():
                    figures.pop("rss_series", None)
            report["later_rounds"] = rounds[1:]
        get = modes.get
        # Events cascade mode loses: from P1 and P1c, or else from their side-by-side runs.
        full, cascade = (get("P1") or get("P1R")), (get("P1c") or get("P1cR"))
        if full and cascade:
            report["overlap_wikinews"] = overlap_of_outputs(str(full["output"]), str(cascade["output"]))
        if args.plover.is_file():
            report["overlap_plover"] = plover_overlap(args.plover)

    kind = "memory" if args.memory else "throughput"
    target = args.json or ROOT / "benchmarks" / "results" / f"{kind}-{stamp}-{report['commit']}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report, indent=1, default=str) + "\n")
    print(summary_table(report))
    for key in ("ratios", "overlap_wikinews", "overlap_plover", "memory"):
        if key in report:
            print(f"{key}: {json.dumps(report[key])}")
    print(f"figures written to {target}")
    if not args.keep:
        subprocess.run(["rm", "-rf", str(folder)], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
