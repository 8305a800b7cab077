"""Writing a plan: the request understood, the plan's facts fixed, every week built, the draft worded.

requirements → profile (race, sports, days) → weekly targets (phases, step-backs, taper, tune-ups)
  → sizes (start → peak per sport) → each week: slots placed and sized, race weeks reshaped, hours fitted
  → draft text in the request's language + the same sessions as typed workouts
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planforge.coaching import RACE_WEEK_VOLUME_OF_PEAK
from planforge.domain.draft import Draft, DraftDay, DraftWeek
from planforge.domain.plan import WeekInfo, Workout
from planforge.domain.requirements import Requirements
from planforge.domain.vocabulary import WEEKDAYS, Level, WorkoutType
from planforge.offline.engine.distances import with_ride_distances
from planforge.offline.engine.fitness import MASTERS_AGE
from planforge.offline.engine.growth import hold_week
from planforge.offline.engine.library import LibraryCatalog, use_library
from planforge.offline.engine.paces import Paces, paces_for
from planforge.offline.engine.periodization import WeekTarget, taper_weeks, weekly_targets
from planforge.offline.engine.profile import Profile, profile_for
from planforge.offline.engine.quality import quality_count, quality_kind, quality_session
from planforge.offline.engine.raceweek import (
    RACE_WEEK_SHARE,
    RACE_WEEK_SHARE_FROM_TAPER,
    duathlon_legs,
    fit_window,
    race_legs,
    race_week,
    race_window,
    tune_up_week,
)
from planforge.offline.engine.sessions import RaceLeg, Session, session_minutes
from planforge.offline.engine.sizes import Sizes, sizes_for
from planforge.offline.engine.swim_sets import week_swim_sets
from planforge.offline.engine.text import LEXICONS
from planforge.offline.engine.text.describe import clock, phase_entries, title, week_focus
from planforge.offline.engine.text.measured import QUALITY_KINDS, is_lighter, longest, phases_with_quality
from planforge.offline.engine.text.overview import PlanFacts, overview
from planforge.offline.engine.text.session_notes import session_notes
from planforge.offline.engine.text.sessions import DAY_MAX_CHARS, day_text
from planforge.offline.engine.volume import fit_hours, limit_intensity, week_minutes
from planforge.offline.engine.week import Week, plan_week
from planforge.offline.engine.workouts import to_workout
from planforge.quality.measures import hard_seconds, workout_seconds


@dataclass(frozen=True)
class EnginePlan:
    """A plan the engine wrote: the draft, and the same sessions as typed workouts."""

    draft: Draft
    """Title, overview, phases and weeks × 7 days, rest days written as the language's rest word."""
    workouts: list[Workout]
    """The draft's sessions, typed, in week and day order."""
    weekly_info: dict[str, WeekInfo]
    """Phase and focus per week, keyed "1", "2", …"""
    requirements: Requirements
    """What the engine understood the request to ask for."""


def _legs(profile: Profile) -> list[RaceLeg]:
    requirement, race = profile.requirements.race, profile.race
    if requirement is None or race is None:
        return []
    if requirement.sport == "duathlon":
        return duathlon_legs(requirement.distance_km or race.total_km)
    return race_legs(race, requirement.distance)


def _build_weeks(profile: Profile) -> int:
    build = profile.requirements.principle.build_weeks
    age = profile.requirements.age
    return min(build, 2) if age is not None and age >= MASTERS_AGE else build


def _weeks(profile: Profile, targets: list[WeekTarget], sizes: Sizes, paces: Paces | None) -> list[Week]:
    slot, legs = profile.slot, _legs(profile)
    tapering = taper_weeks(profile.race, slot.week if slot else None)
    main: WorkoutType = "bike" if profile.family == "bike" else "swim" if profile.family == "swim" else "run"
    long_day = profile.long_days.get(main, "Sunday")
    weeks: list[Week] = []
    peak = 0.0
    # A plan that starts in the taper cuts race week from the athlete's own peak week (today's volume, else the
    # race's usual peak) to the middle of the knowledge's 40–60 %; else from the plan's peak, grown to at least 40 %.
    from_taper = not any(t.kind in {"build", "step-back", "tune-up"} for t in targets[: slot.week if slot else None])
    share = RACE_WEEK_SHARE_FROM_TAPER if from_taper else RACE_WEEK_SHARE
    if from_taper:
        peak = sum(load.week.peak for load in sizes.loads.values())
    for target in targets:
        week = plan_week(profile, sizes, target, paces, tapering).sessions
        if target.kind == "race" and slot is not None and legs and slot.note != "after-plan":
            quality = _race_week_quality(profile, target, paces)
            fill = peak * (share if from_taper else RACE_WEEK_VOLUME_OF_PEAK.min)
            week = race_week(profile, week, profile.calendar, slot.day, legs, peak * share, quality, fill)
        elif target.kind == "tune-up" and target.tune_up is not None:
            week = tune_up_week(profile, week, profile.calendar, target.tune_up, long_day)
        if target.kind != "race":  # race week's one short sharpener stays, however light the week around it
            week = limit_intensity(fit_hours(profile, limit_intensity(week), target))
            week = hold_week(profile, target, week, weeks)  # within its growth over the weeks written before it
        if target.kind in {"build", "step-back", "tune-up"}:
            peak = max(peak, week_minutes(week))
        weeks.append(week)
    if slot is not None and legs and slot.note != "after-plan":
        index = slot.week - 1
        before = race_window(profile, weeks[index - 1], profile.calendar, slot.day) if index >= 1 else None
        before, weeks[index] = fit_window(before, weeks[index], profile.calendar, slot.day, peak * share)
        if before is not None:
            weeks[index - 1] = before
    return weeks


