"""The draft: the typed output of the draft agent, and the draft result the API returns.

The draft agent fills `Draft` (weeks × all seven days, rest days explicit); planforge renders it into the
canonical text (`planforge.drafttext.render.render_draft`) that the coach reads and edits.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from planforge.domain.requirements import Requirements
from planforge.domain.usage import Usage
from planforge.domain.vocabulary import Language, Level, Phase, Weekday

_MODEL_CONFIG = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class DraftDay(BaseModel):
    """One day of a draft week."""

    model_config = _MODEL_CONFIG

    day: Weekday
    """Day of the week."""
    session: str = Field(min_length=1, max_length=300)
    """What to do, in a coach's words with numbers, e.g. "Easy run 45 min", "Intervals: 6 x 800m @ 5K pace w/ 400m
    jog", "Long run 16 km"; exactly "Rest" on a rest day. Two sessions on one day are joined with " + "."""


class DraftWeek(BaseModel):
    """One week of a draft."""

    model_config = _MODEL_CONFIG

    week: int = Field(ge=1, le=52)
    """Week number, 1-based."""
    focus: str = Field(min_length=1, max_length=200)
    """The week's focus in a few words, e.g. "Aerobic foundation" or "Step-back week"."""
    days: list[DraftDay]
    """All seven days, Monday to Sunday, rest days included."""


class DraftPhase(BaseModel):
    """A block of consecutive weeks sharing one training phase."""

    model_config = _MODEL_CONFIG

    phase: Phase
    """base, build, peak, taper (or recovery, race)."""
    name: str = Field(min_length=1, max_length=80)
    """Title of the phase, e.g. "Base Building"."""
    start_week: int = Field(ge=1, le=52)
    """First week of the phase."""
    end_week: int = Field(ge=1, le=52)
    """Last week of the phase (inclusive)."""
    description: str = Field(min_length=1, max_length=600)
    """One or two sentences on the phase's purpose."""


class Draft(BaseModel):
    """A whole training-plan draft."""

    model_config = _MODEL_CONFIG

    title: str = Field(min_length=1, max_length=150)
    """Plan title, e.g. "12-Week Intermediate Half Marathon Training Plan"."""
    overview: str = Field(min_length=1, max_length=1_500)
    """A short paragraph: goal, structure, how intensity and volume progress."""
    phases: list[DraftPhase]
    """Phases in order, together covering every week exactly once."""
    weeks: list[DraftWeek]
    """Every week in order, numbered 1..N."""
    language: Language | None = None
    """The language the draft is written in (ISO 639-1): its headers and day names are rendered in it."""


class OutlinePhase(DraftPhase):
    """A phase of a draft outline: its weekly volumes and its key sessions, before the days are written."""

    weekly_minutes: list[int] = Field(min_length=1, max_length=52)
    """Planned training time of each week of the phase, in minutes, in order (one number per week)."""
    key_sessions: str = Field(min_length=1, max_length=300)
    """The phase's key sessions and how they progress, e.g. "long run 70→100 min, tempo 20→35 min"."""

    def as_draft_phase(self) -> DraftPhase:
        """The phase as the finished draft states it."""
        return DraftPhase.model_validate(self.model_dump(exclude={"weekly_minutes", "key_sessions"}))


class DraftOutline(BaseModel):
    """A long plan's outline, written before its weeks: phases with their weekly volumes and key sessions.

    Compact on purpose (a number per week, a line per phase): the outline call must be short for the
    expansions that follow it to pay off.
    """

    model_config = _MODEL_CONFIG

    title: str = Field(min_length=1, max_length=150)
    """Plan title."""
    overview: str = Field(min_length=1, max_length=1_500)
    """A short paragraph: goal, structure, how intensity and volume progress."""
    phases: list[OutlinePhase]
    """Phases in order, together covering every week exactly once."""


class DraftWeeks(BaseModel):
    """Some weeks of a draft, written out day by day from the outline."""

    model_config = _MODEL_CONFIG

    weeks: list[DraftWeek]
    """The requested weeks in order, each with all seven days."""


class DraftMetadata(BaseModel):
    """The request parameters a draft echoes, with the server's generation time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    weeks: int
    level: Level
    org_id: str
    generated_at: dt.datetime
    """When the draft was generated (UTC)."""
    requirements: Requirements | None = None
    """What planforge understood the request to ask for (race, days, caps, hours, athlete, language), and what it
    could not use."""


class DraftResult(BaseModel):
    """The result of step 1: the spec's `data` object, plus usage."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    draft: str
    """The draft text for the coach to read and edit."""
    training_principle: str
    """The training principle actually used (request override, org principle, or the built-in default)."""
    metadata: DraftMetadata
    usage: Usage = Field(default_factory=lambda: Usage())
    """Model usage of the generation."""
