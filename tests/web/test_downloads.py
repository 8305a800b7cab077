"""Downloads from the page: each export of the plan on screen, as the export endpoint makes it, saved by the browser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import httpx
import icalendar
import pytest
from playwright.sync_api import Page, expect

from planforge.domain.plan import Plan
from planforge.export import export_plan
from planforge.export.dates import coming_monday
from tests.web.coach_page import CoachPage
from tests.web.conftest import ORG, Served

API = "/api/v1/ai-coach"
REQUEST = {"weeks": 2, "level": "beginner", "org_id": ORG, "start_date": "2026-05-04"}


@pytest.fixture
def planned(page: Page, served: Served, screenshots: Path) -> tuple[CoachPage, Plan]:
    """The page showing a dated two-week plan, and that plan as the API makes it from the same draft."""
    coach = CoachPage(page, served.base_url, screenshots).open()
    coach.enter_token(served.token)
    coach.fill_request(org_id=ORG, weeks="2", Start_date="2026-05-04")
    draft = coach.write_draft()
    coach.convert()
    headers = {"Authorization": f"Bearer {served.token}"}
    body = {**REQUEST, "refined_draft": draft}
    response = httpx.post(f"{served.base_url}{API}/generate-plan", json=body, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    return coach, Plan.model_validate(response.json()["data"])


def _download(page: Page, label: str, folder: Path) -> tuple[str, bytes]:
    with page.expect_download() as started:
        page.get_by_role("button", name=label).click()
    download = started.value
    assert download.failure() is None
    saved = folder / download.suggested_filename
    download.save_as(saved)
    return download.suggested_filename, saved.read_bytes()


FILES = [
    ("Garmin workouts (.fit)", "fit", ".zip"),
    ("Zwift workouts (.zwo)", "zwo", ".zip"),
    ("intervals.icu text", "icu", ".txt"),
    ("Spreadsheet (.csv)", "csv", ".csv"),
]
"""(button, format, file name suffix) of every download but the calendar's, which carries a time stamp."""


def test_each_download_is_the_export_of_the_plan_on_screen(planned: tuple[CoachPage, Plan], tmp_path: Path) -> None:
    coach, plan = planned

    for label, export_format, suffix in FILES:
        name, content = _download(coach.page, label, tmp_path)

        assert name.endswith(suffix), f"{label}: {name}"
        assert content == export_plan(plan, export_format).content, f"{label}: not the plan's {export_format} export"
    expect(coach.page.locator("#export-error")).to_be_empty()


def test_the_calendar_download_has_an_event_per_workout_on_its_date(
    planned: tuple[CoachPage, Plan], tmp_path: Path
) -> None:
    coach, plan = planned

    name, content = _download(coach.page, "Calendar (.ics)", tmp_path)

    assert name.endswith(".ics")
    events: list[Any] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    got = sorted((str(event["SUMMARY"]), event.decoded("DTSTART").isoformat()) for event in events)
    assert got == sorted((w.workout_name, str(w.date)) for w in plan.content)


def test_an_undated_plan_downloads_as_a_calendar_and_omissions_are_shown(
    page: Page, served: Served, screenshots: Path, tmp_path: Path
) -> None:
    coach = CoachPage(page, served.base_url, screenshots).open()
    coach.enter_token(served.token)
    coach.fill_request(org_id=ORG, weeks="2")  # no start date: the workouts have no calendar dates
    draft = coach.write_draft()
    coach.draft.fill(draft.replace("- Saturday: Rest", "- Saturday: Strength training 30 min", 1))
    coach.convert()

    name, content = _download(page, "Calendar (.ics)", tmp_path)  # placed from the coming Monday
    assert name.endswith(".ics")
    starts = [event.decoded("DTSTART") for event in icalendar.Calendar.from_ical(content).walk("VEVENT")]
    monday = coming_monday(dt.datetime.now(dt.UTC).date())
    assert starts
    assert all(monday <= start < monday + dt.timedelta(weeks=2) for start in starts)
    expect(page.locator("#export-error")).to_be_empty()

    name, _ = _download(page, "Zwift workouts (.zwo)", tmp_path)
    assert name.endswith(".zip")
    expect(page.locator("#export-error")).to_be_empty()
    expect(page.locator("#export-note")).to_have_text(
        "1 workout was left out of this file because the format cannot express them;"
        " SKIPPED.txt in the download lists them."
    )
