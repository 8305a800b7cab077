"""What the offline coach asks the library and what it reads back: its searches, the catalog built from their
hits, and the library ids a draft names ("Tempo run 40 min [lib:ID]").

The coach sees the library only through the agents' `search_library` tool. It asks once per workout type and
sub-type it may plan, at a few sizes across the sport's range, so that every size the library holds shows up
among the best five; the hits make the `LibraryCatalog` the engine plans with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Final, cast

from planforge.domain.vocabulary import Weekday, WorkoutType
from planforge.drafttext.days import weekday_named
from planforge.offline.engine.library import LibraryCatalog, LibraryEntry, LibraryPreference, entry_minutes
from planforge.offline.engine.text.sessions import LIBRARY_MARK

SEARCHES: Final[dict[WorkoutType, tuple[str, ...]]] = {
    "run": ("easy-run", "recovery-run", "long-run", "tempo-run", "interval-run", "hill-repeats", "fartlek",
            "race-pace-run", "trail-run", "progression-run"),
    "bike": ("endurance-ride", "recovery-ride", "long-ride", "tempo-ride", "interval-ride", "hill-ride", "brick"),
    "swim": ("endurance-swim", "technique-swim", "open-water-swim", "interval-swim"),
    "strength": ("strength-training",),
}  # fmt: skip
"""Per workout type, the sub-types the engine may plan and their same-role neighbours."""

SIZES: Final[dict[str, tuple[int, ...]]] = {
    "easy-run": (30, 60), "long-run": (75, 150), "endurance-ride": (45, 120), "long-ride": (120, 270),
    "endurance-swim": (30, 75),
}  # fmt: skip
"""The sizes (minutes) the sub-types libraries hold in many sizes are asked at: a search shows the best five, so
asking at both ends of the range shows short and long ones alike. Other sub-types are asked once, at no size."""


_CALL_ID: Final = re.compile(r"^offline-library-(?P<type>[a-z-]+)-\d+$")
_DAY_LINE: Final = re.compile(r"^\s*[-*•]?\s*(?P<day>[^:\s][^:]{0,20}):\s*(?P<sessions>.*)$")


def library_searches(sports: Iterable[WorkoutType] | None = None) -> list[tuple[str, dict[str, Any]]]:
    """The coach's searches for the plan's `sports` (all it may plan when None): (tool call id, arguments of
    `search_library`)."""
    calls: list[tuple[str, dict[str, Any]]] = []
    wanted = set(SEARCHES) if sports is None else set(sports)
    for workout_type, sub_types in SEARCHES.items():
        if workout_type not in wanted:
            continue
        for sub_type in sub_types:
            for minutes in SIZES.get(sub_type, (None,)):
                args: dict[str, Any] = {
                    "text": sub_type.replace("-", " "),
                    "workout_type": workout_type,
                    "workout_sub_type": sub_type,
                }
                if minutes is not None:
                    args["duration_minutes"] = minutes
                calls.append((f"offline-library-{workout_type}-{len(calls)}", args))
    return calls


def catalog_from_hits(preference: LibraryPreference, hits: Iterable[tuple[str, object]]) -> LibraryCatalog:
    """The catalog from (tool call id, hits returned) pairs; a hit is a `LibraryHit` or its JSON form."""
    entries: dict[str, LibraryEntry] = {}
    for call_id, returned in hits:
        found = _CALL_ID.match(call_id)
        if found is None or not isinstance(returned, list):
            continue
        workout_type: WorkoutType = found["type"]  # pyright: ignore[reportAssignmentType]
        for hit in cast(list[object], returned):
            fields = _fields(hit)
            library_id = fields.get("id")
            if not isinstance(library_id, str) or library_id in entries:
                continue
            minutes, km = _number(fields.get("duration_minutes")), _number(fields.get("distance_km"))
            entries[library_id] = LibraryEntry(
                library_id=library_id,
                workout_type=workout_type,
                workout_sub_type=str(fields.get("workout_sub_type", "")),
                minutes=entry_minutes(workout_type, minutes, km),
                meters=km * 1000 if km else None,
            )
    return LibraryCatalog(preference, tuple(sorted(entries.values(), key=lambda e: e.library_id)))


def _fields(hit: object) -> Mapping[str, object]:
    dump = getattr(hit, "model_dump", None)
    if callable(dump):
        dumped = dump()
        return dumped if isinstance(dumped, dict) else {}  # pyright: ignore[reportUnknownVariableType]
    return hit if isinstance(hit, dict) else {}  # pyright: ignore[reportUnknownVariableType]


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and value > 0 else None


def marked_library_ids(body: str) -> tuple[str, dict[Weekday, list[str | None]]]:
    """A week's text without its library marks, and per day the library id of each " + "-joined session (None
    for a session without one). Days whose line names no weekday keep no ids."""
    ids: dict[Weekday, list[str | None]] = {}
    lines: list[str] = []
    for line in body.splitlines():
        if "[lib:" not in line:
            lines.append(line)
            continue
        found = _DAY_LINE.match(line)
        day = weekday_named(found["day"]) if found else None
        if found is not None and day is not None:
            segments = found["sessions"].split(" + ")
            ids[day] = [(mark[1] if (mark := LIBRARY_MARK.search(segment)) else None) for segment in segments]
        lines.append(LIBRARY_MARK.sub("", line))
    return "\n".join(lines), ids
