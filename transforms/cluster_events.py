"""ClusterEvents: event mentions → one row per distinct event (``OUT/event_clusters/``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics

from coder.clusters import MENTION_COLUMNS, cluster_key, clusters_for_key
from schemas.models import Event, EventCluster

NAMESPACE = "newsevents"


def mention(event: Event, groups: dict[str, str]) -> dict[str, Any]:
    """The columns clustering needs, plus the near-duplicate group of the event's article."""
    row = {name: getattr(event, name) for name in MENTION_COLUMNS}
    row["duplicate_group"] = groups.get(event.article_id)
    return row


class _ClustersFn(beam.DoFn):
    def __init__(self, pipeline_version: str) -> None:
        self._version = pipeline_version
        self._clusters = Metrics.counter(NAMESPACE, "event_clusters")

    def process(self, element: tuple[str, Iterable[dict[str, Any]]]) -> Iterator[EventCluster]:
        _, mentions = element
        mentions = list(mentions)
        for cluster in clusters_for_key(cluster_key(mentions[0]), mentions, self._version):
            self._clusters.inc()
            yield cluster


class ClusterEvents(beam.PTransform):
    """Merges the mentions of one event (grouping and counting rules: :mod:`coder.clusters`).

    In: a dict with ``events`` (``Event`` mentions) and ``duplicate_groups`` (``(article_id,
    duplicate_group)`` from FindNearDuplicates; may be empty). Out: ``EventCluster`` rows.

    One ``GroupByKey`` on (date, source, target, CAMEO base code, negated); the location split
    and the counts are done on each group, which holds the mentions of one day's actor pair and
    event type: small whatever the size of the run.
    """

    def __init__(self, pipeline_version: str) -> None:
        super().__init__()
        self._version = pipeline_version

    def expand(self, inputs: dict[str, beam.PCollection]) -> beam.PCollection:
        groups = beam.pvalue.AsDict(inputs["duplicate_groups"])
        return (
            inputs["events"]
            | "ToMentions" >> beam.Map(mention, groups=groups)
            | "KeyByEvent" >> beam.Map(lambda m: (cluster_key(m).as_string(), m))
            | "GroupMentions" >> beam.GroupByKey()
            | "MakeClusters" >> beam.ParDo(_ClustersFn(self._version))
        )
