"""The batch run's local runner: Beam's DirectRunner choice of engine, without the Prism attempt."""

from __future__ import annotations

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.runners.portability import prism_runner
from apache_beam.runners.portability.fn_api_runner import fn_runner
from apache_beam.testing.util import assert_that, equal_to

from pipeline.runners import LocalDirectRunner, batch_runner


@pytest.mark.parametrize("args", [[], ["--runner=DirectRunner"], ["--runner=direct"], ["--runner=Direct"]])
def test_a_batch_run_on_the_direct_runner_gets_the_local_runner(args: list[str]) -> None:
    assert isinstance(batch_runner(PipelineOptions(args)), LocalDirectRunner)


@pytest.mark.parametrize("args", [["--runner=FlinkRunner"], ["--runner=PrismRunner"], ["--streaming"]])
def test_other_runners_and_streaming_runs_are_left_to_beam(args: list[str]) -> None:
    assert batch_runner(PipelineOptions(args)) is None


def test_the_local_runner_runs_on_the_fn_api_runner_with_the_options_and_never_tries_prism(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_prism(*args: object, **kwargs: object) -> None:
        raise AssertionError("the local runner tried Prism")

    seen: list[PipelineOptions] = []
    run_on_fn_api = fn_runner.FnApiRunner.run_pipeline

    def spy(self: fn_runner.FnApiRunner, pipeline: beam.Pipeline, options: PipelineOptions) -> object:
        seen.append(options)
        return run_on_fn_api(self, pipeline, options)

    monkeypatch.setattr(prism_runner.PrismRunner, "run_pipeline", no_prism)
    monkeypatch.setattr(fn_runner.FnApiRunner, "run_pipeline", spy)
    options = PipelineOptions(["--direct_num_workers=1", "--direct_running_mode=in_memory"])
    with beam.Pipeline(runner=LocalDirectRunner(), options=options) as pipeline:
        doubled = pipeline | beam.Create([1, 2, 3]) | beam.Map(lambda x: 2 * x) | beam.GroupBy(lambda x: x % 4)
        assert_that(
            doubled | beam.MapTuple(lambda key, values: (key, sorted(values))), equal_to([(2, [2, 6]), (0, [4])])
        )
    assert len(seen) == 1
    assert seen[0].get_all_options()["direct_running_mode"] == "in_memory"


def test_beam_uses_the_interactive_flag_only_to_skip_prism() -> None:
    """LocalDirectRunner sets the flag for this one effect: fail loudly if a Beam upgrade gives it another."""
    import inspect

    from apache_beam.runners.direct import direct_runner

    uses = [line.strip() for line in inspect.getsource(direct_runner).splitlines() if "_is_interactive" in line]
    assert uses == [
        "_is_interactive = False",
        "self._is_interactive = True",
        "if _PrismRunnerSupportVisitor().accept(pipeline, self._is_interactive):",
    ]
