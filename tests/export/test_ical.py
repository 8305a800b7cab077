"""iCalendar, read back by icalendar's parser: an all-day event per workout, stable UIDs, the steps inside."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar, Event

from planforge import InvalidRequestError, Plan
from planforge.export import to_ics
from tests.export.readers import expected_structure, icu_structure

STAMP = dt.datetime(2026, 4, 1, 12, 0, tzinfo=dt.UTC)


def events(content: bytes) -> list[Event]:
    calendar = Calendar.from_ical(content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    return list(calendar.walk("VEVENT"))


def test_one_all_day_event_per_workout_with_its_blocks(offline_plans: dict[str, Plan], edge_plan: Plan) -> None:
    for plan in [*offline_plans.values(), edge_plan]:
        parsed = events(to_ics(plan, stamp=STAMP))
        assert len(parsed) == len(plan.content)
        for event, workout in zip(parsed, plan.content, strict=True):
            assert event.start == workout.date
            assert not isinstance(event.start, dt.datetime)
            assert event.end == workout.date + dt.timedelta(days=1)
            assert str(event["SUMMARY"]) == workout.workout_name
            assert event.stamp == STAMP
            description, steps, week = _description_parts(event)
            assert description == workout.workout_description
            assert icu_structure(steps) == expected_structure(workout)
            info = plan.weekly_info[str(workout.week)]
            assert week == f"Week {workout.week} · {info.phase} · {info.focus}"


def _description_parts(event: Event) -> tuple[str, str, str]:
    """The workout's description, its steps, its week line (the description has no blank line of its own)."""
    description, body = str(event["DESCRIPTION"]).split("\n\n", 1)
    steps, _, week = body.rpartition("\n\n")
    return description, steps, week


def test_uids_are_unique_and_survive_an_edit(offline_plans: dict[str, Plan]) -> None:
    plan = offline_plans["triathlon"]
    uids = [str(e["UID"]) for e in events(to_ics(plan, org_id="club", stamp=STAMP))]
    assert len(set(uids)) == len(uids)
    edited_workouts = [
        w.model_copy(update={"workout_name": f"{w.workout_name} (edited)", "target_duration_in_seconds": 999})
        for w in plan.content
    ]
    edited = plan.model_copy(update={"content": edited_workouts})
    assert [str(e["UID"]) for e in events(to_ics(edited, org_id="club"))] == uids
    assert [str(e["UID"]) for e in events(to_ics(plan, org_id="other"))] != uids
    assert [str(e["UID"]) for e in events(to_ics(plan, org_id="club", plan_id="p-1"))] != uids


def test_removing_a_workout_keeps_the_others_uids(offline_plans: dict[str, Plan]) -> None:
    plan = offline_plans["half-marathon"]
    uids = {(w.week, w.day): str(e["UID"]) for w, e in zip(plan.content, events(to_ics(plan)), strict=True)}
    shorter = plan.model_copy(update={"content": plan.content[1:]})
    after = {(w.week, w.day): str(e["UID"]) for w, e in zip(shorter.content, events(to_ics(shorter)), strict=True)}
    assert after == {key: uid for key, uid in uids.items() if key in after}


def test_the_same_plan_and_stamp_give_the_same_bytes(edge_plan: Plan) -> None:
    assert to_ics(edge_plan, stamp=STAMP) == to_ics(edge_plan, stamp=STAMP)


def test_an_undated_plan_is_refused_naming_the_field(undated_plan: Plan) -> None:
    with pytest.raises(InvalidRequestError) as raised:
        to_ics(undated_plan)
    assert raised.value.field == "content.0.date"
    assert "start_date" in raised.value.message
