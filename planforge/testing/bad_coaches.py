"""Deliberately bad coaches, and the reference coach, for proving the eval harness (meta-evaluation).

A coach reads a `CoachCase` (the request, the case's expectations and its golden draft converted into a plan)
and writes a draft. The reference coach serves the golden draft. Each bad coach starts from the golden plan,
changes one thing (its `flaw`), and writes the result out in the case's language, as a coach would: sessions it
left alone keep the golden draft's own words. A bad coach returns None for a case its flaw cannot apply to
(no day constraint to ignore, no swim to oversize), so meta-evaluation counts only the cases it should fail.
`render` alone (the `echo` coach) is the control: the golden plan written out again, with no change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from planforge import DraftRequest, Plan, PlanWorkout
from planforge.domain.vocabulary import WEEKDAYS, Language, Weekday, WorkoutType, weekday_index
from planforge.evals.expectations import CaseExpectationsV2
from planforge.quality.measures import workout_seconds

Kind = Literal["easy", "long", "intervals", "tempo"]


@dataclass(frozen=True)
class Words:
    """The words a draft in one language is written with."""

    week: str
    rest: str
    race: str
    days: tuple[str, ...]
    sessions: dict[tuple[WorkoutType, Kind], str]


_WORDS: Final[dict[Language, Words]] = {
    "en": Words("Week", "Rest", "Race", WEEKDAYS, {
        ("run", "easy"): "Easy run", ("run", "long"): "Long run", ("run", "intervals"): "Intervals",
        ("run", "tempo"): "Tempo run", ("bike", "easy"): "Easy ride", ("bike", "long"): "Long ride",
        ("bike", "intervals"): "Bike intervals", ("bike", "tempo"): "Tempo ride", ("swim", "easy"): "Swim",
        ("swim", "intervals"): "Swim intervals", ("strength", "easy"): "Strength"}),
    "de": Words("Woche", "Ruhetag", "Wettkampf",
                ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"), {
        ("run", "easy"): "Lockerer Lauf", ("run", "long"): "Langer Lauf", ("run", "intervals"): "Lauf-Intervalle",
        ("run", "tempo"): "Tempolauf", ("bike", "easy"): "Lockere Radeinheit", ("bike", "long"): "Lange Radeinheit",
        ("bike", "intervals"): "Rad-Intervalle", ("bike", "tempo"): "Radeinheit im Tempo",
        ("swim", "easy"): "Schwimmen", ("swim", "intervals"): "Schwimmen Intervalle",
        ("strength", "easy"): "Krafttraining"}),
    "fr": Words("Semaine", "Repos", "Course",
                ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"), {
        ("run", "easy"): "Footing facile", ("run", "long"): "Sortie longue", ("run", "intervals"): "Fractionné",
        ("run", "tempo"): "Course au seuil", ("bike", "easy"): "Vélo facile",
        ("bike", "long"): "Sortie longue à vélo", ("bike", "intervals"): "Vélo fractionné",
        ("bike", "tempo"): "Vélo au seuil", ("swim", "easy"): "Natation", ("swim", "intervals"): "Natation fractionné",
        ("strength", "easy"): "Renforcement musculaire"}),
    "es": Words("Semana", "Descanso", "Carrera",
                ("Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo"), {
        ("run", "easy"): "Rodaje suave", ("run", "long"): "Tirada larga", ("run", "intervals"): "Series",
        ("run", "tempo"): "Carrera a ritmo umbral", ("bike", "easy"): "Bicicleta suave",
        ("bike", "long"): "Bicicleta larga", ("bike", "intervals"): "Bicicleta series",
        ("bike", "tempo"): "Bicicleta umbral", ("swim", "easy"): "Natación", ("swim", "intervals"): "Natación series",
        ("strength", "easy"): "Fuerza"}),
    "it": Words("Settimana", "Riposo", "Gara",
                ("Lunedì", "Martedì", "Mercoledì", "Giovedì", "Venerdì", "Sabato", "Domenica"), {
        ("run", "easy"): "Corsa lenta", ("run", "long"): "Corsa lunga", ("run", "intervals"): "Ripetute di corsa",
        ("run", "tempo"): "Corsa a soglia", ("bike", "easy"): "Bici facile", ("bike", "long"): "Bici lunga",
        ("bike", "intervals"): "Bici ripetute", ("bike", "tempo"): "Bici a soglia", ("swim", "easy"): "Nuoto",
        ("swim", "intervals"): "Nuoto ripetute", ("strength", "easy"): "Forza"}),
    "pt": Words("Semana", "Descanso", "Prova",
                ("Segunda-feira", "Terça-feira", "Quarta-feira", "Quinta-feira", "Sexta-feira", "Sábado", "Domingo"), {
        ("run", "easy"): "Corrida leve", ("run", "long"): "Longão", ("run", "intervals"): "Tiros",
        ("run", "tempo"): "Corrida em tempo", ("bike", "easy"): "Bicicleta leve", ("bike", "long"): "Bicicleta longa",
        ("bike", "intervals"): "Bicicleta intervalos", ("bike", "tempo"): "Bicicleta tempo",
        ("swim", "easy"): "Natação", ("swim", "intervals"): "Natação intervalos",
        ("strength", "easy"): "Musculação"}),
    "nl": Words("Week", "Rust", "Wedstrijd",
                ("Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag"), {
        ("run", "easy"): "Rustige duurloop", ("run", "long"): "Lange duurloop", ("run", "intervals"): "Intervallen",
        ("run", "tempo"): "Tempoloop", ("bike", "easy"): "Rustig fietsen", ("bike", "long"): "Lange fietstocht",
        ("bike", "intervals"): "Fietsen intervallen", ("bike", "tempo"): "Fietsen tempo", ("swim", "easy"): "Zwemmen",
        ("swim", "intervals"): "Zwemmen intervallen", ("strength", "easy"): "Krachttraining"}),
}  # fmt: skip

SWIM_METERS_PER_MINUTE: Final = 50.0
"""Swim sessions the bad coaches resize are written in metres: 2:00/100 m, planforge's reference swim pace."""


