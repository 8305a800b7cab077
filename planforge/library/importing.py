"""Reading library workouts from a JSON list or a CSV file, with a per-line report of the rows rejected.

Both formats use the `LibraryWorkout` field names. In CSV, `content_blocks` is a JSON string and `tags`
are separated by commas or semicolons; empty cells are left out. A problem with the file as a whole (not
readable, not a JSON list, broken JSON, an unknown or missing CSV column) raises `InvalidRequestError`;
a problem with one row rejects that row only. File-level errors name the file as their `field`.

Types and sub-types may be written as other platforms export them ("Ride", "Strength", "Easy", "Swim Drills"):
they are mapped to the vocabulary and the original kept as a tag (see `planforge.library.aliases`); a name
with no mapping rejects its row, naming the closest accepted value.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, cast

from pydantic import ValidationError

from planforge.domain.vocabulary import SUB_TYPES_BY_TYPE, WORKOUT_TYPES
from planforge.exceptions import InvalidRequestError
from planforge.library.aliases import closest, sub_type_named, workout_type_named
from planforge.library.models import LibraryWorkout
from planforge.library.store import EditableWorkoutLibrary

COLUMNS = tuple(LibraryWorkout.model_fields)
"""The CSV columns (and JSON keys), in the order `list --json` prints them."""
REQUIRED_COLUMNS = tuple(name for name, info in LibraryWorkout.model_fields.items() if info.is_required())


@dataclass(frozen=True)
class RejectedRow:
    """A row of the file that was not imported, and why."""

    line: int
    """1-based line of the file where the row starts."""
    problems: tuple[tuple[str | None, str], ...]
    """(field, problem) pairs; field is None when the problem is the row as a whole."""

    def __str__(self) -> str:
        reasons = "; ".join(f"{field}: {problem}" if field else problem for field, problem in self.problems)
        return f"line {self.line}: {reasons}"


@dataclass(frozen=True)
class ParsedRow:
    """A valid workout and the line it starts on."""

    line: int
    workout: LibraryWorkout


@dataclass(frozen=True)
class ParsedFile:
    """The valid workouts of a file (duplicate ids within it already rejected) and the rejected rows."""

    rows: list[ParsedRow]
    rejected: list[RejectedRow]


@dataclass(frozen=True)
class ImportReport:
    """What an import did: the workouts added and the rows rejected, in file order."""

    imported: list[LibraryWorkout]
    rejected: list[RejectedRow]

    def summary(self) -> str:
        """One line, e.g. "imported 12 workouts, 2 rows rejected"."""
        workouts = "workout" if len(self.imported) == 1 else "workouts"
        rows = "row" if len(self.rejected) == 1 else "rows"
        return f"imported {len(self.imported)} {workouts}, {len(self.rejected)} {rows} rejected"


def read_library_file(path: Path) -> ParsedFile:
    """Parse `path` as JSON (a `.json` file, or one starting with `[`) or else as CSV."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise InvalidRequestError(f"cannot read the file: {reason}", field=str(path)) from error
    is_json = path.suffix.lower() == ".json" or (path.suffix.lower() != ".csv" and text.lstrip().startswith("["))
    try:
        items = _json_items(text) if is_json else _csv_items(text)
    except InvalidRequestError as error:
        raise InvalidRequestError(error.problem, field=str(path)) from None
    return _validate(items)


IMPORT_ATTEMPTS = 3
"""How often an import re-reads the library when a concurrent import added one of its ids first."""


