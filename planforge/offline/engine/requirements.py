"""What the offline coach reads from a request's free text: the goal, constraints and principle rules.

Reading is forgiving by design: anything the patterns do not recognise is ignored, never an error, because
`additional_prompt` is prose written for a human coach. Each reader is a small regex pass over the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal, get_args

from planforge.domain.vocabulary import WEEKDAYS, Weekday

Goal = Literal[
    "5k",
    "10k",
    "half",
    "marathon",
    "ultra",
    "triathlon-sprint",
    "triathlon-olympic",
    "triathlon-half",
    "triathlon-full",
    "cycling",
    "general",
]
"""The plan's target: a running race distance, a triathlon distance, cycling, or general fitness."""

GOALS: Final[tuple[Goal, ...]] = get_args(Goal)
RUN_GOALS: Final[frozenset[Goal]] = frozenset({"5k", "10k", "half", "marathon", "ultra"})
TRIATHLON_GOALS: Final[frozenset[Goal]] = frozenset(
    {"triathlon-sprint", "triathlon-olympic", "triathlon-half", "triathlon-full"}
)

DEFAULT_EASY_SHARE: Final = 0.8
DEFAULT_STEP_BACK_EVERY: Final = 4


@dataclass(frozen=True)
class Requirements:
    """What the engine read from additional_prompt and the training principle."""

    goal: Goal
    """The plan's target."""
    race: bool
    """A race at the end of the plan, so the last weeks taper into it."""
    days_per_week: int | None
    """Training days per week the athlete asked for (1–7), if stated."""
    long_run_day: Weekday | None
    """The preferred day of the long session, if stated."""
    recurring: tuple[str, ...]
    """Sessions wanted every week, once per entry, e.g. ("trail-run",) or ("strength", "strength")."""
    goal_time_seconds: int | None
    """The target finishing time, if stated and plausible for the goal."""
    easy_share: float = DEFAULT_EASY_SHARE
    """Share of easy sessions from the principle ("80/20" → 0.8)."""
    step_back_every: int = DEFAULT_STEP_BACK_EVERY
    """A step-back week every this many weeks ("3:1" → 4: three build weeks and one down)."""


_NOT_VOLUME = r"(?!\s*(?:per|a|/|each)\s*week)"  # "10 km per week" is a volume, not a race

# Order matters: the first goal whose pattern matches wins (triathlon before its run leg, half before marathon).
_GOAL_REGEXES: Final[tuple[tuple[Goal, str], ...]] = (
    ("triathlon-half", r"(?:half|70\.3)[\s-]*(?:iron\s*man|distance tri|triathlon)|\b70\.3\b"),
    ("triathlon-full", r"\biron\s*man\b|(?:full|long)[\s-]*(?:distance\s*)?triathlon|\b140\.6\b"),
    ("triathlon-sprint", r"sprint[\s-]*(?:distance\s*)?tri(?:athlon)?\b"),
    ("triathlon-olympic", r"\btri(?:athlon|athlete)?\b"),
    ("ultra", rf"\bultra|\b(?:50|80|100)\s*k\b|\b(?:50|100)[\s-]*mile(?:r|s)?\b{_NOT_VOLUME}"),
    ("half", r"half[\s-]*marathon|\bhm\b|\b21(?:\.1)?\s*km?\b"),
    ("marathon", r"marathon|\b42(?:\.2)?\s*km?\b"),
    ("10k", rf"\b10\s*(?:k|km)\b{_NOT_VOLUME}|\b10,?000\s*m\b"),
    ("5k", rf"\b5\s*(?:k|km)\b{_NOT_VOLUME}|\b5,?000\s*m\b|parkrun"),
    ("cycling", r"cycl|\bbike\b|\bbiking\b|\bride\b|gran\s*fondo|sportive|\bcentury\b|criterium"),
)
_GOAL_PATTERNS: Final[tuple[tuple[Goal, re.Pattern[str]], ...]] = tuple(
    (goal, re.compile(pattern, re.IGNORECASE)) for goal, pattern in _GOAL_REGEXES
)
_NO_RACE = re.compile(r"\bno (?:race|event)\b|\bnot racing\b|\bwithout a race\b|\bgeneral fitness\b", re.IGNORECASE)
_CYCLING_EVENT = re.compile(r"\brace\b|gran\s*fondo|sportive|\bcentury\b|\bevent\b|criterium", re.IGNORECASE)

_NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1, "a": 1, "an": 1, "once": 1, "single": 1, "two": 2, "twice": 2, "three": 3, "thrice": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7,
}  # fmt: skip
_COUNT = r"(?P<count>[1-7]|one|two|three|four|five|six|seven)"
_PER_WEEK = r"(?:per|a|each|every|/)\s*week|weekly|/\s*wk|per\s*wk"
_DAYS_PER_WEEK = (
    re.compile(rf"\b{_COUNT}\s*(?:-\s*)?(?:days?|runs?|sessions?|workouts?|times|x)\s*(?:{_PER_WEEK})", re.IGNORECASE),
    re.compile(rf"\b(?:train(?:ing|s)?|run(?:ning|s)?)\s+{_COUNT}\s*(?:days?|times|x)\b", re.IGNORECASE),
)

_DAY_NAMES = r"(?P<day>mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_LONG_DAY = (
    re.compile(
        rf"long\s+(?:run|ride|session)s?\s+(?:(?:is|are)\s+)?(?:on|every)\s+(?:a\s+|the\s+)?{_DAY_NAMES}", re.IGNORECASE
    ),
    re.compile(rf"{_DAY_NAMES}s?\s+(?:long\s+(?:run|ride|session)|(?:is|are)\s+(?:my\s+|the\s+)?long)", re.IGNORECASE),
)