@dataclass(frozen=True)
class CoachCase:
    """What a coach is given: the request, what the case expects, and the golden draft as a plan."""

    request: DraftRequest
    expect: CaseExpectationsV2
    golden: Plan
    """The golden draft converted by the offline pipeline."""


def session_text(language: Language, sport: WorkoutType, kind: Kind, minutes: float) -> str:
    """A session in the words of `language`: "Lockerer Lauf 40 min", "Natation 2000 m"."""
    words = _WORDS[language].sessions
    name = words.get((sport, kind)) or words.get((sport, "easy")) or words[("run", kind)]
    if sport == "swim":
        return f"{name} {round(minutes * SWIM_METERS_PER_MINUTE / 50) * 50} m"
    return f"{name} {round(minutes)} min"


def minutes_of(workout: PlanWorkout) -> float:
    return workout_seconds(workout) / 60


def kind_of(workout: PlanWorkout) -> Kind:
    sub_type = workout.workout_sub_type
    if sub_type in {"long-run", "long-ride"}:
        return "long"
    if sub_type in {"tempo-run", "tempo-ride", "race-pace-run"}:
        return "tempo"
    if sub_type in {"interval-run", "interval-ride", "hill-repeats", "fartlek", "interval-swim", "hill-ride"}:
        return "intervals"
    return "easy"


_SUB_TYPE: Final[dict[tuple[WorkoutType, Kind], str]] = {
    ("run", "easy"): "easy-run", ("run", "long"): "long-run", ("run", "intervals"): "interval-run",
    ("run", "tempo"): "tempo-run", ("bike", "easy"): "endurance-ride", ("bike", "long"): "long-ride",
    ("bike", "intervals"): "interval-ride", ("bike", "tempo"): "tempo-ride", ("swim", "easy"): "endurance-swim",
    ("swim", "intervals"): "interval-swim",
}  # fmt: skip


