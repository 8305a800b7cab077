"""A never-runner's first weeks: run/walk building to continuous running, as NHS Couch to 5K does.

The bouts follow the knowledge's onset (`NOVICE_ONSET`): week 1 alternates 60 s of running with 90 s of walking,
the longest bout grows week by week, and from the week the programme reaches 20 minutes the runs are continuous,
never longer than that week's longest run. Each run/walk session starts with a 5-minute brisk walk, counted in its
minutes.
"""

from __future__ import annotations

from typing import Final

from planforge.coaching import NOVICE_ONSET
from planforge.offline.engine.sessions import RunWalk, Session

_CONTINUOUS_FROM_MINUTES: Final = 20
_WALK_SECONDS: Final[dict[int, int]] = {1: 90, 2: 120, 3: 90, 4: 120}
_SET_MINUTES: Final = 20


def novice_run(week: int, minutes: float) -> Session | None:
    """A never-runner's run in plan week `week` sized about `minutes`; None once the onset is over."""
    if week > NOVICE_ONSET.weeks:
        return None
    bout = NOVICE_ONSET.longest_run_minutes_by_week[week - 1]
    warm_up = int(NOVICE_ONSET.warm_up_walk_minutes)
    if bout >= _CONTINUOUS_FROM_MINUTES:
        return Session("easy-run", int(min(bout, max(minutes, 15)) // 1), locked=True)
    run_seconds = round(bout * 60)
    walk_seconds = _WALK_SECONDS.get(week, 90)
    reps = max(2, round(_SET_MINUTES * 60 / (run_seconds + walk_seconds)))
    total = warm_up + -(-reps * (run_seconds + walk_seconds) // 60)
    return Session("run-walk", int(total), run_walk=RunWalk(reps, run_seconds, walk_seconds), locked=True)


_AFTER_ONSET_GROWTH: Final = 1.2
"""Up to +20 % a week after the onset (a warning above 10 %, no more than the knowledge's +30 % fail line)."""


def after_onset(week: int) -> float:
    """The longest run of a former never-runner in plan week `week`, after the onset: its last run, +10 % a week."""
    last = NOVICE_ONSET.longest_run_minutes_by_week[-1]
    return last * _AFTER_ONSET_GROWTH ** max(0, week - NOVICE_ONSET.weeks)
