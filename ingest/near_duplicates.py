"""Near-duplicate articles: MinHash over word shingles, banded into buckets (pure Python and numpy).

A syndicated wire story is reprinted by many outlets with small edits: a different headline
or byline, a trimmed last paragraph, a local sentence added. Exact hashing misses these copies,
so articles are compared by the Jaccard similarity of their sets of word 5-grams
("shingles"), estimated with MinHash:

* ``signature(text)``: ``NUM_PERM`` minimum hash values of the shingles. Two signatures agree
  at one position with probability equal to the Jaccard similarity of the shingle sets.
* ``band_keys(signature)``: the signature cut into ``BANDS`` bands of ``ROWS`` values. Two
  articles share at least one band with probability ``1 - (1 - J**ROWS)**BANDS``: about 0.06
  at J = 0.2, 0.5 at J = 0.45 and over 0.99 at J = 0.8. Only articles sharing a band are
  compared, which is what lets a pipeline group by band instead of comparing every pair.
* ``similar(a, b)``: the candidate pair is kept when the estimated Jaccard is at least
  ``THRESHOLD``.
* ``duplicate_groups(pairs, ...)``: connected components of the kept pairs (union-find); each
  group is named by its first copy (earliest publication, then smallest id).

Hashes come from BLAKE2b, not Python's ``hash``, so signatures are the same in every process
and every run (Python salts ``hash`` of strings per process). The permutations are computed with numpy
over all shingles at once, in exact 64-bit integer arithmetic (:func:`_permuted`): the same values as
``(a * x + b) % (2**61 - 1)`` in Python integers, several times faster than a Python loop.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from datetime import datetime

import numpy as np

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.5
# Articles this short share most of their 5-grams by chance with any other text on the same topic.
MIN_WORDS = 20

_MERSENNE = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1


def _seeded(i: int) -> int:
    return int.from_bytes(hashlib.blake2b(f"newsevents-minhash-{i}".encode(), digest_size=8).digest(), "big")


# Universal hashing (a*x + b) mod p: one pair (a, b) per permutation, fixed for ever.
_PERMUTATIONS: tuple[tuple[int, int], ...] = tuple(
    ((_seeded(2 * i) % (_MERSENNE - 1)) + 1, _seeded(2 * i + 1) % _MERSENNE) for i in range(NUM_PERM)
)
_WORD = re.compile(r"\w+", re.UNICODE)

_P = np.uint64(_MERSENNE)
_A_HIGH = np.array([a >> 32 for a, _ in _PERMUTATIONS], dtype=np.uint64)[:, None]  # a < 2**61: high part < 2**29
_A_LOW = np.array([a & 0xFFFFFFFF for a, _ in _PERMUTATIONS], dtype=np.uint64)[:, None]
_B = np.array([b for _, b in _PERMUTATIONS], dtype=np.uint64)[:, None]


def _permuted(hashed: Iterable[int]) -> np.ndarray:
    """``(a * x + b) mod p`` (``p = 2**61 - 1``) for every permutation (rows) and 32-bit shingle hash ``x``
    (columns), in uint64 arithmetic.

    No product may exceed 64 bits, so ``a`` is split at bit 32: ``a * x = a_high * x * 2**32 + a_low * x``,
    and since ``2**61 = 1 (mod p)``, ``r * 2**32 = (r >> 29) + (r mod 2**29) * 2**32 (mod p)``.
    """
    x = np.fromiter(hashed, dtype=np.uint64)[None, :]
    low = (_A_LOW * x) % _P  # the product is under 2**64
    high = (_A_HIGH * x) % _P  # under 2**61
    shifted = ((high >> np.uint64(29)) + ((high & np.uint64((1 << 29) - 1)) << np.uint64(32))) % _P
    return (low + shifted + _B) % _P  # three terms under p: no overflow


def words(text: str) -> list[str]:
    """Lower-cased word tokens: punctuation, case and spacing edits do not change the shingles."""
    return _WORD.findall(text.casefold())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    """The article's word ``size``-grams, each hashed to 32 bits."""
    tokens = words(text)
    if len(tokens) < size:
        grams = [" ".join(tokens)] if tokens else []
    else:
        grams = [" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]
    return {int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "big") for g in grams}