def rewritten(
    workout: PlanWorkout,
    language: Language,
    *,
    minutes: float | None = None,
    sport: WorkoutType | None = None,
    kind: Kind | None = None,
) -> PlanWorkout:
    """`workout` with a new size, sport or kind, its text written anew in `language`."""
    sport = sport or workout.workout_type
    kind = kind or kind_of(workout)
    minutes = minutes_of(workout) if minutes is None else minutes
    text = session_text(language, sport, kind, minutes)
    return workout.model_copy(
        update={
            "workout_type": sport,
            "workout_sub_type": _SUB_TYPE.get((sport, kind), workout.workout_sub_type),
            "target_duration_in_seconds": round(minutes * 60),
            "target_distance_in_meters": None,
            "content_blocks": [],
            "workout_name": text,
            "workout_description": text,
        }
    )


def moved(workout: PlanWorkout, day: Weekday, week: int | None = None) -> PlanWorkout:
    return workout.model_copy(update={"day": day, "week": workout.week if week is None else week})


def render(workouts: Sequence[PlanWorkout], weeks: int, language: Language) -> str:
    """The plan as a draft in `language`: a header per week, all seven days, rest days written out."""
    words = _WORDS[language]
    by_day: dict[tuple[int, Weekday], list[str]] = defaultdict(list)
    for workout in workouts:
        text = " ".join(workout.workout_description.split()).rstrip(".")
        by_day[(workout.week, workout.day)].append(text)
    last = max([weeks, *(w.week for w in workouts)])
    lines: list[str] = []
    for week in range(1, last + 1):
        lines.append(f"{words.week} {week}")
        for index, day in enumerate(WEEKDAYS):
            sessions = by_day.get((week, day)) or [words.rest]
            lines.append(f"- {words.days[index]}: {' + '.join(sessions)}")
        lines.append("")
    return "\n".join(lines)


Flaw = Callable[[CoachCase], list[PlanWorkout] | None]


def rewritable(case: CoachCase) -> bool:
    """Whether the golden plan can be written out again as the coach's: not under strict_existing, where the
    conversion swapped in the library's workouts."""
    return case.request.workout_preference != "strict_existing"


@dataclass(frozen=True)
class Coach:
    """A coach for meta-evaluation: its name, the flaw it has (none for the reference) and how it writes."""

    name: str
    flaw: str
    write: Callable[[CoachCase], str | None]

    def draft(self, case: CoachCase) -> str | None:
        """The coach's draft for `case`; None when its flaw does not apply to the case."""
        return self.write(case)


def bad_coach(name: str, flaw: str, change: Flaw, *, language: Callable[[Language], Language] | None = None) -> Coach:
    """A coach that writes the golden plan with `change` applied (None when it changes nothing)."""

    def write(case: CoachCase) -> str | None:
        if not rewritable(case):
            return None
        changed = change(case)
        if changed is None or changed == list(case.golden.content):
            return None
        wanted = case.expect.language
        return render(changed, case.request.weeks, language(wanted) if language else wanted)

    return Coach(name, flaw, write)


def weekday_after(day: Weekday, step: int) -> Weekday | None:
    index = weekday_index(day) + step
    return WEEKDAYS[index] if 0 <= index < 7 else None


def _race_week(case: CoachCase) -> int:
    return case.expect.race.week if case.expect.race is not None else case.request.weeks + 1


def _training(case: CoachCase) -> list[PlanWorkout]:
    return [w for w in case.golden.content if w.workout_sub_type != "race"]


def _races(case: CoachCase) -> list[PlanWorkout]:
    return [w for w in case.golden.content if w.workout_sub_type == "race"]


def _week_minutes(workouts: Sequence[PlanWorkout]) -> dict[int, float]:
    totals: dict[int, float] = defaultdict(float)
    for workout in workouts:
        if workout.workout_sub_type != "race":
            totals[workout.week] += minutes_of(workout)
    return totals


