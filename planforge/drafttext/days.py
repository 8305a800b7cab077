"""Day names in English, German, French, Spanish, Italian, Dutch, Portuguese, Polish, Czech, Swedish, Danish,
Norwegian, Finnish ("ma ti ke to pe la su") and Japanese ("月 火 水 木 金 土 日", "月曜日"), with abbreviations,
and where a text names a day.

A day mark is a day name at the start of an entry: at the start of a line (after list or markdown
decoration), after a comma, semicolon, pipe, opening parenthesis or sentence end. Short names that are also
ordinary words ("so", "do", "sat", "mar", "mi" …) count only when capitalised or followed by ':' or '.', so
"5 mi" or "so keep it easy" never start a day; after a sentence end a capital proves nothing ("Do this
twice."), so there they need the ':' or '.', unless they name the day after the previous mark ("Fri 40'
easy. Sat 5k parkrun"). Abbreviations that are everyday words in English ("man", "on",
"to", "son", "nie", "po", "st" …) count only with a ':' or '.' after them ("Pon.", "Út:", "Tor:"). The
one-letter days of US running logs (M T W R F, R being Thursday) count only as "M:" with a capital and a
colon. "Weekend:" marks Saturday and Sunday together.

Every scan here is linear in the text: a day mark's line is found by walking forward, never by searching back.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz, process

from planforge.domain.vocabulary import WEEKDAYS, Weekday

# Accented letters and their plain letter, one character for one so that match offsets in a folded text fit the
# original: Western European, Polish (ą ć ę ł ń ś ź ż), Czech (č ď ě ň ř š ť ů ý ž) and Nordic (å æ ø) letters.
_FOLD: Final = str.maketrans(
    "áàâäãéèêëíìîïóòôöõúùûüñçßąćęłńśźżčďěňřšťůýžåæø", "aaaaaeeeeiiiiooooouuuuncsacelnszzcdenrstuyzaao"
)
_CACHED_FOLD_CHARS: Final = 2_000
"""Texts up to this long are folded through a cache (plans repeat their lines); longer ones are not kept."""

_DAY_WORDS: Final[dict[Weekday, tuple[str, ...]]] = {
    "Monday": ("monday", "mon", "montag", "mo", "lundi", "lun", "lunes", "lunedi", "maandag", "ma", "m",
               "segunda-feira", "segunda feira", "segunda", "seg",
               "poniedzialek", "pon", "pn", "pondeli", "po", "mandag", "man", "maanantai", "月曜日", "月曜", "月"),
    "Tuesday": ("tuesday", "tues", "tue", "tu", "dienstag", "di", "mardi", "mar", "martes", "martedi", "dinsdag",
                "t", "terca-feira", "terca feira", "terca", "ter",
                "wtorek", "wt", "utery", "ut", "tisdag", "tis", "tirsdag", "tirs", "tir", "tysdag", "ti", "tiistai",
                "火曜日", "火曜", "火"),
    "Wednesday": ("wednesday", "weds", "wed", "we", "mittwoch", "mi", "mercredi", "mer", "miercoles", "mie",
                  "mercoledi",
                  "woensdag", "wo", "w", "quarta-feira", "quarta feira", "quarta", "qua",
                  "sroda", "sr", "streda", "st", "onsdag", "ons", "on", "keskiviikko", "ke", "水曜日", "水曜", "水"),
    "Thursday": ("thursday", "thurs", "thur", "thu", "th", "donnerstag", "do", "jeudi", "jeu", "jueves", "jue",
                 "giovedi", "gio", "donderdag", "r",
                 "quinta-feira", "quinta feira", "quinta", "qui",
                 "czwartek", "czw", "cz", "ctvrtek", "ct", "torsdag", "tors", "tor", "to", "torstai",
                 "木曜日", "木曜", "木"),
    "Friday": ("friday", "fri", "freitag", "fr", "vendredi", "ven", "viernes", "vie", "venerdi", "vrijdag", "vr", "f",
               "sexta-feira", "sexta feira", "sexta", "sex",
               "piatek", "pt", "patek", "pa", "fredag", "fre", "perjantai", "pe", "金曜日", "金曜", "金"),
    "Saturday": ("saturday", "sat", "samstag", "sonnabend", "sa", "samedi", "sam", "sabado", "sabato", "sab",
                 "zaterdag", "za",
                 "sobota", "sob", "lordag", "laurdag", "lor", "lo", "lauantai", "la", "土曜日", "土曜", "土"),
    "Sunday": ("sunday", "sun", "sonntag", "so", "su", "dimanche", "dim", "domingo", "dom", "domenica", "zondag",
               "zo",
               "niedziela", "niedz", "ndz", "nd", "nie", "nedele", "ne", "sondag", "sundag", "son", "sunnuntai",
               "日曜日", "日曜", "日"),
}  # fmt: skip

# Day names that are also common words or units: they need a capital letter or a ':'/'.' after them.
_AMBIGUOUS: Final = frozenset({"we", "so", "do", "sat", "sun", "mar", "mi", "mo", "di", "fr", "sa", "su", "tu", "th",
                               "mer", "dom", "ven", "vie", "sam", "dim", "gio", "lun", "jeu",
                               "ma", "wo", "vr", "za", "zo", "seg", "ter", "qua", "qui", "sex",
                               "pon", "wt", "sob", "ons", "fre", "tis", "tir", "tor"})  # fmt: skip
# Abbreviations that are everyday words ("man", "on", "to", "son", "nie", "po", "st" …): a ':' or '.' after them.
_STRICT: Final = frozenset({"pn", "po", "ut", "ti", "sr", "st", "on", "cz", "ct", "to", "pt", "pa", "lo", "nd", "nie",
                            "ne", "son", "man", "lor", "ndz", "ke", "pe", "la"})  # fmt: skip
# One-letter days: "M:" (a capital and a colon), or capitals in order at the start of "|"-separated cells.
_ONE_LETTER: Final = frozenset({"m", "t", "w", "r", "f"})
_A_DIGIT: Final = re.compile(r"\d")
# What may stand between grouped days ("Mon/Wed/Fri: …", "Tue & Thu: …", "Sat+Sun: …").
GROUPING: Final = re.compile(r"^\s*+(?:/|&|,|\+|and|und|et|y|e|i|og|a)?\s*+$", re.IGNORECASE)
_WEEKEND: Final = re.compile(r"(?<![\w])(?:weekend|week-end|wochenende|fin de semana|fine settimana|weekeinde)"
                             r"[\s*_]*[:\-–—]")  # fmt: skip

_WEEKDAY_BY_WORD: Final[dict[str, Weekday]] = {word: day for day, words in _DAY_WORDS.items() for word in words}
_ALTERNATION = "|".join(sorted(_WEEKDAY_BY_WORD, key=len, reverse=True))
_DAY_TOKEN = re.compile(rf"(?<![\w])(?P<day>{_ALTERNATION})(?P<dot>\.)?(?![\w])")
# What may stand before a day mark on its line: list bullets, markdown emphasis, headings, pipes.
_LINE_START = re.compile(r"(?:(?!\n)[\s\-*•#>|_])*")
_ENTRY_START = re.compile(  # prose too: "… at the end. On Thursday do …", "…, and on Sunday go long"
    r"(?:[,;:|(/&+]|[.!]\s|\*\*|\b(?:and|und|et|y|e|then|dann|puis|luego|poi|daarna|depois)\b"
    r"|(?:[.!]\s+|\band\s+)on\b)[\s*_]*$"
)
_AFTER = re.compile(r"[\s*_]*(?P<sep>[:\-–—)/&,+]|\s|$)")


@lru_cache(maxsize=8192)  # plans repeat their session texts week after week
def _fold_cached(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lower-cases to two characters: keep such a character as written
        lowered = "".join(low if len(low := char.lower()) == 1 else char for char in text)
    return lowered.translate(_FOLD)


def fold(text: str) -> str:
    """Lower-case `text` and drop accents, keeping every character's position (so match offsets still fit)."""
    return _fold_cached(text) if len(text) <= _CACHED_FOLD_CHARS else _fold(text)


