"""The data dictionary of the dataset, generated from the Arrow schemas and the codebooks.

``docs/schema.md`` is the output of :func:`render_markdown`. It is generated, never edited by hand:
every table of :func:`schemas.arrow.output_tables` and every column of it appear with type,
nullability, meaning (the pydantic field description) and an example, followed by the code lists
(CAMEO, quad classes, PLOVER, sectors, countries, organisations). ``tests/test_dictionary.py``
fails when the committed file and the schema differ, so the two cannot drift apart.

Schema versions: ``schemas/data/schema_versions.json`` keeps the columns of every released
``SCHEMA_VERSION``. :func:`version_problems` checks that the current schema matches the snapshot of
the current version (a change must bump the version) and that a new version only adds nullable
columns, so files of old and new versions can be read together.

    python -m schemas.dictionary --write            # regenerate docs/schema.md
    python -m schemas.dictionary --check            # exit 1 if docs/schema.md is stale
    python -m schemas.dictionary --record "what changed"   # snapshot the current SCHEMA_VERSION
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from schemas.arrow import TableSchema, output_tables
from schemas.codebook import DATA_DIR, cameo_codes, data_rows
from schemas.models import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
DICTIONARY_FILE = ROOT / "docs" / "schema.md"
VERSIONS_FILE = DATA_DIR / "schema_versions.json"
# The dictionary does not depend on which pipeline version writes the files.
_ANY_VERSION = "any"

# Examples per column, used when the pydantic field declares no ``examples=[...]`` of its own.
# A column missing from both shows "—": the dictionary never blocks adding a column.
EXAMPLES: dict[str, str] = {
    "event_id": "ev-07feb1650cdec8fb45b2",
    "event_date": "2022-04-26",
    "date_source": "text",
    "date_text": "this week",
    "article_id": "000_81c0bf131cfcbb7c",
    "article_url": "https://www.example.org/news/belarus-exercises",
    "publisher": "Reuters",
    "published": "2022-04-26 00:00:00+00:00",
    "sentence_index": "0",
    "sentence": "Belarus announced on Tuesday that it would hold joint air defense exercises with Russia this week ...",
    "trigger_text": "exercises",
    "trigger_start": "66",
    "trigger_end": "75",
    "source_text": "Belarus",
    "source_code": "BLR",
    "source_country": "BLR",
    "source_sector": "GOV",
    "source_start": "0",
    "source_end": "7",
    "target_text": "Russia",
    "target_code": "RUSMIL",
    "target_country": "RUS",
    "target_sector": "MIL",
    "target_start": "81",
    "target_end": "87",
    "cameo_code": "0312",
    "cameo_root": "03",
    "plover_type": "AGREE",
    "plover_mode": "cooperate",
    "quad_class": "1",
    "goldstein": "5.2",
    "negated": "false",
    "event_mode": "intended",
    "location_name": "Ukraine",
    "location_country": "UKR",
    "latitude": "50.45466",
    "longitude": "30.5238",
    "confidence": "0.85",
    "pipeline_version": "0.1.0",
    "published_date": "2022-04-26",
    "url": "https://www.example.org/news/belarus-exercises",
    "title": "Belarus announces joint air defense training with Russia amid flurry of strikes in southern Ukraine",
    "language": "en",
    "text": "Belarus announced on Tuesday that ...",
    "source_file": "seeds/articles.jsonl",
    "source_line": "1",
    "sentence_count": "14",
    "event_count": "10",
    "stage": "ReadArticles",
    "error_type": "duplicate_article",
    "reason": "article id '000_81c0bf131cfcbb7c' also read from seeds/articles.jsonl:1 (the same article); ...",
    "payload": '{"id": "x", "text": ""}',
    "cameo_name": "Express intent to engage in military cooperation",
    "date_rule": "relative",
}

QUAD_CLASSES: dict[int, tuple[str, str]] = {
    1: ("Verbal cooperation", "01–05"),
    2: ("Material cooperation", "06–08"),
    3: ("Verbal conflict", "09–13"),
    4: ("Material conflict", "14–20"),
}

# Names of the sector codes in sectors.tsv (the file itself holds only the matching terms).
SECTOR_NAMES: dict[str, str] = {
    "GOV": "Government",
    "MIL": "Military",
    "COP": "Police",
    "JUD": "Judiciary",
    "LEG": "Legislature",
    "REB": "Rebels",
    "UAF": "Unaligned armed forces",
    "OPP": "Political opposition",
    "BUS": "Business",
    "MED": "Media",
    "EDU": "Education",
    "HLH": "Health",
    "CVL": "Civilians",
    "REF": "Refugees",
    "SPY": "Intelligence services",
    "REL": "Religious",
    "LAB": "Labour",
    "AGR": "Agriculture",
    "CRM": "Criminals",
}

ENUMERATIONS: dict[str, dict[str, str]] = {
    "date_source": {
        "text": "A date written in the sentence, resolved against the publication date.",
        "published": "The article's publication date.",
        "ingested": "The ingestion date (the article has no publication date).",
    },
    "event_mode": {
        "asserted": "The event is reported as having happened.",
        "reported": "Reported speech: the sentence says someone said it happened (see `reported_by`).",
        "intended": "Announced or promised (will/would, agree to, promise).",
        "refused": "An actor refused to do it.",
        "negated": "The sentence says it did not happen.",
        "possible": "may / might / could.",
    },
}


def _cell(value: object) -> str:
    """A Markdown table cell: pipes escaped, never empty."""
    text = str(value) if value not in (None, "") else "—"
    return text.replace("|", "\\|").replace("\n", " ")


def _example(table: TableSchema, column: str) -> str:
    info = table.model.model_fields.get(column)
    if info is not None and info.examples:
        return str(info.examples[0])
    return EXAMPLES.get(column, "")


def columns(table: TableSchema) -> list[dict[str, Any]]:
    """One record per column a reader sees (file columns and the partition column), in schema order."""
    coded = set(table.coded_columns)
    records = []
    for field in table.dataset_schema:
        records.append(
            {
                "name": field.name,
                "type": str(field.type),
                "nullable": field.nullable,
                "partition": field.name == table.partition_column,
                "coded": field.name in coded,
                "description": (field.metadata or {}).get(b"description", b"").decode(),
                "example": _example(table, field.name),
            }
        )
    return records


def snapshot() -> dict[str, dict[str, dict[str, Any]]]:
    """The structure of the current schema: table -> column -> type and nullability."""
    return {
        name: {c["name"]: {"type": c["type"], "nullable": c["nullable"]} for c in columns(table)}
        for name, table in output_tables(_ANY_VERSION).items()
    }


def load_versions(path: Path = VERSIONS_FILE) -> dict[str, dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def version_problems(versions: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Why the schema history is inconsistent, or [] when it is fine."""
    versions = load_versions() if versions is None else versions
    problems: list[str] = []
    recorded = versions.get(SCHEMA_VERSION)
    if recorded is None:
        return [
            f"SCHEMA_VERSION {SCHEMA_VERSION} has no entry in {VERSIONS_FILE.name}: "
            f'run `python -m schemas.dictionary --record "what changed"`'
        ]
    if recorded["tables"] != snapshot():
        problems.append(
            f"the Arrow schema differs from the recorded schema version {SCHEMA_VERSION}: bump SCHEMA_VERSION "
            f'in schemas/models.py, then run `python -m schemas.dictionary --record "what changed" --write`'
        )
    ordered = sorted(versions, key=lambda v: [int(p) for p in v.split(".")])
    for older, newer in zip(ordered, ordered[1:], strict=False):
        for table, old_columns in versions[older]["tables"].items():
            new_columns = versions[newer]["tables"].get(table)
            if new_columns is None:
                problems.append(f"version {newer} drops table {table}")
                continue
            for column, spec in old_columns.items():
                if column not in new_columns:
                    problems.append(f"version {newer} drops {table}.{column}: old files would not match")
                elif new_columns[column]["type"] != spec["type"]:
                    problems.append(f"version {newer} changes the type of {table}.{column}")
            for column, spec in new_columns.items():
                if column not in old_columns and not spec["nullable"]:
                    problems.append(
                        f"version {newer} adds {table}.{column} as non-nullable: files of version {older} lack "
                        "it, so readers fill nulls; new columns must be nullable"
                    )
    return problems


