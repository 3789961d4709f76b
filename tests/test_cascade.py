"""The cascade (nlp/cascade.py): pure tests of its word lists and its per-article decision, and
SplitSentences(load_cascade=...) on Beam."""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from pathlib import Path

import apache_beam as beam
import pytest
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to
from hypothesis import given
from hypothesis import strategies as st

from coder.events import code_sentence
from coder.people import ArticleMemory
from ingest.formats import ReadSettings
from nlp.annotate import annotate_in_two_passes, annotate_texts
from nlp.cascade import (
    Cascade,
    Cues,
    build_cascade,
    inflections,
    keep_article,
    load_cascade,
    name_index,
    needed_after_tagging,
    plan_article,
    still_needed,
)
from schemas.models import Article
from schemas.records import Annotation, ArticleContext, ArticleSentences, Sentence
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
        stop_words=frozenset({"the", "he", "it", "and", "of"}),
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


def test_cascade_keeps_sentences_whose_event_a_coder_rule_starts(nlp):
    # "ordered" is in no lexicon row: the expulsion rule reads it.
    text = "Moscow ordered the Estonian ambassador out of the country."
    (annotation,) = annotate_texts(nlp, [text])
    assert code_sentence(text, annotation, None)
    assert build_cascade(nlp).keep_article([text]) == [True]


def test_cascade_keeps_event_sentences_and_skips_others(nlp):
    cascade = build_cascade(nlp)
    full = annotate_texts(nlp, EVENT_SENTENCES)
    for text, annotation in zip(EVENT_SENTENCES, full, strict=True):
        assert code_sentence(text, annotation, None), f"the coder finds no event in {text!r} any more"
        assert cascade.keep_article([text]) == [True], f"the cascade skipped {text!r}"
    for text in NO_EVENT_SENTENCES:
        assert cascade.keep_article([text]) == [False], f"the cascade kept {text!r}"


def test_cues_read_the_text_with_a_word_split():
    cascade = toy_cascade()
    cues = cascade.cues("Avenatti's lawyers attacked the Taliban, and he left Kharkiv.")
    assert (cues.trigger, cues.actor, cues.pronoun) == (True, True, True)
    assert cues.names == frozenset({"avenatti", "taliban", "kharkiv"})  # capitalised, not stop words
    # A trigger form that is more than one word run is looked for in the text.
    hyphen = Cascade(frozenset({"sit-in", "attack"}), {}, {})
    assert hyphen.trigger_phrases == ("sit-in",)
    assert hyphen.cues("A Sit-in began.").trigger and not hyphen.cues("A sit began in town.").trigger


# --- the per-article decision ----------------------------------------------------------------------------------

INTRO = Cues(trigger=False, actor=True, pronoun=False, names=frozenset({"jacinda", "ardern", "zealand"}))
FILLER = Cues(trigger=False, actor=False, pronoun=False)


def test_a_bare_name_introduced_earlier_keeps_its_sentence_and_the_introduction():
    bare = Cues(trigger=True, actor=False, pronoun=False, names=frozenset({"ardern"}))
    assert keep_article([INTRO, FILLER, bare]) == [True, False, True]
    # Without the introduction (no actor term to title the name) the bare name is nobody the coder knows.
    untitled = Cues(trigger=False, actor=False, pronoun=False, names=frozenset({"ardern"}))
    assert keep_article([untitled, FILLER, bare]) == [False, False, False]
    # A name introduced only later does not count.
    assert keep_article([bare, INTRO]) == [False, False]


def test_a_pronoun_keeps_the_last_sentence_that_may_have_named_a_person_and_what_that_one_needs():
    he = Cues(trigger=True, actor=False, pronoun=True)
    recalled = Cues(trigger=False, actor=False, pronoun=False, names=frozenset({"ardern"}))
    other = Cues(trigger=False, actor=True, pronoun=False, names=frozenset({"putin"}))
    assert keep_article([INTRO, FILLER, he]) == [True, False, True]
    # "Ardern" recalled in a sentence with no event sets the person "he" stands for; it needs its introduction.
    assert keep_article([INTRO, other, recalled, FILLER, he]) == [True, False, True, False, True]
    assert keep_article([FILLER, he]) == [False, True]


def test_a_pronoun_looks_back_over_as_many_naming_sentences_as_the_coder():
    he = Cues(trigger=True, actor=False, pronoun=True)
    unknown = Cues(trigger=False, actor=False, pronoun=False, names=frozenset({"smith"}))  # no title: still named
    assert keep_article([INTRO, FILLER, unknown, he], lookback=1) == [False, False, True, True]
    assert keep_article([INTRO, FILLER, unknown, he], lookback=3) == [True, False, True, True]
    assert keep_article([INTRO, unknown, unknown, unknown, he], lookback=3) == [False, True, True, True, True]