def weekday_named(token: str) -> Weekday | None:
    """The weekday a single word names ("Tue", "mardi", "Mi.", "Sábado"), or None."""
    word = fold(token.strip(" \t*_:.|-"))
    return _WEEKDAY_BY_WORD.get(word)


def _counts(
    word: str,
    written: str,
    sep: str,
    *,
    dotted: bool,
    sentence_start: bool,
    next_day: bool,
    cell: bool = False,
    gap: bool = False,
) -> bool:
    """Whether a short day name that is also a word or unit is meant as a day here; `next_day`: it names the
    day after the previous day mark ("Fri 40' easy. Sat 5k parkrun": "Sat" goes on the list); `cell`: it starts
    a line or follows a '|' ("M OFF | T E45 | W T3x10": one-letter days in their order, Monday first); `gap`: a
    column's gap (a tab or two spaces) follows it ("di  zwemmen 1500 m": a day column, whatever its case)."""
    if word in _ONE_LETTER:
        # "M – easy 5 mi", "W – easy 4 mi": a capital letter at a line's start before a dash is a day too
        in_order = cell and ((sep.isspace() and (next_day or word == "m")) or sep in {"-", "–", "—"})
        return written.isupper() and (sep == ":" or in_order)
    if word in _STRICT:
        return sep == ":" or dotted or (cell and gap)  # "man  rolig 45 min": a day column
    if word not in _AMBIGUOUS:
        return True
    if sep == ":" or dotted or (cell and sep in {"-", "–", "—"} and len(word) >= 3) or (cell and gap):
        return True  # "sat - long run 16 km": a day at a line's start before a dash, whatever its case
    if next_day and len(word) >= 3 and not sentence_start:
        return True  # "fri 5k easy / sat parkrun / sun 15k long": the next day in the list, whatever its case
    return written[:1].isupper() and (not sentence_start or (next_day and len(word) >= 3))


