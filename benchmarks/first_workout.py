"""Time to the first workout of a streamed 52-week conversion, against one chunk's conversion time.

Run: `uv run python benchmarks/first_workout.py [--scale 10] [--runs 5]`

`PlanForge.stream_plan` on a 52-week, 6-day draft (default settings: 2-week chunks, 8 at a time) with the
offline coach behind `LatencyModel` (0.5 s to the first token, 80 tokens/s; `--scale` divides the waits): the
time from the call to the first `WorkoutEvent`. One chunk's time: `generate_plan` of the draft's first chunk
alone (its first `chunk_weeks` weeks as a plan of their own). Each run on a new PlanForge (empty chunk cache).
Target (issue 7): the first workout within 1.2× one chunk's time (medians).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from latency_scenarios import describe, marathon_request, plan_request, scale_argument, seconds, slow_forge, verdict

from planforge import PlanRequest, Settings, WorkoutEvent
from planforge.drafttext.segment import segment_draft

TARGET_RATIO = 1.2


def first_chunk(request: PlanRequest, weeks: int) -> PlanRequest:
    """The plan of `request`'s first `weeks` weeks only: what one chunk of it is sent."""
    text = "\n\n".join(week.text for week in segment_draft(request.refined_draft).weeks[:weeks])
    return request.model_copy(update={"weeks": weeks, "refined_draft": text})


async def first_workout(scale: float, request: PlanRequest) -> tuple[float, int]:
    """Seconds from `stream_plan` to its first workout event, and that workout's week."""
    forge, _ = slow_forge(scale)
    started = time.perf_counter()
    stream = forge.stream_plan(request)
    async for event in stream:
        if isinstance(event, WorkoutEvent):
            elapsed = time.perf_counter() - started
            await stream.aclose()  # type: ignore[attr-defined]  # an async generator; closing cancels the rest
            return elapsed, event.workout.week
    raise RuntimeError("the stream ended without a workout event")


async def one_chunk(scale: float, request: PlanRequest) -> float:
    forge, _ = slow_forge(scale)
    started = time.perf_counter()
    await forge.generate_plan(request)
    return time.perf_counter() - started


async def measure(scale: float, weeks: int, runs: int) -> tuple[list[float], list[float], list[int]]:
    request = plan_request(marathon_request(weeks))
    chunk = first_chunk(request, Settings().chunk_weeks)
    firsts: list[float] = []
    chunks: list[float] = []
    first_weeks: list[int] = []
    for _ in range(runs):  # alternating, so noise hits both alike
        elapsed, week = await first_workout(scale, request)
        firsts.append(elapsed)
        first_weeks.append(week)
        chunks.append(await one_chunk(scale, chunk))
    return firsts, chunks, first_weeks


def main(argv: list[str] | None = None) -> bool:
    """Runs the benchmark and prints its figures; True when the first workout meets the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    scale_argument(parser)
    parser.add_argument("--runs", type=int, default=5, help="runs of each side (default 5)")
    parser.add_argument("--weeks", type=int, default=52, help="plan length (default 52)")
    args = parser.parse_args(argv)
    firsts, chunks, first_weeks = asyncio.run(measure(args.scale, args.weeks, args.runs))
    settings = Settings()
    print(
        f"{args.weeks}-week plan, chunks of {settings.chunk_weeks} weeks, {settings.concurrency} at a time;"
        f" {describe(args.scale)}"
    )
    print(f"{'first workout event (stream_plan)':<36} {seconds(firsts)}   (weeks of first workouts: {first_weeks})")
    print(f"{'one chunk alone (generate_plan)':<36} {seconds(chunks)}")
    ratio = statistics.median(firsts) / statistics.median(chunks)
    passed = ratio <= TARGET_RATIO
    print(f"first workout / one chunk: ×{ratio:.2f} (medians); target ≤ ×{TARGET_RATIO}: {verdict(passed)}")
    return passed


if __name__ == "__main__":
    main()
