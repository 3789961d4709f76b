"""The worker-exit plugin (pipeline/worker_exit.py): Beam workers end without tearing their interpreter down, with
the exit status they would have had."""

from __future__ import annotations

import subprocess
import sys

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions, SetupOptions
from apache_beam.testing.util import assert_that, equal_to

from pipeline import worker_exit
from pipeline.options import WORKER_EXIT_PLUGIN, add_beam_plugin
from pipeline.runners import LocalDirectRunner


def _run(code: str) -> subprocess.CompletedProcess[str]:
    program = f"import pipeline.worker_exit as plugin\nassert plugin.install(force=True)\n{code}"
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=False)


def test_it_does_nothing_outside_a_beam_worker_process() -> None:
    assert worker_exit.install() is False


def test_a_worker_that_ends_well_exits_0_with_its_output_flushed() -> None:
    done = _run("import sys, logging\nprint('last words', end='')\nsys.stderr.write('last log')")
    assert (done.returncode, done.stdout, done.stderr) == (0, "last words", "last log")


def test_a_worker_that_fails_still_exits_1_with_its_traceback() -> None:
    failed = _run("print('before')\nraise RuntimeError('the harness failed')")
    assert failed.returncode == 1
    assert failed.stdout == "before\n"
    assert "RuntimeError: the harness failed" in failed.stderr


def test_exit_handlers_registered_later_still_run() -> None:
    done = _run("import atexit\natexit.register(lambda: print('cleaned up'))")
    assert (done.returncode, done.stdout) == (0, "cleaned up\n")


def test_the_cli_names_the_plugin_once_and_keeps_the_others() -> None:
    options = PipelineOptions(["--beam_plugins=some.other.plugin"])
    add_beam_plugin(options, WORKER_EXIT_PLUGIN)
    add_beam_plugin(options, WORKER_EXIT_PLUGIN)
    assert options.view_as(SetupOptions).beam_plugins == ["some.other.plugin", WORKER_EXIT_PLUGIN]
    assert WORKER_EXIT_PLUGIN == worker_exit.PLUGIN


def _two_worker_options() -> PipelineOptions:
    options = PipelineOptions(["--direct_num_workers=2", "--direct_running_mode=multi_processing"])
    add_beam_plugin(options, WORKER_EXIT_PLUGIN)
    return options


def test_beam_workers_import_it_and_a_run_succeeds() -> None:
    # Lambdas: the worker processes cannot import this test module, and cloudpickle sends lambdas by value.
    def installed(_: object) -> bool:
        import sys

        plugin = sys.modules.get("pipeline.worker_exit")
        return plugin is not None and plugin._is_worker_process()

    with beam.Pipeline(runner=LocalDirectRunner(), options=_two_worker_options()) as pipeline:
        assert_that(pipeline | beam.Create([1, 2]) | beam.Map(installed), equal_to([True, True]))


def test_a_failing_step_still_fails_the_run() -> None:
    def fail(_: object) -> None:
        raise ValueError("a bad element")

    pipeline = beam.Pipeline(runner=LocalDirectRunner(), options=_two_worker_options())
    _ = pipeline | beam.Create([1, 2]) | beam.Map(fail)
    with pytest.raises(Exception, match="a bad element"):  # noqa: PT011 - Beam wraps the worker's error
        pipeline.run().wait_until_finish()