class _Lines:
    """Where the line holding a position starts, and whether only list or markdown decoration comes before it.

    Positions are asked in increasing order, so each character is looked at a bounded number of times.
    """

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.start = 0
        self.scanned = 0  # newlines before this position are accounted for
        self.content = self._content_start()

    def _content_start(self) -> int:
        decoration = _LINE_START.match(self.folded, self.start)
        return decoration.end() if decoration else self.start

    def entry_before(self, position: int) -> tuple[bool, re.Match[str] | None]:
        """(at the line's start, the entry separator just before) for a name starting at `position`."""
        newline = self.folded.rfind("\n", self.scanned, position)
        self.scanned = position
        if newline >= 0:
            self.start = newline + 1
            self.content = self._content_start()
        if position <= self.content:
            return True, None
        return False, _ENTRY_START.search(self.folded[max(self.start, position - 12) : position])


def day_marks(text: str) -> list[tuple[int, int, Weekday]]:
    """Where `text` starts an entry with a day name: (start, end, weekday) for each, in order.

    `end` is past the name and its separator (':' / '-' / '.'), where the entry's session text begins.
    """
    folded = fold(text)
    lines = _Lines(folded)
    marks: list[tuple[int, int, Weekday]] = []
    previous_word = ""
    for match in _DAY_TOKEN.finditer(folded):
        at_line_start, entry = lines.entry_before(match.start())
        if not (at_line_start or entry):
            continue
        after = _AFTER.match(folded, match.end())
        if after is None:
            continue
        word = match["day"]
        day = _reading(word, previous_word)
        written = text[match.start() : match.end()]
        sentence_start = entry is not None and entry.group().lstrip()[:1] in {".", "!"}
        next_day = bool(marks) and WEEKDAYS.index(marks[-1][2]) + 1 == WEEKDAYS.index(day)
        dotted = bool(match["dot"])
        cell = at_line_start or (entry is not None and entry.group().lstrip()[:1] == "|")
        spacing = folded[match.end() : after.end()]
        gap = "\t" in spacing or "  " in spacing
        if not _counts(
            word,
            written,
            after["sep"],
            dotted=dotted,
            sentence_start=sentence_start,
            next_day=next_day,
            cell=cell,
            gap=gap,
        ):
            continue
        end = after.end() if after["sep"] in {":", "-", "–", "—", ")"} else match.end()
        marks.append((match.start(), end, day))
        previous_word = word
    return _with_weekends(folded, _with_misspelt(folded, marks))


# Abbreviations two languages read as different days: German "So" is Sunday, Czech and Slovak "so" (sobota) Saturday,
# when it follows their Friday ("pá", "pi"); German "Fr … So" skips a rest Saturday.
_OTHER_READING: Final[dict[str, tuple[Weekday, frozenset[str]]]] = {
    "so": ("Saturday", frozenset({"pa", "pi", "patek"}))
}


