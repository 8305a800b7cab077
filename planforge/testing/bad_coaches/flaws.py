"""The flaws: each takes a case's golden plan and changes one thing, or returns None when it cannot apply."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from typing import Final

from planforge import PlanWorkout
from planforge.coaching import race_for, taper_days
from planforge.domain.vocabulary import WEEKDAYS, Weekday, WorkoutType, weekday_index
from planforge.testing.bad_coaches.writing import (
    SWIM_METERS_PER_MINUTE,
    WORDS,
    CoachCase,
    kind_of,
    minutes_of,
    moved,
    rewritten,
    session_text,
)


def weekday_after(day: Weekday, step: int) -> Weekday | None:
    index = weekday_index(day) + step
    return WEEKDAYS[index] if 0 <= index < 7 else None


def _race_week(case: CoachCase) -> int:
    return case.expect.race.week if case.expect.race is not None else case.request.weeks + 1


def _training(case: CoachCase) -> list[PlanWorkout]:
    return [w for w in case.golden.content if w.workout_sub_type != "race"]


def _races(case: CoachCase) -> list[PlanWorkout]:
    return [w for w in case.golden.content if w.workout_sub_type == "race"]


def _week_minutes(workouts: Sequence[PlanWorkout]) -> dict[int, float]:
    totals: dict[int, float] = defaultdict(float)
    for workout in workouts:
        if workout.workout_sub_type != "race":
            totals[workout.week] += minutes_of(workout)
    return totals


def _longest_per_week_and_sport(workouts: Sequence[PlanWorkout], before_week: int) -> set[int]:
    """Indexes of each week's longest session of each sport (strength excepted), before `before_week`."""
    best: dict[tuple[int, str], int] = {}
    for index, workout in enumerate(workouts):
        if workout.workout_sub_type == "race" or workout.week >= before_week or workout.workout_type == "strength":
            continue
        key = (workout.week, workout.workout_type)
        if key not in best or minutes_of(workout) > minutes_of(workouts[best[key]]):
            best[key] = index
    return set(best.values())


def no_race(case: CoachCase) -> list[PlanWorkout] | None:
    """The race is left out."""
    return _training(case) if case.expect.race is not None else None


_OTHER_SPORT: Final[dict[str, WorkoutType]] = {"run": "bike", "trail-run": "bike", "bike": "run", "swim": "run"}


def wrong_sport(case: CoachCase) -> list[PlanWorkout] | None:
    """The race's sport trained (and raced) as another: a running race on the bike, a triathlon as runs only."""
    race = case.expect.race
    if race is None:
        return None
    language = case.expect.language
    target = _OTHER_SPORT.get(race.sport, "run")
    trained = {"run"} if race.sport == "trail-run" else {race.sport} if race.sport in _OTHER_SPORT else {"swim", "bike"}
    changed: list[PlanWorkout] = []
    for workout in case.golden.content:
        if workout.workout_sub_type == "race":
            text = f"{WORDS[language].race}: {session_text(language, target, 'easy', minutes_of(workout))}"
            changed.append(workout.model_copy(update={"workout_type": target, "workout_description": text}))
        elif workout.workout_type in trained:
            changed.append(rewritten(workout, language, sport=target))
        else:
            changed.append(workout)
    return changed


RULED_OUT_DAY_SESSIONS: Final = 2
"""The most sessions `days_ignored` piles on one ruled-out day (a draft day holds at most three)."""


def days_ignored(case: CoachCase) -> list[PlanWorkout] | None:
    """Training moved onto the weekdays the athlete ruled out."""
    expect = case.expect
    allowed: set[Weekday] = set(expect.allowed_days or WEEKDAYS) - set(expect.excluded_days)
    ruled_out: list[Weekday] = [day for day in WEEKDAYS if day not in allowed]
    if not ruled_out or len(allowed) == 7:
        return None

    changed: list[PlanWorkout] = []
    taken: dict[tuple[int, Weekday], int] = defaultdict(int)
    for workout in case.golden.content:
        if workout.workout_sub_type == "race":
            changed.append(workout)
            continue

        def distance(other: Weekday, day: Weekday = workout.day, week: int = workout.week) -> tuple[int, int, int]:
            # A free day first (a day of two sessions is harder to read), then the nearest.
            gap = abs(weekday_index(other) - weekday_index(day))
            return (taken[(week, other)], gap, weekday_index(other))

        day = min(ruled_out, key=distance)
        if taken[(workout.week, day)] >= RULED_OUT_DAY_SESSIONS:
            changed.append(workout)  # the ruled-out days are full: a draft must stay readable
            continue
        taken[(workout.week, day)] += 1
        changed.append(moved(workout, day))
    return changed


