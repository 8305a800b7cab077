"""What the latency benchmarks share: the simulated provider, the 52-week plan, timing and verdicts.

Not a benchmark itself. The provider is `LatencyModel` around the offline coach: it answers what the coach
answers, after `time_to_first_token + output_tokens / tokens_per_second`. `--scale N` divides every simulated
wait by N (TTFT 0.5 s / N, 80·N tokens/s) to keep a run short; ratios are what the targets are about, and our
own CPU time does not scale down, so a large scale is the pessimistic reading.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from planforge import DraftRequest, PlanForge, PlanRequest, Settings
from planforge.drafttext.render import render_draft
from planforge.offline.engine import write_plan
from planforge.offline.model import OfflineCoachModel
from planforge.testing.latency import Latency, LatencyModel

REAL_TTFT = 0.5
"""Seconds to the first token of the provider the issue sets (design.md: 0.4–1.8 s in the field)."""
REAL_TOKENS_PER_SECOND = 80.0
"""Output speed of that provider (design.md: 60–110 tokens/s)."""
T = TypeVar("T")


def marathon_request(weeks: int = 52, athlete: int = 0) -> DraftRequest:
    """An advanced marathon plan, 6 training days a week; `athlete` varies the principle (no shared cache keys)."""
    principle = "80/20 easy/hard split, 3:1 step-back cadence." + (f" Athlete {athlete}." if athlete else "")
    return DraftRequest(
        weeks=weeks,
        level="advanced",
        org_id="bench",
        additional_prompt="Marathon in 3:15:00. 6 days per week. Long run on Sunday. One trail run per week.",
        training_principle=principle,
    )


def plan_request(draft: DraftRequest) -> PlanRequest:
    """The conversion request for `draft`, its text written by the offline engine (no model call)."""
    text = render_draft(write_plan(draft, draft.training_principle or "").draft)
    return PlanRequest(**draft.model_dump(), refined_draft=text)


def latency(scale: float) -> Latency:
    """The issue's provider (0.5 s to the first token, 80 tokens/s), `scale` times faster."""
    return Latency(time_to_first_token=REAL_TTFT / scale, tokens_per_second=REAL_TOKENS_PER_SECOND * scale)


def describe(scale: float) -> str:
    """One line naming the simulated provider."""
    lat = latency(scale)
    real = "" if scale == 1 else f" (the real provider's waits ÷ {scale:g})"
    speed = f"{lat.time_to_first_token:g} s to the first token, {lat.tokens_per_second:g} tokens/s"
    return f"simulated provider: {speed}{real}"


def slow_forge(scale: float, **settings: int) -> tuple[PlanForge, LatencyModel]:
    """A new PlanForge (empty chunk cache) on the offline coach slowed down to `latency(scale)`."""
    model = LatencyModel(OfflineCoachModel(), latency(scale))
    return PlanForge(model=model, settings=Settings.model_validate(settings)), model


def scale_argument(parser: argparse.ArgumentParser, default: float = 10.0) -> None:
    """Adds `--scale`: every simulated wait divided by it."""
    parser.add_argument(
        "--scale",
        type=float,
        default=default,
        help=f"divide the simulated waits by this (default {default:g}; 1 = 0.5 s TTFT and 80 tokens/s)",
    )


@dataclass(frozen=True)
class Timed(Generic[T]):
    """A result and the wall seconds it took."""

    result: T
    seconds: float


async def timed(run: Callable[[], Awaitable[T]]) -> Timed[T]:
    """`run()` awaited, with its wall time."""
    started = time.perf_counter()
    result = await run()
    return Timed(result, time.perf_counter() - started)


def seconds(values: list[float]) -> str:
    """Best and median of several timings (or the one timing)."""
    if len(values) == 1:
        return f"{values[0]:8.3f} s"
    return f"{min(values):8.3f} s best, {statistics.median(values):8.3f} s median of {len(values)}"


def verdict(passed: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if passed else "FAIL"
