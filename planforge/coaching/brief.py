"""`coaching_brief`: the coaching figures for one race and level, as short plain-English lines for a prompt.

Every figure is rendered from the tables of this package, never typed here, so the prompt and the evaluators read
the same numbers. The brief holds no long-run share cap: the share of the week in the long run is information,
never a rule (shared/notes/coaching-and-formats.md, Q5).
"""

from __future__ import annotations

from typing import Final

from planforge.coaching.band import Band
from planforge.coaching.intensity import (
    BEGINNER_QUALITY_KINDS,
    LOW_INTENSITY_SHARE_FLOOR,
    LOW_INTENSITY_SHARE_TARGET,
    QUALITY_SESSIONS_PER_WEEK,
)
from planforge.coaching.long_sessions import (
    CLIMBING_WORK,
    CYCLING_LONG_RIDE_OF_EVENT,
    REFERENCE_RIDING_KMH,
    PeakLongSession,
    peak_long_sessions,
)
from planforge.coaching.progression import (
    SPIKE_WARN_ABOVE,
    SPIKE_WINDOW_DAYS,
    STEP_BACK_EVERY_WEEKS,
    TWO_WEEK_GROWTH_FAIL_ABOVE,
    WEEKLY_GROWTH_WARN_ABOVE,
)
from planforge.coaching.races import Leg, Race, race_for
from planforge.coaching.sessions import MAX_SWIMS_PER_DAY, METRES_PER_KM, SessionLimit, race_week_session_limit
from planforge.coaching.taper import (
    DAY_BEFORE_RACE_MAX_MINUTES,
    LAST_HARD_SESSION_DAYS_BEFORE_RACE,
    RACE_WEEK_VOLUME_OF_PEAK,
    TAPER_SHAPE,
    day_before_race_max_minutes,
    taper_days,
)
from planforge.coaching.volume import NOVICE_ONSET, SESSIONS_PER_WEEK, peak_weekly_volume
from planforge.domain.vocabulary import Level, RaceDistance

_RACE_NAMES: Final[dict[RaceDistance, str]] = {
    "5k": "5K",
    "10k": "10K",
    "half-marathon": "half marathon",
    "marathon": "marathon",
    "50k": "50K ultra",
    "ultra": "ultra",
    "sprint-triathlon": "sprint triathlon",
    "olympic-triathlon": "Olympic-distance triathlon",
    "half-ironman": "half-Ironman (70.3)",
    "ironman": "Ironman-distance triathlon",
    "sportive": "sportive",
    "gran-fondo": "gran fondo",
    "century": "century ride",
    "open-water": "open-water swim",
    "other": "running race",
}
_SESSION_NAMES: Final[dict[Leg, str]] = {"swim": "swim", "bike": "ride", "run": "run"}


def coaching_brief(distance: RaceDistance | None, level: Level, distance_km: float | None = None) -> str:
    """The coaching figures for a plan towards `distance` (None: general fitness) at `level`, one bullet a line.

    `distance_km` is the race length for the distances without a fixed one (see `race_for`).
    """
    if distance is None:
        lines = [f"Coaching figures: general fitness (no race), {level} athlete.", _sessions_line(level, runs=True)]
        runs = True
    else:
        race = race_for(distance, distance_km)
        lines = [f"Coaching figures: {_RACE_NAMES[distance]} ({_legs(race)}), {level} athlete."]
        lines += _race_lines(race, level)
        runs = "run" in race.legs
    lines += [_build_line(), _spike_line()]
    if level == "beginner" and runs:
        lines.append(_novice_line())
    return "\n".join(lines) + "\n"


def _race_lines(race: Race, level: Level) -> list[str]:
    lines = [_peak_line(peak, race) for peak in peak_long_sessions(race, level)]
    if race.sport == "bike":
        lines.append(f"- Hilly event: add {' and '.join(CLIMBING_WORK)}.")
    lines += _volume_lines(race, level)
    runs = "run" in race.legs
    if race.legs == ("run",):
        lines.append(_sessions_line(level, runs=runs))
    else:  # sessions a week are published for single-sport plans only
        lines.append(f"- Intensity: {_quality(level, runs=runs)}.")
    if "swim" in race.legs:
        lines.append(f"- At most {MAX_SWIMS_PER_DAY} swim a day.")
    return [*lines, _taper_line(race), *_race_week_lines(race, level)]


