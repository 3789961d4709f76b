#!/usr/bin/env bash
# Run newsevents on Google Cloud Dataflow.
#
#   deploy/dataflow/launch.sh image                 build and push the worker/template image
#   deploy/dataflow/launch.sh run INPUT [BATCH]     run from this machine (recommended; waits and commits)
#   deploy/dataflow/launch.sh template              build the flex template spec from metadata.json
#   deploy/dataflow/launch.sh template-run INPUT [BATCH]
#
# Needs: gcloud (authenticated), docker with a daemon, a venv with newsevents installed (`make run`
# creates one), and PROJECT, REGION, BUCKET set in the environment. Optional: REPOSITORY (Artifact
# Registry repository, default "newsevents"), OUTPUT (default gs://$BUCKET/events-dataset).
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${PROJECT:?set PROJECT}" "${REGION:?set REGION}" "${BUCKET:?set BUCKET}"
REPOSITORY="${REPOSITORY:-newsevents}"
VERSION="$(.venv/bin/python -c 'from pipeline.version import pipeline_version; print(pipeline_version())' 2>/dev/null || echo 0.1.0)"
IMAGE="${REGION}-docker.pkg.dev/${PROJECT}/${REPOSITORY}/newsevents-df:${VERSION}"
OUTPUT="${OUTPUT:-gs://${BUCKET}/events-dataset}"
TEMPLATE="gs://${BUCKET}/templates/newsevents-${VERSION}.json"

case "${1:-}" in
  image)
    # One image for launcher and workers: Beam's SDK container + newsevents + Google's template launcher.
    docker build -f deploy/docker/Dockerfile --target dataflow-template -t "$IMAGE" .
    docker push "$IMAGE"
    ;;
  run)
    INPUT="${2:?give the input prefix, e.g. gs://$BUCKET/incoming/2022-04-26/}"
    BATCH="${3:-}"
    # This process is the driver: it waits for the job, then commits the staged files and the manifest.
    .venv/bin/newsevents run "$INPUT" --output "$OUTPUT" ${BATCH:+--batch-id "$BATCH"} --log-format json \
      --runner=DataflowRunner --project="$PROJECT" --region="$REGION" \
      --temp_location="gs://${BUCKET}/tmp" --staging_location="gs://${BUCKET}/staging" \
      --sdk_container_image="$IMAGE" --sdk_location=container \
      --job_name="newsevents-$(date -u +%Y%m%d-%H%M%S)" \
      --machine_type=n2-standard-2 --max_num_workers=10
    ;;
  template)
    gcloud dataflow flex-template build "$TEMPLATE" \
      --image "$IMAGE" --sdk-language PYTHON --metadata-file deploy/dataflow/metadata.json \
      --project "$PROJECT"
    echo "template: $TEMPLATE"
    ;;
  template-run)
    INPUT="${2:?give the input prefix}"
    BATCH="${3:-}"
    gcloud dataflow flex-template run "newsevents-$(date -u +%Y%m%d-%H%M%S)" \
      --template-file-gcs-location "$TEMPLATE" --project "$PROJECT" --region "$REGION" \
      --temp-location "gs://${BUCKET}/tmp" \
      --additional-experiments=use_runner_v2 \
      --parameters "input=${INPUT},output=${OUTPUT}${BATCH:+,batch_id=${BATCH}},sdk_container_image=${IMAGE}"
    ;;
  *)
    sed -n '2,12p' "$0"
    exit 2
    ;;
esac
