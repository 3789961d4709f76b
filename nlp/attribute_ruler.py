"""spaCy's attribute ruler with its patterns compiled into lookup tables: the same patterns, the same result.

``en_core_web_sm``'s ``attribute_ruler`` maps each fine-grained tag to a part of speech and morphology, and a few
words to lemmas, through 179 ``Matcher`` patterns. spaCy runs them through its ``Matcher`` and then builds a
``Span`` and sets the attributes in Python once per match, that is once or twice per token: about 10% of the
model's time on Wikinews sentences, as much as the parser. Its patterns only test a token's tag, lowercase form,
dependency label and whether it is a space, so the result for a token depends on a handful of values, and of
its neighbours' for the few patterns longer than one token. :class:`CompiledAttributeRuler` looks those values
up in a table filled as new combinations come, and sets the merged attributes once per token.

Patterns it cannot compile (operators such as ``OP``, or attributes outside :data:`COMPILABLE_ATTRIBUTES`) leave
the component doing exactly what spaCy's does. ``tests/test_attribute_ruler.py`` checks that both give the
same tags, parts of speech, morphology, lemmas and dependencies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

FACTORY = "newsevents_attribute_ruler"

# Matcher attributes a pattern may test to be compiled, and the ``Doc.to_array`` column that holds them: string
# attributes as hashes, IS_SPACE as 0 or 1. ``TEXT`` is the Matcher's other name for ``ORTH``.
COMPILABLE_ATTRIBUTES = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "NORM": NORM, "DEP": DEP}
FLAG_ATTRIBUTES = {"IS_SPACE": IS_SPACE}

# Values of a regex-tested column (a word's lowercase form) remembered with their regex results before the memory is
# emptied: a long run meets new words without end, and forgetting only costs the next tokens a regex search.
REGEX_MEMORY_LIMIT = 50_000

# What a token's value stands for in a column that no pattern tests with a regex: the value itself if a pattern
# names it, else OTHER (hashes are unsigned, so -1 is no value's hash). A regex-tested column stands for
# (that, the result of each of the column's regexes).
OTHER = -1


class NotCompilable(ValueError):
    """A pattern uses a feature that :func:`compile_patterns` does not model."""


@dataclass(frozen=True)
class _SetTest:
    members: frozenset[int]
    inside: bool


@dataclass(frozen=True)
class _RegexTest:
    regex: str
    index: int = -1  # position among its column's regexes, set once all patterns are read


def _passes(test: Any, canonical: Any) -> bool:
    value, regex_results = canonical if isinstance(canonical, tuple) else (canonical, ())
    if isinstance(test, int):
        return value == test
    if isinstance(test, _SetTest):
        return (value in test.members) == test.inside
    return regex_results[test.index]


@dataclass(frozen=True)
class TokenTest:
    """One token of a pattern: for each tested column, the test its canonical value must pass."""

    tests: tuple[tuple[int, Any], ...]  # (column, test): test is an int (equal), a _SetTest or a _RegexTest

    def passes(self, canonical: tuple[Any, ...]) -> bool:
        return all(_passes(test, canonical[column]) for column, test in self.tests)


@dataclass(frozen=True)
class CompiledRule:
    """One pattern of one attribute group: the tests of its tokens, and which of them gets the attributes."""

    group: int
    tokens: tuple[TokenTest, ...]
    target: int


@dataclass(frozen=True)
class CompiledPatterns:
    """Every pattern of a ruler, compiled: the ``Doc.to_array`` columns to read, the values the patterns name and
    the regexes they search per column, and the rules over them."""

    columns: tuple[int, ...]
    named_values: tuple[frozenset[int], ...]
    regexes: tuple[tuple[re.Pattern[str], ...], ...]
    rules: tuple[CompiledRule, ...]
    group_attrs: tuple[dict[int, Any], ...]


def compile_patterns(ruler: AttributeRuler) -> CompiledPatterns:
    """The ruler's patterns as :class:`CompiledRule` s; :class:`NotCompilable` if one cannot be modelled."""
    columns: list[int] = []
    named: list[set[int]] = []
    regexes: list[list[str]] = []

    def column_of(attribute: int) -> int:
        if attribute not in columns:
            columns.append(attribute)
            named.append(set())
            regexes.append([])
        return columns.index(attribute)

    strings = ruler.vocab.strings
    rules = []
    for group, pattern_group in enumerate(ruler.patterns):
        for pattern in pattern_group["patterns"]:
            if not pattern:
                raise NotCompilable("empty pattern")
            tokens = []
            for spec in pattern:
                tests = []
                for name, wanted in spec.items():
                    column = column_of(_attribute(name, wanted))
                    test = _test(wanted, strings)
                    if isinstance(test, int):
                        named[column].add(test)
                    elif isinstance(test, _SetTest):
                        named[column].update(test.members)
                    else:
                        if test.regex not in regexes[column]:
                            regexes[column].append(test.regex)
                        test = _RegexTest(test.regex, regexes[column].index(test.regex))
                    tests.append((column, test))
                tokens.append(TokenTest(tuple(tests)))
            index = pattern_group.get("index", 0)
            target = index if index >= 0 else len(pattern) + index
            if not 0 <= target < len(pattern):
                raise NotCompilable(f"index {index} outside a pattern of {len(pattern)} tokens")
            rules.append(CompiledRule(group, tuple(tokens), target))
    return CompiledPatterns(
        tuple(columns),
        tuple(frozenset(values) for values in named),
        tuple(tuple(re.compile(regex) for regex in column) for column in regexes),
        tuple(rules),
        tuple(ruler.attrs),
    )


