"""``newsevents report OUT --html report.html``: a self-contained HTML report of an output folder."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report",
        help="Write a self-contained HTML report of an output folder.",
        description="Events per day by quad class, a country × country matrix, a map of geolocated events and "
        "a searchable table of events with their sentences. One HTML file; opening it needs no network.",
    )
    parser.add_argument("output", metavar="OUT", help="the --output folder of `newsevents run`")
    parser.add_argument("--html", required=True, metavar="FILE", help="HTML file to write")
    parser.add_argument("--max-events", type=int, default=5000, help="events in the searchable table (default 5000)")
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace, extra_args: list[str]) -> int:
    from rich.console import Console

    from reports.data import read_output
    from reports.html import render_html

    try:
        output = read_output(args.output)
    except FileNotFoundError as error:
        Console(stderr=True).print(f"[red]{error}[/]")
        return 2
    target = Path(args.html)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_html(output, max_events=args.max_events), encoding="utf-8")
    Console().print(f"report {target}  ({output.events.num_rows:,} events, {target.stat().st_size / 1024:,.0f} KiB)")
    return 0
