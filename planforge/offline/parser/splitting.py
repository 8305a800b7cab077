"""One day's text cut into its sessions, never inside parentheses.

Three kinds of joint may separate two sessions:

- a list joint ("+", "&", "and"/"und"/"et"/"y"/"plus", ";", a new line): a new session when the next part
  names a sport or a session of its own ("Easy run 40 min + Strength 20 min"), so "Easy run 45 min +
  strides" stays one; two parts of the same sport where the first has no length are one session
  ("Mobility and stretching 30 min");
- a time of day ("…, PM: …", "… / PM easy run 30 min", "…, abends Lauf 40 min", "…, por la tarde …"): a new
  session whenever the next part holds a length or names a sport;
- a spaced slash ("Easy run 30 min / Strength 20 min"): a new session when both sides have a length and the next
  part names another sport; otherwise the slash offers a choice ("Bike / swim 45 min") or a recovery ("6x3' hard
  / 90\" jog");
- a sequence ("…, then …", "dann", "puis", "luego", or a bare comma): a new session only when the next part
  names another sport ("5 mi easy, then core 15 min"; a comma also needs a length after it), so the steps of
  one workout ("15 min warm-up, then 3 x 10 min tempo") stay together.

A header line that states no length over indented or bulleted lines ("Intervals:" then "- 6 x 800 m") is one
session whose steps are those lines. A brick ("Brick: Bike 60 min, then run 20 min") is the ride (sub-type
brick) and the run off the bike.

Linear in the text: the joints are found by one left-to-right search per bracket-free stretch, and what a
session so far names (its sport, whether it has a length, its last run or walk word) is carried along as each
part joins it, never re-read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from planforge.drafttext.days import fold
from planforge.offline.parser.addons import only_strides
from planforge.offline.parser.classify import REST_WORD, sport_named
from planforge.offline.parser.quantities import Quantity
from planforge.offline.parser.structure import bracket_free, labelled_total, quantities_in
from planforge.offline.parser.typos import with_typos_read

JointKind = Literal["time", "list", "sequence", "comma", "slash"]

_TIME_OF_DAY = (
    r"(?:am(?=\s*[:\-–])|pm\b|a\.m\.|p\.m\.|(?:in the\s+|this\s+)?(?:morning|afternoon|evening|night)\b|"
    r"(?:fruh|morgens|vormittags|mittags|nachmittags|abends)\b|(?:le\s+)?(?:matin|midi|soir)\b|(?:l'|l\s)?apres[\s-]midi\b|"
    r"(?:por la\s+)?(?:manana|tarde|noche)\b|(?:de\s+)?(?:manha|noite)\b|(?:di\s+)?(?:mattina|pomeriggio|sera)\b|"
    r"(?:'s\s+)?(?:ochtends?|middags?|avonds?)\b|rano\b|wieczor\w*|po\s+poludniu\b|morgon\b|kvall\b|aften\b|kveld\b)"
)
# One search finds the next joint; at a position the kinds are tried in this order. A joint that starts with
# white space starts only where the white space does ((?<!\s)), so a long run of spaces is crossed once.
_JOINT: Final = re.compile(
    rf"(?P<time>(?:(?<!\s)\s*+[,;+./|]\s*+|(?<!\s)\s++(?:and|und|et|y|then|dann|puis|luego)\s++"
    rf"|(?<!\s)\s++(?=(?:am|pm)\s*+:|p\.?m\.?\s))(?={_TIME_OF_DAY}))"
    r"|(?P<list>\s\+\s|(?<!\bs)\s&\s(?!c\b)|\s(?:and|und|et|y|plus)\s|;\s*+|\n)"
    r"|(?P<sequence>,\s*+(?:→|->)\s*+|(?<!\s)\s*+(?:→|->)\s*+"
    r"|,\s++(?:then|dann|danach|anschliessend|puis|ensuite|luego|despues|followed by)\s++"
    r"|(?<!\s)\s++(?:then|dann|danach|anschliessend|puis|ensuite|luego|despues|followed by)\s++)"
    r"|(?P<comma>(?:(?<!\d),|,(?!\d))\s*+)"  # "21,1 km" is a decimal
    r"|(?P<slash>(?<!\s)\s++/\s++)"
)
_BRICK: Final = re.compile(r"\bbrick|koppel|enchainement|wisseltraining")
# A run "off the bike" makes the ride before it a brick even when no brick word is written.
_OFF_THE_BIKE: Final = re.compile(r"off the bike|nach dem rad|apres le velo|(?:al )?bajar de la bici|dopo la bici")
# An arrow from a ride into a run ("Bike 60' → Run 15'", "Bike 45' -> Run 10'") makes the ride a brick too.
_INTO_A_RUN: Final = re.compile(
    r"(?:→|->|=>)\s*+(?:easy\s+)?(?:run|jog|lauf|laufen|course|footing|carrera|correr|corsa|corrida|hardlopen|lopen"
    r"|bieg\w*|beh|lob|lop|lopning)\b"
)
_OWN_SESSION: Final = re.compile(r"tempo|interval|fartlek|\bhills?\b|\blong\b|\brace\b|progress|recovery run|"
                                 r"\bmp\b|fraction|\bseries\b|\blauf\b|footing|rodaje|\d\s*[x×]\s*\d")  # fmt: skip
_STRIDES_FIRST: Final = re.compile(r"^\s*+(?:\d{1,2}\s*+(?:[x×*]\s*+)?)?(?:strides|steigerung\w*)\b")
_AM_PM_SESSION: Final = re.compile(r"\s*+(?:am|pm|a\.m\.|p\.m\.)\s*+:?\s*+[a-z]{3}")
_FAMILY: Final[dict[str, str]] = {"hike": "walk"}  # "hike 3 h, walking poles" is one outing


@dataclass(frozen=True)
class _Piece:
    text: str
    joint: str
    kind: JointKind | None  # None for the day's first piece


def _pieces(text: str) -> list[_Piece]:
    """`text` cut at every joint outside parentheses, each piece with the joint before it."""
    folded = fold(text)
    pieces: list[_Piece] = []
    start, joint, kind = 0, "", None
    for stretch_start, stretch_end in bracket_free(folded):
        for match in _JOINT.finditer(folded, stretch_start, stretch_end):
            pieces.append(_Piece(text[start : match.start()], joint, kind))
            kind = _kind(match)
            joint, start = text[match.start() : match.end()], match.end()
    pieces.append(_Piece(text[start:], joint, kind))
    return [piece for piece in pieces if piece.text.strip()]


def _kind(match: re.Match[str]) -> JointKind:
    for kind in ("time", "list", "sequence", "comma", "slash"):
        if match[kind] is not None:
            return kind
    raise AssertionError(match)  # every alternative of _JOINT is a named group


def _sport(folded: str) -> str | None:
    """The sport a part names by a sport word ("tempo" alone names none: "Tempo ride: …, 30 min @ tempo")."""
    sport = sport_named(folded, by_default=False)
    return _FAMILY.get(sport, sport) if sport else None


_LEAD_IN: Final = re.compile(
    r"^\s*\d+(?:[.,]\d+)?\s*(?:mi|km|k|min|'|miles?)?\s*(?:e|easy|wu|warm[\s-]*up|jog|"
    r"locker|einlaufen|facile|suave)\s*$"
)
_LEAD_IN_CHARS: Final = 40
# A part that names swimming itself ("+ Swim 1000 m") is a swim of its own; a set with pool gear is not.
_SWIM_NAMED: Final = re.compile(r"\bswim|schwimm|natation|\bnage|nataci|\bnadar|\bnuoto|\bzwem")
# A part that opens with a run session's name ("+ Fartlek 20 min", "+ tempo 30 min") is no set of a swim before it.
_RUN_SESSION_FIRST: Final = re.compile(
    r"^\s*+(?:fartlek|tempo|intervals?|hills?|progression|footing|rodaje|trail|(?:easy|long|recovery) run)\b"
)
_RUN_WALK_STEP: Final = 10 * 60
"""Run/walk steps are short: a run and a walk of at most this long each, side by side, are one session."""
_RUN_OR_WALK: Final[dict[str, re.Pattern[str]]] = {
    "run": re.compile(r"\b(?:run|jog|lauf|laufen|course|corr\w*|corsa|hardlo\w*)\b"),
    "walk": re.compile(r"\b(?:walk\w*|gehen|marche\w*|camin\w*|cammin\w*|wandel\w*)\b"),
}


def _last_sport(folded: str) -> str | None:
    """The sport a text names last ("run 1 min, walk 90 s" → walk), among run and walk."""
    sports = [(match.start(), sport) for sport in ("run", "walk") for match in _RUN_OR_WALK[sport].finditer(folded)]
    return max(sports)[1] if sports else None


@dataclass(frozen=True)
class _Facts:
    """What one piece names, read once."""

    folded: str
    sport: str | None
    brick: bool
    quantities: tuple[Quantity, ...]
    last_run_or_walk: str | None


def _facts(text: str) -> _Facts:
    return _facts_cached(text) if len(text) <= _CACHED_PIECE_CHARS else _read_facts(text)


@lru_cache(maxsize=4096)  # day texts repeat their pieces ("+ strides", "easy 30 min")
def _facts_cached(text: str) -> _Facts:
    return _read_facts(text)


def _read_facts(text: str) -> _Facts:
    folded = with_typos_read(fold(text))
    quantities = tuple(quantities_in(folded))
    return _Facts(folded, _sport(folded), bool(_BRICK.search(folded)), quantities, _last_sport(folded))


_CACHED_PIECE_CHARS: Final = 200


class _Session:
    """A session being put together from pieces, with what its text so far names (kept up as pieces join)."""

    def __init__(self, text: str) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.brick = self.cross = self.measured = False
        self.first_sport: str | None = None
        self.last_quantity: Quantity | None = None
        self.last_run_or_walk: str | None = None
        # "Power-hike session 60 min: 15 min easy jog, 5 x 5 min hard hiking, 12 min easy jog": the steps of one
        # session whose label states its length.
        self.labelled = labelled_total(fold(text)) is not None
        self.join("", text)

    def join(self, glue: str, text: str) -> None:
        facts = _facts(text)
        if facts.brick:
            self.brick = True
        elif facts.sport == "cross-training":
            self.cross = True
        self.first_sport = self.first_sport or facts.sport
        self.measured = self.measured or bool(facts.quantities)
        self.last_quantity = facts.quantities[-1] if facts.quantities else self.last_quantity
        self.last_run_or_walk = facts.last_run_or_walk or self.last_run_or_walk
        self.parts += [glue, text] if self.parts else [text]
        self.length += len(glue) + len(text) if len(self.parts) > 1 else len(text)

    @property
    def sport(self) -> str | None:
        """The sport the text so far names (as `_sport` reads it): a brick or cross-training word wins outright."""
        return "bike" if self.brick else "cross-training" if self.cross else self.first_sport

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def lead_in(self) -> bool:
        """Whether the session is only a few easy miles leading into what follows ("2E + 6x200 R")."""
        return self.length <= _LEAD_IN_CHARS and bool(_LEAD_IN.match(fold(self.text)))


def _run_walk(piece: _Facts, session: _Session) -> bool:
    """Whether `piece` goes on the run/walk alternation of `session` ("Run 1 min, walk 90 s, ...")."""
    if {piece.sport, session.last_run_or_walk} != {"run", "walk"}:
        return False
    lengths = [q for q in [*piece.quantities[:1], session.last_quantity] if q and q.kind == "duration"]
    return len(lengths) == 2 and all(q.value <= _RUN_WALK_STEP for q in lengths)


_RECOVERY_WALK: Final = 5 * 60
"""A walk of at most this long inside a run's text is a recovery step, never a session of its own."""


