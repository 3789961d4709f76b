"""The README documents the output contract and the commands that CI runs."""

from __future__ import annotations

from pathlib import Path

from schemas.arrow import output_tables

ROOT = Path(__file__).resolve().parents[1]


def test_every_output_column_is_documented():
    readme = (ROOT / "README.md").read_text()
    for table in output_tables("x").values():
        for field in table.dataset_schema:
            assert f"`{field.name}`" in readme or f"`{field.name.split('_')[0]}_*`" in readme, field.name


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / "README.md").read_text()
    assert "make test" in (ROOT / ".ci" / "run").read_text()
