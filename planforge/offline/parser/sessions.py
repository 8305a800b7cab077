"""One day's text → its sessions: type, sub-type, duration, distance, blocks, optional, confident.

A day's text may hold several sessions ("Easy run 40 min + Strength 20 min"): it is cut at "+", "&",
"and"/"und"/"et"/"y"/"plus" where the next part names a sport or a session of its own, so "Easy run 45 min
+ strides" stays one session. A brick ("Brick: Bike 60 min + Run 20 min") is two sessions, the ride (sub-type
brick) and the run off the bike (see `split_sessions`). An alternative with rest ("Cross-training or rest",
"Repos ou footing 30 min") is one optional session.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Final

from planforge.domain.plan import ContentBlock
from planforge.domain.vocabulary import IntensityTarget, Weekday, WorkoutType
from planforge.offline.parser.classify import REST, REST_WORD, classify, sport_named
from planforge.offline.parser.distances import race_distance
from planforge.offline.parser.parsed import ParsedSession
from planforge.offline.parser.structure import block_totals, is_structured, parse_structure, quantities_in
from planforge.segment import fold

_SESSION_SEPARATOR: Final = re.compile(r"\s\+\s|\s&\s|\s(?:and|und|et|y|plus)\s|;\s*|\n", re.IGNORECASE)
# A brick's legs may also be cut at a comma, "then" or an arrow: "Brick: bike 2h, then run 30 min".
_BRICK_LEG_SEPARATOR: Final = re.compile(
    rf"{_SESSION_SEPARATOR.pattern}|,\s*(?:then\s+|dann\s+|puis\s+|luego\s+)?|\s(?:then|dann|puis|luego)\s|\s*(?:→|->)\s*",
    re.IGNORECASE,
)
_BRICK: Final = re.compile(r"\bbrick|koppel|enchainement")
_INTENSITY_TARGETS: Final[dict[WorkoutType, IntensityTarget]] = {"bike": "power"}
"""Structured rides are steered by power (as the engine plans them); everything else by pace."""
_OWN_SESSION: Final = re.compile(r"tempo|interval|fartlek|\bhills?\b|\blong\b|\brace\b|progress|recovery run|"
                                 r"\bmp\b|fraction|\bseries\b|\blauf\b|footing|rodaje|\d+\s*[x×]\s*\d")  # fmt: skip
_ALTERNATIVE: Final = re.compile(r"\s+(?:or|oder|ou|o)\s+|\s*/\s*(?=[a-z])", re.IGNORECASE)
_OPTIONAL_WORD: Final = re.compile(r"\(?\b(?:optional|optionnel(?:le)?|opcional|fakultativ|facultatif)\b\)?[:,]?\s*")
_UNITS_ONLY: Final = re.compile(
    r"^[\d\s.,:'\"’′x×*@/()\-–]*(?:(?:km|k|mi|miles?|m|min|mins|h|hrs?|s|sec|yd|yds|pace)\b[\d\s.,:'\"’′()\-–]*)*$"
)


def _steered_by(blocks: list[ContentBlock], target: IntensityTarget) -> list[ContentBlock]:
    """`blocks` (and their children) with their intensity steered by `target`."""
    return [
        block.model_copy(
            update={"block_intensity_target": target, "content_blocks": _steered_by(block.content_blocks, target)}
        )
        for block in blocks
    ]


def _is_rest(folded: str) -> bool:
    return not folded or bool(REST.match(folded))


def split_sessions(text: str) -> list[str]:
    """Cut one day's text into its sessions (see the module docstring)."""
    # A brick is two workouts, the ride (sub-type brick) and the run off the bike, not one bike workout of
    # their summed time: a workout has one type and its blocks carry no sport, so one brick workout could not
    # tell a device or a coach which minutes are ridden and which are run, and per-sport volume (run volume,
    # long-run share) would count the run as riding. The periodization engine plans bricks the same way.
    # A brick whose legs are not stated separately ("Brick 90 min") stays one session.
    separator = _BRICK_LEG_SEPARATOR if _BRICK.search(fold(text)) else _SESSION_SEPARATOR
    pieces = separator.split(text)
    joints = [match.group() for match in separator.finditer(text)]  # kept where a piece rejoins its session
    sessions: list[str] = []
    for index, piece in enumerate(p.strip() for p in pieces):
        if not piece:
            continue
        folded = fold(piece)
        own = sport_named(folded) is not None or _OWN_SESSION.search(folded) or REST_WORD.match(folded)
        if sessions and not own:
            joint = joints[index - 1]
            glue = " + " if _SESSION_SEPARATOR.fullmatch(joint) else f"{joint.rstrip()} "  # "Bike 2h, steady"
            sessions[-1] = f"{sessions[-1]}{glue}{piece}"
        else:
            sessions.append(piece)
    return sessions


