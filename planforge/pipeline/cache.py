"""Converted chunks, cached by everything that determines them, so an edited draft re-converts only what changed.

The key is the run's fingerprint (plan length and level, principle, library policy, plan-wide context, checks,
prompt version), the chunk's weeks as written (with the phase and focus the draft gives) and the model. A hit
costs no model call. The default cache is in-memory and bounded; a host can pass its own `ChunkCache` (e.g.
Redis-backed): a chunk is stored as a `PlanChunk`, warnings included.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
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
    """A least-recently-used cache of converted chunks, in this process."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        self._entries: OrderedDict[str, PlanChunk] = OrderedDict()
        self._capacity = capacity

    def __len__(self) -> int:
        return len(self._entries)

    async def get(self, key: str) -> PlanChunk | None:
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    async def set(self, key: str, value: PlanChunk) -> None:
        self._entries[key] = value
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
