"""``newsevents run INPUT... --output OUT [options] [Beam options]``: the batch pipeline."""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import time
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from typing import Any

import apache_beam as beam
import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from nlp.memory import keep_releasing_free_memory, limit_malloc_arenas
from pipeline.build import RunSettings, build_pipeline
from pipeline.commit import (
    InputFile,
    OutputError,
    Recovery,
    Staged,
    apply_journal,
    batch_id,
    cause,
    check_batch_id,
    check_writable,
    collect_staged,
    fingerprint,
    output_lock,
    recover,
    staging_folder,
    write_journal,
)
from pipeline.logs import add_log_format_argument, configure_logging, get_logger
from pipeline.manifest import accounting, counters, write_manifest
from pipeline.options import WORKER_EXIT_PLUGIN, NewsEventsOptions, add_beam_plugin, coding_settings, parse_lanes
from pipeline.progress import ProgressDisplay
from pipeline.runners import batch_runner
from pipeline.version import pipeline_version
from transforms.read_articles import expand_input

DEFAULT_RUNNER = "DirectRunner"
# Exit codes: rejected records alone never fail a run.
EXIT_OK = 0
EXIT_FAILED = 1  # the pipeline or the filesystem failed during the run
EXIT_USAGE = 2  # nothing to read, or the output folder cannot be written or is in use
EXIT_TOO_MANY_REJECTED = 3  # --max-rejected-fraction exceeded


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


@dataclass
class InputBatch:
    """The input files of a run, fingerprinted, and the batch id they make."""

    batch_id: str
    files: list[InputFile]
    unmatched: list[str]

    @property
    def readable(self) -> list[InputFile]:
        return [f for f in self.files if f.error is None]


def discover_inputs(patterns: list[str], given_batch_id: str | None) -> InputBatch:
    files: list[InputFile] = []
    unmatched: list[str] = []
    for pattern in patterns:
        matched, problem = expand_input(pattern)
        if problem is not None:
            unmatched.append(pattern)
        for path in matched:
            # With a given batch id nothing needs hashing; the files are still opened once, to report
            # unreadable ones before the pipeline starts.
            files.append(fingerprint(path) if given_batch_id is None else _probe(path))
    batch = check_batch_id(given_batch_id) if given_batch_id else batch_id(files, unmatched)
    return InputBatch(batch, files, unmatched)


def _probe(path: str) -> InputFile:
    try:
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as handle:
            handle.read(1)
    except Exception as error:  # noqa: BLE001 - reported, then rejected by the pipeline
        return InputFile(path, None, None, f"{type(error).__name__}: {error}")
    return InputFile(path, None, None)


def _fail(log: Any, code: int, message: str, **fields: Any) -> int:
    log.error("run.failed", exit_code=code, error=message, **fields)
    print(f"newsevents run: error: {message}", file=sys.stderr)
    return code


def main(args: argparse.Namespace, beam_args: list[str]) -> int:
    if not args.output:
        args.parser.error("--output is required")
    configure_logging(args.log_format)
    log = get_logger("newsevents")

    started = datetime.now(timezone.utc)
    # Before any worker process or thread exists: the local runner's workers inherit it (nlp/memory.py).
    limit_malloc_arenas()
    # The runner in this process holds each stage's shuffled data and frees it when the stage ends.
    keep_releasing_free_memory()
    run_id = args.run_id or _new_run_id(started)
    options = PipelineOptions(beam_args)
    if options.view_as(StandardOptions).runner is None:
        options.view_as(StandardOptions).runner = DEFAULT_RUNNER
    output = args.output.rstrip("/")
    patterns = args.inputs + list(args.input)
    try:
        inputs = discover_inputs(patterns, args.batch_id)
    except ValueError as error:
        return _fail(log, EXIT_USAGE, str(error))
    for item in inputs.files:
        if item.error:
            log.warning("run.input_unreadable", path=item.path, error=item.error)
    if not inputs.readable:
        problems = [f"{p}: matched no file" for p in inputs.unmatched] + [f"{f.path}: {f.error}" for f in inputs.files]
        return _fail(log, EXIT_USAGE, "no input file could be read (" + "; ".join(problems) + ")")

    settings = RunSettings(
        inputs=tuple(patterns),
        output=output,
        run_id=run_id,
        pipeline_version=pipeline_version(),
        **coding_settings(args, started.date()),
        parse_lanes=parse_lanes(args.parse_lanes, options),
        output_shards=args.output_shards,
        batch_id=inputs.batch_id,
        staging=staging_folder(output, run_id),
    )
    try:
        with output_lock(output) if _is_local(output) and _ensure_folder(output) else nullcontext():
            check_writable(output)
            recovery = recover(output)
            if recovery.rolled_forward or recovery.discarded:
                log.warning(
                    "run.recovered",
                    commits_finished=recovery.rolled_forward,
                    staging_discarded=recovery.discarded,
                )
            return _run_batch(args, options, settings, inputs, started, recovery, log)
    except OutputError as error:
        return _fail(log, EXIT_USAGE, str(error), output=output)


def _is_local(output: str) -> bool:
    return FileSystems.get_scheme(output) in (None, "file")


def _ensure_folder(output: str) -> bool:
    """The lock file lives in the output folder, so the folder must exist first."""
    try:
        os.makedirs(output, exist_ok=True)
    except OSError as error:
        raise OutputError(f"output folder {output} cannot be created: {type(error).__name__}: {error}") from None
    return True


