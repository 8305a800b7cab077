"""The target race: which race the request trains for, its length, date and weekday, and the goal time.

A request names races it trains for and races it has run ("HM PB 1:46", "three 70.3s done"). Each mention is
scored: a date, a race weekday or "in 12 weeks" in its sentence and target words ("goal", "first", "Ziel",
"objectif", "preparo") count for it; personal bests, races done and races after this block ("before my marathon
plan") count against it. The best mention with a score of at least 0 is the race, unless the request says there
is none ("no race", "sans compétition", "nessuna gara").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from planforge.domain.requirements import RaceRequirement
from planforge.domain.vocabulary import WEEKDAYS, RaceDistance, RaceSport, Weekday, WorkoutType
from planforge.offline.engine.understand.dates import date_mentions, resolve
from planforge.offline.engine.understand.event import named_event
from planforge.offline.engine.understand.race_names import KM, RACE_PATTERNS
from planforge.offline.engine.understand.text import RequestText
from planforge.offline.engine.understand.words import WEEKDAY, number_value, weekday_of

_VOLUME_AFTER: Final = re.compile(
    r"^\s*(?:/|a |per |pro |par |por |a la |alla |na |in de )?\s*(?:week|woche|semaine|semana|settimana|wk)"
    r"|^\s*(?:[a-z]+\s+)?(?:x|times|mal|fois|veces|volte|vezes|keer|twice|duas vezes|twee keer)\b"
)
_OTHER_SPORT_AFTER: Final = re.compile(
    r"^\s*(?:\w+\s+)?(?:open[\s-]*water|swim|zwem|schwimm|nage|nata|nado|nuoto|ride|bike|fiets|rad|velo|bici|"
    r"gran\s*fondo|sportive|trail|ultra|mountain)"
)
_NO_RACE: Final = re.compile(
    r"\bno (?:target )?(?:race|event)|\bnot racing|\bwithout a race|\bgeneral fitness|\bno competition|"
    r"\bkein\w* (?:wettkampf|rennen)|\bohne wettkampf|\bsans competition|\bpas de course|"
    r"\bpas de competition|\bsin competicion|"
    r"\bsenza competizion|\bsin carrera|"
    r"\bninguna carrera|\bnessuna gara|\bsenza gara|\bnenhuma prova|\bsem prova|\bgeen wedstrijd|\bnaar geen wedstrijd"
)
_TARGET: Final = re.compile(
    r"\btarget|\bgoal|\baim|\bwant|\bwould like|\b'd like|\blike to|\btraining for|\bprepar|\bfirst\b|\brace is\b|"
    r"\bracing\b|\bregistered|\bsigned up|\bentered|\bgoing for|\bziel|\bmocht|\bstarte|\bobjectif|\bobjetivo|"
    r"\bobiettivo|\bdoel|\bquiero|\bvoglio|\bquero|\bwil\b|\bje prepare|\bpreparo|\bvou fazer|\bdoe mee|"
    r"\bich laufe beim|\biscritt|\bpremier|\bprimer|\bprim[oa]\b|\bprimeir|\beerste|\berste|\bmein\w* erst|"
    r"\bmy a race|\ba race\b|\bcorro el|\bcorro la|\blove to"
)
_PAST: Final = re.compile(
    r"\bpb\b|\bpr\b|\bbest\b|bestzeit|\brecord|\bmarca\b|\bran\b|\bdone\b|\bdid\b|\bfinished|\bcompleted|"
    r"\blast one\b|\brecent\b|\bgelaufen|\bcouru|\bcorri\b|\bfatto|\bfiz\b|\bgedaan|\bseveral\b|\bseasons? of\b|"
    r"\bvengo da|\bhad\b|\bconfirm|\bexperienced? |\bdone\b|\bi've done|\bgraduat|\bquelques\b|"
    r"\bna \w+ seizoen|\bnever run an?\b|\bgelopen"
)
_PAST_AFTER: Final = re.compile(
    r"^\s*(?:s\b|es\b)?\s*\(?\s*(?:pb|pr|best|bestzeit|marca|record|done|gedaan|fatto|fiz|\d{1,2}[:h]\d{2})|"
    r"^\s*(?:\w+\s+)?(?:done|gedaan|fatto|couru|gelaufen)"
)
_LATER: Final = re.compile(r"\bbefore\b|\bavant\b|\bvor\b|\bantes de\b|\bprima di\b|\bvoor\b|\bplan marathon|spring\b")
_BASE_BLOCK: Final = re.compile(
    r"\bfoncier|\bbase[\s-]*(?:block|building|phase)|\baerobic base|\bbase aerob|\bgrundlagen(?:block|phase)|"
    r"\boff[\s-]?season|\bbasisblok|\bno target race"
)
_WHEN: Final = re.compile(
    r"\bin \d{1,2} weeks|\d{1,2} weeks (?:from now|out|away)|\bin \d{1,2} wochen|\bdans \d{1,2} semaines|"
    r"\bdentro de \d{1,2} semanas|\ben \d{1,2} semanas|\btra \d{1,2} settimane|\bfra \d{1,2} settimane|"
    r"\bdaqui a \d{1,2} semanas|\bover \d{1,2} weken|\bthis (?:saturday|sunday|weekend)|\bon an? \w+day|"
    r"\bin (?:the )?(?:spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|"
    r"september|october|november|december)"
)
_DUATHLON_LEGS: Final = re.compile(rf"{KM}\s*(?:run|corrida|lauf|course|carrera|corsa|loop)?")
_SCORE_WINDOW: Final = 60


@dataclass(frozen=True)
class RaceMention:
    """A race the request names: what it is, where it stands, and how strongly it reads as the target."""

    distance: RaceDistance
    sport: RaceSport
    start: int
    end: int
    score: int


def race_mentions(text: RequestText) -> list[RaceMention]:
    """Every race the request names, targets and races done alike, in order."""
    folded, taken = text.folded, list[tuple[int, int]]()
    mentions: list[RaceMention] = []
    for distance, sport, pattern in RACE_PATTERNS:
        for match in pattern.finditer(folded):
            if any(s < match.end() and e > match.start() for s, e in taken):
                continue
            if distance in {"5k", "10k"} and _VOLUME_AFTER.match(folded[match.end() : match.end() + 20]):
                continue  # "5 km twice a week" is a habit, not a race
            if distance in {"5k", "10k"} and _OTHER_SPORT_AFTER.match(folded[match.end() : match.end() + 25]):
                continue  # "a 5 km open-water swim": the length of another race
            taken.append(match.span())
            mentions.append(RaceMention(distance, sport, match.start(), match.end(), _score(text, match)))
    return sorted(mentions, key=lambda mention: mention.start)


def _score(text: RequestText, match: re.Match[str]) -> int:
    start, end = text.sentence_at(match.start())
    sentence = text.folded[start:end]
    clause_start, _ = text.clause_at(match.start())
    before = text.folded[max(clause_start, match.start() - _SCORE_WINDOW) : match.start()]
    after = text.folded[match.end() : min(end, match.end() + 14)]
    score = 0
    if date_mentions(sentence) or _WHEN.search(sentence):
        score += 3
    if _TARGET.search(text.folded[max(start, match.start() - _SCORE_WINDOW) : match.start()]) or _TARGET.search(after):
        score += 2
    if _PAST.search(before) or _PAST_AFTER.match(after) or _inside_brackets(text.folded, start, match.start()):
        score -= 4  # a race done, or the legs of another race in brackets
    if _LATER.search(before) or _BASE_BLOCK.search(text.folded):
        score -= 3
    return score


def _inside_brackets(folded: str, sentence_start: int, position: int) -> bool:
    before = folded[sentence_start:position]
    return before.rfind("(") > before.rfind(")")


def _length_km(text: RequestText, mention: RaceMention) -> float | None:
    """The race's length when its distance has none of its own: the km stated near it."""
    start, end = text.sentence_at(mention.start)
    sentence = text.folded[start:end]
    if mention.sport == "duathlon":  # the sum of its legs, "(10 km run, 40 km bike, 5 km run)"
        legs = [number_value(match["km"]) for match in _DUATHLON_LEGS.finditer(sentence)]
        if len(legs) >= 2:
            return sum(legs)
        return 27.5 if "sprint" in sentence else 55.0
    if mention.distance == "century":
        return 161.0
    if mention.distance not in {"ultra", "gran-fondo", "sportive", "open-water", "other"}:
        return None
    at = mention.start - start
    found = [(abs(m.start() - at), number_value(m["km"])) for m in re.finditer(KM, sentence)]
    if mention.distance == "open-water":
        found += [(abs(m.start() - at), float(m["m"]) / 1000) for m in re.finditer(r"(?P<m>\d{3,5})\s*m\b", sentence)]
    found.sort()
    km = found[0][1] if found else None
    if mention.distance == "ultra" and (km is None or km <= 42.2):
        return None
    return km


