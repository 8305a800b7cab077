"""The week's shape: days a week, sessions of each sport, the days allowed or ruled out, no back-to-back days,
and the long session's day per sport.

A later statement wins over an earlier one ("I run on 4 days now and can do 5" → 5): requests tell the
current habit first and the wish after it.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.vocabulary import WEEKDAYS, RunSubType, Weekday, WorkoutType
from planforge.offline.engine.understand.text import RequestText
from planforge.offline.engine.understand.words import (
    COMPARATIVE_LONG,
    DURATION,
    NEGATION,
    NUMBER,
    PER_WEEK,
    TIMES,
    WEEKDAY,
    WEEKDAYS_WORD,
    WEEKEND,
    count_of,
    sports_in,
    times_count,
    weekday_of,
)

_DAY_WORD = r"(?:days?|tage?n?|trainingstage?n?|lauftage?n?|jours?|dias?|giorni|dagen|dag)"
_DAYS_PER_WEEK: Final = re.compile(
    rf"\b(?P<count>{NUMBER})(?:\s*(?:-|to|a|ou|or|bis|à|o)\s*(?P<upper>{NUMBER}))?\s*(?:-\s*)?"
    rf"(?:{_DAY_WORD}|sessions?|seances?|sesiones|sedute|sessoes|einheiten|trainings?)\b"
    r"(?P<rest>(?:\s+(?:de |di |of )?(?:course|carrera|corsa|corrida|training|entrainement|entrenamiento|"
    r"running|run))?)"
)
_DAYS_CONTEXT: Final = re.compile(
    rf"{PER_WEEK.pattern}|\b(?:on|over|an|at|train\w*|can do|i train|entreno|treinar|allenar|trainen|puedo|posso|"
    r"consigo|kan|je peux|gehen|go)\b"
)
_NO_BACK_TO_BACK: Final = re.compile(
    r"consecutive days|back[\s-]to[\s-]back days|two days in a row|2 days in a row|days in a row|"
    r"zwei tage hintereinander|tage hintereinander|hintereinander|deux jours (?:de course (?:a pied )?)?d'affilee|"
    r"jours consecutifs|dos dias seguidos|dias consecutivos|due giorni di fila|giorni consecutivi|"
    r"dois dias seguidos|twee dagen achter elkaar|dagen achter elkaar|opeenvolgende"
)
_IN_A_ROW: Final = re.compile(
    r"[^.;,]{0,15}?(?:in a row|hintereinander|d'affilee|consecutiv|seguid|di fila|achter elkaar|back[\s-]to[\s-]back)"
)
_HARD_DAYS: Final = re.compile(
    r"\bhard(?!lo)|\bintens|\bquality|\bharte|\bschwer|\bdurs?\b|\bduros?\b|\bduras?\b|\bintensi|\bzware|\bfaticos|\bpesad"
)
_BACK_TO_BACK_OK: Final = re.compile(r"back[\s-]to[\s-]back (?:run|long)|\benchainement|back-to-back on")
_ALLOWED_CUE: Final = re.compile(
    r"\bonly\b|\bcan\b|\bschedule|\bavailable|\btrain on|\bnur\b|\bkann\b|\buniquement|\bseulement|\bpeux\b|"
    r"\bsolo\b|\bsolamente|\bpuedo|\bposso|\bsoltanto|\bconsigo|\bapenas|\bsomente|\balleen|\bkan\b|"
    r"\bnothing on the other"
)
_DATE_AFTER: Final = re.compile(
    r",?\s*\d{1,2}(?:\.|st|nd|rd|th)?\s*(?:de\s+)?(?:jan|feb|m[aä]r|apr|ma[iy]|mei|jun|jul|aug|a[oô]u|sep|set|o[ck]t|out|ott|nov|de[cz]|dic|ene|abr|ago|gen|mag|giu|lug|fev|avr|juil)"
)
_ONLY: Final = re.compile(
    r"\bonly\b|\bnur\b|\buniquement|\bseulement|\bsolo\b|\bsolamente|\bsoltanto|\bapenas|\bsomente|\balleen|"
    r"\bnothing on the other"
)
_CAP_PHRASE: Final = re.compile(
    r"\b(?:no|not|never|nie|nicht|jamais|pas|no|non|nao|niet|nooit)\s+(?:more|longer|mehr|langer|plus|mas|piu|mais|"
    r"meer|langer)\s+(?:than|als|de|que|di|dan)\b|\bat most|\bmax\w*|\bhochstens|\bau plus|\bcomo maximo|"
    r"\bal massimo|\bno maximo|\bhooguit|\bup to"
)
"""A cap on a session's length: its negation ("pas plus de 50 minutes") rules out no day."""
_MIDWEEK_REST: Final = re.compile(
    r"rest day (?:in )?midweek|midweek rest|ruhetag (?:unter der woche|in der wochenmitte)|repos en milieu de semaine|"
    r"descanso a mitad de semana|riposo a meta settimana|descanso a meio da semana|rustdag midden in de week"
)
_EXCLUDED_CUE: Final = re.compile(
    rf"{NEGATION.pattern}|\brest day|\brestday|\brest\b(?! of)|\bresting\b|\brust\b|\boff\b|\bjour off|"
    r"\bruhetag|\brepos\b|\bdescanso|\briposo|\bfolga|"
    r"\brustdag|\bvrij\b|\bfamily day|\bfamilientag|\bday off"
)
_LONG: Final = re.compile(
    r"\blong\w*|\blange[nr]?\b|\blanger\b|\blarg[ao]s?\b|\blung[hoa]e?\b|\blong[oa]s?\b|\blongao|\benchainement"
)
_RIDE_WORD: Final = re.compile(
    r"\bride|\bbike|\brad|\bvelo|\bbici|\bpedal|\bfiets|\bgiro|\bgiri|\bcycl|\brit\b|\bsortie velo"
)
_TRAIL: Final = re.compile(r"\btrail")
_NOT_A_COUNT: Final = re.compile(
    r"\bbrick|\bkoppel|\bcombinado|\bcounts? as|\bconta\b|\bcompte|\btrail|\bhill|\btempo|\binterval|\blong"
)
"""A clause that counts a kind of session ("one trail run", "two long runs") or explains a brick, not a sport."""
_NOW: Final = re.compile(
    r"\bat the moment|\bcurrently|\bnow\b|\bi've been|\baktuell|\bderzeit|\bzurzeit|\bzur zeit|\bmomentan|"
    r"\bactuellement|\bahora mismo|"
    r"\bactualmente|\battualmente|\batualmente|\bneste momento|\bmomenteel|\bnu\b|\bantes\b|\bbefore\b|\bvorher"
)
_SEASONAL: Final = re.compile(
    r"\bin (?:the )?winter|\buntil (?:january|february|march|april)|\bim winter|\ben hiver|\ben invierno|"
    r"\bin inverno|\bno inverno|\bin de winter"
)
_ALSO: Final = re.compile(
    r"\balso\b|\binclude|\bplus\b|\btoo\b|\bauch\b|\baussi\b|\btambien|\banche\b|\btambem|\book\b|"
    r"\bwould like|\b'd like|\bdo a bit"
)