async def import_workouts(library: EditableWorkoutLibrary, org_id: str, parsed: ParsedFile) -> ImportReport:
    """Add the parsed workouts whose ids are new to the org's library, in one all-or-nothing write.

    Another import into the same org (another process or replica) may add some of the same ids between the
    read and the write; the store then refuses the whole write, and the import starts over against the library
    as it now is, so the two imports end in one consistent library with each id once.
    """
    attempt = 1
    while True:
        existing = {workout.id for workout in await library.list(org_id)}
        workouts, rejected = _new_workouts(parsed, org_id, existing)
        try:
            await library.add_many(org_id, workouts)
        except InvalidRequestError as error:
            if error.field != "id" or attempt == IMPORT_ATTEMPTS:
                raise
            attempt += 1  # a concurrent import added one of these ids: read the library again
            continue
        return ImportReport(workouts, sorted(rejected, key=lambda row: row.line))


def _new_workouts(
    parsed: ParsedFile, org_id: str, existing: set[str]
) -> tuple[list[LibraryWorkout], list[RejectedRow]]:
    """The parsed workouts whose ids are not in `existing`, and every row rejected (the file's and those)."""
    rejected = list(parsed.rejected)
    workouts: list[LibraryWorkout] = []
    for row in parsed.rows:
        if row.workout.id in existing:
            problem = f"{row.workout.id!r} is already in the library of org {org_id!r}"
            rejected.append(RejectedRow(row.line, (("id", problem),)))
        else:
            workouts.append(row.workout)
    return workouts, rejected


def _validate(items: Iterator[tuple[int, object]]) -> ParsedFile:
    rows: list[ParsedRow] = []
    rejected: list[RejectedRow] = []
    first_line_of_id: dict[str, int] = {}
    for line, item in items:
        if isinstance(item, RejectedRow):
            rejected.append(item)
            continue
        if not isinstance(item, dict):
            rejected.append(RejectedRow(line, ((None, f"expected an object, got {type(item).__name__}"),)))
            continue
        named, problems = _vocabulary_names(cast(dict[str, object], item))
        if problems:
            rejected.append(RejectedRow(line, problems))
            continue
        try:
            workout = LibraryWorkout.model_validate(named)
        except ValidationError as error:
            rejected.append(RejectedRow(line, _problems(error)))
            continue
        if workout.id in first_line_of_id:
            problem = f"{workout.id!r} repeats the id of line {first_line_of_id[workout.id]}"
            rejected.append(RejectedRow(line, (("id", problem),)))
            continue
        first_line_of_id[workout.id] = line
        rows.append(ParsedRow(line, workout))
    return ParsedFile(rows, rejected)


_SUB_TYPES: Final = frozenset(sub_type for sub_types in SUB_TYPES_BY_TYPE.values() for sub_type in sub_types)


def _vocabulary_names(item: dict[str, object]) -> tuple[dict[str, object], tuple[tuple[str | None, str], ...]]:
    """`item` with its type and sub-type in the vocabulary and the names it had among its tags, or the problem
    with a name that maps to nothing. A sub-type of the vocabulary stays as written, whatever its type (the
    model then says whether they fit)."""
    written_type, written_sub_type = item.get("workout_type"), item.get("workout_sub_type")
    if not isinstance(written_type, str):
        return item, ()
    workout_type = workout_type_named(written_type)
    if workout_type is None:
        return item, (("workout_type", _unknown(written_type, "workout type", WORKOUT_TYPES)),)
    sub_type = written_sub_type
    if isinstance(written_sub_type, str) and written_sub_type not in _SUB_TYPES:
        sub_type = sub_type_named(written_sub_type, workout_type)
        if sub_type is None:
            allowed = SUB_TYPES_BY_TYPE[workout_type]
            return item, (("workout_sub_type", _unknown(written_sub_type, f"{workout_type} sub-type", allowed)),)
    tags = item.get("tags", [])
    originals = [
        written.strip()
        for written, named in ((written_type, workout_type), (written_sub_type, sub_type))
        if isinstance(written, str) and written.strip().casefold() != named
    ]
    written_tags = cast(list[object], tags) if isinstance(tags, list) else None
    if written_tags is not None and originals and all(isinstance(tag, str) for tag in written_tags):
        tags = list(dict.fromkeys([*cast(list[str], written_tags), *originals]))
    return {**item, "workout_type": workout_type, "workout_sub_type": sub_type, "tags": tags}, ()