def _race_week_quality(profile: Profile, target: WeekTarget, paces: Paces | None) -> Session | None:
    """Race week's quality session when the week itself holds none (it did not fit the taper's sizes)."""
    for sport in ("run", "bike"):
        if quality_count(profile, target, sport) > 0:
            return quality_session(profile, target, quality_kind(profile, target, sport, 0), paces, None)
    return None


def _long_peaks(weeks: list[Week], targets: list[WeekTarget]) -> dict[WorkoutType, float]:
    peaks: dict[WorkoutType, float] = {}
    for week, target in zip(weeks, targets, strict=True):
        if target.kind not in {"build", "step-back"}:
            continue
        for sessions in week.values():
            for session in sessions:
                if session.kind in {"long-run", "long-ride", "brick-bike"} or session.kind == "swim":
                    sport = session.sport
                    peaks[sport] = max(peaks.get(sport, 0.0), session_minutes(session))
    return peaks


def _facts(profile: Profile, targets: list[WeekTarget], weeks: list[Week], sizes: Sizes, paces: Paces | None,
           workouts: list[Workout], library: LibraryCatalog | None = None,
           missing: Sequence[Session] = ()) -> PlanFacts:  # fmt: skip
    training = [w for w in workouts if w.workout_sub_type != "race"]
    total = sum(workout_seconds(w) for w in training) or 1.0
    easy = 1 - sum(hard_seconds(w) for w in training if "walk" not in w.workout_description.lower()) / total
    quality = max(
        (sum(s.kind in QUALITY_KINDS and s.sport == sport for sessions in week.values() for s in sessions)
         for week in weeks for sport in ("run", "bike")), default=0,
    )  # fmt: skip
    declined: list[tuple[str, dict[str, str]]] = [(key, {}) for key in profile.declined if key != "days"]
    if "days" in profile.declined:
        wanted = str(profile.requirements.days_per_week or len(profile.days))
        declined.append(("days", {"count": wanted, "available": str(len(profile.days))}))
    slot = profile.slot
    if slot is not None and slot.note == "after-plan":
        declined.append(("race_after", {}))
    elif slot is not None and slot.note == "before-last-week":
        declined.append(("race_before", {"week": str(slot.week)}))
    if not sizes.reached and sizes.loads and profile.race is not None:
        # The long session that falls furthest short of its usual peak is the one to name.
        # A plan without long sessions (a novice's runs) reaches the length of its longest session of the sport.
        peaks = {s: max(_long_peaks(weeks, targets).get(s, 0.0), longest(weeks, targets, s)) for s in sizes.loads}
        sport = min(sizes.loads, key=lambda s: peaks.get(s, 0.0) / max(sizes.loads[s].long.peak, 1.0))
        reached, usual = peaks.get(sport, 0.0), sizes.loads[sport].long.peak
        if 0 < round(reached / 5) < round(usual / 5):  # a gap the athlete can see in the draft's 5-minute steps
            session = LEXICONS[profile.requirements.language].sessions_long.get(sport, "")
            declined.append(("peak", {"session": session, "band": clock(usual), "reached": clock(reached)}))
    if library is not None:  # strict_existing: the sports the library has no workout for
        lexicon = LEXICONS[profile.requirements.language]
        left_out: dict[WorkoutType, None] = dict.fromkeys(session.sport for session in missing)
        gaps = [gap for gap in left_out if not library.holds(gap)]
        names = [lexicon.sports[gap][1] if gap in lexicon.sports else gap for gap in gaps]
        if names:
            declined.append(("library_gap", {"sessions": ", ".join(names)}))
    minutes = [week_minutes(w) for w in weeks]
    return PlanFacts(
        profile, targets, minutes, _long_peaks(weeks, targets), paces, sizes.reached, quality, easy, declined,
        library.preference if library is not None else None, weeks,
    )  # fmt: skip


