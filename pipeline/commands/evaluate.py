"""``newsevents evaluate --gold PATH [--split dev|test|all] [--report OUT.json]``: score the coder."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from coder.evaluation import SPLITS, Evaluation, evaluate, load_gold, select

DEFAULT_GOLD = Path("../shared/eval/plover_gsr.json")


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "evaluate",
        help="Score the coder against PLOVER gold-standard sentences.",
        description="Precision, recall and F1 of the event type, and source/target country accuracy on "
        "matched events, on a fixed dev/test split of a PLOVER GSR file.",
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"Gold JSON file (default {DEFAULT_GOLD}).")
    parser.add_argument("--split", choices=SPLITS, default="test", help="Records to score (default test).")
    parser.add_argument("--report", type=Path, default=None, help="Also write the scores as JSON here.")
    parser.add_argument("--spacy-model", "--spacy_model", dest="spacy_model", default=None)
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace, extra_args: list[str]) -> int:
    from nlp.annotate import annotate_text, load_model

    if not args.gold.is_file():
        print(f"gold file not found: {args.gold}")
        return 2
    records = select(load_gold(args.gold), args.split)
    nlp = load_model(args.spacy_model)
    result = evaluate(records, lambda text: annotate_text(nlp, text), args.split)
    print_table(result)
    if args.report is not None:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(result.as_dict(), indent=2) + "\n", encoding="utf-8")
        print(f"report written to {args.report}")
    return 0


def print_table(result: Evaluation) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"event type, {result.split} split ({result.records} sentences)")
    for column in ("type", "gold", "found", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for name, score in sorted(result.per_type.items()):
        table.add_row(
            name,
            str(score.tp + score.fn),
            str(score.tp + score.fp),
            f"{score.precision:.2f}",
            f"{score.recall:.2f}",
            f"{score.f1:.2f}",
        )
    overall = result.overall
    table.add_row(
        "all",
        str(overall.tp + overall.fn),
        str(overall.tp + overall.fp),
        f"{overall.precision:.2f}",
        f"{overall.recall:.2f}",
        f"{overall.f1:.2f}",
        style="bold",
    )
    console = Console()
    console.print(table)
    console.print(
        f"source country accuracy {result.source.accuracy:.2f} ({result.source.right}/{result.source.scored} "
        f"matched events)   target country accuracy {result.target.accuracy:.2f} "
        f"({result.target.right}/{result.target.scored})"
    )
