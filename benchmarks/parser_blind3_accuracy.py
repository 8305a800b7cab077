"""Session-level accuracy of the offline draft parser on the third blind set in benchmarks/parser_blind3/.

Eight plans written blind (without reading the parser, its tests or the other corpora), one per style: a coach's
Google-Doc export (headings, bullets, a comment marker and an exercise list), a Garmin-Coach-like list
("Tue · Base 35:00 · Z2"), a Portuguese plan (one week written as a single sentence), a 50K trail plan with
back-to-back long runs and vertical gain, a masters swim plan (yards and metres), a plan dated per line
("Mon 6 Jul: easy 30'") with no week headers, a beginner hybrid strength + run/walk plan, and a numbered list of
days ("Day 1 … Day 14", Day 1 = Monday). The expected files were written and committed before the parser was run
on the plans. Scoring and the --verbose report are exactly those of parser_heldout_accuracy.py (which uses
parser_accuracy.score: same matching rule, same 10% tolerance); only the folder differs, and a plan on which the
parser raises DraftStructureError is scored as parsing nothing (every expected session missed) instead of
aborting the run.

    uv run python benchmarks/parser_blind3_accuracy.py [--verbose]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import parser_heldout_accuracy
from parser_accuracy import Score, score

from planforge.exceptions import DraftStructureError

parser_heldout_accuracy.HELDOUT = Path(__file__).parent / "parser_blind3"


def _score_or_nothing(text: str, expected: list[dict[str, Any]]) -> Score:
    try:
        return score(text, expected)
    except DraftStructureError as error:
        print(f"    (plan below) parser raised DraftStructureError: {str(error)[:100]}...")
        return Score(0, 0, len(expected), list(expected), [])


parser_heldout_accuracy.score = _score_or_nothing

if __name__ == "__main__":
    parser_heldout_accuracy.main(verbose="--verbose" in sys.argv)
