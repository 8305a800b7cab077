"""Session-level accuracy of the offline draft parser on the fourth blind set in benchmarks/parser_blind4/.

Eight plans written blind (without reading the parser, its tests or the other corpora), one per style: a half
marathon plan pasted from a PDF (broken line wraps, hyphenated words split across lines, a page footer and header
in the middle of a week), a coach's SMS thread (one message per week, timestamps with day names, athlete replies
in between), a triathlon plan as a two-column "Day | Session" table per week (with bricks), an 800 m / mile track
coach's sheet (miles, splits such as "4 x 400 @ 68-70, 2' rest", races at 800 m and a mile), a Polish-English
marathon plan (Polish day names, full and abbreviated, English session words, "21,1 km"), a gravel / mountain-bike
plan (FTP zones, an MTB trail ride, climbing metres), a calendar export with ISO dates as headers
("2026-07-06 (Mon)", rest days partly omitted), and a rowing / SkiErg cross-training plan for an injured runner
(pool running, elliptical, walks, run/walk return). The expected files were written and committed before the parser
was run on the plans. Scoring and the --verbose report are exactly those of parser_heldout_accuracy.py (which uses
parser_accuracy.score: same matching rule, same 10% tolerance); only the folder differs, and a plan on which the
parser raises DraftStructureError is scored as parsing nothing (every expected session missed) instead of
aborting the run.

    uv run python benchmarks/parser_blind4_accuracy.py [--verbose]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import parser_heldout_accuracy
from parser_accuracy import Score, score

from planforge.exceptions import DraftStructureError

parser_heldout_accuracy.HELDOUT = Path(__file__).parent / "parser_blind4"


def _score_or_nothing(text: str, expected: list[dict[str, Any]]) -> Score:
    try:
        return score(text, expected)
    except DraftStructureError as error:
        print(f"    (plan below) parser raised DraftStructureError: {str(error)[:100]}...")
        return Score(0, 0, len(expected), list(expected), [])


parser_heldout_accuracy.score = _score_or_nothing

if __name__ == "__main__":
    parser_heldout_accuracy.main(verbose="--verbose" in sys.argv)