def _longest_per_week_and_sport(workouts: Sequence[PlanWorkout], before_week: int) -> set[int]:
    """Indexes of each week's longest session of each sport (strength excepted), before `before_week`."""
    best: dict[tuple[int, str], int] = {}
    for index, workout in enumerate(workouts):
        if workout.workout_sub_type == "race" or workout.week >= before_week or workout.workout_type == "strength":
            continue
        key = (workout.week, workout.workout_type)
        if key not in best or minutes_of(workout) > minutes_of(workouts[best[key]]):
            best[key] = index
    return set(best.values())


def no_race(case: CoachCase) -> list[PlanWorkout] | None:
    """The race is left out."""
    return _training(case) if case.expect.race is not None else None


_OTHER_SPORT: Final[dict[str, WorkoutType]] = {"run": "bike", "trail-run": "bike", "bike": "run", "swim": "run"}


def wrong_sport(case: CoachCase) -> list[PlanWorkout] | None:
    """The race's sport trained (and raced) as another: a running race on the bike, a triathlon as runs only."""
    race = case.expect.race
    if race is None:
        return None
    language = case.expect.language
    target = _OTHER_SPORT.get(race.sport, "run")
    trained = {"run"} if race.sport == "trail-run" else {race.sport} if race.sport in _OTHER_SPORT else {"swim", "bike"}
    changed: list[PlanWorkout] = []
    for workout in case.golden.content:
        if workout.workout_sub_type == "race":
            text = f"{_WORDS[language].race}: {session_text(language, target, 'easy', minutes_of(workout))}"
            changed.append(workout.model_copy(update={"workout_type": target, "workout_description": text}))
        elif workout.workout_type in trained:
            changed.append(rewritten(workout, language, sport=target))
        else:
            changed.append(workout)
    return changed


def days_ignored(case: CoachCase) -> list[PlanWorkout] | None:
    """Training moved onto the weekdays the athlete ruled out."""
    expect = case.expect
    allowed: set[Weekday] = set(expect.allowed_days or WEEKDAYS) - set(expect.excluded_days)
    ruled_out: list[Weekday] = [day for day in WEEKDAYS if day not in allowed]
    if not ruled_out or len(allowed) == 7:
        return None

    changed: list[PlanWorkout] = []
    taken: set[tuple[int, Weekday]] = set()
    for workout in case.golden.content:
        if workout.workout_sub_type == "race":
            changed.append(workout)
            continue

        def distance(other: Weekday, day: Weekday = workout.day, week: int = workout.week) -> tuple[bool, int, int]:
            # A free day first (a day of two sessions is harder to read), then the nearest.
            gap = abs(weekday_index(other) - weekday_index(day))
            return ((week, other) in taken, gap, weekday_index(other))

        day = min(ruled_out, key=distance)
        taken.add((workout.week, day))
        changed.append(moved(workout, day))
    return changed


def time_caps_ignored(case: CoachCase) -> list[PlanWorkout] | None:
    """Each week's longest session on a capped day runs half as long again as the cap allows."""
    caps = case.expect.time_caps
    if caps is None:
        return None
    workouts = list(case.golden.content)
    longest: dict[int, int] = {}
    for index, workout in enumerate(workouts):
        if workout.workout_sub_type == "race" or caps.cap_for(workout.day) is None:
            continue
        if workout.week not in longest or minutes_of(workout) > minutes_of(workouts[longest[workout.week]]):
            longest[workout.week] = index
    for index in longest.values():
        workout = workouts[index]
        cap = caps.cap_for(workout.day) or 0
        workouts[index] = rewritten(workout, case.expect.language, minutes=max(minutes_of(workout), cap) * 1.5)
    return workouts


