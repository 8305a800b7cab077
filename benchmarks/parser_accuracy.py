"""Session-level accuracy of the offline draft parser on a corpus of hand-written plans.

Corpora (folders beside this script; each plan `<name>.txt|.md` has `<name>.expected.json`, the sessions a coach
reads in it as a list of {week, day, workout_type, workout_sub_type, duration_seconds|null, distance_meters|null}):

    parser_corpus    the development corpus (10 plans, one per style in issue 3), the default
    parser_heldout   6 plans written blind; the parser was later improved from its misses
    parser_blind2    6 plans written blind; the parser was later improved from its misses
    parser_blind3    8 plans written blind; the parser was later improved from its misses
    parser_blind4    8 plans written blind; the parser was later improved from its misses
    parser_blind5    15 plans written blind, sealed; first-sight F1 0.572, then improved from its misses
    parser_blind6    12 plans written blind; first-sight F1 0.559 (2026-12-01), then improved from its misses
    parser_blind7    13 plans written blind; first-sight F1 0.696 (2026-12-01), then improved from its misses
    parser_blind8    13 plans written blind, sealed until scored once at first sight (2026-12-01)

A parsed session matches an expected one when week, day, type and sub-type agree and, where the expected entry
gives a duration or distance, the parsed one is within 10% of it (the full F1); it matches on structure when week,
day, type and sub-type agree, whatever its size (the structure F1, matched one-to-one on its own). A plan the
parser rejects (DraftStructureError) counts as parsing nothing and is named below the table with the error's first
line. Prints precision, recall, F1 and structure F1 per plan and overall; --verbose lists every miss next to what
the parser produced that day, and every extra session with its text.

    uv run python benchmarks/parser_accuracy.py [CORPUS | all] [--verbose]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planforge.exceptions import DraftStructureError
from planforge.offline.parser import ParsedSession, parse_draft

HERE = Path(__file__).parent
CORPORA = (
    "parser_corpus",
    "parser_heldout",
    "parser_blind2",
    "parser_blind3",
    "parser_blind4",
    "parser_blind5",
    "parser_blind6",
    "parser_blind7",
    "parser_blind8",
)
TOLERANCE = 0.10


@dataclass(frozen=True)
class Score:
    """Matched, parsed and expected session counts, and the unmatched ones for reading."""

    matched: int
    parsed: int
    expected: int
    missed: list[dict[str, Any]]
    extra: list[dict[str, Any]]
    structure_matched: int = 0
    rejected: str | None = None

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

    @property
    def structure_f1(self) -> float:
        """F1 counting a session right when its week, day, type and sub-type are, whatever its size."""
        return 2 * self.structure_matched / (self.parsed + self.expected) if self.parsed + self.expected else 1.0


def _close(expected: float | None, found: float | None) -> bool:
    return expected is None or (found is not None and abs(found - expected) <= TOLERANCE * expected)


def _same_structure(expected: dict[str, Any], week: int, session: ParsedSession) -> bool:
    return (
        expected["week"] == week
        and expected["day"] == session.day
        and expected["workout_type"] == session.workout_type
        and expected["workout_sub_type"] == session.workout_sub_type
    )


def _matches(expected: dict[str, Any], week: int, session: ParsedSession) -> bool:
    return (
        _same_structure(expected, week, session)
        and _close(expected["duration_seconds"], session.duration_seconds)
        and _close(expected["distance_meters"], session.distance_meters)
    )


def _pair_up(
    expected: list[dict[str, Any]],
    parsed: list[tuple[int, ParsedSession]],
    matches: Callable[[dict[str, Any], int, ParsedSession], bool],
) -> tuple[list[dict[str, Any]], list[tuple[int, ParsedSession]]]:
    """Greedy one-to-one matching in plan order: the expected entries missed and the parsed sessions left over."""
    unmatched = list(parsed)
    missed: list[dict[str, Any]] = []
    for entry in expected:
        hit = next((pair for pair in unmatched if matches(entry, *pair)), None)
        if hit is None:
            missed.append(entry)
        else:
            unmatched.remove(hit)
    return missed, unmatched


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
    """Match the parser's sessions for `text` one-to-one against `expected` (a rejected plan parses nothing)."""
    rejected: str | None = None
    try:
        parsed = [(week.week, session) for week in parse_draft(text) for session in week.sessions]
    except DraftStructureError as error:
        parsed = []
        rejected = (str(error).splitlines() or [""])[0]
    missed, unmatched = _pair_up(expected, parsed, _matches)
    structure_missed, _ = _pair_up(expected, parsed, _same_structure)
    return Score(
        len(expected) - len(missed),
        len(parsed),
        len(expected),
        missed,
        [_row(*pair) for pair in unmatched],
        structure_matched=len(expected) - len(structure_missed),
        rejected=rejected,
    )


