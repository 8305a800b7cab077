"""The coach's advice in the overview, for what the athlete stated and what the plan holds: a pain rule for an
injury, Achilles checks, a medical check and shoes for a sedentary or overweight starter, fuelling practice when
sessions run over two hours (or the plan rides to an event), climbing practice for a hilly trail race, and how a
weak swimmer's swims start.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from planforge.domain.requirements import CautionKind
from planforge.offline.engine.profile import Profile
from planforge.offline.engine.swim_sets import weak_swimmer
from planforge.offline.engine.text.measured import has_kind
from planforge.offline.engine.text.notes import NOTES
from planforge.offline.engine.text.session_notes import calf_caution, climbing, fuels
from planforge.offline.engine.week import Week

_INJURIES: Final[frozenset[CautionKind]] = frozenset(
    {"achilles", "calf", "knee", "shin", "foot", "hip", "back", "hamstring", "shoulder", "bone"}
)
_MEDICAL: Final[frozenset[CautionKind]] = frozenset({"overweight", "sedentary", "heart", "illness", "pregnancy"})
_MASTERS: Final = 50
"""The age from which recovery advice is given (the requirements' "age" caution starts there too)."""
_THOUSANDS: Final[dict[str, str]] = {"en": ",", "de": ".", "it": ".", "nl": ".", "fr": "\u202f"}
"""How a language writes 1,500 (Spanish and Portuguese write 1500)."""


def advice(profile: Profile, weeks: Sequence[Week]) -> list[str]:
    """The advice sentences for `profile`'s plan of `weeks`, most important first."""
    notes = NOTES[profile.requirements.language]
    kinds = {caution.kind for caution in profile.requirements.health_cautions}
    calf = calf_caution(profile)
    parts: list[str] = []
    if kinds & _INJURIES or calf or (profile.requirements.cautions and profile.flags.careful):
        parts.append(notes.pain_rule)
    if calf:
        parts.append(notes.achilles)
        if has_kind(weeks, "strength"):
            parts.append(notes.achilles_strength)
    if kinds & _MEDICAL:
        parts.append(notes.medical)
    age = profile.requirements.age
    if "age" in kinds or (age is not None and age >= _MASTERS):
        parts.append(notes.masters)
    runs = any(s.sport == "run" for week in weeks for sessions in week.values() for s in sessions)
    if runs and ({"overweight", "sedentary"} & kinds or has_kind(weeks, "run-walk")):
        parts.append(notes.shoes)
    if elevation := climbing(profile):
        separator = _THOUSANDS.get(profile.requirements.language, "")
        parts.append(notes.trail_advice.format(elevation=f"{elevation:,}".replace(",", separator)))
    if any(fuels(s, profile) for week in weeks for sessions in week.values() for s in sessions):
        parts.append(notes.fuelling_advice)
    if has_kind(weeks, "swim") and weak_swimmer(profile):  # its swims are drills and short repeats
        parts.append(notes.swim_novice)
    return parts
