"""An event named by its own name rather than a distance: "the Ride London 100 on 30 May", "a charity swim across
the lake on 10 July", "Étape du Tour (170 km) in July" from a cyclist.

When no race distance is named, a sentence with a date (or "in 12 weeks"), a word of aim or event ("goal", "want
to do", "event", "Ziel", "objectif"...) and a sport names the target: a ride is a sportive, a swim an open-water
swim, a run a race of the km stated near it. The sport is the sentence's own, else the one the athlete calls theirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from planforge.domain.vocabulary import RaceDistance, RaceSport, WorkoutType
from planforge.offline.engine.understand.dates import date_mentions
from planforge.offline.engine.understand.text import RequestText
from planforge.offline.engine.understand.words import NEGATION, sports_in

_EVENT: Final = re.compile(
    r"\bgoal|\btarget|\baim|\bwant to (?:do|ride|swim|run|finish|complete)|\bi'?d like to (?:do|ride|swim|run)|"
    r"\bsigned up|\bregistered|\bentered|\bevent\b|\bchallenge|\btour\b|\bziel|\bveranstaltung|\bangemeldet|"
    r"\bobjectif|\binscrit|\bobjetivo|\binscrito|\bevento|\bobiettivo|\biscritt|\bprova\b|\bdoel|\bingeschreven|"
    r"\bevenement|\btocht\b|\bi want|\bi'?d like|\bich mochte|\bich will|\bje veux|\bj'aimerais|\bquiero|"
    r"\bme gustaria|\bvoglio|\bvorrei|\bquero|\bgostaria|\bik wil|\bik zou graag"
)
_WHEN: Final = re.compile(
    r"\bin \d{1,2} weeks|\d{1,2} weeks (?:from now|out|away)|\bin \d{1,2} wochen|\bdans \d{1,2} semaines|"
    r"\b(?:dentro de|en) \d{1,2} semanas|\b(?:tra|fra) \d{1,2} settimane|\bdaqui a \d{1,2} semanas|\bover \d{1,2} weken"
)
_STARTS: Final = re.compile(r"\bstart|\bbegin|\bcommenc|\bempie[cz]|\binizi|\bcomec|\bbeginnen|\bab\b")
_EVENT_OF_SPORT: Final[dict[WorkoutType, tuple[RaceDistance, RaceSport]]] = {
    "bike": ("sportive", "bike"),
    "swim": ("open-water", "swim"),
    "run": ("other", "run"),
}
_KM: Final = re.compile(r"\b\d{1,3}(?:[.,]\d)?\s*(?:k|km)\b")


@dataclass(frozen=True)
class Event:
    """An event the request names without a race distance: its distance kind, sport and the words that name it."""

    distance: RaceDistance
    sport: RaceSport
    start: int
    end: int


def named_event(text: RequestText, athlete_sport: WorkoutType | None) -> Event | None:
    """The event a request trains for when it names no race distance, if a sentence names one."""
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        dated = any(not _STARTS.search(sentence[max(0, d.start - 30) : d.start]) for d in date_mentions(sentence))
        aim = _EVENT.search(sentence)
        if not (dated or _WHEN.search(sentence)) or aim is None or NEGATION.search(sentence[: aim.start()]):
            continue
        sports: list[WorkoutType] = [sport for _, sport in sports_in(sentence) if sport in _EVENT_OF_SPORT]
        sport = sports[0] if sports else athlete_sport
        if sport not in _EVENT_OF_SPORT or (sport == "run" and not _KM.search(sentence)):
            continue  # a run needs its length: "a run on 3 May" may be anything
        distance, race_sport = _EVENT_OF_SPORT[sport]
        return Event(distance, race_sport, start + aim.start(), start + aim.end())
    return None
