"""Training words of languages the classifier does not read (Finnish, Japanese), said in English.

A day's text in these languages is given the English words for its sessions, units and joints before it is
read ("ti: PK-lenkki 45 min" → "easy run 45 min", "ロング走 1時間30分" → "long run 1 h 30 min",
"朝：ジョグ 30分 ／ 夕：筋トレ 30分" → "AM: easy jog 30 min / PM: strength 30 min"); full-width
digits, letters and signs ("４０分", "１２ｋｍ", "＋") are their ASCII forms. The session's text then
holds the English words: the coach's own wording is kept in the draft.

Finnish: PK (peruskestävyys, easy aerobic), VK (vauhtikestävyys, threshold), MK (maksimikestävyys, VO2max), vedot
(repeats), mäkivedot (hill repeats), pitkä lenkki (long run), vauhtileikittely (fartlek), nousujohteinen
(progression), kuntosali (gym), keskivartalo (core), venyttely (stretching), uinti (swim), kävely (walk), lepo
(rest), hölkkä (jog), palautus (recovery between repeats), vetoa (strides). Japanese: 休養 (rest), ジョグ (jog),
インターバル (intervals), ペース走 (pace run: threshold), ロング走 and LSD (long run), ビルドアップ走 (build-up:
progression), 坂ダッシュ (hill sprints), 筋トレ (strength), 体幹 (core), ストレッチ (stretching), ウォーキング (walk),
流し (strides), 分 (minutes), 時間 (hours), 本 (repetitions), 朝 / 夕 (morning / evening).
"""

from __future__ import annotations

import re
from typing import Final

# Full-width forms U+FF01-FF5E are ASCII U+0021-007E shifted; the ideographic space is a space.
_FULL_WIDTH: Final = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

_FINNISH: Final[tuple[tuple[str, str], ...]] = (
    (r"\bpitkä\b", "long"),
    (r"\bpk-lenkki\b", "easy run"),
    (r"\bmäkivedot\b", "hill repeats"),
    (r"\bmk-vedot\b", "intervals"),
    (r"\bvedot\b", "reps"),
    (r"\bvetoa\b", "strides"),
    (r"\blenkki\b", "run"),
    (r"\bpk\b", "easy run"),
    (r"\bvk\b", "threshold"),
    (r"\bmk\b", "intervals"),
    (r"\bvauhtileikittely\b", "fartlek"),
    (r"\bnousujohteinen\b", "progression run"),
    (r"\bkuntosali\b", "gym"),
    (r"\bkeskivartalo\b", "core"),
    (r"\bvenyttely\b", "stretching"),
    (r"\buinti\b", "swim"),
    (r"\bkävely\b", "walk"),
    (r"\blepo\b", "rest"),
    (r"\bhölkkä\b", "jog"),
    (r"\bpalautus\b", "recovery"),
    (r"\bpalauttava\b", "easy"),
    (r"\bkevyt\b", "easy"),
)
_JAPANESE: Final[tuple[tuple[str, str], ...]] = (
    (r"休養", "rest"),
    (r"ビルドアップ走", "progression run"),
    (r"ペース走", "threshold run"),
    (r"ロング走", "long run"),
    (r"\bLSD\b", "long run"),
    (r"坂ダッシュ", "hill sprints"),
    (r"インターバル", "intervals"),
    (r"ジョグ", "easy jog"),
    (r"筋トレ", "strength"),
    (r"体幹", "core"),
    (r"ストレッチ", "stretching"),
    (r"ウォーキング", "walk"),
    (r"流し\s*(\d+)\s*本", r"\1 strides"),  # "流し 5本": five strides
    (r"流し", "strides"),
    (r"(?<=\d)\s*時間\s*", " h "),
    (r"(?<=\d)\s*分", " min"),
    (r"(?<=\d)\s*本", " reps"),
    (r"(?<=\d)\s*km", " km"),
    (r"つなぎ", "recovery "),
    (r"朝\s*:", "AM: "),
    (r"夕\s*:", "PM: "),
)
_FOREIGN: Final = re.compile(
    "|".join([r"[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e]", *(pattern for pattern, _ in _FINNISH)]), re.IGNORECASE
)
"""Whether a text holds any word to say in English: one search, so other texts pass untouched."""
_PATTERNS: Final = tuple((re.compile(pattern, re.IGNORECASE), english) for pattern, english in _FINNISH + _JAPANESE)


def in_english(text: str) -> str:
    """`text` with its Finnish and Japanese training words in English (see the module docstring); a text with none
    is returned as it is."""
    if not _FOREIGN.search(text):
        return text
    text = text.translate(_FULL_WIDTH)
    for pattern, english in _PATTERNS:
        text = pattern.sub(english, text)
    return text
