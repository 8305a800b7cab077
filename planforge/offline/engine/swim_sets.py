"""A swim's sets: warm-up, drills, a main set of repeats with rest at the wall, cool-down, adding up to the swim's
metres.

A weak or beginner swimmer's swims are drills and short repeats (25–50 m) with long rests; a stronger swimmer's
are 100 m repeats, and in a build week one swim is a threshold (CSS) set. The draft states every length, and the
typed workout carries the same blocks the draft parser reads from those words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from planforge.domain.plan import ContentBlock
from planforge.domain.vocabulary import WEEKDAYS, BlockType, PaceZone
from planforge.offline.engine.periodization import WeekTarget
from planforge.offline.engine.profile import Profile
from planforge.offline.engine.text.measured import QUALITY_KINDS
from planforge.offline.engine.week import Week

MIN_SET_METERS: Final = 300
"""Shorter swims stay one steady swim."""
_WEAK_SWIM_METERS: Final = 400
"""A swimmer who cannot swim this far without stopping starts from drills and single lengths."""
_LONG_KINDS: Final = frozenset({"long-run", "long-ride", "brick-bike", "brick-run"})
_WALL_REST_SECONDS: Final = {"weak": 30, "steady": 20, "threshold": 15}


@dataclass(frozen=True)
class SwimSet:
    """The parts of one swim, in metres; they add up to the swim's length."""

    warm_up: int
    drill_reps: int
    drill_meters: int
    reps: int
    rep_meters: int
    rest_seconds: int
    threshold: bool
    cool_down: int

    @property
    def meters(self) -> int:
        """The whole swim."""
        return self.warm_up + self.drill_reps * self.drill_meters + self.reps * self.rep_meters + self.cool_down


def swim_set(meters: float, *, weak: bool, threshold: bool) -> SwimSet | None:
    """The sets of a swim of `meters` (None when too short to split, or not in 25 m lengths)."""
    total = int(meters)
    if total < MIN_SET_METERS or total % 25:
        return None
    threshold = threshold and not weak
    short = total < 600  # a first swimmer's 300–500 m: single lengths
    rep = 100 if not weak else 25 if short else 50
    drill = 25 if weak or total < 1000 else 50
    drills = 4 if short or not weak else 6
    cool_down = 50 if short else 100 if total < 1500 else 200
    warm_up = 50 if short else max(100, int(total * 0.2) // 50 * 50)
    main = total - warm_up - drills * drill - cool_down
    reps = main // rep
    if reps < 3:
        return None
    warm_up += main - reps * rep  # what the repeats leave over is swum easy first
    rest = _WALL_REST_SECONDS["weak" if weak else "threshold" if threshold else "steady"]
    return SwimSet(warm_up, drills, drill, reps, rep, rest, threshold, cool_down)


def _distance(kind: BlockType, meters: int, zone: PaceZone) -> ContentBlock:
    return ContentBlock(type=kind, block_length_target="distance", block_distance_in_meters=float(meters),
                        block_pace=zone, block_intensity_target="pace")  # fmt: skip


def _repeats(reps: int, meters: int, zone: PaceZone, rest_seconds: int) -> ContentBlock:
    children = [_distance("run", meters, zone)]
    if rest_seconds:
        rest = ContentBlock(type="recovery-run", block_length_target="duration", block_duration_in_seconds=rest_seconds,
                            block_pace="z1", block_intensity_target="pace")  # fmt: skip
        children.append(rest)
    return ContentBlock(type="interval", block_length_target="distance", block_pace=zone,
                        block_intensity_target="pace", block_repeat=reps, content_blocks=children)  # fmt: skip


def swim_blocks(sets: SwimSet) -> list[ContentBlock]:
    """The blocks of a swim's sets, as the draft parser reads them: the repeats nest their rest at the wall."""
    zone: PaceZone = "z4" if sets.threshold else "z2"
    return [
        _distance("warm-up", sets.warm_up, "z2"),
        _repeats(sets.drill_reps, sets.drill_meters, "z2", 0),
        _repeats(sets.reps, sets.rep_meters, zone, sets.rest_seconds),
        _distance("cool-down", sets.cool_down, "z1"),
    ]


def weak_swimmer(profile: Profile) -> bool:
    """A beginner, or a swimmer who has never swum, swims breaststroke or under 400 m without stopping."""
    current = profile.requirements.current_by_sport.get("swim")
    if profile.level == "beginner":
        return True
    if current is None:
        return False
    short = current.longest_session_m is not None and current.longest_session_m < _WEAK_SWIM_METERS
    return current.never_trained or short or current.stroke == "breaststroke"


def _hard_day(week: Week, index: int) -> bool:
    return any(s.kind in QUALITY_KINDS for s in week.get(WEEKDAYS[index], []))


def _free_day(week: Week, index: int) -> bool:
    """No hard session or race the day before, that day or the day after, and no long session that day."""
    days = WEEKDAYS[max(index - 1, 0) : index + 2]
    if any(s.kind in QUALITY_KINDS or s.race is not None for day in days for s in week.get(day, [])):
        return False
    return not any(s.kind in _LONG_KINDS for s in week.get(WEEKDAYS[index], []))


def _threshold_day(week: Week) -> int | None:
    """Where a threshold swim goes: with the week's other hard work (hard days hard, easy days easy), else on a
    day with no hard session next to it; None when neither has a swim."""
    swim_days = [i for i, day in enumerate(WEEKDAYS) if any(s.kind == "swim" and s.library is None
                                                              for s in week.get(day, []))]  # fmt: skip
    hard = [i for i in swim_days if _hard_day(week, i)]
    free = [i for i in swim_days if _free_day(week, i)]
    return (hard or free or [None])[0]


def week_swim_sets(profile: Profile, target: WeekTarget, week: Week) -> dict[int, SwimSet]:
    """The sets of each of the week's swims, keyed by `id(session)`: one threshold set in a build or peak week of a
    stronger swimmer (never under an "easy swims" caution), placed by `_threshold_day`."""
    weak = weak_swimmer(profile)
    threshold = (not weak and target.kind == "build" and target.phase in {"build", "peak"}
                 and not profile.flags.easy_swims)  # fmt: skip
    threshold_day = _threshold_day(week) if threshold else None
    sets: dict[int, SwimSet] = {}
    for index, day in enumerate(WEEKDAYS):
        for session in week.get(day, []):
            if session.kind != "swim" or session.library is not None:
                continue
            found = swim_set(session.meters, weak=weak, threshold=index == threshold_day)
            if found is not None:
                sets[id(session)] = found
                threshold_day = None if found.threshold else threshold_day
    return sets
