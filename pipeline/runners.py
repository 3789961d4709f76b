"""Which Beam runner a batch run uses: the runner named in ``--runner``, with one local exception."""

from __future__ import annotations

from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
from apache_beam.runners.direct.direct_runner import SwitchingDirectRunner
from apache_beam.runners.runner import PipelineRunner

# What ``--runner`` may say for the DirectRunner, lower-cased: Beam looks runner names up case-insensitively,
# with or without the "Runner" suffix.
DIRECT_RUNNER_NAMES = frozenset({"direct", "directrunner", "switchingdirectrunner"})


class LocalDirectRunner(SwitchingDirectRunner):
    """Beam's DirectRunner without its first attempt at Prism.

    In recent Beam releases (2.77 here) the DirectRunner serialises the whole pipeline for the Prism runner,
    whose binary it downloads from GitHub, and only then falls back to the FnApiRunner (or, for what that
    cannot run, the bundle-based runner). Offline the attempt fails after about 0.7 s of pipeline
    serialisation on every run; online it would swap the engine that our tests and benchmarks measure. This
    runner makes the same choice between the FnApiRunner and the bundle-based runner, with the same options
    (including ``--direct_num_workers`` and ``--direct_running_mode``), and never tries Prism:
    ``--runner=PrismRunner`` still asks for it by name.
    """

    # Beam's DirectRunner skips Prism for interactive pipelines, and uses the flag for nothing else
    # (apache_beam/runners/direct/direct_runner.py, Beam 2.77); tests/test_runners.py holds it to that.
    _is_interactive = True

    def is_fnapi_compatible(self) -> bool:
        # What Beam assumes of a batch DirectRunner when it checks the class name (``SwitchingDirectRunner``):
        # it will run on the Fn API anyway, so ``Pipeline.run`` skips its round trip through the runner API
        # (another ~0.3 s serialisation of the pipeline). Only batch runs get this runner (batch_runner).
        return True


def batch_runner(options: PipelineOptions) -> PipelineRunner | None:
    """The runner instance for ``beam.Pipeline(runner=...)``: a ``LocalDirectRunner`` when ``--runner`` names
    the DirectRunner for a batch run, else None (Beam builds the named runner itself)."""
    standard = options.view_as(StandardOptions)
    named = standard.runner
    if not standard.streaming and (named is None or str(named).lower() in DIRECT_RUNNER_NAMES):
        return LocalDirectRunner()
    return None
