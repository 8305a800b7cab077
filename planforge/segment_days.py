"""Day names in English, German, French, Spanish and Italian, with abbreviations, and where a text names a day.

A day mark is a day name at the start of an entry: at the start of a line (after list or markdown
decoration), after a comma, semicolon, pipe, opening parenthesis or sentence end. Short names that are also
ordinary words ("so", "do", "sat", "mar", "mi" …) count only when capitalised or followed by ':' or '.', so
"5 mi" or "so keep it easy" never start a day.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from planforge.domain.vocabulary import Weekday

_FOLD: Final = str.maketrans("áàâäãéèêëíìîïóòôöõúùûüñçß", "aaaaaeeeeiiiiooooouuuuncs")

_DAY_WORDS: Final[dict[Weekday, tuple[str, ...]]] = {
    "Monday": ("monday", "mon", "montag", "mo", "lundi", "lun", "lunes", "lunedi"),
    "Tuesday": ("tuesday", "tues", "tue", "tu", "dienstag", "di", "mardi", "mar", "martes", "martedi"),
    "Wednesday": ("wednesday", "wed", "we", "mittwoch", "mi", "mercredi", "mer", "miercoles", "mie", "mercoledi"),
    "Thursday": ("thursday", "thurs", "thur", "thu", "th", "donnerstag", "do", "jeudi", "jeu", "jueves", "jue",
                 "giovedi", "gio"),
    "Friday": ("friday", "fri", "freitag", "fr", "vendredi", "ven", "viernes", "vie", "venerdi"),
    "Saturday": ("saturday", "sat", "samstag", "sonnabend", "sa", "samedi", "sam", "sabado", "sab"),
    "Sunday": ("sunday", "sun", "sonntag", "so", "su", "dimanche", "dim", "domingo", "dom", "domenica"),
}  # fmt: skip

# Day names that are also common words or units: they need a capital letter or a ':'/'.' after them.
_AMBIGUOUS: Final = frozenset({"we", "so", "do", "sat", "sun", "mar", "mi", "mo", "di", "fr", "sa", "su", "tu", "th",
                               "mer", "dom", "ven", "vie", "sam", "dim", "gio", "lun", "jeu"})  # fmt: skip

_WEEKDAY_BY_WORD: Final[dict[str, Weekday]] = {word: day for day, words in _DAY_WORDS.items() for word in words}
_ALTERNATION = "|".join(sorted(_WEEKDAY_BY_WORD, key=len, reverse=True))
_DAY_TOKEN = re.compile(rf"(?<![\w])(?P<day>{_ALTERNATION})(?P<dot>\.)?(?![\w])")
# What may stand before a day mark on its line: list bullets, markdown emphasis, headings, pipes.
_LINE_START = re.compile(r"[\s\-*•#>|_]*")
_ENTRY_START = re.compile(r"(?:[,;:|(/&]|[.!]\s|\*\*|\b(?:and|und|et|y)\b)[\s*_]*$")
_AFTER = re.compile(r"[\s*_]*(?P<sep>[:\-–—)/&,]|\s|$)")


@lru_cache(maxsize=8192)  # plans repeat their session texts week after week
def fold(text: str) -> str:
    """Lower-case `text` and drop accents, keeping every character's position (so match offsets still fit)."""
    return text.lower().translate(_FOLD)


def weekday_named(token: str) -> Weekday | None:
    """The weekday a single word names ("Tue", "mardi", "Mi.", "Sábado"), or None."""
    word = fold(token.strip(" \t*_:.|-"))
    return _WEEKDAY_BY_WORD.get(word)


def day_marks(text: str) -> list[tuple[int, int, Weekday]]:
    """Where `text` starts an entry with a day name: (start, end, weekday) for each, in order.

    `end` is past the name and its separator (':' / '-' / '.'), where the entry's session text begins.
    """
    folded = fold(text)
    marks: list[tuple[int, int, Weekday]] = []
    for match in _DAY_TOKEN.finditer(folded):
        line = folded[folded.rfind("\n", 0, match.start()) + 1 : match.start()]
        if not (_LINE_START.fullmatch(line) or _ENTRY_START.search(line[-12:])):
            continue
        after = _AFTER.match(folded, match.end())
        if after is None:
            continue
        word = match["day"]
        written = text[match.start() : match.end()]
        if word in _AMBIGUOUS and not (written[:1].isupper() or match["dot"] or after["sep"] == ":"):
            continue
        end = after.end() if after["sep"] in {":", "-", "–", "—", ")"} else match.end()
        marks.append((match.start(), end, _WEEKDAY_BY_WORD[word]))
    return marks