def hours_ignored(case: CoachCase) -> list[PlanWorkout] | None:
    """Weekly hours far outside the athlete's range: 60 % above its maximum (or half its minimum)."""
    hours = case.expect.hours_per_week
    totals = _week_minutes(case.golden.content)
    if hours is None or not totals:
        return None
    peak = max(totals.values()) / 60
    factor = 1.6 * hours.max / peak if hours.max is not None else 0.5
    return [
        w if w.workout_sub_type == "race" else rewritten(w, case.expect.language, minutes=minutes_of(w) * factor)
        for w in case.golden.content
    ]


def novice_overload(case: CoachCase) -> list[PlanWorkout] | None:
    """A beginner (or someone who never ran) given 14 h of running a week: five 2-hour runs and a 4-hour one."""
    volume = case.expect.current_volume
    if case.request.level != "beginner" and not (volume is not None and volume.never_trained):
        return None
    template = next((w for w in case.golden.content if w.workout_type == "run"), None)
    if template is None:
        return None
    language, last = case.expect.language, _race_week(case)
    changed = [w for w in case.golden.content if w.week >= last]
    for week in range(1, min(last, case.request.weeks + 1)):
        for day in WEEKDAYS[:5]:
            changed.append(moved(rewritten(template, language, minutes=120, kind="easy"), day, week))
        changed.append(moved(rewritten(template, language, minutes=240, kind="long"), "Sunday", week))
    return sorted(changed, key=lambda w: (w.week, weekday_index(w.day)))


def no_taper(case: CoachCase) -> list[PlanWorkout] | None:
    """The peak week repeated up to the race: the last two weeks and the race week at full load."""
    race_week = _race_week(case)
    races = _races(case)
    if case.expect.race is None or not races or race_week < 4:
        return None
    totals = _week_minutes(case.golden.content)
    peak_week = max((w for w in totals if w < race_week - 2), key=lambda w: totals[w], default=None)
    if peak_week is None:
        return None
    race_day = weekday_index(case.expect.race.day)
    peak = [w for w in _training(case) if w.week == peak_week]
    changed = [w for w in case.golden.content if w.week < race_week - 2]
    for week in (race_week - 2, race_week - 1):
        changed += [moved(w, w.day, week) for w in peak]
    changed += [moved(w, w.day, race_week) for w in peak if weekday_index(w.day) < race_day]
    return [*changed, *races]


def flat_plan(case: CoachCase) -> list[PlanWorkout] | None:
    """The first week repeated every week up to the race: no build, no peak, no taper."""
    race_week = _race_week(case)
    if case.expect.race is None or race_week < 6:
        return None
    race_day = weekday_index(case.expect.race.day)
    first = [w for w in _training(case) if w.week == 1]
    changed = [moved(w, w.day, week) for week in range(1, race_week) for w in first]
    changed += [moved(w, w.day, race_week) for w in first if weekday_index(w.day) < race_day]
    return [*changed, *_races(case)]


def oversized_swims(case: CoachCase) -> list[PlanWorkout] | None:
    """Every swim three times as long (at least 3,000 m), and swum twice that day."""
    if not any(w.workout_type == "swim" and w.workout_sub_type != "race" for w in case.golden.content):
        return None
    changed: list[PlanWorkout] = []
    for workout in case.golden.content:
        if workout.workout_type == "swim" and workout.workout_sub_type != "race":
            minutes = max(3 * minutes_of(workout), 3000 / SWIM_METERS_PER_MINUTE)
            bigger = rewritten(workout, case.expect.language, minutes=minutes)
            changed += [bigger, bigger]
        else:
            changed.append(workout)
    return changed


def _resize_longest(case: CoachCase, factor: float) -> list[PlanWorkout] | None:
    if case.expect.race is None:
        return None
    workouts = list(case.golden.content)
    for index in _longest_per_week_and_sport(workouts, _race_week(case)):
        workouts[index] = rewritten(workouts[index], case.expect.language, minutes=minutes_of(workouts[index]) * factor)
    return workouts