def test_the_lookback_is_the_coders(nlp):
    from coder import people

    assert build_cascade(nlp).pronoun_lookback == getattr(people, "MENTION_SENTENCES", 1)


def cues_strategy() -> st.SearchStrategy[Cues]:
    names = st.frozensets(st.sampled_from(["ardern", "putin", "kyiv", "smith"]), max_size=3)
    return st.builds(Cues, st.booleans(), st.booleans(), st.booleans(), names)


@given(st.lists(cues_strategy(), max_size=12))
def test_the_article_decision_keeps_every_sentence_the_sentence_decision_keeps(cues):
    keep = keep_article(cues)
    assert len(keep) == len(cues)
    for cue, kept in zip(cues, keep, strict=True):
        if cue.trigger and (cue.actor or cue.pronoun):
            assert kept
        if not (cue.trigger or cue.actor or cue.names):
            assert not kept  # a sentence with no trigger, actor or name never matters


ARTICLES = [
    # A person titled in a sentence with no event, then named bare, or as "he", in sentences with events.
    ["John Kerrigan, a minister of Ireland, was 65.", "The weather was cold.", "Kerrigan condemned the sanctions."],
    ["Gaston Browne, the Prime Minister of Antigua, was 95.", "The weather was cold.", "He criticised the plan."],
    ["Robert Mugabe, the former president of Zimbabwe, was 95.", "He was praised in the West.", "It rained."],
]


def code_article(nlp, texts: list[str], keep: list[bool]) -> list[tuple]:  # noqa: ANN001
    memory = ArticleMemory(date(2019, 9, 6))
    events = []
    for index, (text, annotation, kept) in enumerate(zip(texts, annotate_texts(nlp, texts), keep, strict=True)):
        for event in code_sentence(text, annotation if kept else Annotation(), date(2019, 9, 6), memory):
            events.append((index, event.cameo_code, event.source and event.source.actor.code))
    return events


@pytest.mark.parametrize("texts", ARTICLES)
def test_the_article_decision_finds_the_events_of_full_mode(nlp, texts):
    cascade = build_cascade(nlp)
    full = code_article(nlp, texts, [True] * len(texts))
    assert full, "the coder finds no event in this article any more"
    keep = cascade.keep_article(texts)
    assert code_article(nlp, texts, keep) == full
    assert not all(keep), "the article decision skips nothing"
    # Sentence by sentence, without the article, the event is lost: its person was introduced in a skipped one.
    alone = [cascade.keep(text, text.split()) for text in texts]
    assert code_article(nlp, texts, alone) != full


def test_the_cascade_loads_without_the_statistical_components(nlp):
    light, full = load_cascade(), build_cascade(nlp)
    assert light.trigger_forms == full.trigger_forms
    assert light.actor_index == full.actor_index and light.place_index == full.place_index
    assert light.stop_words == full.stop_words and "the" in light.stop_words


# --- Beam -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cascade", [True, False])
def test_split_sentences_with_cascade_sets_skipped_sentences_aside(cascade: bool):
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
    sentences = arts | SplitSentences(INGESTED, 2000, SETTINGS, partial(load_cascade, None) if cascade else None)
    annotated = sentences["articles"] | Annotate(None, SETTINGS)
    events = annotated["annotated"] | ExtractEvents(SETTINGS)
    assert_that(
        annotated["annotated"]
        | "Parsed" >> beam.Map(lambda a: ([(s.sentence.index, len(s.annotation) > 0) for s in a.sentences], a.skipped)),
        equal_to([([(0, True)], (1,)) if cascade else ([(0, True), (1, True)], ())]),
        label="annotated",
    )
    assert_that(events["events"] | beam.Map(lambda e: e.cameo_code), equal_to(["194"]), label="events")
    rows = {"articles": arts, "annotated": annotated["annotated"], "events": events["events"]} | SummariseArticles(
        INGESTED, "test"
    )
    # A skipped sentence is still one of the article's sentences.
    assert_that(rows | beam.Map(lambda r: (r.sentence_count, r.event_count)), equal_to([(2, 1)]), label="rows")
    result = pipeline.run()
    result.wait_until_finish()
    skipped = result.metrics().query(MetricsFilter().with_name("sentences_skipped_by_cascade"))["counters"]
    parsed = result.metrics().query(MetricsFilter().with_name("sentences_annotated"))["counters"]
    split = result.metrics().query(MetricsFilter().with_name("sentences"))["counters"]
    assert sum(c.committed for c in skipped) == (1 if cascade else 0)
    assert sum(c.committed for c in parsed) == (1 if cascade else 2)
    assert sum(c.committed for c in split) == 2


