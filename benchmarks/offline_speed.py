"""Offline coach speed: a 52-week, 6-day advanced marathon plan, drafted and converted through the public API.

Run: `uv run python benchmarks/offline_speed.py [--runs 15]`

Times `PlanForge(model="offline")`: generate_draft then generate_plan, wall and CPU, best and median of
`--runs` runs, each on a new PlanForge (its chunk cache empty, so every chunk is converted), after one cold
run printed separately: the process's first model construction loads pydantic-ai's genai-prices snapshot
(a 1.6 MB module: ~0.4 s to compile when bytecode is not cached, PYTHONDONTWRITEBYTECODE=1) and the parser's
session cache starts empty. A repeat conversion on the same PlanForge (chunk cache hits) is shown too.
Then the split of one draft + plan: the periodization engine alone (`write_plan`), rendering, the parser
alone on the whole draft (`parse_to_workouts`), and what is left, the pydantic-ai and service overhead
(agent runs per chunk, JSON tool arguments, output validation, plan assembly).
Target (issue 3): draft + plan under 0.5 s on these 2-core machines. Shown apart, not part of the target: the same
plan under strict_existing with the eval's sample library, where every drafting agent run first searches the
library (one more model request per run) and the draft names a library workout for every session.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from planforge import DraftRequest, PlanForge, PlanRequest, Settings
from planforge.drafttext.render import render_draft
from planforge.evals.paths import load_library, sample_library_path
from planforge.library import InMemoryWorkoutLibrary
from planforge.offline.engine import write_plan
from planforge.offline.parser import parse_to_workouts

TARGET_SECONDS = 0.5
REQUEST = DraftRequest(
    weeks=52,
    level="advanced",
    org_id="bench",
    additional_prompt="Marathon in 3:15:00. 6 days per week. Long run on Sunday. One trail run per week.",
    training_principle="80/20 easy/hard split, 3:1 step-back cadence.",
)


@dataclass(frozen=True)
class Timing:
    """Wall and CPU seconds of one run."""

    wall: float
    cpu: float


def timed(run: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


def summary(label: str, timings: list[Timing]) -> str:
    walls = [t.wall for t in timings]
    cpus = [t.cpu for t in timings]
    return (
        f"{label:<34} best {min(walls) * 1000:7.1f} ms   median {statistics.median(walls) * 1000:7.1f} ms"
        f"   (CPU median {statistics.median(cpus) * 1000:7.1f} ms)"
    )


@dataclass(frozen=True)
class Steps:
    """One draft + plan: each step's time and model requests, and the plan's size."""

    draft: Timing
    plan: Timing
    draft_requests: int
    plan_requests: int
    workouts: int


def _since(wall: float, cpu: float) -> Timing:
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


async def draft_and_plan(forge: PlanForge, request: DraftRequest = REQUEST) -> Steps:
    wall, cpu = time.perf_counter(), time.process_time()
    draft = await forge.generate_draft(request)
    drafted = _since(wall, cpu)
    wall, cpu = time.perf_counter(), time.process_time()
    plan = await forge.generate_plan(PlanRequest(**request.model_dump(), refined_draft=draft.draft))
    return Steps(drafted, _since(wall, cpu), draft.usage.requests, plan.usage.requests, len(plan.content))


def offline_forge(settings: Settings) -> PlanForge:
    return PlanForge(model="offline", settings=settings)


def library_forge(settings: Settings) -> PlanForge:
    """The offline coach with the eval's sample library as the bench org's."""
    library = InMemoryWorkoutLibrary({REQUEST.org_id: load_library(sample_library_path())})
    return PlanForge(model="offline", settings=settings, library=library)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="timed runs per measurement (default 15)")
    runs = parser.parse_args().runs

    settings = Settings()
    principle = REQUEST.training_principle or ""
    steps: list[Steps] = []
    forges: list[PlanForge] = []

    def pipeline() -> None:
        forges.append(offline_forge(settings))
        steps.append(asyncio.run(draft_and_plan(forges[-1])))

    cold = timed(pipeline)
    reused = forges[0]
    steps.clear()
    end_to_end = [timed(pipeline) for _ in range(runs)]
    last = steps[-1]
    cached = [timed(lambda: asyncio.run(draft_and_plan(reused))) for _ in range(runs)]

    plan = write_plan(REQUEST, principle)
    text = render_draft(plan.draft)
    engine = [timed(lambda: write_plan(REQUEST, principle)) for _ in range(runs)]
    rendering = [timed(lambda: render_draft(plan.draft)) for _ in range(runs)]
    parsing = [timed(lambda: parse_to_workouts(text, weeks=REQUEST.weeks)) for _ in range(runs)]

    print(
        f"52-week advanced marathon, {last.workouts} workouts, {len(text):,} characters of draft;"
        f" one plan chunk per model request, concurrency {settings.concurrency}; {runs} runs"
    )
    print(f"model requests: draft {last.draft_requests}, plan {last.plan_requests}")
    print(f"{'draft + plan, first run (cold)':<34} {cold.wall * 1000:7.1f} ms   (CPU {cold.cpu * 1000:.1f} ms)")
    print(summary("draft + plan (public API)", end_to_end))
    print(summary("  generate_draft", [s.draft for s in steps]))
    print(summary("  generate_plan", [s.plan for s in steps]))
    print(summary("  same again, chunk cache hits", cached))
    print(summary("  engine: write_plan", engine))
    print(summary("  render_draft", rendering))
    print(summary("  parser: parse_to_workouts", parsing))
    medians = [statistics.median(t.wall for t in timings) for timings in (end_to_end, engine, rendering, parsing)]
    overhead = medians[0] - sum(medians[1:])
    print(f"{'  pydantic-ai + service overhead':<34} median {overhead * 1000:7.1f} ms (end to end − the three above)")
    best = min(t.wall for t in end_to_end)
    verdict = "meets" if statistics.median(t.wall for t in end_to_end) < TARGET_SECONDS else "MISSES"
    print(f"target {TARGET_SECONDS:.1f} s: median {verdict} it (best {best / TARGET_SECONDS:.0%} of the target)")

    strict = REQUEST.model_copy(update={"workout_preference": "strict_existing"})
    with_library = [timed(lambda: asyncio.run(draft_and_plan(library_forge(settings), strict))) for _ in range(runs)]
    print(summary("with the library (strict_existing)", with_library))


if __name__ == "__main__":
    main()