def signature(text: str) -> tuple[int, ...] | None:
    """MinHash signature of the text; ``None`` for texts too short to compare (under ``MIN_WORDS`` words)."""
    if len(words(text)) < MIN_WORDS:
        return None
    hashed = shingles(text)
    return tuple(int(value) for value in (_permuted(hashed) & np.uint64(_MAX_HASH)).min(axis=1))


def band_keys(sig: tuple[int, ...]) -> list[str]:
    """One bucket key per band; articles with a key in common are candidate duplicates."""
    keys = []
    for band in range(BANDS):
        values = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr(values).encode(), digest_size=8).hexdigest()
        keys.append(f"{band:02d}-{digest}")
    return keys


def estimated_jaccard(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def similar(a: tuple[int, ...], b: tuple[int, ...], threshold: float = THRESHOLD) -> bool:
    return estimated_jaccard(a, b) >= threshold


def candidate_pairs(members: Iterable[tuple[str, tuple[int, ...]]]) -> list[tuple[str, str]]:
    """The similar pairs among the articles of one bucket, as (smaller id, larger id)."""
    ranked = sorted(members)
    pairs = []
    for i, (left, left_sig) in enumerate(ranked):
        for right, right_sig in ranked[i + 1 :]:
            if left != right and similar(left_sig, right_sig):
                pairs.append((left, right))
    return pairs


def linking_pairs(members: Iterable[tuple[str, tuple[int, ...]]]) -> list[tuple[str, str]]:
    """Enough similar pairs of one bucket to connect what :func:`candidate_pairs` connects, as (smaller id, larger
    id): for each article, one similar article in each group of the bucket it is not yet joined to.

    The groups are connected components, so a spanning set of pairs gives the same groups as every pair, and
    many copies of one story (a wire piece reprinted n times) give n - 1 pairs instead of n(n - 1)/2: checked
    against one group after another, a copy joins the first group at its first comparison.
    """
    groups: list[list[tuple[str, tuple[int, ...]]]] = []
    pairs: list[tuple[str, str]] = []
    for member in sorted(dict(members).items()):
        home: list[tuple[str, tuple[int, ...]]] | None = None
        kept = []
        for group in groups:
            match = next((other for other in group if similar(member[1], other[1])), None)
            if match is None:
                kept.append(group)
                continue
            pairs.append((match[0], member[0]))  # members are taken in id order: the match's id is smaller
            if home is None:
                home = group
                group.append(member)
                kept.append(group)
            else:
                home.extend(group)  # the member joins two groups: they become one
        if home is None:
            kept.append([member])
        groups = kept
    return pairs


def duplicate_groups(
    pairs: Iterable[tuple[str, str]], published: Mapping[str, datetime | None] | None = None
) -> dict[str, str]:
    """Article id → its group's name, for every article in at least one pair.

    Groups are the connected components of the pairs: if A is a copy of B and B of C, all three
    are one story even when A and C have drifted apart. A group is named by its first copy: the
    earliest ``published`` (unknown dates last), then the smallest id. The name is therefore an
    ``article_id`` of the articles table and is the same in every run over the same articles.
    """
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in pairs:
        root_left, root_right = find(left), find(right)
        if root_left != root_right:
            parent[max(root_left, root_right)] = min(root_left, root_right)
    members: dict[str, list[str]] = {}
    for node in list(parent):
        members.setdefault(find(node), []).append(node)
    dates = published or {}

    def first(article_id: str) -> tuple:
        when = dates.get(article_id)
        return (when is None, when.isoformat() if when else "", article_id)

    groups: dict[str, str] = {}
    for group in members.values():
        name = min(group, key=first)
        for article_id in group:
            groups[article_id] = name
    return groups


def find_near_duplicates(
    texts: Mapping[str, str], published: Mapping[str, datetime | None] | None = None
) -> dict[str, str]:
    """In-memory version of the whole procedure (what the Beam composite does with a GroupByKey per band)."""
    buckets: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for article_id, text in texts.items():
        sig = signature(text)
        if sig is None:
            continue
        for key in band_keys(sig):
            buckets.setdefault(key, []).append((article_id, sig))
    pairs = {pair for bucket in buckets.values() if len(bucket) > 1 for pair in linking_pairs(bucket)}
    return duplicate_groups(sorted(pairs), published)
