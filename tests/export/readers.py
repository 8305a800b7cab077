"""Independent readers for the export tests, and what each should find, computed from the plan itself.

`expected_structure` reads a workout's content_blocks directly (not through `planforge.export.steps`): a leaf is
(kind, unit, length, zone, steered_by); a repeat is ("repeat", count, leaves). The readers turn a file back into
the same shape: FIT through Garmin's own SDK (CRC and message order checked), .zwo through xml.etree, and
intervals.icu text through a small parser written here from the syntax guide.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from garmin_fit_sdk import Decoder, Stream

from planforge.domain.plan import ContentBlock, WorkoutContent
from planforge.export.zwift import BIKE_FTP_FRACTIONS, RUN_PACE_FRACTIONS

Leaf = tuple[str, str | None, float | None, int | None, str | None]
"""(kind, "s" | "m" | None, length, zone 1-6 or None, steered_by or None when there is no zone)."""
Node = Leaf | tuple[str, int, tuple[Leaf, ...]]


def _zone(block: ContentBlock, inherited: str | None = None) -> int | None:
    zone = block.block_pace or inherited
    return None if zone is None else int(zone[1])


def _leaf(block: ContentBlock, inherited: str | None = None) -> Leaf:
    zone = _zone(block, inherited)
    steered = block.block_intensity_target if zone is not None else None
    if block.block_length_target == "distance":
        return (block.type, "m", block.block_distance_in_meters, zone, steered)
    return (block.type, "s", block.block_duration_in_seconds, zone, steered)


def expected_structure(workout: WorkoutContent) -> list[Node]:
    """What every export must carry for `workout`, from its blocks (repeats inside intervals written out)."""
    if not workout.content_blocks:
        if workout.target_duration_in_seconds is not None:
            return [("run", "s", workout.target_duration_in_seconds, None, None)]
        if workout.target_distance_in_meters is not None:
            return [("run", "m", workout.target_distance_in_meters, None, None)]
        return [("run", None, None, None, None)]
    nodes: list[Node] = []
    for block in workout.content_blocks:
        if block.type == "interval":
            parent = block.block_pace
            leaves = tuple(
                _leaf(child, parent if child.type == "run" else None)
                for child in block.content_blocks
                for _ in range(child.block_repeat)
            )
            nodes.append(("repeat", block.block_repeat, leaves))
        elif block.block_repeat > 1:
            nodes.append(("repeat", block.block_repeat, (_leaf(block),)))
        else:
            nodes.append(_leaf(block))
    return nodes


def timeline(nodes: list[Node]) -> list[Leaf]:
    """Every leaf in the order it is done, repeats written out."""
    leaves: list[Leaf] = []
    for node in nodes:
        if node[0] == "repeat":
            count, steps = node[1], node[2]
            assert isinstance(count, int)
            assert isinstance(steps, tuple)
            leaves.extend(steps * count)
        else:
            leaves.append(node)  # a leaf, by its first item
    return leaves


# --- FIT, through garmin-fit-sdk ---------------------------------------------------------------------------


@dataclass
class DecodedFit:
    """A FIT file as Garmin's SDK reads it."""

    message_order: list[int]
    file_id: dict[str, Any]
    workout: dict[str, Any]
    steps: list[dict[str, Any]]


FILE_ID, WORKOUT, WORKOUT_STEP = 0, 26, 27


def decode_fit(content: bytes) -> DecodedFit:
    """Decode with the SDK, failing on a bad header, CRC or any decoding error."""
    assert Decoder(Stream.from_byte_array(bytearray(content))).is_fit()
    assert Decoder(Stream.from_byte_array(bytearray(content))).check_integrity(), "FIT CRC or size check failed"
    order: list[int] = []
    decoder = Decoder(Stream.from_byte_array(bytearray(content)))
    messages, errors = decoder.read(mesg_listener=lambda number, _message: order.append(number))
    assert errors == []
    [file_id] = messages["file_id_mesgs"]
    [workout] = messages["workout_mesgs"]
    return DecodedFit(order, file_id, workout, messages.get("workout_step_mesgs", []))


_FIT_KINDS = {"warmup": "warm-up", "active": "run", "recovery": "recovery-run", "cooldown": "cool-down"}
_FIT_TARGETS = {"speed": ("target_speed_zone", "pace"), "heart_rate": ("target_hr_zone", "heartrate"),
                "power": ("target_power_zone", "power")}  # fmt: skip


def _fit_leaf(step: dict[str, Any]) -> Leaf:
    kind = _FIT_KINDS[step["intensity"]]
    unit, length = {"time": ("s", step.get("duration_time")), "distance": ("m", step.get("duration_distance")),
                    "open": (None, None)}[step["duration_type"]]  # fmt: skip
    if step["target_type"] == "open":
        return (kind, unit, length, None, None)
    field, steered = _FIT_TARGETS[step["target_type"]]
    return (kind, unit, length, step[field], steered)


def fit_structure(decoded: DecodedFit) -> list[Node]:
    """The steps as leaves and repeats: a repeat step takes back the steps from the one it points at."""
    nodes: list[Node] = []
    starts: list[int] = []  # index in `nodes` of each FIT step, to resolve `duration_step`
    for index, step in enumerate(decoded.steps):
        assert step["message_index"] == index
        if step["duration_type"] == "repeat_until_steps_cmplt":
            first = starts[step["duration_step"]]
            leaves = tuple(nodes[first:])
            del nodes[first:]
            nodes.append(("repeat", step["repeat_steps"], leaves))
            starts.append(first)
        else:
            starts.append(len(nodes))
            nodes.append(_fit_leaf(step))
    return nodes


