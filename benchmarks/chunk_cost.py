"""The cost of chunking: input, cached and output tokens and the cost of a 52-week conversion, one call against
chunks, with and without prompt caching.

Run: `uv run python benchmarks/chunk_cost.py [--weeks 52] [--model gpt-4.1-mini]`

The same draft (the offline engine's 52-week marathon plan) is converted through `PlanForge.generate_plan` by the
offline coach behind the fake OpenAI server (in-process, the real openai client), which counts tokens as
characters / 4. Configurations: one single call (chunk_weeks=52), and chunks of 1, 2, 4 and 13 weeks, at the
default concurrency and at 16 calls at once; the 1-week chunks also with the chunk prompt as it was before issue
14 ("before": the chunk's own weeks first, the principle after them) and without the cache warm-up
(`cache_warm_up=False`: every chunk starts at once, as before it); each with a short principle and with a
one-page one.

Caching: a provider serves from its cache the longest prompt prefix (from 1,024 tokens, in steps of 128, as
OpenAI's automatic caching does) shared with a request it has already processed. A prefix is written once its
request was processed: every fake answer comes `PREFILL_SECONDS` after its request, and a request counts as
cached only for prefixes of requests answered before it arrived. Calls started together therefore all miss: the
"1st wave" column says how many were sent before the first answer came (1: the warm-up call went alone). The
warm-up (`Settings.cache_warm_up`, on by default) sends the first chunk alone, streamed, and the others once its
answer begins. "reported" is what planforge itself reports as `usage.cached_input_tokens` (the fake caches a
prefix as soon as a request arrives: an upper bound). Cost is genai-prices' for `--model` ("no cache": every
input token at the full price). Wall time is estimated for the issue's provider (0.5 s to the first token,
80 tokens/s): the warm-up's time to the first token, then the other calls in waves as wide as the most requests
the fake had in flight at once ("width"). benchmarks/concurrency_limit.py measures the speed on a simulated
provider instead.
Target (issue 14): chunked cost with caching ≤ 1.3× the single call's, at ≥ 10× its speed, at the default
chunk_weeks and concurrency.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
from collections.abc import Callable, Generator
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
from planforge.testing import FakeOpenAI, Latency, fake_openai_model
from planforge.testing.fake_openai import LoggedRequest
from planforge.testing.fake_openai.behaviour import cached_prefix_tokens

TARGET_COST_RATIO = 1.3
TARGET_SPEEDUP = 10.0
CONCURRENCY = 16
"""The fixed concurrency compared with the default (planforge's default before the adaptive limit)."""
PREFILL_SECONDS = 2.0
"""Each fake answer comes this long after its request; its prompt prefix is in the cache from then on. Longer than
the adaptive limit's probe (0.5 s) plus the time the in-process fake takes to receive a wave of requests, so that
the calls a real provider would have in flight at once overlap here too ("width")."""
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
def prompt_as(render: Callable[[ChunkDeps], str] | None) -> Generator[None]:
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
    """One conversion's figures."""

    requests: int
    input_tokens: int
    cached: int
    """Input tokens a provider's prefix cache serves, given when each request arrived (see the module doc)."""
    reported_cached: int
    """What planforge reported as `usage.cached_input_tokens` (the fake's upper bound)."""
    output_tokens: int
    first_wave: int
    """Requests sent before the first answer came: all of them miss the cache."""
    width: int
    """The most requests in flight at once (the size of a wave), after the first one if it went alone."""

    def cost(self, model: str, cached: int) -> Decimal:
        usage = PriceUsage(input_tokens=self.input_tokens, cache_read_tokens=cached, output_tokens=self.output_tokens)
        return calc_price(usage, model_ref=model, provider_id="openai").total_price

    @property
    def warmed_up(self) -> bool:
        """Whether the first request went alone (a cache warm-up) while others followed."""
        return self.first_wave == 1 and self.requests > 1

    def wall_seconds(self) -> float:
        """Estimated at 0.5 s to the first token and 80 tokens/s: the warm-up's first token, then the other
        requests in waves of `width` average chunks (the warm-up call finishes within the first of them)."""
        chunk_seconds = REAL_TTFT + self.output_tokens / self.requests / REAL_TOKENS_PER_SECOND
        if not self.warmed_up:
            return math.ceil(self.requests / self.width) * chunk_seconds
        return REAL_TTFT + math.ceil((self.requests - 1) / self.width) * chunk_seconds


def cached_tokens(log: list[LoggedRequest]) -> int:
    """Prompt tokens served from a prefix cache that holds the prompts of requests answered before each arrived."""
    total = 0
    for logged in log:
        written = [e.request.prompt_text for e in log if e.received_at + PREFILL_SECONDS <= logged.received_at]
        total += cached_prefix_tokens(logged.request.prompt_text, written)
    return total


def first_wave(log: list[LoggedRequest]) -> int:
    first_answer = min(logged.received_at for logged in log) + PREFILL_SECONDS
    return sum(1 for logged in log if logged.received_at < first_answer)


def width(log: list[LoggedRequest]) -> int:
    """The most requests in flight at once (each is answered `PREFILL_SECONDS` after it came), not counting a
    first one that went alone."""
    arrivals = sorted(logged.received_at for logged in log)
    if first_wave(log) == 1 and len(arrivals) > 1:
        arrivals = arrivals[1:]
    return max(sum(1 for other in arrivals if start <= other < start + PREFILL_SECONDS) for start in arrivals)


@dataclass(frozen=True)
class Configuration:
    label: str
    chunk_weeks: int
    concurrency: int | None = None
    """None: planforge's default (adaptive)."""
    before: bool = False
    """With the chunk prompt as it was before issue 14."""
    warm_up: bool = True


async def convert(request: PlanRequest, configuration: Configuration, model_name: str) -> Measured:
    """One conversion on a new fake server (an empty prefix cache) and a new PlanForge (an empty chunk cache)."""
    fake = FakeOpenAI(latency=Latency(time_to_first_token=PREFILL_SECONDS))
    # The single call needs a larger cap than any model offers (~41k output tokens); the fake has no limit.
    concurrency = configuration.concurrency
    fixed: dict[str, Any] = {"concurrency": concurrency} if concurrency is not None else {}
    settings = Settings(
        chunk_weeks=configuration.chunk_weeks,
        request_timeout_seconds=3_600,
        max_output_tokens=100_000,
        cache_warm_up=configuration.warm_up,
        **fixed,
    )
    async with PlanForge(model=fake_openai_model(fake, model_name, settings=settings), settings=settings) as forge:
        plan = await forge.generate_plan(request)
    return Measured(
        requests=plan.usage.requests,
        input_tokens=plan.usage.input_tokens,
        cached=cached_tokens(fake.requests),
        reported_cached=plan.usage.cached_input_tokens,
        output_tokens=plan.usage.output_tokens,
        first_wave=first_wave(fake.requests),
        width=width(fake.requests),
    )


DEFAULT_LABEL = "(default), default concurrency"


def configurations(weeks: int) -> list[Configuration]:
    """The single call first (the reference), then chunked conversions."""
    default = Settings().chunk_weeks
    rows = [Configuration(f"single call (chunk_weeks={weeks})", weeks, concurrency=1)]
    rows.append(Configuration(f"chunk_weeks=1, {CONCURRENCY} at once, before (own weeks first)", 1, CONCURRENCY, True))
    for size in (1, 2, 4, 13):
        mark = " (default)" if size == default else ""
        rows.append(Configuration(f"chunk_weeks={size}{mark}, default concurrency", size))
        if size == default:
            rows.append(Configuration("  the same without the cache warm-up (as before)", size, warm_up=False))
        if size <= 2:
            rows.append(Configuration(f"chunk_weeks={size}{mark}, {CONCURRENCY} at once", size, CONCURRENCY))
    return rows


HEADER = (
    f"{'configuration':<52} {'requests':>8} {'1st wave':>8} {'width':>5} {'input':>9} {'cached':>9} {'reported':>9}"
    f" {'output':>8} {'no cache':>9} {'cached':>9} {'× single':>8} {'wall est.':>9} {'speedup':>8}"
)


def report(label: str, m: Measured, single: Measured, model: str) -> bool:
    """Print one row; True when it meets both targets."""
    single_cost = single.cost(model, single.cached)
    uncached, cached = m.cost(model, 0), m.cost(model, m.cached)
    ratio = float(cached / single_cost)
    speedup = single.wall_seconds() / m.wall_seconds()
    meets = ratio <= TARGET_COST_RATIO and speedup >= TARGET_SPEEDUP
    print(
        f"{label:<52} {m.requests:>8} {m.first_wave:>8} {m.width:>5} {m.input_tokens:>9,} {m.cached:>9,}"
        f" {m.reported_cached:>9,}"
        f" {m.output_tokens:>8,} {float(uncached):>9.4f} {float(cached):>9.4f} {ratio:>8.2f}"
        f" {m.wall_seconds():>8.0f}s {speedup:>7.1f}×" + ("  meets both targets" if meets else "")
    )
    return meets


def main(argv: list[str] | None = None) -> bool:
    """Runs the benchmark and prints its figures; True when the default configuration meets the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--weeks", type=int, default=52, help="plan length (default 52)")
    parser.add_argument("--model", default="gpt-4.1-mini", help="OpenAI model priced by genai-prices")
    args = parser.parse_args(argv)
    models.ALLOW_MODEL_REQUESTS = True  # the fake server is in-process; nothing leaves the machine
    default_passed = True
    for principle_label, principle in (("short principle", None), ("one-page principle", ONE_PAGE_PRINCIPLE)):
        draft = marathon_request(args.weeks)
        if principle is not None:
            draft = draft.model_copy(update={"training_principle": principle})
        request = plan_request(draft)
        print(f"\n{args.weeks}-week plan, {principle_label}; prices of {args.model} (genai-prices), $ per plan")
        print(HEADER)
        single: Measured | None = None
        for configuration in configurations(args.weeks):
            with prompt_as(before_issue_14_prompt if configuration.before else None):
                measured = asyncio.run(convert(request, configuration, args.model))
            single = single or measured
            meets = report(configuration.label, measured, single, args.model)
            if DEFAULT_LABEL in configuration.label:
                default_passed = default_passed and meets
    print(
        "\n1st wave: requests sent before the first answer (all cache misses; 1: a cache warm-up); width: most"
        " requests in flight at once (after a first one that went alone); cached: input tokens a prefix cache serves"
        " given when each request came; reported: planforge's usage.cached_input_tokens from the fake (an upper"
        " bound); no cache / cached: $ without and with prompt caching.\nTarget: cost with caching ≤"
        f" {TARGET_COST_RATIO}× the single call at ≥ {TARGET_SPEEDUP:g}× its speed, at the default chunk_weeks and"
        f" concurrency, with both principles: {verdict(default_passed)}"
    )
    return default_passed


if __name__ == "__main__":
    main()
