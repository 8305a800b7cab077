"""Lengths as they are written around a session's own: a count after its repetition ("(400 m fast, 200 m jog) x 6"),
a pool length ("4 x 25 m drills": metres, never minutes, in a swim), a change ("long run +2 km (so 16 km)": no size).
"""

from __future__ import annotations

import re
from typing import Final

from planforge.offline.parser.quantities import Quantity

# "(400 m fast, 200 m jog) x 6": the count written after the repetition, read as "6 x (400 m fast, 200 m jog)".
_COUNT_AFTER: Final = re.compile(r"\((?P<inner>[^()\n]{1,80}+)\)\s*+[x×*]\s*+(?P<count>\d{1,2})(?![\d.,'\"a-z])")


def count_first(folded: str) -> str:
    """`folded` with each count written after its bracketed repetition moved before it."""
    return _COUNT_AFTER.sub(lambda match: f"{match['count']} x ({match['inner']})", folded)


def as_metres(folded: str, quantity: Quantity) -> Quantity:
    """A short "25 m" read as metres (in a swim), other lengths unchanged."""
    if quantity.ambiguous and quantity.kind == "duration" and folded[quantity.end - 1 : quantity.end] == "m":
        return Quantity("distance", quantity.value / 60, quantity.start, quantity.end)
    return quantity


def _is_change(folded: str, quantity: Quantity) -> bool:
    """Whether a length is written as a change ("long run +2 km (so 16 km)", "+10 min"): a sign glued to it."""
    sign = folded[quantity.start - 1 : quantity.start] if quantity.start else ""
    before = folded[quantity.start - 2 : quantity.start - 1] if quantity.start > 1 else " "
    return sign in {"+", "−"} and (before.isspace() or before == "(")


def sizes(folded: str, quantities: list[Quantity]) -> list[Quantity]:
    """The lengths that may size a session: a change ("+2 km") only when no plain length of its kind is written."""
    changes = {q.start for q in quantities if _is_change(folded, q)}
    if not changes:
        return quantities
    plain = {q.kind for q in quantities if q.start not in changes}
    return [q for q in quantities if q.start not in changes or q.kind not in plain]