def _volume_lines(race: Race, level: Level) -> list[str]:
    volume = peak_weekly_volume(race, level)
    if volume.hours is None:
        return []
    if volume.run_km is None:
        return [f"- Peak week: {_amount(volume.hours, 'h')} of training."]
    return [f"- Peak week: {_amount(volume.run_km, 'km')} of running, about {_amount(volume.hours, 'h')}."]


def _taper_line(race: Race) -> str:
    kept = [
        name
        for name, is_kept in (
            ("intensity", TAPER_SHAPE.intensity_kept),
            ("the number of sessions", TAPER_SHAPE.frequency_kept),
        )
        if is_kept
    ]
    return (
        f"- Taper: {_amount(taper_days(race), 'days')}; cut volume by {_percent(TAPER_SHAPE.volume_cut)},"
        f" keep {' and '.join(kept)}."
    )


def _race_week_lines(race: Race, level: Level) -> list[str]:
    limits = [f"{_SESSION_NAMES[leg]} {_limit(race_week_session_limit(race, level, leg), leg)}" for leg in race.legs]
    return [
        f"- Race week: {_percent(RACE_WEEK_VOLUME_OF_PEAK)} of the peak week's volume; last hard session"
        f" {_amount(LAST_HARD_SESSION_DAYS_BEFORE_RACE, 'days')} before the race; the day before, rest or at most"
        f" {day_before_race_max_minutes(race):g} minutes easy.",
        f"- Race-week sessions (race excluded): {'; '.join(limits)}.",
    ]


def _peak_line(peak: PeakLongSession, race: Race) -> str:
    name = "Peak swim session" if peak.leg == "swim" else f"Peak long {_SESSION_NAMES[peak.leg]}"
    if race.sport == "bike" and peak.distance_km is not None:
        return (
            f"- {name}: {_percent(CYCLING_LONG_RIDE_OF_EVENT)} of the event's expected duration"
            f" (at a steady speed, {format_distance(peak.distance_km, peak.leg)}"
            + (f"; {format_minutes(peak.time_minutes)} at {REFERENCE_RIDING_KMH:g} km/h" if peak.time_minutes else "")
            + ")."
        )
    sizes = [format_distance(peak.distance_km, peak.leg)] if peak.distance_km is not None else []
    if peak.time_minutes is not None:
        sizes.append(format_minutes(peak.time_minutes))
    line = f"- {name}: {' or '.join(sizes)}"
    if len(sizes) == 2:
        line += ", whichever comes first"
    if peak.back_to_back:
        line += ", as back-to-back long runs on consecutive days"
    return line + "."


def _sessions_line(level: Level, *, runs: bool) -> str:
    return f"- Sessions: {_amount(SESSIONS_PER_WEEK[level], 'a week')}; {_quality(level, runs=runs)}."


def _quality(level: Level, *, runs: bool) -> str:
    quality = _amount(QUALITY_SESSIONS_PER_WEEK[level], "quality sessions a week")
    if level == "beginner" and runs:  # strides, fartlek and hills are running quality
        quality += f" ({', '.join(BEGINNER_QUALITY_KINDS)})"
    return (
        f"{quality}; at least {_percent(LOW_INTENSITY_SHARE_TARGET)} of sessions easy,"
        f" never under {_percent(LOW_INTENSITY_SHARE_FLOOR)}"
    )


def _build_line() -> str:
    return (
        f"- Build: weekly volume up at most {_percent(WEEKLY_GROWTH_WARN_ABOVE)} a week and"
        f" {_percent(TWO_WEEK_GROWTH_FAIL_ABOVE)} over two weeks; a step-back week every"
        f" {_amount(STEP_BACK_EVERY_WEEKS, 'weeks')}."
    )


def _spike_line() -> str:
    return (
        f"- Single sessions: none more than {_percent(SPIKE_WARN_ABOVE)} longer than the longest session of the same"
        f" sport in the previous {SPIKE_WINDOW_DAYS} days."
    )


def _novice_line() -> str:
    onset = NOVICE_ONSET
    week_one_limit = onset.longest_run_minutes(1) or 0
    return (
        f"- If the athlete has never run: run/walk, {onset.runs_per_week} runs a week; week 1 is"
        f" {onset.first_week_run_seconds} s running and {onset.first_week_walk_seconds} s walking for"
        f" {_number(onset.first_week_session_minutes)} minutes after a {_number(onset.warm_up_walk_minutes)}-minute"
        f" walk; no continuous run over {_number(week_one_limit)} minutes in week 1, building to"
        f" {_number(onset.longest_run_minutes_by_week[-1])} minutes by week {onset.weeks} (NHS Couch to 5K)."
    )


