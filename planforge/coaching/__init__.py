"""planforge's coaching knowledge, in one place: read by the evaluators, rendered into the prompts, used by the
offline coach. Every figure is a typed constant or table with its published source in the docstring beside it.

What is where:
- `band`: `Band`, the min–max range every figure takes; units live in the names (`_minutes`, `_km`, `_days`).
- `races`: `race_for(distance, distance_km)` → `Race`: sport, legs in km, the named race whose figures apply.
- `long_sessions`: the peak long session per race, level and leg (`peak_long_sessions`), and how far outside its
  band a session may fall before it is "far too short" or "far too long" (`FAR_OUTSIDE_RATIO`, `fit_in_band`).
- `taper`: taper length per race or peak volume, its shape, race week, the last hard session, the day before.
- `intensity`: quality sessions per level, the low-intensity share, the polarized model, Daniels' quality caps.
- `progression`: weekly growth, step-back weeks and loading patterns, the single-session spike rule.
- `sessions`: swim session sizes, the longest plausible session, race-week session limits, swims a day.
- `volume`: plausible peak-week volume, sessions a week, a novice's first weeks (NHS Couch to 5K).
- `brief`: `coaching_brief(distance, level, distance_km)` and `level_brief(level)` (every common race), the
  figures above as plain-English prompt lines.

Long-run share (long run ÷ weekly volume) is information, never a rule: no cap on it lives here.

Sources (details beside each figure; collected in shared/notes/coaching-and-formats.md):
- Higdon's programmes (halhigdon.com): Novice 1 marathon; 5K, 10K and half-marathon Novice/Intermediate/Advanced.
- Hansons Marathon Method (Humphrey, Hanson & Hanson): the 16-mile beginner peak, long runs capped near 3 h.
- Pfitzinger & Douglas, Advanced Marathoning: 18/55 and 18/70.
- Daniels' Running Formula (2021 ed.): quality-volume caps.
- NHS Couch to 5K (nhs.uk): a never-runner's first nine weeks.
- Bosquet, Montpetit, Arvisais & Mujika 2007, Med Sci Sports Exerc: the taper meta-analysis.
- Frandsen, ..., Nielsen 2025, Br J Sports Med 59:1203: single-session spikes; Nielsen et al. 2014, JOSPT: two-week
  growth in novices; Buist et al. 2008, Am J Sports Med (GRONORUN): the 10 % rule tested.
- Seiler 2010, Int J Sports Physiol Perform; Seiler & Tønnessen 2009; Muñoz, Seiler et al. 2014: intensity.
- The notes' triathlon table (peak sessions and weeks of published plans) and cycling-event guidance.
"""

from planforge.coaching.band import Band
from planforge.coaching.brief import coaching_brief, level_brief
from planforge.coaching.intensity import (
    BEGINNER_QUALITY_KINDS,
    INTERVAL_CAP,
    LOW_INTENSITY_SHARE_FLOOR,
    LOW_INTENSITY_SHARE_TARGET,
    POLARIZED,
    QUALITY_SESSIONS_PER_WEEK,
    REPETITION_CAP,
    THRESHOLD_CAP,
    IntensityDistribution,
    QualityVolumeCap,
)
from planforge.coaching.long_sessions import (
    FAR_OUTSIDE_RATIO,
    LONG_RUN_PACE_MIN_PER_KM,
    LongSessionFit,
    PeakLongSession,
    cycling_long_ride_minutes,
    fit_in_band,
    peak_long_session,
    peak_long_sessions,
)
from planforge.coaching.progression import (
    LOADING_PATTERNS,
    SPIKE_FAIL_ABOVE,
    SPIKE_WARN_ABOVE,
    SPIKE_WINDOW_DAYS,
    STEP_BACK_EVERY_WEEKS,
    TWO_WEEK_GROWTH_FAIL_ABOVE,
    WEEKLY_GROWTH_WARN_ABOVE,
    LoadingPattern,
    Status,
    spike_status,
    weekly_growth_status,
)
from planforge.coaching.races import KM_PER_MILE, Leg, Race, race_for
from planforge.coaching.sessions import (
    MAX_SWIMS_PER_DAY,
    SessionLimit,
    longest_plausible_session,
    race_week_session_limit,
    swim_session_m,
)
from planforge.coaching.taper import (
    DAY_BEFORE_RACE_MAX_MINUTES,
    LAST_HARD_SESSION_DAYS_BEFORE_RACE,
    RACE_WEEK_VOLUME_OF_PEAK,
    TAPER_SHAPE,
    TaperShape,
    day_before_race_max_minutes,
    taper_days,
    taper_days_for_peak_week_km,
)
from planforge.coaching.volume import (
    NOVICE_ONSET,
    SESSIONS_PER_WEEK,
    NoviceOnset,
    WeeklyVolume,
    peak_weekly_volume,
)

__all__ = [
    "BEGINNER_QUALITY_KINDS",
    "DAY_BEFORE_RACE_MAX_MINUTES",
    "FAR_OUTSIDE_RATIO",
    "INTERVAL_CAP",
    "KM_PER_MILE",
    "LAST_HARD_SESSION_DAYS_BEFORE_RACE",
    "LOADING_PATTERNS",
    "LONG_RUN_PACE_MIN_PER_KM",
    "LOW_INTENSITY_SHARE_FLOOR",
    "LOW_INTENSITY_SHARE_TARGET",
    "MAX_SWIMS_PER_DAY",
    "NOVICE_ONSET",
    "POLARIZED",
    "QUALITY_SESSIONS_PER_WEEK",
    "RACE_WEEK_VOLUME_OF_PEAK",
    "REPETITION_CAP",
    "SESSIONS_PER_WEEK",
    "SPIKE_FAIL_ABOVE",
    "SPIKE_WARN_ABOVE",
    "SPIKE_WINDOW_DAYS",
    "STEP_BACK_EVERY_WEEKS",
    "TAPER_SHAPE",
    "THRESHOLD_CAP",
    "TWO_WEEK_GROWTH_FAIL_ABOVE",
    "WEEKLY_GROWTH_WARN_ABOVE",
    "Band",
    "IntensityDistribution",
    "Leg",
    "LoadingPattern",
    "LongSessionFit",
    "NoviceOnset",
    "PeakLongSession",
    "QualityVolumeCap",
    "Race",
    "SessionLimit",
    "Status",
    "TaperShape",
    "WeeklyVolume",
    "coaching_brief",
    "cycling_long_ride_minutes",
    "day_before_race_max_minutes",
    "fit_in_band",
    "level_brief",
    "longest_plausible_session",
    "peak_long_session",
    "peak_long_sessions",
    "peak_weekly_volume",
    "race_for",
    "race_week_session_limit",
    "spike_status",
    "swim_session_m",
    "taper_days",
    "taper_days_for_peak_week_km",
    "weekly_growth_status",
]
