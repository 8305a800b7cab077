"""Library rules of a plan, enforced deterministically on every converted chunk.

Under `prefer_existing` a session whose best library match scores at least the threshold, and is within 12 % of its
size, becomes that library workout; the rest stay generated. Under `strict_existing` every session becomes a library
workout — the one the model named, or the best match at or above the threshold — and a session with no acceptable
match is dropped and reported as a `library_gap` warning: never an invented workout. A library id the model made
up is sent back to it. Whatever the model answers, a strict plan holds only library workouts and the race.

The race is the athlete's event, not a workout to pick from a library: it is never swapped for a library workout
nor dropped, under either preference (a library "Race: 10K" is no substitute for the half marathon the athlete
entered).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final

from planforge.domain.plan import PlanWarning, Workout
from planforge.domain.vocabulary import WorkoutPreference
from planforge.domain.workout_names import english_name, in_another_language
from planforge.library.matching import CLOSENESS_ZERO_AT, LibraryIndex, LibraryMatch, MatchQuery
from planforge.library.models import LibraryWorkout
from planforge.quality.measures import is_race, workout_seconds


@dataclass(frozen=True)
class Enforced:
    """A chunk's workouts after the library rules, with what the model must fix and what the coach should know."""

    workouts: list[Workout]
    problems: list[str]
    warnings: list[PlanWarning]


def as_plan_workout(library_workout: LibraryWorkout, session: Workout) -> Workout:
    """The library workout placed on the session's week, day and phase, carrying its library id."""
    fields = library_workout.model_dump(exclude={"id", "tags"})
    return Workout(
        **fields, week=session.week, day=session.day, phase=session.phase, library_workout_id=library_workout.id
    )


def query_for(workout: Workout) -> MatchQuery:
    """What a planned session asks of the library."""
    return MatchQuery(
        text=workout.workout_name,
        workout_type=workout.workout_type,
        workout_sub_type=workout.workout_sub_type,
        duration_seconds=workout.target_duration_in_seconds,
        distance_meters=workout.target_distance_in_meters,
    )


def queries_for(workout: Workout) -> list[MatchQuery]:
    """The queries a session is matched with: as planned, and, for a session given by distance alone, by its time
    at the reference pace ("Long run 12 km" ≈ 72 min): libraries mostly size workouts by time, and a session
    with no comparable measure would match on its words alone, or not at all."""
    planned = query_for(workout)
    named = [planned]
    if in_another_language(workout.workout_name, workout.workout_sub_type):  # "Lockerer Lauf 40 min"
        named.append(replace(planned, text=_english_words(workout)))
    if workout.target_duration_in_seconds is not None or workout.target_distance_in_meters is None:
        return named
    minutes = round(workout_seconds(workout)) or None
    return [*named, *(replace(query, duration_seconds=minutes, distance_meters=None) for query in named)]


def _english_words(workout: Workout) -> str:
    """The session as an English name states it ("Easy Run 40 min"): a plan converted from a draft in another
    language matches an English library by what the session is, not only by its own words."""
    name = english_name(workout.workout_sub_type)
    if workout.target_duration_in_seconds:
        return f"{name} {round(workout.target_duration_in_seconds / 60)} min"
    if workout.target_distance_in_meters:
        return f"{name} {workout.target_distance_in_meters / 1000:g} km"
    return name


CANDIDATES: Final = 20
"""How many of a session's best matches are weighed for one that fits its size."""

MAX_SIZE_DIFFERENCE: Final[Mapping[WorkoutPreference, float]] = {"prefer_existing": 0.12, "strict_existing": 0.5}
"""Relative size difference (|a - b| / max(a, b)) from which a library workout no longer stands in for a session.

Under `prefer_existing` the library is used where it fits: a "Fartlek 35 min" for a planned "Fartlek 20 min"
changes the week's load, and a 90-min library long run for a planned 110 min breaks the long run's progression, so
the planned session stays when the library's is more than 12 % off. Under `strict_existing` every session must
become a library workout, so anything short of half or twice the size is accepted."""


