"""Phases and the load of each week: how a plan of N weeks is cut into base, build, peak and taper, where the
step-back weeks and tune-up races fall, and how far each week is along the way to the peak.

- Taper: the knowledge's taper length for the race, in whole weeks (5K and 10K 1, half marathon 2, marathon,
  50K and Ironman 3, the rest 2), cutting volume progressively to 45 % of the peak in race week (race week
  40–60 %, Bosquet 2007: −41–60 %). A plan shorter than its taper is all taper.
- Step-back weeks: the principle's loading pattern (3:1 by default, 2:1 when it says so), never the last week
  before the taper, at 80 % of the week before; the week after one returns to the level before it (+25 %) and
  the build resumes from there, so no week grows by 30 % or more, a step-back included.
- Long plans (20 training weeks or more) hold tune-up races of shorter distances in step-back weeks at least
  eight weeks apart and six weeks clear of the taper, so the year is made of blocks, not of one flat line.
- Each build week moves one step along the way from the athlete's start to the race's peak
  (`planforge.offline.engine.sizes` turns the steps into minutes, at most +10 % a week).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from planforge.coaching import Race
from planforge.domain.vocabulary import Phase, RaceDistance

WeekKind = Literal["build", "step-back", "tune-up", "taper", "race", "after-race"]

STEP_BACK_VOLUME: Final = 0.8
TUNE_UP_VOLUME: Final = 0.8
TAPER_VOLUME: Final[dict[int, tuple[float, ...]]] = {1: (0.45,), 2: (0.75, 0.45), 3: (0.8, 0.65, 0.45)}
_TAPER_WEEKS: Final[dict[RaceDistance, int]] = {
    "5k": 1, "10k": 1, "half-marathon": 2, "marathon": 3, "50k": 3, "ironman": 3,
}  # fmt: skip
_DEFAULT_TAPER_WEEKS: Final = 2
_MAX_BASE_WEEKS: Final = 16
_MAX_PEAK_WEEKS: Final = 6
_TUNE_UP_FROM_WEEKS: Final = 20
_TUNE_UP_GAP: Final = 8
_TUNE_UP_CLEAR: Final = 6
_TUNE_UPS: Final[dict[RaceDistance, tuple[RaceDistance, ...]]] = {
    "marathon": ("10k", "half-marathon"), "half-marathon": ("5k", "10k"), "10k": ("5k", "5k"), "5k": ("5k", "5k"),
    "50k": ("half-marathon", "marathon"), "ultra": ("half-marathon", "marathon"),
    "olympic-triathlon": ("sprint-triathlon", "sprint-triathlon"),
    "half-ironman": ("sprint-triathlon", "olympic-triathlon"), "ironman": ("olympic-triathlon", "half-ironman"),
    "other": ("5k", "10k"),
}  # fmt: skip


@dataclass(frozen=True)
class WeekTarget:
    """What one week is for and how much it holds."""

    week: int
    phase: Phase
    kind: WeekKind
    build_index: int
    """How many build steps the plan has taken by this week (0 in week 1)."""
    build_steps: int
    """How many build steps the plan takes in all (the peak is reached at the last)."""
    volume: float = 1.0
    """The week's volume against a build week at the same step (step-back 0.75, taper 0.8 … 0.45)."""
    phase_week: int = 0
    """0-based index of the week inside its phase, to rotate session choices."""
    tune_up: RaceDistance | None = None
    """The tune-up race of a tune-up week."""
    taper_week: int = 0
    """1-based index of a taper week (race week is the last)."""
    volume_index: int = 0
    """How many steps the week's volume has taken by this week: the week after a step-back week returns to the
    level before it instead of stepping on (the long session still steps on: it is judged against the longest of
    the last 30 days, not against the step-back week)."""
    volume_steps: int = 0
    """How many steps the week's volume takes in all."""
    after_step_back: bool = False
    """The week follows a step-back week (it may hold at most 25 % more than it)."""

    @property
    def progress(self) -> float:
        """How far along the way to the peak this week is (0–1)."""
        return self.build_index / self.build_steps if self.build_steps else 1.0

    @property
    def lighter(self) -> bool:
        """A week lighter than the build around it (step-back, tune-up, taper, race week)."""
        return self.kind != "build"


