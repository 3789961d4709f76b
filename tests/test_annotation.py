"""Plain annotations read from a parse (nlp/annotate.py): the same values as spaCy's token attributes."""

from __future__ import annotations

import json

from nlp.annotate import to_annotation
from nlp.sentences import split_sentences
from schemas.records import Annotation, Entity

# Whitespace tokens, a sentence with no verb, non-ASCII text, an empty text.
TEXTS = [
    "Ukrainian President Volodymyr Zelensky appealed to NATO on Sunday.",
    "  Kyiv —  the Kremlin's  \n\n  response. ",
    "Lukashenko (Belarus) met Putin in Sochi; “talks” went well.",
    "",
]


def by_token_attributes(doc) -> Annotation:  # noqa: ANN001 - spaCy Doc
    return Annotation(
        words=[token.text for token in doc],
        lemmas=[token.lemma_ for token in doc],
        pos=[token.pos_ for token in doc],
        tags=[token.tag_ for token in doc],
        deps=[token.dep_ for token in doc],
        heads=[token.head.i for token in doc],
        offsets=[token.idx for token in doc],
        entities=[Entity(ent.start, ent.end, ent.label_) for ent in doc.ents],
    )


def test_to_annotation_matches_token_attributes(nlp, seeds_dir):
    seeds = [json.loads(line)["text"] for line in (seeds_dir / "articles.jsonl").read_text().splitlines() if line]
    sentences = [text[start:end] for text in seeds for start, end in split_sentences(text)]
    with nlp.memory_zone():
        for doc in nlp.pipe(TEXTS + sentences):
            assert to_annotation(doc) == by_token_attributes(doc), doc.text


def test_to_annotation_heads_are_absolute_positions(nlp):
    annotation = to_annotation(nlp("NATO said that Russia attacked Ukraine."))
    assert annotation.words[annotation.heads[3]] == "attacked"  # "Russia" hangs on "attacked", after it
    assert annotation.heads[1] == 1  # the root is its own head
