"""Shared fixtures: paths, the spaCy model (loaded once per test session) and a sentence parser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.formats import ReadSettings
from schemas.records import Annotation

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
VERSION = "test"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared material not found at {SHARED} (evaluation and corpus tests need ../shared)")
    return SHARED


@pytest.fixture
def settings() -> ReadSettings:
    return ReadSettings(pipeline_version=VERSION)


@pytest.fixture(scope="session")
def nlp():  # noqa: ANN201 - spaCy Language
    from nlp.annotate import load_model

    return load_model()


@pytest.fixture(scope="session")
def parse(nlp) -> Callable[[str], Annotation]:
    from nlp.annotate import annotate_text

    def _parse(text: str) -> Annotation:
        return annotate_text(nlp, text)

    return _parse