def _attribute(name: str, wanted: Any) -> int:
    if name in COMPILABLE_ATTRIBUTES:
        return COMPILABLE_ATTRIBUTES[name]
    if name in FLAG_ATTRIBUTES and isinstance(wanted, bool):
        return FLAG_ATTRIBUTES[name]
    raise NotCompilable(f"token test {name}: {wanted!r}")


def _test(wanted: Any, strings: Any) -> Any:
    if isinstance(wanted, bool):
        return int(wanted)
    if isinstance(wanted, str):
        return strings.add(wanted)
    if isinstance(wanted, dict) and len(wanted) == 1:
        ((operator, value),) = wanted.items()
        if operator in ("IN", "NOT_IN") and all(isinstance(item, str) for item in value):
            return _SetTest(frozenset(strings.add(item) for item in value), operator == "IN")
        if operator == "REGEX" and isinstance(value, str):
            return _RegexTest(value)
    raise NotCompilable(f"value test {wanted!r}")


class CompiledAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` (same patterns, same serialisation) that applies its patterns through look-up tables.

    For each token, the values its patterns test are read with one ``Doc.to_array``; a table maps each combination
    seen to the attribute groups whose one-token patterns match it, already merged in spaCy's order (a later group
    wins), and to the longer patterns that may start there, which are then checked on the next tokens.
    """

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **options: Any) -> None:
        super().__init__(vocab, name, **options)
        self._forget_compiled()

    def _forget_compiled(self) -> None:
        self._compiled: CompiledPatterns | None = None
        self._compiled_or_not: bool = False
        self._by_values: dict[tuple[Any, ...], _TableEntry] = {}
        self._regex_memory: list[dict[int, tuple[int, tuple[bool, ...]]]] = []
        self._canonical_forms: dict[tuple[int, tuple[bool, ...]], tuple[int, tuple[bool, ...]]] = {}

    def clear(self) -> None:
        super().clear()
        self._forget_compiled()

    def add(self, patterns: Iterable[Any], attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._forget_compiled()

    def compiled(self) -> CompiledPatterns | None:
        """The compiled patterns, or None when one of them needs spaCy's Matcher."""
        if not self._compiled_or_not:
            try:
                self._compiled = compile_patterns(self)
                self._regex_memory = [{} for _ in self._compiled.columns]
            except NotCompilable:
                self._compiled = None
            self._compiled_or_not = True
        return self._compiled

    def __call__(self, doc: Doc) -> Doc:
        compiled = self.compiled()
        if compiled is None:
            return super().__call__(doc)
        try:
            self._apply(doc, compiled)
            return doc
        except Exception as error:  # spaCy's own error handling, as in AttributeRuler.__call__
            return self.get_error_handler()(self.name, self, [doc], error)

    def _apply(self, doc: Doc, compiled: CompiledPatterns) -> None:
        if len(doc) == 0:
            return
        columns = doc.to_array(list(compiled.columns)).reshape(len(doc), -1).T.tolist()
        canonical_columns = [self._canonical(column, values, compiled) for column, values in enumerate(columns)]
        rows = list(zip(*canonical_columns, strict=True))
        attrs_by_token: list[dict | None] = []
        longer_matches: dict[int, list[tuple[int, dict]]] = {}  # token -> (group, attrs) of longer patterns
        for position, row in enumerate(rows):
            entry = self._look_up(row, compiled)
            attrs_by_token.append(entry.merged)
            for rule in entry.starting:
                if position + len(rule.tokens) <= len(rows) and all(
                    test.passes(rows[position + offset]) for offset, test in enumerate(rule.tokens[1:], 1)
                ):
                    longer_matches.setdefault(position + rule.target, []).append(
                        (rule.group, compiled.group_attrs[rule.group])
                    )
        for position, matches in longer_matches.items():
            attrs_by_token[position] = _merge([*self._look_up(rows[position], compiled).matches, *matches])
        for position, attrs in enumerate(attrs_by_token):
            if attrs:
                set_token_attrs(doc[position], attrs)

    def _canonical(self, column: int, values: list[int], compiled: CompiledPatterns) -> list[Any]:
        """What each value stands for to the patterns (see OTHER)."""
        named = compiled.named_values[column]
        if not compiled.regexes[column]:
            return [value if value in named else OTHER for value in values]
        memory = self._regex_memory[column]
        canonical = []
        for value in values:
            form = memory.get(value)
            if form is None:
                if len(memory) >= REGEX_MEMORY_LIMIT:
                    memory.clear()
                text = self.vocab.strings[value] if value else ""
                results = tuple(regex.search(text) is not None for regex in compiled.regexes[column])
                key = (value if value in named else OTHER, results)
                form = memory[value] = self._canonical_forms.setdefault(key, key)
            canonical.append(form)
        return canonical

    def _look_up(self, row: tuple[Any, ...], compiled: CompiledPatterns) -> _TableEntry:
        entry = self._by_values.get(row)
        if entry is None:
            passing = [rule for rule in compiled.rules if rule.tokens[0].passes(row)]
            matches = tuple((rule.group, compiled.group_attrs[rule.group]) for rule in passing if len(rule.tokens) == 1)
            starting = tuple(rule for rule in passing if len(rule.tokens) > 1)
            entry = self._by_values[row] = _TableEntry(matches, _merge(list(matches)), starting)
        return entry


@dataclass(frozen=True)
class _TableEntry:
    """What the table holds for one combination of tested values."""

    matches: tuple[tuple[int, dict], ...]  # (group, attrs) of the one-token patterns that match
    merged: dict | None  # their attrs merged in spaCy's order
    starting: tuple[CompiledRule, ...]  # longer patterns whose first token matches


def _merge(matches: list[tuple[int, dict]]) -> dict | None:
    """The attrs of ``matches`` merged in spaCy's order of application (by group, a later group winning): setting
    them once gives what setting each match's in turn gives."""
    if not matches:
        return None
    merged: dict = {}
    for _, attrs in sorted(matches, key=lambda match: match[0]):
        merged.update(attrs)
    return merged


@Language.factory(FACTORY)
def make_compiled_attribute_ruler(nlp: Language, name: str) -> CompiledAttributeRuler:
    return CompiledAttributeRuler(nlp.vocab, name)


def compile_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace ``nlp``'s attribute ruler ``name`` by a :class:`CompiledAttributeRuler` with the same patterns, in the
    same place and under the same name. False (and ``nlp`` unchanged) when there is none or its patterns need
    spaCy's Matcher."""
    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
        return False
    stock = nlp.get_pipe(name)
    try:
        compile_patterns(stock)
    except NotCompilable:
        return False
    compiled = nlp.replace_pipe(name, FACTORY)
    compiled.add_patterns(stock.patterns)
    return True