def _fixed_distance(mention: RaceMention, km: float | None) -> tuple[RaceDistance, float | None]:
    """An ultra of 50 km is the published 50K; a 'sportive' without a length is a 100 km one."""
    if mention.distance == "ultra":
        return ("50k", None) if km is None or abs(km - 50) < 3 else ("ultra", km)
    if mention.distance in {"gran-fondo", "sportive"} and km is None:
        return mention.distance, 100.0 if mention.distance == "sportive" else 130.0
    if mention.distance == "open-water" and km is None:
        return mention.distance, 3.0
    if mention.distance == "other" and km is None:  # "a trail race" of unknown length: the usual short trail
        return mention.distance, 21.0
    return mention.distance, km


def mention_distance(text: RequestText, mention: RaceMention) -> tuple[RaceDistance, float | None]:
    """The distance a mention names and its length in km, for the distances without a fixed one."""
    return _fixed_distance(mention, _length_km(text, mention))


def _trail(text: RequestText, mention: RaceMention) -> bool:
    start, end = text.sentence_at(mention.start)
    return bool(re.search(r"\btrail|\bmountain|\bberg|\bmontagne|\bmontana|\bmontagna|\bd\+", text.folded[start:end]))


def target_mention(text: RequestText, athlete_sport: WorkoutType | None = None) -> RaceMention | None:
    """The mention of the race the plan trains for, or None; an event named by its own name ("the Ride London 100
    on 30 May") when no race distance is named."""
    if no_race := _NO_RACE.search(text.folded):
        text.use(no_race)
        return None
    mentions = [mention for mention in race_mentions(text) if mention.score >= 0]
    if not mentions:
        event = named_event(text, athlete_sport)
        return RaceMention(event.distance, event.sport, event.start, event.end, 0) if event is not None else None
    return max(mentions, key=lambda mention: (mention.score, -mention.start))


