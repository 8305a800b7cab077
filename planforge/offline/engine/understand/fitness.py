"""What the athlete does today: km or hours a week, sessions and their length, the longest recent session, how
long they have done the sport, and the level of a second sport (a triathlete who "can swim 200 m breaststroke",
"commutes by bike", "runs a little").

"I run three times a week for 30 minutes", "trois fois par semaine pendant 30 minutes" and "3x pro Woche 5-6 km"
are a habit: sessions and their total; "longest run 12 km", "längster Lauf 14 km", "ma plus longue sortie 1h15"
the longest session; "Je cours depuis six mois" six months of practice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from planforge.domain.requirements import CurrentVolume
from planforge.domain.vocabulary import WorkoutType
from planforge.offline.engine.understand.load import CURRENT, HOURS_RANGE
from planforge.offline.engine.understand.text import RequestText
from planforge.offline.engine.understand.words import (
    DURATION,
    NUMBER,
    PER_WEEK,
    count_of,
    minutes_of,
    number_value,
    sports_in,
)

_NUM = r"\d{1,3}(?:[.,]\d{1,3})?"
_VOLUME_SPORTS: Final[frozenset[WorkoutType]] = frozenset({"run", "bike", "swim"})
_LONGEST_CUE = (
    r"\blongest (?P<what>run|ride|swim)\w*(?: so far)?(?: is| was)?|"
    r"\blangste[rn]? (?:lauf|einheit|ausfahrt|radausfahrt|runde)\w*(?: bisher)?(?: war| ist| waren)?(?: bisher)?|"
    r"\b(?:plus longue (?:sortie|course)|sortie la plus longue)(?: est| etait| a ete| fait)?(?: de)?|"
    r"\b(?:tirada|salida|carrera) mas larga(?: fue| es| ha sido)?(?: de)?|"
    r"\b(?:lungo|corsa|uscita|giro) piu lung[oa](?: e stat[oa]| e)?(?: di)?|"
    r"\b(?:longao|treino|corrida|pedal) mais long[oa](?: foi| e)?(?: de)?|"
    r"\blangste (?:duurloop|loop|rit|training|hardloop\w*)(?: was| is)?(?: van)?|"
    r"\b(?:peak )?long (?P<what2>run|ride)\w*(?: was| is)?(?=\s*\d)|"
    r"\bgiri di|\bswims? around"
)
_LONGEST: Final = re.compile(rf"(?:{_LONGEST_CUE})\s*:?\s*(?P<value>[^,.;)]*(?:[.,]\d[^,.;)]*)?)")
_KM_WEEK: Final = re.compile(
    rf"\b(?:(?P<low>{_NUM})\s*(?:-|–|to|bis|a)\s*)?(?P<km>{_NUM})\s*(?:km|kilometers?|kms)\b\s*"
    r"(?P<per>(?:[a-z/]+\s*){0,3})"
)
_TIMES_WORD = r"(?:x|×|times|mal|vezes|veces|keer|fois|volte)"
_AMOUNT = r"(?P<amount>\d{1,5}(?:[.,]\d{1,3})?)(?:\s*-\s*(?P<amount2>\d{1,5}(?:[.,]\d{1,3})?))?"
_UNIT = r"\s*(?P<unit>km|m|min|minutes|minuten|minutos|minuti)\b"
_RUNS: Final = re.compile(
    r"\bi run\b|\brun\w*\b|\blaufe|\bcorro\b|\bcours\b|\bloop\b|\bcorr|\babout\b|\bca\.|\benviron|\bunos\b|\bcirca"
)
_PER_WEEK_GAP = (
    r"(?:(?:a|per|por|pro|par|a la|alla|na|in de|each|every|in der) (?:week|semana|woche|semaine|settimana|wk)\s*)?"
)
_EACH_TIME = (
    r"(?:each(?: time)?|every time|per session|a session|jeweils|pro einheit|chaque fois|a chaque fois|cada vez|"
    r"de cada vez|ogni volta|elke keer|per keer)\b"
)
"""After the amount of a habit: "twice a week, 1000 m each time"."""
_GAP = (
    _PER_WEEK_GAP
    + r"(?:,?\s*(?:for|of|per|por|pour|pendant|durant|durante|fur|je|jeweils|da|di|de|van|voor|each|chaque fois|"
    r"cada vez)\s+"
    r"(?:(?:about|around|environ|unos|circa|ongeveer|etwa|ca\.|cerca de)\s*)?)?"
)
"""Between a count and the length of each session: "3 times a week for about 30 minutes". A comma alone makes the
amount the week's ("dreimal pro Woche, etwa 25 km"), read as a weekly volume."""
_TWICE = r"twice|zweimal|twee keer|duas vezes|dos veces|deux fois|due volte"
_REPEATED: Final = re.compile(
    rf"\b(?P<count>{NUMBER})\s*{_TIMES_WORD}\s*{_GAP}{_AMOUNT}{_UNIT}"
    rf"|\b(?P<count2>{_TWICE})\s*{_GAP}{_AMOUNT.replace('amount', 'b_amount')}{_UNIT.replace('unit', 'b_unit')}"
    rf"|{_AMOUNT.replace('amount', 'c_amount')}{_UNIT.replace('unit', 'c_unit')}\s+"
    rf"(?P<count3>{_TWICE}|\d\s*{_TIMES_WORD}|two times)"
    rf"|\b(?P<count4>{NUMBER}\s*{_TIMES_WORD}|{_TWICE})\s*{_PER_WEEK_GAP}[,;]\s*"
    rf"{_AMOUNT.replace('amount', 'd_amount')}{_UNIT.replace('unit', 'd_unit')}\s*{_EACH_TIME}"
)