def time_caps_ignored(case: CoachCase) -> list[PlanWorkout] | None:
    """Each week's longest session on a capped day runs half as long again as the cap allows."""
    caps = case.expect.time_caps
    if caps is None:
        return None
    workouts = list(case.golden.content)
    longest: dict[int, int] = {}
    for index, workout in enumerate(workouts):
        if workout.workout_sub_type == "race" or caps.cap_for(workout.day) is None:
            continue
        if workout.week not in longest or minutes_of(workout) > minutes_of(workouts[longest[workout.week]]):
            longest[workout.week] = index
    for index in longest.values():
        workout = workouts[index]
        cap = caps.cap_for(workout.day) or 0
        workouts[index] = rewritten(workout, case.expect.language, minutes=max(minutes_of(workout), cap) * 1.5)
    return workouts


def hours_ignored(case: CoachCase) -> list[PlanWorkout] | None:
    """Weekly hours far outside the athlete's range: 60 % above its maximum (or half its minimum)."""
    hours = case.expect.hours_per_week
    totals = _week_minutes(case.golden.content)
    if hours is None or not totals:
        return None
    peak = max(totals.values()) / 60
    factor = 1.6 * hours.max / peak if hours.max is not None else 0.5
    return [
        w if w.workout_sub_type == "race" else rewritten(w, case.expect.language, minutes=minutes_of(w) * factor)
        for w in case.golden.content
    ]


def novice_overload(case: CoachCase) -> list[PlanWorkout] | None:
    """A beginner (or someone who never ran) given 14 h of running a week: five 2-hour runs and a 4-hour one."""
    volume = case.expect.current_volume
    if case.request.level != "beginner" and not (volume is not None and volume.never_trained):
        return None
    template = next((w for w in case.golden.content if w.workout_type == "run"), None)
    if template is None:
        return None
    language, last = case.expect.language, _race_week(case)
    changed = [w for w in case.golden.content if w.week >= last]
    for week in range(1, min(last, case.request.weeks + 1)):
        for day in WEEKDAYS[:5]:
            changed.append(moved(rewritten(template, language, minutes=120, kind="easy"), day, week))
        changed.append(moved(rewritten(template, language, minutes=240, kind="long"), "Sunday", week))
    return sorted(changed, key=lambda w: (w.week, weekday_index(w.day)))


def no_taper(case: CoachCase) -> list[PlanWorkout] | None:
    """The peak week repeated up to the race: the last two weeks and the race week at full load."""
    race_week = _race_week(case)
    races = _races(case)
    if case.expect.race is None or not races or race_week < 4:
        return None
    totals = _week_minutes(case.golden.content)
    peak_week = max((w for w in totals if w < race_week - 2), key=lambda w: totals[w], default=None)
    if peak_week is None:
        return None
    race_day = weekday_index(case.expect.race.day)
    peak = [w for w in _training(case) if w.week == peak_week]
    changed = [w for w in case.golden.content if w.week < race_week - 2]
    for week in (race_week - 2, race_week - 1):
        changed += [moved(w, w.day, week) for w in peak]
    changed += [moved(w, w.day, race_week) for w in peak if weekday_index(w.day) < race_day]
    return [*changed, *(r for r in races if r.week >= race_week - 2)]  # earlier races (a B race) are kept above


def flat_plan(case: CoachCase) -> list[PlanWorkout] | None:
    """The first week repeated every week up to the race: no build, no peak, no taper."""
    race_week = _race_week(case)
    if case.expect.race is None or race_week < 6:
        return None
    race_day = weekday_index(case.expect.race.day)
    first = [w for w in _training(case) if w.week == 1]
    changed = [moved(w, w.day, week) for week in range(1, race_week) for w in first]
    changed += [moved(w, w.day, race_week) for w in first if weekday_index(w.day) < race_day]
    return [*changed, *_races(case)]