# A recurring session is a kind named in a clause that also says "per week" (or weekly, once a week, ...).
_RECURRING_KINDS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("trail-run", r"\btrail"),
        ("strength", r"\bstrength|\bgym\b|\bweights\b"),
        ("cross-training", r"cross[\s-]*train"),
        ("swim", r"\bswim"),
        ("bike", r"\bbike|\bcycl|\bride\b|\brides\b"),
        ("hike", r"\bhike|\bhiking"),
        ("walk", r"\bwalk"),
        ("hill-repeats", r"\bhill"),
    )
)
_WEEKLY = re.compile(rf"{_PER_WEEK}|once\s+a\s+week|twice\s+a\s+week", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:no|not|avoid|without|don'?t|never|skip)\b", re.IGNORECASE)
_SENTENCE_SPLIT = re.compile(r"[.;!?\n]")
_CLAUSE_SPLIT = re.compile(r",|\band\b|\bbut\b|\bplus\b")
_KIND_COUNT = re.compile(r"\b(?P<count>[1-3]|one|two|three)\b", re.IGNORECASE)

_TIME_CUE = r"(?:sub|under|below|goal(?:\s*time)?(?:\s*of)?|target(?:\s*time)?(?:\s*of)?|finish(?:ing)?\s*in|time\s*of)"
_GOAL_TIME = re.compile(
    rf"{_TIME_CUE}\s*[-:]?\s*(?:a\s+|an\s+)?"
    r"(?:(?P<clock>\d{1,2}:\d{2}(?::\d{2})?)"
    r"|(?P<hours>\d{1,2}(?:\.\d)?)\s*(?:hours?|hrs?|h)(?![a-z])\s*(?P<hour_minutes>\d{1,2})?"
    r"|(?P<minutes>\d{1,3})\s*(?:min(?:utes?)?|')"
    r"|(?P<bare>\d{1,2})\b)",
    re.IGNORECASE,
)
# Plausible finishing times (seconds) per goal; a time outside them was probably not a goal time.
_TIME_RANGE: Final[dict[Goal, tuple[int, int]]] = {
    "5k": (12 * 60, 60 * 60),
    "10k": (26 * 60, 2 * 3600),
    "half": (58 * 60, 4 * 3600),
    "marathon": (2 * 3600, 7 * 3600),
    "ultra": (3 * 3600, 40 * 3600),
}
_DEFAULT_TIME_RANGE: Final = (20 * 60, 17 * 3600)
_SHORT_GOALS: Final[frozenset[Goal]] = frozenset({"5k", "10k"})  # "22:30" is minutes:seconds for these

_SPLIT = re.compile(r"\b(?P<easy>[5-9]\d)\s*/\s*(?P<hard>[1-5]\d)\b")
_POLARIZED = re.compile(r"polari[sz]ed", re.IGNORECASE)
_RATIO = re.compile(r"\b(?P<build>[2-4])\s*:\s*1\b(?!\d)")
_ORDINALS: Final[dict[str, int]] = {
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
}
_EVERY_NTH = re.compile(
    r"every\s+(?P<nth>second|2nd|third|3rd|fourth|4th|fifth|5th|[2-5])\s*(?:th\s*)?weeks?", re.IGNORECASE
)


def read_requirements(additional_prompt: str | None, principle: str) -> Requirements:
    """Read the goal, constraints and principle rules the engine can use; ignore everything else."""
    text = additional_prompt or ""
    goal = _read_goal(text)
    return Requirements(
        goal=goal,
        race=_has_race(goal, text),
        days_per_week=_read_days_per_week(text),
        long_run_day=_read_long_run_day(text),
        recurring=_read_recurring(text),
        goal_time_seconds=_read_goal_time(text, goal),
        easy_share=_read_easy_share(principle),
        step_back_every=_read_step_back_every(principle),
    )


def _read_goal(text: str) -> Goal:
    for goal, pattern in _GOAL_PATTERNS:
        if pattern.search(text):
            return goal
    return "general"


def _has_race(goal: Goal, text: str) -> bool:
    if goal == "general" or _NO_RACE.search(text):
        return False
    if goal == "cycling":
        return bool(_CYCLING_EVENT.search(text))
    return True


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _read_days_per_week(text: str) -> int | None:
    for pattern in _DAYS_PER_WEEK:
        if match := pattern.search(text):
            return _count(match["count"])
    return None


def _read_long_run_day(text: str) -> Weekday | None:
    for pattern in _LONG_DAY:
        if match := pattern.search(text):
            prefix = match["day"].lower()
            return next(day for day in WEEKDAYS if day.lower().startswith(prefix))
    return None


def _read_recurring(text: str) -> tuple[str, ...]:
    found: list[str] = []
    sentences = [sentence for sentence in _SENTENCE_SPLIT.split(text) if _WEEKLY.search(sentence)]
    for clause in (clause for sentence in sentences for clause in _CLAUSE_SPLIT.split(sentence)):
        # A clause must say how often itself ("one trail run", "weekly swim"), and must not say "no".
        if _NEGATION.search(clause) or not (_WEEKLY.search(clause) or _KIND_COUNT.search(clause)):
            continue
        for kind, pattern in _RECURRING_KINDS:
            if match := pattern.search(clause):
                found += [kind] * _count_before(clause, match.start())
                break
    return tuple(found)


def _count_before(clause: str, position: int) -> int:
    """How many sessions a clause asks for: "two strength sessions", "swim twice a week"; 1 when unsaid."""
    if re.search(r"\btwice\b", clause, re.IGNORECASE):
        return 2
    counts = list(_KIND_COUNT.finditer(clause[max(0, position - 20) : position]))
    return min(_count(counts[-1]["count"]), 3) if counts else 1


def _read_goal_time(text: str, goal: Goal) -> int | None:
    for match in _GOAL_TIME.finditer(text):
        seconds = _match_seconds(match, goal)
        low, high = _TIME_RANGE.get(goal, _DEFAULT_TIME_RANGE)
        if seconds is not None and low <= seconds <= high:
            return seconds
    return None


def _match_seconds(match: re.Match[str], goal: Goal) -> int | None:
    if clock := match["clock"]:
        parts = [int(part) for part in clock.split(":")]
        if len(parts) == 3:
            return parts[0] * 3600 + parts[1] * 60 + parts[2]
        first, second = parts
        return first * 60 + second if goal in _SHORT_GOALS and first >= 10 else first * 3600 + second * 60
    if hours := match["hours"]:
        return round(float(hours) * 3600) + int(match["hour_minutes"] or 0) * 60
    if minutes := match["minutes"]:
        return int(minutes) * 60
    if bare := match["bare"]:  # "sub-4 marathon" is hours, "sub-20 5K" is minutes
        value = int(bare)
        return value * 3600 if value < 10 else value * 60
    return None


def _read_easy_share(principle: str) -> float:
    for match in _SPLIT.finditer(principle):
        easy, hard = int(match["easy"]), int(match["hard"])
        if easy + hard == 100 and easy >= 70:  # below 70/30 is not an endurance principle we can follow
            return min(easy / 100, 0.95)
    if _POLARIZED.search(principle):
        return 0.8
    return DEFAULT_EASY_SHARE


def _read_step_back_every(principle: str) -> int:
    if match := _RATIO.search(principle):
        return int(match["build"]) + 1
    if match := _EVERY_NTH.search(principle):
        nth = match["nth"].lower()
        return max(3, min(5, int(nth) if nth.isdigit() else _ORDINALS[nth]))
    return DEFAULT_STEP_BACK_EVERY