def _legs(race: Race) -> str:
    lengths = {"swim": race.swim_km, "bike": race.bike_km, "run": race.run_km}
    return ", ".join(f"{_number(lengths[leg], 1)} km {leg}" for leg in race.legs)


def _limit(limit: SessionLimit, leg: Leg) -> str:
    parts: list[str] = []
    if limit.max_minutes is not None:
        parts.append(_clock(limit.max_minutes))
    if limit.max_km is not None:
        parts.append(format_distance(Band(limit.max_km, limit.max_km), leg))
    return "at most " + " or ".join(parts)


def format_distance(km: Band, leg: Leg) -> str:
    """A distance band as the brief writes it: swims in metres to 100 m, rides to the km, runs to 0.1 km."""
    if leg == "swim":
        return _amount(km.scaled(METRES_PER_KM), "m", digits=-2)
    return _amount(km, "km", digits=0 if leg == "bike" else 1)


def format_minutes(minutes: Band) -> str:
    """A time band as the brief writes it: minutes under an hour, whole hours, else hours and minutes."""
    if minutes.max < 60:
        return _amount(minutes, "min")
    if minutes.min % 60 == 0 and minutes.max % 60 == 0:
        return _amount(minutes.scaled(1 / 60), "h")
    return f"{_clock(minutes.min)} to {_clock(minutes.max)}"


def _clock(minutes: float) -> str:
    hours, rest = divmod(round(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


def _amount(band: Band, unit: str, digits: int = 1) -> str:
    low, high = _number(band.min, digits), _number(band.max, digits)
    return f"{low} {unit}" if low == high else f"{low}–{high} {unit}"


def _percent(value: Band | float) -> str:
    if isinstance(value, Band):
        return f"{_number(value.min * 100)}–{_number(value.max * 100)} %"
    return f"{_number(value * 100)} %"


def _number(value: float, digits: int = 1) -> str:
    """`value` rounded to `digits` decimals (negative: tens, hundreds), no trailing .0, thousands with commas."""
    rounded = round(value, digits)
    return f"{rounded:,.0f}" if rounded == int(rounded) else f"{rounded:,}"


LEVEL_TABLE_RACES: Final[tuple[RaceDistance, ...]] = (
    "5k",
    "10k",
    "half-marathon",
    "marathon",
    "50k",
    "sprint-triathlon",
    "olympic-triathlon",
    "half-ironman",
    "ironman",
)
"""The races of `level_brief`'s table: those with fixed published figures (cycling events depend on the event)."""


def level_brief(level: Level) -> str:
    """The coaching figures for every common race at `level`, for a prompt that has not yet read the race.

    One line per race (peak long sessions and taper), then the rules that hold for every plan.
    """
    lines = [f"Coaching figures for a {level} athlete, by goal race (peak long sessions; taper):"]
    for distance in LEVEL_TABLE_RACES:
        race = race_for(distance)
        peaks = "; ".join(
            _peak_line(peak, race)[2:].rstrip(".").replace("Peak ", "peak ") for peak in peak_long_sessions(race, level)
        )
        lines.append(f"- {_RACE_NAMES[distance]}: {peaks}; taper {_amount(taper_days(race), 'days')}.")
    lines.append(
        f"- Cycling events: the long ride builds to {_percent(CYCLING_LONG_RIDE_OF_EVENT)} of the event's expected"
        f" duration; hilly events add {' and '.join(CLIMBING_WORK)}."
    )
    lines += ["For every plan:", _sessions_line(level, runs=True), f"- At most {MAX_SWIMS_PER_DAY} swim a day."]
    lines += _race_week_lines_without_limits()
    lines += [_build_line(), _spike_line()]
    if level == "beginner":
        lines.append(_novice_line())
    return "\n".join(lines) + "\n"


def _race_week_lines_without_limits() -> list[str]:
    return [
        f"- Taper: cut volume by {_percent(TAPER_SHAPE.volume_cut)}, keep intensity and the number of sessions;"
        f" race week {_percent(RACE_WEEK_VOLUME_OF_PEAK)} of the peak week's volume; last hard session"
        f" {_amount(LAST_HARD_SESSION_DAYS_BEFORE_RACE, 'days')} before the race; the day before, rest or at most"
        f" {DAY_BEFORE_RACE_MAX_MINUTES} minutes easy."
    ]
