"""Repetitions and structured sessions → content blocks."""

from __future__ import annotations

import pytest

from planforge.drafttext.days import fold
from planforge.offline.parser.intervals import parse_repetition
from planforge.offline.parser.structure import block_totals, parse_structure

Step = tuple[str, float | None, int | None, str | None]


def _steps(text: str) -> tuple[int, list[Step]] | None:
    repetition = parse_repetition(fold(text), "interval-run")
    if repetition is None:
        return None
    children = [
        (c.type, c.block_distance_in_meters, c.block_duration_in_seconds, c.block_pace)
        for c in repetition.block.content_blocks
    ]
    return repetition.block.block_repeat, children


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6 x 800m @ 5K pace w/ 400m jog", (6, [("run", 800, None, "z5"), ("recovery-run", 400, None, "z1")])),
        ("2 x (8×30-30)", (16, [("run", None, 30, "z5"), ("recovery-run", None, 30, "z1")])),
        ("5×1 km / 2' rest", (5, [("run", 1000, None, "z5"), ("recovery-run", None, 120, "z1")])),
        ("4 x 4 min hard, 3 min easy", (4, [("run", None, 240, "z5"), ("recovery-run", None, 180, "z1")])),
        ("10 x 1'-1'", (10, [("run", None, 60, "z5"), ("recovery-run", None, 60, "z1")])),
        ("8 x 60 s uphill w/ jog down", (8, [("run", None, 60, "z5")])),
        ("6x400", (6, [("run", 400, None, "z5")])),
        ("3 x 2 mi @ MP (800m jog)", (3, [("run", 3218.7, None, "z3"), ("recovery-run", 800, None, "z1")])),
        ("12 x 200m strides", (12, [("run", 200, None, "z6")])),
        ("easy run 45 min", None),
    ],
)
def test_repetitions(text: str, expected: tuple[int, list[Step]] | None) -> None:
    assert _steps(text) == expected


@pytest.mark.parametrize(
    ("text", "types", "totals"),
    [
        ("Tempo: 15 min warm-up, 20 min @ threshold, 10 min cool-down", ["warm-up", "run", "cool-down"], (2700, None)),
        (
            "Intervals: 15 min warm-up, 6 x 800m @ 5K pace w/ 400m jog, 10 min cool-down",
            ["warm-up", "interval", "cool-down"],
            (None, None),  # minutes and meters mixed: no total is computable
        ),
        ("WU 2 km, 5 x 1000 m mit 400 m Trabpause, CD 2 km", ["warm-up", "interval", "cool-down"], (None, 11000)),
        ("15' WU - 4 x 4 min hard, 3 min easy - 10' CD", ["warm-up", "interval", "cool-down"], (3180, None)),
    ],
)
def test_structure(text: str, types: list[str], totals: tuple[int | None, float | None]) -> None:
    structure = parse_structure(fold(text), "interval-run")
    assert [block.type for block in structure.blocks] == types
    assert block_totals(structure.blocks) == totals
    assert not structure.guessed


def test_tempo_work_step_is_threshold_zone() -> None:
    structure = parse_structure(fold("15 min warm-up, 20 min @ threshold, 10 min cool-down"), "tempo-run")
    assert [block.block_pace for block in structure.blocks] == ["z2", "z4", "z1"]


def test_warm_up_without_length_is_a_flagged_guess() -> None:
    structure = parse_structure(fold("warm-up, 6 x 800m, cool-down"), "interval-run")
    assert structure.guessed
    assert structure.blocks[0].block_duration_in_seconds == 900
