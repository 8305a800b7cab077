"""Content blocks of a structured session: warm-up, work steps and repetitions, cool-down.

A session is structured when it names a warm-up or cool-down, or holds a repetition ("6 x 800m"). Its
text is cut into parts at commas, semicolons, "+", "then" (and the same words in German, French and
Spanish) outside parentheses; each part becomes one block. A part that only gives a recovery ("3 min easy")
right after a repetition without one becomes that repetition's recovery. A label that states a length ("Intervals
48 min: …", "Swim 2400 m (45 min) technique: …") states the session's, and its steps follow it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from planforge.domain.plan import ContentBlock
from planforge.offline.parser.distances import find_distances, find_short_m_minutes
from planforge.offline.parser.durations import find_durations
from planforge.offline.parser.intervals import parse_repetition, step
from planforge.offline.parser.quantities import TOTAL_WORD, Quantity, without_overlaps
from planforge.offline.parser.zones import work_zone, zone_named

WARM_UP: Final = re.compile(
    r"warm[\s-]*up|\bwu\b|\bw/u\b|einlaufen|einrollen|aufwarm|echauffement|calentamiento|calentar|riscaldamento|\bea\b|"
    r"(?<!des)aquecimento|\binlopen|rozgrzewk|uppvarmning|opvarmning|oppvarming|rozcvicen|rozklus"
)
COOL_DOWN: Final = re.compile(
    r"cool[\s-]*down|\bcd\b|\bc/d\b|auslaufen|ausrollen|retour au calme|\brac\b|vuelta a la calma|enfriamiento|"
    r"defaticamento|retorno a calma|volta a calma|desaquecimento|\buitlopen|schlodzen|nedvarvning|nedkoling|nedjogg|"
    r"vyklus"
)
_SEPARATORS: Final = re.compile(  # a comma between digits is a decimal ("21,1 km")
    r"(?<!\d),|,(?!\d)|[;+→]|->|\s(?:then|dann|danach|puis|luego|despues|und|and|et|y)\s|\s[-–—]\s|\n"
)
_TOTAL_PART: Final = re.compile(rf"\b{TOTAL_WORD}\b|(?<![=<>!])=\s*+\d")  # "…, total 2400 m", "… = 3000 yd"
_LABEL: Final = re.compile(r"^[^:\d(]{0,40}:\s*")  # "Intervals: …", "Tempo: …"
# A label that states the session's length: "Intervals 48 min: 15 min warm-up, …", "Swim 2400 m (45 min) technique:
# drills, …", "Swim 2000 m — 400 wu, 8 x 100 …". The colon is followed by a space, so a clock ("1:15") is no label;
# a dash stands between spaces.
LENGTH_LABEL: Final = re.compile(r"^(?P<label>[^:,;+\n]{1,80}?)\s*+(?::(?=\s|$)|(?<=\s)[—–-](?=\s))\s*+")
_DEFAULT_WARM_UP: Final = Quantity("duration", 15 * 60, 0, 0)
_DEFAULT_COOL_DOWN: Final = Quantity("duration", 10 * 60, 0, 0)


@dataclass(frozen=True)
class Structure:
    """The blocks of a structured session, and whether a length had to be guessed."""

    blocks: list[ContentBlock]
    guessed: bool


def is_structured(folded: str) -> bool:
    """Whether a session text names a warm-up or cool-down or holds a repetition."""
    return bool(WARM_UP.search(folded) or COOL_DOWN.search(folded) or parse_repetition(folded, "interval-run"))


def split_parts(folded: str) -> list[str]:
    """Cut a session text at its top-level separators (never inside parentheses)."""
    parts: list[str] = []
    start = 0
    for stretch_start, stretch_end in bracket_free(folded):
        for match in _SEPARATORS.finditer(folded, stretch_start, stretch_end):
            parts.append(folded[start : match.start()])
            start = match.end()
    parts.append(folded[start:])
    return [part.strip() for part in parts if part.strip()]


def bracket_free(folded: str) -> list[tuple[int, int]]:
    """The stretches of `folded` outside parentheses and brackets (where a separator may start), in order."""
    stretches: list[tuple[int, int]] = []
    depth, start = 0, 0
    for position, char in enumerate(folded):
        if char in "([":
            if depth <= 0 and position > start:
                stretches.append((start, position))
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth <= 0:
                start = position
    if depth <= 0 and start < len(folded):
        stretches.append((start, len(folded)))
    return stretches


def quantities_in(folded: str) -> list[Quantity]:
    """Durations and distances in a text, in order, the "10m" minutes included."""
    found = sorted(find_durations(folded) + find_distances(folded), key=lambda q: q.start)
    return without_overlaps(found, find_short_m_minutes(folded))


def _recovery_only(part: str) -> Quantity | None:
    quantities = quantities_in(part)
    if len(quantities) == 1 and zone_named(part) in {"z1", "z2"} and not WARM_UP.search(part):
        return quantities[0]
    return None


def _attach_recovery(block: ContentBlock, recovery: Quantity) -> ContentBlock:
    children = [*block.content_blocks, step("recovery-run", recovery, "z1")]
    return block.model_copy(update={"content_blocks": children})


def _part_block(part: str, sub_type: str) -> tuple[ContentBlock | None, bool]:
    """One part's block (None for a part with no length, e.g. "strides"), and whether it was guessed."""
    for pattern, kind, zone, default in (
        (WARM_UP, "warm-up", "z2", _DEFAULT_WARM_UP),
        (COOL_DOWN, "cool-down", "z1", _DEFAULT_COOL_DOWN),
    ):
        if pattern.search(part):
            quantities = quantities_in(part)
            quantity = quantities[0] if quantities else default
            return step(kind, quantity, zone), not quantities or quantity.ambiguous
    if repetition := parse_repetition(part, sub_type):
        return repetition.block, repetition.guessed
    quantities = quantities_in(part)
    if not quantities:
        return None, False
    return step("run", quantities[0], work_zone(part, sub_type)), quantities[0].ambiguous


