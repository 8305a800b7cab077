"""The overview paragraph: the goal, the week's shape, how the load grows and tapers, the paces, every stated
constraint kept or declined (and why), and what of the request could not be used, quoted.

The parts that matter most come first; the quoted "not used" list takes what room is left under the draft's
1,500-character limit, and says "…" for what does not fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final, Literal

from planforge.domain.vocabulary import WorkoutType
from planforge.drafttext.render import HEADER_WORDS
from planforge.offline.engine.fitness import careful
from planforge.offline.engine.paces import Paces
from planforge.offline.engine.periodization import WeekTarget
from planforge.offline.engine.profile import Profile
from planforge.offline.engine.text.advice import advice
from planforge.offline.engine.text.describe import (
    OVERVIEW_MAX_CHARS,
    clock,
    date_text,
    day_name,
    days_phrase,
    goal_key,
    list_phrase,
    paces_sentence,
    quote,
    sessions_phrase,
)
from planforge.offline.engine.text.lexicon import Lexicon, counted
from planforge.offline.engine.text.measured import (
    TRAINING_KINDS,
    has_kind,
    has_quality,
    largest_rise,
    lighter_weeks,
    typical_week,
)
from planforge.offline.engine.text.notes import NOTES
from planforge.offline.engine.week import Week

_LIBRARY_WORDS: Final = re.compile(r"librar|bibliot|libreri", re.IGNORECASE)
"""A request's words for the org's library (English, German, French, Spanish, Italian, Portuguese, Dutch)."""
_FAST_GROWTH: Final = 0.08
"""A plan whose biggest weekly rise reaches this grows as fast as is safe: only then is it "too short"."""
_GENTLE_GROWTH: Final = 0.08
"""The biggest weekly rise of a build the overview may call gentler (the careful build's 7 %, with the 5-minute
steps' rounding): never claimed for a build that rises by the usual 10 %."""


@dataclass(frozen=True)
class PlanFacts:
    """What the overview reports about a written plan."""

    profile: Profile
    targets: list[WeekTarget]
    weekly_minutes: list[float]
    long_peaks: dict[WorkoutType, float]
    """The longest long session of each sport before the taper, minutes."""
    paces: Paces | None
    reached: bool
    quality_most: int
    easy_share: float
    declined: list[tuple[str, dict[str, str]]] = field(default_factory=list[tuple[str, dict[str, str]]])
    """(constraint key, its fields) the plan could not keep."""
    library: Literal["prefer_existing", "strict_existing"] | None = None
    """How the plan uses the org's library, when it does."""
    weeks: list[Week] = field(default_factory=list[Week])
    """The written weeks: what the overview states about days, growth and lighter weeks is measured in them."""

    @property
    def rise(self) -> float:
        """The largest rise of a training week above the biggest week before it."""
        return largest_rise(self.weekly_minutes, self.targets)


def _goal(facts: PlanFacts, lexicon: Lexicon) -> str:
    profile, sentences = facts.profile, lexicon.sentences
    goal = lexicon.goals.get(goal_key(profile), lexicon.goals["fitness"])
    level = lexicon.levels[profile.level]
    slot = profile.slot
    if slot is None or profile.race is None:
        return sentences.goal_free.format(weeks=profile.weeks, goal=goal, level=level)
    date = profile.calendar.date_of(slot.week, slot.day)
    day = day_name(slot.day, lexicon)
    when = (sentences.when_date.format(day=day, date=date_text(date, lexicon.language)) if date is not None
            else sentences.when_week.format(day=day, week=slot.week))  # fmt: skip
    return sentences.goal_race.format(weeks=profile.weeks, goal=goal, level=level, when=when)


def _days(facts: PlanFacts, lexicon: Lexicon) -> str:
    """The days and sessions most training weeks hold, as written."""
    typical = typical_week(facts.weeks, facts.targets) if facts.weeks else None
    if typical is None:
        days, counts = list(facts.profile.days), facts.profile.counts
    else:
        days, counts = list(typical.days), typical.counts
    return lexicon.sentences.days.format(count=len(days), days=days_phrase(days, lexicon),
                                         sessions=sessions_phrase(counts, lexicon))  # fmt: skip


def _growth(facts: PlanFacts, lexicon: Lexicon) -> list[str]:
    """How the weekly volume grows and which weeks are lighter, as measured in the written weeks."""
    notes = NOTES[lexicon.language]
    training = [m for t, m in zip(facts.targets, facts.weekly_minutes, strict=True) if t.kind in TRAINING_KINDS]
    if len(training) < 2:
        return []
    start, peak = clock(training[0]), clock(max(training))
    if start == peak:
        parts = [notes.steady.format(start=start)]
    else:
        parts = [notes.growth.format(start=start, peak=peak, rise=max(round(facts.rise * 100), 1))]
    if lighter := lighter_weeks(facts.weekly_minutes, facts.targets):
        week_list = list_phrase([str(week) for week in lighter], lexicon)
        parts.append(counted(notes.lighter, len(lighter)).format(weeks=week_list))
    return parts


def _shape(facts: PlanFacts, lexicon: Lexicon) -> list[str]:
    profile, sentences = facts.profile, lexicon.sentences
    parts: list[str] = []
    if any(t.kind in {"build", "step-back", "tune-up"} for t in facts.targets):  # a race week alone shows its days
        parts.append(_days(facts, lexicon))
    for sport, day in profile.long_days.items():
        if sport in facts.long_peaks and sport in lexicon.sessions_long:
            peak = facts.long_peaks[sport]
            size = f"{round(peak * 50, -2):g} m" if sport == "swim" else clock(peak)
            parts.append(sentences.long.format(session=lexicon.sessions_long[sport], day=day_name(day, lexicon),
                                               peak=size))  # fmt: skip
    parts += _growth(facts, lexicon)
    if not facts.reached and facts.rise >= _FAST_GROWTH:  # it only says so when the plan does grow at the limit
        parts.append(sentences.short_growth)
    tune_ups = [t for t in facts.targets if t.tune_up is not None]
    if tune_ups:
        week = HEADER_WORDS[lexicon.language].week
        races = [f"{lexicon.goals.get(t.tune_up or '', '')} ({week} {t.week})" for t in tune_ups]
        parts.append(sentences.tune_ups.format(races=", ".join(races)))
    tapering = sum(t.kind in {"taper", "race"} for t in facts.targets)
    if tapering and profile.race is not None:
        taper_weeks = [w for w, t in zip(facts.weeks, facts.targets, strict=False) if t.kind in {"taper", "race"}]
        sharp = not facts.weeks or has_quality(taper_weeks)
        template = sentences.taper if sharp else NOTES[lexicon.language].taper_easy
        parts.append(counted(template, tapering).format(weeks=tapering))
    return parts


def _intensity(facts: PlanFacts, lexicon: Lexicon) -> list[str]:
    profile, sentences, words = facts.profile, lexicon.sentences, lexicon.constraints
    quality = (counted(words["quality_some"], facts.quality_most).format(count=facts.quality_most) if facts.quality_most
               else words["quality_none"])  # fmt: skip
    parts = [sentences.easy.format(share=f"{facts.easy_share:.0%}", quality=quality)]
    if profile.novice and (not facts.weeks or has_kind(facts.weeks, "run-walk")):
        parts.append(sentences.novice)
    race = profile.requirements.race
    trail = race is not None and (race.sport == "trail-run" or race.distance in {"50k", "ultra"})
    if paces := paces_sentence(facts.paces, lexicon, race_pace=not trail):
        parts.append(paces)
    return parts


def _kept(facts: PlanFacts, lexicon: Lexicon) -> list[str]:
    """The stated constraints the plan keeps, as phrases."""
    requirements, words = facts.profile.requirements, lexicon.constraints
    kept: list[str] = []
    caps = requirements.time_caps
    if caps is not None:
        if caps.weekday_minutes is not None and caps.weekday_minutes == caps.weekend_minutes:
            kept.append(words["caps_all"].format(minutes=caps.weekday_minutes))
        else:
            if caps.weekday_minutes is not None:
                kept.append(words["caps_weekday"].format(minutes=caps.weekday_minutes))
            if caps.weekend_minutes is not None:
                kept.append(words["caps_weekend"].format(minutes=caps.weekend_minutes))
        kept += [words["caps_day"].format(day=day_name(d, lexicon), minutes=m) for d, m in caps.per_day_minutes.items()]
    hours = requirements.hours_per_week
    if hours is not None and hours.max is not None:
        key = "hours_range" if hours.min is not None else "hours_max"
        kept.append(words[key].format(low=f"{hours.min:g}" if hours.min else "", high=f"{hours.max:g}",
                                      hours=f"{hours.max:g}"))  # fmt: skip
    if requirements.allowed_days is not None:
        kept.append(words["allowed"].format(days=days_phrase(list(facts.profile.days), lexicon)))
    if requirements.excluded_days:
        kept.append(words["excluded"].format(days=days_phrase(requirements.excluded_days, lexicon)))
    for sport in requirements.no_back_to_back:
        kept.append(words["back_to_back"].format(sport=lexicon.sports.get(sport, (sport, sport))[1]))
    if facts.library is not None:
        kept.append(words["library_strict" if facts.library == "strict_existing" else "library_prefer"])
    return kept


def _cautions(facts: PlanFacts, lexicon: Lexicon) -> str:
    flags, words = facts.profile.flags, lexicon.constraints
    ruled_out = {
        "no_hills": flags.no_hills,
        "no_intervals": flags.no_run_intervals,
        "no_quality": flags.no_run_quality,
        "easy_swims": flags.easy_swims,
        "careful": careful(facts.profile) and facts.rise <= _GENTLE_GROWTH,  # claimed only when the plan keeps it
    }
    rules = [words[key] for key, on in ruled_out.items() if on]
    cautions = facts.profile.requirements.cautions
    if not cautions or not rules:
        return ""
    return lexicon.sentences.cautions.format(items=quote(cautions, 160), rules=", ".join(rules))


def overview(facts: PlanFacts, lexicon: Lexicon) -> str:
    """The overview paragraph, at most 1,500 characters: advice that does not fit is left out last-first, then
    the quoted "not used" list takes what room is left."""
    sentences = lexicon.sentences
    parts = [_goal(facts, lexicon), *_shape(facts, lexicon), *_intensity(facts, lexicon)]
    if kept := _kept(facts, lexicon):
        parts.append(sentences.kept.format(items="; ".join(kept)))
    if cautions := _cautions(facts, lexicon):
        parts.append(cautions)
    if facts.declined:
        items = [lexicon.constraints[key].format(**fields) for key, fields in facts.declined]
        parts.append(sentences.declined.format(items="; ".join(items)))
    tips = advice(facts.profile, facts.weeks)
    while tips and len(" ".join([*parts, *tips])) > OVERVIEW_MAX_CHARS:
        tips.pop()
    text = " ".join(part for part in [*parts, *tips] if part)
    not_used = facts.profile.requirements.not_used
    if facts.library is not None:  # "use our club library" is kept: the sessions name their library workouts
        not_used = [clause for clause in not_used if not _LIBRARY_WORDS.search(clause)]
    if not_used:
        room = OVERVIEW_MAX_CHARS - len(text) - len(sentences.not_used) - 4
        if room > 40:
            text += " " + sentences.not_used.format(items=quote(not_used, room))
    return text[:OVERVIEW_MAX_CHARS]
