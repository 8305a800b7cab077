"""Distances as coaches write them: 8 km, 10k, 5 mi, 5 miles, 800m, 1500 m, 400 yd, 8-10 km; race names.

"m" after a number below 50 is read as minutes ("10m warm-up"), flagged ambiguous; "5K pace" and
"@ 10k" are pace references, not distances.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.offline.parser.quantities import NUMBER_RANGE, Quantity, range_value

MILE: Final = 1609.344
YARD: Final = 0.9144
MARATHON: Final = 42195.0
HALF_MARATHON: Final = 21097.5

# "@ 10K pace" names a pace, "11.5 km/h" a treadmill's speed: neither is a distance.
_PACE_AFTER = (
    r"(?!\s*(?:-\s*)?(?:pace|race pace|tempo|effort|allure|rythme|ritmo|speed|schnitt|pace\b))"
    r"(?!\s*/\s*(?:h|hr|hour|std|t)(?![a-z]))"
)
_KM: Final = re.compile(
    rf"(?<![\d.,@:]){NUMBER_RANGE}[ \t]*(?:kilometers?|kilometres?|kilometros?|kilometern?|kms?|k)(?![a-z])"
    + _PACE_AFTER
)
_MILES: Final = re.compile(rf"(?<![\d.,@:]){NUMBER_RANGE}[ \t]*(?:miles?|mi)(?![a-z])" + _PACE_AFTER)
_METERS: Final = re.compile(
    rf"(?<![\d.,@:]){NUMBER_RANGE}[ \t]*(?:meters?|metres?|metros?|metern?|mtrs?|m)(?![a-z'/])" + _PACE_AFTER
)
_YARDS: Final = re.compile(rf"(?<![\d.,@:]){NUMBER_RANGE}(?:[ \t]*(?:yards?|yds?)|y)(?![a-z])")  # "2,000y" too
# Climbing, not distance (meters only): "1500 m+", "1200 m D+", "600 m of climbing", "D+ 800 m", "desnivel 900 m".
_CLIMB_AFTER: Final = re.compile(
    r"(?:\+(?!\s*\d)|\s*(?:de\s+|of\s+)?d\+|\s*\(?(?:of\s+)?(?:climb|ascent|elevation|vert|gain|climbing|denivele|denivelee|"
    r"desnivel|dislivello|dplus|hohenmeter|hoehenmeter|positive|positif|positivo|hoogtemeters))"
)
_CLIMB_BEFORE: Final = re.compile(
    r"(?:d\+\s*|(?:^|[\s,(])\+|(?:denivele(?:e)?(?:\s+positif)?|desnivel(?:\s+positivo)?|(?:elevation|climbing|vert(?:ical)?)"
    r"(?:\s+gain)?|ascent|hohenmeter)\s*(?:de\s+|of\s+)?:?\s*)$"
)
_PACE_BEFORE: Final = re.compile(r"(?:@|\bat|\ba|\bal|\bau|\bzum|\bim|\bin)\s*(?:ritmo\s*(?:de\s*)?)?$")

_RACES: Final[tuple[tuple[re.Pattern[str], float], ...]] = (
    (re.compile(r"half[\s-]*marathon|halbmarathon|semi[\s-]*marathon|media[\s-]*maraton|mezza|\bhalf\b|polmaraton|"
                r"meia[\s-]*maratona|halve[\s-]*marathon|"
                r"pulmaraton|halvmaraton|halvmarathon|"
                r"(?<!\d )(?<!\d)\bhm\b"), HALF_MARATHON),  # "800 hm" is height climbed
    (re.compile(r"marathon|maraton|maratona"), MARATHON),
    (re.compile(r"(?<![\d.])10\s*(?:k|km)\b"), 10_000.0),
    (re.compile(r"(?<![\d.])5\s*(?:k|km)\b"), 5_000.0),
    (re.compile(r"(?<![\d.])15\s*(?:k|km)\b"), 15_000.0),
    (re.compile(r"(?<![\d.])3\s*(?:k|km)\b"), 3_000.0),
    (re.compile(r"\bmile\b(?!\s*(?:pace|tempo|effort))"), MILE),
    (re.compile(r"parkrun"), 5_000.0),
)  # fmt: skip
# Races whose names contain a running race's words but not its distance: "Half-distance triathlon",
# "Ultramarathon", "Half ironman".
_OTHER_RACES: Final = re.compile(r"triathlon|\btri\b|iron\s*man|70\.3|ultra|duathlon|\bcycl|\bfondo|\bbike|\bride\b")


def _climbing(folded: str, before: str, end: int) -> bool:
    """Whether meters read at `end` are height climbed (always stated in meters, never in km)."""
    return bool(_CLIMB_BEFORE.search(before) or _CLIMB_AFTER.match(folded, end))


def find_distances(folded: str) -> list[Quantity]:
    """Every distance in `folded` text, in order of position; "10m"-style minutes are left to durations."""
    found: list[Quantity] = []
    for pattern, unit in ((_KM, 1000.0), (_MILES, MILE), (_YARDS, YARD), (_METERS, 1.0)):
        for match in pattern.finditer(folded):
            before = folded[max(0, match.start() - 24) : match.start()]
            if _PACE_BEFORE.search(before) or (pattern is _METERS and _climbing(folded, before, match.end())):
                continue
            value = range_value(match["low"], match["high"])
            if pattern is _METERS and value < 50:
                continue
            found.append(Quantity("distance", value * unit, match.start(), match.end()))
    found.sort(key=lambda q: q.start)
    kept: list[Quantity] = []
    for quantity in found:
        if not kept or quantity.start >= kept[-1].end:
            kept.append(quantity)
    return kept


_SHORT_M_MINUTES: Final = re.compile(rf"(?<![\d.,@:]){NUMBER_RANGE}[ \t]*m(?![a-z'/])")


def find_short_m_minutes(folded: str) -> list[Quantity]:
    """ "10m"-style lengths below 50: minutes most likely, flagged ambiguous."""
    return [
        Quantity("duration", value * 60, match.start(), match.end(), ambiguous=True)
        for match in _SHORT_M_MINUTES.finditer(folded)
        if (value := range_value(match["low"], match["high"])) < 50
    ]


def race_distance(folded: str) -> float | None:
    """The distance of the race a text names ("half marathon" → 21097.5 m), or None."""
    if _OTHER_RACES.search(folded):
        return None
    for pattern, meters in _RACES:
        if pattern.search(folded):
            return meters
    return None
