"""The portable path, on loopback: Beam's Python job service + a worker pool, against a DirectRunner run.

This is what Flink, Spark and Dataflow do with the pipeline, minus the cluster: the pipeline is turned
into a runner-API proto, submitted over gRPC, and its transforms are unpickled and run in separate SDK
worker processes started by a worker pool (``--environment_type=EXTERNAL``), with no
``save_main_session`` and a working directory that holds none of the project's files.

A second test builds the wheel a worker image installs and checks that the data files load from the
installed packages, not from this checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pyarrow.dataset as ds
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.portable]

ROOT = Path(__file__).resolve().parents[1]
WORKERS = 2
FIXED = ["--quiet", "--log-format=json", "--ingest-date=2026-01-01", "--run-id=portable-test"]

# Beam's Python job service runs a job with one SDK worker per environment: its FnApiRunner only reads
# --direct_num_workers when it builds the pipeline itself, not for a submitted proto. This starts the same
# service with that one setting honoured, so the worker pool really runs WORKERS processes and the
# pipeline's work is split between them, as on a cluster. Nothing else of the service is changed.
JOB_SERVICE = """
import sys
from apache_beam.options.pipeline_options import DirectOptions
from apache_beam.portability.api import beam_job_api_pb2
from apache_beam.runners.portability import local_job_service, local_job_service_main
from apache_beam.runners.portability.fn_api_runner import fn_runner

def _invoke_runner(self):
    self.set_state(beam_job_api_pb2.JobState.RUNNING)
    options = self.pipeline_options()
    runner = fn_runner.FnApiRunner(provision_info=self._provision_info)
    runner._num_workers = int(options.view_as(DirectOptions).direct_num_workers or 1)
    return runner.run_via_runner_api(self._pipeline_proto, options)

local_job_service.BeamJob._invoke_runner = _invoke_runner
local_job_service_main.run(sys.argv[1:])
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"service exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail(f"nothing listening on port {port} after {timeout} s:\n{log.read_text()[-3000:]}")


def _live_members(group: int) -> list[int]:
    """Processes of a process group that still run (zombies waiting for a reaper do not count)."""
    proc = Path("/proc")
    if not proc.is_dir():  # not Linux: the group exists or not
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return []
        return [group]
    members = []
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while we looked
        state, pgid = fields[0], int(fields[2])
        if pgid == group and state != "Z":
            members.append(int(stat.parent.name))
    return members


