"""Who is calling: the principal a credential resolves to, and what it may do."""

from __future__ import annotations

from typing import Final, Literal, get_args

from pydantic import BaseModel, ConfigDict

Role = Literal["head_coach", "assistant_coach", "coach", "athlete"]
"""The product's roles. Coaches of every rank may generate plans; athletes may not."""

ROLES: Final[tuple[Role, ...]] = get_args(Role)

GENERATING_ROLES: Final[frozenset[Role]] = frozenset({"head_coach", "assistant_coach", "coach"})
"""Roles allowed to generate plans and manage the org's training principle."""

COACH_AGENT_FEATURE: Final = "coach_agent"
"""The org feature that unlocks AI plan generation (the spec's "Coach Agent")."""


class Principal(BaseModel):
    """The caller behind a credential: their org, role and the org's enabled features."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    org_id: str
    """The organization the credential belongs to; a principal acts only on its own org."""
    role: Role
    """The caller's role within the org."""
    features: frozenset[str] = frozenset()
    """Features enabled on the org's plan, e.g. `coach_agent`."""

    @property
    def may_generate(self) -> bool:
        """Whether this principal's role may generate plans."""
        return self.role in GENERATING_ROLES

    @property
    def has_coach_agent(self) -> bool:
        """Whether the principal's org has the Coach Agent feature."""
        return COACH_AGENT_FEATURE in self.features
