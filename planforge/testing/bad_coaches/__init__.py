"""Deliberately bad coaches, and the reference coach, for proving the eval harness (meta-evaluation).

A coach reads a `CoachCase` (the request, the case's expectations and its golden draft converted into a plan)
and writes a draft. The reference coach serves the golden draft. Each bad coach starts from the golden plan,
changes one thing (its `flaw`), and writes the result out in the case's language, as a coach would: sessions it
left alone keep the golden draft's own words. A bad coach returns None for a case its flaw cannot apply to
(no day constraint to ignore, no swim to oversize), so meta-evaluation counts only the cases it should fail.
`render` alone (the `echo` coach) is the control: the golden plan written out again, with no change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from planforge import PlanWorkout
from planforge.domain.vocabulary import Language
from planforge.testing.bad_coaches.flaws import (
    back_to_back_ignored,
    days_ignored,
    every_session_hard,
    flat_plan,
    hours_ignored,
    long_day_ignored,
    long_sessions_too_long,
    no_race,
    no_taper,
    novice_overload,
    oversized_swims,
    principle_ignored,
    race_day_wrong,
    short_long_sessions,
    spike,
    time_caps_ignored,
    training_after_race,
    wrong_sport,
)
from planforge.testing.bad_coaches.writing import CoachCase, Flaw, render, rewritable


@dataclass(frozen=True)
class Coach:
    """A coach for meta-evaluation: its name, the flaw it has (none for the reference) and how it writes."""

    name: str
    flaw: str
    write: Callable[[CoachCase], str | None]

    def draft(self, case: CoachCase) -> str | None:
        """The coach's draft for `case`; None when its flaw does not apply to the case."""
        return self.write(case)


def bad_coach(name: str, flaw: str, change: Flaw, *, language: Callable[[Language], Language] | None = None) -> Coach:
    """A coach that writes the golden plan with `change` applied (None when it changes nothing)."""

    def write(case: CoachCase) -> str | None:
        if not rewritable(case):
            return None
        changed = change(case)
        if changed is None or changed == list(case.golden.content):
            return None
        wanted = case.expect.language
        return render(changed, case.request.weeks, language(wanted) if language else wanted)

    return Coach(name, flaw, write)


def _other_language(language: Language) -> Language:
    return "de" if language == "en" else "en"


def _golden_plan(case: CoachCase) -> list[PlanWorkout]:
    return list(case.golden.content)


REFERENCE_COACH: Final = Coach("reference", "", lambda case: case.expect.golden_draft)
"""Serves the golden draft: the coach every evaluator must pass."""

ECHO_COACH: Final = Coach(
    "echo",
    "",
    lambda case: render(case.golden.content, case.request.weeks, case.expect.language) if rewritable(case) else None,
)
"""The control: the golden plan written out again unchanged, as the bad coaches write theirs."""

BAD_COACHES: Final[tuple[Coach, ...]] = (
    bad_coach("no-race", "leaves the race out", no_race),
    bad_coach("wrong-sport", "trains and races another sport", wrong_sport),
    bad_coach("days-ignored", "trains on the days the athlete ruled out", days_ignored),
    bad_coach("time-caps-ignored", "runs past the athlete's time caps", time_caps_ignored),
    bad_coach("hours-ignored", "plans far more (or fewer) hours than asked", hours_ignored),
    bad_coach("novice-overload", "gives a beginner 14 h of running a week", novice_overload),
    bad_coach("no-taper", "keeps the peak load up to the race", no_taper),
    bad_coach("flat-plan", "repeats week 1 up to the race", flat_plan),
    bad_coach("oversized-swims", "triples every swim and swims it twice a day", oversized_swims),
    bad_coach("wrong-language", "writes in another language", _golden_plan, language=_other_language),
    bad_coach("short-long-sessions", "cuts the long sessions to 40 %", short_long_sessions),
    bad_coach("long-sessions-too-long", "doubles the long sessions", long_sessions_too_long),
    bad_coach("every-session-hard", "makes every session intervals", every_session_hard),
    bad_coach("back-to-back-ignored", "puts a sport on consecutive days", back_to_back_ignored),
    bad_coach("long-day-ignored", "moves the long session off its day", long_day_ignored),
    bad_coach("race-day-wrong", "puts the race on the wrong day", race_day_wrong),
    bad_coach("training-after-race", "schedules training after the race", training_after_race),
    bad_coach("spike", "one run 2.5 times the longest before it", spike),
    bad_coach("principle-ignored", "ignores the stated principle", principle_ignored),
)
"""Every bad coach, each with one flaw."""


__all__ = ["BAD_COACHES", "ECHO_COACH", "REFERENCE_COACH", "Coach", "CoachCase", "bad_coach"]
