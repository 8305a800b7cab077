"""The cost of chunking: input, cached and output tokens of a 52-week conversion, one call against chunks.

Run: `uv run python benchmarks/chunk_cost.py [--weeks 52] [--model gpt-4.1-mini]`

The same draft (the offline engine's 52-week marathon plan) is converted through `PlanForge.generate_plan` by the
offline coach behind the fake OpenAI server (in-process, the real openai client), which counts tokens as
characters / 4 and reports the prompt prefix a request shares with an earlier one as `cached_tokens`, as
OpenAI's automatic prompt caching does (from 1,024 tokens, in steps of 128). Configurations: one single call
(chunk_weeks=52), and chunks of 1, 2, 4 and 13 weeks; the 1-week chunks also with the chunk prompt as it was
before issue 14 ("before": the chunk's own weeks first, the principle after them), with a short principle and
with a one-page one. Cost is genai-prices' for `--model`; "cost, cached" counts the first concurrent wave
(`concurrency` requests) as cache misses, since a provider caches a prefix only once a request has written it.
Wall time is estimated for the issue's provider (0.5 s to the first token, 80 tokens/s).
Target (issue 14): chunked cost with caching ≤ 1.3× the single call's, at ≥ 10× its speed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from genai_prices import Usage as PriceUsage
from genai_prices import calc_price
from latency_scenarios import REAL_TOKENS_PER_SECOND, REAL_TTFT, marathon_request, plan_request, verdict
from pydantic_ai import models

import planforge.pipeline.converting as converting
from planforge import PlanForge, PlanRequest, Settings
from planforge.agents.plan import DATA_TAGS, context_json
from planforge.pipeline.run import ChunkDeps
from planforge.prompts import data_section_text
from planforge.testing import FakeOpenAI, fake_openai_model
from planforge.testing.fake_openai.behaviour import cached_prefix_tokens

TARGET_COST_RATIO = 1.3
TARGET_SPEEDUP = 10.0
CONCURRENCY = 16
ONE_PAGE_PRINCIPLE = " ".join(
    [
        "Our club coaches by the 80/20 rule: four of five sessions are easy, conversational and in zone 2, and the"
        " fifth is quality (threshold, intervals or race pace), never two hard days in a row.",
        "Volume grows by at most ten percent a week, with a step-back week every fourth week at about seventy"
        " percent of the week before. The long run is the anchor of the week and never exceeds a third of it.",
        "Strides twice a week after easy runs from the first month; hills in the base phase, threshold in the build"
        " phase, race-pace long runs in the peak phase. The taper lasts two to three weeks and keeps intensity.",
        "Athletes over fifty get an extra rest day and no back-to-back runs; injured athletes cross-train on the"
        " bike or in the pool at the same effort instead of running. Every plan ends with a race week whose last"
        " hard session is four days out.",
    ]
    * 3
)
"""About 2,600 characters: a page of club rules, as coaches paste them."""


def before_issue_14_prompt(deps: ChunkDeps) -> str:
    """The chunk request as it was: the chunk's own weeks first, the plan context after them, the principle last."""
    run = deps.run
    chunk: dict[str, Any] = {
        "plan_weeks": run.request.weeks,
        "weeks": [{"week": w.week, "phase": w.phase, "focus": w.focus} for w in deps.weeks],
    }
    if facts := context_json(run.draft.context):
        chunk["plan_context"] = facts
    weeks_text = "\n\n".join(week.text for week in deps.weeks)
    return (
        f"Convert these weeks of the draft.\n\n<chunk>\n{data_section_text(json.dumps(chunk), tags=DATA_TAGS)}\n"
        f"</chunk>\n\n<training_principle>\n{data_section_text(run.principle, tags=DATA_TAGS)}\n"
        f"</training_principle>\n\n<draft_weeks>\n{data_section_text(weeks_text, tags=DATA_TAGS)}\n</draft_weeks>\n"
    )


@contextmanager
def prompt_as(render: Callable[[ChunkDeps], str] | None) -> Iterator[None]:
    """Convert with `render` as the chunk prompt (None: planforge's own)."""
    original = converting.plan_user_prompt
    if render is not None:
        converting.plan_user_prompt = render
    try:
        yield
    finally:
        converting.plan_user_prompt = original


