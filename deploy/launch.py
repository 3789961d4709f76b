"""``newsevents run`` driven by ``--name=value`` flags only, for launchers that cannot pass positional arguments.

Dataflow flex templates and Airflow's ``BeamRunPythonPipelineOperator`` start ``python <file> --k=v ...``;
the ``newsevents`` CLI wants ``run INPUT...``. This turns every ``--input=...`` into a positional INPUT
and runs the same code path as the CLI (so batches, staging, commit and the manifest behave identically).
The Docker image installs it as ``/opt/newsevents/launch.py``.
"""

from __future__ import annotations

import sys

from pipeline.cli import dispatch


def to_cli(argv: list[str]) -> list[str]:
    inputs: list[str] = []
    rest: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg.startswith("--input="):
            inputs.extend(part for part in arg.split("=", 1)[1].split(",") if part)
        elif arg == "--input":
            inputs.extend(part for part in next(args, "").split(",") if part)
        else:
            rest.append(arg)
    if not inputs:
        raise SystemExit("launch.py: give at least one --input=PATH (comma-separated for several)")
    return ["run", *inputs, *rest]


if __name__ == "__main__":
    sys.exit(dispatch(to_cli(sys.argv[1:])))
