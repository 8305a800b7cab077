"""What planforge understood a draft request to ask for: the race, the days, the time, the athlete.

The offline coach reads these from the request's free text (`additional_prompt`) and principle, plans by them,
and says in the draft's overview what it could not use; the draft result carries them in its metadata
(`DraftMetadata.requirements`) so an API user can see what was understood. The vocabulary is the one the
eval dataset's structured expectations use (`planforge.evals.expectations`), so the two read alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from planforge.domain.vocabulary import Language, RaceDistance, RaceSport, RunSubType, Weekday, WorkoutType

_MODEL_CONFIG = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class RaceRequirement(BaseModel):
    """The target race."""

    model_config = _MODEL_CONFIG

    sport: RaceSport
    distance: RaceDistance
    distance_km: float | None = Field(default=None, gt=0, le=1000)
    """The race length in km, for the distances without a fixed one (ultra, sportive, gran fondo, open water,
    other)."""
    date: dt.date | None = None
    """The race date, when the request names one."""
    day: Weekday | None = None
    """The weekday of the race, when the request names it or its date."""
    expected_minutes: int | None = Field(default=None, ge=10, le=3000)
    """How long the athlete expects to be out there (a cycling event's long ride builds towards it)."""
    elevation_gain_m: int | None = Field(default=None, ge=0, le=20000)
    """The race's total climbing in metres ("1,500 m of climbing", "2000 Hm", "D+ 1500")."""


class RaceResult(BaseModel):
    """A race the athlete has run or ridden, with the time it took ("Current 10K best 52:00", "HM PB 1:46")."""

    model_config = _MODEL_CONFIG

    sport: RaceSport
    distance: RaceDistance
    distance_km: float | None = Field(default=None, gt=0, le=1000)
    """The length in km, for the distances without a fixed one."""
    time: str = Field(pattern=r"^\d{1,2}:\d{2}:\d{2}$")
    """The finishing time, H:MM:SS."""


class TimeCaps(BaseModel):
    """The longest session allowed, in minutes."""

    model_config = _MODEL_CONFIG

    weekday_minutes: int | None = Field(default=None, ge=5, le=1440)
    """Cap for Monday to Friday sessions."""
    weekend_minutes: int | None = Field(default=None, ge=5, le=1440)
    """Cap for Saturday and Sunday sessions."""
    per_day_minutes: dict[Weekday, int] = Field(default_factory=dict[Weekday, int])
    """Caps for named days, applied over the weekday and weekend caps."""

    def cap_for(self, day: Weekday) -> int | None:
        """The cap that applies to `day`, if any."""
        if day in self.per_day_minutes:
            return self.per_day_minutes[day]
        return self.weekend_minutes if day in ("Saturday", "Sunday") else self.weekday_minutes


class HoursPerWeek(BaseModel):
    """The weekly training time the athlete has, in hours."""

    model_config = _MODEL_CONFIG

    min: float | None = Field(default=None, ge=0, le=40)
    max: float | None = Field(default=None, ge=0, le=40)
    at_peak: bool = False
    """The hours are the peak weeks' ("about 10-12 hours a week at peak"), not every week's."""


SwimStroke = Literal["freestyle", "breaststroke", "other"]
"""The stroke a swimmer names for what they can swim today."""

CautionKind = Literal[
    "achilles", "calf", "knee", "shin", "foot", "hip", "back", "hamstring", "shoulder", "bone", "heart",
    "overweight", "age", "sedentary", "pregnancy", "illness", "other",
]  # fmt: skip
"""What a caution is about: a body part or injury, body weight, age (50 or over), a sedentary life, other."""


class HealthCaution(BaseModel):
    """An injury or health note, typed so the planner can act on it."""

    model_config = _MODEL_CONFIG

    kind: CautionKind
    words: str = Field(min_length=1, max_length=300)
    """The athlete's words."""
    current: bool = False
    """The problem is present or recent (in rehab, returning from it), not an old history."""


class CurrentVolume(BaseModel):
    """What the athlete does today, as the request states it."""

    model_config = _MODEL_CONFIG

    sport: WorkoutType = "run"
    km_per_week: float | None = Field(default=None, ge=0, le=1000)
    minutes_per_week: int | None = Field(default=None, ge=0, le=3000)
    sessions_per_week: int | None = Field(default=None, ge=1, le=14)
    """Sessions of the sport a week today."""
    longest_session_minutes: int | None = Field(default=None, ge=0, le=1440)
    """The longest recent session of the sport, when stated by time."""
    longest_session_km: float | None = Field(default=None, ge=0, le=1000)
    """The longest recent session of the sport, when stated by distance."""
    never_trained: bool = False
    """The athlete has never done this sport (a running novice starts with run/walk)."""
    all_sports: bool = False
    """The weekly volume is all the athlete's training ("11-12 h a week" of a triathlete), not `sport`'s alone."""
    occasional: bool = False
    """The athlete does the sport a little without saying how much ("I run a little", "I commute by bike")."""
    months_of_practice: int | None = Field(default=None, ge=0, le=600)
    """How long the athlete has done the sport, in months ("Je cours depuis six mois" → 6)."""
    longest_session_m: int | None = Field(default=None, ge=0, le=100000)
    """A swimmer's longest continuous swim in metres ("I can swim 200 m breaststroke" → 200)."""
    stroke: SwimStroke | None = None
    """The stroke of `longest_session_m`, when named."""


class PrincipleRules(BaseModel):
    """The checkable parts of the training principle in force."""

    model_config = _MODEL_CONFIG

    easy_share: float = Field(default=0.8, ge=0.7, le=0.95)
    """The share of easy sessions ("80/20" → 0.8)."""
    build_weeks: int = Field(default=3, ge=1, le=5)
    """Build weeks before each step-back week ("3:1" → 3, "2:1" → 2)."""
    polarized: bool = False
    """Almost no threshold work: quality is hard intervals."""
    threshold_focus: bool = False
    """Quality is sub-threshold work (the "Norwegian" model)."""


class Requirements(BaseModel):
    """What a draft request asks for, as planforge understood it."""

    model_config = _MODEL_CONFIG

    language: Language = "en"
    """The language the draft is written in: the one the request asks for, else the request's own."""
    race: RaceRequirement | None = None
    """The target race; None for a plan without one."""
    goal_time: str | None = Field(default=None, pattern=r"^\d{1,2}:\d{2}:\d{2}$")
    """The goal finishing time, H:MM:SS."""
    sports: list[WorkoutType] = Field(default_factory=list[WorkoutType])
    """The sports the request names for a plan without a race ("cycling and strength")."""
    days_per_week: int | None = Field(default=None, ge=1, le=7)
    """Training days a week."""
    sessions_per_week: dict[WorkoutType, int] = Field(default_factory=dict[WorkoutType, int])
    """Sessions of each sport a week: {"swim": 2, "strength": 1}."""
    run_kinds_per_week: dict[RunSubType, int] = Field(default_factory=dict[RunSubType, int])
    """Kinds of run wanted every week: {"trail-run": 1}."""
    allowed_days: list[Weekday] | None = None
    """The only weekdays that may hold training."""
    excluded_days: list[Weekday] = Field(default_factory=list[Weekday])
    """Weekdays that must hold no training."""
    no_back_to_back: list[WorkoutType] = Field(default_factory=list[WorkoutType])
    """Sports never on two consecutive days."""
    time_caps: TimeCaps | None = None
    hours_per_week: HoursPerWeek | None = None
    long_session_day: dict[WorkoutType, Weekday] = Field(default_factory=dict[WorkoutType, Weekday])
    """The weekday of each sport's long session: {"run": "Sunday", "bike": "Saturday"}."""
    current_volume: CurrentVolume | None = None
    """What the athlete does today in the plan's main sport."""
    current_by_sport: dict[WorkoutType, CurrentVolume] = Field(default_factory=dict[WorkoutType, CurrentVolume])
    """What the athlete does today in every sport the request states it for, the main sport's included (the same
    value as `current_volume`): {"swim": CurrentVolume(sport="swim", longest_session_m=200, ...)}."""
    race_results: list[RaceResult] = Field(default_factory=list[RaceResult])
    """Races the athlete has done with a time, in the order stated: the source of training paces."""
    age: int | None = Field(default=None, ge=8, le=100)
    cautions: list[str] = Field(default_factory=list[str])
    """Injury or health notes, in the request's words."""
    health_cautions: list[HealthCaution] = Field(default_factory=list[HealthCaution])
    """The cautions typed by what they are about, plus overweight, age 50 or over and a sedentary life."""
    back_to_back_long: bool = False
    """Long sessions wanted on two days in a row ("weekends are free for long back-to-back runs")."""
    medium_long_day: dict[WorkoutType, Weekday] = Field(default_factory=dict[WorkoutType, Weekday])
    """A second, medium-long session's day per sport ("Saturday can be longer too")."""
    day_sports: dict[Weekday, WorkoutType] = Field(default_factory=dict[Weekday, WorkoutType])
    """The sport a named day holds ("Tuesday and Thursday are indoor rides" → {"Tuesday": "bike", ...})."""
    indoor_days: list[Weekday] = Field(default_factory=list[Weekday])
    """Days whose sessions are indoors (trainer, treadmill, pool)."""
    session_minutes: int | None = Field(default=None, ge=5, le=1440)
    """The length the athlete wants each session to have ("three sessions a week, 45 minutes each")."""
    general_fitness: bool = False
    """No race: the plan is for general fitness."""
    athlete_sport: WorkoutType | None = None
    """The sport the athlete calls their own ("I'm a cyclist" → bike), when stated."""
    principle: PrincipleRules = Field(default_factory=PrincipleRules)
    not_used: list[str] = Field(default_factory=list[str])
    """Parts of the request planforge could not use, in the request's words."""
