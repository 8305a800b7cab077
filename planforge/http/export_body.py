"""The export endpoint's body: a plan as generate-plan returns it, with a schema that states all of a plan's rules.

The domain models check more than their JSON schema says: a sub-type belongs to its type; a step measured by
distance has a distance (by duration, a duration); an interval nests a run step (and maybe a recovery-run
step), and no other step nests anything. Here those rules are written into the published schema as well (JSON
Schema `if`/`then`), so that every body the schema allows is a plan the export accepts; and dates, durations
and distances are bounded to what every format can write. They stay out of the domain models' own schema,
which models read too: some providers' structured output does not take `if`. In the other direction, a boolean
is refused where a number belongs (pydantic would read `true` as 1), as the schema says.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from planforge.domain.plan import ContentBlock, Plan, PlanWarning, PlanWorkout
from planforge.domain.usage import Usage
from planforge.domain.vocabulary import SUB_TYPES_BY_TYPE

JsonSchema = dict[str, Any]

EARLIEST_DATE: Final = dt.date(1990, 1, 1)
LATEST_DATE: Final = dt.date(2099, 12, 31)
"""The dates a workout may have: every format can write them (FIT counts seconds from 1989-12-31 in 32 bits)."""
MAX_SECONDS: Final = 48 * 3600
"""The longest workout or step (FIT counts milliseconds in 32 bits: 49 days)."""
MAX_METERS: Final = 1_000_000.0
"""The longest distance of a workout or step."""


def _when(condition: JsonSchema, then: JsonSchema, otherwise: JsonSchema | None = None) -> JsonSchema:
    """`then` for objects whose (present) properties match `condition`, else `otherwise`."""
    rule: JsonSchema = {"if": {"properties": condition, "required": sorted(condition)}, "then": then}
    if otherwise is not None:
        rule["else"] = otherwise
    return rule


def _present(name: str, json_type: str) -> JsonSchema:
    return {"required": [name], "properties": {name: {"type": json_type}}}


def _step_rules(schema: JsonSchema) -> None:
    """What `ContentBlock`'s validator demands, as JSON Schema."""
    interval = {"type": {"const": "interval"}}
    step = {"type": {"not": {"const": "interval"}}}
    nested = {
        "items": {"properties": {"type": {"enum": ["run", "recovery-run"]}}},
        "contains": {"properties": {"type": {"const": "run"}}, "required": ["type"]},
    }
    schema["allOf"] = [
        _when(interval, {"required": ["content_blocks"], "properties": {"content_blocks": nested}},
              otherwise={"properties": {"content_blocks": {"maxItems": 0}}}),
        _when({**step, "block_length_target": {"const": "distance"}}, _present("block_distance_in_meters", "number")),
        _when({**step, "block_length_target": {"const": "duration"}}, _present("block_duration_in_seconds", "integer")),
    ]  # fmt: skip


def _workout_rules(schema: JsonSchema) -> None:
    """A sub-type belongs to its type (`planforge.domain.vocabulary.check_sub_type`), as JSON Schema."""
    schema["allOf"] = [
        _when({"workout_type": {"const": kind}}, {"properties": {"workout_sub_type": {"enum": list(sub_types)}}})
        for kind, sub_types in SUB_TYPES_BY_TYPE.items()
    ]


class _NoBooleanNumbers(BaseModel):
    @field_validator("*", mode="before")
    @classmethod
    def _not_a_boolean(cls, value: object, info: ValidationInfo) -> object:
        if isinstance(value, bool) and info.field_name and cls.model_fields[info.field_name].annotation is not bool:
            raise ValueError("must not be a boolean")
        return value


class ExportedStep(_NoBooleanNumbers, ContentBlock):
    """A step of a workout (its schema states the rules a step must follow)."""

    model_config = ConfigDict(json_schema_extra=_step_rules)

    block_distance_in_meters: float | None = Field(default=None, gt=0, le=MAX_METERS)
    """Step distance in meters, at most 1,000 km (required when block_length_target is distance)."""
    block_duration_in_seconds: int | None = Field(default=None, gt=0, le=MAX_SECONDS)
    """Step duration in seconds, at most 48 hours (required when block_length_target is duration)."""
    # A narrower list than the base's: these models only ever hold what they parsed, so nothing else goes in.
    content_blocks: list[ExportedStep] = Field(default_factory=list["ExportedStep"])  # pyright: ignore[reportIncompatibleVariableOverride]
    """Only for type interval: its run step followed by its recovery-run step."""


class ExportedWorkout(_NoBooleanNumbers, PlanWorkout):
    """A workout of the plan (its schema states which sub-types each type has)."""

    model_config = ConfigDict(json_schema_extra=_workout_rules)

    target_duration_in_seconds: int | None = Field(default=None, gt=0, le=MAX_SECONDS)
    """Planned duration in seconds, at most 48 hours."""
    target_distance_in_meters: float | None = Field(default=None, gt=0, le=MAX_METERS)
    """Planned distance in meters, at most 1,000 km."""
    # The date range as a pattern too: JSON Schema has no bounds for dates.
    date: dt.date | None = Field(
        default=None,
        ge=EARLIEST_DATE,
        le=LATEST_DATE,
        json_schema_extra={"pattern": r"^(199\d|20\d\d)-"},
    )
    """Calendar date of the workout, 1990 to 2099 (present when the request had a start_date)."""

    content_blocks: list[ExportedStep] = Field(default_factory=list[ExportedStep])  # pyright: ignore[reportIncompatibleVariableOverride]
    """Structured steps (warm-up, intervals, cool-down); empty for a steady session."""


class ExportedWarning(_NoBooleanNumbers, PlanWarning):
    """A warning of the plan."""


class ExportedUsage(_NoBooleanNumbers, Usage):
    """What generating the plan used."""


class ExportablePlan(_NoBooleanNumbers, Plan):
    """A plan to export: as generate-plan returns it, with at least one workout."""

    content: list[ExportedWorkout] = Field(min_length=1)  # pyright: ignore[reportIncompatibleVariableOverride] (as above)
    """Every workout, in week and day order (at least one)."""
    usage: ExportedUsage = Field(default_factory=ExportedUsage)  # pyright: ignore[reportIncompatibleVariableOverride]
    """Tokens and requests generating the plan used."""
    warnings: list[ExportedWarning] = Field(default_factory=list[ExportedWarning])  # pyright: ignore[reportIncompatibleVariableOverride]
    """What the plan's reader should know about it."""
