"""Token buckets: a per-token request rate limit, a brake on a client that keeps sending unknown credentials, and
the pacing of a client address's refused requests.

Buckets live in the server process (with `--workers N`, each worker counts on its own, so the limits are per
worker). A bucket holds `burst` requests and refills at `per_minute / 60` a second; an empty bucket answers
how long until the next request may come (the 429's Retry-After).

Pacing is what keeps a flood of refused requests (wrong credentials, oversized bodies, junk) from taking the
server's CPU from valid ones: refusing is cheap, but a client that sends its next refused request as soon as
the last is answered makes hundreds a second. Past its address's burst, each refusal waits before its answer,
which costs a timer, so such a client gets one answer per connection every `Settings.refusal_delay_seconds`.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from planforge.settings import Settings

MAX_TRACKED_KEYS: Final = 100_000
"""Buckets kept at most (least recently used dropped first): a flood of distinct keys cannot exhaust memory."""

AUTH_FAILURE_BURST: Final = 10
"""Unknown credentials a client address may send at once before the brake applies."""

REFUSAL_BURST: Final = 30
"""Refused requests a client address gets answered at once before pacing applies (a developer's first mistakes)."""

MAX_PACED_REFUSALS: Final = 1_000
"""Refusals waiting at once at most; beyond, they are answered at once (each waiting one holds a connection)."""


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TokenBuckets:
    """One token bucket per key (a credential, a client address)."""

    def __init__(self, per_minute: int, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._rate = per_minute / 60.0
        self._burst = float(burst)
        self._clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def _refilled(self, key: str) -> _Bucket:
        now = self._clock()
        bucket = self._buckets.pop(key, None) or _Bucket(self._burst, now)
        bucket.tokens = min(self._burst, bucket.tokens + (now - bucket.updated) * self._rate)
        bucket.updated = now
        self._buckets[key] = bucket
        if len(self._buckets) > MAX_TRACKED_KEYS:
            self._buckets.popitem(last=False)
        return bucket

    def wait_seconds(self, key: str) -> int:
        """Whole seconds until `key` may make a request (0: now), taking nothing from its bucket."""
        bucket = self._refilled(key)
        return 0 if bucket.tokens >= 1 else max(1, math.ceil((1 - bucket.tokens) / self._rate))

    def take(self, key: str) -> int:
        """Take one request from `key`'s bucket: 0 when it may go ahead, else the whole seconds to wait."""
        wait = self.wait_seconds(key)
        if wait == 0:
            self._buckets[key].tokens -= 1
        return wait


class RefusalPacer:
    """Delays a client address's refused requests past its burst (see the module docstring)."""

    def __init__(self, per_minute: int, delay_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._buckets = TokenBuckets(per_minute, REFUSAL_BURST, clock)
        self.delay_seconds = delay_seconds
        self._waiting = 0

    async def pace(self, address: str) -> None:
        """Return once the refusal of a request from `address` may be answered."""
        if self._buckets.take(address) == 0 or self._waiting >= MAX_PACED_REFUSALS:
            return
        self._waiting += 1
        try:
            await asyncio.sleep(self.delay_seconds)
        finally:
            self._waiting -= 1


@dataclass(frozen=True)
class RequestLimits:
    """The limits of one app: per credential, per client address for unknown credentials, and the pacing of
    refusals (each None: off)."""

    per_token: TokenBuckets | None
    auth_failures: TokenBuckets | None
    refusals: RefusalPacer | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> RequestLimits:
        """Limits as `settings` configure them."""
        rate, failures = settings.rate_limit_per_minute, settings.auth_failures_per_minute
        per_token = TokenBuckets(rate, settings.rate_limit_burst) if rate is not None else None
        auth_failures = TokenBuckets(failures, AUTH_FAILURE_BURST) if failures is not None else None
        delay = settings.refusal_delay_seconds
        refusals = RefusalPacer(settings.refusals_per_minute, delay) if delay > 0 else None
        return cls(per_token, auth_failures, refusals)