def _short_walk(piece: _Facts) -> bool:
    first = piece.quantities[0] if piece.quantities else None  # "2 min walk (~35 min total)": the walk's own
    return first is not None and first.kind == "duration" and first.value <= _RECOVERY_WALK


def _starts_session(piece: str, session: _Session, kind: JointKind) -> bool:
    """Whether `piece`, after a joint of `kind`, starts a session of its own rather than going on `session`."""
    facts = _facts(piece)
    folded, sport, measured = facts.folded, facts.sport, bool(facts.quantities)
    if only_strides(folded) or (_STRIDES_FIRST.match(folded) and session.sport in {None, "run"}):
        return False  # "Easy + strides 35 min total": a sheet's strides, then the run's length
    if kind == "list" and sport is None and session.lead_in():
        return False  # "2E + 6x200 R": the easy miles lead into the set of the same workout
    # "Long swim: 1 x 1000 + 4 x 250": a set with no sport of its own goes on the swim before it
    swim_set = (
        sport in {None, "swim"}
        and session.sport == "swim"
        and not _SWIM_NAMED.search(folded)
        and not _RUN_SESSION_FIRST.match(folded)  # "Swim 800 m: … + Fartlek 20 min": the day's run
    )
    if kind != "time" and (_run_walk(facts, session) or swim_set):
        return False  # a run/walk alternation, or a set of the swim before ("... + 6x100 pull buoy")
    if kind == "time":  # "… / PM easy 30": an AM/PM mark with anything after it is the day's next session
        return sport is not None or measured or bool(_AM_PM_SESSION.match(folded))
    if sport == "walk" and session.sport in {None, "run"} and _short_walk(facts):
        return False  # "5 x 3 min hard / 2 min walk", "…, 90 s walk @ 0%": the recovery of the run's efforts
    other = sport is not None and sport != (session.sport or "run")
    if kind == "slash":  # "Easy run 30 min / Strength 20 min"; not "6x3' hard / 90\" jog"
        return other and session.measured and measured
    if kind in {"sequence", "comma"}:
        return other and (kind == "sequence" or (measured and not session.labelled))
    own = sport is not None or bool(_OWN_SESSION.search(folded)) or bool(REST_WORD.match(folded))
    # "Mobility and stretching 30 min"; "Strength 30 min: mobility and core": one session of one sport
    same_sport = sport is not None and sport == session.sport and not (session.measured and measured)
    return own and not same_sport


