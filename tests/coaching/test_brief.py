"""The coaching brief: rendered from the tables for every race and level, and never a long-run share cap."""

from __future__ import annotations

import re
from typing import get_args

import pytest
from inline_snapshot import snapshot

from planforge.coaching import (
    NOVICE_ONSET,
    coaching_brief,
    peak_long_sessions,
    race_for,
    taper_days,
)
from planforge.coaching.brief import format_distance, format_minutes
from planforge.domain.vocabulary import LEVELS, Level, RaceDistance
from tests.coaching.helpers import NEEDS_LENGTH

# A long-run share cap reads like "long run at most 25–30 % of the weekly volume": a line naming a long session, a
# percentage and the week's volume together.
_LONG_RUN_SHARE = re.compile(r"(?=.*\blong)(?=.*%)(?=.*\b(week|weekly|volume|mileage)\b)", re.IGNORECASE)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("distance", get_args(RaceDistance))
def test_every_brief_states_its_peak_sessions_and_taper(distance: RaceDistance, level: Level) -> None:
    distance_km = NEEDS_LENGTH.get(distance)
    race = race_for(distance, distance_km)
    brief = coaching_brief(distance, level, distance_km)
    for peak in peak_long_sessions(race, level):
        if peak.distance_km is not None:
            assert format_distance(peak.distance_km, peak.leg) in brief
        if peak.time_minutes is not None:
            assert format_minutes(peak.time_minutes) in brief
    days = taper_days(race)
    assert f"- Taper: {days.min:g}–{days.max:g} days" in brief


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("distance", [*get_args(RaceDistance), None])
def test_no_brief_caps_the_long_run_share(distance: RaceDistance | None, level: Level) -> None:
    brief = coaching_brief(distance, level, NEEDS_LENGTH.get(distance) if distance else None)
    assert "share" not in brief.lower()
    assert [line for line in brief.splitlines() if _LONG_RUN_SHARE.search(line)] == []


def test_the_share_detector_catches_a_share_cap() -> None:
    assert _LONG_RUN_SHARE.search("- Long run: at most 25–30 % of the weekly volume.")


@pytest.mark.parametrize(
    ("distance", "level", "novice"),
    [
        ("5k", "beginner", True),
        ("marathon", "beginner", True),
        ("sprint-triathlon", "beginner", True),
        (None, "beginner", True),
        ("marathon", "intermediate", False),
        ("sportive", "beginner", False),  # no running in a cycling plan
    ],
)
def test_a_beginner_brief_says_how_a_never_runner_starts(
    distance: RaceDistance | None, level: Level, novice: bool
) -> None:
    brief = coaching_brief(distance, level, NEEDS_LENGTH.get(distance) if distance else None)
    assert ("Couch to 5K" in brief) is novice
    if novice:
        assert f"{NOVICE_ONSET.first_week_run_seconds} s running" in brief


def test_a_general_fitness_brief_has_no_race_figures() -> None:
    brief = coaching_brief(None, "intermediate")
    assert "general fitness" in brief
    assert "Peak" not in brief
    assert "Taper" not in brief


def test_a_race_without_its_length_is_refused() -> None:
    with pytest.raises(ValueError, match="distance_km"):
        coaching_brief("gran-fondo", "advanced")


def test_marathon_beginner_brief() -> None:
    assert coaching_brief("marathon", "beginner") == snapshot("""\
Coaching figures: marathon (42.2 km run), beginner athlete.
- Peak long run: 29–32.2 km or 2 h 50 min to 3 h 30 min, whichever comes first.
- Peak week: 50–95 km of running, about 5–12 h.
- Sessions: 3–4 a week; 0–1 quality sessions a week (strides, fartlek, hills); at least 80 % of sessions easy, never under 75 %.
- Taper: 14–21 days; cut volume by 41–60 %, keep intensity and the number of sessions.
- Race week: 40–60 % of the peak week's volume; last hard session 3–5 days before the race; the day before, rest or at most 40 minutes easy.
- Race-week sessions (race excluded): run at most 2 h 6 min or 19.3 km.
- Build: weekly volume up at most 10 % a week and 30 % over two weeks; a step-back week every 3–4 weeks.
- Single sessions: none more than 10 % longer than the longest session of the same sport in the previous 30 days.
- If the athlete has never run: run/walk, 3 runs a week; week 1 is 60 s running and 90 s walking for 20 minutes after a 5-minute walk; no continuous run over 3 minutes in week 1, building to 30 minutes by week 9 (NHS Couch to 5K).
""")  # noqa: E501 - the brief keeps its own lines
