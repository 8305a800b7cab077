"""The page in Chromium against a live server with the offline coach: both steps, edits, errors by their fields."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import Page, expect

from tests.web.coach_page import CoachPage
from tests.web.conftest import ORG, Served

API = "/api/v1/ai-coach"


def _api_plan(served: Served, body: dict[str, object]) -> dict[str, Any]:
    """The plan the API itself makes of `body`: what the page must show."""
    headers = {"Authorization": f"Bearer {served.token}"}
    response = httpx.post(f"{served.base_url}{API}/generate-plan", json=body, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["data"]


def test_both_steps_from_the_form_to_the_calendar(page: Page, served: Served, screenshots: Path) -> None:
    coach = CoachPage(page, served.base_url, screenshots).open()
    coach.screenshot("1-empty")
    coach.enter_token(served.token)
    coach.fill_request(
        org_id=ORG, weeks="3", level="beginner", Start_date="2026-05-04", Requirements="runs 3 days a week"
    )
    coach.screenshot("2-request")

    draft = coach.write_draft()
    coach.screenshot("3-draft")
    assert "Week 3" in draft
    expect(page.locator("#principle-text")).not_to_be_empty()

    coach.convert()
    coach.screenshot("4-plan")

    body = {
        "weeks": 3,
        "level": "beginner",
        "org_id": ORG,
        "start_date": "2026-05-04",
        "additional_prompt": "runs 3 days a week",
        "refined_draft": draft,
    }
    plan = _api_plan(served, body)
    expected = [(w["week"], w["day"], w["workout_name"]) for w in plan["content"]]
    assert sorted(coach.calendar_workouts()) == sorted(expected)
    seconds: dict[int, int] = defaultdict(int)
    for workout in plan["content"]:
        seconds[workout["week"]] += workout["target_duration_in_seconds"] or 0
    for week, info in plan["weekly_info"].items():
        row = coach.week_row(int(week))
        expect(row.locator(".phase")).to_have_text(info["phase"])
        expect(row.locator(".focus")).to_have_text(info["focus"])
        expect(row.locator("td.total")).to_have_attribute("data-seconds", str(seconds[int(week)]))
    first = plan["content"][0]
    expect(coach.cell(first["week"], first["day"]).locator("time")).to_have_attribute("datetime", first["date"])

    # The token was entered once: a reload of the tab keeps it.
    page.reload()
    expect(page.get_by_text("Token saved for this tab.")).to_be_visible()
    expect(page.get_by_label("API token")).to_be_hidden()


def test_an_edit_of_the_draft_reaches_the_plan(page: Page, served: Served, screenshots: Path) -> None:
    coach = CoachPage(page, served.base_url, screenshots).open()
    coach.enter_token(served.token)
    coach.fill_request(org_id=ORG, weeks="2")
    draft = coach.write_draft()
    assert "- Saturday: Rest" in draft, "the offline coach's beginner draft rests on Saturdays"

    coach.draft.fill(draft.replace("- Saturday: Rest", "- Saturday: Long run 12 km", 1))
    coach.convert()
    coach.screenshot("edited-plan")

    saturday = coach.cell(1, "Saturday").locator(".workout")
    expect(saturday).to_have_count(1)
    expect(saturday.locator(".facts")).to_contain_text("12 km")
    expect(coach.cell(2, "Saturday").locator(".workout")).to_have_count(0)
    assert float(coach.week_row(1).locator("td.total").get_attribute("data-meters") or 0) >= 12_000


def test_a_422_is_shown_next_to_its_field(page: Page, served: Served, screenshots: Path) -> None:
    coach = CoachPage(page, served.base_url, screenshots).open()
    coach.enter_token(served.token)
    coach.fill_request(org_id=ORG, weeks="60")
    page.get_by_role("button", name="Write the draft").click()

    weeks = page.get_by_label("Weeks")
    expect(page.locator("#weeks-error")).to_have_text("Weeks: Input should be less than or equal to 52")
    expect(weeks).to_have_attribute("aria-invalid", "true")
    expect(weeks).to_be_focused()
    expect(page.locator("#request-error")).to_be_empty()
    coach.screenshot("error-weeks")

    # Fixed, the draft is written; a draft cut too short is then named next to the draft.
    weeks.fill("2")
    coach.write_draft()
    expect(page.locator("#weeks-error")).to_be_empty()
    expect(weeks).not_to_have_attribute("aria-invalid", "true")
    coach.draft.fill("too short")
    page.get_by_role("button", name="Convert into workouts").click()
    expect(page.locator("#refined_draft-error")).to_contain_text("Draft: must contain at least 10 non-blank")
    expect(coach.draft).to_be_focused()
    coach.screenshot("error-draft")


def test_a_missing_or_refused_token_is_asked_for_again(page: Page, served: Served) -> None:
    coach = CoachPage(page, served.base_url, Path()).open()
    coach.fill_request(org_id=ORG, weeks="2")
    page.get_by_role("button", name="Write the draft").click()
    expect(page.locator("#token-error")).to_have_text("Enter your API token first.")
    expect(page.get_by_label("API token")).to_be_focused()

    coach.enter_token("not-a-token")
    page.get_by_role("button", name="Write the draft").click()
    expect(page.locator("#token-error")).to_contain_text("invalid credential")
    expect(page.get_by_label("API token")).to_be_visible()
