"""What the athlete wants of named days: the sport a day holds ("Tuesday and Thursday are indoor rides"), indoor
days, a second longer day ("Saturday can be longer too") and long sessions back to back ("weekends are free for
long back-to-back runs").
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.vocabulary import WEEKDAYS, Weekday, WorkoutType
from planforge.offline.engine.understand.dates import DATE
from planforge.offline.engine.understand.text import RequestText
from planforge.offline.engine.understand.words import (
    COMPARATIVE_LONG,
    NEGATION,
    WEEKDAY,
    WEEKEND,
    sports_in,
    weekday_of,
)

_BACK_TO_BACK: Final = re.compile(
    r"back[\s-]?to[\s-]?back|\bb2b\b|\benchainement|\bdoppel\w*|\bconsecutive long|\bhintereinander|"
    r"\bd'affilee|\bseguid[oa]s|\bconsecutiv[oa]s|\bdi fila|\bachter elkaar|\bop elkaar volgend"
)
_LONG_PLURAL: Final = re.compile(
    r"\blong (?:runs|rides|sessions|ones)|\blange (?:laufe|einheiten|ausfahrten)|\bsorties longues|"
    r"\b(?:tiradas|salidas) largas|\b(?:corse|uscite) lunghe|\blunghi\b|\blongoes|\blange (?:duurlopen|ritten)"
)
_HARD: Final = re.compile(r"\bhard|\bintens|\bquality|\bharte|\bdur\b|\bdurs\b|\bduro|\bintensi|\bzwaar|\bdays?\b")
_INDOOR: Final = re.compile(
    r"\bindoor|\binside\b|\btrainer\b|\bturbo\b|\bzwift|\btreadmill|\blaufband|\brollentrainer|\bhome[\s-]?trainer|"
    r"\btapis|\bcinta\b|\brodillo|\brulli\b|\besteira|\bloopband|\bspinning|\bspin class|\bop de rollen|"
    r"\bhome[\s-]?trainer|\bhometrainer"
)
_INDOOR_SPORT: Final[tuple[tuple[WorkoutType, re.Pattern[str]], ...]] = (
    ("bike", re.compile(r"\btrainer\b|\bturbo\b|\bzwift|\brollentrainer|\bhome[\s-]?trainer|\brodillo|\brulli\b|"
                        r"\bspinning|\bspin class|\bop de rollen")),
    ("run", re.compile(r"\btreadmill|\blaufband|\btapis roulant|\btapis de course|\bcinta\b|\besteira|\bloopband")),
)  # fmt: skip
_LONG_WORD: Final = re.compile(r"\blong|\blang|\blarg|\blung|\bsortie longue|\brace\b|\bwettkampf|\bgara\b|\bcourse le")
_NOT_A_ROLE: Final = re.compile(
    rf"{NEGATION.pattern}|{_LONG_WORD.pattern}|\brest|\bruhetag|\brepos|\bdescanso|\briposo|\brust|\boff\b|"
    r"\bfolga|\bvrij\b|\bkm\b|\bback[\s-]?to[\s-]?back"
)
"""A clause whose weekday is a rest day, the long session's or the race's, or a volume, not a day's sport."""
_AVAILABILITY: Final = re.compile(
    r"\bonly\b|\bcan\b|\bnur\b|\bkann\b|\bseulement|\bpeux|\bsolo\b|\bpuedo|\bposso|\bkan\b"
)
_SUPERLATIVE: Final = re.compile(
    r"\b(?:la|el|le|il|lo|o|a|los|las|les|gli)\s+(?:\w+\s+)?(?:mas|plus|piu|mais)\s+\w+$|\blongest|\blangste"
)
""""la tirada más larga", "la plus longue": the longest done, not a second long day."""
_SPACE: Final = re.compile(r"[,\s]*(?:the\s+|le\s+|el\s+|den\s+)?")
_JOINED: Final = re.compile(r"^\s*(?:(?:and|und|et|y|e|en|or|oder|ou|o|of)\s+)?(?:\w+\s+)?[.!;]?\s*$")


