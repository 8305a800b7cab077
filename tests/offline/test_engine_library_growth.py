"""A library plan keeps the growth rules although the library's sizes come in steps (a 120-min ride, then a 180):
the offline eval's strict sportive case jumped +36 % in its peak week when the plan's 165-min long ride became the
library's 180 after a month at 120.
"""

from __future__ import annotations

from planforge.domain.requests import DraftRequest
from planforge.evals.paths import load_library, sample_library_path
from planforge.offline.engine import write_plan
from planforge.offline.engine.library import LibraryCatalog, LibraryEntry
from planforge.quality.measures import workout_seconds

SPORTIVE = (
    "100 km sportive on a Sunday in 8 weeks, mostly flat with a couple of short hills. I expect about 4 hours. I can"
    " ride Tuesday and Thursday evenings, one hour max on those days, plus Saturday and Sunday. Long ride on"
    " Saturday. Please build the plan only from our club's workout library."
)


def _sample_catalog() -> LibraryCatalog:
    workouts = load_library(sample_library_path())
    entries = tuple(
        LibraryEntry(w.id, w.workout_type, w.workout_sub_type, (w.target_duration_in_seconds or 0) / 60 or None, None)
        for w in workouts
    )
    return LibraryCatalog("strict_existing", entries)


def test_strict_library_weeks_stay_under_the_two_week_growth_line_and_keep_the_long_ride() -> None:
    request = DraftRequest(weeks=8, level="beginner", org_id="o", additional_prompt=SPORTIVE)
    plan = write_plan(request, "", _sample_catalog())
    minutes = [0.0] * 8
    for workout in plan.workouts:
        if workout.workout_sub_type != "race":
            minutes[workout.week - 1] += workout_seconds(workout) / 60
    for week in range(2, 6):  # build weeks before the taper, against the heaviest of the 4 weeks ending two back
        window = minutes[max(0, week - 5) : week - 1]
        assert minutes[week] < max(window) * 1.3, (week + 1, minutes)
    long_rides = [workout_seconds(w) / 60 for w in plan.workouts if w.workout_sub_type == "long-ride"]
    assert max(long_rides) >= 180  # the library's longest ride: the peak is not given up to keep the line
    assert all(w.library_workout_id for w in plan.workouts if w.workout_sub_type != "race")