@dataclass
class _Found:
    """What the readers found of one sport's volume so far."""

    km: float | None = None
    minutes: int | None = None
    sessions: int | None = None
    all_sports: bool = False
    longest_minutes: int | None = None
    longest_km: float | None = None
    months: int | None = None


def read_current_volumes(
    text: RequestText, main: WorkoutType, multisport: bool = False
) -> dict[WorkoutType, CurrentVolume]:
    """Today's volume of each sport the request states one for: km or minutes a week, sessions, the longest recent
    session, months of practice. A sentence naming several sports is read sport by sport ("I swim 2x a week 1500 m,
    ride 3 hours, run 15 km weekly"); hours of a `multisport` athlete that name no sport are all their training."""
    found: dict[WorkoutType, _Found] = {}
    for start, end in text.sentences():
        for seg_start, seg_end, named in _sport_segments(text, start, end):
            segment = (start, seg_start, seg_end, end)
            _read_segment(text, segment, named or main, found, multisport and named is None)
    for sport, minutes, km in _longest(text, main):
        entry = found.setdefault(sport, _Found())
        entry.longest_minutes, entry.longest_km = minutes, km
    if (months := read_months_of_practice(text)) is not None:
        found.setdefault(main, _Found()).months = months
    return {
        sport: CurrentVolume(
            sport=sport, km_per_week=entry.km, minutes_per_week=entry.minutes, sessions_per_week=entry.sessions,
            longest_session_minutes=entry.longest_minutes, longest_session_km=entry.longest_km,
            all_sports=entry.all_sports and entry.km is None, months_of_practice=entry.months,
        )
        for sport, entry in found.items()
    }  # fmt: skip


def _sport_segments(text: RequestText, start: int, end: int) -> list[tuple[int, int, WorkoutType | None]]:
    """The sentence cut where the sport it speaks of changes, each part with its sport (None when it names none)."""
    sentence = text.folded[start:end]
    named: list[tuple[int, WorkoutType]] = [(at, sport) for at, sport in sports_in(sentence) if sport in _VOLUME_SPORTS]
    cuts: list[tuple[int, WorkoutType]] = []
    for at, sport in named:
        if not cuts or cuts[-1][1] != sport:
            cuts.append((at, sport))
    if not cuts:
        return [(start, end, None)]
    if len(cuts) == 1:
        return [(start, end, cuts[0][1])]  # "40 km a week on the bike": one sport, the sentence's
    # Several sports: what comes before the first is about none ("6-7 hours a week, long ride 80 min, long run 50")
    lead = [(start, start + cuts[0][0], None)] if cuts[0][0] > 0 else []
    bounds = [*(at for at, _ in cuts), len(sentence)]
    return [*lead, *((start + bounds[i], start + bounds[i + 1], cuts[i][1]) for i in range(len(cuts)))]


