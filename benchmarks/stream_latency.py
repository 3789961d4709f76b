"""End-to-end latency of ``newsevents stream``: file dropped into the inbox → its events readable in Parquet.

Starts the stream in a subprocess, drops one one-article file every 1/RATE seconds (atomically, by
rename), and polls the ledger's committed files; prints the median and p90 latency.

    .venv/bin/python benchmarks/stream_latency.py [--rate 2] [--seconds 30] [--window 5]
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.inbox import Ledger  # noqa: E402

TEXT = (
    "Russian forces attacked Kharkiv on Monday, officials said. Germany agreed to send weapons to Ukraine. "
    "The United Nations called on both sides to hold talks. Item {n}."
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=2.0, help="articles per second")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to drop files")
    parser.add_argument("--window", type=float, default=5.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inbox, output = Path(tmp) / "inbox", Path(tmp) / "out"
        inbox.mkdir()
        command = [sys.executable, "-m", "pipeline", "stream", "--inbox", str(inbox), "--output", str(output)]
        command += ["--window", str(args.window), "--poll", "0.2", "--log-format", "json", "--quiet"]
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(4)  # interpreter and Beam start-up, not part of a file's latency
            dropped: dict[str, float] = {}
            seen: dict[str, float] = {}
            start = time.monotonic()
            n = 0
            while time.monotonic() - start < args.seconds or len(seen) < len(dropped):
                now = time.monotonic()
                if now - start < args.seconds and now >= start + n / args.rate:
                    name = f"{n:05d}.jsonl"
                    partial = inbox / f".{name}"
                    partial.write_text(json.dumps({"id": f"a{n}", "text": TEXT.format(n=n)}) + "\n")
                    os.replace(partial, inbox / name)
                    dropped[name] = time.monotonic()
                    n += 1
                for key in Ledger(output).read().inbox:
                    name = key.split("|", 1)[0]
                    if name not in seen:
                        seen[name] = time.monotonic()
                if time.monotonic() - start > args.seconds + 120:
                    break
                time.sleep(0.05)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(60)
    latencies = sorted(seen[name] - dropped[name] for name in seen if name in dropped)
    p90 = latencies[int(0.9 * (len(latencies) - 1))]
    print(f"rate {args.rate}/s  window {args.window} s  files {len(dropped)}  committed {len(latencies)}")
    print(f"latency median {statistics.median(latencies):.2f} s  p90 {p90:.2f} s  max {latencies[-1]:.2f} s")


if __name__ == "__main__":
    main()
