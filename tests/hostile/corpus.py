"""A corpus of hostile inputs, each with the outcome it must have.

Built as files by :func:`write_corpus` (the large ones are generated rather than stored in git):

    python tests/hostile/corpus.py DEST     # writes the corpus into DEST and prints what each file tests

Every case lists its expected outcomes in input order: ``accepted`` for an article that must be
coded, or the ``error_type`` it must be rejected with. A file that is fine apart from one bad line
lists both.
"""

from __future__ import annotations

import gzip
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ANY_ACCEPTED = "accepted*"  # zero or more accepted articles (records before a break in the file)
GOOD = "Russian troops shelled the city of Kharkiv on Tuesday, Ukrainian officials said, and NATO condemned the attack."


def _jsonl(*records: object) -> bytes:
    return ("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n").encode("utf-8")


def _article(article_id: str, text: str = GOOD, **fields: object) -> dict:
    return {"id": article_id, "text": text, "published": "2022-04-26", **fields}


@dataclass(frozen=True)
class Case:
    kind: str
    name: str
    data: bytes
    expected: tuple[str, ...]


def _cases() -> list[Case]:
    truncated = gzip.compress(
        _jsonl(*(_article(f"gz-{i}", GOOD + f" Item {i}." + " The talks continued." * 40) for i in range(40)))
    )
    big = "The minister said talks would continue. " * 130_000  # about 5.2 MB
    one_sentence = "Officials said that " + ", ".join(["the talks continued"] * 10_500) + "."  # ~200,000 characters
    html = (
        "<html><head><title>Talks resume</title><style>p {color: red}</style><script>var x = 1;</script></head>"
        "<body><p>Russian troops shelled Kharkiv on Tuesday &amp; NATO condemned the attack.</p>"
        "<div>Officials in Kyiv said the talks would resume.</div></body></html>"
    )
    cases = [
        Case("malformed JSON", "malformed.jsonl", _jsonl(_article("ok-1"), '{"id": "x", "text": "unterminated'),
             ("accepted", "invalid_json")),
        Case("JSON that is not an object", "not_object.jsonl", _jsonl('["a", "list"]', "42", "null"),
             ("invalid_record", "invalid_record", "invalid_record")),
        Case("deeply nested JSON", "nested.jsonl", _jsonl("[" * 100_000 + "]" * 100_000), ("invalid_json",)),
        Case("wrong field types", "types.jsonl",
             _jsonl({"id": "t1", "text": 12345}, {"id": "t2", "text": GOOD, "title": ["a"]},
                    {"id": "t3", "text": GOOD, "published": 20220426}, {"id": True, "text": GOOD},
                    {"id": "t5", "text": {"nested": GOOD}}),
             ("invalid_record",) * 5),
        Case("missing text", "missing_text.jsonl", _jsonl({"id": "m1", "title": "No body"}), ("invalid_record",)),
        Case("empty text", "empty_text.jsonl", _jsonl({"id": "e1", "text": ""}), ("invalid_record",)),
        Case("whitespace-only text", "blank_text.jsonl", _jsonl({"id": "w1", "text": " \n\t\u00a0\u2003 "}),
             ("invalid_record",)),
        Case("invalid UTF-8 line", "bad_utf8.jsonl",
             _jsonl(_article("u-ok")) + b'{"id": "u-bad", "text": "caf\xe9 \xff\xfe"}\n',
             ("accepted", "invalid_encoding")),
        Case("Latin-1 text file", "latin1.txt", ("Le caf\xe9 " + GOOD).encode("latin-1"), ("invalid_encoding",)),
        Case("Windows-1252 quotes", "cp1252.txt", ("\u201cQuoted\u201d " + GOOD).encode("cp1252"),
             ("invalid_encoding",)),
        Case("UTF-16 with byte-order mark", "utf16.txt", GOOD.encode("utf-16"), ("accepted",)),
        Case("UTF-8 byte-order mark", "bom.jsonl", b"\xef\xbb\xbf" + _jsonl(_article("bom-1")), ("accepted",)),
        Case("lone surrogate escape", "surrogate.jsonl",
             _jsonl('{"id": "s1", "text": "bad \\ud800 text ' + GOOD + '"}'), ("invalid_encoding",)),
        Case("binary file as .txt", "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
             ("binary_file",)),
        Case("random bytes as .jsonl", "noise.jsonl", bytes(b for i in range(3000) if (b := (i * 97 + 13) % 256) != 10),
             ("invalid_encoding",)),
        Case("truncated gzip", "truncated.jsonl.gz", truncated[: len(truncated) // 2], (ANY_ACCEPTED, "read_error")),
        Case("plain text named .gz", "not_gzip.jsonl.gz", _jsonl(_article("ng")), ("read_error",)),
        Case("CSV without a text column", "no_text.csv", b"url,body\nhttp://x,hello\n", ("missing_column",)),
        Case("CSV ragged rows and quoted newlines", "ragged.csv",
             b'url,date,title,text\nhttp://a,2022-04-26,T,"' + GOOD.encode() + b'\nSecond line."\nhttp://b,2022-04-26\n',
             ("accepted", "invalid_record")),
        Case("CSV header only", "header_only.csv", b"url,date,title,text\n", ("empty_file",)),
        Case("empty file", "empty.jsonl", b"", ("empty_file",)),
        Case("blank lines only", "blank.jsonl", b"\n\n   \n", ("empty_file",)),
        Case("absurd date", "date_absurd.jsonl", _jsonl(_article("d1", published="2022-13-45")), ("invalid_record",)),
        Case("year 0001", "date_year1.jsonl", _jsonl(_article("d2", published="0001-01-01")), ("invalid_record",)),
        Case("far-future date", "date_future.jsonl", _jsonl(_article("d3", published="9999-12-31T23:59:59Z")),
             ("invalid_record",)),
        Case("5 MB article", "huge.jsonl", _jsonl(_article("huge", big)), ("article_too_large",)),
        Case("5 MB text file", "huge.txt", big.encode(), ("article_too_large",)),
        Case("200,000-character sentence", "one_sentence.jsonl", _jsonl(_article("long", one_sentence + " " + GOOD)),
             ("accepted",)),
        Case("control characters", "control.jsonl", _jsonl(_article("c1", "\x07\x1b[31m" + GOOD + "\x0c\x7f")),
             ("accepted",)),
        Case("NUL bytes in text", "nul.jsonl", _jsonl(_article("n1", GOOD + "\x00\x00")), ("invalid_record",)),
        Case("right-to-left text", "arabic.jsonl",
             _jsonl(_article("ar", "أعلنت الحكومة يوم الثلاثاء أن المحادثات مع المعارضة ستستأنف الأسبوع المقبل")),
             ("unsupported_language",)),
        Case("CJK text", "chinese.jsonl",
             _jsonl(_article("zh", "中国政府周二宣布，与反对派的谈判将于下周在首都恢复。" * 3)),
             ("unsupported_language",)),
        Case("non-English Latin text", "spanish.jsonl",
             _jsonl(_article("es", "El presidente del gobierno dijo que las conversaciones con la oposición "
                                   "continuarán la próxima semana en la capital del país.")),
             ("unsupported_language",)),
        Case("language field says French", "lang_field.jsonl", _jsonl(_article("fr", GOOD, language="fr")),
             ("unsupported_language",)),
        Case("English with some RTL names", "mixed_script.jsonl", _jsonl(_article("mx", GOOD + " (خاركيف)")),
             ("accepted",)),
        Case("HTML as text", "html.jsonl", _jsonl(_article("html", html)), ("accepted",)),
        Case("HTML with no text", "html_empty.jsonl", _jsonl(_article("html0", "<div><script>x()</script></div>")),
             ("invalid_record",)),
        Case("duplicate id, different text", "dup_id.jsonl",
             _jsonl(_article("dup", GOOD), _article("dup", "NATO leaders met in Brussels on Tuesday to discuss aid.")),
             ("accepted", "duplicate_id")),
        Case("unsupported suffix", "data.xml", b"<a/>", ("unsupported_format",)),
    ]  # fmt: skip
    return cases


CASES = _cases()


def write_corpus(dest: Path) -> list[Case]:
    dest.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        (dest / case.name).write_bytes(case.data)
    return CASES


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile_corpus")
    for case in write_corpus(target):
        print(f"{case.name:28} {len(case.data):>10,} bytes  {case.kind}: {', '.join(case.expected)}")
