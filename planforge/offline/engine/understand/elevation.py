"""The race's climbing: "1,500 m of climbing", "2000 Hm", "D+ 1500", "1500 m D+", "8,000 ft of elevation gain",
"dénivelé positif de 2 000 m", "desnivel de 1.800 m", "dislivello 1200 m", "1500 hoogtemeters".

A number of metres counts only with a climbing word right after it or a climbing word right before it, so a
race length or a swim ("750 m swim") is never read as climbing.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.offline.engine.understand.text import RequestText
from planforge.offline.engine.understand.words import number_value

_NUMBER = r"(?P<n{i}>\d{{1,2}}[ ,.]\d{{3}}|\d{{3,5}})"
_METRES = r"\s*(?:m|meters?|metres?|metros|metri|meter)\b"
_FEET = r"\s*(?:ft|feet|foot)\b"
_CLIMB_WORDS = (
    r"(?:climb\w*|elevation(?: gain)?|vert(?:ical)?(?: gain)?|ascent|gain|d\+|hohenmeter\w*|hoehenmeter\w*|"
    r"anstieg|denivele\w*(?: positif)?|desnivel\w*(?: positivo)?|dislivello(?: positivo)?|ganho de elevacao|"
    r"subida|hoogtemeter\w*|hoogteverschil|stijging)"
)
_ELEVATION: Final = re.compile(
    rf"{_NUMBER.format(i=1)}(?P<unit1>{_METRES}|{_FEET})\s*(?:of\s+|de\s+|di\s+|an\s+)?(?:total\s+)?{_CLIMB_WORDS}"
    rf"|{_NUMBER.format(i=2)}\s*(?:hm\b|hoehenmeter|hohenmeter|hoogtemeter)"
    rf"|{_CLIMB_WORDS}\s*(?:of|von|de|di|van|:|=)?\s*(?:about|around|ca\.?|environ|circa|unos|cerca de|ongeveer)?\s*"
    rf"{_NUMBER.format(i=3)}(?P<unit3>{_METRES}|{_FEET}|\s*hm\b)"
    rf"|\bd\+\s*:?\s*{_NUMBER.format(i=4)}"
)
_METRES_PER_FOOT: Final = 0.3048
_MIN_M: Final = 100
_MAX_M: Final = 20_000


def read_elevation_gain(text: RequestText) -> int | None:
    """The race's total climbing in metres, when the request states it."""
    for match in _ELEVATION.finditer(text.folded):
        number = match["n1"] or match["n2"] or match["n3"] or match["n4"]
        metres = number_value(number.replace(" ", ","))
        unit = match["unit1"] or match["unit3"] or ""
        if re.search(r"ft|feet|foot", unit):
            metres *= _METRES_PER_FOOT
        if _MIN_M <= metres <= _MAX_M:
            text.use(match)
            return round(metres)
    return None
