"""The words around the sessions in the draft's language: title, overview, phases and week focus.

The overview says what the plan is and how it keeps what the athlete asked (days, caps, hours, cautions), what it
could not keep and why, and which parts of the request it could not use, in the athlete's own words. Each week's
focus starts with its phase name, which the draft parser reads back as the week's phase.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from planforge.domain.draft import DraftPhase
from planforge.domain.vocabulary import Phase, Weekday, WorkoutType
from planforge.drafttext import render
from planforge.offline.engine.paces import Paces, format_pace
from planforge.offline.engine.periodization import WeekTarget
from planforge.offline.engine.profile import Profile
from planforge.offline.engine.text.lexicon import Lexicon
from planforge.offline.engine.text.notes import NOTES

OVERVIEW_MAX_CHARS: Final = 1_500
_QUOTE_MAX_CHARS: Final = 90


_LOWER_CASE_DAYS = frozenset({"fr", "es", "it", "pt", "nl"})
"""Languages that write weekday names in lower case inside a sentence ("op zondag", "le dimanche")."""


def day_name(day: Weekday, lexicon: Lexicon) -> str:
    """The weekday as a sentence writes it (the day lines' own names are `planforge.drafttext.render`'s)."""
    name = render.day_name(day, lexicon.language)
    return name.lower() if lexicon.language in _LOWER_CASE_DAYS else name


def list_phrase(items: list[str], lexicon: Lexicon) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {lexicon.conjunction} {items[-1]}"


def goal_key(profile: Profile) -> str:
    """The goal's key in the lexicon: the race's distance, else the plan's sport or "fitness"."""
    requirement = profile.requirements.race
    if requirement is not None and profile.race is not None:
        return requirement.distance
    return profile.family if profile.family in {"run", "bike", "swim"} else "fitness"


def title(profile: Profile, lexicon: Lexicon) -> str:
    """`12-Week Intermediate Half Marathon Training Plan`, in the draft's language."""
    goal = lexicon.goals.get(goal_key(profile), lexicon.goals["fitness"])
    level = lexicon.levels[profile.level]
    level = level.title() if lexicon.language == "en" else level
    return lexicon.sentences.title.format(weeks=profile.weeks, level=level, goal=goal)[:150]


def phase_entries(
    targets: list[WeekTarget], lexicon: Lexicon, quality_phases: frozenset[Phase] | None = None
) -> list[DraftPhase]:
    """One DraftPhase per run of consecutive weeks sharing a phase; a build, peak or taper phase without hard
    sessions (not in `quality_phases`, when given) is described as the easy phase it is."""
    phases: list[DraftPhase] = []
    for target in targets:
        if phases and phases[-1].phase == target.phase:
            phases[-1] = phases[-1].model_copy(update={"end_week": target.week})
            continue
        phases.append(
            DraftPhase(
                phase=target.phase,
                name=lexicon.phase_names[target.phase],
                start_week=target.week,
                end_week=target.week,
                description=_phase_description(target.phase, lexicon, quality_phases),
            )
        )
    return phases


def _phase_description(phase: Phase, lexicon: Lexicon, quality_phases: frozenset[Phase] | None) -> str:
    easy = NOTES[lexicon.language].phase_easy
    if quality_phases is not None and phase in easy and phase not in quality_phases:
        return easy[phase]
    return lexicon.phase_descriptions[phase]


def week_focus(target: WeekTarget, racing: bool, lexicon: Lexicon, *, lighter: bool = True,
               easy: bool = False) -> str:  # fmt: skip
    """The week's focus, its phase's name first: "Build: step-back week". A step-back week that is not `lighter`
    than the week before is not called one; a week of an `easy` phase (no hard sessions) claims no quality."""
    phase = lexicon.phase_names[target.phase]
    easy_focus = NOTES[lexicon.language].focus_easy
    if target.kind in {"tune-up", "race", "after-race"} or (target.kind == "step-back" and lighter):
        detail = lexicon.focus[target.kind]
    elif not racing:
        detail = lexicon.focus["fitness"] if target.phase != "base" else ""
    elif easy and target.phase in easy_focus:
        detail = easy_focus[target.phase]
    else:
        detail = lexicon.focus[target.phase] if target.phase != "base" else ""
    if not detail or detail.lower().startswith(phase.lower()):
        return detail or phase
    return f"{phase}: {detail[0].lower()}{detail[1:]}" if lexicon.language != "de" else f"{phase}: {detail}"


def clock(minutes: float) -> str:
    """`1h30` for 90 minutes, `45 min` under an hour."""
    minutes = round(minutes / 5) * 5
    if minutes < 60:
        return f"{minutes:.0f} min"
    hours, rest = divmod(int(minutes), 60)
    return f"{hours}h{rest:02d}" if rest else f"{hours}h"


_DATE_FORMATS: Final[dict[str, str]] = {"en": "{d} {m} {y}", "de": "{d:02d}.{m:02d}.{y}", "nl": "{d:02d}-{m:02d}-{y}"}
_MONTHS_EN: Final = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December")  # fmt: skip


def date_text(date: dt.date, language: str = "en") -> str:
    """`14 June 2026`, `14.06.2026`, `14/06/2026`, `14-06-2026`."""
    if language == "en":
        return f"{date.day} {_MONTHS_EN[date.month - 1]} {date.year}"
    return _DATE_FORMATS.get(language, "{d:02d}/{m:02d}/{y}").format(d=date.day, m=date.month, y=date.year)


def quote(items: list[str], budget: int) -> str:
    """The athlete's words, each in quotes, as many as fit in `budget` characters."""
    quoted: list[str] = []
    used = 0
    for item in items:
        text = f"\u201c{item[:_QUOTE_MAX_CHARS]}{'…' if len(item) > _QUOTE_MAX_CHARS else ''}\u201d"
        if used + len(text) + 2 > budget:
            quoted.append("…")
            break
        quoted.append(text)
        used += len(text) + 2
    return ", ".join(quoted)


def paces_sentence(paces: Paces | None, lexicon: Lexicon, *, race_pace: bool = True) -> str:
    """The goal race pace (or the one a race result predicts, said so), threshold and easy paces; no race pace when
    `race_pace` is off (a trail race: a road pace means little there)."""
    if paces is None:
        return ""
    easy = f"{format_pace(paces.easy_fast)}–{format_pace(paces.easy_slow)}"
    threshold = paces.for_effort("threshold")
    notes, race = NOTES[lexicon.language], format_pace(paces.race)
    if not race_pace:
        return notes.paces_training.format(threshold=threshold, easy=easy)
    template = lexicon.sentences.paces if paces.goal else notes.paces_result
    return template.format(race=race, threshold=threshold, easy=easy)


def sessions_phrase(counts: dict[WorkoutType, int], lexicon: Lexicon) -> str:
    """ "4 runs, 1 ride and 1 strength session"."""
    parts = [
        f"{count} {lexicon.sports[sport][0 if count == 1 else 1]}"
        for sport, count in counts.items()
        if sport in lexicon.sports and count > 0
    ]
    return list_phrase(parts, lexicon)


def days_phrase(days: list[Weekday], lexicon: Lexicon) -> str:
    return list_phrase([day_name(day, lexicon) for day in days], lexicon)
