"""Pace zones from the words around a step: "@ 5K pace" → z5, "@ threshold" → z4, "easy" → z2."""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.vocabulary import PaceZone

_ZONE_WORDS: Final[tuple[tuple[PaceZone, re.Pattern[str]], ...]] = (
    ("z6", re.compile(r"sprint|strides|all[\s-]*out|\bmax|steigerung|lignes droites|rectas|\bz6\b")),
    # "1500 m pace" names a pace; "2 x 1500 m steady" a set's distance
    ("z5", re.compile(r"\b[35]\s*k\b|\b1500\b(?=\s*(?:m\s+)?(?:pace|effort|tempo))|mile pace|\bvo2|\bhard\b|"
                      r"interval pace|\bfast\b|schnell|rapide|\bvite\b|"
                      r"fuerte|rapido|\b10\s*k\b|\bz5\b|\bvma\b")),
    ("z4", re.compile(r"threshold|(?<!marathon)(?<!maraton)(?<!marathon-)(?<!mp-)(?<!\bmp )tempo|\bsoglia|\blimiar|"
                      r"drempel|"
                      r"(?:media|meia|mezza|halve)[\s-]*marat|ritmo (?:de |di )?(?:media|meia|mezza)\b|halbmarathon|"
                      r"\bt[\s-]*pace|\blt\b|schwelle|\bseuil|umbral|half[\s-]*marathon pace|\bhmp\b|"
                      r"(?<!\d )(?<!\d)\bhm\b|\b15\s*k\b|comfortably hard|\bz4\b|semi")),
    ("z3", re.compile(r"marathon pace|marathon[\s-]*tempo|\bmp\b|steady|moderate|race[\s-]*pace|allure marathon|"
                      r"\bz3\b|maraton|zugig")),
    ("z2", re.compile(r"\beasy\b|locker|facile|suave|\bz2\b|aerob|\bleve\b|\brustig|tranquil|\bpiano\b|\blent[oa]?\b")),
    ("z1", re.compile(r"\bjog\b|\bwalk|\bz1\b|recovery|trab|\brecup|\btrot|\bdribbel|\bjogg|\bcorricch|\bherstel")),
)  # fmt: skip

_RIDES: Final = frozenset({"endurance-ride", "recovery-ride", "long-ride", "tempo-ride", "interval-ride", "hill-ride"})
_RIDE_TEMPO: Final = re.compile(r"tempo")
_THRESHOLD: Final = re.compile(r"threshold|\bftp\b|\blt\b|schwelle|\bseuil|umbral|\bz4\b")
_DEFAULT_BY_SUB_TYPE: Final[dict[str, PaceZone]] = {
    "interval-run": "z5",
    "hill-repeats": "z5",
    "fartlek": "z5",
    "interval-ride": "z5",
    "hill-ride": "z5",
    "interval-swim": "z5",
    "tempo-run": "z4",
    "tempo-ride": "z3",
    "race-pace-run": "z3",
    "progression-run": "z3",
    "race": "z4",
}


def zone_named(folded: str) -> PaceZone | None:
    """The zone the words of one step name, fastest first, or None."""
    for zone, pattern in _ZONE_WORDS:
        if pattern.search(folded):
            return zone
    return None


_SWIMS: Final = frozenset({"endurance-swim", "technique-swim", "interval-swim", "open-water-swim"})
# A swim set's effort: repeats are how swimmers do aerobic work, so a set is easy unless its words make it hard
# ("CSS", "threshold", "fast", "race pace"); "steady", "souple", "régulier", "continu" are aerobic.
_SWIM_EASY: Final = re.compile(
    r"\b(?:steady|easy|aerobic|endurance|smooth|relaxed|souple|regulier|continu|facile|tranquil\w*|suave|locker|ruhig"
    r"|rustig|piano|leve)\b"
)
_SWIM_HARD: Final = re.compile(r"\bcss\b|threshold|\bseuil|schwelle|umbral|\bsoglia|\bt[\s-]*pace")
# Event pace on a ride ("2 x 5 min at century pace", "sportive pace") is endurance riding.
_RIDE_EVENT_PACE: Final = re.compile(r"\b(?:century|sportive|gran[\s-]*fondo|fondo|event|endurance)\s+(?:pace|effort)")


def work_zone(folded: str, sub_type: str) -> PaceZone:
    """The zone of a work step: named in its words, else the sub-type's usual zone (z2 for easy sessions)."""
    if sub_type in _SWIMS:
        if _SWIM_HARD.search(folded):
            return "z4"
        zone = zone_named(folded)
        return "z2" if zone is None or (_SWIM_EASY.search(folded) and zone != "z6") else zone
    if sub_type in _RIDES and _RIDE_EVENT_PACE.search(folded):
        return "z2"
    zone = zone_named(folded)
    if zone == "z4" and sub_type in _RIDES and _RIDE_TEMPO.search(folded) and not _THRESHOLD.search(folded):
        return "z3"  # a ride's tempo is the zone below threshold (Coggan's power zones), a run's tempo is threshold
    return zone or _DEFAULT_BY_SUB_TYPE.get(sub_type, "z2")