def short_long_sessions(case: CoachCase) -> list[PlanWorkout] | None:
    """No session of a sport longer than 40 % of the golden plan's longest: the plan never goes long."""
    if case.expect.race is None:
        return None
    longest: dict[str, float] = defaultdict(float)
    for workout in _training(case):
        longest[workout.workout_type] = max(longest[workout.workout_type], minutes_of(workout))
    return [
        rewritten(w, case.expect.language, minutes=0.4 * longest[w.workout_type])
        if w.workout_sub_type != "race"
        and w.workout_type != "strength"
        and minutes_of(w) > 0.4 * longest[w.workout_type]
        else w
        for w in case.golden.content
    ]


def long_sessions_too_long(case: CoachCase) -> list[PlanWorkout] | None:
    """Each week's longest session of each sport doubled."""
    return _resize_longest(case, 2.0)


def every_session_hard(case: CoachCase) -> list[PlanWorkout] | None:
    """Every run, ride and swim an interval session of the same length."""
    language = case.expect.language
    return [
        rewritten(w, language, kind="intervals")
        if w.workout_type in {"run", "bike", "swim"} and w.workout_sub_type != "race"
        else w
        for w in case.golden.content
    ]


def back_to_back_ignored(case: CoachCase) -> list[PlanWorkout] | None:
    """Sessions of a sport that must not be on consecutive days put on consecutive days, every week."""
    sports = set(case.expect.no_back_to_back)
    if not sports:
        return None
    workouts = list(case.golden.content)
    for week in range(1, _race_week(case)):
        for sport in sports:
            indexes = [i for i, w in enumerate(workouts) if w.week == week and w.workout_type == sport
                       and w.workout_sub_type != "race"]  # fmt: skip
            if len(indexes) < 2:
                continue
            first = workouts[indexes[0]]
            after = weekday_after(first.day, 1)
            if after is not None:
                workouts[indexes[1]] = moved(workouts[indexes[1]], after)
    return workouts


def long_day_ignored(case: CoachCase) -> list[PlanWorkout] | None:
    """Each week's long session of a sport moved off the day the athlete named for it."""
    long_days = case.expect.long_session_day
    if not long_days:
        return None
    workouts = list(case.golden.content)
    for index in _longest_per_week_and_sport(workouts, _race_week(case)):
        workout = workouts[index]
        day = long_days.get(workout.workout_type)
        if day is not None and workout.day == day:
            workouts[index] = moved(workout, weekday_after(day, -1) or weekday_after(day, 1) or day)
    return workouts


def race_day_wrong(case: CoachCase) -> list[PlanWorkout] | None:
    """The race a day early (a day late when it falls on a Monday)."""
    race = case.expect.race
    if race is None:
        return None
    day = weekday_after(race.day, -1) or weekday_after(race.day, 1) or race.day
    return [moved(w, day) if w.workout_sub_type == "race" else w for w in case.golden.content]


def training_after_race(case: CoachCase) -> list[PlanWorkout] | None:
    """An easy 45-minute session of the race's sport the day after the race."""
    race = case.expect.race
    races = _races(case)
    if race is None or not races:
        return None
    after = weekday_after(race.day, 1)
    week = race.week if after is not None else race.week + 1
    if week > case.request.weeks:
        return None  # the plan ends with the race: a session after it would need a week the request has not
    sport: WorkoutType = races[-1].workout_type
    extra = rewritten(
        moved(races[-1], after or "Monday", week), case.expect.language, minutes=45, sport=sport, kind="easy"
    )
    return [*case.golden.content, extra]


def spike(case: CoachCase) -> list[PlanWorkout] | None:
    """One session in the middle of the plan two and a half times the longest before it."""
    race_week = _race_week(case)
    if race_week < 5:
        return None
    workouts = list(case.golden.content)
    week = race_week // 2 + 1
    middle = [i for i in _longest_per_week_and_sport(workouts, race_week) if workouts[i].week == week]
    if not middle:
        return None
    index = max(middle, key=lambda i: minutes_of(workouts[i]))
    workouts[index] = rewritten(workouts[index], case.expect.language, minutes=minutes_of(workouts[index]) * 2.5)
    return workouts


