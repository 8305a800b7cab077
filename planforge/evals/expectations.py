"""Dataset v2: the structured expectations of an eval case, read by the evaluators.

A v2 case's `metadata` states what the request asked for in checkable form: the race (sport, distance, day,
date), the weekdays allowed, time caps, hours per week, days per sport, the long-session day, the language the
draft must be in, cautions. Each evaluator reads the fields it checks and skips a case that states nothing
about them, so a case written for one constraint is never failed for another it never mentioned.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from planforge.domain.vocabulary import Language, RaceDistance, RaceSport, Weekday, WorkoutType

PrincipleClaim = Literal["polarized", "3:1-loading", "2:1-loading", "pyramidal", "threshold-heavy"]
"""A checkable claim of a training principle: "polarized" (almost no threshold work), "3:1-loading"."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class RaceExpectation(_Strict):
    """The target race: it must be in the plan, of this sport and distance, on this day, with nothing after it."""

    sport: RaceSport
    distance: RaceDistance
    distance_km: float | None = Field(default=None, gt=0, le=1000)
    """The race length in km, required for `ultra`, `sportive`, `gran-fondo`, `open-water` and `other`."""
    week: int = Field(ge=1, le=52)
    """The plan week the race falls in (usually the last)."""
    day: Weekday
    """The weekday of the race."""
    date: dt.date | None = None
    """The race date, when the request has a start date (or names the date)."""

    @model_validator(mode="after")
    def _length_known(self) -> RaceExpectation:
        if self.distance in {"ultra", "sportive", "gran-fondo", "open-water", "other"} and self.distance_km is None:
            raise ValueError(f"distance {self.distance!r} needs distance_km")
        return self


class TimeCaps(_Strict):
    """Longest session allowed, in minutes (a cap on one session's target duration)."""

    weekday_minutes: int | None = Field(default=None, ge=5, le=1440)
    """Cap for Monday to Friday sessions."""
    weekend_minutes: int | None = Field(default=None, ge=5, le=1440)
    """Cap for Saturday and Sunday sessions."""
    per_day_minutes: dict[Weekday, int] = Field(default_factory=dict[Weekday, int])
    """Caps for named days ("Wednesdays at most 45 minutes"), applied over the weekday/weekend caps."""

    def cap_for(self, day: Weekday) -> int | None:
        """The cap that applies to `day`, if any."""
        if day in self.per_day_minutes:
            return self.per_day_minutes[day]
        return self.weekend_minutes if day in ("Saturday", "Sunday") else self.weekday_minutes


class HoursPerWeek(_Strict):
    """The weekly training time the athlete asked for, in hours (race week and taper may be lower)."""

    min: float | None = Field(default=None, ge=0, le=40)
    max: float | None = Field(default=None, ge=0, le=40)


class CurrentVolume(_Strict):
    """What the athlete does today, as stated in the request (the plan's first weeks should start near it)."""

    sport: WorkoutType = "run"
    km_per_week: float | None = Field(default=None, ge=0, le=1000)
    minutes_per_week: int | None = Field(default=None, ge=0, le=3000)
    never_trained: bool = False
    """The athlete has never done this sport (a running novice needs run/walk, not continuous runs)."""


class CaseExpectationsV2(_Strict):
    """What a plan for the case must have (a v2 case's `metadata`); omitted fields are not checked."""

    golden_draft: str = Field(min_length=10)
    """The draft a good coach would write for the request, every week."""
    goal: str = Field(min_length=1, max_length=120)
    """What the plan trains for, in words: "first marathon", "70.3 triathlon", "general fitness"."""
    race: RaceExpectation | None = None
    """The target race; None for plans without one (general fitness, base blocks)."""
    language: Language = "en"
    """The language the draft must be written in: the language of the request."""
    allowed_days: list[Weekday] | None = None
    """The only weekdays that may hold training (the race day excepted)."""
    excluded_days: list[Weekday] = Field(default_factory=list[Weekday])
    """Weekdays that must hold no training."""
    no_back_to_back: list[WorkoutType] = Field(default_factory=list[WorkoutType])
    """Sports that must never fall on two consecutive days ("no running on consecutive days": ["run"])."""
    time_caps: TimeCaps | None = None
    hours_per_week: HoursPerWeek | None = None
    days_per_week: int | None = Field(default=None, ge=1, le=7)
    """Training days in every full week (race week excepted)."""
    sessions_per_week: dict[WorkoutType, int] = Field(default_factory=dict[WorkoutType, int])
    """Sessions of each sport in every full week (race week and taper excepted): {"swim": 2, "strength": 1}."""
    long_session_day: dict[WorkoutType, Weekday] = Field(default_factory=dict[WorkoutType, Weekday])
    """The weekday of each sport's weekly long session: {"run": "Sunday", "bike": "Saturday"}."""
    current_volume: CurrentVolume | None = None
    goal_time: str | None = Field(default=None, pattern=r"^\d{1,2}:\d{2}(:\d{2})?$")
    """The goal finishing time, H:MM or H:MM:SS."""
    age: int | None = Field(default=None, ge=8, le=100)
    cautions: list[str] = Field(default_factory=list[str])
    """Injury or health notes the plan must respect ("achilles tendinopathy: no hill sprints")."""
    principle: list[PrincipleClaim] = Field(default_factory=list[PrincipleClaim])
    """Checkable claims of the principle in force (the request's override or the org's)."""
    rubric: str | None = Field(default=None, max_length=2_000)
    """What an LLM judge should look for in this case's draft."""
    tags: list[str] = Field(default_factory=list[str])
    """Free labels for filtering and reading reports: "library", "triathlon", "52-weeks", "de"."""
