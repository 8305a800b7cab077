"""What a coach writes next to a session: a strength session's exercises (calf work first when the athlete states
an Achilles or calf problem), fuelling practice on long sessions, power-hiking and descents on a hilly trail
race's long runs. Notes carry no number, so the parser reads the session back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from planforge.offline.engine.profile import Profile
from planforge.offline.engine.sessions import Session
from planforge.offline.engine.text.notes import NOTES

FUELLING_MINUTES: Final = 120
"""Sessions from two hours practise race-day fuelling (a long ride of a cycling or triathlon plan from 90)."""
_RIDE_FUELLING_MINUTES: Final = 90
_LONG_KINDS = frozenset({"long-run", "long-ride", "brick-bike", "trail-run", "bike", "hike", "easy-run"})
_CALF = re.compile(r"achill|calf|calves|wade|mollet|gemel|polpacc|panturr|kuit|tendin|tendón|tendon", re.IGNORECASE)
_TRAIL_RACES = frozenset({"50k", "ultra"})

SessionNote = Callable[[Session], str]


def calf_caution(profile: Profile) -> bool:
    """Whether the athlete states an Achilles or calf problem."""
    requirements = profile.requirements
    if any(caution.kind in {"achilles", "calf"} for caution in requirements.health_cautions):
        return True
    return any(_CALF.search(caution) for caution in requirements.cautions)


def climbing(profile: Profile) -> int:
    """The trail race's climbing in metres (0 for a flat or road race, or none stated)."""
    race = profile.requirements.race
    if race is None or not (race.sport == "trail-run" or race.distance in _TRAIL_RACES):
        return 0
    return race.elevation_gain_m or 0


def fuels(session: Session, profile: Profile) -> bool:
    """Whether the session is long enough to practise race-day fuelling."""
    if session.kind not in _LONG_KINDS or session.race is not None:
        return False
    riding = profile.family in {"bike", "triathlon", "duathlon"} and session.kind in {"long-ride", "brick-bike"}
    return session.minutes >= (_RIDE_FUELLING_MINUTES if riding else FUELLING_MINUTES)


def session_notes(profile: Profile) -> SessionNote:
    """The note to write next to each session of `profile`'s plan ("" for none)."""
    notes = NOTES[profile.requirements.language]
    strength = f"{notes.strength_calf}, {notes.strength}" if calf_caution(profile) else notes.strength
    hilly = climbing(profile) > 0

    def note(session: Session) -> str:
        if session.kind == "strength" and session.library is None:
            return strength
        parts: list[str] = []
        if fuels(session, profile):
            parts.append(notes.fuelling)
        if hilly and session.kind in {"long-run", "trail-run"}:
            parts.append(notes.climbing)
        return "; ".join(parts)

    return note