# --- Zwift .zwo, through xml.etree ---------------------------------------------------------------------------

_ZWO_KINDS = {"Warm-up": "warm-up", "Recovery": "recovery-run", "Cool-down": "cool-down"}


def _nearest_zone(power: float, fractions: dict[int, float]) -> int:
    return min(fractions, key=lambda zone: abs(fractions[zone] - power))


@dataclass
class DecodedZwo:
    """A .zwo file's header and its steps, each step a leaf without its steering (Zwift has only one)."""

    name: str
    description: str
    sport: str
    by_distance: bool
    elements: list[ET.Element]
    timeline: list[Leaf]


def decode_zwo(content: bytes) -> DecodedZwo:
    """Parse the XML and read every element back into leaves, in order (IntervalsT written out)."""
    root = ET.fromstring(content)
    assert root.tag == "workout_file"
    sport = root.findtext("sportType") or ""
    by_distance = root.findtext("durationType") == "distance"
    unit = "m" if by_distance else "s"
    fractions = BIKE_FTP_FRACTIONS if sport == "bike" else RUN_PACE_FRACTIONS
    workout = root.find("workout")
    assert workout is not None
    leaves: list[Leaf] = []
    for element in workout:
        if sport == "run":
            assert element.get("pace") == "2", "run steps are fractions of 5K pace"
        if element.tag == "IntervalsT":
            on = ("run", unit, float(element.get("OnDuration", "")),
                  _nearest_zone(float(element.get("OnPower", "")), fractions), None)  # fmt: skip
            off = ("recovery-run", unit, float(element.get("OffDuration", "")),
                   _nearest_zone(float(element.get("OffPower", "")), fractions), None)  # fmt: skip
            leaves.extend([on, off] * int(element.get("Repeat", "")))
            continue
        event = element.find("textevent")
        kind = _ZWO_KINDS.get(event.get("message", "") if event is not None else "", "run")
        length = float(element.get("Duration", ""))
        if element.tag == "FreeRide":
            leaves.append((kind, unit, length, None, None))
        elif element.tag in {"Warmup", "Cooldown"}:
            top = max(float(element.get("PowerLow", "")), float(element.get("PowerHigh", "")))
            leaves.append((kind, unit, length, _nearest_zone(top, fractions), None))
        else:
            assert element.tag == "SteadyState", element.tag
            leaves.append((kind, unit, length, _nearest_zone(float(element.get("Power", "")), fractions), None))
    return DecodedZwo(root.findtext("name") or "", root.findtext("description") or "", sport, by_distance,
                      list(workout), leaves)  # fmt: skip


# --- intervals.icu text, parsed from its published syntax ----------------------------------------------------

_ICU_STEP = re.compile(
    r"^- (?P<cue>.+?) (?P<length>(?:\d+h)?(?:\d+m)?(?:\d+s)?|[\d.]+km|\d+mtr|press lap)"
    r"(?: Z(?P<zone>\d)(?P<steer> Pace| HR)?)?$"
)
_ICU_REPEAT = re.compile(r"^(?:.* )?(?P<count>\d+)x$")
_ICU_KINDS = {"Warm-up": "warm-up", "Recovery": "recovery-run", "Cool-down": "cool-down"}


def _icu_length(text: str) -> tuple[str | None, float | None]:
    if text == "press lap":
        return None, None
    if text.endswith("km"):
        return "m", round(float(text[:-2]) * 1000, 2)
    if text.endswith("mtr"):
        return "m", float(text[:-3])
    parts = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text)
    assert text
    assert parts is not None, text
    hours, minutes, seconds = (int(part or 0) for part in parts.groups())
    return "s", hours * 3600 + minutes * 60 + seconds


def _icu_leaf(line: str) -> Leaf:
    match = _ICU_STEP.match(line)
    assert match is not None, f"not an intervals.icu step: {line!r}"
    unit, length = _icu_length(match["length"])
    zone = int(match["zone"]) if match["zone"] else None
    steered = None if zone is None else {" Pace": "pace", " HR": "heartrate", None: "power"}[match["steer"]]
    return (_ICU_KINDS.get(match["cue"], "run"), unit, length, zone, steered)


def icu_structure(text: str) -> list[Node]:
    """Steps and `Nx` repeat sections (a repeat runs to the next blank line) back into leaves and repeats."""
    nodes: list[Node] = []
    repeat: tuple[int, list[Leaf]] | None = None
    for line in [*text.splitlines(), ""]:
        header = _ICU_REPEAT.match(line)
        if header:
            assert repeat is None, "nested repeats are not intervals.icu syntax"
            repeat = (int(header["count"]), [])
        elif line.startswith("- "):
            (repeat[1] if repeat else nodes).append(_icu_leaf(line))
        elif not line.strip() and repeat is not None:
            nodes.append(("repeat", repeat[0], tuple(repeat[1])))
            repeat = None
        else:
            assert not line.strip(), f"unexpected line {line!r}"
    return nodes
