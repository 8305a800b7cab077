"""Deterministic matching of a planned session against an org's workout library, on rapidfuzz.

How a library workout scores against a `MatchQuery` (every part is 0..100):

- **type** is a hard filter: only workouts of the query's `workout_type` are candidates.
- **text** (weight 60): rapidfuzz `ratio` between the query text and the workout's name, and between the
  query text and its description; the better of the two counts. Texts are preprocessed once: case-folded,
  unit words unified ("minutes" → "min", "800m" → "800 m"), punctuation dropped, tokens sorted, so word
  order does not matter ("Run Tempo" = "Tempo Run").
- **sub-type** (weight 20): 100 when the workout's sub-type is the query's, else 0.
- **duration** and **distance** (weight 10 each): 100 when equal, falling linearly to 0 at a 50 % relative
  difference; 0 when the workout has no value to compare.

The score is the weighted mean of the parts the query sets (text always; sub-type, duration and distance
only when given), so 100 means a perfect match whatever the query leaves open. A part the query leaves
unset is reported as 0 and does not count. Ties are broken by text score, then by workout id, so equal
inputs always give the same ranking. Whether a score is good enough is the caller's threshold.

Speed: for each query, rapidfuzz's `process.extract` shortlists the closest distinct names and
descriptions, both among all workouts of the type and among those of the query's sub-type, and only the
workouts carrying a shortlisted text are scored in full. Libraries repeat names ("Easy Run 40 min"), so
texts are indexed once per distinct value.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from planforge.domain.vocabulary import WorkoutSubType, WorkoutType
from planforge.library.models import LibraryWorkout
from planforge.library.text import TextIndex, normalize_text, similarity

TEXT_WEIGHT: Final = 60.0
SUB_TYPE_WEIGHT: Final = 20.0
DURATION_WEIGHT: Final = 10.0
DISTANCE_WEIGHT: Final = 10.0
CLOSENESS_ZERO_AT: Final = 0.5
"""Relative difference (|a - b| / max(a, b)) at which duration or distance closeness reaches 0."""
SHORTLIST_SIZE: Final = 32
"""Distinct texts shortlisted per text index and query, before the full scoring."""


@dataclass(frozen=True)
class MatchQuery:
    """What a planned session asks of the library."""

    text: str
    """Name or description text of the session."""
    workout_type: WorkoutType
    """Hard filter: only workouts of this type match."""
    workout_sub_type: WorkoutSubType | None = None
    """Preferred sub-type; workouts of another sub-type still match, with a lower score."""
    duration_seconds: int | None = None
    """Planned duration, if the session has one."""
    distance_meters: float | None = None
    """Planned distance, if the session has one."""


@dataclass(frozen=True)
class LibraryMatch:
    """A library workout with its score against a query and the parts the score is made of."""

    workout: LibraryWorkout
    score: float
    """Weighted mean of the parts the query sets, 0..100."""
    text_score: float
    sub_type_score: float
    duration_score: float
    distance_score: float


def closeness(wanted: float, actual: float | None) -> float:
    """100 when equal, falling linearly to 0 at a CLOSENESS_ZERO_AT relative difference; 0 when unknown."""
    if actual is None:
        return 0.0
    if max(wanted, actual) <= 0:
        return 100.0 if wanted == actual else 0.0
    relative = abs(wanted - actual) / max(wanted, actual)
    return max(0.0, 100.0 * (1.0 - relative / CLOSENESS_ZERO_AT))


@dataclass(frozen=True)
class _Profile:
    """Workouts that score alike against any query: same texts, sub-type, duration and distance."""

    name: str
    description: str
    sub_type: str
    duration: int | None
    distance: float | None
    members: list[int] = field(default_factory=list[int])
    """Positions of its workouts in the index, in workout-id order (the tie-break order)."""


class _Bucket:
    """The profiles of one workout type, with text indexes over all of them and per sub-type."""

    def __init__(self) -> None:
        self.profile_ids: list[int] = []
        self._names = TextIndex()
        self._descriptions = TextIndex()
        self._by_sub_type: dict[str, tuple[TextIndex, TextIndex]] = {}

    def add(self, profile_id: int, profile: _Profile) -> None:
        self.profile_ids.append(profile_id)
        sub_type_indexes = self._by_sub_type.setdefault(profile.sub_type, (TextIndex(), TextIndex()))
        for names, descriptions in ((self._names, self._descriptions), sub_type_indexes):
            names.add(profile.name, profile_id)
            descriptions.add(profile.description, profile_id)

    def shortlist(self, query_text: str, sub_type: str | None) -> list[tuple[float, list[int]]]:
        """Shortlisted (text similarity, profile ids) from every index, best first."""
        indexes = [self._names, self._descriptions, *self._by_sub_type.get(sub_type or "", ())]
        entries = [entry for index in indexes for entry in index.shortlist(query_text, SHORTLIST_SIZE)]
        entries.sort(key=lambda entry: -entry[0])
        return entries


@dataclass(frozen=True)
class _Parts:
    score: float
    text: float
    sub_type: float
    duration: float
    distance: float


class _Scorer:
    """Scores profiles against one query, computing each distinct text's similarity once."""

    def __init__(self, query: MatchQuery) -> None:
        self.query = query
        self.query_text = normalize_text(query.text)
        self._similarities: dict[str, float] = {}
        self._other_weight = (
            (SUB_TYPE_WEIGHT if query.workout_sub_type is not None else 0.0)
            + (DURATION_WEIGHT if query.duration_seconds is not None else 0.0)
            + (DISTANCE_WEIGHT if query.distance_meters is not None else 0.0)
        )
        self._total_weight = self._other_weight + (TEXT_WEIGHT if self.query_text else 0.0)

    def upper_bound(self, text_score: float) -> float:
        """The best score a profile whose texts are at most `text_score` similar can reach."""
        if not self._total_weight:
            return 0.0
        return (TEXT_WEIGHT * text_score + 100.0 * self._other_weight) / self._total_weight

    def _similarity(self, text: str) -> float:
        found = self._similarities.get(text)
        if found is None:
            found = self._similarities[text] = similarity(self.query_text, text)
        return found

    def score(self, profile: _Profile) -> _Parts:
        query = self.query
        text = max(self._similarity(profile.name), self._similarity(profile.description)) if self.query_text else 0.0
        sub_type = 100.0 if query.workout_sub_type is not None and profile.sub_type == query.workout_sub_type else 0.0
        duration = closeness(query.duration_seconds, profile.duration) if query.duration_seconds is not None else 0.0
        distance = closeness(query.distance_meters, profile.distance) if query.distance_meters is not None else 0.0
        weighted = TEXT_WEIGHT * text + SUB_TYPE_WEIGHT * sub_type + DURATION_WEIGHT * duration
        weighted += DISTANCE_WEIGHT * distance
        return _Parts(weighted / self._total_weight if self._total_weight else 0.0, text, sub_type, duration, distance)


