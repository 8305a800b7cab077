"""The coach's page as a test drives it: by its labels and roles, the way a person (or a screen reader) finds things."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, Page, expect


@dataclass
class CoachPage:
    """One browser tab on planforge's page."""

    page: Page
    base_url: str
    screenshots: Path

    def open(self) -> CoachPage:
        """Load the page and wait for its script to be ready."""
        self.page.goto(f"{self.base_url}/")
        expect(self.page.locator("body")).to_have_attribute("data-ready", "true")
        return self

    def screenshot(self, name: str) -> None:
        """Save the whole page as `<name>.png` among the test artifacts."""
        self.page.screenshot(path=self.screenshots / f"{name}.png", full_page=True, animations="disabled")

    def enter_token(self, token: str) -> None:
        """Type the token once and keep it for the tab."""
        self.page.get_by_label("API token").fill(token)
        self.page.get_by_role("button", name="Use this token").click()
        expect(self.page.get_by_text("Token saved for this tab.")).to_be_visible()

    def fill_request(self, *, org_id: str, weeks: str, level: str = "beginner", **optional: str) -> None:
        """Fill the request form; `optional` maps labels (Start date, Requirements, …) to values."""
        self.page.get_by_label("Organization ID").fill(org_id)
        self.page.get_by_label("Weeks").fill(weeks)
        self.page.get_by_label("Athlete level").select_option(level)
        for label, value in optional.items():
            field = self.page.get_by_label(label.replace("_", " "), exact=True)
            if field.evaluate("element => element.tagName") == "SELECT":
                field.select_option(value)
            else:
                field.fill(value)

    def write_draft(self) -> str:
        """Ask for the draft and wait for it; the draft text."""
        self.page.get_by_role("button", name="Write the draft").click()
        expect(self.page.locator("#draft-message")).to_have_text("Draft ready: read it, edit it, then convert it.")
        return self.draft.input_value()

    @property
    def draft(self) -> Locator:
        """The editable draft."""
        return self.page.get_by_label("Draft — edit it before converting")

    def convert(self) -> None:
        """Convert the draft and wait for the whole plan."""
        self.page.get_by_role("button", name="Convert into workouts").click()
        expect(self.page.locator("#plan-message")).to_contain_text("Plan ready:")

    def week_row(self, week: int) -> Locator:
        """The calendar row of `week`."""
        return self.page.locator(f"#calendar tbody tr[data-week='{week}']")

    def cell(self, week: int, day: str) -> Locator:
        """The calendar cell of `day` in `week`."""
        return self.week_row(week).locator(f"td[data-day='{day}']")

    def calendar_workouts(self) -> list[tuple[int, str, str]]:
        """(week, day, name) of every workout card, in calendar order."""
        cards = self.page.locator("#calendar .workout")
        return [
            (
                int(card.get_attribute("data-week") or 0),
                card.get_attribute("data-day") or "",
                card.locator("h4").inner_text(),
            )
            for card in cards.all()
        ]
