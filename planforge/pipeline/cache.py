"""Converted chunks, cached by everything that determines them, so an edited draft re-converts only what changed.

The key is the run's fingerprint (plan length and level, principle, library policy, plan-wide context, checks,
prompt version), the chunk's weeks as written (with the phase and focus the draft gives) and the model. A hit
costs no model call. The default cache is in-memory and bounded; on Postgres the service shares one across replicas
(`planforge.stores.postgres.PostgresChunkCache`); a host can pass its own `ChunkCache` (e.g. Redis-backed): a chunk
is stored as a `PlanChunk`, warnings included.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

from planforge.domain.chunk import PlanChunk
from planforge.pipeline.run import ChunkDeps

DEFAULT_CAPACITY = 2_048


class ChunkCache(Protocol):
    """Where converted chunks are kept between generations."""

    async def get(self, key: str) -> PlanChunk | None:
        """The chunk stored under `key`, or None."""
        ...

    async def set(self, key: str, value: PlanChunk) -> None:
        """Store `value` under `key`."""
        ...


class InMemoryChunkCache:
    """A least-recently-used cache of converted chunks, in this process, optionally with an expiry."""

    def __init__(
        self,
        capacity: int = DEFAULT_CAPACITY,
        *,
        ttl_seconds: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Keep at most `capacity` chunks, each for at most `ttl_seconds` (None: until evicted)."""
        self._entries: OrderedDict[str, tuple[float, PlanChunk]] = OrderedDict()
        self._capacity = capacity
        self._ttl_seconds = ttl_seconds
        self._clock = clock

    def __len__(self) -> int:
        return len(self._entries)

    async def get(self, key: str) -> PlanChunk | None:
        """The chunk stored under `key` within the expiry, or None."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        stored_at, value = entry
        if self._ttl_seconds is not None and self._clock() - stored_at >= self._ttl_seconds:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return value

    async def set(self, key: str, value: PlanChunk) -> None:
        """Store `value` under `key`, evicting the least recently used chunks beyond the capacity."""
        self._entries[key] = (self._clock(), value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._capacity:
            self._entries.popitem(last=False)


def chunk_key(deps: ChunkDeps, model_id: str) -> str:
    """A digest of everything that determines a chunk's conversion."""
    material = {
        "run": deps.run.fingerprint(),
        "weeks": [[week.week, week.phase, week.focus, week.text] for week in deps.weeks],
        "model": model_id,
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()
