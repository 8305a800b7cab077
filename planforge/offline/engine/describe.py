"""The words around the sessions: title, overview, phase names and descriptions, week focus."""

from __future__ import annotations

from typing import Final

from planforge.domain.draft import DraftPhase
from planforge.domain.vocabulary import WEEKDAYS, Level, Phase
from planforge.offline.engine.paces import Paces, format_pace
from planforge.offline.engine.periodization import WeekTarget
from planforge.offline.engine.requirements import Goal, Requirements

GOAL_NAMES: Final[dict[Goal, str]] = {
    "5k": "5K",
    "10k": "10K",
    "half": "Half Marathon",
    "marathon": "Marathon",
    "ultra": "Ultramarathon",
    "triathlon-sprint": "Sprint Triathlon",
    "triathlon-olympic": "Olympic Triathlon",
    "triathlon-half": "Half-Distance Triathlon",
    "triathlon-full": "Full-Distance Triathlon",
    "cycling": "Cycling",
    "general": "General Fitness",
}
RACE_NAMES: Final[dict[Goal, str]] = {
    "5k": "5K",
    "10k": "10K",
    "half": "Half marathon",
    "marathon": "Marathon",
    "ultra": "Ultramarathon",
    "triathlon-sprint": "Sprint triathlon",
    "triathlon-olympic": "Olympic triathlon",
    "triathlon-half": "Half-distance triathlon",
    "triathlon-full": "Full-distance triathlon",
    "cycling": "Cycling event",
    "general": "Race",
}
_PHASE_TEXT: Final[dict[Phase, tuple[str, str]]] = {
    "base": (
        "Base Building",
        "Aerobic foundation: mostly easy sessions at conversational effort, volume growing gently.",
    ),
    "build": ("Build Phase", "More volume and regular quality work (threshold and intervals) on top of the easy base."),
    "peak": ("Peak Phase", "Race-specific sessions at the highest sustainable load of the plan."),
    "taper": ("Taper and Race", "Volume drops while intensity stays, so you arrive fresh for race day."),
}
_FOCUS: Final[dict[Phase, str]] = {
    "base": "Aerobic foundation",
    "build": "Building volume and threshold",
    "peak": "Race-specific sharpening",
    "taper": "Taper: reduced volume, sharp legs",
}


def title(weeks: int, level: Level, goal: Goal) -> str:
    """`12-Week Intermediate Half Marathon Training Plan`."""
    return f"{weeks}-Week {level.title()} {GOAL_NAMES[goal]} Training Plan"


def phase_entries(targets: list[WeekTarget], race: bool) -> list[DraftPhase]:
    """One DraftPhase per run of consecutive weeks sharing a phase."""
    phases: list[DraftPhase] = []
    for target in targets:
        if phases and phases[-1].phase == target.phase:
            phases[-1] = phases[-1].model_copy(update={"end_week": target.week})
            continue
        name, description = _PHASE_TEXT.get(target.phase, ("Training", "Steady training."))
        if target.phase == "taper" and not race:
            name = "Taper"
        phases.append(DraftPhase(phase=target.phase, name=name, start_week=target.week, end_week=target.week,
                                 description=description))  # fmt: skip
    return phases


def week_focus(target: WeekTarget, race: bool) -> str:
    """A few words on what the week is for."""
    if target.race_week:
        return "Race week"
    if target.step_back:
        return "Step-back week: absorb the training"
    if not race and target.phase == "build":
        return "Building fitness"
    return _FOCUS.get(target.phase, "Training")


def overview(
    requirements: Requirements, level: Level, days: int, long_day: int, targets: list[WeekTarget], paces: Paces | None
) -> str:
    """A short paragraph on goal, structure, intensity and progression."""
    peak = max(target.minutes for target in targets)
    race = ", ending with race day" if requirements.race else ""
    plural = "s" if days != 1 else ""
    parts = [
        f"A {len(targets)}-week {level} {GOAL_NAMES[requirements.goal]} plan{race}, training {days} day{plural} a week"
        f" with the long session on {WEEKDAYS[long_day]}.",
        f"About {requirements.easy_share:.0%} of sessions are easy; weekly volume grows by at most 10% a week and"
        f" peaks at about {peak // 60}h{peak % 60:02d}, with a lighter step-back week every"
        f" {requirements.step_back_every} weeks.",
    ]
    if requirements.race:
        parts.append("The last weeks taper (volume down, intensity kept) into race day.")
    if requirements.recurring:
        parts.append(f"Every week includes: {', '.join(requirements.recurring)}.")
    if paces is not None:
        parts.append(f"Goal race pace {format_pace(paces.race)}; threshold {format_pace(paces.threshold)}.")
    return " ".join(parts)
