"""A duration or distance found in a session text, with where it was written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NUMBER = r"\d+(?:[.,]\d+)?"
# "8-10", "45 to 60", "8–10": a range whose midpoint is taken.
NUMBER_RANGE = rf"(?P<low>{NUMBER})(?:\s*(?:-|–|to|bis|à|a)\s*(?P<high>{NUMBER}))?"


@dataclass(frozen=True)
class Quantity:
    """A length found in text: seconds for a duration, meters for a distance."""

    kind: Literal["duration", "distance"]
    value: float
    """Seconds (duration) or meters (distance); the midpoint for a range."""
    start: int
    end: int
    ambiguous: bool = False
    """True when the unit had to be guessed (e.g. "10m": minutes or meters)."""


def to_float(number: str) -> float:
    """ "1,5" and "1.5" → 1.5."""
    return float(number.replace(",", "."))


def midpoint(low: str, high: str | None) -> float:
    """The value of a number or the midpoint of a range."""
    return (to_float(low) + to_float(high)) / 2 if high else to_float(low)
