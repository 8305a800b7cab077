"""Plans to export: three from the offline coach (run, bike, triathlon) and one by hand for the edge cases."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from planforge import DraftRequest, Plan, PlanForge, PlanRequest
from planforge.domain.plan import ContentBlock, PlanWorkout, WeekInfo

START = dt.date(2026, 5, 4)  # a Monday

OFFLINE_REQUESTS = {
    "half-marathon": ("intermediate", "Athlete is targeting a half marathon. 4 days per week, long run on Saturday."),
    "gran-fondo": ("intermediate", "Gran fondo cycling event in September"),
    "triathlon": ("intermediate", "Olympic distance triathlon in the summer. Strength once a week"),
}


async def _offline_plan(level: str, prompt: str, start: dt.date | None) -> Plan:
    forge = PlanForge(model="offline")
    fields: dict[str, Any] = {
        "weeks": 4, "level": level, "org_id": "club", "additional_prompt": prompt, "start_date": start,
    }  # fmt: skip
    async with forge:
        draft = await forge.generate_draft(DraftRequest.model_validate(fields))
        return await forge.generate_plan(PlanRequest.model_validate({**fields, "refined_draft": draft.draft}))


@pytest.fixture(scope="session")
def offline_plans() -> dict[str, Plan]:
    """Dated 4-week plans from the offline coach, by name."""
    return {
        name: asyncio.run(_offline_plan(level, prompt, START)) for name, (level, prompt) in OFFLINE_REQUESTS.items()
    }


@pytest.fixture(scope="session")
def undated_plan() -> Plan:
    """An offline half-marathon plan generated without a start_date."""
    level, prompt = OFFLINE_REQUESTS["half-marathon"]
    return asyncio.run(_offline_plan(level, prompt, None))


def block(kind: str, *, seconds: int | None = None, meters: float | None = None, **fields: Any) -> ContentBlock:
    """A content block measured by `seconds` or `meters`."""
    length = "distance" if meters is not None else "duration"
    return ContentBlock.model_validate(
        {"type": kind, "block_length_target": length, "block_duration_in_seconds": seconds,
         "block_distance_in_meters": meters, **fields}
    )  # fmt: skip


def workout(day: str, name: str, kind: str, sub_type: str, *, week: int = 1, **fields: Any) -> PlanWorkout:
    """A dated workout of week `week`."""
    index = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].index(day)
    return PlanWorkout.model_validate(
        {"week": week, "phase": "build", "day": day, "workout_name": name, "workout_description": f"{name}.",
         "workout_type": kind, "workout_sub_type": sub_type, "date": START + dt.timedelta(weeks=week - 1, days=index),
         **fields}
    )  # fmt: skip


def _edge_workouts() -> list[PlanWorkout]:
    track = block("interval", block_repeat=6, block_pace="z5", content_blocks=[
        block("run", meters=800, block_pace="z5"), block("recovery-run", meters=400, block_pace="z1")])  # fmt: skip
    strides = block("interval", block_repeat=3, content_blocks=[
        block("run", seconds=20, block_pace="z6", block_repeat=2), block("recovery-run", seconds=60)])  # fmt: skip
    hr_blocks = [
        block("warm-up", seconds=600, block_pace="z2", block_intensity_target="heartrate"),
        block("run", seconds=300, block_pace="z6", block_intensity_target="heartrate", block_repeat=4),
        block("cool-down", seconds=300, block_intensity_target="heartrate"),
    ]
    return [
        workout("Monday", "Rest-day mobility", "strength", "mobility"),
        workout("Tuesday", "Track 6 × 800 m", "run", "interval-run", target_distance_in_meters=9600.0,
                content_blocks=[block("warm-up", meters=2000, block_pace="z2"), track,
                                block("cool-down", meters=2000, block_pace="z1")]),
        workout("Tuesday", "Strength 30 min", "strength", "strength-training", target_duration_in_seconds=1800),
        workout("Wednesday", "Hill strides", "run", "hill-repeats", target_duration_in_seconds=1200,
                content_blocks=[block("warm-up", seconds=600, block_pace="z2"), strides]),
        workout("Thursday", "Heart-rate session", "run", "tempo-run", target_duration_in_seconds=2100,
                content_blocks=hr_blocks),
        workout("Friday", "Pool swim 2 km", "swim", "endurance-swim", target_distance_in_meters=2000.0),
        workout("Saturday", "Sweet spot ride", "bike", "tempo-ride", target_duration_in_seconds=4200,
                content_blocks=[block("warm-up", seconds=900, block_pace="z2", block_intensity_target="power"),
                                block("interval", block_repeat=3, block_intensity_target="power", content_blocks=[
                                    block("run", seconds=720, block_pace="z3", block_intensity_target="power"),
                                    block("recovery-run", seconds=300, block_pace="z1", block_intensity_target="power"),
                                ]),
                                block("cool-down", seconds=600, block_pace="z1", block_intensity_target="power")]),
        workout("Sunday", "Long ride 80 km", "bike", "long-ride", target_distance_in_meters=80000.0),
        workout("Sunday", "Brick run 20 min", "run", "easy-run", target_duration_in_seconds=1200),
    ]  # fmt: skip


@pytest.fixture(scope="session")
def edge_plan() -> Plan:
    """One hand-made week: no blocks, distance intervals, child repeats, heart rate z6, swim, strength, two a day."""
    return Plan(content=_edge_workouts(), weekly_info={"1": WeekInfo(phase="build", focus="Edge cases")})
