"""One day's text cut into its sessions, never inside parentheses.

Three kinds of joint may separate two sessions:

- a list joint ("+", "&", "and"/"und"/"et"/"y"/"plus", ";", a new line): a new session when the next part
  names a sport or a session of its own ("Easy run 40 min + Strength 20 min"), so "Easy run 45 min +
  strides" stays one; two parts of the same sport where the first has no length are one session
  ("Mobility and stretching 30 min");
- a time of day ("…, PM: …", "…, abends Lauf 40 min", "…, por la tarde …"): a new session whenever the
  next part holds a length or names a sport;
- a sequence ("…, then …", "dann", "puis", "luego", or a bare comma): a new session only when the next part
  names another sport ("5 mi easy, then core 15 min"; a comma also needs a length after it), so the steps of
  one workout ("15 min warm-up, then 3 x 10 min tempo") stay together.

A header line that states no length over indented or bulleted lines ("Intervals:" then "- 6 x 800 m") is one
session whose steps are those lines. A brick ("Brick: Bike 60 min, then run 20 min") is the ride (sub-type
brick) and the run off the bike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from planforge.drafttext.days import fold
from planforge.offline.parser.addons import only_strides
from planforge.offline.parser.classify import REST_WORD, sport_named
from planforge.offline.parser.structure import quantities_in

JointKind = Literal["list", "time", "sequence", "comma"]

_TIME_OF_DAY = (
    r"(?:am(?=\s*[:\-–])|pm\b|a\.m\.|p\.m\.|(?:in the\s+|this\s+)?(?:morning|afternoon|evening|night)\b|"
    r"(?:fruh|morgens|vormittags|mittags|nachmittags|abends)\b|(?:le\s+)?(?:matin|midi|soir)\b|(?:l'|l\s)?apres[\s-]midi\b|"
    r"(?:por la\s+)?(?:manana|tarde|noche)\b)"
)
_JOINTS: Final[tuple[tuple[JointKind, re.Pattern[str]], ...]] = (
    ("time", re.compile(rf"(?:\s*[,;+.]\s*|\s+(?:and|und|et|y|then|dann|puis|luego)\s+|\s+(?=(?:am|pm)\s*:))"
                        rf"(?={_TIME_OF_DAY})")),
    ("list", re.compile(r"\s\+\s|(?<!\bs)\s&\s(?!c\b)|\s(?:and|und|et|y|plus)\s|;\s*|\n")),
    ("sequence", re.compile(r",?\s*(?:→|->)\s*|,?\s+(?:then|dann|danach|anschliessend|puis|ensuite|luego|despues|"
                            r"followed by)\s+")),
    ("comma", re.compile(r",\s*")),
)  # fmt: skip
_BRICK: Final = re.compile(r"\bbrick|koppel|enchainement")
# A run "off the bike" makes the ride before it a brick even when no brick word is written.
_OFF_THE_BIKE: Final = re.compile(r"off the bike|nach dem rad|apres le velo|(?:al )?bajar de la bici|dopo la bici")
_OWN_SESSION: Final = re.compile(r"tempo|interval|fartlek|\bhills?\b|\blong\b|\brace\b|progress|recovery run|"
                                 r"\bmp\b|fraction|\bseries\b|\blauf\b|footing|rodaje|\d+\s*[x×]\s*\d")  # fmt: skip
_FAMILY: Final[dict[str, str]] = {"hike": "walk"}  # "hike 3 h, walking poles" is one outing


@dataclass(frozen=True)
class _Piece:
    text: str
    joint: str
    kind: JointKind | None  # None for the day's first piece


def _joint_at(folded: str, position: int) -> tuple[JointKind, re.Match[str]] | None:
    for kind, pattern in _JOINTS:
        match = pattern.match(folded, position)
        if match is not None and match.end() > position:
            return kind, match
    return None


def _pieces(text: str) -> list[_Piece]:
    """`text` cut at every joint outside parentheses, each piece with the joint before it."""
    folded = fold(text)
    pieces: list[_Piece] = []
    depth, start, position = 0, 0, 0
    joint, kind = "", None
    while position < len(folded):
        char = folded[position]
        depth += (char in "([" and 1) or (-1 if char in ")]" else 0)
        found = _joint_at(folded, position) if depth <= 0 else None
        if found is None:
            position += 1
            continue
        pieces.append(_Piece(text[start:position], joint, kind))
        kind, match = found
        joint, start = text[position : match.end()], match.end()
        position = match.end()
    pieces.append(_Piece(text[start:], joint, kind))
    return [piece for piece in pieces if piece.text.strip()]


def _sport(folded: str) -> str | None:
    """The sport a part names by a sport word ("tempo" alone names none: "Tempo ride: …, 30 min @ tempo")."""
    sport = sport_named(folded, by_default=False)
    return _FAMILY.get(sport, sport) if sport else None


_LEAD_IN: Final = re.compile(
    r"^\s*\d+(?:[.,]\d+)?\s*(?:mi|km|k|min|'|miles?)?\s*(?:e|easy|wu|warm[\s-]*up|jog|"
    r"locker|einlaufen|facile|suave)\s*$"
)
# A part that names swimming itself ("+ Swim 1000 m") is a swim of its own; a set with pool gear is not.
_SWIM_NAMED: Final = re.compile(r"\bswim|schwimm|natation|\bnage|nataci|\bnadar|\bnuoto|\bzwem")
_RUN_WALK_STEP: Final = 10 * 60
"""Run/walk steps are short: a run and a walk of at most this long each, side by side, are one session."""


def _run_walk(folded: str, before: str, sport: str | None) -> bool:
    """Whether `folded` goes on the run/walk alternation of `before` ("Run 1 min, walk 90 s, ...")."""
    last_sport = _last_sport(before)
    if {sport, last_sport} != {"run", "walk"}:
        return False
    lengths = [q for q in quantities_in(folded)[:1] + quantities_in(before)[-1:] if q.kind == "duration"]
    return len(lengths) == 2 and all(q.value <= _RUN_WALK_STEP for q in lengths)


def _last_sport(folded: str) -> str | None:
    """The sport a text names last ("run 1 min, walk 90 s" → walk)."""
    sports = [(match.start(), sport) for sport in ("run", "walk") for match in _RUN_OR_WALK[sport].finditer(folded)]
    return max(sports)[1] if sports else None


_RUN_OR_WALK: Final[dict[str, re.Pattern[str]]] = {
    "run": re.compile(r"\b(?:run|jog|lauf|laufen|course|corr\w*|corsa|hardlo\w*)\b"),
    "walk": re.compile(r"\b(?:walk\w*|gehen|marche\w*|camin\w*|cammin\w*|wandel\w*)\b"),
}


def _starts_session(piece: str, current: str, kind: JointKind) -> bool:
    """Whether `piece`, after a joint of `kind`, starts a session of its own rather than going on `current`."""
    folded, before = fold(piece), fold(current)
    if only_strides(folded):
        return False
    sport = _sport(folded)
    if kind == "list" and sport is None and _LEAD_IN.match(before):
        return False  # "2E + 6x200 R": the easy miles lead into the set of the same workout
    swim_set = sport == "swim" and _sport(before) == "swim" and not _SWIM_NAMED.search(folded)
    if kind != "time" and (_run_walk(folded, before, sport) or swim_set):
        return False  # a run/walk alternation, or a set of the swim before ("... + 6x100 pull buoy")
    if kind == "time":
        return sport is not None or bool(quantities_in(folded))
    if kind in {"sequence", "comma"}:
        other = sport is not None and sport != (_sport(before) or "run")
        return other and (kind == "sequence" or bool(quantities_in(folded)))
    own = sport is not None or bool(_OWN_SESSION.search(folded)) or bool(REST_WORD.match(folded))
    same_sport_unmeasured = sport is not None and sport == _sport(before) and not quantities_in(before)
    return own and not same_sport_unmeasured


def _split_brick(text: str) -> list[str]:
    """A brick's legs: any joint separates the ride from the run (a comma only before another sport)."""
    sessions: list[str] = []
    for piece in _pieces(text):
        if sessions and not _leg_starts(piece, sessions[-1]):
            sessions[-1] = f"{sessions[-1]}{_glue(piece)}{piece.text.strip()}"
        else:
            sessions.append(piece.text.strip())
    return sessions


