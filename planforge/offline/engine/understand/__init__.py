"""Understanding a request: its free text and principle → `Requirements`, in seven languages.

    read_requirements(additional_prompt, principle, start_date) → Requirements

Reading is forgiving: prose for a human coach is never an error. Each reader records the words it used; the
clauses no reader could use are kept in `Requirements.not_used`, for the draft's overview to name.
"""

from __future__ import annotations

import datetime as dt

from planforge.domain.requirements import CurrentVolume, HealthCaution, RaceRequirement, Requirements, TimeCaps
from planforge.domain.vocabulary import RaceSport, Weekday, WorkoutType
from planforge.offline.engine.understand.athlete import (
    CautionFlags,
    age_words,
    read_age,
    read_athlete_sport,
    read_cautions,
    read_language,
    read_never_run,
)
from planforge.offline.engine.understand.elevation import read_elevation_gain
from planforge.offline.engine.understand.fitness import read_current_volumes
from planforge.offline.engine.understand.goal import read_general_fitness, read_goal_time, read_sports, read_start
from planforge.offline.engine.understand.health import read_health_cautions
from planforge.offline.engine.understand.levels import read_other_levels
from planforge.offline.engine.understand.load import read_hours_per_week, read_session_minutes, read_time_caps
from planforge.offline.engine.understand.principle import read_principle
from planforge.offline.engine.understand.race import read_race
from planforge.offline.engine.understand.results import read_race_results
from planforge.offline.engine.understand.roles import read_back_to_back_long, read_day_sports, read_medium_long_days
from planforge.offline.engine.understand.schedule import (
    read_day_rules,
    read_days_per_week,
    read_long_days,
    read_no_back_to_back,
    read_run_kinds,
    read_sessions_per_week,
    read_weekend_long,
)
from planforge.offline.engine.understand.text import RequestText

__all__ = ["CautionFlags", "caution_flags", "read_requirements"]

_MAIN_SPORT: dict[RaceSport, WorkoutType] = {
    "run": "run", "trail-run": "run", "bike": "bike", "swim": "swim", "triathlon": "run", "duathlon": "run",
}  # fmt: skip
_RUNNING_RACES: frozenset[RaceSport] = frozenset({"run", "trail-run", "triathlon", "duathlon"})


def read_requirements(additional_prompt: str | None, principle: str, start_date: dt.date | None = None) -> Requirements:
    """What the request asks for, as far as the engine can read it."""
    text = RequestText(additional_prompt or "")
    stated_start = read_start(text)  # read even when given, so that its words count as used
    start = start_date or stated_start
    language = read_language(text)
    athlete_sport = read_athlete_sport(text)
    race = read_race(text, start, athlete_sport)
    race = race.model_copy(update={"elevation_gain_m": read_elevation_gain(text)}) if race is not None else None
    sports = [] if race is not None else read_sports(text)
    main: WorkoutType = _MAIN_SPORT[race.sport] if race is not None else (sports[0] if sports else "run")
    allowed, excluded = read_day_rules(text, race.day if race is not None else None)
    medium_long = read_medium_long_days(text, main)
    long_days = read_long_days(text, main)
    if read_weekend_long(text) and race is not None and race.sport == "triathlon":
        weekend: dict[WorkoutType, Weekday] = {"bike": "Saturday", "run": "Sunday"}
        long_days = weekend | long_days
    volumes = read_current_volumes(text, main, multisport=race is not None and race.sport in {"triathlon", "duathlon"})
    levels = read_other_levels(text) | volumes
    session_minutes, time_caps = _session_limits(text)
    day_sports, indoor_days = read_day_sports(text)
    wanted, today = read_sessions_per_week(text)
    age = read_age(text)
    cautions, _ = read_cautions(text)
    health = read_health_cautions(text, age, age_words(text))
    volume = volumes.get(main) or next(iter(volumes.values()), None)
    volume, by_sport = _current(text, race, main, sports, (volume, levels, today), health)
    results = read_race_results(text)  # before the goal time: a time done is no goal
    requirements = Requirements(
        language=language,
        race=race,
        goal_time=read_goal_time(text, race),
        sports=sports,
        days_per_week=read_days_per_week(text),
        sessions_per_week=wanted,
        run_kinds_per_week=read_run_kinds(text),
        allowed_days=allowed,
        excluded_days=excluded,
        no_back_to_back=read_no_back_to_back(text),
        time_caps=time_caps,
        hours_per_week=read_hours_per_week(text),
        long_session_day=long_days,
        current_volume=volume,
        current_by_sport=by_sport,
        race_results=results,
        age=age,
        cautions=_with_typed(cautions, health),
        health_cautions=health,
        back_to_back_long=read_back_to_back_long(text),
        medium_long_day=medium_long,
        day_sports=day_sports,
        indoor_days=indoor_days,
        session_minutes=session_minutes,
        general_fitness=race is None and read_general_fitness(text),
        athlete_sport=athlete_sport,
        principle=read_principle(principle),
    )
    return requirements.model_copy(update={"not_used": text.not_used()})


def _with_typed(cautions: list[str], health: list[HealthCaution]) -> list[str]:
    """The caution sentences, then the words of typed cautions no sentence holds yet (overweight, a heart condition),
    each once."""
    added = [c.words for c in health if c.kind != "age" and not any(c.words in words for words in cautions)]
    return list(dict.fromkeys([*cautions, *added]))


def _session_limits(text: RequestText) -> tuple[int | None, TimeCaps | None]:
    """(the length wanted for every session, the caps): a length wanted is also every session's cap."""
    session_minutes = read_session_minutes(text)
    time_caps = read_time_caps(text)
    if session_minutes is not None and time_caps is None:
        time_caps = TimeCaps(weekday_minutes=session_minutes, weekend_minutes=session_minutes)
    return session_minutes, time_caps


def _current(
    text: RequestText,
    race: RaceRequirement | None,
    main: WorkoutType,
    sports: list[WorkoutType],
    read: tuple[CurrentVolume | None, dict[WorkoutType, CurrentVolume], dict[WorkoutType, int]],
    health: list[HealthCaution],
) -> tuple[CurrentVolume | None, dict[WorkoutType, CurrentVolume]]:
    """(the main sport's level today, every stated sport's level). Never having run, or a sedentary life with no
    running stated, makes a running novice only when the plan has running in it: a cyclist who is "not a runner"
    training for a sportive is no novice. `read` is (the main sport's volume, the other sports' levels, the
    sessions of each sport done today), as read."""
    volume, by_sport, today = read
    if today.get(main) is not None:
        volume = (volume or CurrentVolume(sport=main)).model_copy(update={"sessions_per_week": today[main]})
    if volume is not None:
        by_sport[volume.sport] = volume
    runs = race.sport in _RUNNING_RACES if race is not None else (not sports or "run" in sports)
    never_run = read_never_run(text)
    sedentary = any(caution.kind == "sedentary" for caution in health) and "run" not in by_sport
    if runs and (never_run or sedentary):
        novice = (by_sport.get("run") or CurrentVolume()).model_copy(update={"never_trained": True, "sport": "run"})
        by_sport["run"] = novice
        volume = novice if main == "run" or volume is None else volume
    if volume is None and main in by_sport:
        volume = by_sport[main]
    return volume, by_sport


def caution_flags(cautions: list[str]) -> CautionFlags:
    """What a request's cautions rule out (`read_cautions` on their text)."""
    _, flags = read_cautions(RequestText(". ".join(cautions)))
    return flags
