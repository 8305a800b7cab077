"""The draft text format, both directions: rendering a typed `Draft`, and reading any draft back into weeks.

render_draft(draft)      → the canonical text a coach reads and edits   (render.py)
segment_draft(text)      → SegmentedDraft: weeks and plan-wide context     (segment.py, days.py, tables.py)
plan_context(text)       → plan-wide facts: bare-number unit, sport       (context.py)
"""

from planforge.drafttext.context import NO_CONTEXT, PlanContext, plan_context
from planforge.drafttext.render import render_draft
from planforge.drafttext.segment import SegmentedDraft, check_weeks, segment_draft

__all__ = [
    "NO_CONTEXT",
    "PlanContext",
    "SegmentedDraft",
    "check_weeks",
    "plan_context",
    "render_draft",
    "segment_draft",
]
