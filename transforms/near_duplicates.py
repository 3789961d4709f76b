"""FindNearDuplicates: articles → their near-duplicate groups; MarkDuplicateGroups: the groups onto article rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

import apache_beam as beam
from apache_beam.metrics import Metrics

from ingest.near_duplicates import band_keys, duplicate_groups, linking_pairs, signature
from schemas.models import Article, ArticleRow

NAMESPACE = "newsevents"

# (article id, MinHash signature, publication time)
Signed = tuple[str, tuple[int, ...], datetime | None]


def _signed(article: Article) -> Iterator[Signed]:
    sig = signature(article.text)
    if sig is not None:
        yield article.id, sig, article.published


def _to_bands(signed: Signed) -> Iterator[tuple[str, Signed]]:
    for key in band_keys(signed[1]):
        yield key, signed


class _BucketPairsFn(beam.DoFn):
    """One band bucket → enough similar pairs in it to connect its near-duplicates (not every pair: n copies of one
    story give n - 1 pairs), each with both articles' publication times."""

    def __init__(self) -> None:
        self._bucket_size = Metrics.distribution(NAMESPACE, "near_duplicate_bucket_size")

    def process(self, element: tuple[str, Iterable[Signed]]) -> Iterator[tuple[tuple[str, str], dict]]:
        _, members = element
        unique = {article_id: (sig, published) for article_id, sig, published in members}
        if len(unique) < 2:
            return
        self._bucket_size.update(len(unique))
        for left, right in linking_pairs((article_id, sig) for article_id, (sig, _) in unique.items()):
            yield (left, right), {left: unique[left][1], right: unique[right][1]}


def _any_one(dates: Iterable[dict]) -> dict:
    """The publication dates of one pair, of which every band that found the pair carries the same copy."""
    return next(iter(dates))


class _GroupsFn(beam.DoFn):
    """All similar pairs of the run → (article_id, group) for every article in a group."""

    def __init__(self) -> None:
        self._articles = Metrics.counter(NAMESPACE, "near_duplicate_articles")
        self._groups = Metrics.counter(NAMESPACE, "near_duplicate_groups")

    def process(self, pairs: list[tuple[str, str, dict]]) -> Iterator[tuple[str, str]]:
        published: dict[str, datetime | None] = {}
        for _, _, dates in pairs:
            published.update(dates)
        groups = duplicate_groups(sorted({(left, right) for left, right, _ in pairs}), published)
        self._articles.inc(len(groups))
        self._groups.inc(len(set(groups.values())))
        yield from sorted(groups.items())


class FindNearDuplicates(beam.PTransform):
    """Finds syndicated copies: articles whose texts are near-duplicates (MinHash, :mod:`ingest.near_duplicates`).

    In: ``Article`` (one per id, as ReadArticles gives them). Out: ``(article_id, duplicate_group)``
    for every article that has at least one near-duplicate; the group is named by its first copy.

    Articles are compared only within a MinHash band bucket (a ``GroupByKey`` per band key), so the
    work grows with the number of articles, not its square. The similar pairs, which are few, are
    then gathered in one place to take connected components: copies of copies are one group.
    """

    def expand(self, articles: beam.PCollection) -> beam.PCollection:
        pairs = (
            articles
            | "Sign" >> beam.FlatMap(_signed)
            | "ToBands" >> beam.FlatMap(_to_bands)
            | "GroupByBand" >> beam.GroupByKey()
            | "SimilarPairs" >> beam.ParDo(_BucketPairsFn())
            # Copies of one story share most of their 16 bands, and each band finds the same pairs: keep one
            # of each before they are gathered in one place (at 34 copies per story, 16 times fewer).
            | "OnePerPair" >> beam.CombinePerKey(_any_one)
            | "AsTriples" >> beam.MapTuple(lambda pair, dates: (pair[0], pair[1], dates))
        )
        return (
            pairs
            # One list even when there are no pairs, so the side input downstream is always ready.
            | "GatherPairs" >> beam.combiners.ToList()
            | "ConnectedGroups" >> beam.ParDo(_GroupsFn())
        )


def _with_group(row: ArticleRow, groups: dict[str, str]) -> ArticleRow:
    group = groups.get(row.article_id)
    return row.model_copy(update={"duplicate_group": group}) if group else row


class MarkDuplicateGroups(beam.PTransform):
    """Records the near-duplicate group on each article row.

    In: a dict with ``rows`` (``ArticleRow``) and ``groups`` (``(article_id, duplicate_group)`` from
    FindNearDuplicates). Out: ``ArticleRow`` with ``duplicate_group`` set where there is one.
    """

    def expand(self, inputs: dict[str, beam.PCollection]) -> beam.PCollection:
        # The groups hold only the articles that have copies: small enough for a side input.
        return inputs["rows"] | "SetDuplicateGroup" >> beam.Map(
            _with_group, groups=beam.pvalue.AsDict(inputs["groups"])
        )
