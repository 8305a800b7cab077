"""One week's days: which days train, what each day holds, and how the week's minutes are shared out.

Days are laid out relative to the long-session day (position 6) and rotated onto the calendar, so a long
run on Saturday or Wednesday keeps the same shape: the day after the long session is a rest day, quality
days sit apart (never back to back, never the day before the long session). Minutes are shared in three
passes: fixed sessions (quality, strength, race-week shakeout), the long session (≤ 30% of the week), then
what remains over the easy sessions by weight, in 5-minute steps.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Final

from planforge.domain.vocabulary import WEEKDAYS, Level, Weekday
from planforge.offline.engine.intensity import Family, hard_count, hard_kind, hard_session
from planforge.offline.engine.periodization import WeekTarget, floor5
from planforge.offline.engine.requirements import Goal, Requirements
from planforge.offline.engine.sessions import Session, SessionKind, session_minutes, swim

LONG: Final = 6
"""Relative position of the long-session day."""
_PATTERNS: Final[dict[int, tuple[int, ...]]] = {
    1: (6,),
    2: (2, 6),
    3: (1, 3, 6),
    4: (1, 2, 4, 6),
    5: (1, 2, 3, 5, 6),
    6: (1, 2, 3, 4, 5, 6),
}
_HARD_PREFERENCE: Final = (1, 3, 4, 2)
_LONG_SHARE: Final = 0.30
_MIN_MINUTES: Final = 20
_LONG_CAPS: Final[dict[Goal, tuple[int, int]]] = {  # (long run, long ride) minutes
    "5k": (75, 0),
    "10k": (90, 0),
    "half": (120, 0),
    "marathon": (180, 0),
    "ultra": (240, 0),
    "general": (75, 0),
    "cycling": (0, 300),
    "triathlon-sprint": (60, 90),
    "triathlon-olympic": (90, 150),
    "triathlon-half": (120, 210),
    "triathlon-full": (150, 300),
}
_WEIGHTS: Final[dict[SessionKind, float]] = {"recovery-run": 0.75, "swim": 0.8, "bike": 1.3, "trail-run": 1.2}
_CONVERTIBLE: Final[tuple[SessionKind, ...]] = ("easy-run", "progression-run", "recovery-run", "cross-training", "bike")
_RECURRING_KINDS: Final[dict[str, SessionKind]] = {
    kind: kind for kind in ("trail-run", "cross-training", "swim", "bike", "walk", "hike")
}
_DROPPABLE: Final[frozenset[SessionKind]] = frozenset(
    {"easy-run", "recovery-run", "progression-run", "cross-training", "bike"}
)
_TRIATHLON_EASY: Final[tuple[SessionKind, ...]] = ("swim", "bike", "swim", "easy-run")


@dataclass(frozen=True)
class Slot:
    """A session to be sized: fixed, a share of the week (long sessions), or a weight of what remains."""

    kind: SessionKind
    fixed: Session | None = None
    share: float = 0.0
    cap: int = 0
    weight: float = 1.0


@dataclass(frozen=True)
class WeekContext:
    """What every week of one plan shares."""

    goal: Goal
    family: Family
    level: Level
    requirements: Requirements
    training_days: tuple[int, ...]
    """Relative positions (long day = 6) of the training days."""
    long_day: int
    """Calendar index of the long-session day (Monday 0)."""
    race_name: str
    race_meters: float

    def calendar_day(self, relative: int) -> int:
        """Calendar index (Monday 0) of a relative position."""
        return (relative + self.long_day - LONG) % 7


def training_days(days: int) -> tuple[int, ...]:
    """Relative training positions for `days` days a week (1–6; one rest day at least)."""
    return _PATTERNS[min(max(days, 1), 6)]


def _hard_positions(ctx: WeekContext, count: int) -> list[int]:
    chosen: list[int] = []
    for position in _HARD_PREFERENCE:
        if len(chosen) < count and position in ctx.training_days and all(abs(position - c) > 1 for c in chosen):
            chosen.append(position)
    if count and not chosen and len(ctx.training_days) == 2:
        chosen.append(ctx.training_days[0])
    return chosen


def _long_slots(ctx: WeekContext, target: WeekTarget) -> tuple[list[Slot], list[Slot]]:
    """(the long day's slots, the second long day's slots for a triathlon's ride or brick)."""
    run_cap, ride_cap = _LONG_CAPS[ctx.goal]
    if ctx.family == "cycling":
        return [Slot("long-ride", share=_LONG_SHARE, cap=ride_cap)], []
    long_run = [Slot("long-run", share=_LONG_SHARE if ctx.family == "run" else 0.2, cap=run_cap)]
    if ctx.family == "run":
        return long_run, []
    if target.phase in {"build", "peak"} and not target.step_back:
        brick_run = Session("brick-run", 15 if ctx.level == "beginner" else 20)
        return long_run, [Slot("brick-bike", share=0.25, cap=ride_cap), Slot("brick-run", fixed=brick_run)]
    return long_run, [Slot("long-ride", share=_LONG_SHARE, cap=ride_cap)]


def _easy_kinds(ctx: WeekContext, target: WeekTarget, positions: list[int], hard: list[int]) -> list[SessionKind]:
    if ctx.family == "cycling":
        return ["bike"] * len(positions)
    if ctx.family == "triathlon":
        return [_TRIATHLON_EASY[i % len(_TRIATHLON_EASY)] for i in range(len(positions))]
    many = len(ctx.training_days) >= 5
    kinds: list[SessionKind] = [
        "recovery-run" if many and position - 1 in hard else "easy-run" for position in positions
    ]
    if ctx.goal == "general":
        kinds = ["cross-training" if i % 2 else kind for i, kind in enumerate(kinds)]
    elif many and target.phase in {"build", "peak"} and ctx.level != "beginner" and "easy-run" in kinds:
        last = len(kinds) - 1 - kinds[::-1].index("easy-run")
        kinds[last] = "progression-run"
    return kinds


def _base_week(ctx: WeekContext, target: WeekTarget) -> dict[int, list[Slot]]:
    count = hard_count(len(ctx.training_days), ctx.level, target.phase, ctx.requirements.easy_share)
    hard = _hard_positions(ctx, count)
    has_long = len(ctx.training_days) >= 3
    long_slots, second_long = _long_slots(ctx, target) if has_long else ([], [])
    days: dict[int, list[Slot]] = {position: [] for position in ctx.training_days}
    for index, position in enumerate(hard):
        session = hard_session(hard_kind(ctx.goal, target, index), ctx.goal, ctx.level, target)
        days[position].append(Slot(session.kind, fixed=session))
    if has_long:
        days[LONG] = long_slots
    easy = [p for p in ctx.training_days if not days[p]]
    if second_long:
        ride_day = 5 if 5 in easy else easy[-1] if easy else LONG
        days[ride_day] = days[ride_day] + second_long
        easy = [p for p in easy if p != ride_day]
    for position, kind in zip(easy, _easy_kinds(ctx, target, easy, hard), strict=True):
        days[position] = [Slot(kind, weight=_WEIGHTS.get(kind, 1.0))]
    return days


def _to_easy(ctx: WeekContext, slot: Slot) -> Slot:
    kind: SessionKind = (
        "bike" if slot.kind in {"long-ride", "brick-bike", "tempo-ride", "interval-ride"} else "easy-run"
    )
    if ctx.family == "cycling":
        kind = "bike"
    return Slot(kind, weight=_WEIGHTS.get(kind, 1.0))


def _race_week(ctx: WeekContext, days: dict[int, list[Slot]]) -> dict[int, list[Slot]]:
    """Race on the long day; rest the day after; a shakeout the day before; one quality session ≥ 2 days out."""
    race = Session("race", meters=ctx.race_meters, race_name=ctx.race_name)
    shakeout = Session("bike", 30) if ctx.family == "cycling" else Session("easy-run", 20)
    kept_quality = False
    result: dict[int, list[Slot]] = {}
    for position, slots in days.items():
        offset = ctx.calendar_day(position) - ctx.long_day
        if position == LONG:
            result[position] = [Slot("race", fixed=race)]
        elif offset == 1:
            continue
        elif offset == -1:
            result[position] = [Slot(shakeout.kind, fixed=shakeout)]
        else:
            week_slots: list[Slot] = []
            for slot in slots:
                quality = slot.fixed is not None and slot.kind != "brick-run"
                if quality and offset <= -2 and not kept_quality:
                    kept_quality = True
                    week_slots.append(slot)
                elif slot.kind != "brick-run":
                    week_slots.append(slot if slot.fixed is None and not slot.share else _to_easy(ctx, slot))
            result[position] = week_slots
    return result


def _has_fixed(slots: list[Slot]) -> bool:
    return any(slot.fixed is not None for slot in slots)


def _count(days: dict[int, list[Slot]], kind: str) -> int:
    family = {"bike": {"bike", "long-ride", "brick-bike", "tempo-ride", "interval-ride"}}.get(kind, {kind})
    return sum(slot.kind in family for slots in days.values() for slot in slots)


def _add_one(ctx: WeekContext, target: WeekTarget, days: dict[int, list[Slot]], kind: str) -> None:
    if kind == "strength":
        order = sorted(days, key=lambda p: (len(days[p]), p == LONG, _has_fixed(days[p]), p))
        if order:
            days[order[0]] = [*days[order[0]], Slot("strength", fixed=Session("strength", 30))]
        return
    if kind == "hill-repeats":
        for slots in days.values():
            for index, slot in enumerate(slots):
                if slot.fixed is not None and slot.fixed.main is not None and slot.kind.endswith("-run"):
                    hills = hard_session("hill-repeats", ctx.goal, ctx.level, target)
                    slots[index] = Slot("hill-repeats", fixed=hills)
                    return
        return
    new_kind = _RECURRING_KINDS.get(kind)
    if new_kind is None:
        return
    candidates = [*_CONVERTIBLE, "swim", "long-run"] if new_kind == "trail-run" else [*_CONVERTIBLE]
    for candidate in candidates:
        for slots in days.values():
            for index, slot in enumerate(slots):
                if slot.kind == candidate and slot.fixed is None and slot.kind != new_kind:
                    slots[index] = replace(slot, kind=new_kind, weight=_WEIGHTS.get(new_kind, slot.weight))
                    return


def _apply_recurring(ctx: WeekContext, target: WeekTarget, days: dict[int, list[Slot]]) -> None:
    wanted = Counter(ctx.requirements.recurring)
    if ctx.goal == "general":
        wanted["strength"] = max(wanted["strength"], 1)
    if ctx.family == "triathlon":
        wanted["swim"] = max(wanted["swim"], 2 if len(ctx.training_days) >= 4 else 1)
    for kind, count in sorted(wanted.items()):
        for _ in range(count - _count(days, kind)):
            if kind == "swim" and ctx.family == "triathlon":
                order = sorted((p for p in days if p != LONG), key=lambda p: (len(days[p]), _has_fixed(days[p]), p))
                if order:
                    days[order[0]] = [*days[order[0]], Slot("swim", weight=_WEIGHTS["swim"])]
            else:
                _add_one(ctx, target, days, kind)


def _allocate(days: dict[int, list[Slot]], minutes: int, *, may_drop: bool) -> dict[int, list[Session]]:
    slots = [slot for position in sorted(days) for slot in days[position]]
    fixed = sum(session_minutes(slot.fixed) for slot in slots if slot.fixed is not None)
    long_minutes = {
        id(slot): max(_MIN_MINUTES, floor5(min(slot.share * minutes, slot.cap))) for slot in slots if slot.share
    }
    flexible = [slot for slot in slots if slot.fixed is None and not slot.share]
    units = max(0, (minutes - fixed - sum(long_minutes.values())) // 5)
    while may_drop and len(flexible) > 1 and units < len(flexible) * _MIN_MINUTES // 5:
        # A lighter week too small for all its easy sessions drops one rather than overshoot its volume.
        droppable = [slot for slot in flexible if slot.kind in _DROPPABLE]
        if not droppable:
            break
        dropped = droppable[-1]
        flexible = [slot for slot in flexible if slot is not dropped]
        days = {position: [slot for slot in day if slot is not dropped] for position, day in days.items()}
    total_weight = sum(slot.weight for slot in flexible) or 1.0
    shares = [int(units * slot.weight / total_weight) for slot in flexible]
    for index in range(units - sum(shares) if shares else 0):
        shares[index % len(shares)] += 1
    sized = {id(slot): max(_MIN_MINUTES, 5 * share) for slot, share in zip(flexible, shares, strict=True)}
    sized.update(long_minutes)

    def session(slot: Slot) -> Session:
        if slot.fixed is not None:
            return slot.fixed
        return swim(sized[id(slot)]) if slot.kind == "swim" else Session(slot.kind, sized[id(slot)])

    return {position: [session(slot) for slot in days[position]] for position in sorted(days) if days[position]}


def build_week(ctx: WeekContext, target: WeekTarget) -> dict[Weekday, list[Session]]:
    """The week's sessions by calendar day; days without sessions are rest days."""
    days = _base_week(ctx, target)
    if target.race_week:
        days = _race_week(ctx, days)
    _apply_recurring(ctx, target, days)
    sized = _allocate(days, target.minutes, may_drop=target.step_back or target.taper)
    week: dict[Weekday, list[Session]] = {day: [] for day in WEEKDAYS}
    for position, sessions in sized.items():
        week[WEEKDAYS[ctx.calendar_day(position)]] = sessions
    return week
