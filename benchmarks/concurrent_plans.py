"""Many plans at once in one process: 100 concurrent 12-week plans (draft, then conversion) on a slow provider.

Run: `uv run python benchmarks/concurrent_plans.py [--plans 100] [--weeks 12] [--scale 10]`

One PlanForge serves every plan, as one app process would; each plan is `generate_draft` then `generate_plan`
for its own athlete (a different training principle each, so no chunk is shared through the cache), with the
offline coach behind `LatencyModel` (0.5 s to the first token, 80 tokens/s; `--scale` divides the waits).
Printed: one plan alone, then the latency p50/p99/max of each plan under the concurrent load, the wall time of
all of them, the CPU time, and peak memory: the traced Python heap (tracemalloc, in a second pass because
tracing slows Python down) and the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import time
import tracemalloc

from latency_scenarios import describe, marathon_request, scale_argument, slow_forge

from planforge import PlanForge, PlanRequest


async def one_plan(forge: PlanForge, weeks: int, athlete: int) -> float:
    """Seconds to draft and convert one athlete's plan."""
    started = time.perf_counter()
    request = marathon_request(weeks, athlete=athlete)
    draft = await forge.generate_draft(request)
    plan = await forge.generate_plan(PlanRequest(**request.model_dump(), refined_draft=draft.draft))
    assert len(plan.content) >= weeks  # every week has sessions: a plan, not an empty shell
    return time.perf_counter() - started


async def all_plans(scale: float, plans: int, weeks: int, first_athlete: int) -> tuple[list[float], float]:
    """Each plan's latency and the wall time of all of them, run concurrently on one PlanForge."""
    forge, _ = slow_forge(scale)
    started = time.perf_counter()
    latencies = await asyncio.gather(*(one_plan(forge, weeks, first_athlete + n) for n in range(plans)))
    return list(latencies), time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    """The `share` quantile (nearest rank) of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main(argv: list[str] | None = None) -> None:
    """Runs the benchmark and prints its figures (no target: the issue asks for the figures)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    scale_argument(parser)
    parser.add_argument("--plans", type=int, default=100, help="concurrent plans (default 100)")
    parser.add_argument("--weeks", type=int, default=12, help="weeks per plan (default 12)")
    args = parser.parse_args(argv)
    alone, _ = asyncio.run(all_plans(args.scale, 1, args.weeks, first_athlete=1_000_000))
    cpu = time.process_time()
    latencies, wall = asyncio.run(all_plans(args.scale, args.plans, args.weeks, first_athlete=1))
    cpu = time.process_time() - cpu
    tracemalloc.start()
    asyncio.run(all_plans(args.scale, args.plans, args.weeks, first_athlete=args.plans + 1))
    _, peak_heap = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(f"{args.plans} concurrent {args.weeks}-week plans (draft + conversion each); {describe(args.scale)}")
    print(f"one plan alone:          {alone[0]:8.3f} s")
    print(
        f"latency under load:      p50 {statistics.median(latencies):8.3f} s   p99 {percentile(latencies, 0.99):8.3f} s"
        f"   max {max(latencies):8.3f} s   (p50 / alone ×{statistics.median(latencies) / alone[0]:.2f})"
    )
    print(
        f"all plans:               {wall:8.3f} s wall, {cpu:8.3f} s CPU ({cpu / args.plans * 1000:.1f} ms CPU a plan)"
    )
    print(
        f"peak memory:             Python heap {peak_heap / 2**20:.1f} MiB (tracemalloc), max RSS {max_rss_mb:.0f} MiB"
    )


if __name__ == "__main__":
    main()