def corpus(name: str = "parser_corpus") -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(name, plan text, expected sessions) for every plan in the corpus folder `name`."""
    folder = HERE / name
    plans: list[tuple[str, str, list[dict[str, Any]]]] = []
    for expected_path in sorted(folder.glob("*.expected.json")):
        plan_name = expected_path.name.removesuffix(".expected.json")
        plan_path = next(path for path in folder.glob(f"{plan_name}.*") if path != expected_path)
        plans.append((plan_name, plan_path.read_text(encoding="utf-8"), json.loads(expected_path.read_text("utf-8"))))
    return plans


def _short(entry: dict[str, Any]) -> str:
    return (
        f"{entry['workout_type']}/{entry['workout_sub_type']}"
        f" dur={entry['duration_seconds']} dist={entry['distance_meters']}"
    )


def _line(label: str, result: Score) -> str:
    return (
        f"{label:<26} {result.expected:>8} {result.parsed:>7} {result.matched:>8}"
        f" {result.precision:>10.3f} {result.recall:>7.3f} {result.f1:>6.3f} {result.structure_f1:>9.3f}"
    )


def _explain(result: Score) -> None:
    for entry in result.missed:
        same_day = [extra for extra in result.extra if (extra["week"], extra["day"]) == (entry["week"], entry["day"])]
        got = "; ".join(_short(extra) for extra in same_day) or "nothing unmatched"
        print(f"    missed W{entry['week']} {entry['day']}: expected {_short(entry)} | parser: {got}")
    for entry in result.extra:
        print(f"    extra  W{entry['week']} {entry['day']}: {_short(entry)} | text: {entry['text']!r}")


def report(name: str, verbose: bool = False) -> Score:
    """Print the per-plan and overall figures of one corpus; return the overall score."""
    total = Score(0, 0, 0, [], [])
    rejected: list[str] = []
    print(
        f"{name}\n{'plan':<26} {'expected':>8} {'parsed':>7} {'matched':>8} {'precision':>10} {'recall':>7} {'F1':>6}"
        f" {'struct F1':>9}"
    )
    for plan_name, text, expected in corpus(name):
        result = score(text, expected)
        print(_line(plan_name, result))
        if verbose:
            _explain(result)
        if result.rejected is not None:
            rejected.append(f"  rejected whole: {plan_name}: {result.rejected}")
        total = Score(
            total.matched + result.matched,
            total.parsed + result.parsed,
            total.expected + result.expected,
            [],
            [],
            structure_matched=total.structure_matched + result.structure_matched,
        )
    print(_line("overall", total))
    for line in rejected:
        print(line)
    return total


def main(argv: list[str]) -> None:
    verbose = "--verbose" in argv
    names = [arg for arg in argv if not arg.startswith("--")] or ["parser_corpus"]
    chosen = list(CORPORA) if names == ["all"] else names
    unknown = [name for name in chosen if name not in CORPORA]
    if unknown:
        raise SystemExit(f"unknown corpus {unknown[0]!r}; choose from {', '.join(CORPORA)} or all")
    for name in chosen:
        report(name, verbose)


if __name__ == "__main__":
    main(sys.argv[1:])
