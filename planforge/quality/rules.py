"""Deterministic coaching rules over structured workouts (shared/notes/coaching-and-formats.md, section 5).

Each rule is a pure function `(workouts, weeks, race) -> RuleResult` that reports its measured value as well
as pass/warn/fail, so model comparisons stay explainable. Volumes are training time per week with the race
itself left out (a marathon on race day is not training load the taper should have removed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from planforge.domain.plan import Workout
from planforge.domain.vocabulary import weekday_index
from planforge.quality.measures import (
    LONG_SUB_TYPES,
    days_by_week,
    hard_seconds,
    is_hard,
    training,
    weekly_seconds,
    workout_seconds,
)

Status = Literal["pass", "warn", "fail"]


@dataclass(frozen=True)
class RuleResult:
    """The outcome of one coaching rule on one plan."""

    rule: str
    """The rule's name, e.g. "volume_jumps"."""
    status: Status
    """pass, warn or fail."""
    value: float
    """The measured value the status was judged on (a share, a jump, a count)."""
    detail: str
    """What was measured and where, for a person."""


Rule = Callable[[Sequence[Workout], int, bool], RuleResult]

WEEKLY_JUMP_WARN: Final = 0.10
TWO_WEEK_JUMP_FAIL: Final = 0.30
EASY_SHARE_WARN: Final = 0.75
EASY_SHARE_FAIL: Final = 0.65
TAPER_CUT: Final = (0.40, 0.60)
STEP_BACK_DROP: Final = 0.10
MAX_WEEKS_WITHOUT_STEP_BACK: Final = 4


def _status(*, fail: bool, warn: bool) -> Status:
    return "fail" if fail else "warn" if warn else "pass"


def volume_jumps(workouts: Sequence[Workout], weeks: int, race: bool) -> RuleResult:
    """Week-over-week growth of training time: warn above 10%, fail above 30% within two weeks.

    Each week is compared with the higher of the weeks before it (one back and two back), so coming back
    from a step-back week to the previous level is not a jump.
    """
    volume = weekly_seconds(workouts, weeks)
    worst_week, worst_week_at, worst_two, worst_two_at = 0.0, 0, 0.0, 0
    for index in range(1, weeks):
        one_back = max(volume[max(0, index - 2) : index])
        two_back = max(volume[max(0, index - 3) : index - 1] or volume[index - 1 : index])
        # Rounded so that exactly 10% is 10%, not 10.000000000000009%.
        week_jump = round(volume[index] / one_back - 1, 4) if one_back else 0.0
        two_jump = round(volume[index] / two_back - 1, 4) if two_back else 0.0
        if week_jump > worst_week:
            worst_week, worst_week_at = week_jump, index + 1
        if two_jump > worst_two:
            worst_two, worst_two_at = two_jump, index + 1
    detail = (
        f"largest week-over-week increase {worst_week:.0%}"
        + (f" (week {worst_week_at})" if worst_week_at else "")
        + f"; largest over two weeks {worst_two:.0%}"
        + (f" (week {worst_two_at})" if worst_two_at else "")
    )
    status = _status(fail=worst_two > TWO_WEEK_JUMP_FAIL, warn=worst_week > WEEKLY_JUMP_WARN)
    return RuleResult("volume_jumps", status, round(worst_week, 4), detail)


def easy_hard_split(workouts: Sequence[Workout], weeks: int, race: bool) -> RuleResult:
    """Share of training time at low intensity: warn below 75%, fail below 65%."""
    sessions = training(workouts)
    total = sum(workout_seconds(workout) for workout in sessions)
    if not total:
        return RuleResult("easy_hard_split", "pass", 1.0, "no training time to split")
    share = 1 - sum(hard_seconds(workout) for workout in sessions) / total
    hard_count = sum(is_hard(workout) for workout in sessions)
    detail = f"{share:.0%} of training time easy; {hard_count} of {len(sessions)} sessions are quality sessions"
    return RuleResult(
        "easy_hard_split", _status(fail=share < EASY_SHARE_FAIL, warn=share < EASY_SHARE_WARN), round(share, 4), detail
    )


