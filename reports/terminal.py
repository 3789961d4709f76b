"""``newsevents inspect``: the summary as rich tables on the terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from reports.summary import Summary, event_spans, highlight

STYLES = {"trigger": "bold yellow", "source": "bold cyan", "target": "bold magenta"}
QUAD_STYLES = {1: "green", 2: "bright_green", 3: "yellow", 4: "red"}


def _bar(count: int, largest: int, width: int = 24) -> str:
    if largest <= 0 or count <= 0:
        return ""
    return "█" * max(1, round(width * count / largest))


def highlighted_sentence(event: dict) -> Text:
    text = Text()
    for piece, kind in highlight(event["sentence"], event_spans(event)):
        text.append(piece, style=STYLES.get(kind or "", ""))
    return text


def render(summary: Summary, console: Console) -> None:
    span = f"{summary.date_range[0]} … {summary.date_range[1]}" if summary.date_range else "no events"
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("output", summary.path)
    head.add_row("event dates", span)
    head.add_row("events", f"{summary.events:,}")
    head.add_row("articles", f"{summary.articles:,}")
    head.add_row("rejected records", f"{summary.rejected:,}")
    for name, rows in summary.other_tables.items():
        head.add_row(name.replace("_", " "), f"{rows:,}")
    head.add_row("runs", f"{summary.runs} (pipeline {', '.join(summary.pipeline_versions) or '?'})")
    console.print(head)

    quad = Table(title="events by quad class", title_justify="left", header_style="bold")
    quad.add_column("quad", justify="right")
    quad.add_column("class")
    quad.add_column("events", justify="right")
    quad.add_column("")
    largest = max((n for *_, n in summary.by_quad), default=0)
    for q, name, n in summary.by_quad:
        quad.add_row(str(q), name, f"{n:,}", Text(_bar(n, largest), style=QUAD_STYLES[q]))

    roots = Table(title="events by CAMEO root", title_justify="left", header_style="bold")
    roots.add_column("root")
    roots.add_column("name")
    roots.add_column("events", justify="right")
    for root, name, n in summary.by_root:
        roots.add_row(root, name, f"{n:,}")

    pairs = Table(title="top source → target", title_justify="left", header_style="bold")
    pairs.add_column("source")
    pairs.add_column("target")
    pairs.add_column("events", justify="right")
    for s, t, n in summary.top_pairs:
        pairs.add_row(s, t, f"{n:,}")

    rejected = Table(title="rejected records", title_justify="left", header_style="bold")
    rejected.add_column("stage")
    rejected.add_column("error_type")
    rejected.add_column("records", justify="right")
    for stage, error, n in summary.rejected_by_reason:
        rejected.add_row(stage, error, f"{n:,}")
    if not summary.rejected_by_reason:
        rejected.add_row("—", "none", "0")

    console.print(Group(quad, roots))
    console.print(pairs)
    console.print(rejected)

    if summary.samples:
        console.print(
            Text.assemble(
                ("sample events", "bold"),
                " (highlighted: ",
                ("trigger", STYLES["trigger"]),
                ", ",
                ("source", STYLES["source"]),
                ", ",
                ("target", STYLES["target"]),
                ")",
            )
        )
    for event in summary.samples:
        line = Text.assemble(
            (f"{event['event_date']}  ", "dim"),
            (f"{event['cameo_code']:<5}", "bold"),
            f"{event['plover_type'] or '-':<10}",
            f"{event['source_code'] or '?'} → {event['target_code'] or '?'}",
            (f"  {event['event_mode']}  conf {event['confidence']:.2f}", "dim"),
        )
        console.print(line)
        console.print(Padding(highlighted_sentence(event), (0, 0, 0, 4)))
