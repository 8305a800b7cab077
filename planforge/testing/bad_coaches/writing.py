"""How a bad coach writes: a plan's workouts back into a draft in the case's language, in a coach's words.

Sessions a coach left alone keep the golden draft's own words; changed ones are written from `session_text`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from planforge import DraftRequest, Plan, PlanWorkout
from planforge.domain.vocabulary import WEEKDAYS, Language, Weekday, WorkoutType
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


WORDS: Final[dict[Language, Words]] = {
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
    words = WORDS[language].sessions
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
    words = WORDS[language]
    by_day: dict[tuple[int, Weekday], list[str]] = defaultdict(list)
    written: dict[tuple[int, Weekday], list[PlanWorkout]] = defaultdict(list)
    for workout in workouts:
        # A library workout's description need not state its size ("Easy long run, zone 2"); its name does.
        said = workout.workout_name if workout.library_workout_id is not None else workout.workout_description
        text = " ".join(said.split()).rstrip(".")
        key = (workout.week, workout.day)
        if text in by_day[key] and workout not in written[key]:
            continue  # the legs of one line (a brick, a multi-sport race) share its words: the line is written once
        by_day[key].append(text)
        written[key].append(workout)
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