def read_race(
    text: RequestText, start: dt.date | None, athlete_sport: WorkoutType | None = None
) -> RaceRequirement | None:
    """The target race, with its date and weekday when the request names them."""
    mention = target_mention(text, athlete_sport)
    if mention is None:
        return None
    text.use((mention.start, mention.end))
    distance, km = mention_distance(text, mention)
    if _GENERIC_TRI.fullmatch(text.folded[mention.start : mention.end]):
        for named, pattern in _TRI_DISTANCE:
            if pattern.search(text.folded):
                distance = named
                break
    sport: RaceSport = mention.sport
    if sport == "run" and _trail(text, mention):
        sport = "trail-run"
    date, day = _race_date(text, mention, start)
    for when in _WHEN.finditer(text.folded):
        text.use(when)
    return RaceRequirement(
        sport=sport, distance=distance, distance_km=km, date=date, day=day, expected_minutes=_expected(text)
    )


_EXPECTED: Final = re.compile(
    r"(?:expect(?:ing)?|need|take|metterci|brauche|compte|tardar|levar|verwacht|out there|finish in about)"
    r"[^.;]{0,25}?(?P<low>\d{1,2}(?:[.,]\d)?)(?:\s*(?:-|to|a|bis|à|tot)\s*(?P<high>\d{1,2}(?:[.,]\d)?))?\s*"
    r"(?:hours?|h\b|ore|stunden|heures|horas|uur)(?P<half>\s*(?:e mezza|and a half|et demie|y media|e meia))?"
)