SESSIONS_A_DAY_READ: Final = 3
"""The most sessions a draft may write on one day and still be converted."""


def oversized_swims(case: CoachCase) -> list[PlanWorkout] | None:
    """Every swim three times as long (at least 3,000 m), and swum twice that day where the day has room."""
    if not any(w.workout_type == "swim" and w.workout_sub_type != "race" for w in case.golden.content):
        return None
    per_day: dict[tuple[int, Weekday], int] = defaultdict(int)
    for workout in case.golden.content:
        per_day[(workout.week, workout.day)] += 1
    changed: list[PlanWorkout] = []
    for workout in case.golden.content:
        if workout.workout_type == "swim" and workout.workout_sub_type != "race":
            minutes = max(3 * minutes_of(workout), 3000 / SWIM_METERS_PER_MINUTE)
            bigger = rewritten(workout, case.expect.language, minutes=minutes)
            day = (workout.week, workout.day)
            if per_day[day] < SESSIONS_A_DAY_READ:
                per_day[day] += 1
                changed += [bigger, bigger]
            else:
                changed.append(bigger)
        else:
            changed.append(workout)
    return changed


LONGEST_WRITTEN_MINUTES: Final = 690.0
"""The longest session a bad coach writes: 11.5 h, inside the longest a draft may state (12 h for a ride)."""


def _resize_longest(case: CoachCase, factor: float) -> list[PlanWorkout] | None:
    if case.expect.race is None:
        return None
    workouts = list(case.golden.content)
    for index in _longest_per_week_and_sport(workouts, _race_week(case)):
        minutes = min(minutes_of(workouts[index]) * factor, LONGEST_WRITTEN_MINUTES)
        workouts[index] = rewritten(workouts[index], case.expect.language, minutes=minutes)
    return workouts


def _starts_inside_taper(case: CoachCase) -> bool:
    """Whether the plan starts inside the race's longest taper: it holds no build and no peak to cut or spike."""
    race = case.expect.race
    if race is None:
        return False
    known = race_for(race.distance, race.distance_km, race.sport)
    race_day = (race.week - 1) * 7 + weekday_index(race.day)
    return race_day - math.ceil(taper_days(known).max) <= 0


def short_long_sessions(case: CoachCase) -> list[PlanWorkout] | None:
    """No session of a sport longer than 40 % of the golden plan's longest: the plan never goes long.

    Not for a plan that starts inside the taper (race week only): short sessions are what it should hold."""
    if case.expect.race is None or _starts_inside_taper(case):
        return None
    longest: dict[str, float] = defaultdict(float)
    for workout in _training(case):
        longest[workout.workout_type] = max(longest[workout.workout_type], minutes_of(workout))
    return [
        rewritten(w, case.expect.language, minutes=0.4 * longest[w.workout_type])
        if w.workout_sub_type != "race"
        and w.workout_type != "strength"
        and minutes_of(w) > 0.4 * longest[w.workout_type]
        else w
        for w in case.golden.content
    ]


def long_sessions_too_long(case: CoachCase) -> list[PlanWorkout] | None:
    """Each week's longest session of each sport doubled."""
    return _resize_longest(case, 2.0)


def every_session_hard(case: CoachCase) -> list[PlanWorkout] | None:
    """Every run, ride and swim an interval session of the same length."""
    language = case.expect.language
    return [
        rewritten(w, language, kind="intervals")
        if w.workout_type in {"run", "bike", "swim"} and w.workout_sub_type != "race"
        else w
        for w in case.golden.content
    ]


def back_to_back_ignored(case: CoachCase) -> list[PlanWorkout] | None:
    """Sessions of a sport that must not be on consecutive days put on consecutive days, every week."""
    sports = set(case.expect.no_back_to_back)
    if not sports:
        return None
    workouts = list(case.golden.content)
    for week in range(1, _race_week(case)):
        for sport in sports:
            indexes = [i for i, w in enumerate(workouts) if w.week == week and w.workout_type == sport
                       and w.workout_sub_type != "race"]  # fmt: skip
            if len(indexes) < 2:
                continue
            first = workouts[indexes[0]]
            after = weekday_after(first.day, 1)
            if after is not None:
                workouts[indexes[1]] = moved(workouts[indexes[1]], after)
    return workouts


