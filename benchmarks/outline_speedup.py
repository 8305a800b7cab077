"""A 52-week draft written outline-then-expand, against the same draft written in one single call.

Run: `uv run python benchmarks/outline_speedup.py [--scale 10] [--runs 3]`

`PlanForge.generate_draft` for a 52-week, 6-day advanced marathon plan with the offline coach behind
`LatencyModel` (0.5 s to the first token, 80 tokens/s; `--scale` divides the waits), each run on a new
PlanForge: one single call (`outline_from_weeks=53`), outline-then-expand with the default settings, and with
all expansions at once (concurrency 64). Target (issue 7): outline-then-expand ≥ 3× faster than one call.
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass

from latency_scenarios import describe, marathon_request, scale_argument, seconds, slow_forge, timed, verdict

from planforge import Settings

TARGET_SPEEDUP = 3.0
SINGLE_CALL = {"outline_from_weeks": 53, "request_timeout_seconds": 3_600}


@dataclass(frozen=True)
class Drafts:
    """One configuration's runs: wall seconds each, model requests and simulated output tokens of the last."""

    seconds: list[float]
    requests: int
    output_tokens: int


async def measure(scale: float, weeks: int, runs: int) -> dict[str, Drafts]:
    defaults = Settings()
    configurations = {
        "single call (outline_from_weeks=53)": SINGLE_CALL,
        f"outlined, default (expand_weeks={defaults.expand_weeks}, concurrency={defaults.concurrency})": {},
        f"outlined, wide (expand_weeks={defaults.expand_weeks}, concurrency=64)": {"concurrency": 64},
    }
    request = marathon_request(weeks)
    results: dict[str, Drafts] = {}
    for label, settings in configurations.items():
        timings: list[float] = []
        requests = tokens = 0
        for _ in range(1 if settings is SINGLE_CALL else runs):  # the single call is the slow reference
            forge, model = slow_forge(scale, **settings)
            run = await timed(lambda forge=forge: forge.generate_draft(request))
            timings.append(run.seconds)
            requests, tokens = run.result.usage.requests, model.output_tokens_total
        results[label] = Drafts(timings, requests, tokens)
    return results


def main(argv: list[str] | None = None) -> bool:
    """Runs the benchmark and prints its figures; True when every outlined configuration meets the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    scale_argument(parser)
    parser.add_argument("--runs", type=int, default=3, help="runs of each outlined configuration (default 3)")
    parser.add_argument("--weeks", type=int, default=52, help="plan length (default 52)")
    args = parser.parse_args(argv)
    results = asyncio.run(measure(args.scale, args.weeks, args.runs))
    print(f"{args.weeks}-week draft; {describe(args.scale)}")
    print(f"{'configuration':<52} {'wall time':<40} requests  output tokens")
    (single_label, single), *outlined = results.items()
    print(f"{single_label:<52} {seconds(single.seconds):<40} {single.requests:8}  {single.output_tokens:13,}")
    passed = True
    for label, runs in outlined:
        speedup = single.seconds[0] / min(runs.seconds)
        passed = passed and speedup >= TARGET_SPEEDUP
        print(
            f"{label:<52} {seconds(runs.seconds):<40} {runs.requests:8}  {runs.output_tokens:13,}"
            f"   speedup ×{speedup:.1f} (best), target ×{TARGET_SPEEDUP:g}: {verdict(speedup >= TARGET_SPEEDUP)}"
        )
    return passed


if __name__ == "__main__":
    main()
