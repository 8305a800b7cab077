"""How much: the hours a week the athlete has, time caps on sessions, and what the athlete does today.

"I have 8-12 hours a week", "no more than 10 hours in any week", "Maximal 16 Stunden pro Woche" are hours
available; "I ride about 7 hours a week now", "base is done (10-11 h weeks)" are today's volume. A cap is a
duration with a cap word near it ("max 1 hour per session", "only 30 minutes on weekdays", "Séances de 45
minutes maximum") and applies to the days its sentence names: weekdays, the weekend, named days, or all days.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from planforge.domain.requirements import HoursPerWeek, TimeCaps
from planforge.domain.vocabulary import WEEKDAYS, Weekday
from planforge.offline.engine.understand.text import RequestText
from planforge.offline.engine.understand.words import (
    DURATION,
    HOURS,
    NEGATION,
    PER_WEEK,
    WEEKDAY,
    WEEKDAYS_WORD,
    WEEKEND,
    minutes_of,
    number_value,
    weekday_of,
)

_NUM = r"\d{1,3}(?:[.,]\d{1,3})?"
HOURS_RANGE: Final = re.compile(
    rf"(?:(?P<low>{_NUM})\s*(?:-|–|to|bis|a|à|y|e|et|und|en|tot|and)\s*)?(?P<high>{_NUM})\s*{HOURS}(?![a-z])"
)
CURRENT: Final = re.compile(
    r"\bnow\b|\bcurrently|\bat the moment|\bi ride|\bi run|\bi swim|\bi've been|\bbeen training|\bbase\b|\bhad\b|"
    r"\baktuell|\bderzeit|\bmomentan|\bactuellement|\ben ce moment|\bahora|\bactualmente|\battualmente|"
    r"\batualmente|\bneste momento|\bmomenteel|\bnu\b|\bbiggest week|\bgood base|\bspring\b|\bweeks\)|"
    r"\bgrundlage|\bsteht\b|\bdone\b|\bweeks \(|\bich (?:fahre|laufe|jogge|schwimme)\b|\bje (?:roule|cours|nage)\b|"
    r"\b(?:ruedo|pedaleo|corro|nado|nuoto|pedalo)\b|\bik (?:fiets|loop|zwem)\b"
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


def read_hours_per_week(text: RequestText) -> HoursPerWeek | None:
    """The hours a week the athlete has (not today's volume); the last statement wins. A range is kept whole
    ("between 12 and 15 hours a week, never more than 15" → 12 to 15)."""
    found: HoursPerWeek | None = None
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        for match in HOURS_RANGE.finditer(sentence):
            window = sentence[max(0, match.start() - 40) : match.end() + 30]
            if not re.search(rf"{PER_WEEK.pattern}|\bweeks?\b|\bwoche\b|\bsemaine\b|\bsemana\b|\bsettimana\b", window):
                continue
            if CURRENT.search(window) and not _AVAILABLE.search(window):
                continue
            if _PER_SESSION.match(sentence[match.end() :]) or number_value(match["high"]) < _MIN_WEEKLY_HOURS:
                continue  # "max 1 hour per session" is a cap
            if re.search(r"until|bis (?:februar|marz|april)|jusqu|hasta|fino a|ate |tot (?:februari|maart)", window):
                continue  # a seasonal cap ("8-10 hours until February") is not the plan's
            high = number_value(match["high"])
            low = number_value(match["low"]) if match["low"] else None
            text.use((start + match.start(), start + match.end()))
            if ceiling := _CEILING_AFTER.search(sentence, match.end()):  # "..., never more than 15"
                high = min(high, number_value(ceiling["n"])) if number_value(ceiling["n"]) >= (low or 0) else high
                text.use((start + ceiling.start(), start + ceiling.end()))
            peak = bool(_AT_PEAK.search(sentence[max(0, match.start() - 30) : match.end() + 30]))
            found = HoursPerWeek(min=low, max=high, at_peak=peak)
    return found


_AT_PEAK: Final = re.compile(
    r"\bat (?:the )?peak|\bpeak weeks?|\bin (?:the )?peak|\bbiggest weeks?|\bin der spitze|\bspitzenwoche|"
    r"\bau pic|\ben pico|\bal picco|\bno pico|\bpiekweken?|\bop het hoogtepunt"
)
_CEILING_AFTER: Final = re.compile(
    r"\b(?:never|not|no|nie|nicht|jamais|pas|nunca|no|mai|nao|nooit|niet)\s+(?:more|mehr|plus|mas|piu|mais|meer)\s+"
    r"(?:than|als|de|que|di|dan)\s+(?P<n>\d{1,2}(?:[.,]\d)?)\b(?!\s*(?:km|min|m\b|x\b|times|days?|sessions?))"
)


def read_session_minutes(text: RequestText) -> int | None:
    """The length wanted for every session, without a cap word ("three sessions a week, 45 minutes each",
    "séances de 45 minutes", "3 x 45 min"); a length for named days or with "max" is a cap (`read_time_caps`)."""
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        if WEEKDAY.search(sentence) or WEEKDAYS_WORD.search(sentence) or WEEKEND.search(sentence):
            continue
        for match in _SESSION_LENGTH.finditer(sentence):
            window = sentence[max(0, match.start() - 30) : match.end() + 20]
            if _CAP_ONLY.search(window):
                continue
            duration = DURATION.search(match.group())
            if text.is_used((start + match.start(), start + match.end())):
                continue  # "3 vezes por semana, 30 minutos cada vez" is today's habit
            if duration is not None and 10 <= (minutes := minutes_of(duration)) <= 300:
                text.use((start + match.start(), start + match.end()))
                return minutes
    return None


_CAP_ONLY: Final = re.compile(
    r"\bmax|\bat most|\bno (?:longer|more)|\bhochstens|\bau plus|\bmassimo|\bmaximaal|\bonly|\bnur\b|\bsolo\b"
)
_EACH = (
    r"(?:each|apiece|per session|a session|per workout|jeweils|pro einheit|chacune?|par seance|cada una?|por sesion|"
    r"ciascuna?|a seduta|per seduta|cada|elk|per sessie|per keer)"
)
_DURATION_TEXT = re.sub(r"\(\?P<\w+>", "(?:", DURATION.pattern)
_SESSION_LENGTH: Final = re.compile(
    rf"(?:{_DURATION_TEXT})\s*,?\s*{_EACH}\b"
    rf"|\b(?:sessions?|workouts?|einheiten|seances?|sesiones|sedute|sessoes|sessies|trainingen)\s+(?:of|von|de|da|di|van)"
    rf"\s+(?:{_DURATION_TEXT})"
    rf"|\b{_EACH}\s+(?:{_DURATION_TEXT})"
)


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
            for clause_start, clause_end in text.clauses():  # "because of work" only says why
                if start <= clause_start < end and _REASON.match(text.folded, clause_start, clause_end):
                    text.use((clause_start, clause_end))
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


_REASON: Final = re.compile(
    r"\W*(?:because of|due to|for work|wegen|a cause d|por (?:el|mi) trabajo|por causa d|per (?:il )?lavoro|"
    r"a causa del|vanwege|door mijn werk)"
)
_WEEKDAYS: Final = re.compile(rf"{WEEKDAYS_WORD.pattern}|\bweekday|\bunter der woche|\bin settimana")
_NOT_A_CAP_DAY: Final = re.compile(
    rf"\blong|\blang|\blarg|\blung|\bsortie|\brace\b|\brennen|\bgara\b|\bwedstrijd|\brest|\bruhetag|\brepos|"
    rf"\bdescanso|\briposo|\brust|\boff\b|{NEGATION.pattern}"
)
"""A clause whose day is not the cap's: the long session's, the race's, a rest day or a day ruled out."""
_EVERY_SESSION: Final = re.compile(
    r"\b(?:each|every|all|any|jede|alle|chaque|toutes?|cada|todas?|ogni|tutte|elke|iedere|alle)\s+(?:\w+\s+)?"
    r"(?:sessions?|workouts?|einheit\w*|training\w*|seances?|sesion\w*|sessao|sessoes|seduta|sedute|sessies?)"
)
_AVAILABLE_DAYS: Final = re.compile(
    r"\bonly|\bsolo|\buniquement|\bnur\b|\bcan\b|\bkann\b|\bpeux\b|\bpuedo|\bposso|\bkan\b|\bconsigo|"
    r"\bavailable|\bschedule"
)


def _cap_days(
    text: RequestText, start: int, end: int, at: int
) -> Literal["weekdays", "weekend", "all"] | list[Weekday]:
    """The days a cap at `at` applies to: the weekdays, the weekend, the days its clause or sentence names (not the
    long session's, a rest day or the race's day in another clause), or every day."""
    sentence, clause = text.folded[start:end], text.clause_at(at)
    if _WEEKDAYS.search(text.folded, *clause):
        return "weekdays"
    if _EVERY_SESSION.search(text.folded, *clause):
        return "all"  # "às quartas não posso, e cada sessão no máximo 1 hora": every session
    days = _day_matches(text, start, end)
    named: list[Weekday] = [day for _, day in days]
    if re.search(r"\bthose days|\bon those|\bevenings", sentence) and named:
        return _used(text, days[:2])
    usable = [pair for pair in days if not _NOT_A_CAP_DAY.search(text.folded, *text.clause_at(pair[0].start()))]
    if len({day for _, day in usable}) >= 3 and _AVAILABLE_DAYS.search(sentence):
        return "all"  # "only Tuesday, Thursday and Saturday, max 1 hour": the training days are those
    if own := [pair for pair in days if text.clause_at(pair[0].start()) == clause]:
        return _used(text, own)  # "weekdays max 45 min, except Wednesday 75 min": Wednesday's own
    if weekdays := _WEEKDAYS.search(sentence):
        text.use((start + weekdays.start(), start + weekdays.end()))
        return "weekdays"
    if re.search(r"\blong run[^.]*max", sentence) and named:
        return [named[-1]]
    if WEEKEND.search(sentence) and not re.search(
        r"more time|mehr zeit|plus de temps|mas tiempo|open\b|libre", sentence
    ):
        return "all" if re.search(r"tambien|also|auch|aussi|anche|tambem|ook", sentence) else "weekend"
    return _used(text, usable) or "all"


def _used(text: RequestText, days: list[tuple[re.Match[str], Weekday]]) -> list[Weekday]:
    """The days of `days`, each once, their words recorded as used."""
    for match, _ in days:
        text.use(match)
    return list(dict.fromkeys(day for _, day in days))


def _day_matches(text: RequestText, start: int, end: int) -> list[tuple[re.Match[str], Weekday]]:
    """The weekdays named in a span, a range ("Tuesday to Friday", "di-vr") standing for every day in it."""
    found: list[tuple[re.Match[str], Weekday]] = []
    matches = list(WEEKDAY.finditer(text.folded, start, end))
    for index, match in enumerate(matches):
        day = weekday_of(match)
        previous = matches[index - 1] if index else None
        if previous is not None and _RANGE.fullmatch(text.folded, previous.end(), match.start()):
            first, last = WEEKDAYS.index(weekday_of(previous)), WEEKDAYS.index(day)
            for between in WEEKDAYS[first + 1 : last]:
                found.append((match, between))
        found.append((match, day))
    return found


def named_days(text: RequestText, start: int, end: int) -> list[Weekday]:
    """The weekdays a span names, ranges spelled out, each once, in order of the week."""
    days = {day for _, day in _day_matches(text, start, end)}
    return [day for day in WEEKDAYS if day in days]


_RANGE: Final = re.compile(r"\s*(?:-|–|to|through|till|until|bis|au|a|al|ao|tot|t/m)\s*")
