"""A never-runner's first weeks: run/walk building to continuous running, as NHS Couch to 5K does.

The bouts follow the knowledge's onset (`NOVICE_ONSET`): week 1 alternates 60 s of running with 90 s of walking,
the longest bout grows week by week, and from the week the programme reaches 20 minutes the runs are continuous,
never longer than that week's longest run. Each run/walk session starts with a 5-minute brisk walk, counted in its
minutes. A plan with fewer weeks before its race than the programme has skips the programme's repeated weeks (the
second 25-minute week first), so the last week before race week reaches 30 minutes of running; the knowledge lets
a plan be up to two weeks ahead of the programme. A step-back week repeats its bouts with fewer of them, so it is
lighter than the week before; the first continuous week keeps run/walk on its shorter days (NHS week 5: 8-minute
runs, then the first 20 minutes).
"""

from __future__ import annotations

import math
from typing import Final

from planforge.coaching import NOVICE_ONSET
from planforge.coaching.volume import NOVICE_WEEKS_AHEAD_ALLOWED
from planforge.offline.engine.sessions import RunWalk, Session

_CONTINUOUS_FROM_MINUTES: Final = 20
_WALK_SECONDS: Final[dict[int, int]] = {1: 90, 2: 120, 3: 90, 4: 120}
_SET_MINUTES: Final = 20
_BRIDGE: Final = RunWalk(2, 8 * 60, 2 * 60)
"""The shorter runs of the first continuous week: NHS week 5's 2 x 8 minutes, with a shorter walk."""


def onset_bouts(training_weeks: int) -> tuple[float, ...]:
    """The longest continuous run of each onset week for a plan with `training_weeks` weeks before race week."""
    bouts = list(NOVICE_ONSET.longest_run_minutes_by_week)
    skips = min(NOVICE_WEEKS_AHEAD_ALLOWED - 1, max(0, len(bouts) - training_weeks))
    for _ in range(skips):
        repeated = [i for i in range(len(bouts) - 1, 0, -1) if bouts[i] == bouts[i - 1]]
        if not repeated:
            break
        del bouts[repeated[0]]
    return tuple(bouts)


def novice_run(
    week: int, minutes: float, bouts: tuple[float, ...] | None = None, volume: float = 1.0, long: bool = True
) -> Session | None:
    """A never-runner's run in plan week `week` sized about `minutes`; None once the onset is over. `volume` below 1
    (a step-back week) shortens the run/walk set; `long` is the week's longest run."""
    bouts = bouts or NOVICE_ONSET.longest_run_minutes_by_week
    if week > len(bouts):
        return None
    bout = bouts[week - 1]
    warm_up = int(NOVICE_ONSET.warm_up_walk_minutes)
    first_continuous = bout >= _CONTINUOUS_FROM_MINUTES and (week == 1 or bouts[week - 2] < _CONTINUOUS_FROM_MINUTES)
    if first_continuous and not long:
        walk = _BRIDGE
        total = warm_up + walk.reps * (walk.run_seconds + walk.walk_seconds) // 60
        return Session("run-walk", total, run_walk=walk, locked=True)
    if bout >= _CONTINUOUS_FROM_MINUTES:  # every run of the week the programme's continuous run, as NHS weeks 7–9
        return Session("easy-run", int(bout), locked=True)
    run_seconds = round(bout * 60)
    walk_seconds = _WALK_SECONDS.get(week, 90)
    whole = math.ceil if volume >= 1 else round  # a full set in a build week (never shorter than last week's)
    reps = max(2, whole(_SET_MINUTES * min(volume, 1.0) * 60 / (run_seconds + walk_seconds)))
    total = warm_up + -(-reps * (run_seconds + walk_seconds) // 60)
    return Session("run-walk", int(total), run_walk=RunWalk(reps, run_seconds, walk_seconds), locked=True)


_AFTER_ONSET_GROWTH: Final = 1.2
"""Up to +20 % a week after the onset (a warning above 10 %, no more than the knowledge's +30 % fail line)."""


def after_onset(week: int, bouts: tuple[float, ...] | None = None) -> float:
    """The longest run of a former never-runner in plan week `week`, after the onset: its last run, +20 % a week."""
    bouts = bouts or NOVICE_ONSET.longest_run_minutes_by_week
    return bouts[-1] * _AFTER_ONSET_GROWTH ** max(0, week - len(bouts))
