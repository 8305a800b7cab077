"""Quality sessions: how many a week holds by level and phase, which ones, and how big.

How many (the knowledge's quality sessions a week, Q16 notes): beginner 0–1 (none in base, then fartlek or
hills), intermediate 1–2, advanced 2; never more than the runs leave room for (one long run and one easy run
stay easy; below advanced, four runs a week or fewer hold one quality session, so that at most two of them are
hard). A triathlon holds one quality ride and one quality run. Which: base builds strength and economy
(hills, fartlek), build raises threshold and VO2max, peak is race-specific (intervals at 5K/10K pace, tempo and
half-marathon pace, marathon pace, hills for trail ultras). A polarized principle turns threshold work into hard
intervals; a threshold principle makes it sub-threshold cruise intervals; cautions take out hills or intervals.
Taper weeks keep one shorter session; step-back weeks keep the kind with a shorter main set.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from planforge.coaching import QUALITY_SESSIONS_PER_WEEK
from planforge.domain.vocabulary import Level, Phase, WorkoutType
from planforge.offline.engine.paces import Paces
from planforge.offline.engine.periodization import WeekTarget
from planforge.offline.engine.profile import Profile
from planforge.offline.engine.sessions import MainSet, Session, SessionKind, floor5, structured
from planforge.offline.engine.text import LEXICONS

_SHORT_RETURN_WEEKS: Final = 6
_FEWEST: Final = 3
"""Repeats a quality session keeps at least (fewer is no longer one)."""
_SHORT_WARM_UP: Final = 5
_SHORT_EFFORTS: Final[frozenset[SessionKind]] = frozenset({"fartlek", "hill-repeats"})
"""Quality whose efforts are a minute long: in a short week it fits a 5-minute warm-up (a 10K-pace interval
session keeps its 10–15 minutes)."""
_FEW_SESSIONS: Final = 4
_LEVEL: Final[dict[Level, int]] = {"beginner": 0, "intermediate": 1, "advanced": 2}
_RUN_KINDS: Final[dict[str, dict[Phase, tuple[SessionKind, ...]]]] = {
    "short": {"base": ("hill-repeats", "fartlek"), "build": ("interval-run", "tempo-run"),
              "peak": ("interval-run", "tempo-run"), "taper": ("interval-run",)},
    "half": {"base": ("hill-repeats", "fartlek"), "build": ("tempo-run", "interval-run"),
             "peak": ("race-pace-run", "tempo-run"), "taper": ("race-pace-run",)},
    "marathon": {"base": ("hill-repeats", "fartlek"), "build": ("tempo-run", "interval-run"),
                 "peak": ("race-pace-run", "tempo-run"), "taper": ("race-pace-run",)},
    "trail": {"base": ("hill-repeats", "fartlek"), "build": ("hill-repeats", "tempo-run"),
              "peak": ("tempo-run", "hill-repeats"), "taper": ("tempo-run",)},
    "fitness": {"base": ("fartlek",), "build": ("fartlek", "tempo-run"), "peak": ("tempo-run",),
                "taper": ("fartlek",)},
    "beginner": {"base": ("fartlek",), "build": ("fartlek", "hill-repeats"), "peak": ("fartlek", "hill-repeats"),
                 "taper": ("fartlek",)},
}  # fmt: skip
_RIDE_KINDS: Final[dict[Phase, tuple[SessionKind, ...]]] = {
    "base": ("tempo-ride",), "build": ("interval-ride", "tempo-ride"), "peak": ("interval-ride",),
    "taper": ("interval-ride",),
}  # fmt: skip
_STYLE: Final[dict[str, str]] = {
    "5k": "short", "10k": "short", "half-marathon": "half", "marathon": "marathon", "50k": "trail", "ultra": "trail",
}  # fmt: skip
_NO_INTERVALS: Final[dict[SessionKind, SessionKind]] = {
    "interval-run": "tempo-run",
    "hill-repeats": "tempo-run",
    "fartlek": "tempo-run",
}
_NO_HILLS: Final[dict[SessionKind, SessionKind]] = {"hill-repeats": "fartlek"}
_POLARIZED: Final[dict[SessionKind, SessionKind]] = {
    "tempo-run": "interval-run", "race-pace-run": "interval-run", "fartlek": "interval-run",
    "tempo-ride": "interval-ride",
}  # fmt: skip


def quality_count(profile: Profile, target: WeekTarget, sport: WorkoutType) -> int:
    """Quality sessions of `sport` this week."""
    runs_or_rides = profile.counts.get(sport, 0)
    if sport not in {"run", "bike"} or target.kind == "after-race":
        return 0
    if sport == "run" and (profile.flags.no_run_quality or profile.novice):
        return 0
    if sport == "run" and profile.flags.careful and profile.weeks <= _SHORT_RETURN_WEEKS:
        return 0  # a short, careful return after an injury runs easy
    if target.kind in {"taper", "race", "tune-up"}:
        return 1 if runs_or_rides >= 3 else 0
    band = QUALITY_SESSIONS_PER_WEEK[profile.level]
    wanted = int(band.max) if target.phase in {"build", "peak"} else max(int(band.min), 1)
    if profile.level == "beginner" and target.phase == "base":
        wanted = 0
    if profile.family in {"triathlon", "duathlon"}:
        wanted = min(wanted, 1)
    if profile.requirements.principle.threshold_focus:
        wanted = max(wanted, 2) if profile.level == "advanced" else wanted
    room = runs_or_rides - 2 if sport == profile_main(profile) else runs_or_rides - 1
    if sport == profile_main(profile) and runs_or_rides <= _FEW_SESSIONS and profile.level != "advanced":
        room = min(room, 1)  # four runs or fewer: one quality session beside the long run, the rest easy
    return max(0, min(wanted, room))


def profile_main(profile: Profile) -> WorkoutType:
    """The sport whose long session anchors the week."""
    return "bike" if profile.family == "bike" else "swim" if profile.family == "swim" else "run"


def quality_kind(profile: Profile, target: WeekTarget, sport: WorkoutType, index: int) -> SessionKind:
    """The kind of the week's `index`-th quality session of `sport`."""
    if sport == "bike":
        kinds = _RIDE_KINDS.get(target.phase, _RIDE_KINDS["build"])
        kind = kinds[(target.phase_week + index) % len(kinds)]
        if profile.race is not None and profile.race.sport == "bike" and target.phase in {"build", "peak"} and index:
            kind = "hill-ride"
        return _POLARIZED.get(kind, kind) if profile.requirements.principle.polarized else kind
    style = "beginner" if profile.level == "beginner" else "fitness"
    if profile.race is not None:
        style = _STYLE.get(profile.race.reference, style) if profile.level != "beginner" else "beginner"
    table = _RUN_KINDS[style]
    kinds = table.get(target.phase) or table["build"]
    kind = kinds[(target.phase_week + index) % len(kinds)]
    principle, flags = profile.requirements.principle, profile.flags
    if principle.polarized:
        kind = _POLARIZED.get(kind, kind)
    if principle.threshold_focus:
        kind = "tempo-run"
    if flags.no_hills:
        kind = _NO_HILLS.get(kind, kind)
    if flags.no_run_intervals:
        kind = _NO_INTERVALS.get(kind, kind)
    return kind


