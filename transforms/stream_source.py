"""Stream sources: an inbox folder polled on a ``PeriodicImpulse``, or Pub/Sub / Kafka messages.

Every source yields a dict of PCollections windowed into fixed windows of arrival time:
``articles`` (new ``Article``s), ``rejected`` (``RejectedRecord``s, including duplicates) and
``inbox`` (``FileDone`` markers, one per inbox file, so the file is recorded as committed with
the window that holds its rows).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.transforms import trigger, window
from apache_beam.transforms.periodicsequence import PeriodicImpulse
from apache_beam.utils.timestamp import Timestamp

from ingest.formats import ReadSettings, parse_file, reject
from ingest.inbox import InboxFile, Ledger, LedgerState, list_inbox
from ingest.messages import SourceSpec, decode_message, kafka_source_name, pubsub_source_name
from schemas.models import Article, content_id
from transforms.stream_write import INBOX, FileDone

ARTICLES = "articles"
REJECTED = "rejected"
NAMESPACE = "newsevents"


@dataclass
class StreamState:
    """In-process bookkeeping of one stream (one OUT): shared by the polling step, the commit step and
    the command's main thread, which uses it to drain (stop claiming, wait for every claimed file to
    be committed). Seeded from the ledger, so committed files and articles are never read again."""

    committed: set[str] = field(default_factory=set)
    claimed: set[str] = field(default_factory=set)
    article_ids: set[str] = field(default_factory=set)
    hashes: set[str] = field(default_factory=set)
    max_files: int | None = None
    claimed_this_run: int = 0
    stopping: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def from_ledger(cls, ledger: LedgerState, max_files: int | None = None) -> StreamState:
        return cls(
            committed=set(ledger.inbox),
            article_ids=set(ledger.article_ids),
            hashes=set(ledger.hashes),
            max_files=max_files,
        )

    def claim(self, key: str) -> bool:
        """True once per new file, while the stream is not stopping and under ``max_files``."""
        with self.lock:
            if self.stopping or key in self.committed or key in self.claimed:
                return False
            if self.max_files is not None and self.claimed_this_run >= self.max_files:
                return False
            self.claimed.add(key)
            self.claimed_this_run += 1
            return True

    def admit(self, article_id: str, digest: str) -> str | None:
        """None for a new article (now remembered); else the kind of duplicate it is."""
        with self.lock:
            if digest in self.hashes:
                return "duplicate_article"
            if article_id in self.article_ids:
                return "duplicate_id"
            self.hashes.add(digest)
            self.article_ids.add(article_id)
            return None

    def mark_committed(self, keys: list[str]) -> None:
        with self.lock:
            self.committed.update(keys)

    @property
    def drained(self) -> bool:
        with self.lock:
            return self.claimed <= self.committed

    @property
    def full(self) -> bool:
        with self.lock:
            return self.max_files is not None and self.claimed_this_run >= self.max_files


_STATES: dict[str, StreamState] = {}
_STATES_LOCK = threading.Lock()


def _state_key(output: str) -> str:
    return str(Path(output).resolve())


def register_stream_state(output: str, state: StreamState) -> StreamState:
    with _STATES_LOCK:
        _STATES[_state_key(output)] = state
    return state


def stream_state(output: str) -> StreamState:
    """The state of the stream writing to ``output``; created from its ledger the first time."""
    with _STATES_LOCK:
        key = _state_key(output)
        if key not in _STATES:
            _STATES[key] = StreamState.from_ledger(Ledger(output).read())
        return _STATES[key]


def notify_committed(output: str, keys: list[str]) -> None:
    if keys:
        stream_state(output).mark_committed(keys)


class AdmitArticle:
    """Duplicate check shared by every source: same content hash or same id as an article already
    committed or in flight → a rejected record; counted as ``articles_duplicate``."""

    def __init__(self, settings: ReadSettings) -> None:
        self._settings = settings
        self.accepted = Metrics.counter(NAMESPACE, "articles_accepted")
        self.duplicates = Metrics.counter(NAMESPACE, "articles_duplicate")

    def __call__(self, state: StreamState, article: Article) -> tuple[str, Any]:
        digest = content_id(article.text)
        kind = state.admit(article.id, digest)
        if kind is None:
            self.accepted.inc()
            return ARTICLES, (article, digest)
        self.duplicates.inc()
        detail = "the same text" if kind == "duplicate_article" else "a different text"
        return REJECTED, reject(
            self._settings,
            kind,
            f"article id {article.id!r} ({digest}) was already read earlier in the stream ({detail}); dropped",
            source_file=article.source_file,
            source_line=article.source_line,
            payload=article.text,
            article_id=article.id,
        )


class ReadInboxFileFn(beam.DoFn):
    """A claimed inbox file → its new articles (main output), ``rejected`` records (unreadable records and
    duplicates of articles already committed or in flight) and one ``inbox`` :class:`FileDone` marker
    after its rows, so the file is recorded as committed together with them."""

    def __init__(self, output: str, settings: ReadSettings) -> None:
        self._output = output
        self._settings = settings
        self._files = Metrics.counter(NAMESPACE, "input_files")
        self._read = Metrics.counter(NAMESPACE, "articles_read")
        self._rejected = Metrics.counter(NAMESPACE, "records_rejected_reading")
        self._admit = AdmitArticle(settings)

    def process(self, found: InboxFile) -> Iterator[Any]:
        state = stream_state(self._output)
        self._files.inc()
        ids: list[str] = []
        hashes: list[str] = []
        opener = lambda path=found.path: open(path, "rb")  # noqa: E731, SIM115 - parse_file closes it
        for record in parse_file(found.path, opener, self._settings):
            self._read.inc()
            if not isinstance(record, Article):
                self._rejected.inc()
                yield beam.pvalue.TaggedOutput(REJECTED, record)
                continue
            tag, value = self._admit(state, record)
            if tag == ARTICLES:
                article, digest = value
                ids.append(article.id)
                hashes.append(digest)
                yield article
            else:
                yield beam.pvalue.TaggedOutput(REJECTED, value)
        yield beam.pvalue.TaggedOutput(INBOX, FileDone(found.key, tuple(ids), tuple(hashes)))


class InboxFiles(beam.PTransform):
    """The files of one micro-batch window of the local stream.

    In: the pipeline root. Out: a dict ``articles``, ``rejected``, ``inbox`` (global window: the
    whole pipeline run is one window, committed as one unit by ``StreamWrite``).
    """

    def __init__(self, files: list[InboxFile], output: str, settings: ReadSettings) -> None:
        super().__init__()
        self._files = files
        self._output = output
        self._settings = settings

    def expand(self, pbegin: beam.pvalue.PBegin) -> dict[str, beam.PCollection]:
        read = (
            pbegin
            | "ClaimedFiles" >> beam.Create(self._files)
            | "ReadInboxFiles"
            >> beam.ParDo(ReadInboxFileFn(self._output, self._settings)).with_outputs(REJECTED, INBOX, main=ARTICLES)
        )
        return {ARTICLES: read[ARTICLES], REJECTED: read[REJECTED], INBOX: read[INBOX]}


class PollInboxFn(ReadInboxFileFn):
    """A tick → the rows of every inbox file not yet claimed or committed (for runners where
    ``PeriodicImpulse`` streams; see :class:`InboxSource`)."""

    def __init__(self, inbox: str, output: str, settings: ReadSettings) -> None:
        super().__init__(output, settings)
        self._inbox = inbox

    def process(self, _tick: Any) -> Iterator[Any]:  # type: ignore[override]
        state = stream_state(self._output)
        for found in list_inbox(self._inbox):
            if state.claim(found.key):
                yield from super().process(found)


def stream_windows(seconds: float, allowed_lateness: float = 0) -> beam.WindowInto:
    """Fixed windows of arrival time. A pane fires when the watermark passes the window's end; an element
    arriving later than that (within ``allowed_lateness``) fires its own late pane, which the writer
    commits as new files."""
    return beam.WindowInto(
        window.FixedWindows(seconds),
        trigger=trigger.AfterWatermark(late=trigger.AfterCount(1)),
        accumulation_mode=trigger.AccumulationMode.DISCARDING,
        allowed_lateness=allowed_lateness,
    )


class InboxSource(beam.PTransform):
    """Polls an inbox folder every ``poll`` seconds, as one unbounded pipeline.

    For runners where ``PeriodicImpulse`` really streams (Flink, Dataflow with the inbox on a shared
    filesystem). Beam 2.77's local runners cannot run it: the FnApiRunner runs it as a bounded input
    (no window closes before the end) and the BundleBasedDirectRunner rejects its deferred restriction,
    so ``newsevents stream`` runs one pipeline per window locally (:class:`InboxFiles`).

    In: the pipeline root. Out: a dict of windowed PCollections ``articles``, ``rejected`` and
    ``inbox`` (``FileDone``). Runs until the pipeline is cancelled (or ``stop_timestamp``).
    """

    def __init__(
        self,
        inbox: str,
        output: str,
        settings: ReadSettings,
        window_seconds: float,
        poll_seconds: float,
        stop_timestamp: Timestamp | None = None,
    ) -> None:
        super().__init__()
        self._inbox = inbox
        self._output = output
        self._settings = settings
        self._window = window_seconds
        self._poll = poll_seconds
        self._stop = stop_timestamp

    def expand(self, pbegin: beam.pvalue.PBegin) -> dict[str, beam.PCollection]:
        impulse_args: dict[str, Any] = {"start_timestamp": Timestamp.now(), "fire_interval": self._poll}
        if self._stop is not None:
            impulse_args["stop_timestamp"] = self._stop
        polled = (
            pbegin
            | "Tick" >> PeriodicImpulse(**impulse_args)
            | "PollInbox"
            >> beam.ParDo(PollInboxFn(self._inbox, self._output, self._settings)).with_outputs(
                REJECTED, INBOX, main=ARTICLES
            )
        )
        return {
            name: polled[name] | f"Window{name.capitalize()}" >> stream_windows(self._window)
            for name in (ARTICLES, REJECTED, INBOX)
        }


class DecodeMessageFn(beam.DoFn):
    """A Pub/Sub message or Kafka record → articles (main) and rejected records (``rejected``)."""

    def __init__(self, spec: SourceSpec, output: str, settings: ReadSettings) -> None:
        self._spec = spec
        self._output = output
        self._settings = settings
        self._read = Metrics.counter(NAMESPACE, "articles_read")
        self._rejected = Metrics.counter(NAMESPACE, "records_rejected_reading")
        self._admit = AdmitArticle(settings)

    def process(self, message: Any) -> Iterator[Any]:
        data, name = message_payload(self._spec, message)
        state = stream_state(self._output)
        for record in decode_message(data, name, self._settings):
            self._read.inc()
            if not isinstance(record, Article):
                self._rejected.inc()
                yield beam.pvalue.TaggedOutput(REJECTED, record)
                continue
            tag, value = self._admit(state, record)
            yield value[0] if tag == ARTICLES else beam.pvalue.TaggedOutput(REJECTED, value)


def message_payload(spec: SourceSpec, message: Any) -> tuple[bytes, str]:
    """(body, source name) of a ``PubsubMessage`` or a Kafka ``(key, value)`` / ``KafkaRecord``."""
    if spec.kind == "pubsub":
        data = getattr(message, "data", message)
        return bytes(data or b""), pubsub_source_name(spec.subscription or "", getattr(message, "message_id", None))
    value = getattr(message, "value", None)
    if value is None and isinstance(message, tuple) and len(message) == 2:
        value = message[1]
    partition, offset = getattr(message, "partition", None), getattr(message, "offset", None)
    return bytes(value or b""), kafka_source_name(spec.topic or "", partition, offset)


class MessageSource(beam.PTransform):
    """Reads articles from Pub/Sub (``ReadFromPubSub``, Dataflow) or Kafka (``ReadFromKafka``, a
    cross-language transform: needs Java and the expansion service, e.g. on Flink).

    In: the pipeline root. Out: the same dict as :class:`InboxSource`; ``inbox`` is empty
    (message sources have no files to record; their delivery is the runner's and the broker's).
    """

    def __init__(self, spec: SourceSpec, output: str, settings: ReadSettings, window_seconds: float) -> None:
        super().__init__()
        self._spec = spec
        self._output = output
        self._settings = settings
        self._window = window_seconds

    def expand(self, pbegin: beam.pvalue.PBegin) -> dict[str, beam.PCollection]:
        if self._spec.kind == "pubsub":
            from apache_beam.io.gcp.pubsub import ReadFromPubSub  # needs apache-beam[gcp]

            messages = pbegin | "ReadPubSub" >> ReadFromPubSub(
                subscription=self._spec.subscription, with_attributes=True
            )
        else:
            from apache_beam.io.kafka import ReadFromKafka  # needs Java and the Kafka expansion service

            messages = pbegin | "ReadKafka" >> ReadFromKafka(
                consumer_config={"bootstrap.servers": self._spec.brokers}, topics=[self._spec.topic]
            )
        decoded = messages | "DecodeMessages" >> beam.ParDo(
            DecodeMessageFn(self._spec, self._output, self._settings)
        ).with_outputs(REJECTED, main=ARTICLES)
        no_files = pbegin | "NoInboxFiles" >> beam.Create([]).with_output_types(FileDone)
        return {
            ARTICLES: decoded[ARTICLES] | "WindowArticles" >> stream_windows(self._window),
            REJECTED: decoded[REJECTED] | "WindowRejected" >> stream_windows(self._window),
            INBOX: no_files | "WindowInbox" >> stream_windows(self._window),
        }
