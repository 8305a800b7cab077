from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planforge.library import LibraryIndex, LibraryWorkout, MatchQuery
from planforge.library.matching import (
    DISTANCE_WEIGHT,
    DURATION_WEIGHT,
    SUB_TYPE_WEIGHT,
    TEXT_WEIGHT,
    closeness,
)
from planforge.library.text import normalize_text, similarity

from .conftest import workout

LIBRARY = [
    workout("easy-40", "Easy Run 40 min", target_duration_in_seconds=2400),
    workout("easy-60", "Easy Run 60 min", target_duration_in_seconds=3600),
    workout("tempo-30", "Tempo Run 30 min", workout_sub_type="tempo-run", target_duration_in_seconds=1800),
    workout("tempo-45", "Tempo Run 45 min", workout_sub_type="tempo-run", target_duration_in_seconds=2700),
    workout("ivl-800", "6 x 800m Intervals", workout_sub_type="interval-run", target_distance_in_meters=4800),
    workout("ivl-400", "12 x 400m Intervals", workout_sub_type="interval-run", target_distance_in_meters=4800),
    workout("long-20k", "Long Run 20 km", workout_sub_type="long-run", target_distance_in_meters=20_000),
    workout("ride-60", "Easy Run 40 min", workout_type="bike", workout_sub_type="endurance-ride"),
    workout(
        "swim-drills",
        "Technique Session",
        workout_type="swim",
        workout_sub_type="technique-swim",
        workout_description="Catch-up drill, fingertip drag and kick sets",
    ),
]


@pytest.mark.parametrize(
    ("query", "expected_ids"),
    [
        pytest.param(MatchQuery("Easy Run 40 min", "run", "easy-run", 2400), ["easy-40", "easy-60"], id="exact name"),
        pytest.param(MatchQuery("40 minutes easy run", "run"), ["easy-40"], id="word order and unit words"),
        pytest.param(
            MatchQuery("Tempo Run", "run", "tempo-run", 2700), ["tempo-45", "tempo-30"], id="duration decides"
        ),
        pytest.param(MatchQuery("6x800m intervals", "run", "interval-run"), ["ivl-800", "ivl-400"], id="repeats"),
        pytest.param(
            MatchQuery("Run", "run", "long-run", distance_meters=21_000), ["long-20k"], id="sub-type + distance"
        ),
        pytest.param(MatchQuery("kick sets and catch-up drill", "swim"), ["swim-drills"], id="description text"),
    ],
)
def test_ranking(query: MatchQuery, expected_ids: list[str]) -> None:
    found = [match.workout.id for match in LibraryIndex(LIBRARY).search(query, limit=len(expected_ids))]
    assert found == expected_ids


def test_type_is_a_hard_filter() -> None:
    index = LibraryIndex(LIBRARY)
    matches = index.search(MatchQuery("Easy Run 40 min", "bike"), limit=10)
    assert [match.workout.id for match in matches] == ["ride-60"]
    assert index.search(MatchQuery("Easy Run 40 min", "hike")) == []
    assert index.best(MatchQuery("Easy Run 40 min", "hike")) is None


def test_perfect_match_scores_100_with_its_parts() -> None:
    best = LibraryIndex(LIBRARY).best(MatchQuery("Tempo Run 30 min", "run", "tempo-run", 1800))
    assert best is not None
    assert (best.workout.id, best.score, best.text_score, best.sub_type_score, best.duration_score) == (
        "tempo-30",
        100.0,
        100.0,
        100.0,
        100.0,
    )
    assert best.distance_score == 0.0  # the query sets no distance: not part of the score


def test_other_sub_type_scores_lower_but_still_matches() -> None:
    matches = LibraryIndex(LIBRARY).search(MatchQuery("Tempo Run 30 min", "run", "easy-run"), limit=10)
    tempo = next(match for match in matches if match.workout.id == "tempo-30")
    assert tempo.sub_type_score == 0.0
    assert tempo.score == pytest.approx(TEXT_WEIGHT * 100 / (TEXT_WEIGHT + SUB_TYPE_WEIGHT), abs=0.01)


