"""How many of a generation's model calls run at once: a fixed number, or a limit that finds the provider's.

The adaptive limit (AIMD, as TCP finds a network's capacity) starts wide, at the generation's call count capped
by `Settings.max_concurrency`, so that an unlimited provider gets every chunk at once. Only the first
`FIRST_WAVE` go out at first: the rest follow `Settings.concurrency_probe_seconds` after the last of those
requests left (`request_sent`), unless a refusal came back meanwhile, so a provider that refuses sees no bigger
burst than under the former fixed 16. It then:

- halves on overload: a 429, 503 or 529 (or an "overloaded" error), to half the calls the provider is still
  serving. A refusal seen by a retry layer below (`wait_before_retry`) counts at once, before the retry;
- shrinks on queueing: a call that took `QUEUEING_RATIO` times the fastest call's time or longer waited
  behind others at the server, so the server serves about `in flight × fastest / this call` at once;
- grows by one for each full limit's worth of calls that succeeded without either sign.

Decreases take the lowest of the targets, never compounding: forty refusals of one burst bring the limit to
half of what the provider was still serving, not down to one by forty halvings. A fixed limit
(`Settings.concurrency` set explicitly, `Settings.concurrency_mode="fixed"`, or a local server's profile) never
changes.

Cache warm-up (`Settings.cache_warm_up`, either kind of limit): calls that share a prompt prefix (the chunks of a
plan) and start together all miss the provider's prefix cache, which holds a prefix only once a request with it
has been processed. So the first call goes alone until its answer begins (`output_started`: the provider has read
its prompt and cached it) or it ends, and only then do the others start, about one time-to-first-token later;
at the latest after `WARM_UP_SECONDS`.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from pydantic_ai import ModelHTTPError, ModelRateLimitError, ModelUnavailableError

from planforge.exceptions import UNAVAILABLE_PROVIDER_STATUSES, ModelProviderError
from planforge.llm.call_signals import current_listener, request_sent, wait_before_retry
from planforge.settings import Settings

__all__ = [
    "DECREASE",
    "FIRST_WAVE",
    "QUEUEING_RATIO",
    "WARM_UP_SECONDS",
    "Admission",
    "Call",
    "CallLimiter",
    "current_limiter",
    "is_overload",
    "is_warm_up_call",
    "limiter_for",
    "request_sent",
    "uses_fixed_limit",
    "wait_before_retry",
]

DECREASE: Final = 0.5
"""The share of the calls the provider was still serving that the limit keeps after an overload."""
FIRST_WAVE: Final = 16
"""Calls sent before the probe has shown whether the provider refuses (the former fixed default)."""
WARM_UP_SECONDS: Final = 3.0
"""The longest the other calls wait for the warm-up call's answer to begin. Reading a chunk's prompt of a few
thousand tokens takes a provider well under a second; a reasoning model's answer begins only after it has thought,
long after its prompt was cached, and a slow or stuck first call must not hold the generation back."""
QUEUEING_RATIO: Final = 3.0
"""A call this many times slower than the fastest one waited in a queue at the server (output sizes of one
plan's chunks differ less than that)."""


def is_overload(error: BaseException) -> bool:
    """Whether `error` says the provider is over its capacity (429, 503, 529, "overloaded")."""
    if isinstance(error, ModelRateLimitError | ModelUnavailableError):
        return True
    status = error.status_code if isinstance(error, ModelProviderError | ModelHTTPError) else None
    return status in UNAVAILABLE_PROVIDER_STATUSES or (status is not None and "overloaded" in str(error).lower())


@dataclass
class Admission:
    """One call's place under the limit: when it was let in, and how many calls ran then (itself included)."""

    started: float
    in_flight: int
    held: bool = True
    """Whether it holds a slot now (a call waiting to retry after a refusal gives its slot back)."""
    warm_up: bool = False
    """Whether it is the call that runs alone so that the provider caches the shared prompt prefix."""


@dataclass(eq=False)
class CallLimiter:
    """Lets calls run while fewer than `limit` are running; adapts `limit` unless it is fixed (`maximum` None).

    Calls waiting to retry after a refusal are let in before calls that have not started.
    """

    limit: int
    maximum: int | None = None
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    probe_seconds: float = 0.0
    """For an adaptive limit above `FIRST_WAVE`: how long after the first wave's last request the rest wait for
    a refusal (0: no probe, all at once)."""
    warm_up: bool = False
    """Let the first call run alone until its answer begins (or it ends), so the others find its prefix cached."""
    warm_up_seconds: float = WARM_UP_SECONDS
    """The longest the warm-up holds the other calls back."""
    running: int = 0
    lowest: int = field(init=False)
    """The lowest the limit went (benchmarks and tests read it)."""
    overloads: int = 0
    """Overload signals seen: refusals, and calls that failed for overload."""
    _credit: float = 0.0
    _wide: int = 0
    """The limit to open to once the probe passed without a refusal (0: no probe pending)."""
    _probe: asyncio.TimerHandle | None = None
    _sends_reported: bool = False
    _warming: bool = field(init=False)
    """The warm-up is pending or running: one call at a time until it ends."""
    _warm_up_timer: asyncio.TimerHandle | None = None
    _fastest: float | None = None
    _fresh: deque[asyncio.Future[None]] = field(default_factory=lambda: deque[asyncio.Future[None]]())
    _retrying: deque[asyncio.Future[None]] = field(default_factory=lambda: deque[asyncio.Future[None]]())

    def __post_init__(self) -> None:
        if self.limit < 1 or (self.maximum is not None and self.maximum < self.limit):
            raise ValueError(f"need 1 <= limit <= maximum, got limit={self.limit}, maximum={self.maximum}")
        if self.adapts and self.probe_seconds > 0 and self.limit > FIRST_WAVE:
            self._wide, self.limit = self.limit, FIRST_WAVE
        self.lowest = self.limit
        self._warming = self.warm_up and self.limit > 1

    @classmethod
    def fixed(cls, limit: int, *, warm_up: bool = False) -> CallLimiter:
        """At most `limit` calls at once, always (after the warm-up call, with `warm_up`)."""
        return cls(limit, warm_up=warm_up)

    @classmethod
    def adaptive(cls, calls: int, maximum: int, probe_seconds: float = 0.0, *, warm_up: bool = False) -> CallLimiter:
        """A limit for `calls` calls that starts at all of them (at most `maximum`) and adapts, up to `maximum`.

        With `probe_seconds`, `FIRST_WAVE` of them go first and the rest once the probe passed without a refusal.
        """
        return cls(min(max(calls, 1), maximum), maximum, probe_seconds=probe_seconds, warm_up=warm_up)

    @property
    def adapts(self) -> bool:
        return self.maximum is not None

    @property
    def warming(self) -> bool:
        """Whether the warm-up is still pending or running (the other calls wait for it)."""
        return self._warming

    async def admit(self, *, retrying: bool = False) -> Admission:
        """Wait for a slot; a `retrying` call goes before calls that have not started."""
        if self.running < self._room() and not self._retrying and (retrying or not self._fresh):
            self.running += 1
        else:
            admitted = asyncio.get_running_loop().create_future()
            (self._retrying if retrying else self._fresh).append(admitted)
            try:
                await admitted
            except asyncio.CancelledError:
                if admitted.done() and not admitted.cancelled():  # let in, then cancelled before it ran
                    self.running -= 1
                    self._let_in()
                raise
        if self._wide and not self._sends_reported:
            self._start_probe()  # until a layer below reports its requests, the probe counts from admissions
        if self._warming and self._warm_up_timer is None:
            # Only one call runs while warming, so the first one let in is the warm-up call.
            self._warm_up_timer = asyncio.get_running_loop().call_later(self.warm_up_seconds, self._end_warm_up)
            return Admission(started=self.clock(), in_flight=self.running, warm_up=True)
        return Admission(started=self.clock(), in_flight=self.running)

    def sent(self) -> None:
        """A call's request left for the provider: the probe counts from the last one sent."""
        if self._wide:
            self._sends_reported = True
            self._start_probe()

    def output_started(self, admission: Admission) -> None:
        """A call's answer began: its prompt is processed and its prefix cached, so the warm-up is over."""
        if admission.warm_up:
            self._end_warm_up()

    def release(self, admission: Admission) -> None:
        """Give the slot back (once; a call that already gave it back for a retry does not give it twice).

        The warm-up call giving its slot back ends the warm-up: it ended, failed, or waits to retry.
        """
        if admission.held:
            admission.held = False
            self.running -= 1
            if admission.warm_up:
                self._end_warm_up()
            self._let_in()

    def succeeded(self, admission: Admission) -> None:
        """A call finished: grow the limit, or shrink it if the call had to queue at the server."""
        if not self.adapts:
            return
        seconds = self.clock() - admission.started
        fastest = self._fastest
        self._fastest = seconds if fastest is None else min(fastest, seconds)
        if fastest is not None and fastest > 0 and seconds >= QUEUEING_RATIO * fastest:
            self._lower(int(admission.in_flight * fastest / seconds))
            return
        self._credit += 1 / self.limit
        if self._credit >= 1 and self.maximum is not None and self.limit < self.maximum:
            self._credit -= 1
            self.limit += 1
            self._let_in()

    def overloaded(self, admission: Admission) -> None:
        """The provider refused a call for overload: keep `DECREASE` of what it is still serving."""
        self.overloads += 1
        if self.adapts:
            serving = self.running - (1 if admission.held else 0)
            self._lower(int(serving * DECREASE))

    def _start_probe(self) -> None:
        if self._probe is not None:
            self._probe.cancel()
        self._probe = asyncio.get_running_loop().call_later(self.probe_seconds, self._open)

    def _open(self) -> None:
        """The probe passed without a refusal: let the rest of the calls go (the first wave has not gone yet
        while warming; the probe starts again with it)."""
        if self._wide and not self._warming:
            self.limit, self._wide = max(self.limit, self._wide), 0
            self._let_in()

    def _lower(self, target: int) -> None:
        self.limit = min(self.limit, max(target, 1))
        self.lowest = min(self.lowest, self.limit)
        self._credit, self._wide = 0.0, 0

    def _end_warm_up(self) -> None:
        if self._warming:
            self._warming = False
            if self._warm_up_timer is not None:
                self._warm_up_timer.cancel()
            if self._wide:
                self._start_probe()
            self._let_in()

    def _room(self) -> int:
        """How many calls may run now: one while warming, else the limit."""
        return 1 if self._warming else self.limit

    def _let_in(self) -> None:
        while self.running < self._room() and (self._retrying or self._fresh):
            waiter = (self._retrying or self._fresh).popleft()
            if not waiter.done():
                self.running += 1
                waiter.set_result(None)


@dataclass
class Call:
    """The call the current task runs under a limiter: it hears what the layers below the call report
    (`planforge.llm.call_signals`; `as_finished` makes it the current listener for each of its jobs)."""

    limiter: CallLimiter
    admission: Admission

    def request_sent(self) -> None:
        """The probe counts from the last request sent."""
        self.limiter.sent()

    def output_started(self) -> None:
        self.limiter.output_started(self.admission)

    async def wait_before_retry(self, status: int | None, seconds: float) -> None:
        """Under an adaptive limit an overload lowers the limit at once, and the call gives its slot back while it
        waits, then waits for a slot under the lowered limit (before calls not yet started). Otherwise it only
        sleeps, holding its slot."""
        limiter = self.limiter
        if not limiter.adapts or status not in UNAVAILABLE_PROVIDER_STATUSES:
            await asyncio.sleep(seconds)
            return
        limiter.overloaded(self.admission)
        limiter.release(self.admission)
        await asyncio.sleep(seconds)
        self.admission = await limiter.admit(retrying=True)


def current_limiter() -> CallLimiter | None:
    """The limiter of the call the current task runs, if any."""
    call = current_listener.get()
    return call.limiter if isinstance(call, Call) else None


def is_warm_up_call() -> bool:
    """Whether the current task runs the call its limiter lets run alone to warm the provider's cache."""
    call = current_listener.get()
    return isinstance(call, Call) and call.admission.warm_up and call.limiter.warming


def uses_fixed_limit(settings: Settings) -> bool:
    """Whether `settings` ask for a fixed limit: the mode says so, or `auto` with `concurrency` set explicitly."""
    if settings.concurrency_mode == "auto":
        return "concurrency" in settings.model_fields_set
    return settings.concurrency_mode == "fixed"


def limiter_for(settings: Settings, calls: int, *, shared_prefix: bool = False) -> CallLimiter:
    """The limiter for a generation step of `calls` model calls under `settings`.

    `shared_prefix`: the calls share a prompt prefix worth warming the provider's cache with (and the first one
    can signal when its answer begins); `Settings.cache_warm_up` decides whether to.
    """
    warm_up = shared_prefix and settings.cache_warm_up and calls > 1
    if uses_fixed_limit(settings):
        return CallLimiter.fixed(settings.concurrency, warm_up=warm_up)
    return CallLimiter.adaptive(calls, settings.max_concurrency, settings.concurrency_probe_seconds, warm_up=warm_up)