def _split_brick(text: str) -> list[str]:
    """A brick's legs: any joint separates the ride from the run (a comma only before another sport)."""
    sessions: list[_Session] = []
    for piece in _pieces(text):
        if sessions and not _leg_starts(piece, sessions[-1]):
            sessions[-1].join(_glue(piece), piece.text.strip())
        else:
            sessions.append(_Session(piece.text.strip()))
    return _label_on_ride([session.text for session in sessions])


_BRICK_LABEL: Final = re.compile(r"^\s*(?P<label>[^:]*\b(?:brick|koppel\w*|enchainement|wisseltraining)[^:]*):\s*")


def _label_on_ride(legs: list[str]) -> list[str]:
    """A brick's legs with its label on the ride, which is the brick: a run first ("Brick: Run 15 min + Bike 60 min
    + Run 10 min", a duathlon's) or a label that states nothing ("Brick: race simulation, Run 30 min, …") gives
    its label to the ride after it; legs unchanged otherwise."""
    label = _BRICK_LABEL.match(fold(legs[0])) if legs else None
    ride = next((index for index, leg in enumerate(legs[1:], start=1) if _facts(leg).sport == "bike"), None)
    if label is None or ride is None:
        return legs
    first = legs[0][label.end() :].strip(" ,;")
    first_facts = _facts(first)
    if first_facts.sport == "bike" or (first and first_facts.sport is None and first_facts.quantities):
        return legs  # "Brick: Bike 60 min, then run 20 min": the ride comes first
    words = legs[0][: label.end("label")].strip()
    if first and first_facts.sport is None:  # "Brick: race simulation" names the brick, no leg
        words, first = legs[0].strip(" ,;"), ""
    moved = [f"{words}: {leg}" if index == ride else leg for index, leg in enumerate(legs)]
    return [first, *moved[1:]] if first else moved[1:]


