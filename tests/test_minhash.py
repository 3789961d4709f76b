"""MinHash permutations (ingest/near_duplicates.py): numpy's uint64 arithmetic gives Python's exact values."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ingest import near_duplicates as nd


def python_minhash(hashed: list[int]) -> list[int]:
    """The definition: per permutation, the least ``(a * x + b) mod (2**61 - 1)`` over the shingles, in Python ints."""
    return [min(((a * x + b) % nd._MERSENNE) & nd._MAX_HASH for x in hashed) for a, b in nd._PERMUTATIONS]


@given(st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=300))
def test_permutations_equal_the_python_integer_formula(hashed):
    values = (nd._permuted(hashed) & nd._MAX_HASH).min(axis=1)
    assert [int(v) for v in values] == python_minhash(hashed)


def test_extreme_hash_values():
    for hashed in ([0], [2**32 - 1], [0, 1, 2**31, 2**32 - 1]):
        assert [int(v) for v in (nd._permuted(hashed) & nd._MAX_HASH).min(axis=1)] == python_minhash(hashed)


def test_signature_is_plain_ints_of_the_definition():
    text = " ".join(f"word{i % 37} other{i % 11}" for i in range(200))
    signature = nd.signature(text)
    assert signature == tuple(python_minhash(sorted(nd.shingles(text))))
    assert all(type(value) is int for value in signature)


def components(pairs: list[tuple[str, str]], ids: list[str]) -> set[frozenset[str]]:
    groups = nd.duplicate_groups(pairs)
    found: dict[str, set[str]] = {}
    for article_id in ids:
        found.setdefault(groups.get(article_id, article_id), set()).add(article_id)
    return {frozenset(members) for members in found.values()}


@given(st.lists(st.lists(st.integers(0, 3), min_size=nd.NUM_PERM, max_size=nd.NUM_PERM), min_size=1, max_size=9))
def test_linking_pairs_connect_what_all_similar_pairs_connect(signatures):
    members = [(f"a{i}", tuple(sig)) for i, sig in enumerate(signatures)]
    ids = [article_id for article_id, _ in members]
    linking = nd.linking_pairs(members)
    assert set(linking) <= set(nd.candidate_pairs(members))
    assert all(left < right for left, right in linking)
    assert components(linking, ids) == components(nd.candidate_pairs(members), ids)


def test_many_copies_of_one_story_give_a_chain_not_every_pair():
    sig = tuple(range(nd.NUM_PERM))
    members = [(f"copy{i:04d}", sig) for i in range(500)]
    assert len(nd.candidate_pairs(members[:50])) == 50 * 49 // 2
    assert len(nd.linking_pairs(members)) == 499
