"""Understanding a request: its free text and principle → `Requirements`, in seven languages.

    read_requirements(additional_prompt, principle, start_date) → Requirements

Reading is forgiving: prose for a human coach is never an error. Each reader records the words it used; the
clauses no reader could use are kept in `Requirements.not_used`, for the draft's overview to name.
"""

from __future__ import annotations

import datetime as dt

from planforge.domain.requirements import CurrentVolume, Requirements
from planforge.domain.vocabulary import RaceSport, Weekday, WorkoutType
from planforge.offline.engine.understand.athlete import (
    CautionFlags,
    read_age,
    read_cautions,
    read_language,
    read_never_run,
)
from planforge.offline.engine.understand.goal import read_goal_time, read_sports, read_start
from planforge.offline.engine.understand.load import read_current_volume, read_hours_per_week, read_time_caps
from planforge.offline.engine.understand.principle import read_principle
from planforge.offline.engine.understand.race import read_race
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


def read_requirements(additional_prompt: str | None, principle: str, start_date: dt.date | None = None) -> Requirements:
    """What the request asks for, as far as the engine can read it."""
    text = RequestText(additional_prompt or "")
    stated_start = read_start(text)
    start = start_date or stated_start
    language = read_language(text)
    race = read_race(text, start)
    sports = [] if race is not None else read_sports(text)
    main: WorkoutType = _MAIN_SPORT[race.sport] if race is not None else (sports[0] if sports else "run")
    allowed, excluded = read_day_rules(text, race.day if race is not None else None)
    long_days = read_long_days(text, main)
    if read_weekend_long(text) and race is not None and race.sport == "triathlon":
        weekend: dict[WorkoutType, Weekday] = {"bike": "Saturday", "run": "Sunday"}
        long_days = weekend | long_days
    volume = read_current_volume(text, main, multisport=race is not None and race.sport in {"triathlon", "duathlon"})
    wanted, today = read_sessions_per_week(text)
    if today.get(main) is not None:
        volume = (volume or CurrentVolume(sport=main)).model_copy(update={"sessions_per_week": today[main]})
    if read_never_run(text):
        volume = (volume or CurrentVolume()).model_copy(update={"never_trained": True, "sport": "run"})
    cautions, _ = read_cautions(text)
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
        time_caps=read_time_caps(text),
        hours_per_week=read_hours_per_week(text),
        long_session_day=long_days,
        current_volume=volume,
        age=read_age(text),
        cautions=cautions,
        principle=read_principle(principle),
    )
    return requirements.model_copy(update={"not_used": text.not_used()})


def caution_flags(cautions: list[str]) -> CautionFlags:
    """What a request's cautions rule out (`read_cautions` on their text)."""
    _, flags = read_cautions(RequestText(". ".join(cautions)))
    return flags