def labelled_total(folded: str) -> tuple[Quantity, Quantity | None] | None:
    """The session's length stated in its label, and the other measure when the label states both ("Swim 2400 m
    (45 min) technique: …" → 2400 m, 45 min), or None when the text has no such label.

    A label naming a warm-up, a cool-down or a repetition ("Warm-up 15 min: …", "6 x 800 m: …") states a step, not
    the session."""
    label = _length_label(folded)
    return _lengths_of(label["label"]) if label is not None else None


# "Swim – technique, 30 min: 10 x 50 m drills": a label up to its colon may hold commas when its length ends it.
_COLON_LABEL: Final = re.compile(r"^(?P<label>[^:\n]{1,80}?\d[^:\n]{0,12}?)\s*+:(?=\s)\s*+")


def _length_label(folded: str) -> re.Match[str] | None:
    """The label that states the session's length (see `labelled_total`), or None."""
    for pattern in (LENGTH_LABEL, _COLON_LABEL):
        label = pattern.match(folded)
        if label is not None and folded[label.end() :].strip() and _lengths_of(label["label"]) is not None:
            return label
    return None


def _lengths_of(words: str) -> tuple[Quantity, Quantity | None] | None:
    """The session's length a label or lead states, and its other measure if stated too ("2900 m (55 min)")."""
    if WARM_UP.search(words) or COOL_DOWN.search(words) or REPETITION_MARK.search(words):
        return None
    quantities = quantities_in(words)
    if not quantities or quantities[0].ambiguous or len(quantities) > 2:
        return None
    first = quantities[0]
    other = quantities[1] if len(quantities) == 2 else None
    if other is not None and (other.kind == first.kind or other.ambiguous):
        return None
    return first, other


