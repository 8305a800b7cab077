"""Terse running-log shorthand spelled out: "L 12mi" long, "E 5" easy, "2E" two easy, "20' T" tempo,
"6x200 R" repetitions, "3x1mi M" marathon pace, "I" intervals, "XT 45'" cross-training, "rec 4" recovery.

A capital letter counts as shorthand only next to a number ("E 6", "2E", "20' T", "@ M"), so ordinary
capitals ("I feel", "T-shirt") are left alone. With a plan-level unit ("Distances in miles unless noted"),
a bare number that is no repetition count, pace or percentage becomes a distance in that unit.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.drafttext.context import BareNumberUnit
from planforge.offline.parser.quantities import Covered, char_before
from planforge.offline.parser.structure import quantities_in

_LETTERS: Final[dict[str, str]] = {
    "E": "easy", "L": "long", "T": "tempo", "I": "interval", "R": "reps", "M": "marathon pace",
    "XT": "cross-training", "LR": "long run", "MP": "marathon pace",
}  # fmt: skip
_TOKEN: Final = re.compile(r"(?<![A-Za-z])(?P<letter>XT|LR|MP|[ELTIRM])(?![A-Za-z'’-])")
_NUMBER_BEFORE: Final = re.compile(r"(?:\d|\d\s*(?:['\"’′]|mi|km|k|m|min|s)|@)\s*$")
_NUMBER_AFTER: Final = re.compile(r"\s*\d")
_RECOVERY: Final = re.compile(r"^(\s*)rec\.?(?=\s*\d)", re.IGNORECASE)
_BARE_NUMBER: Final = re.compile(r"(?<![\w.,:@×*/+\-–])\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?(?![\w.,'\"’′%:/x×*])")
_REPEAT_AFTER: Final = re.compile(r"\s*+[x×*]")


def expand_abbreviations(text: str) -> str:
    """`text` with its shorthand letters spelled out ("2E + 20' T" → "2 easy + 20' tempo")."""
    text = _RECOVERY.sub(r"\1recovery", text)
    out: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        glued = before[-1:].isdigit()
        if not (_NUMBER_BEFORE.search(before) or _NUMBER_AFTER.match(text, match.end())):
            continue
        out += [text[position : match.start()], " " if glued else "", _LETTERS[match["letter"]]]
        position = match.end()
    return "".join([*out, text[position:]])


def with_default_unit(folded: str, unit: BareNumberUnit | None) -> str:
    """`folded` with `unit` after each bare number ("easy 5" → "easy 5 mi"); unchanged without a unit."""
    if unit is None:
        return folded
    taken = Covered(quantities_in(folded))
    out: list[str] = []
    position = 0
    for match in _BARE_NUMBER.finditer(folded):
        repeat_before = char_before(folded, match.start()) in {"x", "×", "*"}
        if match.start() in taken or repeat_before or _REPEAT_AFTER.match(folded, match.end()):
            continue
        out += [folded[position : match.end()], f" {unit}"]
        position = match.end()
    return "".join([*out, folded[position:]])
