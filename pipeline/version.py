"""The installed version of newsevents, stamped on every output row and file."""

from __future__ import annotations

from importlib import metadata


def pipeline_version() -> str:
    try:
        return metadata.version("newsevents")
    except metadata.PackageNotFoundError:
        return "0.0.0+source"