def quality_session(
    profile: Profile, target: WeekTarget, kind: SessionKind, paces: Paces | None, cap: int | None
) -> Session | None:
    """A quality session of `kind`, sized by level; longer in peak, shorter in lighter weeks, within `cap`; None
    when it does not fit (the slot becomes an easy session)."""
    level = _LEVEL[profile.level]
    up = 1 if target.phase == "peak" and target.kind == "build" else 0
    down = 1 if target.lighter else 0
    warm_up = 10 if profile.level == "beginner" else 15
    session = _sized(profile, kind, level, up, down, warm_up)
    pace = paces.for_effort(session.main.effort) if paces and session.main and kind.endswith("-run") else ""
    session = replace(session, pace=pace)
    while cap is not None and session.minutes > cap and session.main is not None and session.main.reps > _FEWEST:
        shorter = replace(session.main, reps=session.main.reps - 1)
        session = structured(kind, shorter, session.warm_up, session.cool_down, pace)
    if cap is not None and session.minutes > cap and session.main is not None and kind in _SHORT_EFFORTS:
        session = structured(kind, session.main, _SHORT_WARM_UP, _SHORT_WARM_UP, pace)  # minute-long surges
    if cap is not None and session.minutes > cap and session.main is not None:
        main = session.main
        work = max(300, (cap - session.warm_up - session.cool_down) * 60)
        session = structured(kind, MainSet(1, floor5(work / 60) * 60, 0, main.effort, main.zone), warm_up, 10, pace)
    if cap is not None and kind == "fartlek" and session.minutes > cap:
        session = Session("fartlek", floor5(cap))
    if cap is not None and (session.minutes > cap or _too_small(session)):
        return None
    return session