def _without_label(folded: str) -> str:
    """The steps of a session: its text after a label ("Intervals 48 min: …" → "…")."""
    if (label := _length_label(folded)) is not None:
        return folded[label.end() :]
    return _LABEL.sub("", folded, count=1)


def parse_structure(folded: str, sub_type: str) -> Structure:
    """The blocks of a structured session text (folded), in the order written."""
    blocks: list[ContentBlock] = []
    guessed = False
    for part in split_parts(_without_label(folded)):
        if _TOTAL_PART.search(part) and not REPETITION_MARK.search(part):
            continue  # "…, total 2400 m": the session's length, not a step of it
        previous = blocks[-1] if blocks else None
        if previous is not None and previous.type == "interval" and len(previous.content_blocks) == 1:
            recovery = _recovery_only(part)
            if recovery is not None:
                blocks[-1] = _attach_recovery(previous, recovery)
                continue
        block, part_guessed = _part_block(part, sub_type)
        guessed = guessed or part_guessed
        if block is not None:
            blocks.append(block)
    return Structure(blocks, guessed)


# "Swim 3000 m incl. 8 x 200 m", "Rad 90 min mit 5 x 4 min": the length before the inclusion word is the
# session's, the repetitions are part of it.
INCLUDES: Final = re.compile(
    r"\s(?:incl\.?|including|inc\.?|inkl\.?|inklusive|einschlie\w*|with|w/|mit|avec|dont|incluant|con|incluyendo|"
    r"containing|com|met|med|inclusief|incluindo|incluso|compreso|con dentro|z)\s"
)
REPETITION_MARK: Final = re.compile(r"\d\s*+[x×*]\s*+\(?\s*+\d")


# "Ride 50 min with 10 min tempo", "Lauf 60 min mit 15 min zügig": a timed effort included in a session of stated
# length (no repetition), read as steady riding or running around that effort.
_INCLUDED_EFFORT: Final = re.compile(
    r"^(?P<lead>[^,;:\n]{1,60}?)"
    + INCLUDES.pattern
    + r"(?P<effort>\d+(?:[.,]\d+)?\s*+(?:min\w*|['’]|h\b)[^,;\n]{0,40})"
)


def included_effort(folded: str, sub_type: str) -> tuple[Quantity, list[ContentBlock]] | None:
    """The session's length and its blocks when it includes one timed hard effort (see `_INCLUDED_EFFORT`)."""
    match = _INCLUDED_EFFORT.match(folded)
    if match is None or REPETITION_MARK.search(folded):
        return None
    lengths = _lengths_of(_LABEL.sub("", match["lead"], count=1))
    effort = quantities_in(match["effort"])
    zone = zone_named(match["effort"])
    if lengths is None or lengths[0].kind != "duration" or not effort or zone not in {"z3", "z4", "z5", "z6"}:
        return None
    blocks = fitted_to_total([step("run", effort[0], work_zone(match["effort"], sub_type))], lengths[0], 0.0)
    return (lengths[0], blocks) if blocks else None


# A length alone in brackets at a session's end states the session's other measure: "Natation 1400 m : 2 x 500 m
# souple (35 min)", "…, 8 x 50 m un peu + vite (45 min)". It is no step of the session.
_TRAILING_LENGTH: Final = re.compile(
    r"\(\s*+(?:~|≈|ca\.?|approx\.?|about|env\.?|circa)?\s*+(?P<length>\d+(?:[.,]\d+)?(?:\s*+[-–]\s*+\d+(?:[.,]\d+)?)?"
    r"\s*+[a-z'’\"]{0,8})\s*+\)\s*+[.!]?\s*+$"
)


def trailing_length(folded: str) -> tuple[int, Quantity] | None:
    """Where a bracketed length closing a session text starts, and that length (see `_TRAILING_LENGTH`), or None."""
    match = _TRAILING_LENGTH.search(folded, max(0, len(folded) - 48))
    found = quantities_in(match["length"]) if match else []
    return (match.start(), found[0]) if match and len(found) == 1 else None


