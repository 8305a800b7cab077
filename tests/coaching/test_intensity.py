"""Intensity: quality sessions by level, the easy share and what "polarized" admits."""

from __future__ import annotations

from itertools import pairwise

import pytest

from planforge.coaching import (
    INTERVAL_CAP,
    LOW_INTENSITY_SHARE_FLOOR,
    LOW_INTENSITY_SHARE_TARGET,
    POLARIZED,
    QUALITY_SESSIONS_PER_WEEK,
    REPETITION_CAP,
    THRESHOLD_CAP,
    Band,
)
from planforge.domain.vocabulary import LEVELS, Level


@pytest.mark.parametrize(
    ("level", "quality"),
    [("beginner", Band(0, 1)), ("intermediate", Band(1, 2)), ("advanced", Band(2, 2))],
)
def test_quality_sessions_by_level(level: Level, quality: Band) -> None:
    assert QUALITY_SESSIONS_PER_WEEK[level] == quality


def test_quality_never_drops_with_level() -> None:
    for lower, higher in pairwise(QUALITY_SESSIONS_PER_WEEK[level] for level in LEVELS):
        assert lower.min <= higher.min
        assert lower.max <= higher.max


def test_the_easy_share_aims_at_80_and_warns_under_75_percent() -> None:
    assert (LOW_INTENSITY_SHARE_TARGET, LOW_INTENSITY_SHARE_FLOOR) == (0.80, 0.75)


@pytest.mark.parametrize(
    ("low", "threshold", "high", "polarized"),
    [
        (0.77, 0.03, 0.20, True),  # Muñoz 2014's polarized group
        (0.80, 0.00, 0.20, True),  # Seiler's 80/20
        (0.75, 0.15, 0.10, False),  # pyramidal: too much threshold
        (0.60, 0.05, 0.35, False),  # too little easy work
    ],
)
def test_polarized_means_almost_no_threshold(low: float, threshold: float, high: float, polarized: bool) -> None:
    assert POLARIZED.fits(low=low, threshold=threshold, high=high) is polarized


def test_daniels_quality_caps() -> None:
    assert (THRESHOLD_CAP.share_of_week_max, THRESHOLD_CAP.session_km_max) == (0.10, None)
    assert (INTERVAL_CAP.share_of_week_max, INTERVAL_CAP.session_km_max) == (0.08, 10)
    assert (REPETITION_CAP.share_of_week_max, REPETITION_CAP.session_km_max) == (0.05, 8)
