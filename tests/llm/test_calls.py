"""Calls made again after a lost connection: briefly while the server has not answered the generation yet (a
wrong URL fails fast), longer once it has (a server restarting mid-generation comes back)."""

from __future__ import annotations

import pytest
from pydantic_ai import ModelConnectionError, ModelTimeoutError

import planforge.llm.calls as calls
from planforge.llm.calls import CONNECTION_RETRIES, RESTART_RETRIES, ServerContact, retrying_lost_connections

pytestmark = pytest.mark.anyio


class Flaky:
    """A call that loses its connection `failures` times, then answers."""

    def __init__(self, failures: int, error: ModelConnectionError | None = None) -> None:
        self.failures = failures
        self.error = error or ModelConnectionError("fake-model", "Connection error.")
        self.attempts = 0

    async def __call__(self) -> str:
        self.attempts += 1
        if self.attempts <= self.failures:
            raise self.error
        return "answer"


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calls, "CONNECTION_RETRY_WAIT", 0.0)


async def test_a_server_never_reached_is_given_up_on_after_a_few_attempts() -> None:
    call = Flaky(failures=100)
    with pytest.raises(ModelConnectionError):
        await retrying_lost_connections(call, ServerContact())
    assert call.attempts == CONNECTION_RETRIES + 1


async def test_once_the_server_answered_a_lost_connection_is_waited_out_longer() -> None:
    contact = ServerContact()
    assert await retrying_lost_connections(Flaky(failures=0), contact) == "answer"
    assert contact.answered
    restarting = Flaky(failures=RESTART_RETRIES)
    assert await retrying_lost_connections(restarting, contact) == "answer"
    assert restarting.attempts == RESTART_RETRIES + 1
    gone = Flaky(failures=100)
    with pytest.raises(ModelConnectionError):
        await retrying_lost_connections(gone, contact)
    assert gone.attempts == RESTART_RETRIES + 1


async def test_a_time_out_is_not_made_again() -> None:
    call = Flaky(failures=1, error=ModelTimeoutError("fake-model", "Request timed out."))
    with pytest.raises(ModelTimeoutError):
        await retrying_lost_connections(call, ServerContact(answered=True))
    assert call.attempts == 1
