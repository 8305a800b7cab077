"""`Band`: a closed range of plausible values, the shape every coaching figure takes.

A band carries no unit of its own: the unit is in the name of whatever holds it (`time_minutes`,
`distance_km`, `hours`, `days`), so `Band(29, 32)` under `distance_km` reads as 29–32 km.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    """A closed range `min`–`max` (both included) of non-negative values."""

    min: float
    max: float

    def __post_init__(self) -> None:
        if not 0 <= self.min <= self.max:
            raise ValueError(f"a band needs 0 <= min <= max, got min={self.min!r} and max={self.max!r}")

    def contains(self, value: float) -> bool:
        """Whether `value` lies in the band, ends included."""
        return self.min <= value <= self.max

    def scaled(self, factor: float) -> Band:
        """Both ends multiplied by `factor` (a unit conversion or a share of the band)."""
        return Band(self.min * factor, self.max * factor)

    def rounded_out(self, step: float) -> Band:
        """Widened to multiples of `step`: the minimum rounded down, the maximum up (a derived band never shrinks)."""
        # Rounded again so that 0.1-steps stay 2.3, not 2.3000000000000003.
        low = round(math.floor(self.min / step + 1e-9) * step, 9)
        high = round(math.ceil(self.max / step - 1e-9) * step, 9)
        return Band(low, high)