def stated_lengths(folded: str) -> tuple[Quantity, Quantity | None] | None:
    """The session's own length when it is stated ahead of the repetitions it includes, and its other measure
    when stated too, else None.

    "Long run 2 h with 3 x 10 min @ MP" → 2 h; "Swim 2900 m (55 min) aerobic with 8 x 50 m fast" → 2900 m, 55 min;
    "1h30 SST 3x12'" → 1h30; "15 min warm-up, 6 x 800 m" → None (that is a step).
    """
    repetition = REPETITION_MARK.search(folded)
    if repetition is None:
        return None
    includes = INCLUDES.search(folded, 0, repetition.start())
    # "Fartlek 40 min (6 x 1 min brisk / 2 min easy)": the repetitions in brackets after the session's length
    bracket = folded.rfind("(", 0, repetition.start())
    if includes is not None:
        cut = includes.start()
    elif bracket > 0 and ")" not in folded[bracket : repetition.start()]:
        cut = bracket
    else:
        return _leading_hours(folded, repetition)
    lead = _LABEL.sub("", folded[:cut], count=1)
    if _SEPARATORS.search(lead):
        return None
    return _lengths_of(lead)


_LEADING_HOURS_SECONDS: Final = 30 * 60
"""A session's own time leads its timed repetitions unmarked only when it is long ("1h30 SST 3x12'"): "10 min easy
6 x 1 min" reads as a step before the set."""


def _leading_hours(folded: str, repetition: re.Match[str]) -> tuple[Quantity, Quantity | None] | None:
    """A long time written straight before timed repetitions, with no separator ("1h30 SST 3x12' @ 88-93%",
    "1h30 threshold 2x20'"): the session's own time, the set inside it."""
    lead = _LABEL.sub("", folded[: repetition.start()], count=1)
    if _SEPARATORS.search(lead):
        return None
    lengths = _lengths_of(lead)
    after = quantities_in(folded[repetition.start() : repetition.end() + 16])
    if lengths is None or lengths[0].kind != "duration" or lengths[0].value < _LEADING_HOURS_SECONDS:
        return None
    return lengths if after and after[0].kind == "duration" else None


def block_totals(blocks: list[ContentBlock]) -> tuple[int | None, float | None]:
    """Total seconds and meters of `blocks`, each None unless every block is measured that way."""
    seconds = [block.total_seconds() for block in blocks]
    meters = [block.total_meters() for block in blocks]
    total_seconds = sum(s for s in seconds if s is not None) if blocks and None not in seconds else None
    total_meters = sum(m for m in meters if m is not None) if blocks and None not in meters else None
    return total_seconds, total_meters


def fitted_to_total(blocks: list[ContentBlock], total: Quantity, tolerance: float) -> list[ContentBlock] | None:
    """`blocks` made to add up to a stated `total` (within `tolerance`), or None when they add up to more.

    What the total holds beyond the blocks becomes a steady step first: "Long run 2 h with 3 x 10 min @ MP" is
    90 min steady, then 3 x 10 min; a swim's opening distance that its sets fit inside ("Swim 2000 m — 8x50
    drills + 6x100 pull") is the rest of the sets, not a step of its own. Blocks not all measured the way the
    total is are left as they are.
    """
    if (
        total.kind == "distance"
        and blocks
        and blocks[0].type == "run"
        and blocks[0].block_distance_in_meters == total.value
    ):
        blocks = blocks[1:]  # the opening distance is the total itself
    seconds, meters = block_totals(blocks)
    measured = seconds if total.kind == "duration" else meters
    if measured is None:
        return blocks
    if measured > total.value * (1 + tolerance):
        return None
    if measured >= total.value * (1 - tolerance):
        return blocks
    rest = Quantity(total.kind, total.value - measured, 0, 0)
    return [step("run", rest, "z2"), *blocks]
