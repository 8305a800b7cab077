"""One day's text → its sessions: type, sub-type, duration, distance, blocks, optional, confident.

A day's text may hold several sessions ("Easy run 40 min + Strength 20 min", "Swim 2 km, PM: run 30 min"):
`planforge.offline.parser.splitting` cuts it. A rest word with nothing that names a session after it ("rest
again", "OFF, hydrate!!") is a rest day. An alternative with rest ("Cross-training or rest", "Repos ou footing
30 min") is one optional session. A length stated ahead of the repetitions it includes ("Swim 3000 m incl.
8 x 200 m") is the session's length; strides add nothing to a session's structure or length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from typing import Final

from planforge.agents.checks import BLOCK_TOLERANCE
from planforge.domain.plan import ContentBlock
from planforge.domain.vocabulary import IntensityTarget, Weekday, WorkoutType
from planforge.drafttext.context import NO_CONTEXT, PlanContext
from planforge.drafttext.days import fold
from planforge.offline.parser.abbreviations import expand_abbreviations, with_default_unit, with_minutes_by_size
from planforge.offline.parser.addons import without_strides
from planforge.offline.parser.classify import REST_WORD, classify, sport_named
from planforge.offline.parser.clock import without_clock_times
from planforge.offline.parser.distances import race_distance
from planforge.offline.parser.foreign_words import in_english
from planforge.offline.parser.parsed import ParsedSession
from planforge.offline.parser.quantities import Quantity
from planforge.offline.parser.races import is_race_day, race_day_sessions
from planforge.offline.parser.rest_days import is_rest_day, without_later_race
from planforge.offline.parser.run_walk import run_walk_blocks
from planforge.offline.parser.splitting import split_sessions
from planforge.offline.parser.spoken import in_digits
from planforge.offline.parser.structure import (
    INCLUDES,
    REPETITION_MARK,
    block_totals,
    fitted_to_total,
    included_effort,
    is_structured,
    labelled_total,
    parse_structure,
    quantities_in,
    stated_lengths,
    trailing_length,
)
from planforge.offline.parser.totals import (
    bare_swim_total,
    closing_swim_distance,
    marked_total,
    opening_swim_distance,
    planned_lengths,
    without_planned,
)
from planforge.offline.parser.typos import with_typos_read
from planforge.offline.parser.written import as_metres, count_first, sizes

_INTENSITY_TARGETS: Final[dict[WorkoutType, IntensityTarget]] = {"bike": "power"}
"""Structured rides are steered by power (as the engine plans them); everything else by pace."""
_ALTERNATIVE: Final = re.compile(r"(?<!\s)\s++(?:or|oder|ou|o|lub|albo|eller|nebo)\s++|(?<!\s)\s*+/\s*+(?=[a-z])", re.I)
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


_LONG_RIDE_SECONDS: Final = 3 * 3600
"""A ride at endurance pace ("4h endurance Z2") of three hours or more is a long ride."""
_STEADY: Final = re.compile(r"endurance|\bz2\b|steady|grundlage|ausdauer|fondamental|resistencia|fondo|duurrit")


def _without_rest_alternative(text: str) -> tuple[str, bool]:
    """ "Cross-training or rest" → ("Cross-training", True); text without a rest alternative is unchanged."""
    optional = bool(_OPTIONAL_WORD.search(fold(text)))
    if optional:
        text = _OPTIONAL_WORD.sub("", text, count=1)
    alternatives = [part for part in _ALTERNATIVE.split(text) if part.strip()]
    if len(alternatives) < 2:
        return text, optional
    kept = [part for part in alternatives if not (is_rest_day(fold(part).strip()) or REST_WORD.match(fold(part)))]
    if kept and len(kept) < len(alternatives):
        return " or ".join(kept), True
    return text, optional


def _timed_repetition(folded: str, quantities: list[Quantity]) -> int | None:
    """Where a repetition of a length starts ("8 x 1 min", not "squats 3 x 10"), or None."""
    starts = sorted(q.start for q in quantities)
    for repetition in REPETITION_MARK.finditer(folded):
        after = bisect.bisect_right(starts, repetition.start())
        if after < len(starts) and starts[after] < repetition.end() + 2:
            return repetition.start()
    return None


def parse_session(
    day: Weekday, text: str, *, optional: bool = False, context: PlanContext = NO_CONTEXT
) -> ParsedSession:
    """Read one session's text (never a rest day: see `parse_day`) with the plan's defaults."""
    return replace(_parse_session(text, optional, context), day=day)


_CACHED_CHARS: Final = 2_000
"""Session texts up to this long are cached (plans repeat them week after week); longer ones are not kept."""


def _parse_session(text: str, optional: bool, context: PlanContext) -> ParsedSession:
    if len(text) <= _CACHED_CHARS:
        return _parse_session_cached(text, optional, context)
    return _read_session(text, optional, context)


@lru_cache(maxsize=4096)  # ParsedSession is frozen
def _parse_session_cached(text: str, optional: bool, context: PlanContext) -> ParsedSession:
    return _read_session(text, optional, context)


def _footnoted_sport(folded: str, context: PlanContext) -> WorkoutType | None:
    """The sport a footnote gives the word a session names, when the session names none itself ("Riders Choice
    60 min" over "1 Riders Choice: any bike you like")."""
    if not context.footnotes or sport_named(folded, by_default=False) is not None:
        return None
    for term, definition in context.footnotes:
        if term in folded and (sport := sport_named(definition, by_default=False)) is not None:
            return sport
    return None


def _with_other_measure(
    duration: int | None, distance: float | None, stated: Quantity
) -> tuple[int | None, float | None]:
    """The session's duration and distance with a measure stated apart filled in where the text gave none."""
    if stated.kind == "duration":
        return (duration if duration is not None else round(stated.value)), distance
    return duration, (distance if distance is not None else stated.value)


def _read_session(text: str, optional: bool, context: PlanContext) -> ParsedSession:
    day: Weekday = "Monday"  # replaced by the caller
    # strides add nothing to structure or length
    folded = count_first(without_strides(with_typos_read(fold(expand_abbreviations(text)))))
    folded = with_default_unit(folded, context.default_unit)
    folded, minutes_guessed = (folded, False) if context.default_unit else with_minutes_by_size(folded)
    kind = classify(folded, default_sport=_footnoted_sport(folded, context) or context.default_sport)
    guessed = minutes_guessed or (not kind.named and not _UNITS_ONLY.match(folded))
    blocks = []
    tail = trailing_length(folded)  # "… (45 min)": the session's other measure, no step
    run_walk = run_walk_blocks(folded) if kind.workout_type == "run" else None
    if run_walk is not None:  # "Run/walk 25 min: 8 x (60 s run, 90 s walk)"
        blocks = run_walk[0]
    elif kind.workout_type in {"run", "bike", "swim"} and kind.workout_sub_type != "brick" and is_structured(folded):
        steps = without_planned(folded[: tail[0]] if tail else folded)
        structure = parse_structure(steps, kind.workout_sub_type)
        blocks, guessed = structure.blocks, guessed or structure.guessed
        if kind.workout_type in _INTENSITY_TARGETS:
            blocks = _steered_by(blocks, _INTENSITY_TARGETS[kind.workout_type])
    quantities = sizes(folded, quantities_in(folded))
    if kind.workout_type == "swim":  # "4 x 25 m drills": a pool length, never 25 minutes
        quantities = [as_metres(folded, q) for q in quantities]
    durations = [q for q in quantities if q.kind == "duration"]
    distances = [q for q in quantities if q.kind == "distance"]
    guessed = guessed or any(q.ambiguous for q in quantities)
    # "Intervals 48 min: 15 min warm-up, …", "Swim 2900 m (55 min) aerobic with 8 x 50 m fast"
    planned = planned_lengths(folded)  # an export's "Planned: 1:05:00 · 12.00 km" states both, whatever follows
    label = planned or ((labelled_total(folded) or stated_lengths(folded)) if blocks else None)
    if run_walk is not None and run_walk[1] is not None:
        label = (run_walk[1], None)
    if (
        not blocks
        and kind.workout_type in {"run", "bike"}
        and (effort := included_effort(folded, kind.workout_sub_type))
    ):
        label, blocks = (effort[0], None), effort[1]  # "Ride 50 min with 10 min tempo": 40 min steady, 10 at tempo
    if label is not None:
        total = label[0] if planned else marked_total(folded) or label[0]
    elif kind.workout_type == "swim" and (opening := opening_swim_distance(blocks)) is not None:
        total = Quantity("distance", opening, 0, 0)
    else:
        total = marked_total(folded)
    if total is None and kind.workout_type == "swim":
        total = bare_swim_total(folded)
        closing = closing_swim_distance(blocks) if total is None else None
        if closing is not None:  # "Sprint: 16 x 25 @ :40, 4 x 50 dive starts, 2,200 yds": the sets' sum
            blocks, total = blocks[:-1], Quantity("distance", closing, 0, 0)
    if total is not None and blocks:  # blocks add up to the session's length, as the plan checks demand
        fitted = fitted_to_total(blocks, total, BLOCK_TOLERANCE)
        if fitted is None and (planned or marked_total(folded) is not None):
            fitted = []  # the export's sizes or a length marked "total" stand; steps that do not fit are dropped
        blocks, total = (fitted, total) if fitted is not None else (blocks, None)
    if total is not None:
        duration, distance = (round(total.value), None) if total.kind == "duration" else (None, total.value)
        explicit_duration, explicit_distance = total.kind == "duration", total.kind == "distance"
    elif blocks:
        duration, distance = block_totals(blocks)
        explicit_duration = explicit_distance = False
    elif kind.workout_sub_type == "brick":  # "Brick 60 min bike + 20 min run"; not "Bike 60 min with 15 min …"
        includes = INCLUDES.search(folded)
        durations = [q for q in durations if includes is None or q.end <= includes.start()] or durations[:1]
        duration = round(sum(q.value for q in durations)) if durations else None
        # "brick – bike 30 km": a ride given by its distance only
        distance = distances[0].value if distances and not durations else None
        explicit_duration, explicit_distance = bool(durations), distance is not None
    else:
        if not blocks and (timed := _timed_repetition(folded, quantities)) is not None:
            durations = [q for q in durations if q.end <= timed]  # "SkiErg: 8 x 1 min / 1 min easy": the lengths
            distances = [q for q in distances if q.end <= timed]  # of steps, not of the session
        duration = round(durations[0].value) if durations else None
        distance = distances[0].value if distances else None
        explicit_duration, explicit_distance = bool(durations), bool(distances)
    if label is not None and label[1] is not None and total is not None and label[1].kind != total.kind:
        other = label[1]  # "Swim 2400 m (45 min) technique: …" states both
        duration, distance = (round(other.value), distance) if other.kind == "duration" else (duration, other.value)
    if tail is not None and blocks:
        duration, distance = _with_other_measure(duration, distance, tail[1])
    if distance is None and kind.workout_sub_type == "race":
        distance = race_distance(folded)
    if kind.workout_sub_type == "endurance-ride" and (duration or 0) >= _LONG_RIDE_SECONDS and _STEADY.search(folded):
        kind = replace(kind, workout_sub_type="long-ride")
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


_SPACES: Final = re.compile(r"[^\S\n]{2,}")
"""A run of spaces or tabs inside a day's text reads as one space (a line's indent as well)."""
# "1,500 m", "2,000 yds": a comma before three digits groups thousands ("1,5 km" and "1,500 km" are decimals).
_THOUSANDS: Final = re.compile(r"(?<![\d.,])(\d{1,3}),(\d{3})(?![\d.,])(?!\s*(?:km|k|mi|miles?)\b)")
# "D+ 1.300 m": a dot before three digits of metres groups thousands too (nobody writes metres to the millimetre).
_LIBRARY_MARK: Final = re.compile(r"\[lib:[^\]\n]{0,200}+\]")  # starts at its "[": a run of spaces is crossed once
# "2½ time", "1¾ h": a fraction sign after the whole number (or alone) is its decimal part.
_FRACTIONS: Final = {"½": ".5", "¼": ".25", "¾": ".75"}
_FRACTION: Final = re.compile(r"(?<!\d)(?P<whole>\d*+)(?P<fraction>[½¼¾])")  # a run of digits is tried once
# "10 000 m": a space before three digits of metres groups thousands too (two or three digits before it: "2 400 m"
# may be a count and its reps).
_THOUSANDS_SPACE: Final = re.compile(r"(?<![\d.,])(\d{2,3})[ \u00a0\u202f](\d{3})(?=\s*+(?:m|metres?|meters?)\b)")
_THOUSANDS_DOT: Final = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{3})(?=\s*+m\b)")