def read_days_per_week(text: RequestText) -> int | None:
    """Training days a week, the last statement winning; a range ("4-5 days") reads as its upper end."""
    found: int | None = None
    for match in _DAYS_PER_WEEK.finditer(text.folded):
        start, end = text.sentence_at(match.start())
        if not (_DAYS_CONTEXT.search(text.folded[max(start, match.start() - 25) : min(end, match.end() + 20)])):
            continue
        count = count_of(match["upper"] or match["count"])
        if _IN_A_ROW.match(text.folded, match.end()):
            continue  # "zwei Tage hintereinander" counts days in a row, not training days
        if 1 <= count <= 7:
            text.use(match)
            found = count
    return found


def read_sessions_per_week(text: RequestText) -> tuple[dict[WorkoutType, int], dict[WorkoutType, int]]:
    """(sessions of each sport a week the athlete wants, those they do today): "2 swims, 3 rides and 3 runs a
    week", "nuotare 2 volte"; "at the moment I jog twice a week" is today's."""
    wanted: dict[WorkoutType, int] = {}
    today: dict[WorkoutType, int] = {}
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        if _SEASONAL.search(sentence):
            continue
        weekly = bool(PER_WEEK.search(sentence) or _ALSO.search(sentence))
        for clause_start, clause_end in _clauses(sentence, start):
            clause = text.folded[clause_start:clause_end]
            found = _sessions_in(clause, weekly=weekly)
            if found is None or _NOT_A_COUNT.search(clause):
                continue
            sport, count = found
            current = bool(_NOW.search(sentence[: clause_end - start]))
            (today if current else wanted)[sport] = count
            text.use((clause_start, clause_end))
    return wanted, today