_FINISH_SHARE: Final[dict[Level, tuple[float, float]]] = {"intermediate": (0.15, 0.25), "advanced": (0.2, 0.3)}
"""The marathon-pace finish of a long run against the run, build then peak. The notes (Q16): advanced runners do
"2 quality sessions plus quality inside the long run"; the shares and the 45-minute cap are planforge's own."""
_FINISH_MOST: Final = 45
_COOL_DOWN: Final = 10


def marathon_pace_finish(profile: Profile, target: WeekTarget, minutes: int, paces: Paces | None) -> Session | None:
    """Every other build week's long run of an intermediate or advanced marathoner with a goal, in build and peak:
    its last part at marathon pace ("Long run 150 min with the last 40 min at 4:15/km"); None otherwise."""
    race = profile.race
    shares = _FINISH_SHARE.get(profile.level)
    if (
        race is None
        or race.reference != "marathon"
        or shares is None
        or paces is None
        or not paces.for_effort("marathon")
    ):
        return None
    if (
        target.kind != "build"
        or target.phase not in {"build", "peak"}
        or target.phase_week % 2
        or profile.flags.careful  # an injury to respect: the long run stays easy
    ):
        return None
    if not worded("long-run", profile):
        return None
    share = shares[1] if target.phase == "peak" else shares[0]
    work = min(_FINISH_MOST, max(15, floor5(minutes * share)))
    main = MainSet(1, work * 60, 0, "marathon", "z3")
    return structured("long-run", main, minutes - work - _COOL_DOWN, _COOL_DOWN, paces.for_effort("marathon"))


def _too_small(session: Session) -> bool:
    """A quality session shrunk below what makes it one: fewer than 3 repeats, or under 10 minutes of work."""
    main = session.main
    if session.kind == "fartlek" and main is None:
        return session.minutes < 20
    if main is None:
        return False
    return main.reps < 3 if main.reps > 1 else main.work_seconds < 600


def worded(kind: SessionKind, profile: Profile) -> bool:
    """Whether the draft's language can state `kind` with a main set (else it is written by its time alone)."""
    return kind in LEXICONS[profile.requirements.language].structured


def _sized(profile: Profile, kind: SessionKind, level: int, up: int, down: int, warm_up: int) -> Session:
    if kind == "fartlek" and worded(kind, profile):  # surges of a minute with two minutes' easy running between
        main = MainSet((6, 8, 10)[level] + 2 * up - 2 * down, 60, 120, "10k", "z5")
        return structured(kind, main, 10, 10)
    if kind == "fartlek":
        return Session("fartlek", (30, 40, 45)[level] - 10 * down + 5 * up)
    if kind == "tempo-run":
        if profile.requirements.principle.threshold_focus:
            main = MainSet((4, 5, 6)[level] - down, 360, 60, "threshold", "z4")
        else:
            main = MainSet(1, 60 * ((15, 20, 25)[level] + 5 * up - 5 * down), 0, "threshold", "z4")
    elif kind == "interval-run":
        effort = "10k" if profile.race is not None and profile.race.reference == "10k" else "5k"
        main = MainSet(max(3, (4, 5, 6)[level] + up - 2 * down), 180, 120, effort, "z5")
    elif kind == "hill-repeats":
        main = MainSet((6, 8, 10)[level] - 2 * down, 60, 90, "uphill", "z5", "jog-down")
    elif kind == "race-pace-run":
        reference = profile.race.reference if profile.race is not None else ""
        effort, zone = ("marathon", "z3") if reference == "marathon" else ("half", "z4")
        main = MainSet(1, 60 * ((20, 30, 40)[level] + 10 * up - 10 * down), 0, effort, zone)
    elif kind == "tempo-ride":
        main = MainSet(1, 60 * ((30, 40, 50)[level] + 10 * up - 10 * down), 0, "tempo", "z3", "easy")
    elif kind == "interval-ride":
        main = MainSet((3, 4, 5)[level] + up - down, 300, 300, "ride-threshold", "z4", "easy")
    elif kind == "hill-ride":
        main = MainSet((3, 4, 5)[level] + up - down, 360, 240, "climb", "z5", "easy")
    else:
        raise ValueError(f"{kind!r} is not a quality session kind")
    return structured(kind, main, warm_up, 10)
