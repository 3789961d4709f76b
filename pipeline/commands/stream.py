"""``newsevents stream --inbox DIR --output OUT [options] [Beam options]``: the streaming pipeline.

Files dropped into DIR (by rename) are read once each, coded by the batch stages and committed
per window, atomically, with a ledger in ``OUT/_state/`` (see :mod:`ingest.inbox`). On SIGINT or
SIGTERM (or ``--stop-after`` / ``--max-files``) the stream stops claiming files, waits until every
claimed file is committed, then stops the pipeline and exits 0.
"""

from __future__ import annotations

import argparse
import signal
import time
from datetime import date, datetime, timezone
from pathlib import Path
from types import FrameType
from typing import Any

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from ingest.inbox import InboxFile, Ledger, list_inbox
from ingest.messages import parse_source
from nlp.memory import keep_releasing_free_memory, limit_malloc_arenas
from pipeline.build import RunSettings, build_stream_pipeline
from pipeline.logs import add_log_format_argument, configure_logging, get_logger
from pipeline.manifest import TABLES, counters, write_manifest
from pipeline.options import _iso_date, _positive, coding_settings
from pipeline.version import pipeline_version
from transforms.stream_source import InboxFiles, InboxSource, MessageSource, StreamState, register_stream_state

DEFAULT_RUNNER = "DirectRunner"