def _expected(text: RequestText) -> int | None:
    """How long the athlete expects the race to take ("I expect to be out there 7 to 7.5 hours")."""
    if match := _EXPECTED.search(text.folded):
        low = number_value(match["low"])
        high = number_value(match["high"]) if match["high"] else low
        if match["half"]:
            high += 0.5
        text.use(match)
        return round((low + high) / 2 * 60)
    return None


_GENERIC_TRI: Final = re.compile(r"tri(?:athlon|atlon|atlo|athlete)?s?")
_LONG_BEFORE: Final = re.compile(r"long|lang|larg|lung|rest|repos|descanso|riposo|rust|off\b|nie|never|jamais|nunca")
_TRI_DISTANCE: Final[tuple[tuple[RaceDistance, re.Pattern[str]], ...]] = (
    ("sprint-triathlon", re.compile(r"\bsprint\b|\b750\s*m\b")),
    ("half-ironman", re.compile(r"\b70\.3\b|\bhalf\b|\b1[.,]9\s*km")),
    ("ironman", re.compile(r"\bfull\b|\b3[.,]8\s*km")),
)
_STARTS: Final = re.compile(
    r"\bstart|\bbegin|\bcommenc|\bempie[cz]|\binizi|\bcome[cç]|\bbeginnen|\bschema mag|\bplan starts|\bab\b"
)


def _race_date(text: RequestText, mention: RaceMention, start: dt.date | None) -> tuple[dt.date | None, Weekday | None]:
    """The race's date (the date nearest the race in its sentence, not a plan start) and weekday."""
    s_start, s_end = text.sentence_at(mention.start)
    dates = [d for d in date_mentions(text.folded) if not _STARTS.search(text.folded[max(0, d.start - 30) : d.start])]
    near = [d for d in dates if s_start <= d.start < s_end] or dates
    date = None
    if near:
        chosen = min(near, key=lambda d: abs(d.start - mention.start))
        day_match = _weekday_near(text, chosen.start, chosen.end)
        named = WEEKDAYS.index(weekday_of(day_match)) if day_match else None
        date = resolve(chosen, text.folded, start, named)
        text.use((chosen.start, chosen.end))
        if day_match and date is not None and date.weekday() != named:
            text.set_aside(day_match)  # "Saturday 13 June 2027" is a Sunday: the date wins, the weekday is reported
        elif day_match:
            text.use(day_match)
            return date, weekday_of(day_match)
    if date is not None:
        return date, WEEKDAYS[date.weekday()]
    timing = [(s, e) for s, e in text.sentences() if _WHEN.search(text.folded[s:e]) and (s, e) != (s_start, s_end)]
    for start_at, end_at in [(s_start, s_end), *timing]:
        for match in WEEKDAY.finditer(text.folded, start_at, end_at):
            if not _LONG_BEFORE.search(text.folded[max(start_at, match.start() - 25) : match.start()]):
                text.use(match)
                return None, weekday_of(match)
    return None, None


def _weekday_near(text: RequestText, start: int, end: int) -> re.Match[str] | None:
    """A weekday right before or after a date ("Sunday 14 June", "am Sonntag, 18. Oktober", "14 June (Sunday)")."""
    before = list(WEEKDAY.finditer(text.folded, max(0, start - 20), start))
    if before and not re.search(r"[.!?;]", text.folded[before[-1].end() : start]):
        return before[-1]
    after = WEEKDAY.search(text.folded, end, min(len(text.folded), end + 15))
    if after and re.fullmatch(r"[\s,(-]*", text.folded[end : after.start()]):  # not the next sentence's
        return after
    return None