def record_version(summary: str, path: Path = VERSIONS_FILE) -> None:
    versions = load_versions(path)
    versions[SCHEMA_VERSION] = {"summary": summary, "tables": snapshot()}
    path.write_text(json.dumps(versions, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines + [""]


def render_markdown() -> str:
    """docs/schema.md, generated from output_tables() and the codebooks in schemas/data."""
    tables = output_tables(_ANY_VERSION)
    versions = load_versions()
    out: list[str] = [
        "# Data dictionary",
        "",
        "<!-- Generated by `python -m schemas.dictionary --write` from schemas/models.py and schemas/data. "
        "Do not edit by hand: tests/test_dictionary.py fails when this file and the Arrow schema differ. -->",
        "",
        f"Schema version **{SCHEMA_VERSION}**. Tables: "
        + ", ".join(f"[`{name}`](#{name})" for name in tables)
        + ". Code lists: [CAMEO](#cameo-event-codes), [quad classes](#quad-classes), [PLOVER](#plover-types), "
        "[sectors](#actor-sectors), [countries](#countries), [organisations](#organisations).",
        "",
        "## Files",
        "",
        "Each table is a folder of Parquet files under the output folder. A partitioned table has one "
        "`<column>=<value>/` folder per value (Hive partitioning): the partition column is in the folder "
        "name, not in the files; readers add it back (`hive_partitioning=true` in DuckDB and Polars, "
        '`partitioning="hive"` in pyarrow). Every file:',
        "",
        "- is compressed with zstd; columns marked *coded* are dictionary-encoded;",
        "- has min/max statistics for every column, so readers skip row groups (e.g. on `cameo_root`, "
        "`source_country`); filters on the partition column (`event_date`) skip whole folders;",
        "- carries key-value metadata `newsevents.table`, `newsevents.schema_version` and "
        "`newsevents.pipeline_version`, and each column's description in its Arrow field metadata.",
        "",
        "| table | folder | partition column |",
        "|---|---|---|",
    ]
    for name, table in tables.items():
        out.append(f"| [`{name}`](#{name}) | `{name}/` | {_cell(table.partition_column)} |")
    out.append("")
    for name, table in tables.items():
        doc = (table.model.__doc__ or "").strip().splitlines()[0]
        out += [f"## `{name}`", "", doc.replace("``", "`"), ""]
        rows = []
        for c in columns(table):
            notes = [n for n, on in (("partition", c["partition"]), ("coded", c["coded"])) if on]
            rows.append(
                [
                    f"`{c['name']}`",
                    c["type"],
                    "yes" if c["nullable"] else "no",
                    ", ".join(notes),
                    c["description"],
                    f"`{c['example']}`" if c["example"] else "",
                ]
            )
        out += _table(["column", "type", "null", "notes", "meaning", "example"], rows)
        enums = [c["name"] for c in columns(table) if c["name"] in ENUMERATIONS]
        for column in enums:
            out += [f"Values of `{column}`:", ""]
            out += _table(["value", "meaning"], [[f"`{k}`", v] for k, v in ENUMERATIONS[column].items()])

    codes = cameo_codes()
    out += [
        "## CAMEO event codes",
        "",
        "`cameo_code`, with the name, Goldstein value, quad class and PLOVER mapping the pipeline writes with it "
        "(from `schemas/data/cameo_codes.tsv` and `cameo_plover.tsv`). `cameo_root` is the two-digit code.",
        "",
    ]
    out += _table(
        ["code", "name", "goldstein", "quad class", "PLOVER type", "PLOVER mode"],
        [
            [f"`{e.code}`", e.name, f"{e.goldstein:g}", e.quad_class, e.plover_type, e.plover_mode]
            for e in sorted(codes.values(), key=lambda e: e.code)
        ],
    )
    roots_by_quad: dict[int, list[str]] = defaultdict(list)
    for e in codes.values():
        if len(e.code) == 2:
            roots_by_quad[e.quad_class].append(e.code)
    out += ["## Quad classes", "", "`quad_class`, derived from `cameo_root`.", ""]
    out += _table(
        ["quad_class", "meaning", "CAMEO roots"],
        [[q, name, ", ".join(sorted(roots_by_quad[q])) or span] for q, (name, span) in QUAD_CLASSES.items()],
    )
    plover: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"modes": set(), "roots": set()})
    for e in codes.values():
        if e.plover_type:
            plover[e.plover_type]["roots"].add(e.root)
            if e.plover_mode:
                plover[e.plover_type]["modes"].add(e.plover_mode)
    out += [
        "## PLOVER types",
        "",
        "`plover_type` and the `plover_mode` values that occur with it. CAMEO codes without a PLOVER type "
        "(e.g. 01 *make public statement*) leave both null.",
        "",
    ]
    out += _table(
        ["plover_type", "plover_mode values", "CAMEO roots"],
        [[f"`{t}`", ", ".join(sorted(v["modes"])), ", ".join(sorted(v["roots"]))] for t, v in sorted(plover.items())],
    )
    out += [
        "## Actor sectors",
        "",
        "`source_sector`, `target_sector`, and the sector suffix of an actor code (`RUSMIL` = RUS + MIL). "
        "The terms are those recognised in the text (`schemas/data/sectors.tsv`; first eight shown).",
        "",
    ]
    sector_rows = []
    for row in data_rows("sectors.tsv"):
        terms = row["terms"].split("|")
        shown = ", ".join(terms[:8]) + (f", … ({len(terms)} terms)" if len(terms) > 8 else "")
        sector_rows.append([f"`{row['sector']}`", SECTOR_NAMES.get(row["sector"], ""), shown])
    out += _table(["sector", "name", "terms"], sector_rows)
    out += [
        "## Countries",
        "",
        "`*_country` columns hold ISO 3166-1 alpha-3 codes; actor codes start with the CAMEO country code "
        "(`schemas/data/countries.tsv`).",
        "",
    ]
    out += _table(
        ["iso3", "CAMEO", "name"],
        [[f"`{r['iso3']}`", f"`{r['cameo']}`", r["name"]] for r in data_rows("countries.tsv")],
    )
    out += [
        "## Peoples",
        "",
        "Peoples and regions inside one state whose names stand for that state's people, as CAMEO codes them "
        '("Chechen rebels" are `RUSREB`; `schemas/data/peoples.tsv`).',
        "",
    ]
    out += _table(
        ["iso3", "region", "terms"],
        [[f"`{r['iso3']}`", r["region"], r["terms"].replace("|", ", ")] for r in data_rows("peoples.tsv")],
    )
    out += ["## Organisations", "", "Actor codes of organisations (`schemas/data/organizations.tsv`).", ""]
    out += _table(
        ["code", "name", "kind"], [[f"`{r['code']}`", r["name"], r["kind"]] for r in data_rows("organizations.tsv")]
    )
    out += [
        "## State media",
        "",
        "State news agencies and official newspapers, coded as their country's (`schemas/data/media.tsv`).",
        "",
    ]
    out += _table(
        ["code", "name", "country"],
        [[f"`{r['code']}`", r["name"], f"`{r['country']}`"] for r in data_rows("media.tsv")],
    )
    out += ["## Schema versions", ""]
    out += _table(
        ["version", "changes"],
        [[v, versions[v].get("summary", "")] for v in sorted(versions, key=lambda v: [int(p) for p in v.split(".")])],
    )
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m schemas.dictionary", description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {DICTIONARY_FILE.relative_to(ROOT)}")
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed dictionary is stale")
    parser.add_argument("--record", metavar="SUMMARY", help="snapshot the current SCHEMA_VERSION with this summary")
    args = parser.parse_args(argv)
    if args.record:
        record_version(args.record)
    text = render_markdown()
    if args.write:
        DICTIONARY_FILE.parent.mkdir(parents=True, exist_ok=True)
        DICTIONARY_FILE.write_text(text, encoding="utf-8")
    if args.check:
        current = DICTIONARY_FILE.read_text(encoding="utf-8") if DICTIONARY_FILE.exists() else ""
        problems = version_problems()
        if current != text:
            problems.append(f"{DICTIONARY_FILE} is stale: run `python -m schemas.dictionary --write`")
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    if not (args.write or args.record):
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
