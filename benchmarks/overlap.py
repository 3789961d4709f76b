"""Event overlap between full mode and cascade mode, computed in one process without Beam.

Every sentence is parsed in full mode once; the cascade mode's events are then exactly the full-mode
events of the sentences the cascade keeps (a kept sentence is parsed by the same model on the same
tokens, whatever else is in its batch). So the events lost to the cascade are the full-mode events
of the sentences it skips: before parsing, on the text, and after tagging, when a candidate's lemmas and parts
of speech show it holds no trigger (the tagger's are those of the full parse; the entities come last).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from coder.events import CodedEvent, code_sentence
from nlp.cascade import Cascade, needed_once_tagged
from nlp.sentences import split_sentences

csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True, slots=True)
class Overlap:
    sentences: int
    sentences_kept: int
    words: int
    words_kept: int  # in the sentences parsed in full
    events_full: int
    events_cascade: int
    lost: list[str]
    words_tagged: int = 0  # in the sentences the text test kept: tagged and parsed, entities only if still needed

    def as_dict(self) -> dict[str, object]:
        full = self.events_full
        return {
            "sentences": self.sentences,
            "sentences_kept": self.sentences_kept,
            "sentences_skipped_share": round(1 - self.sentences_kept / max(self.sentences, 1), 4),
            "words_skipped_share": round(1 - self.words_kept / max(self.words, 1), 4),
            "words_tagged_share": round(self.words_tagged / max(self.words, 1), 4),
            "events_full": full,
            "events_cascade": self.events_cascade,
            "events_lost": full - self.events_cascade,
            "events_kept_share": round(self.events_cascade / full, 4) if full else 1.0,
            "lost_examples": self.lost[:10],
        }


def wikinews_texts(corpus: Path) -> Iterator[tuple[str, date | None]]:
    """(text, publication date) of each article in the corpus CSVs."""
    for path in sorted(corpus.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("text", "").strip():
                    published = date.fromisoformat(row["date"][:10]) if row.get("date") else None
                    yield row["text"], published


def plover_texts(path: Path) -> Iterator[tuple[str, date | None]]:
    """(sentence text, no date) of each PLOVER gold-standard record (the text is in ``eventText``)."""
    for record in json.loads(path.read_text(encoding="utf-8")):
        text = record.get("text") or record.get("eventText") or ""
        if text.strip():
            yield text, None


def measure(nlp, cascade: Cascade, documents: list[tuple[str, date | None]], split: bool = True) -> Overlap:  # noqa: ANN001
    """Full-mode vs cascade-mode events over ``documents`` (split into sentences when ``split``).

    Each document is coded in sentence order with one ``ArticleMemory``, as ``ExtractEvents`` codes an
    article: in cascade mode a skipped sentence is coded from an empty annotation, so persons it would
    have introduced are not remembered, and the events that needed them are counted as lost. A PLOVER
    record is one sentence, so ``split=False`` makes each record an article of its own.
    """
    from coder.people import ArticleMemory
    from nlp.annotate import to_annotation
    from schemas.records import Annotation

    def key(index: int, event: CodedEvent) -> tuple:
        source = event.source.actor.code if event.source else None
        target = event.target.actor.code if event.target else None
        return (index, event.trigger_start, event.cameo_code, source, target)

    sentences = words = words_kept = words_tagged = kept = 0
    full_keys: set[tuple] = set()
    cascade_keys: set[tuple] = set()
    texts: dict[tuple, str] = {}
    lost: list[str] = []
    for number, (text, published) in enumerate(documents):
        spans = split_sentences(text) if split else [(0, len(text))]
        parts = [text[start:end] for start, end in spans]
        full_memory, cascade_memory = ArticleMemory(published), ArticleMemory(published)
        plan = cascade.plan_article(parts)
        with nlp.memory_zone():
            annotations = [to_annotation(doc) for doc in nlp.pipe(parts)]
        # The second look, once tagged: the tagger's lemmas and parts of speech are those of the full parse.
        finished = needed_once_tagged(plan.candidates, plan.depends, annotations)
        for index, (part, annotation, tagged) in enumerate(zip(parts, annotations, plan.keep, strict=True)):
            keep = index in finished
            sentences += 1
            words += len(annotation)
            kept += keep
            words_kept += len(annotation) if keep else 0
            words_tagged += len(annotation) if tagged else 0
            for event in code_sentence(part, annotation, published, full_memory):
                full_keys.add((number, *key(index, event)))
                texts[(number, *key(index, event))] = f"{event.trigger_text} [{event.cameo_code}]: {part[:160]}"
            for event in code_sentence(part, annotation if keep else Annotation(), published, cascade_memory):
                cascade_keys.add((number, *key(index, event)))
    lost = [texts[k] for k in sorted(full_keys - cascade_keys)]
    return Overlap(
        sentences, kept, words, words_kept, len(full_keys), len(full_keys & cascade_keys), lost, words_tagged
    )
