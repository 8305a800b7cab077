"""Session-level accuracy of the offline draft parser on the held-out plans in benchmarks/parser_heldout/.

The held-out plans were written blind (without reading the parser or the tuning corpus), one per coaching
style. Scoring is the one in parser_accuracy.py: same matching rule, same 10% tolerance. With --verbose, each
missed expected session is printed next to what the parser produced for that week and day.

    uv run python benchmarks/parser_heldout_accuracy.py [--verbose]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from parser_accuracy import Score, score

HELDOUT = Path(__file__).parent / "parser_heldout"


def heldout() -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(name, plan text, expected sessions) for every held-out plan."""
    plans: list[tuple[str, str, list[dict[str, Any]]]] = []
    for expected_path in sorted(HELDOUT.glob("*.expected.json")):
        name = expected_path.name.removesuffix(".expected.json")
        plan_path = next(path for path in HELDOUT.glob(f"{name}.*") if path != expected_path)
        plans.append((name, plan_path.read_text(encoding="utf-8"), json.loads(expected_path.read_text("utf-8"))))
    return plans


def _short(entry: dict[str, Any]) -> str:
    return (
        f"{entry['workout_type']}/{entry['workout_sub_type']}"
        f" dur={entry['duration_seconds']} dist={entry['distance_meters']}"
    )


def main(verbose: bool = False) -> None:
    """Print the per-file and overall figures, and with `verbose` every miss and extra."""
    total = Score(0, 0, 0, [], [])
    print(f"{'plan':<18} {'expected':>8} {'parsed':>7} {'matched':>8} {'precision':>10} {'recall':>7} {'F1':>6}")
    for name, text, expected in heldout():
        result = score(text, expected)
        print(
            f"{name:<18} {result.expected:>8} {result.parsed:>7} {result.matched:>8}"
            f" {result.precision:>10.3f} {result.recall:>7.3f} {result.f1:>6.3f}"
        )
        if verbose:
            for entry in result.missed:
                same_day = [
                    extra for extra in result.extra if extra["week"] == entry["week"] and extra["day"] == entry["day"]
                ]
                got = "; ".join(_short(extra) for extra in same_day) or "nothing unmatched"
                print(f"    missed W{entry['week']} {entry['day']}: expected {_short(entry)} | parser: {got}")
            for entry in result.extra:
                print(f"    extra  W{entry['week']} {entry['day']}: {_short(entry)} | text: {entry['text']!r}")
        total = Score(
            total.matched + result.matched, total.parsed + result.parsed, total.expected + result.expected, [], []
        )
    print(
        f"{'overall':<18} {total.expected:>8} {total.parsed:>7} {total.matched:>8}"
        f" {total.precision:>10.3f} {total.recall:>7.3f} {total.f1:>6.3f}"
    )


if __name__ == "__main__":
    main(verbose="--verbose" in sys.argv)
