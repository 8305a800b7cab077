"""A session's total when the text states it: "1h30 total", "totale 2200 m", "insgesamt 60 min", "… · 42:00"
(the last item of a dotted list), "… = 3000 yd", "20 min at threshold inside a 50 min run", a calendar export's
"Planned: 1:05:00 · 12.00 km", or a swim set's opening distance ("Swim 2000 m technique — 8x50 drills + 6x100
pull") that its sets fit inside.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.plan import ContentBlock
from planforge.offline.parser.quantities import TOTAL_WORD, Quantity
from planforge.offline.parser.structure import quantities_in

# Garmin-style exports end a step list with the workout's time after a middle dot: "… / 2:00 Recover · 42:00".
_DOT_TOTAL: Final = re.compile(r"·\s*+$")
# "total: 2200 m", "+ wu/cd = 3,000 yd" (a sum's result), "20 min at threshold inside a 50 min run" (the run holds
# the steps).
_BEFORE: Final = re.compile(
    rf"(?:\b{TOTAL_WORD}\s*+[:=]?|(?<![=<>!])=|\b(?:inside|within|as part of|in the middle of)\s++(?:an?|the)?)\s*+$"
)
_AFTER: Final = re.compile(rf"\s*+\(?{TOTAL_WORD}\b")


def marked_total(folded: str) -> Quantity | None:
    """The length a total word stands next to ("1h30 total", "total: 2200 m"), the last one written, or None."""
    quantities = quantities_in(folded)
    marked: list[Quantity] = []
    taken = -1  # where the total word after the last marked length ends: "40 min total 1' off" marks the 40 min
    for quantity in quantities:
        if after := _AFTER.match(folded, quantity.end):
            marked.append(quantity)
            taken = after.end()
        elif _BEFORE.search(folded[max(0, quantity.start - 16) : quantity.start]) and not (
            0 <= taken <= quantity.start and not folded[taken : quantity.start].strip(" :=")
        ):
            marked.append(quantity)
    last = quantities[-1] if quantities else None  # only the last length can close a dotted list
    if last is not None and _DOT_TOTAL.search(folded, 0, last.start) and not folded[last.end :].strip(" .!"):
        marked.append(last)
    return marked[-1] if marked else None


# A swim's bare total: "Technique, 2000 total", "total: 2400", "Technique (2100): WU 400, …" (swimmers count
# metres without a unit).
_BARE_SWIM_TOTAL: Final = re.compile(
    rf"(?<![\d.,:])(?P<before>\d{{3,5}})\s*+{TOTAL_WORD}\b|\b{TOTAL_WORD}\s*+[:=]?\s*+(?P<after>\d{{3,5}})(?![\d.,:'\"%])"
    r"|\((?P<bracket>\d{3,5})\)\s*+:"
)


def bare_swim_total(folded: str) -> Quantity | None:
    """A swim's total written as a bare number next to a total word or in brackets before the sets, read as
    metres ("2000 total", "Technique (2100): …"), or None."""
    match = _BARE_SWIM_TOTAL.search(folded)
    if match is None:
        return None
    group = next(name for name in ("before", "after", "bracket") if match[name])
    value = float(match[group])
    return Quantity("distance", value, match.start(group), match.end(group)) if 100 <= value <= 20_000 else None


def closing_swim_distance(blocks: list[ContentBlock]) -> float | None:
    """A swim's closing distance ("…, 4 x 50 dive starts, 2,200 yds") when it is a lone length, no shorter than all
    the measured sets before it together: the session's total."""
    if len(blocks) < 2 or blocks[-1].type != "run" or blocks[-1].block_distance_in_meters is None:
        return None
    closing = blocks[-1].block_distance_in_meters
    before = sum(meters for block in blocks[:-1] if (meters := block.total_meters()) is not None)
    return closing if before <= closing else None


def opening_swim_distance(blocks: list[ContentBlock]) -> float | None:
    """A swim's opening distance when the sets after it add up to no more than it: the session's total."""
    if len(blocks) < 2 or blocks[0].type != "run" or blocks[0].block_distance_in_meters is None:
        return None
    rest = [block.total_meters() for block in blocks[1:]]
    if any(meters is None for meters in rest):
        return None
    opening = blocks[0].block_distance_in_meters
    return opening if sum(meters or 0 for meters in rest) <= opening else None


# A calendar export states a workout's planned sizes: "Planned: 1:05:00 · 12.00 km · TSS 78 · IF 0.86",
# "Duration: 55:00 | Distance: 10.00 km".
_PLANNED: Final = re.compile(
    r"\b(?:planned|geplant|prevu|previsto|planificado|pianificato|gepland|planowane"
    r"|(?:planned\s+)?(?:duration|distance)|dauer|distanz|duree|duracion|distancia|durata|distanza|duur|afstand)"
    r"\s*+:\s*+(?P<sizes>[^\n]{0,60})"
)


def planned_lengths(folded: str) -> tuple[Quantity, Quantity | None] | None:
    """The sizes an export's "Planned:" item states (its time, then its distance if any), or None."""
    match = _PLANNED.search(folded)
    if match is None:
        return None
    found = quantities_in(match["sizes"])
    found = [quantity for quantity in found if not quantity.ambiguous][:2]
    if not found or (len(found) == 2 and found[0].kind == found[1].kind):
        return (found[0], None) if found else None
    return found[0], found[1] if len(found) == 2 else None


def without_planned(folded: str) -> str:
    """`folded` with an export's "Planned: …" item blanked out (same length): sizes of the workout, no step of it."""
    return _PLANNED.sub(lambda match: " " * len(match.group()), folded)
