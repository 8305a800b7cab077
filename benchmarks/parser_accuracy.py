"""Session-level accuracy of the offline draft parser on the hand-written corpus in benchmarks/parser_corpus/.

Each plan `<name>.txt|.md` has `<name>.expected.json`: the sessions a coach reads in it, as a list of
{week, day, workout_type, workout_sub_type, duration_seconds|null, distance_meters|null}. A parsed session
matches an expected one when week, day, type and sub-type agree and, where the expected entry gives a
duration or distance, the parsed one is within 10% of it. Prints precision, recall and F1 per file and overall.

    uv run python benchmarks/parser_accuracy.py [--verbose]
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planforge.offline.parser import ParsedSession, parse_draft

CORPUS = Path(__file__).parent / "parser_corpus"
TOLERANCE = 0.10


@dataclass(frozen=True)
class Score:
    """Matched, parsed and expected session counts, and the unmatched ones for reading."""

    matched: int
    parsed: int
    expected: int
    missed: list[dict[str, Any]]
    extra: list[dict[str, Any]]

    @property
    def precision(self) -> float:
        return self.matched / self.parsed if self.parsed else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _close(expected: float | None, found: float | None) -> bool:
    return expected is None or (found is not None and abs(found - expected) <= TOLERANCE * expected)


def _matches(expected: dict[str, Any], week: int, session: ParsedSession) -> bool:
    return (
        expected["week"] == week
        and expected["day"] == session.day
        and expected["workout_type"] == session.workout_type
        and expected["workout_sub_type"] == session.workout_sub_type
        and _close(expected["duration_seconds"], session.duration_seconds)
        and _close(expected["distance_meters"], session.distance_meters)
    )


def _row(week: int, session: ParsedSession) -> dict[str, Any]:
    return {
        "week": week,
        "day": session.day,
        "workout_type": session.workout_type,
        "workout_sub_type": session.workout_sub_type,
        "duration_seconds": session.duration_seconds,
        "distance_meters": session.distance_meters,
        "text": session.text,
    }


def score(text: str, expected: list[dict[str, Any]]) -> Score:
    """Match the parser's sessions for `text` one-to-one against `expected`."""
    parsed = [(week.week, session) for week in parse_draft(text) for session in week.sessions]
    unmatched = list(parsed)
    missed: list[dict[str, Any]] = []
    for entry in expected:
        hit = next((pair for pair in unmatched if _matches(entry, *pair)), None)
        if hit is None:
            missed.append(entry)
        else:
            unmatched.remove(hit)
    matched = len(expected) - len(missed)
    return Score(matched, len(parsed), len(expected), missed, [_row(*pair) for pair in unmatched])


def corpus() -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(name, plan text, expected sessions) for every plan in the corpus."""
    plans: list[tuple[str, str, list[dict[str, Any]]]] = []
    for expected_path in sorted(CORPUS.glob("*.expected.json")):
        name = expected_path.name.removesuffix(".expected.json")
        plan_path = next(path for path in CORPUS.glob(f"{name}.*") if path != expected_path)
        plans.append((name, plan_path.read_text(encoding="utf-8"), json.loads(expected_path.read_text("utf-8"))))
    return plans


def main(verbose: bool = False) -> None:
    """Print the per-file and overall figures."""
    total = Score(0, 0, 0, [], [])
    print(f"{'plan':<18} {'expected':>8} {'parsed':>7} {'matched':>8} {'precision':>10} {'recall':>7} {'F1':>6}")
    for name, text, expected in corpus():
        result = score(text, expected)
        print(
            f"{name:<18} {result.expected:>8} {result.parsed:>7} {result.matched:>8}"
            f" {result.precision:>10.3f} {result.recall:>7.3f} {result.f1:>6.3f}"
        )
        if verbose:
            for entry in result.missed:
                print(f"    missed: {entry}")
            for entry in result.extra:
                print(f"    extra:  {entry}")
        total = Score(
            total.matched + result.matched, total.parsed + result.parsed, total.expected + result.expected, [], []
        )
    print(
        f"{'overall':<18} {total.expected:>8} {total.parsed:>7} {total.matched:>8}"
        f" {total.precision:>10.3f} {total.recall:>7.3f} {total.f1:>6.3f}"
    )


if __name__ == "__main__":
    main(verbose="--verbose" in sys.argv)