def principle_ignored(case: CoachCase) -> list[PlanWorkout] | None:
    """Polarized asked, threshold given (every easy session at tempo); 3:1 asked, no step-back week."""
    principle = set(case.expect.principle)
    language = case.expect.language
    if "polarized" in principle:
        return [
            rewritten(w, language, kind="tempo") if kind_of(w) == "easy" and w.workout_type in {"run", "bike"}
            and w.workout_sub_type not in {"race", "recovery-run", "recovery-ride"} else w
            for w in case.golden.content
        ]  # fmt: skip
    if principle & {"3:1-loading", "2:1-loading"}:
        return _no_step_back(case)
    return None


def _no_step_back(case: CoachCase) -> list[PlanWorkout]:
    """Every week before the taper at least 5 % above the one before it."""
    workouts = list(case.golden.content)
    totals = _week_minutes(workouts)
    last = _race_week(case) - 2
    previous = totals.get(1, 0.0)
    for week in range(2, last):
        now = totals.get(week, 0.0)
        if previous and now < previous * 1.05:
            factor = previous * 1.05 / now if now else 1.0
            workouts = [
                rewritten(w, case.expect.language, minutes=minutes_of(w) * factor)
                if w.week == week and w.workout_sub_type != "race" else w
                for w in workouts
            ]  # fmt: skip
            now = previous * 1.05
        previous = now
    return workouts


def _other_language(language: Language) -> Language:
    return "de" if language == "en" else "en"


def _golden_plan(case: CoachCase) -> list[PlanWorkout]:
    return list(case.golden.content)


REFERENCE_COACH: Final = Coach("reference", "", lambda case: case.expect.golden_draft)
"""Serves the golden draft: the coach every evaluator must pass."""

ECHO_COACH: Final = Coach(
    "echo",
    "",
    lambda case: render(case.golden.content, case.request.weeks, case.expect.language) if rewritable(case) else None,
)
"""The control: the golden plan written out again unchanged, as the bad coaches write theirs."""

BAD_COACHES: Final[tuple[Coach, ...]] = (
    bad_coach("no-race", "leaves the race out", no_race),
    bad_coach("wrong-sport", "trains and races another sport", wrong_sport),
    bad_coach("days-ignored", "trains on the days the athlete ruled out", days_ignored),
    bad_coach("time-caps-ignored", "runs past the athlete's time caps", time_caps_ignored),
    bad_coach("hours-ignored", "plans far more (or fewer) hours than asked", hours_ignored),
    bad_coach("novice-overload", "gives a beginner 14 h of running a week", novice_overload),
    bad_coach("no-taper", "keeps the peak load up to the race", no_taper),
    bad_coach("flat-plan", "repeats week 1 up to the race", flat_plan),
    bad_coach("oversized-swims", "triples every swim and swims it twice a day", oversized_swims),
    bad_coach("wrong-language", "writes in another language", _golden_plan, language=_other_language),
    bad_coach("short-long-sessions", "cuts the long sessions to 40 %", short_long_sessions),
    bad_coach("long-sessions-too-long", "doubles the long sessions", long_sessions_too_long),
    bad_coach("every-session-hard", "makes every session intervals", every_session_hard),
    bad_coach("back-to-back-ignored", "puts a sport on consecutive days", back_to_back_ignored),
    bad_coach("long-day-ignored", "moves the long session off its day", long_day_ignored),
    bad_coach("race-day-wrong", "puts the race on the wrong day", race_day_wrong),
    bad_coach("training-after-race", "schedules training after the race", training_after_race),
    bad_coach("spike", "one session 2.5 times the longest before it", spike),
    bad_coach("principle-ignored", "ignores the stated principle", principle_ignored),
)
"""Every bad coach, each with one flaw."""
