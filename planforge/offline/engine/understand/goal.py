"""The goal around the race: the finishing time, the sports of a plan without a race, a start date in the text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from planforge.coaching import race_for
from planforge.domain.requirements import RaceRequirement
from planforge.domain.vocabulary import WorkoutType
from planforge.offline.engine.understand.dates import GOAL_TIME, clock_text, date_mentions, goal_seconds, resolve
from planforge.offline.engine.understand.text import RequestText
from planforge.offline.engine.understand.words import NEGATION, sports_in

# Plausible finishing times, in minutes per km of the race, slowest and fastest.
_PACE_RANGE: Final = (2.6, 12.0)
_TRIATHLON_HOURS: Final = (0.9, 17.0)
_PAST: Final = re.compile(
    r"\bpb\b|\bpr\b|\bbest|bestzeit|\brecord|\bmarca|\bran\b|\blast one|\brecent|\bprevious|\bcurrent|\bvon\b|"
    r"\bmeilleur|\bmejor|\bmigliore|\bfatto|\bgedaan|\bin \d{4}|two years ago|\bago\b|\bcouru|\bcorri\b|\bbeste"
)
_START: Final = re.compile(
    r"(?:plan|schema|schedule|week)?\s*(?:starts?|begins?|start|beginnen|commence|empieza|inizia|comeca)\b"
)


def plausible_seconds(race: RaceRequirement) -> tuple[int, int]:
    """The slowest and fastest believable finishing times of `race`, in seconds."""
    km = race_for(race.distance, race.distance_km).total_km
    if race.sport == "triathlon":
        return round(_TRIATHLON_HOURS[0] * 3600), round(_TRIATHLON_HOURS[1] * 3600)
    if race.sport == "bike":
        return round(km / 40 * 3600), round(km / 12 * 3600)
    if race.sport == "swim":
        return round(km * 60), round(km * 40 * 60)
    return round(km * _PACE_RANGE[0] * 60), round(km * _PACE_RANGE[1] * 60)


def read_goal_time(text: RequestText, race: RaceRequirement | None) -> str | None:
    """The goal finishing time of the race, H:MM:SS; personal bests and past races are not goals. An aim
    ("aiming for 1:29", "Ziel 1:55") wins over a limit ("under 1:30")."""
    if race is None:
        return None
    plausible = plausible_seconds(race)
    found: list[tuple[int, int, re.Match[str]]] = []
    for match in GOAL_TIME.finditer(text.folded):
        clause_start, _ = text.clause_at(match.start())
        before = text.folded[max(clause_start, match.start() - 20) : match.start()]
        if _PAST.search(before) or _PAST.search(match.group()) or text.is_used(match.span()):
            continue  # a time done (`read_race_results` took it) is no goal
        if (seconds := goal_seconds(match, plausible)) is not None:
            found.append((0 if _AIM.match(match.group()) else 1, seconds, match))
    if not found:
        return None
    _, seconds, match = min(found, key=lambda item: (item[0], item[2].start()))
    text.use(match)
    return clock_text(seconds)


_AIM: Final = re.compile(r"\s*(?:aim|going for|target|goal|ziel|objectif|objetivo|obiettivo|doel|around|to run)")


def read_sports(text: RequestText) -> list[WorkoutType]:
    """The sports a plan without a race is about, in the order named (those said "no" to left out)."""
    sports: list[WorkoutType] = []
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        for position, sport in sports_in(sentence):
            clause = sentence[max(0, position - 25) : position]
            if NEGATION.search(clause) and not re.search(r"\bnever (?:run|been)|\brather\b", clause):
                continue
            if sport not in sports:
                sports.append(sport)
                text.use((start + position, start + position + 3))
    return sports


def read_start(text: RequestText) -> dt.date | None:
    """A start date the text names ("plan starts Monday 11 January", "Start maandag 7 juni")."""
    for mention in date_mentions(text.folded):
        if _START.search(text.folded[max(0, mention.start - 30) : mention.start]):
            text.use((mention.start, mention.end))
            return resolve(mention, text.folded, None)
    return None


_GENERAL_FITNESS: Final = re.compile(
    r"\bgeneral fitness|\bget(?:ting)? fit|\bfitter\b|\bstay fit|\bkeep fit|\bget in shape|\bfor (?:my )?health|"
    r"\ballgemeine fitness|\bfit (?:werden|bleiben)|\bfitter werden|\bfur die gesundheit|\bremise en forme|"
    r"\bforme generale|\bpour (?:la|ma) sante|\bmantenerme en forma|\bponerme en forma|\bforma fisica|"
    r"\bpor salud|\brimettermi in forma|\bper la salute|\bficar em forma|\bpela saude|\bmanter a forma|"
    r"\balgemene (?:fitheid|conditie)|\bfit (?:worden|blijven)|\bvoor mijn gezondheid|\bconditie opbouwen"
)


def read_general_fitness(text: RequestText) -> bool:
    """Whether a plan without a race is for general fitness ("just general fitness", "remise en forme")."""
    if match := _GENERAL_FITNESS.search(text.folded):
        text.use(text.clause_at(match.start()))
        return True
    return False