def far_in_size(query: MatchQuery, match: LibraryMatch, max_difference: float = CLOSENESS_ZERO_AT) -> bool:
    """Whether the match differs from the session by `max_difference` or more (relative) on a measure both state:
    words alike, it would still change the plan's load (a 45-min run for a 15-min shake-out the day before a
    race), so it is no match at any threshold."""
    workout = match.workout
    return _differs(query.duration_seconds, workout.target_duration_in_seconds, max_difference) or _differs(
        query.distance_meters, workout.target_distance_in_meters, max_difference
    )


def _differs(wanted: float | None, actual: float | None, max_difference: float) -> bool:
    if wanted is None or actual is None or max(wanted, actual) <= 0:
        return False
    return abs(wanted - actual) / max(wanted, actual) >= max_difference


@dataclass(frozen=True)
class LibrarySnapshot:
    """One org's library as it was when a generation started: what its tool searches and its rules enforce."""

    org_id: str
    version: str
    workouts: Mapping[str, LibraryWorkout]
    index: LibraryIndex
    threshold: float
    """Match score (0-100) from which a session takes a library workout."""

    @classmethod
    def build(cls, org_id: str, version: str, workouts: Sequence[LibraryWorkout], threshold: float) -> LibrarySnapshot:
        return cls(org_id, version, {w.id: w for w in workouts}, LibraryIndex(workouts), threshold)

    def search(self, query: MatchQuery, *, limit: int = 5) -> list[LibraryMatch]:
        return self.index.search(query, limit=limit)

    def enforce(self, workouts: Sequence[Workout], preference: WorkoutPreference) -> Enforced:
        """Apply the preference's rules to a chunk's workouts (ai_generate leaves them as they are)."""
        if preference == "ai_generate":
            return Enforced(list(workouts), [], [])
        result = Enforced([], [], [])
        for workout in workouts:
            self._place(workout, preference, result)
        return result

    def _place(self, workout: Workout, preference: WorkoutPreference, result: Enforced) -> None:
        where = f"week {workout.week} {workout.day}"
        if is_race(workout) and (workout.library_workout_id is None or workout.library_workout_id in self.workouts):
            result.workouts.append(workout)  # the athlete's race: kept as planned, whatever the library holds
            return
        if workout.library_workout_id is not None:
            named = self.workouts.get(workout.library_workout_id)
            if named is None:
                result.problems.append(
                    f"{where}: library_workout_id {workout.library_workout_id!r} is not in the org's library;"
                    " use an id that search_library returned, or leave it empty"
                )
            elif named.workout_type != workout.workout_type:
                result.problems.append(
                    f"{where}: library workout {named.id!r} is a {named.workout_type} workout but the session is"
                    f" {workout.workout_type}; pick a {workout.workout_type} workout"
                )
            else:
                result.workouts.append(as_plan_workout(named, workout))
            return
        fitting = self._fitting(workout, MAX_SIZE_DIFFERENCE[preference])
        if fitting is not None and fitting.score >= self.threshold:
            result.workouts.append(as_plan_workout(fitting.workout, workout))
        elif preference == "prefer_existing":
            result.workouts.append(workout)
        else:
            nearest = fitting or self._closest(workout)
            closest = f"; the closest, {nearest.workout.workout_name!r}, scores {nearest.score:.0f}" if nearest else ""
            message = (
                f"no library workout fits {workout.workout_name!r} (threshold {self.threshold:.0f}{closest});"
                " the session is left out"
            )
            result.warnings.append(PlanWarning(code="library_gap", message=message, week=workout.week, day=workout.day))

    def _fitting(self, workout: Workout, max_difference: float) -> LibraryMatch | None:
        """The best-scoring of the session's top matches that fits its size (the best one may not: a library's
        "Long Run 90 min" can outscore its "Long Run 2 h" for a planned 110 min)."""
        fitting = [
            match
            for query in queries_for(workout)
            for match in self.index.search(query, limit=CANDIDATES)
            if not far_in_size(query, match, max_difference)
        ]
        return max(fitting, key=lambda match: match.score, default=None)

    def _closest(self, workout: Workout) -> LibraryMatch | None:
        """The best match whatever its size, named when a strict session finds none that fits."""
        found = [match for query in queries_for(workout) if (match := self.index.best(query)) is not None]
        return max(found, key=lambda match: match.score, default=None)
