"""Session words as a hurried coach types them: "strenght", "mobilty", "intervls", "longrun" read as meant.

A word of five letters or more that is not itself a known session word is compared with a short list of the words
that name a session's kind; one close enough (rapidfuzz's ratio) is read as that word. Lengths, days and every
other word are left as written, so a typo can change a session's kind but never its size.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz, process

_SESSION_WORDS: Final = (
    "strength", "mobility", "interval", "intervals", "recovery", "stretching", "fartlek", "threshold", "progression",
    "long run", "easy run", "tempo run",
)  # fmt: skip
_MIN_SIMILARITY: Final = 85
_WORD: Final = re.compile(r"[a-z]{5,14}")


@lru_cache(maxsize=4096)
def _meant(word: str) -> str | None:
    if word in _SESSION_WORDS:
        return None
    best = process.extractOne(word, _SESSION_WORDS, scorer=fuzz.ratio, score_cutoff=_MIN_SIMILARITY)
    return best[0] if best is not None else None


def with_typos_read(folded: str) -> str:
    """`folded` (lower case, no accents) with its misspelt session words as meant ("strengh + mobilty" →
    "strength + mobility")."""
    out: list[str] = []
    position = 0
    for match in _WORD.finditer(folded):
        meant = _meant(match.group())
        if meant is not None:
            out += [folded[position : match.start()], meant]
            position = match.end()
    return "".join([*out, folded[position:]]) if out else folded
