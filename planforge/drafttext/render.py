"""The canonical draft text: how a typed `Draft` is rendered for the coach to read and edit.

The format follows the spec's example and is what `planforge.drafttext.segment` and the offline parser read back:

    12-Week Intermediate Half Marathon Training Plan

    <overview paragraph>

    Phase 1 (Weeks 1–4): Base Building
    <phase description>

    Week 1: Aerobic foundation
    - Monday: Rest
    - Tuesday: Easy run 45 min
    ...
"""

from __future__ import annotations

from planforge.domain.draft import Draft, DraftPhase


def phase_header(index: int, phase: DraftPhase) -> str:
    """`Phase 1 (Weeks 1–4): Base Building`; the phase keyword is added when the name lacks it."""
    span = (
        f"Week {phase.start_week}"
        if phase.start_week == phase.end_week
        else f"Weeks {phase.start_week}–{phase.end_week}"
    )
    name = phase.name if phase.phase in phase.name.lower() else f"{phase.phase.title()} — {phase.name}"
    return f"Phase {index} ({span}): {name}"


def render_draft(draft: Draft) -> str:
    """Render `draft` as the canonical text, phases introducing their weeks."""
    lines: list[str] = [draft.title, "", draft.overview]
    phase_starts = {phase.start_week: (index, phase) for index, phase in enumerate(draft.phases, start=1)}
    for week in draft.weeks:
        if week.week in phase_starts:
            index, phase = phase_starts[week.week]
            lines += ["", phase_header(index, phase), phase.description]
        lines += ["", f"Week {week.week}: {week.focus}"]
        lines += [f"- {day.day}: {day.session}" for day in week.days]
    return "\n".join(lines) + "\n"