def _unknown(written: str, what: str, accepted: tuple[str, ...]) -> str:
    return (
        f"{written!r} is no {what} planforge knows; the closest accepted value is {closest(written, accepted)!r}"
        f" (accepted: {', '.join(accepted)})"
    )


def _problems(error: ValidationError) -> tuple[tuple[str | None, str], ...]:
    return tuple(
        (".".join(str(part) for part in detail["loc"]) or None, detail["msg"].removeprefix("Value error, "))
        for detail in error.errors(include_url=False)
    )


def _json_items(text: str) -> Iterator[tuple[int, object]]:
    """Each element of the top-level JSON list, with the line it starts on."""
    decoder = json.JSONDecoder()
    position = _skip_space(text, 0)
    if not text.startswith("[", position):
        raise InvalidRequestError("a JSON library file must hold a list of workouts")
    position = _skip_space(text, position + 1)
    if text.startswith("]", position):
        return _finish(text, position + 1, [])
    items: list[tuple[int, object]] = []
    while True:
        line = text.count("\n", 0, position) + 1
        try:
            item, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise InvalidRequestError(f"line {error.lineno}: not valid JSON: {error.msg}") from error
        items.append((line, item))
        position = _skip_space(text, position)
        if text.startswith(",", position):
            position = _skip_space(text, position + 1)
        elif text.startswith("]", position):
            return _finish(text, position + 1, items)
        else:
            line = text.count("\n", 0, position) + 1
            raise InvalidRequestError(f"line {line}: not valid JSON: expected ',' or ']'")


def _finish(text: str, position: int, items: list[tuple[int, object]]) -> Iterator[tuple[int, object]]:
    if text[position:].strip():
        line = text.count("\n", 0, position) + 1
        raise InvalidRequestError(f"line {line}: unexpected text after the JSON list")
    return iter(items)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _csv_items(text: str) -> Iterator[tuple[int, object]]:
    """Each CSV record after the header as a dict of its non-empty cells (or a RejectedRow), with its line."""
    reader = csv.reader(io.StringIO(text, newline=""))
    no_header: list[str] = []
    header = [name.strip() for name in next(reader, no_header)]
    _check_header(header)
    end_of_previous = reader.line_num
    items: list[tuple[int, object]] = []
    for cells in reader:
        line, end_of_previous = end_of_previous + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # blank line
        if len(cells) != len(header):
            problem = f"expected {len(header)} cells like the header, got {len(cells)}"
            items.append((line, RejectedRow(line, ((None, problem),))))
            continue
        items.append((line, _csv_record(line, header, cells)))
    return iter(items)


def _check_header(header: Sequence[str]) -> None:
    if not header:
        raise InvalidRequestError(f"the CSV file is empty; expected a header row: {','.join(COLUMNS)}")
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise InvalidRequestError(f"unknown CSV column {unknown[0]!r}; columns: {', '.join(COLUMNS)}")
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise InvalidRequestError(f"the CSV header lacks the column {missing[0]!r}")
    repeated = [name for name in header if header.count(name) > 1]
    if repeated:
        raise InvalidRequestError(f"the CSV column {repeated[0]!r} appears twice")


def _csv_record(line: int, header: Sequence[str], cells: Sequence[str]) -> dict[str, object] | RejectedRow:
    record: dict[str, object] = {}
    for name, raw in zip(header, cells, strict=True):
        cell = raw.strip()
        if not cell:
            continue
        if name == "content_blocks":
            try:
                record[name] = json.loads(cell)
            except json.JSONDecodeError as error:
                return RejectedRow(line, (("content_blocks", f"not valid JSON: {error.msg}"),))
        elif name == "tags":
            record[name] = re.split(r"[,;]", cell)
        else:
            record[name] = cell
    return record
