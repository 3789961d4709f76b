"""HTML given as article text: detected and turned into plain text.

Rule: a text containing at least one common HTML tag (``<p>``, ``<div>``, ``<br>``, ``<a ...>``,
``<html>``...) is HTML. Its tags are removed, the content of ``<script>``, ``<style>``, ``<head>``,
``<noscript>`` and ``<template>`` is dropped, block tags become line breaks and entities are decoded
(``&amp;`` → ``&``). Text with only a stray ``<`` or ``>`` ("x < y") is left alone. Stdlib only.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|br|hr|a|img|table|tr|td|th|ul|ol|li|h[1-6]|script|style|article|section|"
    r"header|footer|nav|strong|em|b|i|u|blockquote|figure|figcaption|meta|link|iframe)\b[^<>]*>",
    re.IGNORECASE,
)
_DROPPED = {"script", "style", "head", "noscript", "template"}
_BLOCKS = {
    "p", "div", "br", "hr", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "article", "section", "header", "footer", "blockquote", "figure", "figcaption", "title",
}  # fmt: skip


def looks_like_html(text: str) -> bool:
    return _TAG.search(text) is not None


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._dropping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _DROPPED:
            self._dropping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _DROPPED:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._dropping:
            self.parts.append(data)


def strip_html(text: str) -> tuple[str, str | None]:
    """Plain text of an HTML document, and its ``<title>`` if it has one."""
    extractor = _TextExtractor()
    extractor.feed(text)
    extractor.close()
    plain = "".join(extractor.parts)
    plain = re.sub(r"[ \t\r\f\v]+", " ", plain)
    plain = re.sub(r" *\n *", "\n", plain)
    plain = re.sub(r"\n{3,}", "\n\n", plain).strip()
    title = " ".join("".join(extractor.title).split()) or None
    return plain, title