def _without_rest_alternative(text: str) -> tuple[str, bool]:
    """ "Cross-training or rest" → ("Cross-training", True); text without a rest alternative is unchanged."""
    optional = bool(_OPTIONAL_WORD.search(fold(text)))
    if optional:
        text = _OPTIONAL_WORD.sub("", text, count=1)
    alternatives = [part for part in _ALTERNATIVE.split(text) if part.strip()]
    if len(alternatives) < 2:
        return text, optional
    kept = [part for part in alternatives if not (_is_rest(fold(part).strip()) or REST_WORD.match(fold(part)))]
    if kept and len(kept) < len(alternatives):
        return " or ".join(kept), True
    return text, optional


def parse_session(day: Weekday, text: str, *, optional: bool = False) -> ParsedSession:
    """Read one session's text (never a rest day: see `parse_day`)."""
    return replace(_parse_session(text, optional), day=day)


@lru_cache(maxsize=4096)  # plans repeat their session texts week after week; ParsedSession is frozen
def _parse_session(text: str, optional: bool) -> ParsedSession:
    day: Weekday = "Monday"  # replaced by the caller
    folded = fold(text)
    kind = classify(folded)
    guessed = not kind.named and not _UNITS_ONLY.match(folded)
    blocks = []
    if kind.workout_type in {"run", "bike", "swim"} and kind.workout_sub_type != "brick" and is_structured(folded):
        structure = parse_structure(folded, kind.workout_sub_type)
        blocks, guessed = structure.blocks, guessed or structure.guessed
        if kind.workout_type in _INTENSITY_TARGETS:
            blocks = _steered_by(blocks, _INTENSITY_TARGETS[kind.workout_type])
    quantities = quantities_in(folded)
    durations = [q for q in quantities if q.kind == "duration"]
    distances = [q for q in quantities if q.kind == "distance"]
    guessed = guessed or any(q.ambiguous for q in quantities)
    if blocks:
        duration, distance = block_totals(blocks)
        explicit_duration = explicit_distance = False
    elif kind.workout_sub_type == "brick":
        duration = round(sum(q.value for q in durations)) if durations else None
        distance, explicit_duration, explicit_distance = None, bool(durations), False
    else:
        duration = round(durations[0].value) if durations else None
        distance = distances[0].value if distances else None
        explicit_duration, explicit_distance = bool(durations), bool(distances)
    if distance is None and kind.workout_sub_type == "race":
        distance = race_distance(folded)
    return ParsedSession(
        day=day,
        text=text,
        workout_type=kind.workout_type,
        workout_sub_type=kind.workout_sub_type,
        duration_seconds=duration or None,
        distance_meters=round(distance, 1) if distance else None,
        explicit_duration=explicit_duration,
        explicit_distance=explicit_distance,
        content_blocks=blocks,
        optional=optional,
        confident=not guessed,
    )


def parse_day(day: Weekday, text: str) -> list[ParsedSession]:
    """The sessions of one day's text; [] for a rest day."""
    if _is_rest(fold(text).strip()):
        return []
    sessions: list[ParsedSession] = []
    for piece in split_sessions(text):
        if _is_rest(fold(piece).strip()):
            continue
        session_text, optional = _without_rest_alternative(piece)
        sessions.append(parse_session(day, session_text.strip(), optional=optional))
    return sessions