def _leg_starts(piece: _Piece, current: str) -> bool:
    folded = fold(piece.text)
    if piece.kind == "comma":
        return _starts_session(piece.text, current, "sequence")
    return sport_named(folded) is not None or bool(_OWN_SESSION.search(folded)) or bool(REST_WORD.match(folded))


def _glue(piece: _Piece) -> str:
    """How a piece rejoins the session before it: " + " after a list joint, else its own joint ("Bike 2h, steady")."""
    return " + " if piece.kind == "list" else f"{piece.joint.rstrip()} "


_SUB_ITEM: Final = re.compile(r"^(?:\s+|\s*[-*•·●○◦▪▫■□►▸‣⁃➢➤]\s*)(?=\S)")


def _with_sub_items_joined(text: str) -> str:
    """ "Intervals:" over bulleted lines ("- 6 x 800 m", "- 2' jog") as one: "Intervals: 6 x 800 m, 2' jog".

    Only a first line that states no length is such a header; its items are the steps of that one session.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2 or quantities_in(fold(lines[0])) or not all(_SUB_ITEM.match(line) for line in lines[1:]):
        return text
    items = ", ".join(_SUB_ITEM.sub("", line).strip() for line in lines[1:])
    return f"{lines[0].strip().rstrip(':')}: {items}"


@lru_cache(maxsize=4096)  # plans repeat their day texts week after week
def split_sessions(text: str) -> tuple[str, ...]:
    """Cut one day's text into its sessions (see the module docstring)."""
    text = _with_sub_items_joined(text)
    # A brick is two workouts, the ride (sub-type brick) and the run off the bike, not one bike workout of
    # their summed time: a workout has one type and its blocks carry no sport, so one brick workout could not
    # tell a device or a coach which minutes are ridden and which are run, and per-sport volume (run volume,
    # long-run share) would count the run as riding. The periodization engine plans bricks the same way.
    # A brick whose legs are not stated separately ("Brick 90 min") stays one session.
    if _BRICK.search(fold(text)):
        return tuple(_split_brick(text))
    if _OFF_THE_BIKE.search(fold(text)) and len(legs := _split_brick(text)) > 1:
        return (f"Brick: {legs[0]}", *legs[1:])
    sessions: list[str] = []
    for piece in _pieces(text):
        if sessions and piece.kind is not None and not _starts_session(piece.text, sessions[-1], piece.kind):
            sessions[-1] = f"{sessions[-1]}{_glue(piece)}{piece.text.strip()}"
        else:
            sessions.append(piece.text.strip())
    return tuple(sessions)
