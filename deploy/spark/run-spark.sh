#!/usr/bin/env bash
# Run newsevents on a Spark 3 standalone cluster through Beam's portable Spark runner.
#
#   SPARK_REST=http://spark-master:6066 deploy/spark/run-spark.sh INPUT OUTPUT [BATCH]      uber jar (default)
#   JOB_SERVER=localhost:8099 deploy/spark/run-spark.sh INPUT OUTPUT [BATCH]                 running job server
#
# Needs:
#  * Spark 3.x standalone (Beam's Spark runner is built against Spark 3.5; use a 3.5.x cluster), with the
#    REST submission server on for the uber-jar mode (spark.master.rest.enabled=true, port 6066).
#  * The Beam Spark job-server jar of the *same Beam version* as this venv:
#    beam-runners-spark-3-job-server-<beam>.jar from Maven Central (the launcher image has it at
#    /opt/beam/jars/spark-job-server.jar; set SPARK_JOB_SERVER_JAR to use another copy).
#    In job-server mode, run the server yourself next to the master:
#      docker run --net=host apache/beam_spark3_job_server:<beam> --spark-master-url=spark://spark-master:7077
#  * A Beam worker pool on every Spark worker host, from the newsevents worker image:
#      docker run -d --net=host REGISTRY/newsevents:0.1.0 --worker_pool
#    (or set ENVIRONMENT=DOCKER to let each executor start REGISTRY/newsevents:0.1.0 itself; needs a
#    Docker daemon on the Spark workers).
#  * INPUT and OUTPUT on storage that the driver and every worker reach (s3://, gs://, or a shared mount).
set -euo pipefail
cd "$(dirname "$0")/../.."

INPUT="${1:?INPUT (s3://, gs:// or a shared path)}"
OUTPUT="${2:?OUTPUT dataset folder}"
BATCH="${3:-}"
NEWSEVENTS="${NEWSEVENTS:-.venv/bin/newsevents}"
IMAGE="${IMAGE:-REGISTRY/newsevents:0.1.0}"
ENVIRONMENT="${ENVIRONMENT:-EXTERNAL}"

if [ "$ENVIRONMENT" = DOCKER ]; then
  ENV_ARGS=(--environment_type=DOCKER "--environment_config=$IMAGE")
else
  ENV_ARGS=(--environment_type=EXTERNAL --environment_config=localhost:50000)
fi

if [ -n "${JOB_SERVER:-}" ]; then
  RUNNER_ARGS=(--runner=PortableRunner "--job_endpoint=$JOB_SERVER")
else
  : "${SPARK_REST:?set SPARK_REST (http://spark-master:6066) or JOB_SERVER (host:8099)}"
  RUNNER_ARGS=(--runner=SparkRunner --spark_submit_uber_jar "--spark_rest_url=$SPARK_REST"
    "--spark_job_server_jar=${SPARK_JOB_SERVER_JAR:-/opt/beam/jars/spark-job-server.jar}")
fi

# This process is the driver: it waits for the job, then commits the staged files and the manifest.
exec "$NEWSEVENTS" run "$INPUT" --output "$OUTPUT" ${BATCH:+--batch-id "$BATCH"} --log-format json \
  "${RUNNER_ARGS[@]}" "${ENV_ARGS[@]}"
