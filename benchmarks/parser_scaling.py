"""Parser cost per kilobyte from 1 KB to 1 MB: a linear parser keeps the same µs per KB at every size.

Run: `uv run python benchmarks/parser_scaling.py [--max-kb 1024] [--runs 3]`

Times `parse_draft` (CPU time, best of `--runs`, the parser's text caches emptied before each run) on texts of
each shape grown to each size, side by side: hand-written plans (the development corpus, repeated), a table of
weeks, and the hostile shapes of issue 12 (a run of spaces, "5 x 400m" repeated on one line, "+" joints, commas,
digits). A
draft the parser rejects (a crowded day, an implausible number) is timed the same: the rejection is its answer.
Issue 12's target: the cost grows linearly, so the last column stays within 3× of the 16 KB column (PASS/FAIL).
Requests are bounded before the parser (200,000 characters, lines of 10,000): sizes above show the parser's
own behaviour.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable
from pathlib import Path

from planforge.drafttext import days
from planforge.exceptions import DraftStructureError
from planforge.offline.parser import parse_draft, sessions, splitting

HERE = Path(__file__).parent
FLAT = 3.0
"""The largest size may cost at most this many times the µs per KB of the 16 KB text."""


def _corpus_weeks() -> list[str]:
    """The development corpus's plan texts."""
    return [path.read_text("utf-8") for path in sorted((HERE / "parser_corpus").glob("*.txt"))]


def _plans(size: int) -> str:
    plans = _corpus_weeks()
    out: list[str] = []
    length, index = 0, 0
    while length < size:
        out.append(plans[index % len(plans)])
        length += len(out[-1])
        index += 1
    return "\n".join(out)


def _table(size: int) -> str:
    header = "| Week | Mon | Tue | Wed | Thu | Fri | Sat | Sun |\n|---|---|---|---|---|---|---|---|\n"
    row = "| {n} | Rest | Easy 40 min | 6 x 800 m @ 5K | Easy 30 min | Rest | Tempo 20 min | Long run 16 km |\n"
    rows = [row.format(n=index % 52 + 1) for index in range(size // len(row))]
    return header + "".join(rows)


def _in_a_day(filler: str) -> Callable[[int], str]:
    return lambda size: f"Week 1\n- Monday: easy run {filler * (size // len(filler))} 30 min\n- Tuesday: rest\n"


SHAPES: dict[str, Callable[[int], str]] = {
    "coach plans": _plans,
    "table of weeks": _table,
    "spaces in a day": _in_a_day(" "),
    '"5 x 400m" repeated': _in_a_day("5 x 400m "),
    '"+ " joints': _in_a_day("+ "),
    "commas": _in_a_day("a,"),
    "digits": lambda size: f"Week 1\n- Monday: easy run {'9' * size} min\n",
}


def _forget() -> None:
    """Empty the parser's text caches, so that each run reads the text afresh (a cached small text costs nothing)."""
    days._fold_cached.cache_clear()  # pyright: ignore[reportPrivateUsage]
    sessions._parse_session_cached.cache_clear()  # pyright: ignore[reportPrivateUsage]
    splitting._split_cached.cache_clear()  # pyright: ignore[reportPrivateUsage]
    splitting._facts_cached.cache_clear()  # pyright: ignore[reportPrivateUsage]


def cpu_seconds(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        _forget()
        start = time.process_time()
        with contextlib.suppress(DraftStructureError):  # a rejection is an answer too; its cost is measured
            parse_draft(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--max-kb", type=int, default=1024, help="largest size in KB (default 1024)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per size, best taken (default 3)")
    args = parser.parse_args()
    sizes = [kb for kb in (1, 4, 16, 64, 256, 1024) if kb <= args.max_kb]
    print(f"µs per KB of draft (CPU, best of {args.runs}); linear = the same figure in every column")
    print(f"{'shape':<22}" + "".join(f"{f'{kb} KB':>10}" for kb in sizes) + f"{'last/16KB':>11}  verdict")
    failed = False
    for name, make in SHAPES.items():
        figures: list[float] = []
        for kb in sizes:
            text = make(kb * 1000)
            figures.append(cpu_seconds(text, args.runs if kb < 256 else 1) * 1e6 / (len(text) / 1000))
        reference = figures[sizes.index(16)] if 16 in sizes else figures[0]
        growth = figures[-1] / reference
        verdict = "PASS" if growth <= FLAT else "FAIL"
        failed = failed or verdict == "FAIL"
        print(f"{name:<22}" + "".join(f"{figure:>10.0f}" for figure in figures) + f"{growth:>10.1f}×  {verdict}")
    verdict = "FAIL" if failed else "PASS"
    print(f"target: every shape's µs per KB at {sizes[-1]} KB within {FLAT:g}× of 16 KB: {verdict}")


if __name__ == "__main__":
    main()
