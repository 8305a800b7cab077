"""`export_plan` and `export_workout`: each format's bytes, media type and file name; bad input named by field."""

from __future__ import annotations

import io
import zipfile

import pytest

from planforge import InvalidRequestError, Plan
from planforge.export import EXPORT_FORMATS, export_plan, export_workout
from tests.export.readers import decode_fit, decode_zwo, expected_structure, icu_structure


@pytest.mark.parametrize(
    ("export_format", "media_type", "filename"),
    [
        ("ics", "text/calendar; charset=utf-8", "training-plan-2026-05-04.ics"),
        ("fit", "application/zip", "training-plan-2026-05-04-fit.zip"),
        ("zwo", "application/zip", "training-plan-2026-05-04-zwift.zip"),
        ("icu", "text/plain; charset=utf-8", "training-plan-2026-05-04-intervals-icu.txt"),
        ("csv", "text/csv; charset=utf-8", "training-plan-2026-05-04.csv"),
    ],
)
def test_plan_exports_name_their_file_and_type(
    offline_plans: dict[str, Plan], export_format: str, media_type: str, filename: str
) -> None:
    exported = export_plan(offline_plans["half-marathon"], export_format)
    assert (exported.media_type, exported.filename) == (media_type, filename)
    assert exported.content
    assert exported.skipped == ()


def test_a_midweek_start_is_named_by_its_week_monday(offline_plans: dict[str, Plan]) -> None:
    plan = offline_plans["triathlon"]  # its first workout is on Tuesday
    assert plan.content[0].day == "Tuesday"
    assert export_plan(plan, "csv").filename == "training-plan-2026-05-04.csv"


def test_undated_plans_are_named_without_a_date(undated_plan: Plan) -> None:
    assert export_plan(undated_plan, "fit").filename == "training-plan-fit.zip"


def test_zwift_reports_what_it_left_out(offline_plans: dict[str, Plan]) -> None:
    exported = export_plan(offline_plans["triathlon"], "zwo")
    assert {s.reason for s in exported.skipped} >= {"Zwift workouts are bike or run workouts, not 'swim'"}
    with zipfile.ZipFile(io.BytesIO(exported.content)) as archive:
        assert "SKIPPED.txt" in archive.namelist()


def test_single_workouts(edge_plan: Plan) -> None:
    track = edge_plan.content[1]
    fit = export_workout(track, "fit")
    assert (fit.media_type, fit.filename) == ("application/vnd.ant.fit", "track-6-800-m.fit")
    decode_fit(fit.content)
    zwo = export_workout(track, "zwo")
    assert (zwo.media_type, zwo.filename) == ("application/xml", "track-6-800-m.zwo")
    assert decode_zwo(zwo.content).name == track.workout_name
    assert icu_structure(export_workout(track, "icu").content.decode()) == expected_structure(track)
    assert b"BEGIN:VEVENT" in export_workout(track, "ics").content
    assert export_workout(track, "csv").content.count(b"\r\n") == 2


@pytest.mark.parametrize("export_format", ["pdf", "ICS", ""])
def test_an_unknown_format_is_refused_naming_the_allowed_ones(edge_plan: Plan, export_format: str) -> None:
    with pytest.raises(InvalidRequestError) as raised:
        export_plan(edge_plan, export_format)
    assert raised.value.field == "format"
    assert "ics, fit, zwo, icu, csv" in raised.value.message


@pytest.mark.parametrize("export_format", EXPORT_FORMATS)
def test_a_plan_without_workouts_is_refused(export_format: str) -> None:
    with pytest.raises(InvalidRequestError) as raised:
        export_plan(Plan(content=[], weekly_info={}), export_format)
    assert raised.value.field == "content"


def test_a_plan_zwift_cannot_express_at_all_exports_only_what_was_skipped(edge_plan: Plan) -> None:
    swims = Plan(content=[w for w in edge_plan.content if w.workout_type == "swim"], weekly_info={})
    exported = export_plan(swims, "zwo")
    with zipfile.ZipFile(io.BytesIO(exported.content)) as archive:
        assert archive.namelist() == ["SKIPPED.txt"]
        assert archive.read("SKIPPED.txt").decode().count("\n") == len(swims.content) + 1
    assert len(exported.skipped) == len(swims.content)
