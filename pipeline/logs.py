"""structlog set-up: readable console lines when interactive, JSON lines for machines."""

from __future__ import annotations

import argparse
import logging
import sys

import structlog

# Harmless warnings Beam prints on every run (optional GCP clients absent, no `resource` module on
# some platforms); hidden so that the warnings left are worth reading.
_NOISE = ("apitools not found", "Resource module is not available")


class _DropNoise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not any(text in record.getMessage() for text in _NOISE)


def quiet_beam_import_warnings() -> None:
    """Call before importing apache_beam: installs the root handler with the noise filter."""
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    for handler in root.handlers:
        handler.addFilter(_DropNoise())
    root.setLevel(logging.WARNING)


def configure_logging(log_format: str = "auto", level: str = "INFO") -> None:
    """``log_format``: ``console``, ``json`` or ``auto`` (console on a terminal, else JSON)."""
    if log_format == "auto":
        log_format = "console" if sys.stderr.isatty() else "json"
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer() if log_format == "json" else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )
    # Beam logs through the standard library: keep its chatter to warnings.
    quiet_beam_import_warnings()
    logging.getLogger("apache_beam").setLevel(logging.WARNING)


def add_log_format_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--log-format",
        "--log_format",
        dest="log_format",
        choices=["auto", "console", "json"],
        default="auto",
        help="Log lines for people (console) or machines (json); default auto: console on a terminal.",
    )


def get_logger(name: str) -> structlog.typing.FilteringBoundLogger:
    return structlog.get_logger(name)
