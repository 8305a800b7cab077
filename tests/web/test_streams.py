"""Streams in the browser: workouts appear as their events arrive, and a stream the coach leaves is ended."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from planforge import PlanForge, Settings
from planforge.auth import InMemoryPrincipalStore
from planforge.http import create_app
from tests.http.scripted_coach import scripted_coach
from tests.web.coach_page import CoachPage
from tests.web.conftest import ORG, Served, running


def _until_first_workout(route: Route) -> None:
    """Pass the real stream on, cut after its first workout event: no result ever comes."""
    response = route.fetch()
    blocks = response.text().split("\n\n")
    first_workout = next(i for i, block in enumerate(blocks) if block.startswith("event: workout"))
    route.fulfill(response=response, body="\n\n".join(blocks[: first_workout + 1]) + "\n\n")


def test_workouts_appear_as_their_events_arrive(page: Page, served: Served, screenshots: Path) -> None:
    coach = CoachPage(page, served.base_url, screenshots).open()
    coach.enter_token(served.token)
    coach.fill_request(org_id=ORG, weeks="2")
    coach.write_draft()
    page.route("**/generate-plan/stream-content", _until_first_workout)

    page.get_by_role("button", name="Convert into workouts").click()

    expect(page.locator("#draft-error")).to_have_text("The connection ended before the result arrived; try again.")
    expect(page.locator("#calendar .workout")).to_have_count(1)
    (week, day, _), *_ = coach.calendar_workouts()
    expect(coach.cell(week, day).locator(".workout")).to_have_count(1)
    for button in page.locator("[data-export]").all():
        expect(button).to_be_disabled()
    coach.screenshot("stream-cut")


class HeldModelCalls:
    """Model calls pass until `hold` is set; then each call waits until the server cancels it."""

    def __init__(self) -> None:
        self.hold = threading.Event()
        self.started = threading.Event()
        self.cancelled = threading.Event()

    async def before_answer(self) -> None:
        """Runs in the server's thread before every model answer."""
        if not self.hold.is_set():
            return
        self.started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelled.set()
            raise


@pytest.fixture
def held() -> HeldModelCalls:
    return HeldModelCalls()


@pytest.fixture
def held_server(held: HeldModelCalls) -> Iterator[Served]:
    """A live server whose scripted coach drafts at once and holds every conversion call once told to."""
    principals = InMemoryPrincipalStore()
    principals.create_org(ORG, ["coach_agent"])
    token = principals.create_token(ORG, "coach")
    forge = PlanForge(model=scripted_coach(weeks=2, before_answer=held.before_answer), settings=Settings(chunk_weeks=1))
    with running(create_app(forge=forge, principals=principals)) as base_url:
        yield Served(base_url, token)


def _leave_the_page(page: Page) -> None:
    page.goto("about:blank")


def _press_stop(page: Page) -> None:
    page.get_by_role("button", name="Stop").click()
    expect(page.locator("#draft-error")).to_have_text("Stopped.")
    expect(page.get_by_role("button", name="Convert into workouts")).to_be_enabled()


@pytest.mark.parametrize("interrupt", [_leave_the_page, _press_stop], ids=["leaving-the-page", "stop-button"])
def test_an_interrupted_stream_cancels_the_generation(
    page: Page, held_server: Served, held: HeldModelCalls, screenshots: Path, interrupt: Callable[[Page], None]
) -> None:
    coach = CoachPage(page, held_server.base_url, screenshots).open()
    coach.enter_token(held_server.token)
    coach.fill_request(org_id=ORG, weeks="2")
    coach.write_draft()
    held.hold.set()

    page.get_by_role("button", name="Convert into workouts").click()
    assert held.started.wait(15), "the conversion never reached the model"
    expect(page.get_by_role("button", name="Stop")).to_be_visible()
    coach.screenshot("converting")
    interrupt(page)

    assert held.cancelled.wait(15), "the server kept generating for a client that had gone"
