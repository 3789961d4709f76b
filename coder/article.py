"""From annotated sentences to output rows: events with their dates settled, and article rows."""

from __future__ import annotations

from datetime import date, datetime

from coder.events import CodedEvent, code_sentence, event_id
from coder.people import ArticleMemory
from schemas.models import Article, ArticleRow, Event
from schemas.records import AnnotatedSentence, ArticleContext


def article_context(article: Article, ingested: date) -> ArticleContext:
    return ArticleContext(
        article_id=article.id,
        url=article.url,
        publisher=article.publisher,
        published=article.published.isoformat() if article.published else None,
        ingested=ingested.isoformat(),
        source_file=article.source_file,
        source_line=article.source_line,
    )


def code_annotated_sentence(
    annotated: AnnotatedSentence, pipeline_version: str, memory: ArticleMemory | None = None
) -> list[Event]:
    """The ``Event`` rows of one sentence.

    The event date is a date written in the sentence (resolved against the publication
    date), else the publication date, else the ingestion date; ``date_source`` says which.
    """
    sentence = annotated.sentence
    context = sentence.article
    published_date = context.published_date
    coded = code_sentence(sentence.text, annotated.annotation, published_date, memory)
    return [_event_row(event, annotated, pipeline_version) for event in coded]


def _event_row(event: CodedEvent, annotated: AnnotatedSentence, pipeline_version: str) -> Event:
    sentence = annotated.sentence
    context = sentence.article
    if event.event_date is not None:
        event_date, date_source, rule = event.event_date, "text", event.date_rule
    elif context.published_date is not None:
        event_date, date_source, rule = context.published_date, "published", "published"
    else:
        event_date, date_source, rule = date.fromisoformat(context.ingested), "ingested", "ingested"
    source, target, location = event.source, event.target, event.location
    return Event(
        event_id=event_id(
            context.article_id,
            sentence.index,
            event.trigger_start,
            event.cameo_code,
            # Text and code: "the air forces of Russia and Belarus" is two actors with one text.
            f"{source.text}|{source.actor.code}" if source else None,
            f"{target.text}|{target.actor.code}" if target else None,
            pipeline_version,
        ),
        event_date=event_date,
        date_source=date_source,
        date_text=event.date_text,
        article_id=context.article_id,
        article_url=context.url,
        publisher=context.publisher,
        published=datetime.fromisoformat(context.published) if context.published else None,
        sentence_index=sentence.index,
        sentence=sentence.text,
        trigger_text=event.trigger_text,
        trigger_start=event.trigger_start,
        trigger_end=event.trigger_end,
        source_text=source.text if source else None,
        source_code=source.actor.code if source else None,
        source_country=source.actor.country if source else None,
        source_sector=source.actor.sector if source else None,
        source_start=source.start if source and source.start >= 0 else None,
        source_end=source.end if source and source.start >= 0 else None,
        target_text=target.text if target else None,
        target_code=target.actor.code if target else None,
        target_country=target.actor.country if target else None,
        target_sector=target.actor.sector if target else None,
        target_start=target.start if target and target.start >= 0 else None,
        target_end=target.end if target and target.start >= 0 else None,
        cameo_code=event.cameo_code,
        cameo_root=event.cameo_root,
        plover_type=event.plover_type,
        plover_mode=event.plover_mode,
        quad_class=event.quad_class,
        goldstein=event.goldstein,
        negated=event.negated,
        event_mode=event.event_mode,
        location_name=event.location_text,
        location_country=location.country if location else None,
        latitude=location.latitude if location else None,
        longitude=location.longitude if location else None,
        confidence=event.confidence,
        cameo_name=event.cameo_name,
        plover_context=event.plover_context,
        date_rule=rule,
        reported_by=event.reported_by,
        evidence="; ".join(event.evidence),
        pipeline_version=pipeline_version,
    )


def article_row(
    article: Article, sentence_count: int, event_count: int, ingested: date, pipeline_version: str
) -> ArticleRow:
    return ArticleRow(
        article_id=article.id,
        published_date=article.published.date() if article.published else ingested,
        url=article.url,
        title=article.title,
        publisher=article.publisher,
        published=article.published,
        language=article.language,
        text=article.text,
        source_file=article.source_file,
        source_line=article.source_line,
        sentence_count=sentence_count,
        event_count=event_count,
        pipeline_version=pipeline_version,
    )
