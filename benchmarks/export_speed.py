"""Export cost: each format of a 52-week plan, side by side with the offline coach generating that plan.

Run: `uv run python benchmarks/export_speed.py [--weeks 52] [--runs 5]`

The plan is the offline coach's advanced Ironman plan (every day used, two sessions on some, swims and strength
among them), generated once. Each export runs `--runs` times; the median is printed with its ratio to the
median of generating the plan (draft + conversion, offline), so the figures mean something on a shared,
noisy machine. No target is set by the issue; the HTTP route runs exports off the event loop either way.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import time
from collections.abc import Callable

from planforge import DraftRequest, Plan, PlanForge, PlanRequest
from planforge.export import EXPORT_FORMATS, export_plan

PROMPT = "Ironman in the autumn. Strength once a week."
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


async def _generate(weeks: int) -> Plan:
    fields = {"weeks": weeks, "level": "advanced", "org_id": "bench", "additional_prompt": PROMPT,
              "start_date": dt.date(2026, 5, 4)}  # fmt: skip
    async with PlanForge(model="offline") as forge:
        draft = await forge.generate_draft(DraftRequest.model_validate(fields))
        return await forge.generate_plan(PlanRequest.model_validate({**fields, "refined_draft": draft.draft}))


def _median_seconds(action: Callable[[], object], runs: int) -> float:
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    """Print each export's median time and its ratio to generating the plan."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    plan = asyncio.run(_generate(args.weeks))
    generation = _median_seconds(lambda: asyncio.run(_generate(args.weeks)), max(1, args.runs // 2))
    print(f"{args.weeks}-week plan: {len(plan.content)} workouts; offline generation {generation * 1000:,.0f} ms")
    print(f"{'format':<7} {'median':>10} {'size':>12} {'vs generation':>14}")
    for export_format in EXPORT_FORMATS:
        exported = export_plan(plan, export_format, stamp=STAMP)
        seconds = _median_seconds(lambda f=export_format: export_plan(plan, f, stamp=STAMP), args.runs)
        size = f"{len(exported.content):,} B"
        print(f"{export_format:<7} {seconds * 1000:>8,.0f} ms {size:>12} {seconds / generation:>13.2f}x")


if __name__ == "__main__":
    main()
