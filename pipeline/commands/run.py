"""``newsevents run INPUT... --output OUT [options] [Beam options]``: the batch pipeline."""

from __future__ import annotations

import argparse
import secrets
import time
from datetime import date, datetime, timezone
from typing import Any

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from pipeline.build import RunSettings, build_pipeline
from pipeline.logs import add_log_format_argument, configure_logging, get_logger
from pipeline.manifest import TABLES, accounting, counters, files_written, write_manifest
from pipeline.options import NewsEventsOptions
from pipeline.version import pipeline_version

DEFAULT_RUNNER = "DirectRunner"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "run",
        help="Run the batch pipeline.",
        description="Run the pipeline over INPUT files, folders or globs. Beam options (--runner=..., "
        "--direct_num_workers=...) are passed through to Beam; give them as --name=value.",
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help=".jsonl[.gz], .csv[.gz], .txt files, folders or globs"
    )
    add_log_format_argument(parser)
    parser.add_argument("--quiet", action="store_true", help="No end-of-run summary.")
    NewsEventsOptions._add_argparse_args(parser)
    parser.set_defaults(handler=main, parser=parser, accepts_beam_args=True)


def _new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def _clear_tables(output: str) -> None:
    """Replace mode: the tables of an earlier run are removed so the output is this run's alone."""
    for table in (*TABLES, "_tmp"):
        path = FileSystems.join(output, table)
        if FileSystems.exists(path):
            FileSystems.delete([path])


def _prepare_output(output: str, append: bool) -> None:
    if not append:
        _clear_tables(output)
    for table in TABLES:
        path = FileSystems.join(output, table)
        if not FileSystems.exists(path):
            FileSystems.mkdirs(path)


def main(args: argparse.Namespace, beam_args: list[str]) -> int:
    if not args.output:
        args.parser.error("--output is required")
    configure_logging(args.log_format)
    log = get_logger("newsevents")

    started = datetime.now(timezone.utc)
    run_id = args.run_id or _new_run_id(started)
    options = PipelineOptions(beam_args)
    if options.view_as(StandardOptions).runner is None:
        options.view_as(StandardOptions).runner = DEFAULT_RUNNER
    settings = RunSettings(
        inputs=tuple(args.inputs + list(args.input)),
        output=args.output.rstrip("/"),
        run_id=run_id,
        ingested=args.ingest_date or started.date(),
        pipeline_version=pipeline_version(),
        published=args.published,
        spacy_model=args.spacy_model,
        max_article_chars=args.max_article_chars,
        max_sentence_chars=args.max_sentence_chars,
        annotate_batch_size=args.annotate_batch_size,
        output_shards=args.output_shards,
    )
    log.info(
        "run.start",
        run_id=run_id,
        inputs=list(settings.inputs),
        output=settings.output,
        runner=str(options.view_as(StandardOptions).runner),
        version=settings.pipeline_version,
    )
    _prepare_output(settings.output, args.append)

    clock = time.perf_counter()
    pipeline = beam.Pipeline(options=options)
    build_pipeline(pipeline, settings)
    result = pipeline.run()
    result.wait_until_finish()
    seconds = time.perf_counter() - clock

    temp = FileSystems.join(settings.output, "_tmp", run_id)
    if FileSystems.exists(temp):
        FileSystems.delete([temp])
    totals = counters(result)
    files = files_written(settings.output, run_id)
    books = accounting(totals)
    manifest = {
        "run_id": run_id,
        "pipeline_version": settings.pipeline_version,
        "started": started.isoformat(),
        "finished": datetime.now(timezone.utc).isoformat(),
        "seconds": round(seconds, 2),
        "runner": str(options.view_as(StandardOptions).runner),
        "state": str(result.state),
        "inputs": list(settings.inputs),
        "output": settings.output,
        "options": _options_record(args, options),
        "counts": totals,
        "accounting": books.as_dict(),
        "files": files,
    }
    manifest_path = write_manifest(settings.output, run_id, manifest)
    log.info(
        "run.end",
        run_id=run_id,
        seconds=round(seconds, 2),
        events=totals.get("events", 0),
        articles=totals.get("articles_accepted", 0),
        manifest=manifest_path,
    )
    if not books.balanced:
        log.warning("run.accounting_mismatch", **books.as_dict())
    if not args.quiet:
        _print_summary(manifest, manifest_path)
    return 0


def _options_record(args: argparse.Namespace, options: PipelineOptions) -> dict[str, Any]:
    record = {k: v for k, v in vars(args).items() if k not in ("command", "handler", "parser")}
    record["beam"] = {k: v for k, v in options.get_all_options(drop_default=True).items() if v is not None}
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in record.items()}


def _print_summary(manifest: dict[str, Any], manifest_path: str) -> None:
    from rich.console import Console
    from rich.table import Table

    counts = manifest["counts"]
    table = Table(title=f"newsevents run {manifest['run_id']}", show_header=True, header_style="bold")
    table.add_column("stage")
    table.add_column("count", justify="right")
    rows = [
        ("input files", "input_files"),
        ("records read", "articles_read"),
        ("articles accepted", "articles_accepted"),
        ("records rejected while reading", "records_rejected_reading"),
        ("duplicate articles rejected", "articles_duplicate"),
        ("sentences", "sentences"),
        ("sentences rejected (too long)", "sentences_rejected"),
        ("sentences annotated", "sentences_annotated"),
        ("sentences failed annotation", "sentences_failed_annotation"),
        ("sentences with events", "sentences_with_events"),
        ("sentences failed coding", "sentences_failed_coding"),
        ("events", "events"),
    ]
    for label, key in rows:
        table.add_row(label, f"{counts.get(key, 0):,}")
    console = Console(stderr=False)
    console.print(table)
    written = {name: len(paths) for name, paths in manifest["files"].items()}
    console.print(f"output   {manifest['output']}  (files: {written})")
    console.print(f"manifest {manifest_path}")
    console.print(f"time     {manifest['seconds']} s on {manifest['runner']}")
    if not manifest["accounting"]["balanced"]:
        console.print("[bold red]accounting mismatch: see the manifest[/]")