class _Ranking:
    """The best `limit` (parts, workout) pairs seen so far, in rank order: score, then text score, then id."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._entries: list[tuple[tuple[float, float, str], _Parts, LibraryWorkout]] = []

    def full(self) -> bool:
        return len(self._entries) >= self._limit

    def worst_score(self) -> float:
        return self._entries[-1][1].score

    def offer(self, parts: _Parts, workout: LibraryWorkout) -> bool:
        """Keep the pair if it ranks among the best so far; False when it does not."""
        key = (-parts.score, -parts.text, workout.id)
        if self.full() and key >= self._entries[-1][0]:
            return False
        bisect.insort(self._entries, (key, parts, workout), key=lambda entry: entry[0])
        del self._entries[self._limit :]
        return True

    def matches(self) -> list[LibraryMatch]:
        return [
            LibraryMatch(
                workout=workout,
                score=round(parts.score, 2),
                text_score=round(parts.text, 2),
                sub_type_score=parts.sub_type,
                duration_score=round(parts.duration, 2),
                distance_score=round(parts.distance, 2),
            )
            for _key, parts, workout in self._entries
        ]


class LibraryIndex:
    """An immutable search index over one org's library; build it once per library version."""

    def __init__(self, workouts: Sequence[LibraryWorkout]) -> None:
        """Preprocess every workout's texts once and group the workouts by type, sub-type and profile."""
        self._workouts = list(workouts)
        self._profiles: list[_Profile] = []
        self._buckets: dict[str, _Bucket] = {}
        profile_ids: dict[tuple[object, ...], int] = {}
        for position in sorted(range(len(self._workouts)), key=lambda p: self._workouts[p].id):
            workout = self._workouts[position]
            profile = _Profile(
                normalize_text(workout.workout_name),
                normalize_text(workout.workout_description),
                workout.workout_sub_type,
                workout.target_duration_in_seconds,
                workout.target_distance_in_meters,
            )
            key = (workout.workout_type, profile.name, profile.description, profile.sub_type)
            key += (profile.duration, profile.distance)
            profile_id = profile_ids.get(key)
            if profile_id is None:
                profile_id = profile_ids[key] = len(self._profiles)
                self._profiles.append(profile)
                self._buckets.setdefault(workout.workout_type, _Bucket()).add(profile_id, profile)
            self._profiles[profile_id].members.append(position)

    def __len__(self) -> int:
        """Number of workouts indexed."""
        return len(self._workouts)

    def search(self, query: MatchQuery, *, limit: int = 5) -> list[LibraryMatch]:
        """Up to `limit` workouts of the query's type, best first (ties: text score, then id)."""
        if limit < 1:
            raise ValueError(f"limit must be at least 1, got {limit}")
        bucket = self._buckets.get(query.workout_type)
        if bucket is None:
            return []
        scorer = _Scorer(query)
        if scorer.query_text:
            entries = bucket.shortlist(scorer.query_text, query.workout_sub_type)
        else:  # nothing to shortlist by: rank every profile of the type on structure alone
            entries = [(0.0, bucket.profile_ids)]
        ranking = _Ranking(limit)
        seen: set[int] = set()
        for text_score, profile_ids in entries:
            if ranking.full() and scorer.upper_bound(text_score) < ranking.worst_score():
                break  # entries come best first: nothing further can enter the ranking
            for profile_id in profile_ids:
                if profile_id in seen:
                    continue
                seen.add(profile_id)
                profile = self._profiles[profile_id]
                parts = scorer.score(profile)
                for position in profile.members:  # id order: once one is rejected, the rest are too
                    if not ranking.offer(parts, self._workouts[position]):
                        break
        return ranking.matches()

    def best(self, query: MatchQuery) -> LibraryMatch | None:
        """The best-scoring workout of the query's type, or None when the library has none of that type."""
        found = self.search(query, limit=1)
        return found[0] if found else None
