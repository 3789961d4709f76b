"""How much two cores give spaCy itself on this machine: ``nlp.pipe`` in one process against two processes at once
(each on half the texts, equal word counts), repeated, keeping only the rounds in which other processes left the
machine quiet. The same for a pure-Python loop, which uses no vector units and little memory.

    .venv/bin/python benchmarks/scaling.py [--articles 120] [--rounds 5]

This is the ceiling for ``P2/P1`` in ``benchmarks/throughput.py``: the pipeline cannot scale better than spaCy does.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.throughput import SHARED, OtherLoad, halves, replicate, wait_for_quiet  # noqa: E402


def spacy_child(input_path: Path, part: int | None) -> None:
    """Loads the model, says so, waits for the word, parses its part (all texts when ``part`` is None)."""
    from nlp.annotate import load_model

    texts = [json.loads(line)["text"] for line in input_path.open(encoding="utf-8")]
    if part is not None:
        texts = [texts[i] for i in halves([len(t.split()) for t in texts])[part]]
    nlp = load_model()
    print("ready", flush=True)
    sys.stdin.readline()
    for start in range(0, len(texts), 64):
        with nlp.memory_zone():
            for _ in nlp.pipe(texts[start : start + 64], batch_size=64):
                pass
    print("done", flush=True)


def python_child(units: int) -> None:
    print("ready", flush=True)
    sys.stdin.readline()
    total = 0
    for i in range(units):
        total += (i * i) % 7
    print("done", flush=True)


def timed(commands: list[list[str]]) -> tuple[float, float | None]:
    """Starts the commands, waits until all are ready, then times them from one start; (seconds, other share)."""
    children = [subprocess.Popen(c, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for c in commands]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    with OtherLoad() as other:
        started = time.perf_counter()
        for child in children:
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        for child in children:
            child.communicate()
        seconds = time.perf_counter() - started
    return seconds, other.share


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--python-units", type=int, default=40_000_000)
    parser.add_argument("--max-other-share", type=float, default=0.05)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    folder = Path(subprocess.run(["mktemp", "-d"], capture_output=True, text=True).stdout.strip())
    input_path, _ = replicate(args.corpus, args.articles, folder)
    me = [sys.executable, str(Path(__file__).resolve())]
    work = {
        "spacy": (
            [[*me, "--spacy-child", str(input_path)]],
            [[*me, "--spacy-child", str(input_path), "--part", p] for p in "01"],
        ),
        "python": (
            [[*me, "--python-child", str(args.python_units)]],
            [[*me, "--python-child", str(args.python_units // 2)] for _ in range(2)],
        ),
    }
    rounds: dict[str, list[dict[str, float | None]]] = {name: [] for name in work}
    for number in range(args.rounds):
        for name, (one, two) in work.items():
            wait_for_quiet(120)
            single, single_other = timed(one)
            wait_for_quiet(120)
            double, double_other = timed(two)
            row = {"one": round(single, 2), "two": round(double, 2), "speedup": round(single / double, 3)}
            row |= {"other_share_one": single_other, "other_share_two": double_other}
            rounds[name].append(row)
            print(f"round {number + 1} {name}: {json.dumps(row)}", flush=True)
    report: dict[str, object] = {"articles": args.articles, "rounds": rounds, "speedup_quiet_median": {}}
    for name, rows in rounds.items():
        quiet = [
            r["speedup"]
            for r in rows
            if (r["other_share_one"] or 0) < args.max_other_share and (r["other_share_two"] or 0) < args.max_other_share
        ]
        report["speedup_quiet_median"][name] = {  # type: ignore[index]
            "median": statistics.median(quiet) if quiet else None,
            "quiet_rounds": len(quiet),
            "all_rounds_median": statistics.median(r["speedup"] for r in rows),
        }
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = args.json or ROOT / "benchmarks" / "results" / f"scaling-{stamp}.json"
    target.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report["speedup_quiet_median"]))
    print(f"figures written to {target}")
    subprocess.run(["rm", "-rf", str(folder)], check=False)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--spacy-child":
        spacy_child(Path(sys.argv[2]), int(sys.argv[4]) if len(sys.argv) > 4 else None)
    elif len(sys.argv) > 2 and sys.argv[1] == "--python-child":
        python_child(int(sys.argv[2]))
    else:
        raise SystemExit(main())
