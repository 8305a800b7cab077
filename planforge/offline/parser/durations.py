"""Durations as coaches write them: 45 min, 45', 1h15, 1u15, 1:15:00, 90", 30 s, "an hour", "1-and-a-half minutes".

Text is searched folded (lower case, accents dropped, see `planforge.drafttext.segment.fold`). A clock time "1:15"
is hours and minutes for a whole session (up to 5 h) and minutes and seconds inside a repetition;
a time followed by "/km" or "/mi" is a pace and no duration.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.offline.parser.quantities import NUMBER, NUMBER_RANGE, Quantity, range_value, to_float, without_overlaps

# "5 min per km", "4:30 pro km": a pace. "3 h por montaña" (through the mountains) is still a duration.
# A slash makes a pace only before a unit of distance: "4:45/km", "1:35/100"; "3h / 22 km" is a duration, then a
# distance, and "6 x 3' / 2' jog" a repetition and its recovery.
_PER = (
    r"(?:/\s*+(?:km|kilo|k\b|mi\b|miles?|milla|lap|tour|vuelta|runde|(?:100|200|400|500)(?!\d))|min/"
    r"|(?:per|pro|par|por)\s+(?:km|kilo|k\b|mi\b|miles?|milla|\d|lap|tour|vuelta|runde))"
)
# The second end of a pace range: "4:50", "4'50\"" (its "/km" follows), after "-", "to", "bis", "à", "a", "tot", ...
_PACE_TIME = r"\d{1,2}(?::\d{2}|['’′]\s*\d{2}(?:''|\"|″)?)"
_RANGE_TO = r"(?:[-–]|to|bis|a|hasta|tot|ate|til|do)"
# A pace and no duration: "4:45/km", and the first end of a pace range ("4:45-4:50/km", "da 5'30\" a 4'50\"/km").
_SECONDS_MARK = r"\d{1,2}\s*(?:''|\"|″)"
_NOT_PACE = (
    rf"(?!\s*+(?:{_SECONDS_MARK})?\s*+{_PER})"  # "4:45/km", "4'50\"/km" (possessive: linear on long blank runs)
    rf"(?!\s*+(?:{_SECONDS_MARK})?\s*+{_RANGE_TO}\s*+{_PACE_TIME}\s*+{_PER})"
)
_HOURS_WORD = (
    r"(?:hours?|hrs?|h|std\.?|stunden?|stunde|heures?|horas?|hora|ore|ora|godz(?:in[ay]?|ina)?\.?|timer|timmar|timme"
    r"|time(?!\s*trial)|tim|t|hod(?:in[ay]?|ina)?\.?"  # Norwegian and Danish "2 t", "1 t 30 min", "2 time"
    r"|uur|uren|(?<=\d)u)"  # Dutch "1 uur", "1u15", "2u": a "u" glued to its number
)
_MINUTES_WORD = r"(?:minutes?|minuten?|minutos?|minuti|minut(?:y|er|ter)?|mins?|mn|'(?!')|’|′)"
_SECONDS_WORD = r"(?:seconds?|secondes?|secs?|sekunden|sekund(?:y|er)?|sek|segundos?|s|''|\"|″)"

# "6:00am", "18:30 Uhr": a time of day, never a duration.
_TIME_OF_DAY = r"(?!\s*+(?:[ap]\.?m\b\.?|uhr\b))"
_CLOCK_HMS: Final = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2}):(\d{2})(?![\d:])" + _NOT_PACE + _TIME_OF_DAY)
_CLOCK: Final = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])" + _NOT_PACE + _TIME_OF_DAY)
_HOURS: Final = re.compile(
    rf"(?<![\d.,:]){NUMBER_RANGE}\s*{_HOURS_WORD}(?![a-z])(?:\s*(?:and\s*)?(?P<minutes>\d{{1,2}})\s*"
    rf"(?:{_MINUTES_WORD}|m(?![a-z]))?)?" + _NOT_PACE
)
_MINUTES: Final = re.compile(rf"(?<![\d.,:]){NUMBER_RANGE}\s*{_MINUTES_WORD}(?![a-z])" + _NOT_PACE)
_SECONDS: Final = re.compile(rf"(?<![\d.,:]){NUMBER_RANGE}\s*{_SECONDS_WORD}(?![a-z])" + _NOT_PACE)

_NUMBER_WORDS: Final[dict[str, float]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60,
    "ninety": 90, "eine": 1, "einer": 1, "une": 1, "un": 1, "una": 1, "uno": 1, "zwei": 2, "deux": 2, "dos": 2,
}  # fmt: skip
_WORD_NUMBER = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
_SPOKEN: Final = re.compile(
    rf"(?<![\w])(?:(?P<half_an>half an?)|(?P<count>{_WORD_NUMBER}|{NUMBER})"
    r"(?P<and_half>[\s-]+and[\s-]+a[\s-]+half)?|(?P<einhalb>eineinhalb|anderthalb))"
    rf"[\s-]*(?P<unit>hours?|stunden?|heures?|horas?|hora|minutes?|minuten?|minutos?)(?![a-z])"
    rf"(?P<tail_half>[\s-]+and[\s-]+a[\s-]+half)?"
)


def _spoken(folded: str) -> list[Quantity]:
    found: list[Quantity] = []
    for match in _SPOKEN.finditer(folded):
        if match["half_an"]:
            count = 0.5
        elif match["einhalb"]:
            count = 1.5
        else:
            word = match["count"]
            count = _NUMBER_WORDS[word] if word in _NUMBER_WORDS else to_float(word)
            if match["and_half"] or match["tail_half"]:
                count += 0.5
        unit = 3600 if match["unit"].startswith(("h", "s")) else 60
        found.append(Quantity("duration", count * unit, match.start(), match.end()))
    return found


def _clock(folded: str, *, within_rep: bool) -> list[Quantity]:
    found = [
        Quantity("duration", int(h) * 3600 + int(m) * 60 + int(s), match.start(), match.end())
        for match in _CLOCK_HMS.finditer(folded)
        for h, m, s in [match.groups()]
    ]
    clocks: list[Quantity] = []
    for match in _CLOCK.finditer(folded):
        first, second = int(match[1]), int(match[2])
        if second >= 60:
            continue
        as_hours = not within_rep and first <= 5
        seconds = first * 3600 + second * 60 if as_hours else first * 60 + second
        clocks.append(Quantity("duration", seconds, match.start(), match.end()))
    return without_overlaps(found, clocks)


def find_durations(folded: str, *, within_rep: bool = False) -> list[Quantity]:
    """Every duration in `folded` text, in order of position, none overlapping another."""
    found = _clock(folded, within_rep=within_rep) + _spoken(folded)
    for pattern, unit in ((_HOURS, 3600), (_MINUTES, 60), (_SECONDS, 1)):
        for match in pattern.finditer(folded):
            value = range_value(match["low"], match["high"]) * unit
            if unit == 3600 and match["minutes"]:
                value += int(match["minutes"]) * 60
            found.append(Quantity("duration", value, match.start(), match.end()))
    return _without_overlaps(found)


def _without_overlaps(found: list[Quantity]) -> list[Quantity]:
    """Keep the longest of overlapping matches ("1h15" over "15"), then order by position."""
    kept: list[Quantity] = []
    for quantity in sorted(found, key=lambda q: (q.start, -(q.end - q.start))):
        if kept and quantity.start < kept[-1].end:
            continue
        kept.append(quantity)
    return kept