def _stop_group(process: subprocess.Popen) -> None:
    """Stops a service and every worker it started: they share the process group the service leads."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            process.poll()
            if not _live_members(process.pid):
                break
            time.sleep(0.1)
        else:
            continue
        break
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def portable_services(tmp_path_factory) -> Iterator[dict]:
    """A job service and a worker pool on free loopback ports, each leading its own process group."""
    work = tmp_path_factory.mktemp("portable")
    env = dict(os.environ)
    # The worker pool starts workers as `python -c ...`: make that this interpreter.
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env.pop("PYTHONPATH", None)
    job_port, pool_port = _free_port(), _free_port()
    commands = {
        "job_service": [sys.executable, "-c", JOB_SERVICE, f"--port={job_port}", f"--staging_dir={work / 'staging'}"],
        "worker_pool": [
            sys.executable,
            "-m",
            "apache_beam.runners.worker.worker_pool_main",
            f"--service_port={pool_port}",
        ],
    }
    processes: dict[str, subprocess.Popen] = {}
    logs = {name: work / f"{name}.log" for name in commands}
    try:
        for name, command in commands.items():
            with logs[name].open("wb") as log:
                processes[name] = subprocess.Popen(
                    command,
                    cwd=work,  # not the checkout: workers must import the installed packages
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    start_new_session=True,
                )
        _wait_for_port(job_port, processes["job_service"], logs["job_service"])
        _wait_for_port(pool_port, processes["worker_pool"], logs["worker_pool"])
        yield {"job_port": job_port, "pool_port": pool_port, "work": work, "env": env, "logs": logs}
    finally:
        for process in processes.values():
            _stop_group(process)
    leftover = {name: _live_members(process.pid) for name, process in processes.items()}
    leftover = {name: pids for name, pids in leftover.items() if pids}
    assert not leftover, f"processes left behind: {leftover}"


def _run(output: Path, cwd: Path, env: dict, *beam_args: str, timeout: float = 600) -> tuple[dict, float]:
    command = [sys.executable, "-m", "pipeline", "run", str(ROOT / "seeds"), "--output", str(output), *FIXED]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, *beam_args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    seconds = time.perf_counter() - started
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}"
    manifests = sorted((output / "_runs").glob("*.json"))
    assert len(manifests) == 1, manifests
    return json.loads(manifests[0].read_text()), seconds


def _tables(output: Path) -> dict[str, list[dict]]:
    """Every table of a dataset, as rows sorted canonically: file names and row order do not matter."""
    tables = {}
    for folder in sorted(p for p in output.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        if not any(folder.rglob("*.parquet")):
            continue
        rows = ds.dataset(folder, format="parquet", partitioning="hive").to_table().to_pylist()
        tables[folder.name] = sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, default=str))
    return tables


def test_portable_runner_output_equals_direct_runner(portable_services, tmp_path):
    env, work = portable_services["env"], portable_services["work"]
    direct, direct_seconds = _run(tmp_path / "direct", work, env, "--runner=DirectRunner")
    portable, portable_seconds = _run(
        tmp_path / "portable",
        work,
        env,
        "--runner=PortableRunner",
        f"--job_endpoint=localhost:{portable_services['job_port']}",
        "--environment_type=EXTERNAL",
        f"--environment_config=localhost:{portable_services['pool_port']}",
        f"--direct_num_workers={WORKERS}",
        "--job_server_timeout=60",
    )
    print(f"DirectRunner {direct_seconds:.1f} s, PortableRunner with {WORKERS} workers {portable_seconds:.1f} s")

    pool_log = portable_services["logs"]["worker_pool"].read_text()
    assert pool_log.count("Starting worker with command") == WORKERS, pool_log[-3000:]
    assert portable["runner"] == "PortableRunner" and direct["runner"] == "DirectRunner"

    expected, actual = _tables(tmp_path / "direct"), _tables(tmp_path / "portable")
    assert {"events", "articles", "rejected"} <= set(expected)
    assert set(actual) == set(expected)
    event_ids = sorted(row["event_id"] for row in expected["events"])
    assert event_ids
    assert sorted(row["event_id"] for row in actual["events"]) == event_ids
    for name, rows in expected.items():
        assert actual[name] == rows, f"table {name} differs between DirectRunner and PortableRunner"
    # Beam metrics come back from the job service too: the manifest's counts and accounting agree.
    assert portable["counts"] == direct["counts"]
    assert portable["accounting"] == direct["accounting"]


def test_wheel_carries_code_and_data_that_load_from_the_installed_package(tmp_path):
    """What a worker image installs: the wheel, imported from site-packages, away from this checkout."""
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if built.returncode != 0 and "Could not find a version" in built.stderr + built.stdout:
        pytest.skip(f"no package index to fetch the build backend from:\n{built.stderr[-1000:]}")
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = dist.glob("newsevents-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data_files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "schemas" / "data").iterdir() if p.is_file()}
    assert data_files and data_files <= names, sorted(data_files - names)
    for package in ("pipeline", "transforms", "schemas", "coder", "ingest", "nlp"):
        assert f"{package}/__init__.py" in names

    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)  # a wheel is laid out as site-packages
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = """
import json, sys
from schemas.codebook import cameo_codes
import coder.lexicon, coder.actors, coder.places, schemas.codebook
cameo_codes(); coder.lexicon.trigger_rows(); coder.lexicon.frames(); coder.actors.country_rows()
print(json.dumps({m.__name__: m.__file__ for m in (coder.lexicon, coder.actors, coder.places, schemas.codebook)}))
"""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # PYTHONPATH entries come before the editable install's finder: the extracted wheel is what imports.
    env["PYTHONPATH"] = str(site)
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    files = json.loads(done.stdout.strip().splitlines()[-1])
    assert all(Path(path).is_relative_to(site) for path in files.values()), files
    shutil.rmtree(site)