def _read_segment(
    text: RequestText,
    span: tuple[int, int, int, int],
    sport: WorkoutType,
    found: dict[WorkoutType, _Found],
    unnamed: bool,
) -> None:
    """Read the part of a sentence from `span[1]` to `span[2]` about `sport` into `found`; the whole sentence, from
    `span[0]` to `span[3]`, is context ("I swim 3 x 2 km, ride about 5 hours and run 25 km a week")."""
    start, since, until, end = span
    segment, since, until = text.folded[start:end], since - start, until - start
    if (repeated := _repeated(segment, since, until)) is not None:
        count, amount, unit, repeated_sport, used = repeated
        entry = found.setdefault(repeated_sport or sport, _Found())
        entry.sessions = count
        if unit == "min":
            entry.minutes = round(amount)
        else:
            entry.km = amount
        text.use((start + used[0], start + used[1]))
        return
    if (weekly := _weekly_km(segment, since, until)) is not None:
        km, used = weekly
        found.setdefault(sport, _Found()).km = km
        text.use((start + used[0], start + used[1]))
    if (hours := _current_hours(segment, since, until)) is not None:
        minutes, used = hours
        hours_sport: WorkoutType = "bike" if re.search(r"\bride|\bbike|\bcycl", segment[since:until]) else sport
        entry = found.setdefault(hours_sport, _Found())
        if entry.minutes is None:
            entry.minutes, entry.all_sports = minutes, unnamed
            text.use((start + used[0], start + used[1]))


def _repeated(
    sentence: str, since: int = 0, until: int | None = None
) -> tuple[int, float, Literal["min", "km"], WorkoutType | None, tuple[int, int]] | None:
    """A habit stated as repeats, from `since` on: (count, total, unit, sport, span) of "2 x 20 minutes a week", "3x
    pro Woche 5-6 km", "20-25 min twice a week", "trois fois par semaine pendant 30 minutes"."""
    match = _REPEATED.search(sentence, since, len(sentence) if until is None else until)
    if match is None:
        return None
    prefix = next(p for p in ("", "b_", "c_", "d_") if match[f"{p}amount"])
    count_text = match["count"] or match["count2"] or match["count3"] or match["count4"] or "1"
    count = count_of(re.sub(rf"\s*{_TIMES_WORD}$", "", count_text).strip())
    if re.match(rf"{_TWICE}|two times", count_text):
        count = 2
    amount = number_value(match[f"{prefix}amount"])
    if match[f"{prefix}amount2"]:
        amount = (amount + number_value(match[f"{prefix}amount2"])) / 2
    total = count * amount
    unit = match[f"{prefix}unit"]
    sports: list[WorkoutType] = [sport for _, sport in sports_in(sentence[since:until])]
    sport = sports[0] if sports else None
    if unit == "m":
        return count, total / 1000, "km", sport or "swim", match.span()
    return count, total, "min" if unit.startswith("min") else "km", sport, match.span()


def _weekly_km(sentence: str, since: int = 0, until: int | None = None) -> tuple[float, tuple[int, int]] | None:
    """Km a week, from `since` on: "about 30 km a week", "semanas de 100-110 km"; else the first km of a sentence
    about the week."""
    loose: tuple[float, tuple[int, int]] | None = None
    for match in _KM_WEEK.finditer(sentence, since, len(sentence) if until is None else until):
        before = sentence[: match.start()].rstrip()
        longest = re.search(
            r"long\w*\s*(?:run|ride)?\s*(?:was|is|so far)?$|larga fue de$|\bvon$|(?<!cerca )(?<!alrededor )\bde$",
            before,
        )
        if longest and not re.search(r"semanas de$", before):
            continue
        km = number_value(match["km"])
        if match["low"]:
            km = (km + number_value(match["low"])) / 2
        if PER_WEEK.search(match["per"]) or re.search(r"semanas de$|weeks? of$", before):
            return km, match.span()
        if loose is None and PER_WEEK.search(sentence) and _RUNS.search(before):
            loose = km, match.span()
    return loose


