"""Add-ons that belong to the session they follow: strides after an easy run ("+ 6 x 100 m strides",
"mit 6 Steigerungen", "con 6 progresivos", "4 lignes droites"), sprints of a few seconds ("+ 5 x 10\" sprints").

Strides are short relaxed accelerations, a few seconds each: they neither make a session intervals or a
progression run nor add to its length, and they are never a session of their own.
"""

from __future__ import annotations

import re
from typing import Final

_LENGTH = (
    r"\d+(?:[.,]\d+)?\s*(?:m|meters?|metres?|metros?|s|secs?|seconds?|sek|segundos?|\"|'')(?![a-z])"  # not "35 min"
)
_STRIDE_WORDS = (
    r"(?:strides?|steigerung(?:en|slaufe?n?|slauf)?|steigerungslaufe|progresivos|aceleraciones|rectas|"
    r"lignes?\s+droites?|accelerations|pick[\s-]*ups|allunghi|przebiezk\w*|stigningslop|stegringar"
    r"|(?<=\dm\s)sp|(?<=\d\sm\s)sp)\b"  # Pfitzinger's "10 x 100m SP"
)
# Sprints of a few seconds ("5 x 10\" sprints", "6 x 15 s sprint") are strides of a ride or run too; longer ones
# ("8 x 30 s sprints", "10 x 200 m sprints") are a set of their own.
_SHORT_SPRINTS = (
    r"\b\d{1,2}\s*[x×*]\s*(?:[1-9]|1\d|20)\s*(?:s|secs?|seconds?|sek|\"|'')\s*(?:max\s+|all[\s-]*out\s+)?sprints?\b"
)
# A count may carry a word or two before the strides: "4 x 20 s relaxed strides".
STRIDES: Final = re.compile(
    rf"(?:(?:\bwith|\bw/|\bmit|\bavec|\bcon|\bplus|\bet|\by|\bund|\band|\+)\s*)?{_SHORT_SPRINTS}|"
    r"(?:(?:\bwith|\bw/|\bmit|\bavec|\bcon|\bplus|\bet|\by|\bund|\band|\+)\s*)?"
    rf"(?:\b\d{{1,2}}\s*[x×*]\s*(?:{_LENGTH}\s*)?(?:(?!(?:km|mi|min|miles?|k|with|and)\b)[a-z]+\s+){{0,2}}?"
    rf"|\b\d{{1,2}}\s*(?:{_LENGTH}\s*)?)?(?:(?:de|of)\s+)?{_STRIDE_WORDS}"
    rf"(?:\s*[(:]?\s*(?:\d{{1,2}}\s*[x×*]|[x×]|of|de|a|à)?\s*{_LENGTH}\s*\)?)?"
)
_CONTENT: Final = re.compile(r"[a-z0-9]")
_DIGIT: Final = re.compile(r"\d")


def without_strides(folded: str) -> str:
    """`folded` with its strides blanked out (same length, so positions still fit); unchanged when the text
    is nothing but strides ("Strides 6 x 20 s" is then read as it stands)."""
    blanked = STRIDES.sub(lambda match: " " * len(match.group()), folded)
    return blanked if _CONTENT.search(blanked) else folded


def only_strides(folded: str) -> bool:
    """Whether a text holds nothing but strides ("6x100m strides", "4 Steigerungen"), with at most words of where
    or how after them ("4 x 20 s relaxed strides on flat grass")."""
    return bool(STRIDES.search(folded)) and not _DIGIT.search(STRIDES.sub(" ", folded))
