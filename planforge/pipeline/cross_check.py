"""The cross-check of an LLM's conversion against the deterministic parser's reading of the same weeks.

The parser (planforge.offline.parser) finds the sessions per day and the durations and distances the draft
states. Where the model's workouts clearly disagree — a session dropped or invented, a stated duration or
distance changed — the model is asked to fix it, naming the day and the number. Where the parser had to guess,
a disagreement is only a warning. The check is soft: on the model's last attempt its problems become warnings,
so a parser mistake can never sink a plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from planforge.domain.chunk import PlanChunk, WeekText
from planforge.domain.plan import PlanWarning, Workout
from planforge.domain.vocabulary import WEEKDAYS, Weekday
from planforge.drafttext.context import NO_CONTEXT, PlanContext
from planforge.exceptions import DraftStructureError
from planforge.offline.parser import ParsedSession, ParsedWeek, parse_week
from planforge.pipeline.run import ChunkDeps

TOLERANCE: Final = 0.10
"""A stated duration or distance may be off by this share (rounding, estimated warm-ups)."""

WeekReading = ParsedWeek | DraftStructureError
"""The parser's reading of a week, or why it could not read it."""


def read_weeks(weeks: Sequence[WeekText], context: PlanContext = NO_CONTEXT) -> dict[str, WeekReading]:
    """The parser's reading of each week, by week text: CPU-bound, so the service runs it in its worker pool."""
    readings: dict[str, WeekReading] = {}
    for week in weeks:
        if week.text not in readings:
            try:
                readings[week.text] = parse_week(week, context=context)
            except DraftStructureError as error:
                readings[week.text] = error
    return readings


class ParserCrossCheck:
    """Compares each chunk's workouts with the parser's reading of the chunk's draft text.

    With `allow_gaps` (strict_existing), a session the model left out because no library workout fits is a
    `library_gap` warning, not a problem. `context` holds the whole draft's defaults (`plan_context`), e.g. a
    "distances in miles" note in the draft's header, which no single week's text carries. `readings` are the
    weeks already read (`read_weeks`, off the event loop); a week missing from them is read on first review.
    """

    soft = True

    def __init__(
        self,
        *,
        allow_gaps: bool = False,
        context: PlanContext = NO_CONTEXT,
        readings: Mapping[str, WeekReading] | None = None,
    ) -> None:
        self.allow_gaps = allow_gaps
        self.context = context
        self._parsed: dict[str, WeekReading] = dict(readings or {})

    def _parse(self, week: WeekText) -> WeekReading:
        # Once per week text and plan: retries and re-reviews of a chunk reuse the reading.
        if week.text not in self._parsed:
            self._parsed.update(read_weeks([week], self.context))
        return self._parsed[week.text]

    def review(self, deps: ChunkDeps, output: PlanChunk) -> tuple[list[str], list[PlanWarning]]:
        problems: list[str] = []
        warnings: list[PlanWarning] = []
        for week_text in deps.weeks:
            parsed = self._parse(week_text)
            if isinstance(parsed, DraftStructureError):
                warnings.append(PlanWarning(code="parser_unsure", message=parsed.problem, week=week_text.week))
                continue
            workouts = [w for w in output.workouts if w.week == week_text.week]
            for day in WEEKDAYS:
                expected = [s for s in parsed.sessions if s.day == day]
                got = [w for w in workouts if w.day == day]
                if self.allow_gaps and len(got) < len([s for s in expected if not s.optional]):
                    warnings += [_gap(week_text.week, day, session) for session in expected[len(got) :]]
                    continue
                confident = all(s.confident for s in expected)
                for message in _day_disagreements(week_text.week, day, expected, got):
                    if confident:
                        problems.append(message)
                    else:
                        warnings.append(
                            PlanWarning(code="parser_unsure", message=message, week=week_text.week, day=day)
                        )
        return problems, warnings


def _gap(week: int, day: Weekday, session: ParsedSession) -> PlanWarning:
    message = f"no library workout was found for {session.text!r}; the session is left out"
    return PlanWarning(code="library_gap", message=message, week=week, day=day)


def _day_disagreements(week: int, day: Weekday, expected: Sequence[ParsedSession], got: Sequence[Workout]) -> list[str]:
    where = f"week {week} {day}"
    required = [s for s in expected if not s.optional]
    if not len(required) <= len(got) <= len(expected):
        draft_says = "; ".join(repr(s.text) for s in expected) if expected else "a rest day"
        return [f"{where}: the draft has {draft_says} ({len(expected)} session(s)) but you gave {len(got)} workout(s)"]
    messages: list[str] = []
    for session, workout in _pairs(expected, got):
        messages += _number_disagreements(where, session, workout)
    return messages


def _pairs(expected: Sequence[ParsedSession], got: Sequence[Workout]) -> list[tuple[ParsedSession, Workout]]:
    """Each workout with the draft session it converts: same workout type first, then in order."""
    remaining = list(got)
    pairs: list[tuple[ParsedSession, Workout]] = []
    for session in expected:
        if not remaining:
            break
        match = next((w for w in remaining if w.workout_type == session.workout_type), remaining[0])
        remaining.remove(match)
        pairs.append((session, match))
    return pairs


def _number_disagreements(where: str, session: ParsedSession, workout: Workout) -> list[str]:
    messages: list[str] = []
    if session.explicit_duration and session.duration_seconds:
        seconds = workout.target_duration_in_seconds
        if seconds is None or not _close(seconds, session.duration_seconds):
            messages.append(
                f"{where}: the draft says {session.text!r}, i.e. {session.duration_seconds} s, but"
                f" target_duration_in_seconds is {seconds}"
            )
    if session.explicit_distance and session.distance_meters:
        meters = workout.target_distance_in_meters
        if meters is None or not _close(meters, session.distance_meters):
            messages.append(
                f"{where}: the draft says {session.text!r}, i.e. {session.distance_meters:g} m, but"
                f" target_distance_in_meters is {meters}"
            )
    return messages


def _close(value: float, expected: float) -> bool:
    return abs(value - expected) <= TOLERANCE * expected