def _seconds(value: str) -> float:
    number = float(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be a positive number of seconds")
    return number


class StreamOptions:
    """Options of ``newsevents stream`` (Beam's own options come alongside). Not a ``PipelineOptions``
    subclass on purpose: Beam adds every subclass's flags to one parser, and ``--output`` would clash
    with ``NewsEventsOptions``."""

    @classmethod
    def _add_argparse_args(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--inbox", default=None, help="Folder that writers drop .jsonl/.txt/.csv files into.")
        parser.add_argument(
            "--source",
            default=None,
            help="Instead of --inbox: pubsub://projects/P/subscriptions/S or kafka://BROKER/TOPIC.",
        )
        parser.add_argument("--output", default=None, help="Output folder on a local/POSIX filesystem; required.")
        parser.add_argument("--window", type=_seconds, default=10.0, help="Window length in seconds (default 10).")
        parser.add_argument("--poll", type=_seconds, default=1.0, help="Inbox poll interval in seconds (default 1).")
        parser.add_argument(
            "--stop_after", "--stop-after", dest="stop_after", type=_seconds, default=None, help="Stop after N s."
        )
        parser.add_argument(
            "--max_files", "--max-files", dest="max_files", type=_positive, default=None, help="Stop after N files."
        )
        parser.add_argument("--published", type=_iso_date, default=None, help="Default publication date.")
        parser.add_argument("--spacy_model", "--spacy-model", dest="spacy_model", default=None)
        parser.add_argument(
            "--max_article_chars", "--max-article-chars", dest="max_article_chars", type=_positive, default=1_000_000
        )
        parser.add_argument(
            "--max_sentence_chars", "--max-sentence-chars", dest="max_sentence_chars", type=_positive, default=2_000
        )
        parser.add_argument(
            "--annotate_batch_size", "--annotate-batch-size", dest="annotate_batch_size", type=_positive, default=256
        )
        parser.add_argument(
            "--cascade",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="Parse only the sentences that can hold an event, as newsevents run does (default: on).",
        )
        parser.add_argument("--ingest_date", "--ingest-date", dest="ingest_date", type=_iso_date, default=None)
        parser.add_argument("--run_id", "--run-id", dest="run_id", default=None)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "stream",
        help="Run the streaming pipeline over an inbox folder (or Pub/Sub, Kafka).",
        description="Read files dropped into --inbox as they arrive and commit their events per window, "
        "exactly once. Beam options (--runner=...) are passed through to Beam; give them as --name=value.",
    )
    add_log_format_argument(parser)
    parser.add_argument("--quiet", action="store_true", help="No end-of-run summary line.")
    StreamOptions._add_argparse_args(parser)
    parser.set_defaults(handler=main, parser=parser, accepts_beam_args=True)


class _Stop:
    """Why the stream should stop, set from a signal handler or the main loop."""

    def __init__(self) -> None:
        self.reason: str | None = None

    def request(self, reason: str) -> None:
        if self.reason is None:
            self.reason = reason

    def on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self.request(signal.Signals(signum).name)


def main(args: argparse.Namespace, beam_args: list[str]) -> int:
    if not args.output:
        args.parser.error("--output is required")
    if bool(args.inbox) == bool(args.source):
        args.parser.error("give exactly one of --inbox DIR or --source URI")
    # Before any worker process or thread exists: the local runner's workers inherit it (nlp/memory.py).
    limit_malloc_arenas()
    # The runner in this process holds each stage's shuffled data and frees it when the stage ends.
    keep_releasing_free_memory()
    spec = None
    if args.source:
        try:
            spec = parse_source(args.source)
        except ValueError as error:
            args.parser.error(str(error))
    configure_logging(args.log_format)
    log = get_logger("newsevents")

    started = datetime.now(timezone.utc)
    run_id = args.run_id or "stream-" + started.strftime("%Y%m%dT%H%M%SZ")
    options = PipelineOptions(beam_args)
    standard = options.view_as(StandardOptions)
    if standard.runner is None:
        standard.runner = DEFAULT_RUNNER
    standard.streaming = True
    output = str(Path(args.output).resolve()) if "://" not in args.output else args.output.rstrip("/")
    settings = RunSettings(
        inputs=(),
        output=output,
        run_id=run_id,
        pipeline_version=pipeline_version(),
        **coding_settings(args, started.date()),
    )
    # Finish whatever a killed run left half-committed before reading anything new.
    ledger = Ledger(output)
    recovered = ledger.recover()
    commits_before = set(recovered.commits)
    state = register_stream_state(output, StreamState.from_ledger(recovered, args.max_files))
    for table in TABLES:
        (Path(output) / table).mkdir(parents=True, exist_ok=True)
    if args.inbox:
        Path(args.inbox).mkdir(parents=True, exist_ok=True)
        source: beam.PTransform = InboxSource(
            str(Path(args.inbox).resolve()), output, settings.read_settings, args.window, args.poll
        )
    else:
        source = MessageSource(spec, output, settings.read_settings, args.window)
    log.info(
        "stream.start",
        run_id=run_id,
        inbox=args.inbox,
        source=args.source,
        output=output,
        window=args.window,
        committed_files=len(recovered.inbox),
        runner=str(standard.runner),
    )

    stop = _Stop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop.on_signal)

    clock = time.monotonic()
    if "Direct" not in str(standard.runner) or spec is not None:
        # A real streaming runner: one unbounded pipeline (PeriodicImpulse-polled inbox, Pub/Sub or Kafka).
        pipeline = beam.Pipeline(options=options)
        build_stream_pipeline(pipeline, settings, source)
        pipeline.run()
        log.info("stream.submitted", run_id=run_id, runner=str(standard.runner))
        return 0

    # Locally: one Beam pipeline per window over the files that arrived in it (see InboxSource for why).
    batch_options = PipelineOptions(beam_args)
    batch_options.view_as(StandardOptions).streaming = False
    totals: dict[str, int] = {}
    failure: list[BaseException] = []
    window_end = _next_boundary(time.time(), args.window)
    while True:
        while stop.reason is None and time.time() < window_end:
            time.sleep(min(args.poll, 0.1, max(window_end - time.time(), 0.01)))
            if args.stop_after is not None and time.monotonic() - clock >= args.stop_after:
                stop.request("stop_after")
        files = [found for found in list_inbox(args.inbox) if state.claim(found.key)]
        if files:
            try:
                counts = _run_window(batch_options, settings, files, output)
            except Exception as error:  # noqa: BLE001 - reported; the ledger keeps the output consistent
                failure.append(error)
                break
            for name, value in counts.items():
                totals[name] = totals.get(name, 0) + value
            log.info("stream.window", files=len(files), events=counts.get("events", 0))
        if state.full:
            stop.request("max_files")
        if stop.reason is not None:
            break
        window_end = _next_boundary(time.time(), args.window)

    if failure:
        log.error("stream.failed", error=f"{type(failure[0]).__name__}: {failure[0]}")
        return 1
    seconds = time.monotonic() - clock
    after = ledger.read()
    manifest = {
        "run_id": run_id,
        "mode": "stream",
        "pipeline_version": settings.pipeline_version,
        "started": started.isoformat(),
        "finished": datetime.now(timezone.utc).isoformat(),
        "seconds": round(seconds, 2),
        "runner": str(standard.runner),
        "stop_reason": stop.reason,
        "inbox": args.inbox,
        "source": args.source,
        "output": output,
        "options": _options_record(args),
        "counts": totals,
        "commits": [c for c in after.commits if c not in commits_before],
        "inbox_files_committed": len(after.inbox) - len(recovered.inbox),
    }
    manifest_path = write_manifest(output, run_id, manifest)
    log.info(
        "stream.end",
        run_id=run_id,
        reason=stop.reason,
        seconds=round(seconds, 2),
        files=manifest["inbox_files_committed"],
        events=totals.get("events", 0),
        manifest=manifest_path,
    )
    if not args.quiet:
        print(
            f"newsevents stream {run_id}: {manifest['inbox_files_committed']} inbox files, "
            f"{totals.get('articles_accepted', 0)} articles, {totals.get('articles_duplicate', 0)} duplicates, "
            f"{totals.get('events', 0)} events in {len(manifest['commits'])} commits; stopped by {stop.reason}"
        )
    return 0


def _next_boundary(now: float, window: float) -> float:
    """End of the window holding ``now``: windows are aligned to multiples of ``window`` seconds."""
    return (now // window + 1) * window


def _run_window(options: PipelineOptions, settings: RunSettings, files: list[InboxFile], output: str) -> dict[str, int]:
    """Codes and commits one window's files with the batch runner (in-process FnApiRunner, so the
    stream's in-memory state is shared); returns the window's counters."""
    from apache_beam.runners.portability.fn_api_runner import FnApiRunner

    pipeline = beam.Pipeline(runner=FnApiRunner(), options=options)
    build_stream_pipeline(pipeline, settings, InboxFiles(files, output, settings.read_settings))
    result = pipeline.run()
    result.wait_until_finish()
    return counters(result)


def _options_record(args: argparse.Namespace) -> dict[str, Any]:
    record = {k: v for k, v in vars(args).items() if k not in ("command", "handler", "parser")}
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in record.items()}