def long_run_share(workouts: Sequence[Workout], weeks: int, race: bool) -> RuleResult:
    """The largest share of a week's training time in its long session: information, never a warning or a failure.

    The notes (Q5) withdrew the "25–30 % of the week" cap: it holds only for runners well above ~60 km a week;
    low-volume and long-race plans are rightly far above it (Higdon Novice 1: a 20-mile long run in a ~40-mile
    week, about 50 %). The peak long session is judged against the published peaks instead (dataset v2's
    `peak_long`), and single-session spikes against the previous 30 days.
    """
    volume = weekly_seconds(workouts, weeks)
    worst, worst_week = 0.0, 0
    for workout in workouts:
        if workout.workout_sub_type in LONG_SUB_TYPES and 1 <= workout.week <= weeks and volume[workout.week - 1]:
            share = workout_seconds(workout) / volume[workout.week - 1]
            if share > worst:
                worst, worst_week = share, workout.week
    detail = f"largest long-session share of a week: {worst:.0%}" + (f" (week {worst_week})" if worst_week else "")
    return RuleResult("long_run_share", "pass", round(worst, 4), detail + "; information only")


def rest_days(workouts: Sequence[Workout], weeks: int, race: bool) -> RuleResult:
    """At least one day without any workout in every week; fail otherwise."""
    used = days_by_week(workouts)
    rest_by_week = {week: 7 - len(used.get(week, set())) for week in range(1, weeks + 1)}
    fewest = min(rest_by_week.values(), default=7)
    without = [week for week, rest in rest_by_week.items() if rest == 0]
    detail = f"fewest rest days in a week: {fewest}" + (
        f"; no rest day in week(s) {', '.join(map(str, without))}" if without else ""
    )
    return RuleResult("rest_days", "fail" if without else "pass", float(fewest), detail)


def taper(workouts: Sequence[Workout], weeks: int, race: bool) -> RuleResult:
    """Race plans: the last week's training time 40–60% below the peak week (warn within 25–75%, else fail)."""
    if not race:
        return RuleResult("taper", "pass", 0.0, "no race: no taper needed")
    if weeks < 2:
        return RuleResult("taper", "pass", 0.0, "a one-week plan is all race week: nothing to taper from")
    volume = weekly_seconds(workouts, weeks)
    peak = max(volume[:-1])
    if not peak:
        return RuleResult("taper", "fail", 0.0, "no training before the last week")
    cut = 1 - volume[-1] / peak
    low, high = TAPER_CUT
    status = _status(fail=not 0.25 <= cut <= 0.75, warn=not low <= cut <= high)
    return RuleResult("taper", status, round(cut, 4), f"last week's training time is {cut:.0%} below the peak week")


def step_back_weeks(workouts: Sequence[Workout], weeks: int, race: bool) -> RuleResult:
    """Soft: a reduced week (≥10% below the week before) after at most 4 weeks of building; warn, never fail."""
    volume = weekly_seconds(workouts, weeks)
    longest = streak = 1 if weeks else 0
    for index in range(1, weeks):
        stepped_back = volume[index] <= (1 - STEP_BACK_DROP) * volume[index - 1]
        streak = 0 if stepped_back else streak + 1
        longest = max(longest, streak)
    detail = f"longest stretch without a step-back week: {longest} week(s)"
    return RuleResult("step_back_weeks", "warn" if longest > MAX_WEEKS_WITHOUT_STEP_BACK else "pass", longest, detail)


def hard_day_spacing(workouts: Sequence[Workout], weeks: int, race: bool) -> RuleResult:
    """No two quality days back to back (also across a week boundary): warn once, fail when it recurs."""
    hard_days = sorted(
        {(workout.week - 1) * 7 + weekday_index(workout.day) for workout in workouts if is_hard(workout)}
    )
    pairs = [day for day in hard_days if day - 1 in hard_days]
    where = ", ".join(f"week {day // 7 + 1} day {day % 7 + 1}" for day in pairs[:5])
    detail = f"{len(pairs)} back-to-back quality day(s)" + (f": {where}" if pairs else "")
    return RuleResult("hard_day_spacing", _status(fail=len(pairs) > 1, warn=len(pairs) == 1), float(len(pairs)), detail)


RULES: Final[tuple[Rule, ...]] = (
    volume_jumps,
    easy_hard_split,
    long_run_share,
    rest_days,
    taper,
    step_back_weeks,
    hard_day_spacing,
)


def check_all(workouts: Sequence[Workout], weeks: int, race: bool) -> list[RuleResult]:
    """Every rule, in a fixed order."""
    return [rule(workouts, weeks, race) for rule in RULES]
