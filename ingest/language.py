"""Which articles are English: the coder's lexicon and the spaCy model read English only.

The rule, in order:

1. A ``language`` field in the input wins: ``en``, ``en-GB``, ``eng`` or ``English`` is English,
   anything else is not.
2. Otherwise the text decides (its first 20,000 characters). When fewer than half of its letters
   are Latin, the article is not English, and the reason names the script (Arabic, Han, Cyrillic...).
   For Latin text, the share of words that are common function words ("the", "of", "and"...) is
   compared across English, French, Spanish, German, Italian, Portuguese and Dutch: English needs
   at least 12% and the highest share.
3. Text too short to judge (under 40 letters or 8 words) is accepted with no language set.

Stdlib only and deterministic, so the same input always gets the same decision.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SAMPLE_CHARS = 20_000
MIN_LETTERS = 40
MIN_WORDS = 8
MIN_ENGLISH_SHARE = 0.12

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    name: frozenset(words.split())
    for name, words in {
        "English": "the of and to in a is that for on with as was by it at from he his said be has have are were an "
        "which this not but they their its will had who been would after also more than about over",
        "French": "le la les de des du et est un une dans pour que qui sur pas au aux par avec ce cette il elle sont "
        "ont été être plus ses leur",
        "Spanish": "el la los las de del y en que un una por con para es se su sus al lo como más pero fue ha han "
        "este esta",
        "German": "der die das und ist nicht ein eine den dem des zu mit auf für von sich im auch es wird wurde sind "
        "bei nach aus",
        "Italian": "il lo la gli le di del della e che un una per con non è sono nel alla dei delle da come più anche",
        "Portuguese": "o a os as de do da dos das e que um uma em no na para com não por se mais foi são ao seu sua",
        "Dutch": "de het een en van in is dat op te met voor niet zijn aan er als bij ook door naar werd",
    }.items()
}
_CODES = {
    "English": "en",
    "French": "fr",
    "Spanish": "es",
    "German": "de",
    "Italian": "it",
    "Portuguese": "pt",
    "Dutch": "nl",
}
_ENGLISH_NAMES = {"en", "eng", "english"}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Unicode character-name prefixes that name a script ("CJK UNIFIED IDEOGRAPH-4E2D" → Han).
_SCRIPT_NAMES = {"CJK": "Han", "HIRAGANA": "Japanese kana", "KATAKANA": "Japanese kana", "HANGUL": "Hangul"}


@dataclass(frozen=True)
class LanguageCheck:
    """The decision for one article: ``english`` False means it is rejected with ``reason``."""

    english: bool
    code: str | None
    reason: str = ""


def is_english_code(value: str) -> bool:
    return re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0] in _ENGLISH_NAMES


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    return _SCRIPT_NAMES.get(first, first.title() or "unknown")


def check_language(text: str, declared: str | None = None) -> LanguageCheck:
    """Apply the rule above to one article."""
    if declared:
        if is_english_code(declared):
            return LanguageCheck(True, declared)
        return LanguageCheck(False, declared, f"language field is {declared!r}; the coder reads English articles only")
    sample = text[:SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return LanguageCheck(True, None)
    scripts: dict[str, int] = {}
    for char in letters:
        script = "Latin" if char.isascii() else _script(char)
        scripts[script] = scripts.get(script, 0) + 1
    latin = scripts.get("Latin", 0)
    if latin * 2 < len(letters):
        main, count = max(((s, n) for s, n in scripts.items() if s != "Latin"), key=lambda item: item[1])
        share = round(100 * count / len(letters))
        return LanguageCheck(
            False, None, f"text is mostly {main} script ({share}% of letters); the coder reads English articles only"
        )
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return LanguageCheck(True, None)
    shares = {name: sum(w in vocabulary for w in words) / len(words) for name, vocabulary in _FUNCTION_WORDS.items()}
    english = shares.pop("English")
    best, best_share = max(shares.items(), key=lambda item: item[1])
    if english >= MIN_ENGLISH_SHARE and english >= best_share:
        return LanguageCheck(True, "en")
    if best_share > english:
        return LanguageCheck(
            False,
            _CODES[best],
            f"text looks {best} ({best_share:.0%} {best} function words, {english:.0%} English); "
            "the coder reads English articles only",
        )
    return LanguageCheck(
        False,
        None,
        f"text does not look English (only {english:.0%} English function words); the coder reads English only",
    )
