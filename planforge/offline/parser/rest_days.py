"""Day texts that name no session: rest days however they are written, and sentences about a race after the plan.

A rest word alone is rest ("Rest", "Ruhetag", "free"), and so is rest followed by a sentence or remark that names no
session ("Rest. Well done, that's week 3!", "both rest, I know that's different"), what is dropped named before it
("no intervals this week, rest"), an unmeasured activity it allows ("off, just stretch if you feel like it"), or a
sheet's sport column before it ("Bike Rest").
"""

from __future__ import annotations

import re
from typing import Final

from planforge.drafttext.days import fold
from planforge.offline.parser.classify import REST_WORD, is_rest, sport_named
from planforge.offline.parser.structure import quantities_in

_REST_SENTENCE: Final = re.compile(r"^\s*(?:rest|off|repos|riposo|descanso|ruhetag|rust)\b[\s-]*(?:day)?\s*[.!]+\s")


_A_DIGIT: Final = re.compile(r"\d")
# "off, just stretch if you feel like it": what a rest day allows names no session of its own.
_IF_YOU_LIKE: Final = re.compile(r"\bif you (?:feel like it|want|like|fancy|wish)|\bif (?:fresh|needed)\b")


# "no intervals this week, rest", "kein Training, Ruhetag": what is dropped, then rest.
_NOTHING_THEN_REST: Final = re.compile(
    r"^\s*(?:no|none|kein\w*|pas de|sans|sin|niente|geen|nie ma)\b[^\d,;:]{0,40}[,;:\-–—]\s*"
    r"(?:rest|off|repos|descanso|riposo|ruhetag|ruhe|rust|rustdag|folga|wolne)\b[\s.!]*$"
)


# A sheet's sport column before a rest session ("Bike;Rest" → "Bike Rest"): a rest day all the same.
_SPORT_THEN_REST: Final = re.compile(
    r"^\W*(?:run|running|bike|ride|cycling|swim|swimming|strength|gym|walk)(?:\s*+[-–—:;|]\s*+|\s++)"
    r"(?:rest|off|rest day)\W*$"
)


# "both rest, I know that's different": rest, then a remark that names no sport or length.
_REST_REMARK: Final = re.compile(r"^\W*(?:both\s++|all\s++|again\s++)?(?:rest|off)\b\s*+[,;:\-–—]")
# "The race is the Sunday after", "Race is 5 weeks out": a race after the plan, no session of it.
_LATER_RACE: Final = re.compile(
    r"\brace\s++(?:is|will be)\s++(?:the\s++\w++\s++after|after|next\s++\w++|in\s++\d+\s*+weeks|\d+\s*+weeks\s++"
    r"(?:out|away))"
)


_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s++(?=[A-Z])")


def without_later_race(text: str) -> str:
    """`text` without its sentences about a race after the plan (see `_LATER_RACE`) that give no length."""
    if not _LATER_RACE.search(fold(text)):
        return text
    sentences = _SENTENCE_END.split(text)
    kept = [
        sentence
        for sentence in sentences
        if not (_LATER_RACE.search(folded := fold(sentence)) and not quantities_in(folded))
    ]
    return " ".join(kept)


def is_rest_day(folded: str) -> bool:
    """A rest day, also when a sentence that names no session follows ("Rest. Well done, that's week 3!"), what
    is dropped is named before it ("no intervals this week, rest"), or an unmeasured activity it allows ("off,
    just stretch if you feel like it")."""
    if is_rest(folded) or _NOTHING_THEN_REST.match(folded) or _SPORT_THEN_REST.match(folded):
        return True
    if REST_WORD.match(folded) and _IF_YOU_LIKE.search(folded) and not any(char.isdigit() for char in folded):
        return True
    if _REST_REMARK.match(folded) and not _A_DIGIT.search(folded) and sport_named(folded, by_default=False) is None:
        return True
    sentence = _REST_SENTENCE.match(folded)
    return sentence is not None and not quantities_in(folded) and sport_named(folded, by_default=False) is None
