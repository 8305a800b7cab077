"""Run/walk bouts as content blocks: "Run/walk 25 min: 8 x (60 s run, 90 s walk)", "4 x (4' run / 1' walk)",
"8 x (60 s Laufen, 90 s Gehen)", "Run 1 min, walk 90 s, repeat 8 times", "8 rounds of 2 min jog + 1 min walk".

The bouts are one `interval` block repeated as often as written (without a count, as often as the session's
stated length holds them: "Alternate 1 min run and 1 min walk for 20 min" is 10), nesting the run (`run`, z2)
and the walk (`recovery-run`, z1) in the order written; the minutes of a stated session length that the bouts leave over
come first as a `warm-up` at z1 (the brisk walk that opens the session: 25 min − 8 × 150 s = 300 s). A watch
export keeps the structure. Words of the seven languages the offline coach writes in (see
`planforge.offline.parser.names`), in folded text (lower case, no accents).
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.plan import ContentBlock
from planforge.offline.parser.durations import find_durations
from planforge.offline.parser.intervals import step
from planforge.offline.parser.quantities import Quantity

# Each word and number starts where no letter or digit stands before it, so a long run of either is tried once.
_RUN = r"\b(?:run\w*+|jog\w*+|lauf\w*+|course|courir|corr\w*+|corsa|hardlo\w*+|lopen)"
_WALK = r"\b(?:walk\w*+|gehen|geh\w*+|marche\w*+|camin\w*+|cammin\w*+|wandel\w*+)"
_LENGTH = r"(?<![\d.,])\d++(?:[.,]\d+)?\s*+(?:min\w*+|sec\w*+|s\b|['’′\"]++)"
# One bout: "60 s run" or "run 60 s".
_BOUT = (
    rf"(?:(?P<{{n}}_len>{_LENGTH})\s*+(?P<{{n}}_word>{_RUN}|{_WALK})"
    rf"|(?P<{{n}}_word2>{_RUN}|{_WALK})\s*+(?P<{{n}}_len2>{_LENGTH}))"
)
_PAIR = rf"{_BOUT.format(n='a')}\s*+[,/;+&]\s*+(?:(?:and|und|et|y|e|en)\s+)?{_BOUT.format(n='b')}"
# "8 x (60 s run, 90 s walk)"; "run 1 min, walk 90 s, repeat 8 times", "(… ) x 8"
_COUNTED: Final = re.compile(
    rf"(?<![\d.,])(?P<reps>\d{{1,2}})\s*+(?:[x×*]|rounds?\s+of|sets?\s+of|times)\s*+\(?\s*+{_PAIR}"
)
_TRAILING: Final = re.compile(
    rf"\(?{_PAIR}\s*+\)?\s*+[,;]?\s*+(?:(?:repeat|wiederhole\w*|repeter|repite|ripeti|repita|herhaal)\s*+)?"
    r"(?:[x×*]\s*+(?P<reps>\d{1,2})|(?P<reps_times>\d{1,2})\s*+(?:x|×|times|mal|fois|veces|volte|vezes|keer)\b)"
)
# "run/walk 30 min (3 min run / 1 min walk)", "Alternate 1 min run and 1 min walk for 20 min": no count, as many
# bouts as the stated length holds.
_ALONE: Final = re.compile(_PAIR)
_RUN_WORD: Final = re.compile(_RUN)


def has_run_walk_bouts(folded: str) -> bool:
    """Whether a text repeats a run and a walk bout ("Run 2' / walk 1' x 8"): a run/walk, no choice between sports
    ("Run 30 min / walk 30 min" is one)."""
    return run_walk_blocks(folded) is not None


def _bout(match: re.Match[str], name: str) -> tuple[bool, Quantity] | None:
    """(whether the bout runs, its length) of bout `name` of a match."""
    length = match[f"{name}_len"] or match[f"{name}_len2"]
    word = match[f"{name}_word"] or match[f"{name}_word2"]
    found = find_durations(length, within_rep=True)
    return (bool(_RUN_WORD.fullmatch(word)), found[0]) if found else None


def run_walk_blocks(folded: str) -> tuple[list[ContentBlock], Quantity | None] | None:
    """The blocks of a run/walk session's bouts (see the module docstring) and the session's length when stated
    before them ("Run/walk 25 min: …"), or None when the text holds no counted pair of a run and a walk."""
    match = _COUNTED.search(folded) or _TRAILING.search(folded) or _ALONE.search(folded)
    if match is None:
        return None
    first, second = _bout(match, "a"), _bout(match, "b")
    if first is None or second is None or first[0] == second[0]:
        return None  # a run and a walk, one of each
    outside = [q for q in find_durations(folded) if q.end <= match.start() or q.start >= match.end()]
    total = outside[0] if outside else None
    count = match.groupdict().get("reps") or match.groupdict().get("reps_times")
    pair = first[1].value + second[1].value
    reps = int(count) if count else int(total.value // pair) if total else 0
    if reps < 2:
        return None
    children = [
        step("run" if runs else "recovery-run", length, "z2" if runs else "z1") for runs, length in (first, second)
    ]
    bouts = ContentBlock(
        type="interval",
        block_length_target="duration",
        block_pace="z2",
        block_repeat=max(1, min(100, reps)),
        content_blocks=children,
    )
    spent = reps * pair
    if total is None or total.value - spent <= 0:
        return [bouts], total
    return [step("warm-up", Quantity("duration", total.value - spent, 0, 0), "z1"), bouts], total
