"""How hard: quality sessions a week by level, the easy share, the polarized model, Daniels' quality caps.

Sources:
- Quality sessions a week (Q16 notes, from Higdon's and Pfitzinger's programmes): beginner 0–1 (strides, fartlek,
  hills), intermediate 1–2, advanced 2 plus quality inside the long run.
- Low-intensity share (Q1): Seiler 2010, Int J Sports Physiol Perform 5:276 ("What is best practice for training
  intensity and duration distribution in endurance athletes?"): about 80 % of sessions below the first lactate
  threshold (< 2 mM) and about 20 % high; Seiler & Tønnessen 2009 (sportsci.org): elites at least 80 % below LT;
  a plan below 75 % earns a warning.
- Polarized model: Muñoz, Seiler et al. 2014 (Int J Sports Physiol Perform): recreational 10K runners on a polarized
  plan trained 77 / 3 / 20 % low / threshold / high; Sperlich et al. 2023 (Front Sports Act Living): runners keep
  their threshold zone under 12 %. So "polarized" means almost no threshold work.
- Quality-volume caps (Q6): Daniels' Running Formula (2021 ed.): threshold running at most 10 % of the week's
  running; one interval (I) session at most 10 km or 8 % of the week, whichever is less; one repetition (R)
  session at most 8 km or 5 %.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from planforge.coaching.band import Band
from planforge.domain.vocabulary import Level

QUALITY_SESSIONS_PER_WEEK: Final[Mapping[Level, Band]] = {
    "beginner": Band(0, 1),
    "intermediate": Band(1, 2),
    "advanced": Band(2, 2),
}
"""Quality (moderate or high intensity) sessions a week at each level."""

BEGINNER_QUALITY_KINDS: Final[tuple[str, ...]] = ("strides", "fartlek", "hills")
"""The quality a beginner's plan holds, when it holds any: short, self-paced efforts rather than intervals."""

LOW_INTENSITY_SHARE_TARGET: Final = 0.80
"""The share of sessions (or time) at low intensity a plan aims for (Seiler 2010)."""

LOW_INTENSITY_SHARE_FLOOR: Final = 0.75
"""Below this share of low-intensity sessions (or time) a plan earns a warning (Q1)."""


@dataclass(frozen=True)
class IntensityDistribution:
    """Shares of sessions (or time) in the three intensity zones: low (below LT1), threshold, high (above LT2)."""

    low_share_min: float
    """At least this share at low intensity."""
    threshold_share_max: float
    """At most this share at threshold or tempo."""
    high_share: Band
    """The share at high intensity (intervals, repetitions)."""

    def fits(self, *, low: float, threshold: float, high: float) -> bool:
        """Whether a plan whose sessions (or time) split `low` / `threshold` / `high` follows this distribution."""
        return low >= self.low_share_min and threshold <= self.threshold_share_max and self.high_share.contains(high)


POLARIZED: Final = IntensityDistribution(low_share_min=0.75, threshold_share_max=0.10, high_share=Band(0.15, 0.25))
"""What the polarized principle means: at least 75 % low, almost no threshold (at most 10 %; Muñoz 2014 measured
3 %, Sperlich 2023 found runners under 12 %), and about 20 % high (Seiler 2010; Muñoz 2014), here 15–25 %."""


@dataclass(frozen=True)
class QualityVolumeCap:
    """The most one kind of quality running may amount to (Daniels)."""

    share_of_week_max: float
    """At most this fraction of the week's running."""
    session_km_max: float | None
    """And, per session, at most this many km (None: the cap is on the week's total only)."""


THRESHOLD_CAP: Final = QualityVolumeCap(share_of_week_max=0.10, session_km_max=None)
"""Threshold (T) running: at most 10 % of the week, all T sessions together."""

INTERVAL_CAP: Final = QualityVolumeCap(share_of_week_max=0.08, session_km_max=10)
"""One interval (I) session: at most 10 km or 8 % of the week, whichever is less."""

REPETITION_CAP: Final = QualityVolumeCap(share_of_week_max=0.05, session_km_max=8)
"""One repetition (R) session: at most 8 km or 5 % of the week, whichever is less."""
