"""Reading a draft costs time in proportion to its length, whatever the text repeats.

Each case times the parser (CPU time, best of a few runs) on a text and on the same text eight
times longer: linear work takes about 8 times as long, quadratic work 64 times. The bound, 24, is three times
linear, far from quadratic, so the machine's noise cannot fail a linear parser. Absolute times are the
benchmark's (`benchmarks/parser_scaling.py`), never a test's.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

from planforge.exceptions import DraftStructureError
from planforge.offline.parser import parse_draft

GROWTH = 8
MAX_RATIO = 24.0


def _in_a_day(filler: str) -> Callable[[int], str]:
    return lambda size: f"Week 1\n- Monday: easy run {filler * (size // len(filler))} 30 min\n- Tuesday: rest\n"


def _on_its_own_line(filler: str) -> Callable[[int], str]:
    return lambda size: f"Week 1\n- Monday: easy run 30 min\n{filler * (size // len(filler))}\n- Tuesday: rest\n"


def _weeks(size: int) -> str:
    week = "Week {n}\n- Mon: rest\n- Tue: 6 x 800m @ 5K pace w/ 400m jog\n- Sun: Long run 16 km\n"
    return "".join(week.format(n=index % 52 + 1) for index in range(size // len(week)))


# Each case with its base size: the cheap ones are grown from 16 KB to 128 KB, the others from 4 KB to 32 KB,
# so that the whole test stays within seconds.
CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "spaces in a day (16,000 spaces took 25 s)": (_in_a_day(" "), 16_000),
    "tabs in a day": (_in_a_day("\t"), 16_000),
    "a line of spaces": (_on_its_own_line(" "), 16_000),
    "spaces after a duration (a pace-range lookahead)": (
        lambda size: f"Week 1\n- Monday: easy run 30 min{' ' * size}x\n- Tuesday: rest\n",
        16_000,
    ),
    "a header of spaces": (lambda size: f"Week 1{' ' * size}x\n- Monday: easy 30 min\n", 16_000),
    "a table cell of spaces": (
        lambda size: f"| Week | Mon | Tue | Wed |\n|---|---|---|---|\n| 1 | easy{' ' * size}x | a | b |\n",
        16_000,
    ),
    "day names on one line": (lambda size: "Week 1\n" + "Mon easy 5 mi, Tue 6x400, " * (size // 26), 16_000),
    "many weeks": (_weeks, 16_000),
    "5 x 400m repeated (190 KB took 14 s)": (_in_a_day("5 x 400m "), 4_000),
    "pluses": (_in_a_day("+ "), 4_000),
    "ands": (_in_a_day("and "), 4_000),
    "commas after numbers": (_in_a_day("1,"), 4_000),
    "commas after words": (_in_a_day("a,"), 4_000),
    "dashes": (_in_a_day("-"), 4_000),
    "digits": (_in_a_day("9"), 4_000),
    "open parentheses": (_in_a_day("("), 4_000),
    "sets": (_in_a_day("2x("), 4_000),
    "numbers with units": (_in_a_day("1 min "), 4_000),
    "fraction signs": (_in_a_day("1½ "), 4_000),
    "misspelt words": (_in_a_day("strenght intervls "), 4_000),
    "misspelt day names": (lambda size: "Week 1\n" + "wensday - easy 30 min\n" * (size // 22), 4_000),
    "checklist boxes": (lambda size: "Week 1\n" + "- [x] Tue – easy 5 km\n" * (size // 22), 4_000),
    "signature delimiters": (
        lambda size: "Week 1\n- Mon: easy 30 min\n" + "--\n> On Mon, Tom wrote:\n" * (size // 22),
        4_000,
    ),
    "a long run word": (_in_a_day("run"), 4_000),
    "run/walk bouts": (_in_a_day("8 x (60 s run, 90 s walk) "), 4_000),
    "planned items": (_in_a_day("Planned: 1:00:00 · 10 km · "), 4_000),
    "signed lengths": (_in_a_day("+2 km "), 4_000),
    "emoji": (_in_a_day("😴🏃‍♀️4️⃣ "), 4_000),
    "lines wrapped at a hyphen": (_on_its_own_line("thres-\nhold at\n"), 4_000),
    "remarks on the week": (_on_its_own_line("5 km this week\n"), 4_000),
    "nested list notes": (_on_its_own_line("i. note 3 x 10\n"), 4_000),
    "day columns": (lambda size: "Week 1\n" + "di  zwemmen 1u15\n" * (size // 17), 4_000),
    "day groups on one line": (lambda size: "Week 1\n" + "Sat/Sun: easy 5 mi, " * (size // 20), 4_000),
    "grouped days with a label": (
        lambda size: "Week 1\n" + "Sat/Sun back-to-back: Sat 2:30, Sun 1:30\n" * (size // 41),
        4_000,
    ),
    "weeks by reference": (
        lambda size: "".join(
            f"Week {n}\nSame as week {n - 1} except:\nSun: long run +2 km (so 16 km)\nSat: same as Tuesday\n"
            if n > 1
            else "Week 1\nTue: easy 40 min\nSun: long run 14 km\n"
            for n in range(1, size // 80 + 2)
        ),
        4_000,
    ),
    "12-hour clock times": (_in_a_day("6:00 a.m. 5pm "), 4_000),
    "24-hour clock times": (_in_a_day("at 18:30 ~07:15 "), 4_000),
    "number words": (_in_a_day("one two three "), 4_000),
    "number words before a unit": (_in_a_day("forty-five minutes by "), 4_000),
    "self-corrections": (_in_a_day("or... no, actually, "), 4_000),
    "prose leads": (_in_a_day(", and on "), 4_000),
    "spaces before a prose lead": (lambda size: f"Week 1\n- Monday: easy 30 min{' ' * size}and on\n", 16_000),
    "japanese and finnish words": (_in_a_day("ジョグ ４０分 ＋ PK-lenkki "), 4_000),
    "pfitzinger codes": (_in_a_day("GA 8 + 10 x 100m SP "), 4_000),
    "sentences about a later race": (_in_a_day("The race is the Sunday after. "), 4_000),
    "rest remarks": (lambda size: "Week 1\n" + "Fri: both rest, fine\n" * (size // 21), 4_000),
    "grouped thousands": (_in_a_day("10 000 m 12 000 "), 4_000),
    "ditto rows": (
        lambda size: (
            "| Week | Day | Session |\n|---|---|---|\n| 1 | Tue | easy 30 min |\n" + '| " | " | do. |\n' * (size // 16)
        ),
        4_000,
    ),
    "totals after lengths": (_in_a_day("40 min total 1' off total "), 4_000),
    "strides after a plus": (_in_a_day("+ strides 35 min "), 4_000),
    "an h:mm column": (
        lambda size: "week;day;session;time (h:mm)\n" + "1;Tue;Easy;0:35\n" * (size // 16),
        4_000,
    ),
    "bracketed time marks": (_in_a_day("GA 9 (AM) · Rec 4 (PM) "), 4_000),
    "an aligned table of weeks": (
        lambda size: "      W1          W2\n" + "Mon   easy 30 min  rest\n" * (size // 24),
        4_000,
    ),
}


def _cpu_seconds(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        with contextlib.suppress(DraftStructureError):  # a crowded or implausible day is an answer too
            parse_draft(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.slow
@pytest.mark.parametrize(("make", "size"), CASES.values(), ids=CASES.keys())
def test_parsing_time_grows_linearly(make: Callable[[int], str], size: int) -> None:
    small, large = make(size), make(size * GROWTH)
    ratio = _cpu_seconds(large, runs=2) / max(_cpu_seconds(small, runs=3), 1e-4)
    assert ratio < MAX_RATIO, f"{GROWTH}× the text took {ratio:.0f}× the time (linear: {GROWTH}×)"