def _sessions_in(clause: str, *, weekly: bool) -> tuple[WorkoutType, int] | None:
    """The sport a clause counts sessions of, and how many ("4 runs a week", "1x Kraft", "gym work" → 1)."""
    sports: set[WorkoutType] = {sport for _, sport in sports_in(clause)}
    if "cross-training" in sports and len(sports) == 2:
        sports -= {"cross-training"}  # "one cross-training day on the bike" is a ride
    if len(sports) != 1 or NEGATION.search(clause):
        return None
    sport = sports.pop()
    count = _count_in(clause) if weekly else None
    if count is None and sport == "strength" and _ALSO.search(clause):
        count = 1
    if count is None:
        return None
    volume = re.search(r"\b(?:km|k|min|minutes|h|hours|m)\b", clause) and sport in {"run", "bike", "swim"}
    if volume and not TIMES.search(clause) and not re.search(r"\bsessions?\b", clause):
        return None  # "I run 30 km a week" is a volume
    return sport, count


def _clauses(sentence: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cut = 0
    for match in re.finditer(r",\s|;|[()]|\s(?:and|und|et|y|e|en|plus|davon|with|mit|avec|con|com|met)\s", sentence):
        spans.append((offset + cut, offset + match.start()))
        cut = match.end()
    spans.append((offset + cut, offset + len(sentence)))
    return spans


def _count_in(clause: str) -> int | None:
    if times := TIMES.search(clause):
        return times_count(times)
    noun = re.search(
        rf"\b(?P<count>{NUMBER})\s+(?:[\w/-]+\s+){{0,3}}?(?:runs?|swims?|rides?|sessions?|workouts?|laufe|lauf|"
        r"sorties?|seances?|salidas|sedute|uscite|treinos?|trainingen|zwemtrainingen|kraft|strength|gym|days?)\b",
        clause,
    )
    if noun:
        return count_of(noun["count"])
    return None


def read_run_kinds(text: RequestText) -> dict[RunSubType, int]:
    """Kinds of run wanted every week ("one trail run per week")."""
    kinds: dict[RunSubType, int] = {}
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        if (trail := _TRAIL.search(sentence)) and PER_WEEK.search(sentence) and not NEGATION.search(sentence):
            count = _count_in(sentence[max(0, trail.start() - 20) : trail.end() + 10])
            kinds["trail-run"] = count or 1
            text.use((start + trail.start(), start + trail.end()))
    return kinds


def read_no_back_to_back(text: RequestText) -> list[WorkoutType]:
    """Sports never on consecutive days ("no running on consecutive days": run)."""
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        if (match := _NO_BACK_TO_BACK.search(sentence)) and not _BACK_TO_BACK_OK.search(sentence):
            text.use((start + match.start(), start + match.end()))
            if _HARD_DAYS.search(text.folded, *text.clause_at(start + match.start())):
                continue  # "never two hard days in a row": every plan keeps that, it rules out no sport
            sports: list[WorkoutType] = [sport for _, sport in sports_in(sentence)] or ["run"]
            return sports[:1]
    return []


def _days_in(text: RequestText, start: int, end: int) -> list[tuple[re.Match[str], Weekday]]:
    return [(match, weekday_of(match)) for match in WEEKDAY.finditer(text.folded, start, end)]


def read_day_rules(text: RequestText, race_day: Weekday | None) -> tuple[list[Weekday] | None, list[Weekday]]:
    """(allowed days, excluded days): "only Tuesday, Thursday and Saturday", "Mondays are always off"."""
    allowed: list[Weekday] | None = None
    excluded: list[Weekday] = []
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        named = _days_in(text, start, end)
        days: list[tuple[re.Match[str], Weekday]] = [(m, d) for m, d in named if not _is_long_or_race(text, m, start)]
        if match := _MIDWEEK_REST.search(sentence):
            excluded.append("Wednesday")
            text.use((start + match.start(), start + match.end()))
        if WEEKDAYS_WORD.search(sentence) or not named:
            continue  # "max 1 hour Monday to Friday" names a range of days for a cap
        capped = bool(DURATION.search(sentence) and _CAP_PHRASE.search(sentence))
        unnegated = _CAP_PHRASE.sub(" ", sentence)  # "pas plus de 50 minutes" rules no day out
        if days and (cue := _EXCLUDED_CUE.search(unnegated)) and len(days) <= 2:
            for match, day in days:
                if day != race_day:
                    excluded.append(day)
                    text.use(match)
            if not capped:
                text.use((start + cue.start(), start + cue.end()))
        elif (
            len(named) >= 2
            and _ALLOWED_CUE.search(sentence)
            and (_ONLY.search(sentence) or not (_LONG.search(sentence) or (capped and len(named) <= 2)))
        ):
            named_days: list[Weekday] = [*(allowed or []), *(day for _, day in named)]
            allowed = [day for day in WEEKDAYS if day in named_days]
            for match, _ in named:
                text.use(match)
    excluded = sorted(set(excluded), key=WEEKDAYS.index)
    if allowed is not None:
        allowed = [day for day in allowed if day not in excluded]
    return allowed, excluded


def _is_long_or_race(text: RequestText, match: re.Match[str], sentence_start: int) -> bool:
    before = text.folded[max(sentence_start, match.start() - 30) : match.start()]
    after = text.folded[match.end() : match.end() + 20]
    if re.search(
        r"\blong|\blang|\blarg|\blung|\blongo|\blonga|\bsortie|\brace is|\brennen|\bgara\b|\bwedstrijd", before
    ):
        return True
    return bool(re.search(r"^\s*(?:\d{1,2}\b|long|lang)", after))


def read_long_days(text: RequestText, main_sport: WorkoutType) -> dict[WorkoutType, Weekday]:
    """The long session's day per sport ("long ride on Saturday, long run on Sunday", "langer Lauf sonntags")."""
    days: dict[WorkoutType, Weekday] = {}
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        clauses = _clauses(sentence, start)
        paired = [(s, e) for s, e in clauses if _LONG.search(text.folded[s:e]) and WEEKDAY.search(text.folded, s, e)]
        if not paired and len(list(WEEKDAY.finditer(sentence))) == 1 and _LONG.search(sentence):
            clauses = [(start, end)]  # "La tirada larga, el sábado."
        for clause_start, clause_end in clauses:
            clause = text.folded[clause_start:clause_end]
            long_word = _LONG.search(clause)
            weekdays = [
                m
                for m in WEEKDAY.finditer(text.folded, clause_start, clause_end)
                if not _DATE_AFTER.match(text.folded, m.end())  # a race date: "Sunday 14 June", "Sonntag, 18. Oktober"
            ]
            comparative = COMPARATIVE_LONG.search(clause)
            if (
                long_word is None
                or not weekdays
                or (comparative and comparative.start() <= long_word.start() < comparative.end())
            ):
                continue  # "Saturday can be longer too" is a second long day (`read_medium_long_days`)
            if comparative:  # "long run on Sunday and Saturday a bit longer too": the day nearest the long word
                at = clause_start + long_word.start()
                weekdays.sort(key=lambda match: abs(match.start() - at))
            sport = _long_sport(clause, long_word, main_sport)
            days.setdefault(sport, weekday_of(weekdays[0]))
            text.use((clause_start + long_word.start(), clause_start + long_word.end()))
            text.use(weekdays[0])
    return days


def _long_sport(clause: str, long_word: re.Match[str], main_sport: WorkoutType) -> WorkoutType:
    """The sport of a long session: a ride when the clause names riding near the long word, else the main sport."""
    near = clause[max(0, long_word.start() - 20) : long_word.end() + 20]
    if _RIDE_WORD.search(near):
        return "bike"
    if re.search(r"\brun|\blauf|\bcourse|\btirada|\bcorsa|\bcorrida|\bduurloop|\bsortie longue", near):
        return "run"
    return main_sport


def read_weekend_long(text: RequestText) -> bool:
    """Whether the long sessions are to be at the weekend ("le sedute lunghe solo nel weekend")."""
    for start, end in text.clauses():
        clause = text.folded[start:end]
        if _LONG.search(clause) and WEEKEND.search(clause) and not WEEKDAY.search(clause):
            text.use((start, end))
            return True
    return False


def weekday_words(text: RequestText) -> bool:
    """Whether the text speaks of weekdays as a group ("on weekdays")."""
    return bool(WEEKDAYS_WORD.search(text.folded))