def _run_batch(
    args: argparse.Namespace,
    options: PipelineOptions,
    settings: RunSettings,
    inputs: InputBatch,
    started: datetime,
    recovery: Recovery,
    log: Any,
) -> int:
    run_id = settings.run_id
    log.info(
        "run.start",
        run_id=run_id,
        batch_id=settings.batch_id,
        inputs=list(settings.inputs),
        input_files=len(inputs.files),
        output=settings.output,
        runner=str(options.view_as(StandardOptions).runner),
        version=settings.pipeline_version,
    )
    staging = staging_folder(settings.output, run_id)
    add_beam_plugin(options, WORKER_EXIT_PLUGIN)
    clock = time.perf_counter()
    try:
        pipeline = beam.Pipeline(runner=batch_runner(options), options=options)
        # A status line while the run goes, on a terminal only (pipeline/progress.py).
        with ProgressDisplay(enabled=not args.quiet) as progress:
            build_pipeline(pipeline, replace(settings, progress_dir=progress.folder))
            result = pipeline.run()
            result.wait_until_finish()
    except Exception as error:  # noqa: BLE001 - a failed run is reported in one line, with its cause
        _discard(staging)
        return _fail(log, EXIT_FAILED, f"the pipeline failed, nothing was written: {cause(error)}", run_id=run_id)
    seconds = time.perf_counter() - clock

    totals = counters(result)
    staged = collect_staged(settings.output, run_id)
    books = accounting(totals, staged.rows())
    if staged.unreadable or (totals and not books.files_complete):
        _discard(staging)
        detail = "; ".join(staged.unreadable) or (
            f"rows handed to the writers {books.rows_expected} but found in the files {books.rows_written}"
        )
        return _fail(log, EXIT_FAILED, f"the output files are incomplete, nothing was committed: {detail}")
    final_files: dict[str, list[str]] = {}
    for item in staged.files:
        final_files.setdefault(item.table, []).append(item.final)
    manifest = {
        "run_id": run_id,
        "batch_id": settings.batch_id,
        "pipeline_version": settings.pipeline_version,
        "started": started.isoformat(),
        "finished": datetime.now(timezone.utc).isoformat(),
        "seconds": round(seconds, 2),
        "runner": str(options.view_as(StandardOptions).runner),
        "state": str(result.state),
        "committed": True,
        "inputs": list(settings.inputs),
        "input_files": [f.as_dict() for f in inputs.files],
        "output": settings.output,
        "options": _options_record(args, options),
        "counts": totals,
        "accounting": books.as_dict(),
        "rejected_by_type": _rejected_by_type(staged),
        "recovered": {"commits_finished": recovery.rolled_forward, "staging_discarded": recovery.discarded},
        "files": {table: sorted(paths) for table, paths in sorted(final_files.items())},
    }
    limit = args.max_rejected_fraction
    if limit is not None and books.rejected_fraction > limit:
        _discard(staging)
        manifest["committed"] = False
        manifest["files"] = {}
        path = write_manifest(settings.output, run_id, manifest)
        return _fail(
            log,
            EXIT_TOO_MANY_REJECTED,
            f"{books.articles_rejected:,} of {books.records_read:,} records rejected "
            f"({books.rejected_fraction:.1%}), over --max-rejected-fraction {limit:g}; nothing was committed. "
            f"Rejections by type: {manifest['rejected_by_type']}. Manifest: {path}",
        )
    try:
        journal = write_journal(settings.output, run_id, settings.batch_id or run_id, staged, manifest)
        committed = apply_journal(settings.output, journal)
    except Exception as error:  # noqa: BLE001 - the journal lets the next run finish this commit
        return _fail(
            log,
            EXIT_FAILED,
            f"committing the output failed: {cause(error)}. The next run into {settings.output} finishes "
            "or discards this commit.",
        )
    manifest["stale_files_removed"] = committed.stale_removed
    log.info(
        "run.end",
        run_id=run_id,
        batch_id=settings.batch_id,
        seconds=round(seconds, 2),
        events=totals.get("events", 0),
        articles=totals.get("articles_accepted", 0),
        stale_files_removed=len(committed.stale_removed),
        manifest=committed.manifest_path,
    )
    if not books.balanced:
        log.warning("run.accounting_mismatch", **books.as_dict())
    if not args.quiet:
        _print_summary(manifest, committed.manifest_path)
    return EXIT_OK


def _discard(staging: str) -> None:
    try:
        if FileSystems.exists(staging):
            FileSystems.delete([staging])
    except Exception:  # noqa: BLE001, S110 - the next run deletes leftovers anyway
        pass


def _rejected_by_type(staged: Staged) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in staged.files:
        if item.table != "rejected" or not item.rows:
            continue
        for value in pq.read_table(item.staged, columns=["error_type"]).column("error_type").to_pylist():
            counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items()))


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
        ("sentences skipped by cascade", "sentences_skipped_by_cascade"),
        ("  of them once tagged", "sentences_set_aside_after_tagging"),
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
    stale = len(manifest.get("stale_files_removed", []))
    console.print(f"batch    {manifest['batch_id']}  ({stale} stale files of this batch removed)")
    console.print(f"manifest {manifest_path}")
    console.print(f"time     {manifest['seconds']} s on {manifest['runner']}")
    if not manifest["accounting"]["balanced"]:
        console.print("[bold red]accounting mismatch: see the manifest[/]")
