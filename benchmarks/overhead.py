"""planforge's own overhead: a conversion on an instant model against the same number of bare pydantic-ai runs.

Run: `uv run python benchmarks/overhead.py [--runs 25] [--weeks 52] [--profile]`

The model costs nothing on either side: every answer is computed once beforehand (what `ScriptedCoach` answers
each chunk of a 52-week, 6-day draft) and replayed. planforge side: `PlanForge.generate_plan` (segmenting,
prompts, chunk agents with their output validators and the parser cross-check, assembly), each run on a new
PlanForge built outside the timing (empty chunk cache). Bare side, the same number of agent runs at the same
concurrency: (a) a trivial agent (text output) and (b) an agent whose output type is the same PlanChunk,
answered with the same tool arguments: what pydantic-ai alone costs for the same answers.
Target (issue 7): planforge ≤ 1.3× the bare runs (b). `--profile` prints cProfile's top functions of one run.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import pstats
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

from latency_scenarios import marathon_request, plan_request, verdict
from pydantic_ai import Agent, ToolOutput
from pydantic_ai.messages import ModelMessage, ModelRequest, ModelResponse, TextPart, ToolCallPart, UserPromptPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from planforge import PlanForge, PlanRequest, Settings
from planforge.agents.plan import PLAN_OUTPUT_TOOL
from planforge.domain.chunk import PlanChunk
from planforge.testing import ScriptedCoach, request_sections

TARGET_RATIO = 1.3


async def recorded_answers(request: PlanRequest) -> dict[str, dict[str, Any]]:
    """ScriptedCoach's answer to each chunk of `request`, keyed by the chunk's `<chunk>` section."""
    coach = ScriptedCoach()
    answers: dict[str, dict[str, Any]] = {}

    def record(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        sections = request_sections(messages)
        answers[sections["chunk"]] = args = coach.convert(sections)
        return ModelResponse(parts=[ToolCallPart(PLAN_OUTPUT_TOOL, args)])

    await PlanForge(model=FunctionModel(record)).generate_plan(request)
    return answers


def replaying_model(answers: dict[str, dict[str, Any]]) -> FunctionModel:
    """Answers each chunk with its recorded arguments, at no cost beyond a dictionary lookup."""

    def replay(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        return ModelResponse(parts=[ToolCallPart(PLAN_OUTPUT_TOOL, answers[request_sections(messages)["chunk"]])])

    return FunctionModel(replay, model_name="replay")


def bare_agent(structured: bool, answers: list[dict[str, Any]]) -> Callable[[int], Awaitable[object]]:
    """A bare agent run per call (by answer index): text output, or the recorded PlanChunk answer."""
    if not structured:
        text_agent = Agent(FunctionModel(lambda _m, _i: ModelResponse(parts=[TextPart("ok")])))
        return lambda n: text_agent.run(f"Convert chunk {n}")
    current: dict[int, dict[str, Any]] = {}  # the answer each running prompt gets, by the prompt's number

    def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        number = next(
            int(part.content.rsplit(" ", 1)[1])
            for message in messages
            if isinstance(message, ModelRequest)
            for part in message.parts
            if isinstance(part, UserPromptPart) and isinstance(part.content, str)
        )
        return ModelResponse(parts=[ToolCallPart(PLAN_OUTPUT_TOOL, current[number])])

    chunk_agent = Agent(FunctionModel(answer), output_type=ToolOutput(PlanChunk, name=PLAN_OUTPUT_TOOL))
    current.update(enumerate(answers))
    return lambda n: chunk_agent.run(f"Convert chunk {n}")


async def bare_runs(run: Callable[[int], Awaitable[object]], count: int, concurrency: int) -> None:
    """`count` runs, at most `concurrency` at a time, like the chunks of a conversion."""
    limit = asyncio.Semaphore(concurrency)

    async def one(number: int) -> None:
        async with limit:
            await run(number)

    await asyncio.gather(*(one(n) for n in range(count)))


async def measure(request: PlanRequest, runs: int) -> dict[str, list[float]]:
    """CPU seconds of each side per run; the sides alternate within a run so noise hits them alike.

    CPU time, not wall time: both sides are CPU-bound on one thread, and CPU time does not count the time other
    processes on a shared machine take from us.
    """
    answers = await recorded_answers(request)
    settings = Settings()
    model = replaying_model(answers)
    text_run = bare_agent(False, list(answers.values()))
    chunk_run = bare_agent(True, list(answers.values()))
    timings: dict[str, list[float]] = {"planforge": [], "bare (a) text": [], "bare (b) PlanChunk": []}
    for _ in range(runs + 1):  # the first round warms up (imports, schema builds) and is dropped
        forge = PlanForge(model=model, settings=settings)
        sides: dict[str, Callable[[], Awaitable[object]]] = {
            "planforge": lambda forge=forge: forge.generate_plan(request),
            "bare (a) text": lambda: bare_runs(text_run, len(answers), settings.concurrency),
            "bare (b) PlanChunk": lambda: bare_runs(chunk_run, len(answers), settings.concurrency),
        }
        for label, side in sides.items():
            gc.collect()  # each side starts with a clean heap instead of paying for the previous side's garbage
            started = time.process_time()
            await side()
            timings[label].append(time.process_time() - started)
    return {label: values[1:] for label, values in timings.items()}


def profile(request: PlanRequest, top: int) -> None:
    """cProfile of one planforge conversion: the functions with the most own time, and the most cumulative."""
    forge = PlanForge(model=replaying_model(asyncio.run(recorded_answers(request))))
    profiler = cProfile.Profile()
    profiler.enable()
    asyncio.run(forge.generate_plan(request))
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> bool:
    """Runs the benchmark and prints its figures; True when planforge meets the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=25, help="timed runs per side (default 25)")
    parser.add_argument("--weeks", type=int, default=52, help="plan length (default 52)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of one conversion")
    args = parser.parse_args(argv)
    request = plan_request(marathon_request(args.weeks))
    timings = asyncio.run(measure(request, args.runs))
    chunks = -(-args.weeks // Settings().chunk_weeks)
    print(
        f"{args.weeks}-week plan, {chunks} agent runs per side, instant (replayed) model; CPU time of {args.runs} runs"
    )
    planforge_median = statistics.median(timings["planforge"])
    for label, values in timings.items():
        ratio = planforge_median / statistics.median(values)
        best_ratio = min(timings["planforge"]) / min(values)
        print(
            f"{label:<20} best {min(values) * 1000:7.1f} ms   median {statistics.median(values) * 1000:7.1f} ms"
            f"   planforge / this: ×{ratio:.2f} (medians), ×{best_ratio:.2f} (bests)"
        )
    ratio = planforge_median / statistics.median(timings["bare (b) PlanChunk"])
    passed = ratio <= TARGET_RATIO
    print(f"target: planforge ≤ ×{TARGET_RATIO} the bare PlanChunk runs (b): ×{ratio:.2f} {verdict(passed)}")
    if args.profile:
        profile(request, top=25)
    return passed


if __name__ == "__main__":
    main()
