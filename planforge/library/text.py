"""Text preprocessing and the distinct-text index the matcher shortlists with."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz, process

_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")
_SYNONYMS: Final[dict[str, str]] = {
    "minutes": "min",
    "minute": "min",
    "mins": "min",
    "hours": "h",
    "hour": "h",
    "hr": "h",
    "hrs": "h",
    "seconds": "s",
    "second": "s",
    "sec": "s",
    "secs": "s",
    "kilometers": "km",
    "kilometres": "km",
    "meters": "m",
    "metres": "m",
    "miles": "mi",
    "mile": "mi",
    "intervals": "interval",
    "repeats": "repeat",
    "reps": "rep",
    "runs": "run",
    "rides": "ride",
}


@lru_cache(maxsize=65_536)
def normalize_text(text: str) -> str:
    """The form texts are compared in: case-folded tokens, unit words unified, sorted, space-separated.

    "Tempo Run 30 minutes" and "30min tempo run" both become "30 min run tempo"; "6x800m" becomes
    "6 800 m x". Cached, because libraries repeat their names and descriptions.
    """
    tokens: list[str] = _TOKEN.findall(text.casefold())
    return " ".join(sorted(_SYNONYMS.get(token, token) for token in tokens))


def similarity(query_text: str, text: str) -> float:
    """rapidfuzz `ratio` (0..100) of two normalized texts; the one text scorer the matcher uses."""
    return fuzz.ratio(query_text, text)


class TextIndex:
    """Distinct normalized texts, each with the ids of the items (workout profiles) carrying it."""

    def __init__(self) -> None:
        """An empty index; fill it with `add`."""
        self._texts: list[str] = []
        self._items: list[list[int]] = []
        self._slots: dict[str, int] = {}

    def add(self, text: str, item: int) -> None:
        """Record that `item` carries `text` (each pair once)."""
        slot = self._slots.get(text)
        if slot is None:
            slot = self._slots[text] = len(self._texts)
            self._texts.append(text)
            self._items.append([])
        if not self._items[slot] or self._items[slot][-1] != item:
            self._items[slot].append(item)

    def shortlist(self, query_text: str, size: int) -> list[tuple[float, list[int]]]:
        """The `size` distinct texts most similar to `query_text`: (similarity, their items), best first."""
        found = process.extract(query_text, self._texts, scorer=fuzz.ratio, processor=None, limit=size)
        return [(score, self._items[slot]) for _text, score, slot in found]
