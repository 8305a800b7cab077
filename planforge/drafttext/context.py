"""What a whole plan says about all its sessions: the unit of bare numbers and the sport of unnamed sessions.

"Distances in miles unless noted" makes "E 5" five miles; "all numbers are minutes" makes it five minutes.
In a plan clearly about cycling (FTP, watts, sweet spot, spins and rides throughout, hardly a run), a
session that names no sport ("2h Z2, group ride ok", "3x8' sweetspot") is a ride rather than the run the
parser would otherwise assume. "Long runs on Saturdays" names the day a week's long session goes on when the
week lists its sessions without weekdays. A footnote that defines a word ("1 Riders Choice: any bike you like")
may name the sport of the sessions that word names.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Final, Literal

from planforge.domain.vocabulary import Weekday, WorkoutType
from planforge.drafttext.days import fold, weekday_named

BareNumberUnit = Literal["mi", "km", "min", "yd"]
"""What a number written without a unit means: miles, kilometres, minutes or (a swimmer's) yards."""
UNIT_WORDS: Final[dict[BareNumberUnit, str]] = {"mi": "miles", "km": "kilometres", "min": "minutes", "yd": "yards"}
"""A bare-number unit in words, as a chunk's `plan_context` states it to any converting model."""

_UNIT_NOTE: Final = re.compile(
    r"\b(?:distances?|distanzen|entfernungen|afstanden|distanze|distancias|mileage|all runs|everything|numbers?"
    r"|times|durations|values|figures|zahlen|zeiten|nombres|chiffres|numeros|numeri|getallen|sessions|workouts"
    r"|dystanse|czasy|distanser|tider|afstande|avstander|vzdalenosti|casy|units?)\b"
    r"[^.\n]{0,25}?(?:\b(?:in|en|sind in|are in|are|is the|sind|sont|son|sono|zijn|w|i|v|ve|er i|ar i|er|ar)\s++"
    r"|[:=]\s*+)"
    r"(?P<unit>miles?|mi|millas|km|kilomet\w*|kilometr\w*|minutes?|mins?|minuten|minutos|minuti|minut\w*|yards?"
    r"|yds?)\b"
)
# A footnote's own line defines the word it marks: "1 Riders Choice: any bike you like", "³ Drills = 6 x 50 …".
_FOOTNOTE_DEFINITION: Final = re.compile(
    r"^[ \t]*+(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]++|\[\d{1,2}\]|[†‡§]++|\d{1,2}(?=[ \t]++[a-z]))[ \t]*+"
    r"(?P<term>[a-z][^:=\n]{1,30}?)[ \t]*+[:=][ \t]*+(?P<definition>[^\n]{1,300})",
    re.MULTILINE,
)
# Word beginnings that signal a sport; counted over the words of the whole text (one pass, no regex per word).
_SPORT_SIGNALS: Final[dict[WorkoutType, tuple[str, ...]]] = {
    "bike": ("ftp", "watt", "sweet", "spin", "ride", "rides", "bike", "cycl", "cadence", "velo", "rad", "bici",
             "turbo", "zwift", "fiets"),
    "run": ("run", "jog", "lauf", "footing", "strides", "corr", "corsa", "parkrun", "hardlo", "duurloop", "cours",
            "fraction", "rodaje", "tirada", "trot", "bieg", "marathon", "maraton", "trail", "fartlek"),
    "swim": ("swim", "schwimm", "natation", "nataci", "nuoto", "zwem", "pool", "piscine"),
}  # fmt: skip
_WHOLE_WORDS: Final = frozenset({"spin", "ride", "rides", "rad", "velo", "turbo", "pool", "sweet"})
_WORD: Final = re.compile(r"[a-z]+")
_DOMINANCE: Final = 3
"""A sport is the plan's default when it has at least this many signals and this many times any other's."""


@dataclass(frozen=True)
class PlanContext:
    """Plan-wide defaults for what a session leaves unsaid."""

    default_unit: BareNumberUnit | None = None
    """The unit of a bare number ("E 5"), from a plan-level note; None: bare numbers stay unmeasured."""
    default_sport: WorkoutType | None = None
    """The sport of a session that names none; None: such a session is a run."""
    long_day: Weekday | None = None
    """The day the plan puts its long session on ("long runs on Saturdays"); None: not stated."""
    footnotes: tuple[tuple[str, str], ...] = ()
    """(term, definition), folded, for each word a footnote defines ("riders choice", "any bike you like …"): the
    definition may name the sport the term's sessions leave unsaid."""


NO_CONTEXT: Final = PlanContext()
_MAX_FOOTNOTES: Final = 20
"""Footnotes read per plan, at most (each is looked for in every session that names no sport)."""


def _unit(folded: str) -> BareNumberUnit | None:
    match = _UNIT_NOTE.search(folded)
    if match is None:
        return None
    unit = match["unit"]
    if unit.startswith("min"):
        return "min"
    if unit.startswith("y"):
        return "yd"
    return "mi" if unit.startswith(("mi", "mil")) else "km"


def _dominant_sport(folded: str) -> WorkoutType | None:
    counts: dict[WorkoutType, int] = dict.fromkeys(_SPORT_SIGNALS, 0)
    for word in _WORD.findall(folded):
        for sport, starts in _SPORT_SIGNALS.items():
            if word.startswith(starts) and (word in starts or not word.startswith(tuple(_WHOLE_WORDS))):
                counts[sport] += 1
    sport, count = max(counts.items(), key=lambda item: item[1])
    others = max(other for name, other in counts.items() if name != sport)
    if sport != "run" and count >= _DOMINANCE and count >= _DOMINANCE * others:
        return sport
    return None


# "long runs on Saturdays", "long run day: Sunday", "sortie longue le dimanche", "langer Lauf am Sonntag".
_LONG_DAY: Final = re.compile(
    r"\b(?:long[^\S\n]+(?:run|ride|session|workout|(?P<one>one))s?(?:[^\S\n]+day)?|sortie[^\S\n]+longue|langer?[^\S\n]+lauf"
    r"|tirada[^\S\n]+larga|lange[^\S\n]+duurloop|dlugi[^\S\n]+bieg|wybieganie|langpass|langtur)"
    r"[^\S\n]*+(?:(?:on|am|le|el|la|il|op|i|w|v|pa|every)[^\S\n]++)?(?:the[^\S\n]++)?[:\-–—]?[^\S\n]*+"
    r"(?P<day>[a-z]{3,12})\b"
)


def long_day_named(folded: str, *, week_note: bool = False) -> Weekday | None:
    """The weekday named right after a mention of the long session in a folded text, the first such ("long runs
    on Saturdays"), or None. `week_note`: the text speaks of one week, where "long one on Saturday" counts too."""
    for match in _LONG_DAY.finditer(folded):
        if match["one"] and not week_note:
            continue  # "long one on Saturday this week" speaks of one week, not of the plan
        day = weekday_named(match["day"]) or weekday_named(match["day"].removesuffix("s"))
        if day is not None:
            return day
    return None


def plan_context(text: str) -> PlanContext:
    """The defaults a whole draft text sets (see the module docstring)."""
    folded = fold(text)
    definitions = itertools.islice(_FOOTNOTE_DEFINITION.finditer(folded), _MAX_FOOTNOTES)
    footnotes = tuple((match["term"].strip(), match["definition"]) for match in definitions)
    return PlanContext(
        default_unit=_unit(folded),
        default_sport=_dominant_sport(folded),
        long_day=long_day_named(folded),
        footnotes=footnotes,
    )
