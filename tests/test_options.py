"""How the CLI chooses the lanes ``Annotate`` deals articles to (pipeline/options.py)."""

from __future__ import annotations

import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from pipeline.options import parse_lanes


@pytest.mark.parametrize(
    ("beam_args", "lanes"),
    [
        ([], 0),  # in-memory DirectRunner: one worker, nothing to balance
        (["--direct_num_workers=2", "--direct_running_mode=multi_processing"], 2),
        (["--direct_num_workers=3", "--direct_running_mode=multi_threading"], 3),
        (["--direct_num_workers=1", "--direct_running_mode=multi_processing"], 0),
        (["--runner=DataflowRunner", "--direct_num_workers=2", "--direct_running_mode=multi_processing"], 0),
        (["--runner=PortableRunner"], 0),
    ],
)
def test_lanes_follow_the_local_runners_workers(beam_args: list[str], lanes: int):
    assert parse_lanes(None, PipelineOptions(beam_args)) == lanes


def test_asked_lanes_win():
    assert parse_lanes(4, PipelineOptions(["--runner=FlinkRunner"])) == 4
    assert parse_lanes(0, PipelineOptions(["--direct_num_workers=2", "--direct_running_mode=multi_processing"])) == 0
