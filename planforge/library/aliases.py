"""Other tools' names for workout types and sub-types, mapped to planforge's vocabulary.

Training platforms export their own words: "Ride", "Cycling", "Strength", "Easy", "Long", "Intervals",
"Swim Drills", "Weight Training". `vocabulary_names(row)` maps them to the vocabulary of
`planforge.domain.vocabulary` ("bike", "strength-training", "easy-run", "interval-ride", "technique-swim")
and keeps each original word as a tag, so nothing the org wrote is lost. A sub-type is read for its type
("Intervals" is an interval-run for a run, an interval-ride for a ride); a sub-type that names its type
too ("Swim Drills", "Long Run") fits either way. A name with no mapping is a problem naming the closest
accepted value.
"""

from __future__ import annotations

import re
from typing import Final

from rapidfuzz import fuzz, process

from planforge.domain.vocabulary import SUB_TYPES_BY_TYPE, WORKOUT_TYPES, WorkoutType

_TYPES: Final[dict[str, WorkoutType]] = {
    "running": "run", "jog": "run", "jogging": "run", "trail running": "run", "trail run": "run", "treadmill": "run",
    "ride": "bike", "cycling": "bike", "cycle": "bike", "biking": "bike", "road bike": "bike", "road cycling": "bike",
    "mountain bike": "bike", "mtb": "bike", "gravel": "bike", "indoor cycling": "bike", "virtual ride": "bike",
    "spin": "bike", "spinning": "bike", "turbo": "bike", "zwift": "bike",
    "swimming": "swim", "pool swim": "swim", "open water": "swim", "open water swim": "swim",
    "strength training": "strength", "weights": "strength", "weight training": "strength", "gym": "strength",
    "workout": "strength", "core": "strength", "yoga": "strength", "mobility": "strength", "stretching": "strength",
    "pilates": "strength",
    "walking": "walk", "hiking": "hike",
    "cross training": "cross-training", "crosstraining": "cross-training", "xt": "cross-training",
    "elliptical": "cross-training", "rowing": "cross-training", "row": "cross-training", "other": "cross-training",
}  # fmt: skip
# The sub-type words every type shares, to be read as that type's sub-type ("intervals" → interval-run, …-ride).
_SHARED: Final[dict[str, str]] = {
    "easy": "easy", "base": "easy", "aerobic": "easy", "endurance": "easy", "z2": "easy", "zone 2": "easy",
    "recovery": "recovery", "long": "long", "tempo": "tempo", "threshold": "tempo", "sweet spot": "tempo",
    "intervals": "interval", "interval": "interval", "speed": "interval", "vo2max": "interval", "vo2 max": "interval",
    "repeats": "interval", "hills": "hill", "hill": "hill", "hill repeats": "hill", "climbing": "hill",
    "race": "race", "event": "race", "competition": "race", "drills": "technique", "technique": "technique",
}  # fmt: skip
_BY_TYPE: Final[dict[WorkoutType, dict[str, str]]] = {
    "run": {"easy": "easy-run", "recovery": "recovery-run", "long": "long-run", "tempo": "tempo-run",
            "interval": "interval-run", "hill": "hill-repeats", "race": "race", "technique": "easy-run"},
    "bike": {"easy": "endurance-ride", "recovery": "recovery-ride", "long": "long-ride", "tempo": "tempo-ride",
             "interval": "interval-ride", "hill": "hill-ride", "race": "race"},
    "swim": {"easy": "endurance-swim", "recovery": "endurance-swim", "long": "endurance-swim",
             "tempo": "interval-swim", "interval": "interval-swim", "technique": "technique-swim", "race": "race"},
    "strength": {"easy": "strength-training"},
    "walk": {"easy": "walk", "recovery": "walk", "long": "walk"},
    "hike": {"easy": "hike", "long": "hike"},
    "cross-training": {"easy": "cross-training", "recovery": "cross-training", "interval": "cross-training"},
}  # fmt: skip
_OWN: Final[dict[str, str]] = {
    "fartlek": "fartlek", "progression": "progression-run", "progression run": "progression-run",
    "race pace": "race-pace-run", "marathon pace": "race-pace-run", "goal pace": "race-pace-run", "mp": "race-pace-run",
    "trail": "trail-run", "trail run": "trail-run", "trail running": "trail-run", "track": "interval-run",
    "brick": "brick", "open water": "open-water-swim", "ows": "open-water-swim", "css": "interval-swim",
    "strength": "strength-training", "weights": "strength-training", "weight training": "strength-training",
    "gym": "strength-training", "lifting": "strength-training", "resistance": "strength-training",
    "core": "core", "abs": "core", "mobility": "mobility", "yoga": "mobility", "stretching": "mobility",
    "flexibility": "mobility", "pilates": "mobility",
}  # fmt: skip
_SPORT_WORDS: Final = re.compile(r"\b(?:run|running|ride|riding|bike|swim|swimming|session|workout|training)\b")


def _key(name: str) -> str:
    return " ".join(re.sub(r"[_\-/]+", " ", name.casefold()).split())


def workout_type_named(name: str) -> WorkoutType | None:
    """The vocabulary's type for another tool's type name ("Ride" → bike), or None."""
    key = _key(name)
    hyphenated = key.replace(" ", "-")
    if hyphenated in WORKOUT_TYPES:
        return next(t for t in WORKOUT_TYPES if t == hyphenated)
    return _TYPES.get(key)


def sub_type_named(name: str, workout_type: WorkoutType) -> str | None:
    """The vocabulary's sub-type of `workout_type` for another tool's name ("Intervals", bike → interval-ride)."""
    key = _key(name)
    allowed = SUB_TYPES_BY_TYPE[workout_type]
    for candidate in (key, " ".join(_SPORT_WORDS.sub(" ", key).split())):  # "Swim Drills" → "drills"
        if candidate.replace(" ", "-") in allowed:
            return candidate.replace(" ", "-")
        own = _OWN.get(candidate)
        if own in allowed:
            return own
        shared = _SHARED.get(candidate)
        if shared is not None and shared in _BY_TYPE[workout_type]:
            return _BY_TYPE[workout_type][shared]
    return None


def closest(name: str, accepted: tuple[str, ...]) -> str:
    """The accepted value closest to `name` in spelling."""
    found = process.extractOne(_key(name), accepted, scorer=fuzz.WRatio)
    return str(found[0]) if found else accepted[0]
