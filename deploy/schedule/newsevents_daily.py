"""Airflow DAG: every day, code the previous day's input prefix into the newsevents dataset.

Runs ``deploy/launch.py`` (``newsevents run`` from ``--name=value`` options) with the Apache Beam
provider's ``BeamRunPythonPipelineOperator``, on the Flink cluster of ``deploy/flink`` by default.

Idempotent: the batch id is ``daily-<ds>``; newsevents names files from the batch id, so clearing and
re-running a day replaces that day's files and deletes stale ones; it never duplicates rows.
``max_active_runs=1`` because object stores give newsevents no output lock.

Needs ``apache-airflow-providers-apache-beam`` and, on the Airflow worker, newsevents installed (the
launcher image, or ``newsevents_wheel`` below). Airflow Variables (all optional):
``newsevents_input_root``, ``newsevents_output``, ``newsevents_launch_py``, ``newsevents_wheel``,
``newsevents_flink_master``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.providers.apache.beam.operators.beam import BeamRunPythonPipelineOperator

INPUT_ROOT = Variable.get("newsevents_input_root", default_var="s3://newsevents-data/incoming")
OUTPUT = Variable.get("newsevents_output", default_var="s3://newsevents-data/events-dataset")
LAUNCH_PY = Variable.get("newsevents_launch_py", default_var="/opt/newsevents/launch.py")
WHEEL = Variable.get("newsevents_wheel", default_var="")
FLINK_MASTER = Variable.get("newsevents_flink_master", default_var="newsevents-flink-rest:8081")

with DAG(
    dag_id="newsevents_daily",
    description="Code yesterday's news articles into CAMEO/PLOVER events (idempotent per day).",
    schedule="30 2 * * *",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=10)},
    tags=["newsevents", "beam"],
) as dag:
    BeamRunPythonPipelineOperator(
        task_id="newsevents_run",
        runner="FlinkRunner",
        py_file=LAUNCH_PY,
        # `ds` is the start of the data interval: for a daily schedule, the day before the run.
        pipeline_options={
            "input": INPUT_ROOT + "/{{ ds }}/",
            "output": OUTPUT,
            "batch_id": "daily-{{ ds }}",
            "ingest_date": "{{ ds }}",
            "log_format": "json",
            "flink_master": FLINK_MASTER,
            "flink_version": "1.19",
            "flink_submit_uber_jar": True,
            "flink_job_server_jar": "/opt/beam/jars/flink-job-server.jar",
            "environment_type": "EXTERNAL",
            "environment_config": "localhost:50000",
            "parallelism": 4,
        },
        py_requirements=[WHEEL] if WHEEL else None,
        py_system_site_packages=not WHEEL,
        execution_timeout=timedelta(hours=6),
    )
