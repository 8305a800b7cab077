"""How much: the hours a week the athlete has, time caps on sessions, and what the athlete does today.

"I have 8-12 hours a week", "no more than 10 hours in any week", "Maximal 16 Stunden pro Woche" are hours
available; "I ride about 7 hours a week now", "base is done (10-11 h weeks)" are today's volume. A cap is a
duration with a cap word near it ("max 1 hour per session", "only 30 minutes on weekdays", "Séances de 45
minutes maximum") and applies to the days its sentence names: weekdays, the weekend, named days, or all days.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from planforge.domain.requirements import CurrentVolume, HoursPerWeek, TimeCaps
from planforge.domain.vocabulary import Weekday, WorkoutType
from planforge.offline.engine.understand.text import RequestText
from planforge.offline.engine.understand.words import (
    DURATION,
    HOURS,
    PER_WEEK,
    WEEKDAY,
    WEEKDAYS_WORD,
    WEEKEND,
    count_of,
    minutes_of,
    number_value,
    sports_in,
    weekday_of,
)

_NUM = r"\d{1,3}(?:[.,]\d{1,3})?"
_HOURS_RANGE: Final = re.compile(
    rf"(?:(?P<low>{_NUM})\s*(?:-|–|to|bis|a|à|y|e|tot|and)\s*)?(?P<high>{_NUM})\s*{HOURS}(?![a-z])"
)
_CURRENT: Final = re.compile(
    r"\bnow\b|\bcurrently|\bat the moment|\bi ride|\bi run|\bi swim|\bi've been|\bbeen training|\bbase\b|\bhad\b|"
    r"\baktuell|\bderzeit|\bmomentan|\bactuellement|\ben ce moment|\bahora|\bactualmente|\battualmente|"
    r"\batualmente|\bneste momento|\bmomenteel|\bnu\b|\bbiggest week|\bgood base|\bspring\b|\bweeks\)|"
    r"\bgrundlage|\bsteht\b|\bdone\b|\bweeks \("
)
_AVAILABLE: Final = re.compile(
    r"\bi have\b|\bi can\b|\bup to\b|\bmax|\bno more|\bnot more|\bnever more|\bbudget|\bno week over|"
    r"\bat most|\bhochstens|\bmaximal|\bmaximum|\bno maximo|\bal massimo|\bmassimo|\bmaximaal|\bhabe ich|"
    r"\bje peux|\bpuedo|\bposso|\bconsigo|\bik heb|\bi'?ve got|\bavailable|\bfor this\b|\bdispon"
)
_CAP_WORD: Final = re.compile(
    r"\bmax\w*|\bonly\b|\bat most|\bno (?:longer|more) than|\bnone longer|\bnur\b|\bhochstens|\bjeweils|"
    r"\bau plus|\bmaximum|\bmaximo|\bmassimo|\bmaximaal|\bslots?\b|\bsessions? of|\bseances? de|\bde \d+ minutes|"
    r"\bpro einheit|\bper session|\bpor sesion|\bcada sessao|\bogni seduta|\bper sessie|\beach session|\bsolo\b"
)
_PER_SESSION: Final = re.compile(
    r"\s*(?:per|a|each|every|pro|par|por|por cada|para cada|a|ogni|per)\s*(?:session|sesion|sessao|seance|seduta|"
    r"sessie|einheit|training|workout|ride|run)"
)
_MIN_WEEKLY_HOURS: Final = 1.5
_WEEKLY_AFTER: Final = re.compile(
    r"\s*(?:in any |in a |a |per |each |every |in the |/\s*|pro |par |por |a la |alla |per )?"
    r"(?:weeks?|woche|semaine|semana|settimana|wk)\b|\s*weekly"
)
_LONGEST: Final = re.compile(
    r"\blongest (?P<what>run|ride|swim)\w*(?: so far)?(?: is| was)?\s*(?P<value>[^,.;)]*)|"
    r"\b(?:peak )?long (?P<what2>run|ride)\w*(?: was| is)?\s*(?P<value2>\d[^,.;)]*)|"
    r"\btirada mas larga fue de (?P<value3>[^,.;)]*)|\bgiri di (?P<value4>[^,.;)]*)|"
    r"\bswims? around (?P<value5>[\d.,]+\s*m)"
)
_KM_WEEK: Final = re.compile(
    rf"\b(?:(?P<low>{_NUM})\s*(?:-|–|to|bis|a)\s*)?(?P<km>{_NUM})\s*(?:km|kilometers?|kms)\b\s*"
    r"(?P<per>(?:[a-z/]+\s*){0,3})"
)
_TIMES_WORD = r"(?:x|×|times|mal|vezes|veces|keer|fois|volte)"
_AMOUNT = r"(?P<amount>\d{1,5}(?:[.,]\d{1,3})?)(?:\s*-\s*(?P<amount2>\d{1,5}(?:[.,]\d{1,3})?))?"
_UNIT = r"\s*(?P<unit>km|m|min|minutes|minuten|minutos)\b"
_RUNS: Final = re.compile(
    r"\bi run\b|\brun\w*\b|\blaufe|\bcorro\b|\bcours\b|\bloop\b|\bcorr|\babout\b|\bca\.|\benviron|\bunos\b|\bcirca"
)
_REPEATED: Final = re.compile(
    rf"\b(?P<count>\d|two|three|twee|drie|duas|tres|dos|zwei|drei|deux|trois|due|tre)\s*{_TIMES_WORD}\s*"
    rf"(?:(?:per|por|pro|a) (?:week|semana|woche)\s*)?{_AMOUNT}{_UNIT}"
    rf"|\b(?P<count2>twice|zweimal|twee keer|duas vezes|dos veces|deux fois|due volte)\s*"
    rf"(?:(?:per|por|pro|a|par) (?:week|semana|woche|semaine)\s*)?{_AMOUNT.replace('amount', 'b_amount')}"
    rf"{_UNIT.replace('unit', 'b_unit')}"
    rf"|{_AMOUNT.replace('amount', 'c_amount')}{_UNIT.replace('unit', 'c_unit')}\s+"
    rf"(?P<count3>twice|\d\s*{_TIMES_WORD}|two times|zweimal|deux fois|dos veces|due volte|duas vezes|twee keer)"
)


def read_hours_per_week(text: RequestText) -> HoursPerWeek | None:
    """The hours a week the athlete has (not today's volume); the last statement wins."""
    found: HoursPerWeek | None = None
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        for match in _HOURS_RANGE.finditer(sentence):
            window = sentence[max(0, match.start() - 40) : match.end() + 30]
            if not re.search(rf"{PER_WEEK.pattern}|\bweeks?\b|\bwoche\b|\bsemaine\b|\bsemana\b|\bsettimana\b", window):
                continue
            if _CURRENT.search(window) and not _AVAILABLE.search(window):
                continue
            if _PER_SESSION.match(sentence[match.end() :]) or number_value(match["high"]) < _MIN_WEEKLY_HOURS:
                continue  # "max 1 hour per session" is a cap
            if re.search(r"until|bis (?:februar|marz|april)|jusqu|hasta|fino a|ate |tot (?:februari|maart)", window):
                continue  # a seasonal cap ("8-10 hours until February") is not the plan's
            high = number_value(match["high"])
            low = number_value(match["low"]) if match["low"] else None
            ceiling_only = bool(
                re.search(
                    r"\bup to|\bno more|\bnot more|\bnever more|\bno week over|\bmax|\bat most"
                    r"|\bhochstens|\bno maximo|\bal massimo|\bmaximaal|\bbiggest",
                    window,
                )
            )
            found = HoursPerWeek(min=None if ceiling_only else low, max=high)
            text.use((start + match.start(), start + match.end()))
    return found


def read_time_caps(text: RequestText) -> TimeCaps | None:
    """Caps on a session's length, by the days their sentence names."""
    weekday: int | None = None
    weekend: int | None = None
    per_day: dict[Weekday, int] = {}
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        for match in DURATION.finditer(sentence):
            window = sentence[max(0, match.start() - 45) : match.end() + 25]
            if not _CAP_WORD.search(window) or text.is_used((start + match.start(), start + match.end())):
                continue
            sized = re.search(r"sessions? of|seances? de|sesiones de|sedute da", sentence[: match.start()][-25:])
            if not sized and _WEEKLY_AFTER.match(sentence[match.end() :]):
                continue  # "45 minutes a week", "10 hours in any week" are volumes
            minutes = minutes_of(match)
            if not 10 <= minutes <= 300:
                continue
            text.use((start + match.start(), start + match.end()))
            if cue := _CAP_WORD.search(sentence):
                text.use((start + cue.start(), start + cue.end()))
            days = _cap_days(text, start, end, match.start() + start)
            if days == "weekdays":
                weekday = minutes
            elif days == "weekend":
                weekend = minutes
            elif days == "all":
                weekday = weekday or minutes
                weekend = weekend or minutes
            else:
                for day in days:
                    per_day[day] = minutes
    if weekday is None and weekend is None and not per_day:
        return None
    return TimeCaps(weekday_minutes=weekday, weekend_minutes=weekend, per_day_minutes=per_day)


def _cap_days(
    text: RequestText, start: int, end: int, at: int
) -> Literal["weekdays", "weekend", "all"] | list[Weekday]:
    sentence = text.folded[start:end]
    if WEEKDAYS_WORD.search(sentence) or re.search(r"\bweekday|\bunter der woche|\bin settimana", sentence):
        return "weekdays"
    named: list[Weekday] = [weekday_of(m) for m in WEEKDAY.finditer(text.folded, start, end)]
    if re.search(r"\blong run[^.]*max", sentence) and named:
        return [named[-1]]
    if re.search(r"\bthose days|\bon those|\bevenings", sentence) and named:
        return named[:2] if len(named) > 2 else named
    if WEEKEND.search(sentence) and not re.search(
        r"more time|mehr zeit|plus de temps|mas tiempo|open\b|libre", sentence
    ):
        if re.search(r"tambien|also|auch|aussi|anche|tambem|ook", sentence):
            return "all"
        return "weekend"
    if named and re.search(r"\bonly|\bsolo|\buniquement|\bnur\b", sentence) and len(named) >= 3:
        return "all"
    return "all"


def read_current_volume(text: RequestText, main: WorkoutType, multisport: bool = False) -> CurrentVolume | None:
    """Today's volume: km or minutes a week, the longest recent session, or never having done the sport; hours of
    a `multisport` athlete that name no sport are all their training."""
    km: float | None = None
    minutes: int | None = None
    sport: WorkoutType = main
    all_sports = False
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        repeated = _repeated(sentence)
        if repeated is not None:
            amount, unit, repeated_sport = repeated
            sport = repeated_sport or sport
            if unit == "min":
                minutes = round(amount)
            else:
                km = amount
            text.use(text.clause_at(start + (sentence.find("x") if "x" in sentence else 0)))
            continue
        if (weekly := _weekly_km(sentence)) is not None:
            km, span = weekly
            text.use((start + span[0], start + span[1]))
            sports: list[WorkoutType] = [s for _, s in sports_in(sentence) if s in {"run", "swim", "bike"}]
            sport = sports[0] if sports else main
        if minutes is None and (hours := _current_hours(sentence)) is not None:
            minutes, span = hours
            named: list[WorkoutType] = [s for _, s in sports_in(sentence) if s in {"run", "swim", "bike"}]
            sport = "bike" if re.search(r"\bride|\bbike|\bcycl", sentence) else named[0] if named else sport
            all_sports = multisport and not named and sport == main
            text.use((start + span[0], start + span[1]))
    longest_minutes, longest_km = _longest(text)
    if km is None and minutes is None and longest_minutes is None and longest_km is None:
        return None
    return CurrentVolume(
        sport=sport, km_per_week=km, minutes_per_week=minutes,
        longest_session_minutes=longest_minutes, longest_session_km=longest_km, all_sports=all_sports and km is None,
    )  # fmt: skip


def _repeated(sentence: str) -> tuple[float, Literal["min", "km"], WorkoutType | None] | None:
    """A habit stated as repeats: "2 x 20 minutes a week", "3x pro Woche 5-6 km", "20-25 min twice a week"."""
    match = _REPEATED.search(sentence)
    if match is None:
        return None
    prefix = next(p for p in ("", "b_", "c_") if match[f"{p}amount"])
    count_text = match["count"] or match["count2"] or match["count3"] or "1"
    count = count_of(re.sub(r"\s*(?:x|×|times|mal|vezes|veces|keer|fois|volte)$", "", count_text).strip())
    if count_text.startswith(("twice", "zweimal", "twee", "duas", "dos", "deux", "due", "two")):
        count = 2
    amount = number_value(match[f"{prefix}amount"])
    if match[f"{prefix}amount2"]:
        amount = (amount + number_value(match[f"{prefix}amount2"])) / 2
    total = count * amount
    unit = match[f"{prefix}unit"]
    sports: list[WorkoutType] = [sport for _, sport in sports_in(sentence)]
    sport = sports[0] if sports else None
    if unit == "m":
        return total / 1000, "km", sport or "swim"
    return total, "min" if unit.startswith("min") else "km", sport


def _weekly_km(sentence: str) -> tuple[float, tuple[int, int]] | None:
    """Km a week: "about 30 km a week", "semanas de 100-110 km"; else the first km of a sentence about the week."""
    loose: tuple[float, tuple[int, int]] | None = None
    for match in _KM_WEEK.finditer(sentence):
        before = sentence[: match.start()].rstrip()
        longest = re.search(r"long\w*\s*(?:run|ride)?\s*(?:was|is|so far)?$|larga fue de$|\bvon$|\bde$", before)
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


def _current_hours(sentence: str) -> tuple[int, tuple[int, int]] | None:
    for match in _HOURS_RANGE.finditer(sentence):
        window = sentence[max(0, match.start() - 40) : match.end() + 30]
        if _CURRENT.search(window) and not re.search(r"\bmax|\bno more|\bup to|\bno week|\bnever more", window):
            high = number_value(match["high"])
            low = number_value(match["low"]) if match["low"] else high
            return round((low + high) / 2 * 60), match.span()
    return None


def _longest(text: RequestText) -> tuple[int | None, float | None]:
    for match in _LONGEST.finditer(text.folded):
        value = match["value"] or match["value2"] or match["value3"] or match["value4"] or match["value5"] or ""
        if km := re.search(rf"(?P<km>{_NUM})\s*(?:km|k)\b", value):
            text.use(match)
            return None, number_value(km["km"])
        if duration := DURATION.search(value):
            text.use(match)
            return minutes_of(duration), None
    return None, None
