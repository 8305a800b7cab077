"""The offline coach's periodization engine: a deterministic training-plan draft from a DraftRequest.

    read_requirements(additional_prompt, principle, start_date) → Requirements   (what the request asks for)
    write_plan(request, principle) → EnginePlan                                  (draft + the same sessions, typed)

Same request, same plan: no randomness, no clock. Every coaching figure comes from `planforge.coaching`; the
draft is written in the request's language with words the offline parser reads back to the same workouts.
"""

from __future__ import annotations

from planforge.domain.requests import DraftRequest
from planforge.offline.engine.understand import read_requirements
from planforge.offline.engine.writer import EnginePlan, plan_from

__all__ = ["EnginePlan", "read_requirements", "write_plan"]


def write_plan(request: DraftRequest, principle: str) -> EnginePlan:
    """Write a plan for `request`, honouring what `principle` and the additional prompt say."""
    requirements = read_requirements(request.additional_prompt, principle, request.start_date)
    return plan_from(requirements, request.weeks, request.level, request.start_date)
