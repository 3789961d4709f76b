"""Probe sets: sentences we wrote ourselves, each with the event we expect, coded one by one; prints how many
the coder gets (not a test: the expectations are a yardstick, and a few of them are arguable).

    .venv/bin/python benchmarks/probes.py                      # every set in benchmarks/probes/
    .venv/bin/python benchmarks/probes.py benchmarks/probes/types.tsv --misses

Each line: the expected PLOVER type (a name) or CAMEO code (digits, scored by its two-digit root), the expected
source and target country codes, and the sentence, tab-separated; "#" starts a comment. A sentence counts as
found when an event of the expected type or root is coded; its actors are right when one of those events has
the expected source and (for an international act) the expected target among its actor codes or countries
("IGO" stands for any international organisation, "-" for no target). An expected type of "-" (and "-" for both
actors) says that no event should be coded: the sentence counts as found when none is.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coder.evaluation import code_text, normalised_type  # noqa: E402
from coder.events import CodedEvent  # noqa: E402

PROBES = ROOT / "benchmarks" / "probes"


@dataclass
class Probe:
    expected: str
    source: str
    target: str
    text: str


def read_probes(path: Path) -> list[Probe]:
    probes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            expected, source, target, text = line.split("\t")
            probes.append(Probe(expected, source, target, text))
    return probes


NO_EVENT = "-"


def matches(probe: Probe, event: CodedEvent) -> bool:
    if probe.expected == NO_EVENT:
        return False
    if probe.expected.isdigit():
        return event.cameo_code[:2] == probe.expected[:2]
    return normalised_type(event.plover_type) == probe.expected


ORGANISATION = "IGO"  # any international organisation: a code with no country
NO_TARGET = "-"


def actors_right(probe: Probe, events: list[CodedEvent]) -> bool:
    def has(actor: object, code: str) -> bool:
        if actor is None:
            return False
        if code == ORGANISATION:
            return actor.actor.country is None and actor.actor.code is not None  # type: ignore[attr-defined]
        # The code or the actor's country, as the gold evaluation scores ("Hamas" is PSE, "UNITA" AGO).
        return code in (actor.actor.code or "") or actor.actor.country == code  # type: ignore[attr-defined]

    source = any(has(e.source, probe.source) for e in events)
    untargeted = probe.target in (probe.source, NO_TARGET)
    return source and (untargeted or any(has(e.target, probe.target) for e in events))


def _describe(event: CodedEvent) -> str:
    source = event.source.actor.code if event.source else None
    target = event.target.actor.code if event.target else None
    return f"{event.cameo_code} {source}->{target}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", type=Path, help="Probe files (default: every benchmarks/probes/*.tsv).")
    parser.add_argument("--misses", action="store_true", help="Also print each sentence missed or with wrong actors.")
    args = parser.parse_args(argv)
    from nlp.annotate import annotate_text, load_model

    nlp = load_model(None)
    for path in args.sets or sorted(PROBES.glob("*.tsv")):
        probes = read_probes(path)
        found = right = extra = 0
        for probe in probes:
            events = code_text(probe.text, lambda text: annotate_text(nlp, text), None)
            hits = [e for e in events if matches(probe, e)]
            extra += len({e.cameo_code[:2] for e in events if not matches(probe, e)})
            if probe.expected == NO_EVENT:
                found += not events
                right += not events
                if args.misses and events:
                    coded = "; ".join(_describe(e) for e in events)
                    print(f"  coded: - | {probe.text}\n      coded: {coded}")
                continue
            found += bool(hits)
            right += bool(hits) and actors_right(probe, hits)
            if args.misses and not (hits and actors_right(probe, hits)):
                coded = "; ".join(_describe(e) for e in events)
                expected = f"{probe.expected} {probe.source}->{probe.target}"
                print(f"  {'actors' if hits else 'missed'}: {expected} | {probe.text}\n      coded: {coded}")
        print(f"{path.name}: {found} of {len(probes)} found, {right} with the expected actors, {extra} other roots")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