def long_day_ignored(case: CoachCase) -> list[PlanWorkout] | None:
    """Each week's long session of a sport moved off the day the athlete named for it."""
    long_days = case.expect.long_session_day
    if not long_days:
        return None
    workouts = list(case.golden.content)
    for index in _longest_per_week_and_sport(workouts, _race_week(case)):
        workout = workouts[index]
        day = long_days.get(workout.workout_type)
        if day is not None and workout.day == day:
            workouts[index] = moved(workout, weekday_after(day, -1) or weekday_after(day, 1) or day)
    return workouts


def race_day_wrong(case: CoachCase) -> list[PlanWorkout] | None:
    """The race a day early (a day late when it falls on a Monday)."""
    race = case.expect.race
    if race is None:
        return None
    day = weekday_after(race.day, -1) or weekday_after(race.day, 1) or race.day
    # The race and that day's sessions change places: the race a day early, the shake-out on race day.
    return [
        moved(w, day)
        if w.workout_sub_type == "race" and w.week == race.week and w.day == race.day
        else moved(w, race.day)
        if w.week == race.week and w.day == day
        else w
        for w in case.golden.content
    ]


def training_after_race(case: CoachCase) -> list[PlanWorkout] | None:
    """An easy 45-minute session of the race's sport the day after the race."""
    race = case.expect.race
    races = _races(case)
    if race is None or not races:
        return None
    after = weekday_after(race.day, 1)
    week = race.week if after is not None else race.week + 1
    if week > case.request.weeks:
        return None  # the plan ends with the race: a session after it would need a week the request has not
    sport: WorkoutType = races[-1].workout_type
    extra = rewritten(
        moved(races[-1], after or "Monday", week), case.expect.language, minutes=45, sport=sport, kind="easy"
    )
    return [*case.golden.content, extra]


def spike(case: CoachCase) -> list[PlanWorkout] | None:
    """One run in the middle of the plan two and a half times the longest before it.

    A run, as the spike rule's source measured it (runners, Frandsen 2025): a ride or a swim twice as long as the
    week before is no flaw any source names."""
    race_week = _race_week(case)
    if race_week < 5:
        return None
    workouts = list(case.golden.content)
    week = race_week // 2 + 1
    middle = [
        i
        for i in _longest_per_week_and_sport(workouts, race_week)
        if workouts[i].week == week and workouts[i].workout_type == "run"
    ]
    if not middle:
        return None
    index = max(middle, key=lambda i: minutes_of(workouts[i]))
    minutes = min(minutes_of(workouts[index]) * 2.5, LONGEST_WRITTEN_MINUTES)
    # Written as a long run: the longest run of a novice's week may be a run/walk read as intervals, and an
    # "Intervals 88 min" is no run a reader takes for the week's long one.
    workouts[index] = rewritten(workouts[index], case.expect.language, minutes=minutes, kind="long")
    return workouts


def principle_ignored(case: CoachCase) -> list[PlanWorkout] | None:
    """Polarized asked, threshold given (every easy session at tempo); 3:1 asked, no step-back week."""
    principle = set(case.expect.principle)
    language = case.expect.language
    if "polarized" in principle:
        return [
            rewritten(w, language, kind="tempo") if kind_of(w) == "easy" and w.workout_type in {"run", "bike"}
            and w.workout_sub_type not in {"race", "recovery-run", "recovery-ride"} else w
            for w in case.golden.content
        ]  # fmt: skip
    if principle & {"3:1-loading", "2:1-loading"}:
        return _no_step_back(case)
    return None


def _no_step_back(case: CoachCase) -> list[PlanWorkout]:
    """Every week before the taper at least 5 % above the one before it."""
    workouts = list(case.golden.content)
    totals = _week_minutes(workouts)
    last = _race_week(case) - 2
    previous = totals.get(1, 0.0)
    for week in range(2, last):
        now = totals.get(week, 0.0)
        if previous and now < previous * 1.05:
            factor = previous * 1.05 / now if now else 1.0
            workouts = [
                rewritten(w, case.expect.language, minutes=minutes_of(w) * factor)
                if w.week == week and w.workout_sub_type != "race" else w
                for w in workouts
            ]  # fmt: skip
            now = previous * 1.05
        previous = now
    return workouts