def _reading(word: str, previous_word: str) -> Weekday:
    """The day `word` names, read in the language of the day mark before it (see `_OTHER_READING`)."""
    other = _OTHER_READING.get(word)
    if other is not None and previous_word in other[1]:
        return other[0]
    return _WEEKDAY_BY_WORD[word]


# A misspelt day name at a line's start, before a separator or a column's gap ("wensday - strength", "satruday: long
# run 14 km", "Tuseday    easy 30"): read as the day it is closest to, when close enough (rapidfuzz's ratio, 0-100)
# and at least five letters long.
_MISSPELT_DAY: Final = re.compile(
    r"^[ \t\-*•#>|_]*+(?P<word>[a-z]{5,12})\.?(?:[ \t*_]*+[:\-–—]|[ \t]{2,}+(?=\S))", re.MULTILINE
)
_FULL_NAMES: Final = tuple(word for word in _WEEKDAY_BY_WORD if len(word) >= 6 and word.isalpha())
_MIN_SIMILARITY: Final = 80


@lru_cache(maxsize=1024)
def misspelt_weekday(word: str) -> Weekday | None:
    """The weekday a misspelt name means ("wensday", "satruday", "frday"), or None; exact names are not asked."""
    best = process.extractOne(word, _FULL_NAMES, scorer=fuzz.ratio, score_cutoff=_MIN_SIMILARITY)
    return _WEEKDAY_BY_WORD[best[0]] if best is not None else None


def _with_misspelt(folded: str, marks: list[tuple[int, int, Weekday]]) -> list[tuple[int, int, Weekday]]:
    """`marks` plus the misspelt day names that start lines (see `_MISSPELT_DAY`)."""
    found: list[tuple[int, int, Weekday]] = [
        (match.start("word"), match.end(), day)
        for match in _MISSPELT_DAY.finditer(folded)
        if match["word"] not in _WEEKDAY_BY_WORD and (day := misspelt_weekday(match["word"])) is not None
    ]
    return sorted([*marks, *found]) if found else marks


def _with_weekends(folded: str, marks: list[tuple[int, int, Weekday]]) -> list[tuple[int, int, Weekday]]:
    """`marks` plus Saturday and Sunday for each "Weekend:" at an entry start (Saturday grouped with Sunday)."""
    lines = _Lines(folded)
    for match in _WEEKEND.finditer(folded):
        at_line_start, entry = lines.entry_before(match.start())
        if at_line_start or entry:
            marks.append((match.start(), match.start(), "Saturday"))
            marks.append((match.start(), match.end(), "Sunday"))
    return sorted(marks)


# "Sat: same as Tuesday", "Do: wie Dienstag", "Sam : comme mardi": that week's session of the day named.
_SAME_AS_DAY: Final = re.compile(
    r"^\W*+(?:same as|as on|as|like|repeat|idem|wie am|wie|gleich wie|comme le|comme|igual que el|igual que|como el"
    r"|como|come il|come|zelfde als|jak w|som pa|som)\s++(?:on\s+|the\s+)?(?P<day>[a-z-]{2,13})\b\W*+$"
)


def day_referred(text: str) -> Weekday | None:
    """The day of the week a day's text only refers to ("same as Tuesday" → Tuesday), or None."""
    match = _SAME_AS_DAY.match(fold(text))
    return weekday_named(match["day"]) if match else None


# "Sat/Sun back-to-back: 2:30 and 1:30, both easy": one length for each day of the group, in order.
_SHARED_OUT: Final = re.compile(r"back[\s-]*to[\s-]*back|\bb2b\b|respectively|\bresp\.")
_PARTS: Final = re.compile(r"\s*+(?:[,;+/&]|\band\b|\bthen\b)\s*+")


def shared_out(text: str, days: int) -> list[str] | None:
    """Each day's own text when a group's text gives one length per day (see `_SHARED_OUT`), else None."""
    if days < 2 or not _SHARED_OUT.search(fold(text)):
        return None
    parts = [part for part in _PARTS.split(text) if part.strip()]
    sized = [part for part in parts if _A_DIGIT.search(part)]
    if len(sized) != days:
        return None
    common = [part for part in parts if not _A_DIGIT.search(part)]
    first_digit = _A_DIGIT.search(sized[0])
    lead = sized[0][: first_digit.start()] if first_digit else ""  # "back-to-back: " names every day's session
    sized[0] = sized[0][len(lead) :]
    return [" ".join([f"{lead}{part}", *common]).strip() for part in sized]