def test_ties_are_broken_by_id_whatever_the_library_order() -> None:
    twins = [workout(f"twin-{n}", "Easy Run 40 min", target_duration_in_seconds=2400) for n in (3, 1, 2)]
    query = MatchQuery("easy run", "run", "easy-run", 2400)
    for library in (twins, twins[::-1]):
        assert [m.workout.id for m in LibraryIndex(library).search(query)] == ["twin-1", "twin-2", "twin-3"]


def test_empty_text_ranks_on_structure() -> None:
    best = LibraryIndex(LIBRARY).best(MatchQuery("", "run", "tempo-run", 2700))
    assert best is not None
    assert (best.workout.id, best.text_score, best.score) == ("tempo-45", 0.0, 100.0)


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="limit must be at least 1"):
        LibraryIndex(LIBRARY).search(MatchQuery("x", "run"), limit=0)


@pytest.mark.parametrize(
    ("wanted", "actual", "expected"),
    [(1800, 1800, 100.0), (1800, 2400, 50.0), (2400, 1800, 50.0), (1000, 500, 0.0), (1000, 100, 0.0), (60, None, 0.0)],
)
def test_closeness(wanted: float, actual: float | None, expected: float) -> None:
    assert closeness(wanted, actual) == pytest.approx(expected)


def test_normalize_text() -> None:
    assert normalize_text("Tempo Run 30 minutes") == normalize_text("30min tempo-run") == "30 min run tempo"
    assert normalize_text("6x800m Intervals") == "6 800 interval m x"


def _brute_force(library: list[LibraryWorkout], query: MatchQuery, limit: int) -> list[tuple[str, float]]:
    """The documented formula applied to every workout of the type, without any index."""
    query_text = normalize_text(query.text)
    scored: list[tuple[float, float, str]] = []
    for candidate in library:
        if candidate.workout_type != query.workout_type:
            continue
        parts = [(0.0, 0.0)]
        text = 0.0
        if query_text:
            text = max(
                similarity(query_text, normalize_text(candidate.workout_name)),
                similarity(query_text, normalize_text(candidate.workout_description)),
            )
            parts.append((TEXT_WEIGHT, text))
        if query.workout_sub_type is not None:
            parts.append((SUB_TYPE_WEIGHT, 100.0 if candidate.workout_sub_type == query.workout_sub_type else 0.0))
        if query.duration_seconds is not None:
            parts.append((DURATION_WEIGHT, closeness(query.duration_seconds, candidate.target_duration_in_seconds)))
        if query.distance_meters is not None:
            parts.append((DISTANCE_WEIGHT, closeness(query.distance_meters, candidate.target_distance_in_meters)))
        total = sum(weight for weight, _ in parts)
        score = sum(weight * value for weight, value in parts) / total if total else 0.0
        scored.append((-score, -text, candidate.id))
    return [(workout_id, round(-score, 2)) for score, _text, workout_id in sorted(scored)[:limit]]


NAMES = ["Easy Run", "Tempo Run", "Long Run", "Intervals", "Hill Repeats", "Recovery Jog", "Fartlek"]
library_workouts = st.builds(
    lambda n, name, minutes, sub_type, km: workout(
        f"w{n}",
        f"{name} {minutes} min",
        workout_sub_type=sub_type,
        target_duration_in_seconds=minutes * 60,
        target_distance_in_meters=km * 1000 if km else None,
    ),
    st.integers(0, 10_000),
    st.sampled_from(NAMES),
    st.integers(20, 120),
    st.sampled_from(["easy-run", "tempo-run", "long-run", "interval-run"]),
    st.integers(0, 25),
)
queries = st.builds(
    MatchQuery,
    st.sampled_from([*NAMES, "", "easy 40 minutes", "6 x 800m"]),
    st.just("run"),
    st.sampled_from([None, "easy-run", "tempo-run"]),
    st.one_of(st.none(), st.integers(600, 7200)),
    st.one_of(st.none(), st.floats(1000, 30_000)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(library_workouts, max_size=25, unique_by=lambda w: w.id), queries, st.integers(1, 6))
def test_index_agrees_with_the_documented_formula(library: list[LibraryWorkout], query: MatchQuery, limit: int) -> None:
    # With fewer distinct texts than the shortlist size, the shortlist and the early stop must lose nothing.
    found = [(match.workout.id, match.score) for match in LibraryIndex(library).search(query, limit=limit)]
    assert found == _brute_force(library, query, limit)
