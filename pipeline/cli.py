"""The ``newsevents`` command: one sub-command per module of :mod:`pipeline.commands`."""

from __future__ import annotations

import argparse
import importlib
import sys

from pipeline.commands import COMMAND_MODULES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsevents",
        description="Code news articles into CAMEO/PLOVER event records, written as date-partitioned Parquet.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"pipeline.commands.{name}").register(commands)
    return parser


def dispatch(argv: list[str]) -> int:
    """Run one sub-command; returns its exit code. Unknown flags go to Beam for commands that run a pipeline."""
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra and not getattr(args, "accepts_beam_args", False):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args.handler(args, extra)


def main(argv: list[str] | None = None) -> None:
    sys.exit(dispatch(sys.argv[1:] if argv is None else argv))
