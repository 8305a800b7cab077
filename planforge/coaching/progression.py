"""How load grows: week-over-week growth, step-back weeks and loading patterns, and single-session spikes.

Sources:
- Weekly growth (Q3): the 10 % rule is a convention (level III); Buist et al. 2008 (Am J Sports Med, the GRONORUN
  randomised trial) found no more injuries with a faster build (~24 % a week) than with 10 %; Nielsen et al. 2014
  (J Orthop Sports Phys Ther 44:739, 873 novices) found more distance-related injuries after > 30 % over 2 weeks.
- Step-back weeks (Q9): Higdon Novice 1, "every third week is a step-back week" (2:1); Garmin Coach, 3 hard + 1 easy
  (3:1); CTS/TrainRight: 3:1 is tradition, not physiology, so this is a soft check.
- Single-session spike (Q4): Frandsen, Hulme, Parner, ..., Nielsen 2025, Br J Sports Med 59:1203 ("How much running
  is too much?", 5,205 runners with Garmin data over 18 months): a run more than 10 % longer than the longest run
  of the previous 30 days raised the overuse-injury rate: +10–30 % by 64 %, +30–100 % by 52 %, > +100 % by 128 %.
  The same study found no link between the week-to-week ratio and injury.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from planforge.coaching.band import Band

Status = Literal["pass", "warn", "fail"]
"""The verdict of one check."""

WEEKLY_GROWTH_WARN_ABOVE: Final = 0.10
"""Week-over-week growth of volume above this earns a warning (the 10 % convention)."""

TWO_WEEK_GROWTH_FAIL_ABOVE: Final = 0.30
"""Growth of weekly volume over two weeks above this fails (Nielsen 2014)."""

SPIKE_WINDOW_DAYS: Final = 30
"""A session is compared with the longest session of the same sport in this many previous days."""

SPIKE_WARN_ABOVE: Final = 0.10
"""A session longer than the window's longest by more than this earns a warning: the cohort's reference band ends
here, and every band above it carried a higher injury rate."""

SPIKE_FAIL_ABOVE: Final = 0.30
"""A session longer than the window's longest by more than this fails.

Why +30 % and not +100 % (the band where the rate more than doubled): the +30–100 % band already carried a 52 %
higher rate, no better than +10–30 %, so the data give no safe zone between 30 and 100 %; failing only past +100 %
would pass a long run that jumps from 16 to 30 km. +30 % is also Nielsen 2014's limit over two weeks, and a plan,
unlike a runner on a good day, never needs a bigger step: it sets every session itself. The cohort measured running
distance; bike and swim sessions are judged the same way by analogy, for want of a study of their own."""


@dataclass(frozen=True)
class LoadingPattern:
    """A repeating block of build weeks followed by reduced-volume (step-back) weeks."""

    build_weeks: int
    """Weeks of growing load."""
    step_back_weeks: int
    """Reduced-volume weeks after them."""

    @property
    def cycle_weeks(self) -> int:
        """The length of one block: a step-back week comes every this many weeks."""
        return self.build_weeks + self.step_back_weeks


LOADING_PATTERNS: Final[Mapping[str, LoadingPattern]] = {
    "3:1": LoadingPattern(build_weeks=3, step_back_weeks=1),
    "2:1": LoadingPattern(build_weeks=2, step_back_weeks=1),
}
"""The two published patterns, by their usual names: 3:1 (Garmin Coach, the tradition) and 2:1 (Higdon Novice 1)."""

STEP_BACK_EVERY_WEEKS: Final = Band(
    min(pattern.cycle_weeks for pattern in LOADING_PATTERNS.values()),
    max(pattern.cycle_weeks for pattern in LOADING_PATTERNS.values()),
)
"""A step-back week comes every 3–4 weeks (the cycles of the 2:1 and 3:1 patterns)."""


def growth(current: float, reference: float) -> float:
    """Relative growth of `current` over `reference` (0.25 for 25 % more); ValueError if `reference` is not positive."""
    if reference <= 0:
        raise ValueError(f"growth needs a positive reference, got {reference!r}")
    # Rounded so that exactly 10 % is 10 %, not 10.000000000000009 %.
    return round(current / reference - 1, 6)


def spike_status(session: float, longest_in_window: float | None) -> Status:
    """Judge one session against the longest session of the same sport in the previous `SPIKE_WINDOW_DAYS` days.

    Both in the same unit (km or minutes). Without any session in the window (a plan's first), there is nothing to
    spike from: pass.
    """
    if longest_in_window is None:
        return "pass"
    jump = growth(session, longest_in_window)
    return "fail" if jump > SPIKE_FAIL_ABOVE else "warn" if jump > SPIKE_WARN_ABOVE else "pass"


def weekly_growth_status(week: float, previous_week: float, two_weeks_before: float | None = None) -> Status:
    """Judge one week's volume against the week before (warn above 10 %) and two weeks before (fail above 30 %)."""
    if two_weeks_before is not None and growth(week, two_weeks_before) > TWO_WEEK_GROWTH_FAIL_ABOVE:
        return "fail"
    return "warn" if growth(week, previous_week) > WEEKLY_GROWTH_WARN_ABOVE else "pass"