# A calendar's note item ("Note · Travel to Lisbon (flight 07:10)", "Reminder: book the pool") is no session, unless
# it names a sport of its own.
_NOTE_ITEM: Final = re.compile(r"^\W*(?:notes?|reminder|comment|remarque|hinweis|notiz|nota|n\.?b\.?)\s*[:·\-–—]")


def _is_note(folded: str) -> bool:
    return bool(_NOTE_ITEM.match(folded)) and sport_named(folded, by_default=False) is None


def _said_plainly(text: str) -> str:
    """A day's text with Finnish and Japanese words in English, clock times read as start times ("6am easy 10 km":
    when, not how long), numbers in words in digits, and no sentence on a race after the plan."""
    return without_later_race(in_digits(without_clock_times(in_english(text))))


@lru_cache(maxsize=4096)  # plans repeat their days' texts week after week
def _said_plainly_cached(text: str) -> str:
    return _said_plainly(text)


def parse_day(day: Weekday, text: str, *, context: PlanContext = NO_CONTEXT) -> list[ParsedSession]:
    """The sessions of one day's text, read with the plan's defaults; [] for a rest day or a note."""
    text = _LIBRARY_MARK.sub("", text)  # "Hill Repeats 40 min [lib:lib-hills-8x60]": an id, no lengths
    text = _THOUSANDS_DOT.sub(r"\1\2", _THOUSANDS.sub(r"\1\2", _SPACES.sub(" ", text)))
    text = _THOUSANDS_SPACE.sub(r"\1\2", text)
    text = _FRACTION.sub(lambda match: f"{match['whole'] or '0'}{_FRACTIONS[match['fraction']]}", text)
    text = _said_plainly_cached(text) if len(text) <= _CACHED_CHARS else _said_plainly(text)
    if is_rest_day(fold(text).strip()) or _is_note(fold(text)):
        return []
    if is_race_day(fold(text)):  # a race's advice names no session of its own: only "+" starts another
        return [session for piece in _RACE_LEGS.split(text) for session in _race_or_sessions(day, piece, context)]
    return _sessions(day, text, context)


_RACE_LEGS: Final = re.compile(r"\s\+\s")


def _race_or_sessions(day: Weekday, text: str, context: PlanContext) -> list[ParsedSession]:
    races = race_day_sessions(text, context=context)
    if races is None:
        return _sessions(day, text, context)
    return [replace(race, day=day) for race in races]


def _sessions(day: Weekday, text: str, context: PlanContext) -> list[ParsedSession]:
    sessions: list[ParsedSession] = []
    for piece in split_sessions(text):
        if is_rest_day(fold(piece).strip()):
            continue
        session_text, optional = _without_rest_alternative(piece)
        sessions.append(parse_session(day, session_text.strip(), optional=optional, context=context))
    return sessions