def read_back_to_back_long(text: RequestText) -> bool:
    """Whether the athlete wants long sessions on two days in a row: "back-to-back long runs", "weekends are free
    for long back-to-back runs", "long runs on Saturday and Sunday", "enchaînement samedi-dimanche"."""
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        if NEGATION.search(sentence):
            continue
        days = {weekday_of(match) for match in WEEKDAY.finditer(sentence)}
        weekend = bool(WEEKEND.search(sentence)) or {"Saturday", "Sunday"} <= days
        paired = (match := _BACK_TO_BACK.search(sentence)) and not _HARD.match(sentence, match.end() + 1)
        if (paired and (days or weekend or _LONG_PLURAL.search(sentence))) or (
            _LONG_PLURAL.search(sentence) and weekend
        ):
            text.use((start, end))
            return True
    return False


def read_medium_long_days(text: RequestText, main_sport: WorkoutType) -> dict[WorkoutType, Weekday]:
    """A second, longer day per sport: "Saturday can be longer too", "Samstag darf auch länger sein"."""
    days: dict[WorkoutType, Weekday] = {}
    for start, end in text.clauses():
        clause = text.folded[start:end]
        comparative = COMPARATIVE_LONG.search(clause)
        weekdays = list(WEEKDAY.finditer(clause))
        if comparative and weekdays and not _SUPERLATIVE.search(clause[: comparative.end()]):
            at = comparative.start()
            weekday = min(weekdays, key=lambda match: abs(match.start() - at))
            sport = "bike" if re.search(r"\bride|\bbike|\brad\b|\bvelo|\bbici|\bfiets|\bcycl", clause) else main_sport
            days.setdefault(sport, weekday_of(weekday))
            text.use((start + comparative.start(), start + comparative.end()))
            text.use((start + weekday.start(), start + weekday.end()))
    return days


def read_day_sports(text: RequestText) -> tuple[dict[Weekday, WorkoutType], list[Weekday]]:
    """(the sport of each day a request gives one, the indoor days): "Tuesday and Thursday are indoor rides",
    "swim on Monday, Wednesday and Friday", "Krafttraining am Montag"."""
    sports: dict[Weekday, WorkoutType] = {}
    indoor: set[Weekday] = set()
    for start, end in _day_clauses(text):
        clause = text.folded[start:end]
        days: list[Weekday] = [
            weekday_of(match)
            for match in WEEKDAY.finditer(text.folded, start, end)
            if not _date_after(text, match.end())  # "Saturday 22 May" is the race's day
        ]
        if not days or _NOT_A_ROLE.search(clause) or COMPARATIVE_LONG.search(clause):
            continue
        named: set[WorkoutType] = {sport for _, sport in sports_in(clause)}
        named |= {sport for sport, pattern in _INDOOR_SPORT if pattern.search(clause)}
        named.discard("cross-training")
        if _INDOOR.search(clause):
            indoor.update(days)
            text.use((start, end))
        if len(named) == 1 and not (len(days) >= 3 and _AVAILABILITY.search(clause)):
            sport = named.pop()
            sports.update(dict.fromkeys(days, sport))
            text.use((start, end))
    ordered: dict[Weekday, WorkoutType] = {day: sports[day] for day in WEEKDAYS if day in sports}
    return ordered, [day for day in WEEKDAYS if day in indoor]


def _date_after(text: RequestText, position: int) -> bool:
    gap = _SPACE.match(text.folded, position)
    return bool(DATE.match(text.folded, gap.end() if gap else position))


def _day_clauses(text: RequestText) -> list[tuple[int, int]]:
    """The clauses of the text, a clause of nothing but weekdays ("Wednesday and Friday") joined to the one before:
    "swim on Monday, Wednesday and Friday" is one."""
    spans: list[tuple[int, int]] = []
    for start, end in text.clauses():
        rest = WEEKDAY.sub(" ", text.folded[start:end])
        joined = spans and text.sentence_at(spans[-1][0]) == text.sentence_at(start)
        if joined and WEEKDAY.search(text.folded, start, end) and _JOINED.match(rest):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans
