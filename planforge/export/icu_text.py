"""intervals.icu workout text: the plain-text syntax its workout builder reads.

Each step is a line `- <cue> <length> <target>`: the cue is the step's role ("Warm-up", "Run", "Recovery"),
the length `1h2m30s` (`m` is minutes) or `2km` / `400mtr`, the target a zone steered by pace (`Z2 Pace`), heart
rate (`Z2 HR`) or power (`Z2`). A repeat is a `Main Set 5x` header with a blank line before and after; repeats
do not nest (see `planforge.export.steps`). A step with no length is `press lap`, which ends on the lap button.
"""

from __future__ import annotations

from typing import Final

from planforge.domain.plan import Plan, PlanWorkout, WorkoutContent
from planforge.domain.vocabulary import IntensityTarget, WorkoutType
from planforge.export.steps import Segment, Step, step_label, workout_segments

_TARGET_SUFFIX: Final[dict[IntensityTarget, str]] = {"pace": " Pace", "heartrate": " HR", "power": ""}


def duration_text(seconds: int) -> str:
    """5400 → "1h30m", 90 → "1m30s", 45 → "45s"."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{value}{unit}" for value, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if value]
    return "".join(parts) or "0s"


def distance_text(meters: float) -> str:
    """400 → "400mtr", 2000 → "2km", 21097.5 → "21.0975km" (`m` would mean minutes)."""
    if meters < 1000 and meters == int(meters):
        return f"{int(meters)}mtr"
    return f"{meters / 1000:.4f}".rstrip("0").rstrip(".") + "km"


def step_phrase(step: Step, workout_type: WorkoutType) -> str:
    """The step without its leading dash: "Warm-up 15m Z2 Pace"."""
    if step.seconds is not None:
        length = duration_text(step.seconds)
    elif step.meters is not None:
        length = distance_text(step.meters)
    else:
        length = "press lap"
    target = "" if step.zone is None else f" Z{step.zone}{_TARGET_SUFFIX[step.steered_by]}"
    return f"{step_label(step.kind, workout_type)} {length}{target}"


def _segment_lines(segment: Segment, workout_type: WorkoutType) -> list[str]:
    if isinstance(segment, Step):
        return [f"- {step_phrase(segment, workout_type)}"]
    steps = [f"- {step_phrase(step, workout_type)}" for step in segment.steps]
    return ["", f"Main Set {segment.count}x", *steps, ""]


def workout_to_icu(workout: WorkoutContent) -> str:
    """The workout's steps as intervals.icu workout text, ready to paste into its workout builder."""
    lines: list[str] = []
    for segment in workout_segments(workout):
        lines.extend(_segment_lines(segment, workout.workout_type))
    text = "\n".join(lines).strip("\n")
    while "\n\n\n" in text:  # two repeats in a row share one blank line
        text = text.replace("\n\n\n", "\n\n")
    return text + "\n"


def steps_summary(workout: WorkoutContent) -> str:
    """The steps on one line: "Warm-up 15m Z2 Pace; 5x (Run 3m Z5 Pace, Recovery 2m Z1 Pace); Cool-down 10m"."""
    parts: list[str] = []
    for segment in workout_segments(workout):
        if isinstance(segment, Step):
            parts.append(step_phrase(segment, workout.workout_type))
        else:
            inner = ", ".join(step_phrase(step, workout.workout_type) for step in segment.steps)
            parts.append(f"{segment.count}x ({inner})")
    return "; ".join(parts)


def workout_heading(workout: PlanWorkout) -> str:
    """ "Week 1 · Monday 2026-05-04 · Tempo Run 45 min (run, tempo-run)"; no date for an undated plan."""
    when = f"{workout.day} {workout.date.isoformat()}" if workout.date else workout.day
    kind = f"{workout.workout_type}, {workout.workout_sub_type}"
    return f"Week {workout.week} · {when} · {workout.workout_name} ({kind})"


def to_icu_text(plan: Plan) -> str:
    """Every workout of the plan: a `# heading` line, its description on one line, then its workout text."""
    sections = [
        f"# {workout_heading(workout)}\n{' '.join(workout.workout_description.split())}\n\n{workout_to_icu(workout)}"
        for workout in plan.content
    ]
    return "\n".join(sections)
