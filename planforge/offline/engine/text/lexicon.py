"""The words of a draft in one language: session labels, efforts, and the sentences of the title, overview, phases
and week focus (headers and day names are `planforge.drafttext.render`'s).

Session words are chosen so the draft parser (`planforge.offline.parser`) reads them back to the same workouts,
always words of the language itself (where the parser lacks the usual word, another word of the language: Dutch
"Regeneratieloop"; each language module's docstring lists what it still works around).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planforge.domain.vocabulary import Language, Level, Phase, RaceDistance, WorkoutType
from planforge.offline.engine.sessions import Effort, Recovery, SessionKind


@dataclass(frozen=True)
class Sentences:
    """The overview's sentences, as format strings (the names in braces are filled by `describe`)."""

    title: str
    """"{weeks}-Week {level} {goal} Training Plan"."""
    goal_race: str
    """"A {weeks}-week plan for {goal}, at {level} level, with the race on {when}."."""
    goal_free: str
    """The same for a plan without a race: "A {weeks}-week {goal} plan at {level} level."."""
    when_date: str
    """"{day} {date}"."""
    when_week: str
    """"{day} of week {week}"."""
    days: str
    """"Training {count} days a week ({days}): {sessions}."."""
    long: str
    """"The {session} is on {day} and builds to about {peak}."."""
    growth: str
    """"Volume grows by at most 10% a week, from about {start} to {peak} a week, with a lighter week every {cycle}
    weeks."."""
    short_growth: str
    """When the plan is too short to reach the race's peak from today's volume."""
    tune_ups: str
    """"Tune-up races: {races}."."""
    taper: str
    """"[The last week tapers|The last {weeks} weeks taper] into race day: …" (a `counted` template)."""
    easy: str
    """"About {share} of the training time is easy; {quality}."."""
    novice: str
    """The run/walk onset for someone who has never run."""
    paces: str
    """"Goal race pace {race}; threshold {threshold}; easy {easy}."."""
    kept: str
    """"Kept as asked: {items}."."""
    declined: str
    """"Could not keep: {items}."."""
    not_used: str
    """"Not used: {items}."."""
    cautions: str
    """"Cautions: {items}."."""


@dataclass(frozen=True)
class Lexicon:
    """All the words of a draft in one language."""

    language: Language
    rest: str
    timed: dict[SessionKind, str]
    """Labels of sessions written as "<label> <minutes> min"."""
    structured: dict[SessionKind, str]
    """Labels of warm-up, main set, cool-down sessions."""
    warm_up: str
    cool_down: str
    ride_warm_up: str
    ride_cool_down: str
    efforts: dict[Effort, str]
    recoveries: dict[Recovery, str]
    """Format strings with {r}: the recovery after each repeat (", recup {r} jog")."""
    run_walk: str
    """"{label} {total} min: {reps} x ({run} run, {walk} walk)" with the run/walk label."""
    swim: str
    brick: str
    """The brick ride's label, before its minutes: "Brick: Bike"."""
    race: str
    race_names: dict[RaceDistance, str]
    legs: dict[WorkoutType, str]
    """The sport word of a race leg ("swim", "ride")."""
    tune_up: str
    levels: dict[Level, str]
    goals: dict[str, str]
    """The plan's goal in the title: race keys, "fitness", "base"."""
    phase_names: dict[Phase, str]
    phase_descriptions: dict[Phase, str]
    focus: dict[str, str]
    """Week focus by week kind and phase: "base", "build", "peak", "taper", "race", "step-back", "tune-up",
    "after-race", "fitness"."""
    sports: dict[WorkoutType, tuple[str, str]]
    """(singular, plural) session words per sport: ("run", "runs")."""
    sessions_long: dict[WorkoutType, str]
    """"long run", "long ride", "long swim"."""
    sentences: Sentences
    constraints: dict[str, str]
    """Phrases for kept and declined constraints, by key, with {…} fields."""
    conjunction: str
    """"and"."""
    named_lengths: frozenset[RaceDistance] = frozenset({"half-marathon", "marathon"})
    """Races whose name tells the parser their length ("Halbmarathon"): their text states no km."""
    race_other: str = ""
    """The race label of a leg that is not a run, when the race label names a run ("Carrera"); else `race`."""


_COUNTED = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")


def counted(template: str, count: int) -> str:
    """`template` with each "[singular|plural]" choice made for `count` ("[one session|{count} sessions]")."""
    return _COUNTED.sub(lambda match: match.group(1) if count == 1 else match.group(2), template)
