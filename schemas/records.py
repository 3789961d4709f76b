"""Plain records that flow between the pipeline stages.

They are slotted dataclasses of built-in types only: cheap to pickle between Beam
stages, and free of spaCy objects (a ``Doc`` never crosses a stage boundary).
The validated input record (``Article``) and the output rows (``Event`` ...) are
pydantic models in :mod:`schemas.models`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the coder needs to know about the article a sentence comes from."""

    article_id: str
    url: str | None
    publisher: str | None
    published: str | None  # ISO 8601 UTC timestamp, or None when unknown
    ingested: str  # ISO date of the run, the last-resort event date
    source_file: str | None = None  # where the article was read from, for rejected-record reports
    source_line: int | None = None

    @property
    def published_date(self) -> date | None:
        return date.fromisoformat(self.published[:10]) if self.published else None


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article; ``start``/``end`` are character offsets in the article text."""

    article: ArticleContext
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity over tokens ``start`` (inclusive) to ``end`` (exclusive)."""

    start: int
    end: int
    label: str


@dataclass(slots=True)
class Annotation:
    """The linguistic analysis of one sentence, column by column (one list entry per token).

    ``heads[i]`` is the index of token ``i``'s syntactic head; the root is its own head.
    ``offsets[i]`` is the character offset of token ``i`` in the sentence text.
    """

    words: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.words)


@dataclass(frozen=True, slots=True)
class AnnotatedSentence:
    sentence: Sentence
    annotation: Annotation


@dataclass(frozen=True, slots=True)
class ArticleSentences:
    """One article's sentences on their way to the parser, in article order.

    Sentences travel with their article so that parsing and coding happen in one stage: the annotations,
    several times the size of the text, are coded where they are made and never cross a shuffle.
    ``skipped`` holds the indexes of the sentences the cascade set aside: counted, never parsed.
    In cascade mode, ``candidates`` holds the indexes of the sentences to parse that may hold an event, and
    ``depends``, for each sentence to parse, the indexes of the earlier ones its memory of persons may come from
    (:class:`nlp.cascade.ArticlePlan`): once tagged, the candidates that hold no trigger need no entities, nor
    do the sentences only they depend on. ``candidates`` is None outside cascade mode: every sentence is parsed
    in full.
    """

    article: ArticleContext
    sentences: tuple[Sentence, ...]
    skipped: tuple[int, ...] = ()
    candidates: tuple[int, ...] | None = None
    depends: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """One article's parsed sentences, in article order; ``failed`` holds (sentence, error) for those spaCy
    could not parse (they become rejected records)."""

    article: ArticleContext
    sentences: tuple[AnnotatedSentence, ...]
    skipped: tuple[int, ...] = ()
    failed: tuple[tuple[Sentence, str], ...] = ()

    @property
    def sentence_count(self) -> int:
        """The article's sentences that were parsed or set aside by the cascade (``articles.sentence_count``)."""
        return len(self.sentences) + len(self.skipped)