@dataclass(frozen=True)
class Measured:
    """One conversion's token figures."""

    requests: int
    input_tokens: int
    cached_warm: int
    """Prompt tokens shared with an earlier request (what the fake reported as cached)."""
    cached_cold_first_wave: int
    """The same, counting the first concurrent wave as misses."""
    output_tokens: int
    concurrency: int

    def cost(self, model: str, cached: int) -> Decimal:
        usage = PriceUsage(input_tokens=self.input_tokens, cache_read_tokens=cached, output_tokens=self.output_tokens)
        return calc_price(usage, model_ref=model, provider_id="openai").total_price

    def wall_seconds(self) -> float:
        """Estimated at 0.5 s to the first token and 80 tokens/s: waves of `concurrency` average chunks."""
        waves = math.ceil(self.requests / self.concurrency)
        return waves * (REAL_TTFT + self.output_tokens / self.requests / REAL_TOKENS_PER_SECOND)


async def convert(request: PlanRequest, chunk_weeks: int, model_name: str) -> Measured:
    """One conversion on a new fake server (an empty prefix cache) and a new PlanForge (an empty chunk cache)."""
    fake = FakeOpenAI()
    concurrency = 1 if chunk_weeks >= request.weeks else CONCURRENCY
    # The single call needs a larger cap than any model offers (~25k output tokens); the fake has no limit.
    settings = Settings(
        chunk_weeks=chunk_weeks, concurrency=concurrency, request_timeout_seconds=3_600, max_output_tokens=100_000
    )
    async with PlanForge(model=fake_openai_model(fake, model_name, settings=settings), settings=settings) as forge:
        plan = await forge.generate_plan(request)
    prompts = [logged.request.prompt_text for logged in fake.requests]
    warm = [cached_prefix_tokens(prompt, prompts[:index]) for index, prompt in enumerate(prompts)]
    return Measured(
        requests=plan.usage.requests,
        input_tokens=plan.usage.input_tokens,
        cached_warm=sum(warm),
        cached_cold_first_wave=sum(warm[concurrency:]),
        output_tokens=plan.usage.output_tokens,
        concurrency=concurrency,
    )


def main(argv: list[str] | None = None) -> bool:
    """Runs the benchmark and prints its figures; True when the best chunking meets the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--weeks", type=int, default=52, help="plan length (default 52)")
    parser.add_argument("--model", default="gpt-4.1-mini", help="OpenAI model priced by genai-prices")
    args = parser.parse_args(argv)
    models.ALLOW_MODEL_REQUESTS = True  # the fake server is in-process; nothing leaves the machine
    passed = False
    for principle_label, principle in (("short principle", None), ("one-page principle", ONE_PAGE_PRINCIPLE)):
        draft = marathon_request(args.weeks)
        if principle is not None:
            draft = draft.model_copy(update={"training_principle": principle})
        request = plan_request(draft)
        single = asyncio.run(convert(request, args.weeks, args.model))
        rows: list[tuple[str, Measured]] = [(f"single call (chunk_weeks={args.weeks})", single)]
        with prompt_as(before_issue_14_prompt):
            rows.append(("chunk_weeks=1, before (own weeks first)", asyncio.run(convert(request, 1, args.model))))
        for size in (1, 2, 4, 13):
            rows.append((f"chunk_weeks={size}", asyncio.run(convert(request, size, args.model))))
        print(f"\n{args.weeks}-week plan, {principle_label}; prices of {args.model} (genai-prices)")
        print(
            f"{'configuration':<42} {'requests':>8} {'input':>9} {'in/call':>8} {'prefix':>7} {'output':>8}"
            f" {'cost':>9} {'cached':>9} {'× single':>8} {'wall est.':>9} {'speedup':>8}"
        )
        single_cost = single.cost(args.model, single.cached_cold_first_wave)
        for label, m in rows:
            share = m.cached_warm / m.input_tokens
            uncached = m.cost(args.model, 0)
            cached = m.cost(args.model, m.cached_cold_first_wave)
            ratio = float(cached / single_cost)
            speedup = single.wall_seconds() / m.wall_seconds()
            meets = ratio <= TARGET_COST_RATIO and speedup >= TARGET_SPEEDUP
            passed = passed or meets
            print(
                f"{label:<42} {m.requests:>8} {m.input_tokens:>9,} {m.input_tokens // m.requests:>8,} {share:>7.0%}"
                f" {m.output_tokens:>8,} {float(uncached):>9.4f} {float(cached):>9.4f} {ratio:>8.2f}"
                f" {m.wall_seconds():>8.0f}s {speedup:>7.1f}×" + ("  meets both targets" if meets else "")
            )
    print(
        f"\nprefix: share of the input a provider's prefix cache can serve; cost: $ without caching; cached: $ with"
        f" OpenAI's automatic caching, the first wave of {CONCURRENCY} cold.\nTarget: cost with caching ≤"
        f" {TARGET_COST_RATIO}× the single call at ≥ {TARGET_SPEEDUP:g}× its speed, by some chunk size:"
        f" {verdict(passed)}"
    )
    return passed


if __name__ == "__main__":
    main()
