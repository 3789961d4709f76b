"""``newsevents inspect OUT``: a compact summary of an output folder on the terminal."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "inspect",
        help="Summarise an output folder in the terminal.",
        description="Date range, counts by CAMEO root and quad class, top source→target pairs, rejected "
        "records by reason and a few sample events with their sentence.",
    )
    parser.add_argument("output", metavar="OUT", help="the --output folder of `newsevents run`")
    parser.add_argument("--top", type=int, default=10, help="source→target pairs to show (default 10)")
    parser.add_argument("--samples", type=int, default=5, help="sample events to show (default 5)")
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace, extra_args: list[str]) -> int:
    from rich.console import Console

    from reports.data import read_output
    from reports.summary import summarise
    from reports.terminal import render

    try:
        output = read_output(args.output)
    except FileNotFoundError as error:
        Console(stderr=True).print(f"[red]{error}[/]")
        return 2
    render(summarise(output, top=args.top, samples=args.samples), Console())
    return 0
