"""Day names in English, German, French, Spanish, Italian, Dutch and Portuguese, with abbreviations, and where
a text names a day.

A day mark is a day name at the start of an entry: at the start of a line (after list or markdown
decoration), after a comma, semicolon, pipe, opening parenthesis or sentence end. Short names that are also
ordinary words ("so", "do", "sat", "mar", "mi" …) count only when capitalised or followed by ':' or '.', so
"5 mi" or "so keep it easy" never start a day; after a sentence end a capital proves nothing ("Do this
twice."), so there they need the ':' or '.'. The one-letter days of US running logs (M T W R F, R being
Thursday) count only as "M:" with a capital and a colon. "Weekend:" marks Saturday and Sunday together.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from planforge.domain.vocabulary import Weekday

_FOLD: Final = str.maketrans("áàâäãéèêëíìîïóòôöõúùûüñçß", "aaaaaeeeeiiiiooooouuuuncs")

_DAY_WORDS: Final[dict[Weekday, tuple[str, ...]]] = {
    "Monday": ("monday", "mon", "montag", "mo", "lundi", "lun", "lunes", "lunedi", "maandag", "ma", "m",
               "segunda-feira", "segunda feira", "segunda", "seg"),
    "Tuesday": ("tuesday", "tues", "tue", "tu", "dienstag", "di", "mardi", "mar", "martes", "martedi", "dinsdag",
                "t", "terca-feira", "terca feira", "terca", "ter"),
    "Wednesday": ("wednesday", "wed", "we", "mittwoch", "mi", "mercredi", "mer", "miercoles", "mie", "mercoledi",
                  "woensdag", "wo", "w", "quarta-feira", "quarta feira", "quarta", "qua"),
    "Thursday": ("thursday", "thurs", "thur", "thu", "th", "donnerstag", "do", "jeudi", "jeu", "jueves", "jue",
                 "giovedi", "gio", "donderdag", "r",
                 "quinta-feira", "quinta feira", "quinta", "qui"),
    "Friday": ("friday", "fri", "freitag", "fr", "vendredi", "ven", "viernes", "vie", "venerdi", "vrijdag", "vr", "f",
               "sexta-feira", "sexta feira", "sexta", "sex"),
    "Saturday": ("saturday", "sat", "samstag", "sonnabend", "sa", "samedi", "sam", "sabado", "sabato", "sab",
                 "zaterdag", "za"),
    "Sunday": ("sunday", "sun", "sonntag", "so", "su", "dimanche", "dim", "domingo", "dom", "domenica", "zondag",
               "zo"),
}  # fmt: skip

# Day names that are also common words or units: they need a capital letter or a ':'/'.' after them.
_AMBIGUOUS: Final = frozenset({"we", "so", "do", "sat", "sun", "mar", "mi", "mo", "di", "fr", "sa", "su", "tu", "th",
                               "mer", "dom", "ven", "vie", "sam", "dim", "gio", "lun", "jeu",
                               "ma", "wo", "vr", "za", "zo", "seg", "ter", "qua", "qui", "sex"})  # fmt: skip
# One-letter days: only "M:" (a capital and a colon).
_ONE_LETTER: Final = frozenset({"m", "t", "w", "r", "f"})
_WEEKEND: Final = re.compile(r"(?<![\w])(?:weekend|week-end|wochenende|fin de semana|fine settimana|weekeinde)"
                             r"[\s*_]*[:\-–—]")  # fmt: skip

_WEEKDAY_BY_WORD: Final[dict[str, Weekday]] = {word: day for day, words in _DAY_WORDS.items() for word in words}
_ALTERNATION = "|".join(sorted(_WEEKDAY_BY_WORD, key=len, reverse=True))
_DAY_TOKEN = re.compile(rf"(?<![\w])(?P<day>{_ALTERNATION})(?P<dot>\.)?(?![\w])")
# What may stand before a day mark on its line: list bullets, markdown emphasis, headings, pipes.
_LINE_START = re.compile(r"[\s\-*•#>|_]*")
_ENTRY_START = re.compile(r"(?:[,;:|(/&]|[.!]\s|\*\*|\b(?:and|und|et|y|e)\b)[\s*_]*$")
_AFTER = re.compile(r"[\s*_]*(?P<sep>[:\-–—)/&,]|\s|$)")


@lru_cache(maxsize=8192)  # plans repeat their session texts week after week
def fold(text: str) -> str:
    """Lower-case `text` and drop accents, keeping every character's position (so match offsets still fit)."""
    return text.lower().translate(_FOLD)


def weekday_named(token: str) -> Weekday | None:
    """The weekday a single word names ("Tue", "mardi", "Mi.", "Sábado"), or None."""
    word = fold(token.strip(" \t*_:.|-"))
    return _WEEKDAY_BY_WORD.get(word)


def _counts(word: str, written: str, sep: str, *, dotted: bool, sentence_start: bool) -> bool:
    """Whether a short day name that is also a word or unit is meant as a day here."""
    if word in _ONE_LETTER:
        return written.isupper() and sep == ":"
    if word not in _AMBIGUOUS:
        return True
    return sep == ":" or dotted or (written[:1].isupper() and not sentence_start)


def day_marks(text: str) -> list[tuple[int, int, Weekday]]:
    """Where `text` starts an entry with a day name: (start, end, weekday) for each, in order.

    `end` is past the name and its separator (':' / '-' / '.'), where the entry's session text begins.
    """
    folded = fold(text)
    marks: list[tuple[int, int, Weekday]] = []
    for match in _DAY_TOKEN.finditer(folded):
        line = folded[folded.rfind("\n", 0, match.start()) + 1 : match.start()]
        at_line_start = bool(_LINE_START.fullmatch(line))
        entry = None if at_line_start else _ENTRY_START.search(line[-12:])
        if not (at_line_start or entry):
            continue
        after = _AFTER.match(folded, match.end())
        if after is None:
            continue
        word = match["day"]
        written = text[match.start() : match.end()]
        sentence_start = entry is not None and entry.group().lstrip()[:1] in {".", "!"}
        if not _counts(word, written, after["sep"], dotted=bool(match["dot"]), sentence_start=sentence_start):
            continue
        end = after.end() if after["sep"] in {":", "-", "–", "—", ")"} else match.end()
        marks.append((match.start(), end, _WEEKDAY_BY_WORD[word]))
    return _with_weekends(folded, marks)


def _with_weekends(folded: str, marks: list[tuple[int, int, Weekday]]) -> list[tuple[int, int, Weekday]]:
    """`marks` plus Saturday and Sunday for each "Weekend:" at an entry start (Saturday grouped with Sunday)."""
    for match in _WEEKEND.finditer(folded):
        line = folded[folded.rfind("\n", 0, match.start()) + 1 : match.start()]
        if _LINE_START.fullmatch(line) or _ENTRY_START.search(line[-12:]):
            marks.append((match.start(), match.start(), "Saturday"))
            marks.append((match.start(), match.end(), "Sunday"))
    return sorted(marks)