def _current_hours(sentence: str, since: int = 0, until: int | None = None) -> tuple[int, tuple[int, int]] | None:
    """Hours a week done today ("I ride about 7 hours a week now"); "rides of 2 hours at most" are no week."""
    for match in HOURS_RANGE.finditer(sentence, since, len(sentence) if until is None else until):
        window = sentence[max(0, match.start() - 40) : match.end() + 30]
        weekly = PER_WEEK.search(window) or re.search(r"\bweeks?\b|woche|semaine|semana|settimana|\bweken\b", window)
        if not weekly:
            continue
        if CURRENT.search(window) and not re.search(r"\bmax|\bno more|\bup to|\bno week|\bnever more", window):
            high = number_value(match["high"])
            low = number_value(match["low"]) if match["low"] else high
            return round((low + high) / 2 * 60), match.span()
    return None


def _longest(text: RequestText, main: WorkoutType) -> list[tuple[WorkoutType, int | None, float | None]]:
    """(sport, minutes, km) of the longest recent session of each sport stated."""
    longest: dict[WorkoutType, tuple[int | None, float | None]] = {}
    for match in _LONGEST.finditer(text.folded):
        value = match["value"]
        named: list[WorkoutType] = [sport for _, sport in sports_in(match.group()) if sport in _VOLUME_SPORTS]
        sport: WorkoutType = named[0] if named else main
        if sport in longest:
            continue
        if km := re.search(rf"(?P<km>{_NUM})\s*(?:km|k)\b", value):
            longest[sport] = None, number_value(km["km"])
        elif metres := re.search(r"(?P<m>\d[\d.,]*)\s*m\b", value):
            longest[sport] = None, number_value(metres["m"]) / 1000
        elif duration := DURATION.search(value):
            longest[sport] = minutes_of(duration), None
        else:
            continue
        text.use(match)
    return [(sport, minutes, km) for sport, (minutes, km) in longest.items()]


_PERIOD_UNIT = (
    r"(?P<unit>months?|monat(?:e|en)?|mois|meses|mesi|mese|maanden|maand|years?|jahr(?:e|en)?|ans?|anos|anni|anno|jaar|"
    r"weeks?|wochen|semaines|semanas|settimane|weken)"
)
_ONE = r"a|an|one|un|une|ein|einem|einer|uno|una|um|uma|een"
_HALF = r"half an?|einem halben|einem halb|un demi|une demi|medio|mezzo|meio|een half"
_PRACTICE: Final = re.compile(
    rf"\b(?:for|since|depuis|seit|desde hace|hace|da|sinds|ha|faz|ja|al)\s+(?:about |around |environ |etwa |ongeveer |"
    rf"circa |cerca de |unos |uns )?(?P<n>{_HALF}|{NUMBER}|{_ONE})\s+{_PERIOD_UNIT}\b"
    rf"|\b(?:started|began|begonnen|commence|empece|comecei|iniziato|begonnen)\w*[^.;,]{{0,20}}?"
    rf"(?P<n2>{NUMBER}|{_ONE})\s+{_PERIOD_UNIT.replace('unit', 'unit2')}\s+(?:ago|her)\b"
    rf"|\b(?:il y a|vor|hace|fa|ha|geleden)\s+(?P<n3>{NUMBER}|{_ONE})\s+{_PERIOD_UNIT.replace('unit', 'unit3')}"
)
_MONTHS_PER: Final[tuple[tuple[str, float], ...]] = (("w", 12 / 52), ("s", 12 / 52), ("y", 12), ("j", 12), ("a", 12))


def read_months_of_practice(text: RequestText) -> int | None:
    """How long the athlete has done their sport, in months ("Je cours depuis six mois", "running for 2 years")."""
    for start, end in text.clauses():
        clause = text.folded[start:end]
        match = _PRACTICE.search(clause)
        if match is None or not (sports_in(clause) or _RUNS.search(clause[: match.start()])):
            continue
        number = match["n"] or match["n2"] or match["n3"]
        unit = match["unit"] or match["unit2"] or match["unit3"]
        count = 0.5 if re.fullmatch(_HALF, number) else count_of(number)
        per_month = next((factor for first, factor in _MONTHS_PER if unit.startswith(first)), 1.0)
        if unit.startswith(("mes", "mois", "mon", "maa")):
            per_month = 1.0
        months = round(count * per_month)
        if 0 < months <= 600:
            text.use((start + match.start(), start + match.end()))
            return months
    return None