def _leg_starts(piece: _Piece, session: _Session) -> bool:
    folded = fold(piece.text)
    if piece.kind in {"comma", "slash"}:  # "…, run 20 min" starts the run; "…, rack the bike" is a note
        return _starts_session(piece.text, session, "sequence") and bool(_facts(piece.text).quantities)
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


_CACHED_CHARS: Final = 2_000
"""Day texts up to this long are cached (plans repeat them week after week); longer ones are not kept."""


def split_sessions(text: str) -> tuple[str, ...]:
    """Cut one day's text into its sessions (see the module docstring)."""
    return _split_cached(text) if len(text) <= _CACHED_CHARS else _split(text)


@lru_cache(maxsize=4096)
def _split_cached(text: str) -> tuple[str, ...]:
    return _split(text)


def _split(text: str) -> tuple[str, ...]:
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
    if _INTO_A_RUN.search(fold(text)) and len(legs := _split_brick(text)) > 1 and _facts(legs[0]).sport == "bike":
        return (f"Brick: {legs[0]}", *legs[1:])  # "Bike 60' → Run 15'": straight off the bike
    sessions: list[_Session] = []
    for piece in _pieces(text):
        if sessions and piece.kind is not None and not _starts_session(piece.text, sessions[-1], piece.kind):
            # "… finish with 6 x 20 sec" / "strides on a flat road": a line wrapped inside the strides
            wrapped = "\n" in piece.joint and only_strides(fold(piece.text))
            sessions[-1].join(" " if wrapped else _glue(piece), piece.text.strip())
        else:
            sessions.append(_Session(piece.text.strip()))
    return tuple(session.text for session in sessions)
