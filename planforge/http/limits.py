"""Token buckets: a per-token request rate limit, and a brake on a client that keeps sending unknown credentials.

Buckets live in the server process (with `--workers N`, each worker counts on its own, so the limits are per
worker). A bucket holds `burst` requests and refills at `per_minute / 60` a second; an empty bucket answers
how long until the next request may come (the 429's Retry-After).
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

MAX_TRACKED_KEYS: Final = 100_000
"""Buckets kept at most (least recently used dropped first): a flood of distinct keys cannot exhaust memory."""

AUTH_FAILURE_BURST: Final = 10
"""Unknown credentials a client address may send at once before the brake applies."""


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


@dataclass(frozen=True)
class RequestLimits:
    """The limits of one app: per credential (None: off) and per client address for unknown credentials."""

    per_token: TokenBuckets | None
    auth_failures: TokenBuckets | None

    @classmethod
    def from_settings(cls, rate_per_minute: int | None, burst: int, failures_per_minute: int | None) -> RequestLimits:
        """Limits as `Settings` configure them."""
        per_token = TokenBuckets(rate_per_minute, burst) if rate_per_minute is not None else None
        failures = TokenBuckets(failures_per_minute, AUTH_FAILURE_BURST) if failures_per_minute is not None else None
        return cls(per_token, failures)
