"""The compiled attribute ruler gives what spaCy's gives (nlp/attribute_ruler.py)."""

from __future__ import annotations

import csv
import json

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from nlp import attribute_ruler
from nlp.annotate import UNUSED_COMPONENTS, default_model_name
from nlp.attribute_ruler import CompiledAttributeRuler, compile_attribute_ruler

# Texts that reach the model's longer patterns ("gonna", "ain't", "let's", "y'all", "there is"), whitespace
# tokens, and the words its morph rules single out ("gets", "got").
TRICKY_TEXTS = [
    "There is a problem, y'all. We ain't gonna let 's go.  Let's  go\n\n now! I gotta c'm on.",
    "Y'all ain't n't there were  \t  ",
    "Gets got it. Is there? There's nothing they're gonna get.",
    "",
    "   ",
]


def annotations(doc: spacy.tokens.Doc) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i), t.ent_type_, t.ent_iob_) for t in doc
    ]


@pytest.fixture(scope="module")
def stock_model():  # noqa: ANN201 - spaCy Language
    return spacy.load(default_model_name(), exclude=list(UNUSED_COMPONENTS))


def seed_texts(seeds_dir) -> list[str]:
    lines = (seeds_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def test_the_model_s_ruler_is_compiled_in_its_place(nlp, stock_model):
    assert nlp.pipe_names == stock_model.pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), CompiledAttributeRuler)
    assert nlp.get_pipe("attribute_ruler").compiled() is not None
    assert nlp.get_pipe("attribute_ruler").patterns == stock_model.get_pipe("attribute_ruler").patterns


def test_same_annotations_as_spacy_on_the_seeds_and_tricky_texts(nlp, stock_model, seeds_dir):
    texts = TRICKY_TEXTS + seed_texts(seeds_dir)
    for ours, spacys in zip(nlp.pipe(texts), stock_model.pipe(texts), strict=True):
        assert annotations(ours) == annotations(spacys)


def test_same_annotations_as_spacy_on_wikinews(nlp, stock_model, shared_dir):
    corpus = shared_dir / "corpus" / "wikinews_2020.csv"
    if not corpus.is_file():
        pytest.skip(f"corpus not found at {corpus}")
    csv.field_size_limit(10**8)
    with corpus.open(encoding="utf-8") as handle:
        texts = [row["text"] for row, _ in zip(csv.DictReader(handle), range(40), strict=False)]
    for ours, spacys in zip(nlp.pipe(texts), stock_model.pipe(texts), strict=True):
        assert annotations(ours) == annotations(spacys)


def two_rulers(patterns: list[dict]) -> tuple[spacy.language.Language, spacy.language.Language]:
    """A blank English pipeline with spaCy's ruler, and one with ours, both holding ``patterns``."""
    stock, ours = spacy.blank("en"), spacy.blank("en")
    stock.add_pipe("attribute_ruler").add_patterns(patterns)
    ours.add_pipe("attribute_ruler").add_patterns(patterns)
    compile_attribute_ruler(ours)
    return stock, ours


CUSTOM_PATTERNS = [
    {"patterns": [[{"LOWER": {"IN": ["the", "a"]}}]], "attrs": {"POS": "DET", "LEMMA": "the"}},
    {"patterns": [[{"ORTH": "The"}]], "attrs": {"LEMMA": "THE"}},  # a later group wins
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "a", "cat"]}}]], "attrs": {"POS": "X"}},
    # A longer pattern whose attributes go to its last token, and one whose group comes before the one-token ones.
    {
        "patterns": [[{"LOWER": "big"}, {"LOWER": {"REGEX": "^c.t$"}}]],
        "attrs": {"POS": "NOUN", "LEMMA": "kitty"},
        "index": -1,
    },
    {"patterns": [[{"TEXT": "sat"}, {"IS_SPACE": False}]], "attrs": {"MORPH": "Tense=Past"}, "index": 1},
]


@pytest.mark.parametrize(
    "text", ["The big cat sat on the mat.", "a big cot sat  big", "big", "", "The the THE cat sat big cat"]
)
def test_same_as_spacy_with_custom_patterns(text):
    stock, ours = two_rulers(CUSTOM_PATTERNS)
    assert isinstance(ours.get_pipe("attribute_ruler"), CompiledAttributeRuler)
    assert annotations(ours(text)) == annotations(stock(text))


def test_patterns_it_cannot_compile_are_left_to_spacy():
    patterns = [{"patterns": [[{"LOWER": "big", "OP": "+"}]], "attrs": {"LEMMA": "large"}}]
    stock, ours = two_rulers(patterns)
    assert type(ours.get_pipe("attribute_ruler")) is AttributeRuler
    ruler = CompiledAttributeRuler(stock.vocab)
    ruler.add_patterns(patterns)
    assert ruler.compiled() is None
    doc = stock.make_doc("big big cat")
    assert [t.lemma_ for t in ruler(doc)] == ["large", "large", ""]


def test_the_regex_memory_stays_bounded(monkeypatch):
    monkeypatch.setattr(attribute_ruler, "REGEX_MEMORY_LIMIT", 3)
    stock, ours = two_rulers(CUSTOM_PATTERNS)
    text = "one two three four five six big cat seven big cut"
    assert annotations(ours(text)) == annotations(stock(text))
    assert all(len(memory) <= 3 for memory in ours.get_pipe("attribute_ruler")._regex_memory)
