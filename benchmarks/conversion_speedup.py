"""Chunked, concurrent conversion against one single call: a 52-week, 6-days-a-week plan on a slow provider.

Run: `uv run python benchmarks/conversion_speedup.py [--scale 10] [--runs 3]`

The same draft (312 workouts) is converted through `PlanForge.generate_plan`, each run on a new PlanForge (empty
chunk cache), by the offline coach behind `LatencyModel` (0.5 s to the first token, 80 tokens/s; `--scale`
divides the waits): once as one single call (chunk_weeks=52, concurrency=1), and chunked with the default
settings (the adaptive limit, `planforge.pipeline.adaptive`) and with wide settings (one-week chunks, a fixed 52
at once), best of `--runs`. `benchmarks/concurrency_limit.py` compares the limits on limited providers too.
Target (issue 7): chunked ≥ 10× faster than the single call.
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass

from latency_scenarios import (
    describe,
    marathon_request,
    plan_request,
    scale_argument,
    seconds,
    slow_forge,
    timed,
    verdict,
)

from planforge import Plan, Settings

TARGET_SPEEDUP = 10.0
SINGLE_CALL = {"chunk_weeks": 52, "concurrency": 1, "request_timeout_seconds": 3_600}
"""One call for the whole plan; at the real provider's speed it takes longer than the default 300 s deadline."""
WIDE = {"chunk_weeks": 1, "concurrency": 52}


@dataclass(frozen=True)
class Conversions:
    """One configuration's runs: wall seconds each, the plan, and the tokens the provider emitted."""

    seconds: list[float]
    plan: Plan
    output_tokens: int


async def convert(scale: float, weeks: int, settings: dict[str, int]) -> tuple[float, Plan, int]:
    """Seconds one conversion takes on a new PlanForge, the plan, and the simulated output tokens."""
    forge, model = slow_forge(scale, **settings)
    request = plan_request(marathon_request(weeks))
    run = await timed(lambda: forge.generate_plan(request))
    return run.seconds, run.result, model.output_tokens_total


async def measure(scale: float, weeks: int, runs: int) -> dict[str, Conversions]:
    defaults = Settings()
    configurations = {
        "single call (chunk_weeks=52, concurrency=1)": SINGLE_CALL,
        f"default (chunk_weeks={defaults.chunk_weeks}, adaptive ≤ {defaults.max_concurrency})": {},
        f"wide (chunk_weeks=1, concurrency={min(weeks, 52)})": {**WIDE, "concurrency": min(weeks, 52)},
    }
    results: dict[str, Conversions] = {}
    for label, settings in configurations.items():
        # The single call is the slow reference: one run of it is enough and keeps the benchmark short.
        runs_here = [await convert(scale, weeks, settings) for _ in range(1 if settings is SINGLE_CALL else runs)]
        _, plan, tokens = runs_here[-1]
        results[label] = Conversions([elapsed for elapsed, _, _ in runs_here], plan, tokens)
    return results


def main(argv: list[str] | None = None) -> bool:
    """Runs the benchmark and prints its figures; True when every chunked configuration meets the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    scale_argument(parser)
    parser.add_argument("--runs", type=int, default=3, help="runs of each chunked configuration (default 3)")
    parser.add_argument("--weeks", type=int, default=52, help="plan length (default 52)")
    args = parser.parse_args(argv)
    results = asyncio.run(measure(args.scale, args.weeks, args.runs))
    (single_label, single), *chunked = results.items()
    plan = single.plan
    print(f"{args.weeks}-week plan, {len(plan.content)} workouts; {describe(args.scale)}")
    print(f"{'configuration':<44} {'wall time':<40} requests  output tokens")
    print(f"{single_label:<44} {seconds(single.seconds):<40} {plan.usage.requests:8}  {single.output_tokens:13,}")
    passed = True
    for label, runs in chunked:
        speedup = single.seconds[0] / min(runs.seconds)
        ok = speedup >= TARGET_SPEEDUP and runs.plan.content == plan.content
        passed = passed and ok
        print(
            f"{label:<44} {seconds(runs.seconds):<40} {runs.plan.usage.requests:8}  {runs.output_tokens:13,}"
            f"   speedup ×{speedup:.1f} (best), target ×{TARGET_SPEEDUP:g}: {verdict(ok)}"
        )
    return passed


if __name__ == "__main__":
    main()
