"""The training principle's checkable parts: the easy share, the loading pattern, polarized or threshold work.

"80/20" sets the easy share; "3:1", "2:1" or "a step-back week every third week" the loading pattern;
"polarized" (in any of the seven languages) means almost no threshold work; "threshold-focused" or "Norwegian"
means sub-threshold quality. Anything else in the principle is advice the engine cannot check.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.requirements import PrincipleRules
from planforge.drafttext.days import fold

_SPLIT: Final = re.compile(r"\b(?P<easy>[5-9]\d)\s*/\s*(?P<hard>[1-5]\d)\b")
_POLARIZED: Final = re.compile(r"polari[sz]|polarise|gepolariseerd")
_THRESHOLD: Final = re.compile(r"threshold[\s-]*(?:focused|heavy|based)|norwegian|sub[\s-]*threshold|double threshold")
_RATIO: Final = re.compile(r"\b(?P<build>[1-4])\s*:\s*1\b(?!\d)")
_ORDINALS: Final[dict[str, int]] = {
    "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5,
}  # fmt: skip
_EVERY_NTH: Final = re.compile(r"every\s+(?P<nth>second|2nd|third|3rd|fourth|4th|fifth|5th|[2-5])\s*(?:th\s*)?weeks?")
_MIN_EASY: Final = 70


def read_principle(principle: str) -> PrincipleRules:
    """The principle's rules the engine applies; defaults where it says nothing checkable."""
    text = fold(principle)
    easy = 0.8
    for match in _SPLIT.finditer(text):
        if int(match["easy"]) + int(match["hard"]) == 100 and int(match["easy"]) >= _MIN_EASY:
            easy = min(int(match["easy"]) / 100, 0.95)
            break
    build = 3
    if match := _RATIO.search(text):
        build = int(match["build"])
    elif match := _EVERY_NTH.search(text):
        nth = match["nth"]
        build = max(2, min(4, (int(nth) if nth.isdigit() else _ORDINALS[nth]) - 1))
    polarized = bool(_POLARIZED.search(text))
    return PrincipleRules(
        easy_share=easy, build_weeks=build, polarized=polarized,
        threshold_focus=not polarized and bool(_THRESHOLD.search(text)),
    )  # fmt: skip
