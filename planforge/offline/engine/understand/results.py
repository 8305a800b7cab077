"""Races the athlete has done, with their time: "Current 10K best 52:00", "HM PB 1:46", "two road marathons
(3:50)", "10-km-Bestzeit 48:30", "record sur 10 km : 52 min", "hice 1:58 en media maratón".

A time counts as a result when a word of the past or of a best stands near it ("PB", "best", "ran", "Bestzeit",
"meilleur", "marca", "gelopen") and no goal word right before it ("sub", "under", "goal"): a goal time is read
by `read_goal_time`. The time belongs to the race named nearest to it in its sentence, and must be believable
for that race (52:00 is minutes for a 10K, hours never).
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.requirements import RaceRequirement, RaceResult
from planforge.offline.engine.understand.dates import clock_text
from planforge.offline.engine.understand.goal import plausible_seconds
from planforge.offline.engine.understand.race import RaceMention, mention_distance, race_mentions
from planforge.offline.engine.understand.text import RequestText

_TIME: Final = re.compile(
    r"(?<![\d:.])(?P<clock>\d{1,2}:\d{2}(?::\d{2})?)(?![\d:])"
    r"|\b(?P<hours>\d)\s*h\s*(?P<hm>\d{2})\b"
    r"|\b(?P<minutes>\d{2,3})\s*(?:min(?:utes?|uten|utos|uti)?|')(?![a-z])"
)
_DONE: Final = re.compile(
    r"\bpb\b|\bpr\b|\bbest|bestzeit|\brecord|\brecorde|\bmarca\b|\bran\b|\bdid\b|\bdone\b|\bfinished|\bcompleted|"
    r"\bcurrent\b|\brecent|\blast\b|\bgelaufen|\blief\b|\bcouru|\bfait\b|\bcorri\b|\bcorso\b|\bhice\b|\bhize\b|\bfatto|"
    r"\bfiz\b|\bgelopen|\bliep\b|\bmeilleur|\bmejor|\bmigliore|\bbeste|\bpersonal|\bpersoonlijk|\bpersonlich|"
    r"\baktuell|\bactuel|\bactual|\battuale|\batual|\bhuidig|\blast year|\bletztes jahr|\bl'an dernier|"
    r"\bel ano pasado|\bl'anno scorso|\bno ano passado|\bvorig jaar"
)
_GOAL_BEFORE: Final = re.compile(
    r"(?:\bsub|\bunder|\bbelow|\bunter|\bsous|\bmoins de|\bbajo|\bsotto|\babaixo de|\bonder|\bgoal|\btarget|\bziel|"
    r"\bobjectif|\bobjetivo|\bobiettivo|\bdoel|\baim\w*(?: for)?|\bgoing for|\baround|\bto run|\bfinish in)"
    r"[\s:-]*(?:the |les |los |a |an )?$"
)
_PACE_AFTER: Final = re.compile(r"\s*(?:/|per |pro |par |por |min/|min per )\s*(?:km|k\b|mi|100)")
_IN: Final = re.compile(r"\b(?:in|en|em|op|unter)\s+(?:about |around |environ |etwa |unos |circa )?$")
_HALF: Final = re.compile(r"\b(?:half|halbe|semi|media|mezza|meia|halve)\b(?=\s*(?:\w+\s+)?\d{1,2}[:h]\d{2})")
_WINDOW: Final = 40


def read_race_results(text: RequestText) -> list[RaceResult]:
    """The races done with a time, in the order stated."""
    mentions = race_mentions(text) + _bare_halves(text)
    results: list[RaceResult] = []
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        near = [mention for mention in mentions if start <= mention.start < end]
        for match in _TIME.finditer(sentence):
            at = start + match.start()
            if not near and (only := _only_race(mentions)) and _DONE.search(text.folded[max(start, at - 20) : at]):
                near = [only]  # "Marathon on 24 October. Last year I ran 3:45.": the one race named
            if (
                not near
                or _GOAL_BEFORE.search(text.folded[max(start, at - 20) : at])
                or _PACE_AFTER.match(sentence, match.end())
            ):
                continue
            mention = _race_of(near, at)
            low, high = sorted((mention.start, at))
            window = text.folded[max(start, low - _WINDOW) : min(end, high + _WINDOW // 2)]
            ran_in = mention.score <= 0 and _IN.search(text.folded[max(start, at - 8) : at])  # "I run 10 km in 55 min"
            if not (_DONE.search(window) or ran_in or _bracketed_after(sentence, mention.end - start, match.start())):
                continue
            if (result := _result(text, mention, match)) is not None:
                results.append(result)
                text.use((at, start + match.end()))
                text.use((mention.start, mention.end))
                if cue := _DONE.search(window):
                    text.use((max(start, low - _WINDOW) + cue.start(), max(start, low - _WINDOW) + cue.end()))
    return results


def _only_race(mentions: list[RaceMention]) -> RaceMention | None:
    """The race of a request that names one race distance only (however often)."""
    distances = {(mention.distance, mention.sport) for mention in mentions}
    return mentions[0] if len(distances) == 1 else None


def _race_of(near: list[RaceMention], at: int) -> RaceMention:
    """The race a time at `at` belongs to: the last one named before it ("10K best 52:00"), else the nearest."""
    before = [mention for mention in near if mention.end <= at]
    if before:
        return max(before, key=lambda mention: mention.end)
    return min(near, key=lambda mention: abs(mention.start - at))


def _bare_halves(text: RequestText) -> list[RaceMention]:
    """ "recent half 1:54", "Halbe in 1:45": a half marathon named by "half" alone, right before a time."""
    return [
        RaceMention("half-marathon", "run", match.start(), match.end(), -4) for match in _HALF.finditer(text.folded)
    ]


def _bracketed_after(sentence: str, mention_end: int, time_start: int) -> bool:
    """ "two road marathons (3:50)": a time in brackets right after a race names its result."""
    return bool(re.fullmatch(r"\s*\(\s*", sentence[mention_end:time_start]))


def _result(text: RequestText, mention: RaceMention, match: re.Match[str]) -> RaceResult | None:
    distance, km = mention_distance(text, mention)
    race = RaceRequirement(sport=mention.sport, distance=distance, distance_km=km)
    low, high = plausible_seconds(race)
    options: list[int] = []
    if clock := match["clock"]:
        parts = [int(part) for part in clock.split(":")]
        if len(parts) == 3:
            options = [parts[0] * 3600 + parts[1] * 60 + parts[2]]
        else:  # "52:00" is minutes for a 10K, "3:50" hours for a marathon
            options = [parts[0] * 60 + parts[1], parts[0] * 3600 + parts[1] * 60]
    elif match["hours"]:
        options = [int(match["hours"]) * 3600 + int(match["hm"]) * 60]
    elif match["minutes"]:
        options = [int(match["minutes"]) * 60]
    seconds = next((option for option in options if low <= option <= high), None)
    if seconds is None:
        return None
    return RaceResult(sport=mention.sport, distance=distance, distance_km=km, time=clock_text(seconds))