def test_split_sentences_with_cascade_keeps_what_a_later_sentence_needs():
    text = " ".join(ARTICLES[0])
    article = Article(id="b", text=text, published="2019-09-06", source_file="mem.jsonl", source_line=1)
    with TestPipeline(runner="DirectRunner") as pipeline:
        sentences = (
            pipeline | beam.Create([article]) | SplitSentences(INGESTED, 2000, SETTINGS, partial(load_cascade, None))
        )
        assert_that(
            sentences["articles"] | "Sorted" >> beam.Map(lambda a: ([s.index for s in a.sentences], a.skipped)),
            equal_to([([0, 2], (1,))]),
            label="kept and skipped",
        )


# --- the second look, once tagged -------------------------------------------------------------------------------

PROBES = Path(__file__).resolve().parents[1] / "benchmarks" / "probes"


def probe_sentences() -> list[str]:
    """The probe sets' sentences (written by us), with the event and no-event sentences above."""
    sentences = [*EVENT_SENTENCES, *NO_EVENT_SENTENCES, *(text for article in ARTICLES for text in article)]
    for path in sorted(PROBES.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                sentences.append(line.split("\t")[-1])
    return sentences


def test_may_hold_trigger_is_true_wherever_the_coder_finds_a_candidate(nlp):
    from coder.candidates import _find_candidates, may_hold_trigger
    from coder.sentence import ParsedSentence

    texts = probe_sentences()
    assert len(texts) > 250
    found = 0
    for text, annotation in zip(texts, annotate_texts(nlp, texts), strict=True):
        if _find_candidates(ParsedSentence(text, annotation)):
            found += 1
            assert may_hold_trigger(annotation), f"the second look would drop {text!r}"
    assert found > 200


def test_may_hold_trigger_is_false_without_a_trigger_the_needs_allow(nlp):
    from coder.candidates import may_hold_trigger

    for text in ["Russia said the weather was fine.", "The museum said the exhibition would open next week."]:
        assert not may_hold_trigger(annotate_texts(nlp, [text])[0]), text  # "say" codes only with a modal or blame
    for text in ["Russia said Ukraine must withdraw.", "Israel said Iran was behind the attack.", *EVENT_SENTENCES]:
        assert may_hold_trigger(annotate_texts(nlp, [text])[0]), text


def test_the_text_test_keeps_every_sentence_the_tagger_may_find_a_trigger_in(nlp):
    from coder.candidates import may_hold_trigger

    cascade = load_cascade()
    texts = probe_sentences()
    for text, annotation in zip(texts, annotate_texts(nlp, texts), strict=True):
        if may_hold_trigger(annotation):
            assert cascade.has_trigger_in(text, re.findall(r"\w+", text)), f"the text test would drop {text!r}"


def test_a_trigger_form_whose_needs_are_nowhere_in_the_sentence_is_no_trigger():
    cascade = load_cascade()
    # "say" starts an event only with "must"/"should" or a word of blame; "appeal" with a "to" or "for" phrase.
    for text in ["Russia said the weather was fine.", "Russia made an appeal."]:
        assert cascade.keep_article([text]) == [False], text
    kept = [
        "Russia said Ukraine must withdraw.",
        "Russia said Ukraine was behind the attack.",
        "Russia appealed to NATO.",
    ]
    for text in kept:
        assert cascade.keep_article([text]) == [True], text


def test_still_needed_is_the_candidates_and_what_they_depend_on():
    depends = [[], [0], [], [1], []]
    assert still_needed([3], depends) == {0, 1, 3}
    assert still_needed([2, 4], depends) == {2, 4}
    assert still_needed([], depends) == set()
    assert still_needed([7], {7: (3,), 3: ()}) == {3, 7}


@given(st.lists(cues_strategy(), max_size=12))
def test_the_plan_keeps_exactly_what_its_candidates_need(cues):
    plan = plan_article(cues)
    assert {i for i, kept in enumerate(plan.keep) if kept} == still_needed(plan.candidates, plan.depends)
    assert all(earlier < i for i, needs in enumerate(plan.depends) for earlier in needs)


def test_annotating_in_two_passes_gives_the_full_annotations_of_the_chosen(nlp):
    texts = [*EVENT_SENTENCES, *NO_EVENT_SENTENCES]
    full = annotate_texts(nlp, texts)
    chosen = {0, 2, 5, len(texts) - 1}
    seen: list[int] = []

    def select(tagged):  # noqa: ANN001, ANN202
        seen.append(len(tagged))
        assert all(not annotation.entities for annotation in tagged)  # the entities come last
        assert [a.pos for a in tagged] == [a.pos for a in full]  # the parts of speech are already final
        return chosen

    two = annotate_in_two_passes(nlp, texts, select)
    assert seen == [len(texts)]
    assert [a for i, a in enumerate(two) if i in chosen] == [a for i, a in enumerate(full) if i in chosen]
    assert all(a is None for i, a in enumerate(two) if i not in chosen)


def test_needed_after_tagging_outside_cascade_mode_is_every_sentence(nlp):
    context = ArticleContext("a", None, None, None, "2026-01-01")
    sentences = tuple(Sentence(context, i, 0, 1, text) for i, text in enumerate(["A.", "B."]))
    assert needed_after_tagging(ArticleSentences(context, sentences), {}) == {0, 1}


def test_split_sentences_ships_the_plan_with_sentence_indexes():
    # The over-long first sentence is rejected: plan positions and sentence indexes differ by one.
    text = "x" * 3000 + ". " + " ".join(ARTICLES[0])
    article = Article(id="c", text=text, published="2019-09-06", source_file="mem.jsonl", source_line=1)
    with TestPipeline(runner="DirectRunner") as pipeline:
        sentences = (
            pipeline | beam.Create([article]) | SplitSentences(INGESTED, 2000, SETTINGS, partial(load_cascade, None))
        )
        assert_that(
            sentences["articles"]
            | "Plan" >> beam.Map(lambda a: ([s.index for s in a.sentences], a.skipped, a.candidates, a.depends)),
            equal_to([([1, 3], (2,), (3,), ((), (1,)))]),
            label="plan",
        )


def test_annotate_sets_aside_candidates_without_a_trigger_once_tagged():
    # "March" (a protest march) and "Russia" make the second sentence a candidate; tagged, it is a month: no trigger.
    text = "Russian forces shelled Kharkiv on Monday. Russia's budget is due in March."
    article = Article(id="d", text=text, published="2022-04-26", source_file="mem.jsonl", source_line=1)
    pipeline = TestPipeline(runner="DirectRunner")
    sentences = (
        pipeline | beam.Create([article]) | SplitSentences(INGESTED, 2000, SETTINGS, partial(load_cascade, None))
    )
    annotated = sentences["articles"] | Annotate(None, SETTINGS)
    assert_that(
        sentences["articles"] | "Kept" >> beam.Map(lambda a: ([s.index for s in a.sentences], a.candidates)),
        equal_to([([0, 1], (0, 1))]),
        label="kept by the text",
    )
    assert_that(
        annotated["annotated"]
        | "Parsed"
        >> beam.Map(lambda a: ([(s.sentence.index, len(s.annotation.entities)) for s in a.sentences], a.skipped)),
        equal_to([([(0, 3)], (1,))]),  # Russian, Kharkiv, Monday
        label="parsed in full",
    )
    result = pipeline.run()
    result.wait_until_finish()

    def counted(name: str) -> int:
        return sum(c.committed for c in result.metrics().query(MetricsFilter().with_name(name))["counters"])

    assert counted("sentences_set_aside_after_tagging") == 1
    assert counted("sentences_skipped_by_cascade") == 1
    assert counted("sentences_annotated") == 1


# --- the cascade's cache file ------------------------------------------------------------------------------------


def test_the_built_cascade_is_cached_and_the_next_process_reads_it(monkeypatch, tmp_path):
    from nlp import cascade as cascade_module

    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    built = cascade_module.load_cascade.__wrapped__(None)  # as a new process would, past the in-process cache
    assert len(list(tmp_path.glob("cascade-*.pickle"))) == 1

    def no_build(nlp):  # noqa: ANN001, ANN202
        raise AssertionError("built again although the cache file is valid")

    monkeypatch.setattr(cascade_module, "build_cascade", no_build)
    assert cascade_module.load_cascade.__wrapped__(None) == built


def test_the_cascade_cache_follows_the_dictionaries_and_the_model():
    from nlp.annotate import default_model_name
    from nlp.cascade import _built_from

    sources = _built_from(default_model_name())
    data = Path(__file__).resolve().parents[1] / "schemas" / "data"
    assert (data / "event_lexicon.tsv").read_bytes() in sources
    assert (Path(__file__).resolve().parents[1] / "coder" / "actors.py").read_bytes() in sources
    assert any(b'"version"' in source for source in sources)  # the model's meta.json: its release
