"""Event clusters: mentions (rows of ``OUT/events/``) that report the same event, merged into one row.

Grouping rule. Two mentions report the same event when they have the same

* ``event_date``,
* ``source_code`` and ``target_code`` (a missing actor is a value of its own),
* CAMEO **base code**: the first three digits of ``cameo_code`` (``0312`` → ``031``),
* ``negated`` flag,
* and **location**, when known: coordinates rounded to 0.01° (about 1 km), else the place name.

Why the base code: the fourth digit of a CAMEO code comes from the wording ("send weapons"
072 vs "send *military* aid" 0722...), and wire copies and rewrites of one story word it
differently; the two-digit root would merge events that analysts keep apart (a visit 042
and a host visit 043 share root 04). Why location only when known: most sentences do not
name a place, and "Russian missiles hit Kharkiv" and "Russia attacked Ukraine on Tuesday"
are one event. So within the other keys, mentions without a location join the located
cluster when exactly one location is known; when several are known (strikes on Kharkiv and on
Lviv the same day) they are different events and the unlocated mentions stay in a cluster of
their own rather than being assigned to one of them arbitrarily.

Counting rule (see ``num_*`` fields of :class:`schemas.models.EventCluster`):

* ``num_mentions``: mention rows, every copy of every article included.
* ``num_article_copies``: distinct ``article_id``.
* ``num_articles``: distinct *stories*: articles of one near-duplicate group (a syndicated
  wire story and its reprints, see :mod:`ingest.near_duplicates`) count once.
* ``num_publishers``: distinct publishers over all copies; an article without a publisher
  counts as the host of its URL, and one with neither is not counted. So a wire story reprinted
  by ten outlets is one article with ten publishers.

``cluster_id`` is a hash of the grouping key (not of the members), so adding mentions to a day
keeps the ids of its clusters, and re-running gives the same ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from schemas.models import EventCluster

# The columns of the events table that clustering reads (plus ``duplicate_group`` from the articles table).
MENTION_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "article_id",
    "article_url",
    "publisher",
    "published",
    "sentence",
    "source_code",
    "target_code",
    "cameo_code",
    "plover_type",
    "quad_class",
    "goldstein",
    "negated",
    "location_name",
    "location_country",
    "latitude",
    "longitude",
    "confidence",
)

Mention = Mapping[str, Any]


@dataclass(frozen=True, order=True)
class ClusterKey:
    """Everything but the location: mentions are grouped by this, then split by location."""

    event_date: str
    source_code: str
    target_code: str
    cameo_base: str
    negated: bool

    def as_string(self) -> str:
        """A stable string form: the shuffle key in Beam (any runner can encode a str)."""
        return "|".join((self.event_date, self.source_code, self.target_code, self.cameo_base, str(self.negated)))


def cameo_base(code: str) -> str:
    return code[:3]


def cluster_key(mention: Mention) -> ClusterKey:
    event_date = mention["event_date"]
    return ClusterKey(
        event_date=event_date.isoformat() if isinstance(event_date, date) else str(event_date),
        source_code=mention.get("source_code") or "",
        target_code=mention.get("target_code") or "",
        cameo_base=cameo_base(mention["cameo_code"]),
        negated=bool(mention.get("negated")),
    )


def location_key(mention: Mention) -> str | None:
    latitude, longitude = mention.get("latitude"), mention.get("longitude")
    if latitude is not None and longitude is not None:
        return f"{latitude:.2f},{longitude:.2f}"
    name = mention.get("location_name")
    return name.strip().casefold() if name and name.strip() else None


def publisher_of(mention: Mention) -> str | None:
    """The publisher, else the host of the article URL (``www.`` dropped), else ``None``."""
    if mention.get("publisher"):
        return mention["publisher"]
    url = mention.get("article_url")
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    return host.removeprefix("www.") if host else None


def cluster_id(key: ClusterKey, location: str | None) -> str:
    text = key.as_string() + "|" + (location or "")
    return "clu-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def split_by_location(mentions: Iterable[Mention]) -> dict[str | None, list[Mention]]:
    """Mentions of one :class:`ClusterKey` → their clusters, keyed by location (``None``: no location)."""
    by_location: dict[str | None, list[Mention]] = {}
    for mention in mentions:
        by_location.setdefault(location_key(mention), []).append(mention)
    located = [k for k in by_location if k is not None]
    if len(located) == 1 and None in by_location:
        by_location[located[0]].extend(by_location.pop(None))
    return by_location


def _representative_order(mention: Mention) -> tuple:
    """Most confident first, then the earliest published, then the smallest event id."""
    published = mention.get("published")
    return (
        -float(mention.get("confidence") or 0.0),
        published is None,
        published.isoformat() if isinstance(published, datetime) else str(published or ""),
        mention["event_id"],
    )


def _most_common(values: Iterable[Any]) -> Any:
    counts: dict[Any, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return min(counts, key=lambda v: (-counts[v], str(v)))


def make_cluster(key: ClusterKey, location: str | None, mentions: list[Mention], pipeline_version: str) -> EventCluster:
    """One cluster row from its mentions (see the module docstring for the counting rule)."""
    ranked = sorted(mentions, key=_representative_order)
    best = ranked[0]
    code = _most_common(m["cameo_code"] for m in mentions)
    coded = next(m for m in ranked if m["cameo_code"] == code)
    located = next((m for m in ranked if location_key(m) == location), best) if location else best
    published = sorted(m["published"] for m in mentions if m.get("published") is not None)
    publishers = sorted({p for m in mentions if (p := publisher_of(m))})
    stories = {m.get("duplicate_group") or m["article_id"] for m in mentions}
    return EventCluster(
        cluster_id=cluster_id(key, location),
        event_date=date.fromisoformat(key.event_date),
        source_code=key.source_code or None,
        target_code=key.target_code or None,
        cameo_base=key.cameo_base,
        cameo_code=code,
        plover_type=coded.get("plover_type"),
        quad_class=coded["quad_class"],
        negated=key.negated,
        location_name=located.get("location_name") if location else None,
        location_country=located.get("location_country") if location else None,
        latitude=located.get("latitude") if location else None,
        longitude=located.get("longitude") if location else None,
        num_mentions=len(mentions),
        num_articles=len(stories),
        num_article_copies=len({m["article_id"] for m in mentions}),
        num_publishers=len(publishers),
        publishers=publishers,
        first_seen=published[0] if published else None,
        last_seen=published[-1] if published else None,
        mean_goldstein=sum(float(m["goldstein"]) for m in mentions) / len(mentions),
        representative_event_id=best["event_id"],
        representative_sentence=best["sentence"],
        representative_article_id=best["article_id"],
        representative_url=best.get("article_url"),
        event_ids=sorted(m["event_id"] for m in mentions),
        pipeline_version=pipeline_version,
    )


def clusters_for_key(key: ClusterKey, mentions: Iterable[Mention], pipeline_version: str) -> list[EventCluster]:
    """The clusters of the mentions sharing one :class:`ClusterKey`, sorted by ``cluster_id``."""
    clusters = [
        make_cluster(key, location, members, pipeline_version)
        for location, members in split_by_location(mentions).items()
    ]
    return sorted(clusters, key=lambda c: c.cluster_id)


def build_clusters(mentions: Iterable[Mention], pipeline_version: str) -> list[EventCluster]:
    """All clusters of a set of mentions (e.g. one day of the events table), sorted by ``cluster_id``.

    Each mention is a row of the events table as a mapping, optionally with ``duplicate_group``
    (the near-duplicate group of its article, from the articles table).
    """
    by_key: dict[ClusterKey, list[Mention]] = {}
    for mention in mentions:
        by_key.setdefault(cluster_key(mention), []).append(mention)
    clusters = [c for key in sorted(by_key) for c in clusters_for_key(key, by_key[key], pipeline_version)]
    return sorted(clusters, key=lambda c: c.cluster_id)
