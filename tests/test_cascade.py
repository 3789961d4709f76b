"""The cascade (nlp/cascade.py): pure tests of its word lists and decision, and Annotate(cascade=True) on Beam."""

from __future__ import annotations

from datetime import date

import apache_beam as beam
import pytest
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from coder.events import code_sentence
from ingest.formats import ReadSettings
from nlp.annotate import annotate_texts, annotate_texts_cascade
from nlp.cascade import Cascade, build_cascade, inflections, name_index
from schemas.models import Article
from transforms.annotate import Annotate
from transforms.extract_events import ExtractEvents, SummariseArticles
from transforms.split_sentences import SplitSentences

SETTINGS = ReadSettings(pipeline_version="test")
INGESTED = date(2026, 1, 1)

EVENT_SENTENCES = [
    "Russia attacked Ukraine on Monday.",
    "Russian forces shelled Kharkiv overnight.",
    "The United States and NATO have refused to send aircraft to Ukraine.",
    "Belarus announced that it would hold joint exercises with Russia.",
    "NATO countries called on Germany to send more weapons.",
    "Police arrested protesters in Minsk.",
    "Western leaders met in Brussels.",
    "President Vladimir Putin met Ukrainian officials.",
]
NO_EVENT_SENTENCES = [
    "The weather was fine.",
    "Scientists found a new species of frog in the rainforest.",
    "The museum said the exhibition would open next week.",  # a trigger ("said"), no actor
    "Germany has a population of 83 million.",  # an actor, no trigger
]


def toy_cascade() -> Cascade:
    return Cascade(
        trigger_forms=frozenset({"attack", "attacked", "attacks"}),
        actor_index=name_index(["Russia", "United States", "the Taliban", "US"]),
        place_index=name_index(["Kharkiv", "Police"], fold=True),
        person_index=name_index(["vladimir putin", "putin"], fold=True),
        person_pronouns=frozenset({"he", "she", "him"}),
    )


# --- pure functions -------------------------------------------------------------------------------------------


def test_inflections_run_lemmatizer_rules_backwards_and_invert_exceptions():
    rules = [["s", ""], ["ies", "y"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]]
    exceptions = {"went": ["go"], "gone": ["go"], "seen": ["see"]}
    assert {"attack", "attacks", "attacked", "attacking"} <= inflections("attack", rules, exceptions)
    assert {"agree", "agrees", "agreed", "agreeing"} <= inflections("agree", rules, exceptions)
    assert {"go", "goes", "went", "gone"} <= inflections("go", rules, exceptions)
    assert "applies" in inflections("apply", rules, exceptions)


def test_name_index_keys_on_the_longest_capitalised_word():
    index = name_index(["the Taliban", "United States", "Rostov-on-Don", "U.S.", "The Pas"])
    assert index["Taliban"] == ("the Taliban",)
    assert index["States"] == ("United States",)
    assert index["Rostov"] == ("Rostov-on-Don",)
    assert index["S"] == ("U.S.",)
    assert index["Pas"] == ("The Pas",)
    assert name_index(["Kyiv", "The"], fold=True, exclude={"the"}) == {"kyiv": ("kyiv",)}


def test_cascade_needs_a_trigger_and_a_known_actor():
    cascade = toy_cascade()
    assert cascade.keep("Russia attacked Kyiv.", ["Russia", "attacked", "Kyiv", "."])
    assert not cascade.keep("Russia was fine.", ["Russia", "was", "fine", "."])  # no trigger
    assert not cascade.keep("Rebels attacked.", ["Rebels", "attacked", "."])  # no actor
    # Actor names match as whole names, case-sensitively: "us" is a pronoun, "States" alone no country.
    assert not cascade.has_actor("They attacked us and the States.")
    assert cascade.has_actor("The United States' attacks")
    assert cascade.has_actor("Fighters of the Taliban attacked.")
    # Place names are case-folded but must be capitalised in the sentence: the town of Police, not the police.
    assert cascade.has_actor("Troops attacked KHARKIV.")
    assert not cascade.has_actor("The police attacked.")
    assert cascade.has_trigger(["ATTACKS"])
    # People of the gazetteer, and "he"/"she", which the coder resolves to the person the article introduced.
    assert cascade.keep("Putin attacked.", ["Putin", "attacked", "."])
    assert cascade.keep("He attacked.", ["He", "attacked", "."])
    assert not cascade.keep("It attacked.", ["It", "attacked", "."])


def test_cascade_derives_its_words_from_the_lexicon_at_load_time(nlp, monkeypatch):
    import coder.lexicon

    cascade = build_cascade(nlp)
    assert {"attacked", "attacking", "met", "meets", "talks", "sanctions"} <= cascade.trigger_forms
    assert all(lemma in cascade.trigger_forms for lemma, _ in coder.lexicon.trigger_rows())
    # A trigger added to the lexicon reaches the cascade with its inflections, with no copy to update.
    monkeypatch.setattr(coder.lexicon, "trigger_rows", lambda: {("blockade", "VERB"): ()})
    assert {"blockade", "blockaded", "blockading"} <= build_cascade(nlp).trigger_forms


def test_cascade_keeps_event_sentences_and_skips_others(nlp):
    cascade = build_cascade(nlp)
    full = annotate_texts(nlp, EVENT_SENTENCES + NO_EVENT_SENTENCES)
    partial = annotate_texts_cascade(nlp, cascade, EVENT_SENTENCES + NO_EVENT_SENTENCES)
    for text, annotation, kept in zip(EVENT_SENTENCES, full, partial, strict=False):
        assert code_sentence(text, annotation, None), f"the coder finds no event in {text!r} any more"
        assert kept == annotation, f"the cascade skipped or changed {text!r}"
    assert partial[len(EVENT_SENTENCES) :] == [None] * len(NO_EVENT_SENTENCES)


# --- Beam -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cascade", [True, False])
def test_annotate_with_cascade_counts_skipped_sentences(cascade: bool):
    articles = [
        Article(
            id="a",
            text="Russian forces shelled Kharkiv on Monday. The weather was fine.",
            published="2022-04-26",
            source_file="mem.jsonl",
            source_line=1,
        )
    ]
    pipeline = TestPipeline(runner="DirectRunner")
    arts = pipeline | beam.Create(articles)
    sentences = arts | SplitSentences(INGESTED, 2000, SETTINGS)
    annotated = sentences["sentences"] | Annotate(None, SETTINGS, cascade=cascade)
    events = annotated["annotated"] | ExtractEvents(SETTINGS)
    assert_that(
        annotated["annotated"] | "Tokens" >> beam.Map(lambda s: (s.sentence.index, len(s.annotation) > 0)),
        equal_to([(0, True), (1, not cascade)]),
        label="annotated",
    )
    assert_that(events["events"] | beam.Map(lambda e: e.cameo_code), equal_to(["194"]), label="events")
    rows = {"articles": arts, "sentences": annotated["annotated"], "events": events["events"]} | SummariseArticles(
        INGESTED, "test"
    )
    # A skipped sentence is still one of the article's sentences.
    assert_that(rows | beam.Map(lambda r: (r.sentence_count, r.event_count)), equal_to([(2, 1)]), label="rows")
    result = pipeline.run()
    result.wait_until_finish()
    skipped = result.metrics().query(MetricsFilter().with_name("sentences_skipped_by_cascade"))["counters"]
    parsed = result.metrics().query(MetricsFilter().with_name("sentences_annotated"))["counters"]
    assert sum(c.committed for c in skipped) == (1 if cascade else 0)
    assert sum(c.committed for c in parsed) == (1 if cascade else 2)
