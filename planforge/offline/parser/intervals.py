"""Repetitions: "6 x 800m @ 5K pace w/ 400m jog", "2 x (8×30-30)", "5×1 km / 2' rest", "4 x 4 min hard".

A repetition becomes one `interval` ContentBlock nesting its run step and, when the text gives one, its
recovery-run step. Sets of repetitions ("2 x (8×30-30)") are flattened into one block of sets × reps,
because interval blocks do not nest (facts.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from planforge.domain.plan import ContentBlock
from planforge.offline.parser.distances import find_distances
from planforge.offline.parser.durations import find_durations
from planforge.offline.parser.quantities import Quantity, to_float
from planforge.offline.parser.zones import work_zone, zone_named

# "3-4 x 1 km": a range of repetitions counts its lower bound, like every range.
_REPS: Final = re.compile(
    r"(?<![\d.,:])(?P<reps>\d{1,2})(?:\s*+[-–]\s*+\d{1,2})?\s*+(?:[x×*]|reps?\s+(?:of\s+)?|repeats?\s+(?:of\s+)?"
    r"|times\s+|mal\s+|fois\s+|veces\s+|razy\s+|ganger\s+|gange\s+)\s*+"
)
_SETS: Final = re.compile(r"(?<![\d.,:])(?P<sets>\d{1,2})\s*+[x×*]\s*+[(\[](?P<inner>[^()\[\]]*)[)\]]")
# "30-30", "30/30", "45/15": seconds on and off, the classic short-interval notation.
_ON_OFF: Final = re.compile(r"^(?P<on>\d{1,3})\s*[-/]\s*(?P<off>\d{1,3})(?![\d.,:'\"a-z])")
# One or two words between the count and the length: "4 x flying 200 m", "6 x hill 90 s".
_WORDS_BEFORE_LENGTH: Final = re.compile(r"(?:[a-z]+[ \t]+){1,2}")
_BARE: Final = re.compile(r"^(?P<number>\d+(?:[.,]\d+)?)(?![\d.,:'\"a-z])(?:\s*+m(?![a-z'/]))?")  # "6 x 25 m"
_RECOVERY_CUT: Final = re.compile(r"\s(?:w/|with|mit|avec|con|com|met|med)\s|/|\(|,|\b(?:jog|rest|easy|recovery)\b")
# The recovery may follow the work's pace: "8 x 100 m @ CSS w/ 15 s rest", "… @ CSS (15 s rest)".
_RECOVERY_LEAD: Final = re.compile(
    r"^[\s,]*(?:@\s*+[a-z0-9.]+(?:\s+(?:pace|effort|tempo))?\s*+)?(?:[-/]|w/|with|mit|avec|con|com|met|med|rec(?:overy)?\.?|recup\w*\.?|r\b|\(|\+|pausa|pause)"
)


@dataclass(frozen=True)
class Repetition:
    """One parsed repetition: its interval block and whether a number's unit had to be guessed."""

    block: ContentBlock
    guessed: bool
    end: int
    """Where in the text the repetition (with its recovery) ends."""


def step(kind: str, quantity: Quantity, zone: str, repeat: int = 1) -> ContentBlock:
    """A warm-up, run, recovery-run or cool-down step measured the way `quantity` is."""
    if quantity.kind == "distance":
        return ContentBlock.model_validate(
            {"type": kind, "block_length_target": "distance", "block_distance_in_meters": round(quantity.value, 1),
             "block_pace": zone, "block_repeat": repeat}
        )  # fmt: skip
    return ContentBlock.model_validate(
        {"type": kind, "block_length_target": "duration", "block_duration_in_seconds": max(1, round(quantity.value)),
         "block_pace": zone, "block_repeat": repeat}
    )  # fmt: skip


_NEAR_CHARS: Final = 80
"""A repetition's work length and its recovery are written close to its "N x": looked for within this many
characters ("6 x 800m @ 5K pace w/ 400m jog"), so a long text is not read again for each repetition."""


def _first_quantity(folded: str, offset: int) -> Quantity | None:
    near = folded[offset : offset + _NEAR_CHARS]
    found = find_durations(near, within_rep=True) + find_distances(near)
    found.sort(key=lambda q: q.start)
    return found[0] if found else None


_SWIMS: Final = frozenset({"endurance-swim", "technique-swim", "interval-swim", "open-water-swim"})
_SWIM_LAP: Final = 25
"""A bare repetition length in a swim ("8x50") is meters from one pool length up."""


def _work(folded: str, at: int, *, swim: bool = False) -> tuple[Quantity, Quantity | None, bool] | None:
    """The work quantity starting at `at` (and the recovery of an on/off pair), and whether it was guessed."""
    if folded[at : at + 1] in {"(", "["}:  # "6 x (400 m fast, 200 m jog)": the bracket holds one repetition
        at += 1
    rest = folded[at : at + _NEAR_CHARS]
    if on_off := _ON_OFF.match(rest):
        work = Quantity("duration", int(on_off["on"]), at, at + on_off.end())
        return work, Quantity("duration", int(on_off["off"]), at, at + on_off.end()), False
    quantity = _first_quantity(folded, at)
    if quantity is not None and (quantity.start == 0 or _WORDS_BEFORE_LENGTH.fullmatch(rest[: quantity.start])):
        return Quantity(quantity.kind, quantity.value, at, at + quantity.end, quantity.ambiguous), None, False
    if bare := _BARE.match(rest):
        number = to_float(bare["number"])
        meters = number >= 100 or (swim and number >= _SWIM_LAP)  # "6x400" is meters; "6x3" a guess: minutes
        kind = "distance" if meters else "duration"
        value = number if meters else number * 60
        return Quantity(kind, value, at, at + bare.end()), None, not meters
    return None


def _recovery(folded: str, at: int, limit: int) -> Quantity | None:
    """The recovery after a repetition ("w/ 400m jog", "/ 2' rest", "(90 s)"), if the text gives one."""
    segment = folded[at : min(limit, at + _NEAR_CHARS)]
    quantity = _first_quantity(segment, 0)
    if quantity is None:
        return None
    lead = segment[: quantity.start]
    if _RECOVERY_LEAD.match(lead) or zone_named(segment[quantity.end :]) in {"z1", "z2"}:
        return Quantity(quantity.kind, quantity.value, at + quantity.start, at + quantity.end)
    return None


def parse_repetition(folded: str, sub_type: str) -> Repetition | None:
    """The first repetition in one step's text, or None when it has none."""
    if sets := _SETS.search(folded):
        inner = parse_repetition(sets["inner"], sub_type)
        if inner is not None:
            repeat = min(100, int(sets["sets"]) * inner.block.block_repeat)
            return Repetition(inner.block.model_copy(update={"block_repeat": repeat}), inner.guessed, sets.end())
    reps = _REPS.search(folded)
    if reps is None:
        return None
    work = _work(folded, reps.end(), swim=sub_type in _SWIMS)
    if work is None:
        return None
    quantity, recovery, guessed = work
    recovery = recovery or _recovery(folded, quantity.end, len(folded))
    cut = _RECOVERY_CUT.search(folded, quantity.end)
    zone = work_zone(folded[reps.start() : cut.start() if cut else len(folded)], sub_type)
    children = [step("run", quantity, zone)]
    if recovery is not None:
        children.append(step("recovery-run", recovery, "z1"))
    block = ContentBlock(
        type="interval",
        block_length_target=quantity.kind,
        block_pace=zone,
        block_repeat=max(1, min(100, int(reps["reps"]))),
        content_blocks=children,
    )
    return Repetition(block, guessed, recovery.end if recovery else quantity.end)