def taper_weeks(race: Race | None, race_week: int | None) -> int:
    """Taper weeks before and including race week: the race's, or every week of a plan shorter than that."""
    if race is None or race_week is None:
        return 0
    weeks = _TAPER_WEEKS.get(race.reference, _DEFAULT_TAPER_WEEKS)
    return race_week if race_week <= weeks else weeks


def phase_lengths(training: int, racing: bool) -> list[tuple[Phase, int]]:
    """(phase, weeks) of the weeks before the taper; a plan without a race is base then build."""
    if not racing:
        base = max(1, -(-training // 2)) if training else 0
        return [("base", base), ("build", training - base)]
    if training <= 3:
        short: tuple[Phase, ...] = ("base", "build", "peak")
        return [(phase, 1) for phase in short[3 - training :]]
    peak = min(_MAX_PEAK_WEEKS, max(1, round(training * 0.2)))
    build = max(1, round(training * 0.35))
    base = training - peak - build
    if base > _MAX_BASE_WEEKS:
        build += base - _MAX_BASE_WEEKS
        base = _MAX_BASE_WEEKS
    return [("base", base), ("build", build), ("peak", peak)]


def _kinds(
    training: int, build_weeks: int, race: Race | None, tune_ups: bool
) -> list[tuple[WeekKind, RaceDistance | None]]:
    cycle = build_weeks + 1
    kinds: list[tuple[WeekKind, RaceDistance | None]] = []
    for index in range(1, training + 1):
        step_back = training > cycle and index % cycle == 0 and index < training
        kinds.append(("step-back" if step_back else "build", None))
    if not tune_ups or race is None or training < _TUNE_UP_FROM_WEEKS or race.reference not in _TUNE_UPS:
        return kinds
    ladder = _TUNE_UPS[race.reference]
    chosen: list[int] = []
    for index in range(training - _TUNE_UP_CLEAR, 0, -1):
        spaced = not chosen or chosen[-1] - index >= _TUNE_UP_GAP
        if kinds[index - 1][0] == "step-back" and index >= _TUNE_UP_GAP and len(chosen) < len(ladder) and spaced:
            chosen.append(index)
    for rung, index in zip(reversed(ladder), chosen, strict=False):
        kinds[index - 1] = ("tune-up", rung)
    return kinds


def weekly_targets(
    weeks: int, race: Race | None, race_week: int | None, build_weeks: int, *, tune_ups: bool = False
) -> list[WeekTarget]:
    """One target per week, in order; `tune_ups` allows tune-up races in long running plans."""
    last = race_week or weeks
    tapering = taper_weeks(race, race_week)
    training = last - tapering
    phases: list[Phase] = [p for p, n in phase_lengths(training, race is not None) for _ in range(n)]
    taper_phase: Phase = "taper"
    tail: list[Phase] = [taper_phase] * tapering
    phases += tail
    kinds = _kinds(training, build_weeks, race, tune_ups and race is not None and race.sport == "run")
    advancing = [kind == "build" and (i == 0 or kinds[i - 1][0] == "build") for i, (kind, _) in enumerate(kinds)]
    steps = max(0, sum(kind == "build" for kind, _ in kinds) - 1)
    volume_steps = max(0, sum(advancing) - 1)
    targets: list[WeekTarget] = []
    index = level = -1
    for week in range(1, weeks + 1):
        phase = phases[min(week, last) - 1]
        phase_week = week - 1 - phases.index(phase)
        if week > last:
            targets.append(WeekTarget(week, "taper", "after-race", index, steps, 0.0, volume_index=max(level, 0),
                                      volume_steps=volume_steps))  # fmt: skip
        elif week > training:
            taper = week - training
            volume = TAPER_VOLUME[tapering][taper - 1]
            kind: WeekKind = "race" if week == last else "taper"
            targets.append(WeekTarget(week, phase, kind, max(index, 0), steps, volume, phase_week, None, taper,
                                      volume_index=max(level, 0), volume_steps=volume_steps))  # fmt: skip
        else:
            kind, tune_up = kinds[week - 1]
            index += kind == "build"
            level += advancing[week - 1]
            volume = {"build": 1.0, "step-back": STEP_BACK_VOLUME, "tune-up": TUNE_UP_VOLUME}[kind]
            after = week > 1 and kinds[week - 2][0] != "build" and kind == "build"
            targets.append(WeekTarget(week, phase, kind, max(index, 0), steps, volume, phase_week, tune_up,
                                      volume_index=max(level, 0), volume_steps=volume_steps,
                                      after_step_back=after))  # fmt: skip
    return targets
