"""The data dictionary (docs/schema.md) and the schema version history match the Arrow schemas."""

from __future__ import annotations

import copy

from schemas.arrow import output_tables
from schemas.codebook import cameo_codes
from schemas.dictionary import DICTIONARY_FILE, columns, load_versions, render_markdown, snapshot, version_problems
from schemas.models import SCHEMA_VERSION


def test_committed_dictionary_matches_the_arrow_schema():
    committed = DICTIONARY_FILE.read_text(encoding="utf-8")
    assert committed == render_markdown(), (
        "docs/schema.md differs from the Arrow schema or the codebooks: run `python -m schemas.dictionary --write` "
        "(and bump SCHEMA_VERSION if columns changed)"
    )


def test_every_column_of_every_table_is_in_the_dictionary_with_its_type():
    text = render_markdown()
    for name, table in output_tables("x").items():
        assert f"## `{name}`" in text
        for field in table.dataset_schema:
            nullable = "yes" if field.nullable else "no"
            assert f"| `{field.name}` | {field.type} | {nullable} |" in text, f"{name}.{field.name}"


def test_columns_carry_descriptions_and_the_partition_column():
    events = output_tables("x")["events"]
    records = columns(events)
    assert [r["name"] for r in records] == events.dataset_schema.names
    assert all(r["description"] for r in records), "every model field needs a description"
    assert [r["name"] for r in records if r["partition"]] == ["event_date"]
    assert {"cameo_code", "cameo_root", "source_country"} <= {r["name"] for r in records if r["coded"]}


def test_code_lists_are_complete():
    text = render_markdown()
    for entry in cameo_codes().values():
        assert f"| `{entry.code}` | {entry.name.replace('|', chr(92) + '|')} |" in text
    for heading in ("## Quad classes", "## PLOVER types", "## Actor sectors", "## Countries", "## Organisations"):
        assert heading in text
    for plover in ("`ASSAULT`", "`AGREE`", "`REQUEST`"):
        assert plover in text
    for sector in ("`GOV`", "`MIL`", "`REB`"):
        assert sector in text


def test_current_schema_is_the_recorded_schema_version():
    assert version_problems() == [], version_problems()
    assert SCHEMA_VERSION in load_versions()


def test_a_schema_change_without_a_version_bump_is_caught():
    versions = copy.deepcopy(load_versions())
    versions[SCHEMA_VERSION]["tables"]["events"].pop("confidence")
    assert any("bump SCHEMA_VERSION" in p for p in version_problems(versions))


def test_new_versions_may_only_add_nullable_columns():
    current = snapshot()
    older = copy.deepcopy(current)
    del older["events"]["latitude"]  # nullable: added later is fine
    del older["events"]["confidence"]  # not nullable: old files could not satisfy it
    older["events"]["sentence_index"]["type"] = "int64"
    versions = {"0": {"summary": "old", "tables": older}, SCHEMA_VERSION: {"summary": "new", "tables": current}}
    problems = version_problems(versions)
    assert any("events.confidence as non-nullable" in p for p in problems)
    assert not any("latitude" in p for p in problems)
    assert any("changes the type of events.sentence_index" in p for p in problems)
