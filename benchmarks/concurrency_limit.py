"""Adaptive concurrency against fixed limits on three providers: unlimited, rate-limited, one-at-a-time.

Run: `uv run python benchmarks/concurrency_limit.py [--scale 4] [--runs 2]` (about 10 minutes at scale 4)

A 52-week, 6-days-a-week plan is converted through `PlanForge.generate_plan` (one-week chunks, a new PlanForge
each run) by the offline coach behind `LatencyModel` (0.5 s to the first token, 80 tokens/s; `--scale` divides
the waits), side by side in one run: once as a single call on the unlimited provider (the reference), then
with a fixed 16, all 52 at once, and the adaptive default (`planforge.pipeline.adaptive`) on each provider. Each
of them first sends one chunk alone, streamed, until its first token (the cache warm-up, `Settings.cache_warm_up`,
so that the other chunks find the shared prompt prefix cached); "adaptive, no warm-up" is the default without it.

(a) unlimited. Target (issue 14): adaptive ≥ ×30 the single call's speed.
(b) rate-limited: serves 8 requests at once and answers a 429 with Retry-After 2 s beyond that (the 429 comes
    back after 0.1 s); the client retries a refusal 3 times as planforge's HTTP layer does. Target: adaptive
    completes with no more 429s than fixed 16.
(c) one at a time (a local server that queues), deadline the local profile's 3,600 s. Target: adaptive
    completes within the deadline and its limit settles at 2 or below.

Every wait (Retry-After, round trip, deadline, the adaptive limit's probe) is divided by `--scale` like the
provider's.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from latency_scenarios import describe, latency, marathon_request, plan_request, scale_argument, seconds, verdict

from planforge import PlanForge, PlanforgeError, Settings
from planforge.offline.model import OfflineCoachModel
from planforge.testing.latency import LatencyModel, ServerLimits

WEEKS = 52
SPEEDUP_TARGET = 30.0
SETTLED_LIMIT = 2
LOCAL_DEADLINE = 3_600.0
SINGLE_CALL: dict[str, Any] = {"chunk_weeks": WEEKS, "concurrency": 1, "request_timeout_seconds": 3_600}
CONFIGURATIONS: dict[str, dict[str, Any]] = {
    "fixed 16": {"chunk_weeks": 1, "concurrency": 16},
    f"all at once ({WEEKS})": {"chunk_weeks": 1, "concurrency": WEEKS},
    "adaptive (default)": {"chunk_weeks": 1},
    "adaptive, no warm-up": {"chunk_weeks": 1, "cache_warm_up": False},
}


@dataclass(frozen=True)
class Provider:
    """A simulated provider: its limits at `--scale` and the settings every run on it gets."""

    name: str
    limits: Callable[[float], ServerLimits]
    settings: Callable[[float], dict[str, Any]]
    repeat: bool = True
    """Whether to run each configuration `--runs` times (a one-at-a-time server's time is fixed: once is enough)."""


PROVIDERS = [
    Provider("(a) unlimited", lambda scale: ServerLimits(), lambda scale: {}),
    Provider(
        "(b) 8 at once, 429 beyond",
        lambda scale: ServerLimits(concurrent=8, retry_after=2.0 / scale, refusal_seconds=0.1 / scale),
        lambda scale: {},
    ),
    Provider(
        "(c) one at a time",
        lambda scale: ServerLimits(one_at_a_time=True),
        lambda scale: {"request_timeout_seconds": LOCAL_DEADLINE / scale},
        repeat=False,
    ),
]


@dataclass(frozen=True)
class Outcome:
    """One conversion: wall seconds, whether it completed (else the error code), and what the provider saw."""

    seconds: float
    failure: str | None
    refused: int
    peak_serving: int
    lowest_limit: int | None
    final_limit: int | None


async def convert(scale: float, limits: ServerLimits, settings: dict[str, Any]) -> Outcome:
    """One conversion of the 52-week plan on a new PlanForge whose provider has `limits`."""
    model = LatencyModel(OfflineCoachModel(), latency(scale), server=limits)
    probe = Settings().concurrency_probe_seconds / scale
    forge = PlanForge(model=model, settings=Settings.model_validate({"concurrency_probe_seconds": probe, **settings}))
    request = plan_request(marathon_request(WEEKS))
    started = asyncio.get_running_loop().time()
    failure: str | None = None
    try:
        await forge.generate_plan(request)
    except PlanforgeError as error:
        failure = error.code
    elapsed = asyncio.get_running_loop().time() - started
    limiter = model.limiter
    lowest, final = (limiter.lowest, limiter.limit) if limiter and limiter.adapts else (None, None)
    return Outcome(elapsed, failure, model.refused, model.peak_serving, lowest, final)


async def measure(scale: float, runs: int) -> tuple[Outcome, dict[str, dict[str, list[Outcome]]]]:
    single = await convert(scale, ServerLimits(), SINGLE_CALL)
    results: dict[str, dict[str, list[Outcome]]] = {}
    for provider in PROVIDERS:
        limits, extra = provider.limits(scale), provider.settings(scale)
        results[provider.name] = {
            label: [await convert(scale, limits, {**settings, **extra}) for _ in range(runs if provider.repeat else 1)]
            for label, settings in CONFIGURATIONS.items()
        }
    return single, results


def _row(provider: str, label: str, outcomes: list[Outcome], single: float) -> str:
    best = min(outcomes, key=lambda o: (o.failure is not None, o.seconds))
    failed = [o.failure for o in outcomes if o.failure]
    outcome = f"failed ({failed[0]}) {len(failed)}/{len(outcomes)}" if failed else "complete"
    limit = "fixed" if best.final_limit is None else f"{best.lowest_limit} / {best.final_limit}"
    refused = "/".join(str(o.refused) for o in outcomes)
    speedup = "     –" if best.failure else f"×{single / best.seconds:5.1f}"  # a failed plan has no speed
    return (
        f"{provider:<26} {label:<22} {seconds([o.seconds for o in outcomes]):<38} {speedup}"
        f"  {refused:>9}  {best.peak_serving:5}  {limit:>9}  {outcome}"
    )


def targets(results: dict[str, dict[str, list[Outcome]]], single: float) -> list[tuple[str, bool]]:
    """Each target of the issue with whether this run meets it."""
    unlimited, limited, queueing = (results[provider.name] for provider in PROVIDERS)
    adaptive_label, fixed_label = "adaptive (default)", "fixed 16"
    speedup = single / min(o.seconds for o in unlimited[adaptive_label])
    adaptive_refused = max(o.refused for o in limited[adaptive_label])
    fixed_refused = min(o.refused for o in limited[fixed_label])
    limited_ok = all(o.failure is None for o in limited[adaptive_label]) and adaptive_refused <= fixed_refused
    settled = [o.final_limit for o in queueing[adaptive_label]]
    queue_ok = all(o.failure is None and (o.final_limit or 0) <= SETTLED_LIMIT for o in queueing[adaptive_label])
    return [
        (f"(a) adaptive ×{speedup:.1f} the single call, target ≥ ×{SPEEDUP_TARGET:g}", speedup >= SPEEDUP_TARGET),
        (
            f"(b) adaptive completes with {adaptive_refused} 429s (worst run), fixed 16 {fixed_refused} (best run)",
            limited_ok,
        ),
        (f"(c) adaptive completes within the deadline, limit settled at {settled} (≤ {SETTLED_LIMIT})", queue_ok),
    ]


def main(argv: list[str] | None = None) -> bool:
    """Runs the benchmark and prints its table; True when every target is met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    scale_argument(parser, default=4.0)
    parser.add_argument("--runs", type=int, default=2, help="runs of each configuration per provider (default 2)")
    args = parser.parse_args(argv)
    single, results = asyncio.run(measure(args.scale, args.runs))
    print(f"{WEEKS}-week plan in one-week chunks; {describe(args.scale)}")
    print(f"single call on the unlimited provider: {single.seconds:.3f} s")
    print(
        f"{'provider':<26} {'configuration':<22} {'wall time':<38} {'speed-up':>6}  {'429s/run':>9}  {'peak':>5}"
        f"  {'limit low/end':>9}  outcome"
    )
    for provider, configurations in results.items():
        for label, outcomes in configurations.items():
            print(_row(provider, label, outcomes, single.seconds))
    checks = targets(results, single.seconds)
    for text, ok in checks:
        print(f"{verdict(ok)}  {text}")
    return all(ok for _, ok in checks)


if __name__ == "__main__":
    main()
