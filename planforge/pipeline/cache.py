"""Converted chunks, cached by everything that determines them, so an edited draft re-converts only what changed.

The key covers the chunk's text (with the phase and focus the draft gives), the plan's length and level, the
principle, the workout preference and library version, the model and the prompt version. A hit costs no model
call. The default cache is in-memory and bounded; a host can pass its own `ChunkCache` (e.g. Redis-backed).
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from typing import Protocol

from planforge.agents.plan import PlanDeps
from planforge.domain.chunk import PlanChunk
from planforge.domain.plan import PlanWarning

DEFAULT_CAPACITY = 2_048


class ChunkCache(Protocol):
    """Where converted chunks are kept between generations."""

    async def get(self, key: str) -> tuple[PlanChunk, list[PlanWarning]] | None: ...

    async def set(self, key: str, value: tuple[PlanChunk, list[PlanWarning]]) -> None: ...


class InMemoryChunkCache:
    """A least-recently-used cache of converted chunks, in this process."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        self._entries: OrderedDict[str, tuple[PlanChunk, list[PlanWarning]]] = OrderedDict()
        self._capacity = capacity

    def __len__(self) -> int:
        return len(self._entries)

    async def get(self, key: str) -> tuple[PlanChunk, list[PlanWarning]] | None:
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    async def set(self, key: str, value: tuple[PlanChunk, list[PlanWarning]]) -> None:
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self._capacity:
            self._entries.popitem(last=False)


def _check_identity(check: object) -> str:
    """A check's kind and settings: its public attributes (private ones are working state, such as caches)."""
    settings = {name: value for name, value in vars(check).items() if not name.startswith("_")}
    return f"{type(check).__name__}{settings!r}"


def chunk_key(deps: PlanDeps, model_id: str) -> str:
    """A digest of everything that determines a chunk's conversion."""
    request = deps.request
    material = {
        "weeks": [[week.week, week.phase, week.focus, week.text] for week in deps.chunk],
        "plan_weeks": request.weeks,
        "level": request.level,
        "principle": deps.principle,
        "preference": request.workout_preference,
        "library": [deps.library.org_id, deps.library.version, deps.library.threshold] if deps.library else None,
        "checks": sorted(_check_identity(check) for check in deps.extra_checks),
        "model": model_id,
        "prompt_version": deps.prompt_version,
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()
