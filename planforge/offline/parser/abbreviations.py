"""Terse running-log shorthand spelled out: "L 12mi" long, "E 5" easy, "2E" two easy, "20' T" tempo,
"6x200 R" repetitions, "3x1mi M" marathon pace, "I" intervals, "XT 45'" or "X45" cross-training, "rec 4" or
"REC30" recovery, and Pfitzinger's "MLR 11" medium-long, "GA 8" general aerobic, "LT 8 w/ 4" threshold, "VO2 8"
intervals, "10 x 100m SP" strides; a number glued after a letter ("E45") is set apart from it.

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
    "XT": "cross-training", "X": "cross-training", "LR": "long run", "MP": "marathon pace",
    # Pfitzinger's codes: medium-long run, general aerobic, lactate threshold, VO2max, strides ("SP": speed)
    "MLR": "medium-long run", "GA": "general aerobic easy", "LT": "threshold", "VO2": "vo2max intervals",
    "SP": "strides",
}  # fmt: skip
_TOKEN: Final = re.compile(r"(?<![A-Za-z])(?P<letter>MLR|VO2|XT|LR|MP|GA|LT|SP|[ELTIRMX])(?![A-Za-z'’-])")
_NUMBER_BEFORE: Final = re.compile(r"(?:\d|\d\s*(?:['\"’′]|mi|km|k|m|min|s)|@)\s*$")
_NUMBER_AFTER: Final = re.compile(r"\s*\d")
_RECOVERY: Final = re.compile(r"^(\s*+(?:(?:am|pm)\s*+:\s*+)?)rec\.?\s*(?=\d)", re.IGNORECASE)  # "PM: Rec 4" too
# A comma after a number ends it ("4 x 250, 2,000 yd") unless a digit follows (a decimal comma).
_BARE_NUMBER: Final = re.compile(
    r"(?<![\w.,:@×*/+\-–])\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?(?![\w.'\"’′%:/x×*]|,\d)"
)
_REPEAT_AFTER: Final = re.compile(r"\s*+[x×*]")


def expand_abbreviations(text: str) -> str:
    """`text` with its shorthand letters spelled out ("2E + 20' T" → "2 easy + 20' tempo")."""
    text = _RECOVERY.sub(r"\1recovery ", text)  # "REC30" → "recovery 30"
    out: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        glued = before[-1:].isdigit()
        number_after = _NUMBER_AFTER.match(text, match.end())
        if not (_NUMBER_BEFORE.search(before) or number_after):
            continue
        if match["letter"] == "X" and (glued or not number_after):  # "X45" cross-training; "6X800" is reps
            continue
        # "E45" → "easy 45": the number stands apart, so a plan-level unit ("numbers alone = minutes") reaches it.
        space_after = " " if text[match.end() : match.end() + 1].isdigit() else ""
        out += [text[position : match.start()], " " if glued else "", _LETTERS[match["letter"]], space_after]
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
        # "6 x 400" in a plan in miles is 400 m, not miles; in a swimmer's yards it is 400 yd
        repeat_before = char_before(folded, match.start()) in {"x", "×", "*"} and unit != "yd"
        if match.start() in taken or repeat_before or _REPEAT_AFTER.match(folded, match.end()):
            continue
        out += [folded[position : match.end()], f" {unit}"]
        position = match.end()
    return "".join([*out, folded[position:]])


# Without a plan-level unit, a lone bare number is read as minutes only where no distance is plausible: 20 or more
# on a session that is not a long one ("easy 40": nobody runs 40 km easy), 5 or more on gym work ("core 15").
_GYM_WORK: Final = re.compile(r"strength|\bcore\b|mobility|yoga|stretch|pilates|\bgym\b|s&c|\bsila|styrke|styrka")
_LONG_SESSION: Final = re.compile(r"\blong|\blr\b|\blang|\bdlug|\bdlouh")
_PLAUSIBLE_MINUTES: Final = range(20, 301)
_PLAUSIBLE_GYM_MINUTES: Final = range(5, 181)


def with_minutes_by_size(folded: str) -> tuple[str, bool]:
    """`folded` with "min" after its one bare number when that number can only be minutes, and whether it did.

    Only a text with no length of its own and a single bare number is touched ("easy 40", "PM core 15"); a
    repetition count ("6 x"), a pace or a long session ("long 20" may be kilometres) is left alone.
    """
    if quantities_in(folded):
        return folded, False
    body = folded.rstrip(" :;.")  # "AM easy 50:" ends a line that a list of steps could follow
    numbers = [
        match
        for match in _BARE_NUMBER.finditer(body)
        if char_before(body, match.start()) not in {"x", "×", "*"} and not _REPEAT_AFTER.match(body, match.end())
    ]
    if len(numbers) != 1 or not numbers[0].group().isdigit():
        return folded, False
    value = int(numbers[0].group())
    gym = bool(_GYM_WORK.search(folded))
    plausible = value in _PLAUSIBLE_GYM_MINUTES if gym else value in _PLAUSIBLE_MINUTES
    if not plausible or (not gym and _LONG_SESSION.search(folded)):
        return folded, False
    end = numbers[0].end()
    return f"{folded[:end]} min{folded[end:]}", True