LIBRARY_TWO_WEEK_MOST = 1.28
"""A library week holds under 30 % more than the heaviest of the four weeks ending two weeks before it (the
knowledge's two-week fail line, Nielsen 2014, as `planforge.offline.engine.growth` holds the engine's own weeks):
the library's sizes come in steps (a 120-min ride, then a 180), so its weeks are held to the fail line, not to the
engine's 10 % a week."""
_LOOK_BACK = 4


def _library_week(
    profile: Profile, target: WeekTarget, own: Week, before: list[Week], library: LibraryCatalog
) -> tuple[Week, list[Session]]:
    """The week with the library's workouts; when the library's sizes push it past the two-week growth line (a
    180-min library ride after a month at 120 for a planned 165), with smaller library workouts, long ones last."""
    week, left_out = use_library(profile, own, library, race_week=target.kind == "race")
    window = [week_minutes(earlier) for earlier in before[max(0, len(before) - _LOOK_BACK - 1) : len(before) - 1]]
    if target.kind != "build" or not window or max(window) <= 0:
        return week, left_out
    most = max(max(window) * LIBRARY_TWO_WEEK_MOST, week_minutes(own))  # never under the engine's own week
    if week_minutes(week) > most:
        week, left_out = use_library(profile, own, library, most=most)
    return week, left_out


def plan_from(
    requirements: Requirements,
    weeks: int,
    level: Level,
    start: dt.date | None,
    library: LibraryCatalog | None = None,
) -> EnginePlan:
    """A plan for `requirements` over `weeks` weeks at `level`, starting on `start` (a Monday when unknown), its
    sessions taken from the org's `library` as the request's preference says."""
    profile = profile_for(requirements, weeks, level, start)
    slot = profile.slot
    race_week = slot.week if slot is not None and profile.race is not None else None
    # A tune-up race sits on Saturday before a Sunday long run; never for runs that may not fall on consecutive days.
    tune_ups = "run" not in requirements.no_back_to_back and profile.long_days.get("run") == "Sunday"
    targets = weekly_targets(weeks, profile.race, race_week, _build_weeks(profile), tune_ups=tune_ups)
    sizes = sizes_for(profile, targets[0].build_steps if targets else 0, targets[0].volume_steps if targets else 0)
    paces = paces_for(requirements)
    built = [with_ride_distances(profile, week) for week in _weeks(profile, targets, sizes, paces)]
    missing: list[Session] = []
    if library is not None:
        for index, target in enumerate(targets):
            built[index], left_out = _library_week(profile, target, built[index], built[:index], library)
            missing += left_out
    lexicon = LEXICONS[requirements.language]
    draft_weeks: list[DraftWeek] = []
    workouts: list[Workout] = []
    weekly_info: dict[str, WeekInfo] = {}
    racing = profile.race is not None
    note = session_notes(profile)
    minutes = [week_minutes(week) for week in built]
    quality_phases = phases_with_quality(built, targets)
    for index, (target, week) in enumerate(zip(targets, built, strict=True)):
        lighter = is_lighter(index, minutes)
        focus = week_focus(target, racing, lexicon, lighter=lighter, easy=target.phase not in quality_phases)
        sets = week_swim_sets(profile, target, week)
        days: list[DraftDay] = []
        for day in WEEKDAYS:
            text = day_text(week[day], lexicon, note, sets)
            if len(text) > DAY_MAX_CHARS:  # a crowded day states its swims whole
                sets = {key: found for key, found in sets.items() if key not in {id(s) for s in week[day]}}
                text = day_text(week[day], lexicon, note, sets)
            days.append(DraftDay(day=day, session=text))
        draft_weeks.append(DraftWeek(week=target.week, focus=focus, days=days))
        weekly_info[str(target.week)] = WeekInfo(phase=target.phase, focus=focus)
        for day, draft_day in zip(WEEKDAYS, days, strict=True):
            noted = draft_day.session == day_text(week[day], lexicon, note, sets)
            workouts += [
                to_workout(session, week=target.week, phase=target.phase, day=day, language=requirements.language,
                           note=note(session) if noted else "", sets=sets.get(id(session)))
                for session in week[day]
            ]  # fmt: skip
    facts = _facts(profile, targets, built, sizes, paces, workouts, library, missing)
    draft = Draft(
        title=title(profile, lexicon),
        overview=overview(facts, lexicon),
        phases=phase_entries(targets, lexicon, quality_phases),
        weeks=draft_weeks,
        language=requirements.language,
    )
    return EnginePlan(draft=draft, workouts=workouts, weekly_info=weekly_info, requirements=requirements)
