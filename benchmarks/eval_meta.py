"""Meta-evaluation of the eval harness: golden drafts must pass, deliberately bad coaches must fail.

Run: `uv run python benchmarks/eval_meta.py [--dataset plans.v2] [--coach NAME ...] [--cases]`

Every golden draft (written blind by coaches) is served by the reference coach; each bad coach of
`planforge.testing.bad_coaches` changes one thing in it, on the cases its flaw applies to; the echo coach writes
the golden plan out again unchanged (the control for the bad coaches' rewriting). Every draft is converted by the
offline pipeline and judged by the dataset's deterministic evaluators. A bad draft counts as caught when it
fails an evaluator that the same case's golden and echo drafts pass.
Targets (issue 17): bad coaches caught on ≥ 95 % of the cases they apply to; golden drafts pass 100 %.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from planforge.evals.dataset import load_dataset
from planforge.evals.meta import MetaSummary, Verdict, meta_evaluate, summarize
from planforge.evals.paths import DEFAULT_DATASET
from planforge.testing.bad_coaches import BAD_COACHES, ECHO_COACH, REFERENCE_COACH

BAD_CAUGHT_TARGET = 0.95
GOLDEN_PASS_TARGET = 1.0


def percent(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.0%}"


def print_summary(summary: MetaSummary, verdicts: list[Verdict], seconds: float) -> None:
    cases = len({v.case for v in verdicts})
    print(f"{cases} cases, {len(verdicts)} drafts judged in {seconds:.1f} s\n")
    print(f"{'check':30} {'golden pass':>12} {'bad failed':>11}  catches")
    for name, figures in summary.per_evaluator.items():
        catches = ", ".join(f"{coach} {rate:.0%}" for coach, rate in figures.catches.items()) or "-"
        golden = f"{percent(figures.golden_pass)} ({figures.golden_applied:2})"
        print(f"{name:30} {golden:>12} {percent(figures.bad_failed):>11}  {catches}")
    print(f"\n{'bad coach':24} {'cases':>5} {'caught':>7}  by")
    for coach, figures in summary.per_coach.items():
        by = ", ".join(f"{name} {count}" for name, count in figures.by.items()) or "-"
        print(f"{coach:24} {figures.cases:5} {percent(figures.caught):>7}  {by}")
    if summary.unconverted:
        left_out = ", ".join(f"{coach} {count}" for coach, count in summary.unconverted.items())
        print(f"\nbad drafts the offline pipeline could not convert (left out): {left_out}")
    print(f"\noverall: golden drafts pass {percent(summary.golden_pass)} (target {GOLDEN_PASS_TARGET:.0%}),"
          f" bad coaches caught {percent(summary.bad_caught)} (target {BAD_CAUGHT_TARGET:.0%}),"
          f" echo control passes {percent(summary.control_pass)}")  # fmt: skip


def print_cases(verdicts: list[Verdict]) -> None:
    print("\ngolden drafts that fail:")
    for verdict in verdicts:
        if verdict.coach == REFERENCE_COACH.name and verdict.failed:
            reasons = "; ".join(f"{name}: {why}" for name, why in verdict.failed.items())
            print(f"  {verdict.case}: {reasons}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default=DEFAULT_DATASET, help="dataset name, file or folder of parts")
    parser.add_argument("--coach", action="append", help="only these bad coaches (repeatable)")
    parser.add_argument("--cases", action="store_true", help="list the golden drafts that fail, with reasons")
    args = parser.parse_args()
    coaches = [c for c in BAD_COACHES if not args.coach or c.name in args.coach]
    dataset = load_dataset(args.dataset)
    started = time.perf_counter()
    verdicts = asyncio.run(meta_evaluate(dataset, [REFERENCE_COACH, ECHO_COACH, *coaches]))
    print_summary(summarize(verdicts), verdicts, time.perf_counter() - started)
    if args.cases:
        print_cases(verdicts)


if __name__ == "__main__":
    main()
