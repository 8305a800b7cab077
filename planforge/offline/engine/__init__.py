"""The offline coach's periodization engine: a deterministic training-plan draft from a DraftRequest.

    read_requirements(additional_prompt, principle, start_date) → Requirements   (what the request asks for)
    write_plan(request, principle, library) → EnginePlan                         (draft + the same sessions, typed)

Same request, same plan: no randomness, no clock. Every coaching figure comes from `planforge.coaching`; the
draft is written in the request's language with words the offline parser reads back to the same workouts.
"""

from __future__ import annotations

from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import WorkoutType
from planforge.offline.engine.library import LibraryCatalog, LibraryEntry
from planforge.offline.engine.profile import profile_for
from planforge.offline.engine.understand import read_requirements
from planforge.offline.engine.writer import EnginePlan, plan_from

__all__ = ["EnginePlan", "LibraryCatalog", "LibraryEntry", "plan_sports", "read_requirements", "write_plan"]


def plan_sports(request: DraftRequest, principle: str) -> frozenset[WorkoutType]:
    """The sports a plan for `request` trains (what the coach looks for in the org's library)."""
    requirements = read_requirements(request.additional_prompt, principle, request.start_date)
    return frozenset(profile_for(requirements, request.weeks, request.level, request.start_date).counts)


def write_plan(request: DraftRequest, principle: str, library: LibraryCatalog | None = None) -> EnginePlan:
    """Write a plan for `request`, honouring what `principle` and the additional prompt say, with sessions from the
    org's `library` (what the coach found in it) under prefer_existing / strict_existing."""
    requirements = read_requirements(request.additional_prompt, principle, request.start_date)
    return plan_from(requirements, request.weeks, request.level, request.start_date, library)
