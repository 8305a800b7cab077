"""Understanding what the athlete says about themselves and their week, in seven languages: the sport and the event,
limits scoped to days, today's fitness, wishes about the week's structure, health cautions and numeric dates.

Table-driven: each case states only the fields it is about (dotted for nested ones). The outside review of
2026-12-01 (docs/reviews/2026-12-01-offline-coach) found each gap; its 14 requests are in-sample, so most cases
here are other phrasings in other languages.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from planforge.offline.engine import read_requirements

START = dt.date(2027, 3, 1)  # a Monday


def pick(found: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    """The fields of `found` that `expected` names, "race.day" style for nested ones."""
    picked: dict[str, Any] = {}
    for name in expected:
        value: Any = found
        for part in name.split("."):
            value = value[part] if value is not None else None
        picked[name] = value
    return picked


def read(prompt: str, start: dt.date | None = START) -> dict[str, Any]:
    return read_requirements(prompt, "", start).model_dump(mode="json")


SPORT_CASES: list[Any] = [
    pytest.param(
        "I'm a cyclist, not a runner. 100-mile (160 km) sportive with 2,000 m of climbing on Saturday 22 May 2027, I"
        " expect about 6.5 hours. I ride 4 times a week, about 7 hours.",
        {"race.sport": "bike", "race.distance": "century", "race.elevation_gain_m": 2000, "athlete_sport": "bike",
         "current_volume.sport": "bike", "current_volume.never_trained": False, "not_used": []},
        id="en century: a cyclist who is not a runner is no running novice (review 10)",
    ),
    pytest.param(
        "Training for a 200 km brevet in late June. I'm a keen roadie.",
        {"race.sport": "bike", "race.distance": "sportive", "race.distance_km": 200.0, "athlete_sport": "bike"},
        id="en brevet",
    ),
    pytest.param(
        "Ich bin Radfahrerin und möchte im Juli einen Radmarathon über 180 km mit 2500 Höhenmetern fahren.",
        {"language": "de", "race.distance": "sportive", "race.distance_km": 180.0, "race.elevation_gain_m": 2500,
         "athlete_sport": "bike"},
        id="de Radmarathon with Höhenmeter",
    ),
    pytest.param(
        "Je suis cycliste. Objectif : une cyclosportive de 120 km avec 1 800 m de dénivelé le dimanche 6 juin 2027.",
        {"language": "fr", "race.distance": "sportive", "race.distance_km": 120.0, "race.elevation_gain_m": 1800,
         "race.day": "Sunday", "athlete_sport": "bike"},
        id="fr cyclosportive with dénivelé",
    ),
    pytest.param(
        "Soy ciclista y quiero hacer una marcha cicloturista de 150 km con 2.200 m de desnivel positivo el sábado 5"
        " de junio de 2027.",
        {"language": "es", "race.distance": "sportive", "race.distance_km": 150.0, "race.elevation_gain_m": 2200,
         "race.date": "2027-06-05"},
        id="es marcha cicloturista",
    ),
    pytest.param(
        "Sono un ciclista: granfondo di 130 km con 2000 m di dislivello domenica 13 giugno 2027.",
        {"language": "it", "race.distance": "gran-fondo", "race.distance_km": 130.0, "race.elevation_gain_m": 2000,
         "athlete_sport": "bike"},
        id="it granfondo with dislivello",
    ),
    pytest.param(
        "Sou ciclista. Quero fazer uma prova de 100 milhas no sábado 12 de junho de 2027.",
        {"language": "pt", "race.sport": "bike", "race.distance": "century", "race.date": "2027-06-12"},
        id="pt 100 milhas is a century",
    ),
    pytest.param(
        "Ik ben wielrenner. Doel: een toertocht van 200 km met 1500 hoogtemeters op zaterdag 19 juni 2027.",
        {"language": "nl", "race.distance": "sportive", "race.distance_km": 200.0, "race.elevation_gain_m": 1500,
         "athlete_sport": "bike"},
        id="nl toertocht with hoogtemeters",
    ),
    pytest.param(
        "Masters swimmer here: 3 km lake swim on Sunday 18 July 2027.",
        {"race.sport": "swim", "race.distance": "open-water", "race.distance_km": 3.0, "athlete_sport": "swim"},
        id="en a lake swim",
    ),
    pytest.param(
        "Mon objectif : un duathlon (5 km course, 20 km vélo, 2,5 km course) le dimanche 11 avril 2027.",
        {"race.sport": "duathlon", "race.distance": "other", "race.distance_km": 27.5},
        id="fr duathlon",
    ),
    pytest.param(
        "25 km trail race with 1200 m D+ on Saturday 18 September 2027.",
        {"race.sport": "trail-run", "race.distance": "other", "race.distance_km": 25.0,
         "race.elevation_gain_m": 1200},
        id="en a trail shorter than a marathon, with D+",
    ),
    pytest.param(
        "Carrera de montaña: trail de 30 km y 1.500 m de desnivel el domingo 10 de octubre de 2027.",
        {"race.sport": "trail-run", "race.distance": "other", "race.distance_km": 30.0,
         "race.elevation_gain_m": 1500},
        id="es trail with desnivel",
    ),
    pytest.param(
        "Ultra trail di 80 km con 4000 m di dislivello positivo sabato 4 settembre 2027.",
        {"race.sport": "trail-run", "race.distance": "ultra", "race.distance_km": 80.0,
         "race.elevation_gain_m": 4000},
        id="it ultra trail",
    ),
    pytest.param(
        "50K trail race with 1,500 m of climbing on Saturday 12 June 2027.",
        {"race.distance": "50k", "race.elevation_gain_m": 1500, "not_used": []},
        id="en 50K climbing is kept (review 06)",
    ),
    pytest.param(
        "My first sprint triathlon (750 m swim, 20 km bike, 5 km run) on Sunday 13 June 2027.",
        {"race.distance": "sprint-triathlon", "race.elevation_gain_m": None},
        id="a swim leg in metres is no climbing",
    ),
    pytest.param(
        "I'm a cyclist. I want to do the Étape du Tour (170 km, 4,000 m of climbing) on 11 July 2027.",
        {"race.sport": "bike", "race.distance": "sportive", "race.distance_km": 170.0, "race.elevation_gain_m": 4000,
         "race.date": "2027-07-11"},
        id="en an event named by its own name, a cyclist's",
    ),
    pytest.param(
        "Charity swim across the lake on 10 July 2027 is my goal.",
        {"race.sport": "swim", "race.distance": "open-water", "race.date": "2027-07-10"},
        id="en a swim event without a race word",
    ),
    pytest.param(
        "Ich laufe einen Berglauf über 21 km mit 1200 Höhenmetern am 12. Juni 2027.",
        {"race.sport": "trail-run", "race.distance": "half-marathon", "race.elevation_gain_m": 1200},
        id="de Berglauf is a trail race",
    ),
    pytest.param(
        "I want to get fitter, start on 1 June 2027, cycling and strength.",
        {"race": None, "general_fitness": True, "sports": ["bike", "strength"]},
        id="a start date is no event",
    ),
    pytest.param(
        "Ik wil de Dam tot Damloop (16 km) lopen op zondag 19-09-2027.",
        {"race.sport": "run", "race.distance": "other", "race.distance_km": 16.0, "race.date": "2027-09-19"},
        id="nl a race known by its name, with its km",
    ),
]  # fmt: skip


LIMIT_CASES: list[Any] = [
    pytest.param(
        "Sportive on Saturday 22 May 2027. Tuesday and Thursday are indoor trainer sessions of 1 hour max; long ride"
        " on Saturday.",
        {"time_caps.per_day_minutes": {"Tuesday": 60, "Thursday": 60}, "time_caps.weekday_minutes": None,
         "time_caps.weekend_minutes": None, "long_session_day": {"bike": "Saturday"}},
        id="en a cap naming days is theirs alone (review 10)",
    ),
    pytest.param(
        "Wednesday and Friday sessions can be 40 minutes at most, long run Sunday.",
        {"time_caps.per_day_minutes": {"Wednesday": 40, "Friday": 40}, "time_caps.weekend_minutes": None,
         "long_session_day": {"run": "Sunday"}},
        id="en the long run's day in another clause is not capped",
    ),
    pytest.param(
        "Dienstag bis Donnerstag maximal 50 Minuten, langer Lauf am Sonntag.",
        {"time_caps.per_day_minutes": {"Tuesday": 50, "Wednesday": 50, "Thursday": 50},
         "time_caps.weekday_minutes": None},
        id="de a range of days",
    ),
    pytest.param(
        "Le mardi et le jeudi, séances de 1 heure maximum.",
        {"time_caps.per_day_minutes": {"Tuesday": 60, "Thursday": 60}, "time_caps.weekday_minutes": None},
        id="fr named days",
    ),
    pytest.param(
        "De lunes a viernes, como máximo 45 minutos por sesión.",
        {"time_caps.weekday_minutes": 45, "time_caps.weekend_minutes": None, "time_caps.per_day_minutes": {}},
        id="es lunes a viernes is the weekdays",
    ),
    pytest.param(
        "Il martedì posso allenarmi al massimo 30 minuti.",
        {"time_caps.per_day_minutes": {"Tuesday": 30}, "time_caps.weekday_minutes": None},
        id="it one day",
    ),
    pytest.param(
        "Op dinsdag en donderdag maximaal een uur.",
        {"time_caps.per_day_minutes": {"Tuesday": 60, "Thursday": 60}},
        id="nl two days",
    ),
    pytest.param(
        "Quero ficar em forma. Consigo treinar 4 dias por semana, mas às quartas-feiras não posso, e cada sessão pode"
        " ter no máximo 1 hora.",
        {"time_caps.weekday_minutes": 60, "time_caps.weekend_minutes": 60, "time_caps.per_day_minutes": {},
         "excluded_days": ["Wednesday"]},
        id="pt a day ruled out in the cap's sentence is not the cap's day",
    ),
    pytest.param(
        "Semi-marathon le 17/10/2027. Mercredi et vendredi pas plus de 50 minutes.",
        {"time_caps.per_day_minutes": {"Wednesday": 50, "Friday": 50}, "excluded_days": [], "not_used": []},
        id="fr pas plus de rules no day out",
    ),
    pytest.param(
        "Tuesday and Thursday sessions can be 40 minutes at most.",
        {"time_caps.per_day_minutes": {"Tuesday": 40, "Thursday": 40}, "allowed_days": None},
        id="en days named for a cap are not the only days",
    ),
    pytest.param(
        "Corro há 8 meses, 3 vezes por semana, 30 minutos cada vez.",
        {"session_minutes": None, "time_caps": None, "current_volume.minutes_per_week": 90},
        id="pt a habit's length is no wish",
    ),
    pytest.param(
        "Weekdays: max 45 min, except Wednesday which can be 75 min.",
        {"time_caps.weekday_minutes": 45, "time_caps.per_day_minutes": {"Wednesday": 75}, "not_used": []},
        id="en a day named beside a weekday cap keeps its own",
    ),
    pytest.param(
        "Tenho entre 5 e 7 horas por semana. Às terças e às quintas no máximo 1 hora. Segunda é dia de descanso.",
        {"hours_per_week.min": 5.0, "hours_per_week.max": 7.0, "excluded_days": ["Monday"],
         "time_caps.per_day_minutes": {"Tuesday": 60, "Thursday": 60}, "not_used": []},
        id="pt entre 5 e 7 horas, terças e quintas, segunda de descanso",
    ),
    pytest.param(
        "Ik heb 8 tot 10 uur per week. Dinsdag en donderdag maximaal 1 uur op de rollen. Maandag rustdag. Lange rit"
        " op zaterdag.",
        {"hours_per_week.min": 8.0, "hours_per_week.max": 10.0, "excluded_days": ["Monday"],
         "time_caps.per_day_minutes": {"Tuesday": 60, "Thursday": 60}, "indoor_days": ["Tuesday", "Thursday"],
         "long_session_day": {"bike": "Saturday"}},
        id="nl op de rollen, lange rit",
    ),
    pytest.param(
        "Posso allenarmi tra 6 e 8 ore a settimana. Il martedì e il giovedì al massimo 45 minuti. Il lunedì è sempre"
        " riposo.",
        {"hours_per_week.min": 6.0, "hours_per_week.max": 8.0, "excluded_days": ["Monday"],
         "time_caps.per_day_minutes": {"Tuesday": 45, "Thursday": 45}},
        id="it tra 6 e 8 ore",
    ),
    pytest.param(
        "Because of work, Monday to Friday sessions must be 45 minutes maximum. Monday is always rest.",
        {"time_caps.weekday_minutes": 45, "excluded_days": ["Monday"], "not_used": []},
        id="en weekday cap and a rest day (review 04)",
    ),
    pytest.param(
        "I can train between 12 and 15 hours a week, never more than 15.",
        {"hours_per_week.min": 12.0, "hours_per_week.max": 15.0, "not_used": []},
        id="en an hour range is kept whole (review 08)",
    ),
    pytest.param("12–15 h per week.", {"hours_per_week.min": 12.0, "hours_per_week.max": 15.0}, id="en 12–15 h"),
    pytest.param(
        "About 10-12 hours a week at peak.",
        {"hours_per_week.min": 10.0, "hours_per_week.max": 12.0, "hours_per_week.at_peak": True},
        id="en hours at peak are the peak weeks' (review 09)",
    ),
    pytest.param(
        "Ich habe zwischen 8 und 10 Stunden pro Woche.",
        {"hours_per_week.min": 8.0, "hours_per_week.max": 10.0},
        id="de zwischen 8 und 10 Stunden",
    ),
    pytest.param(
        "J'ai entre 6 et 8 heures par semaine, jamais plus de 8.",
        {"hours_per_week.min": 6.0, "hours_per_week.max": 8.0},
        id="fr entre 6 et 8 heures",
    ),
    pytest.param(
        "Entre 10 y 12 horas semanales.", {"hours_per_week.min": 10.0, "hours_per_week.max": 12.0}, id="es 10 y 12"
    ),
    pytest.param(
        "Max 10 hours a week.", {"hours_per_week.min": None, "hours_per_week.max": 10.0}, id="en a ceiling only"
    ),
    pytest.param("Montag ist immer Ruhetag.", {"excluded_days": ["Monday"]}, id="de Ruhetag"),
    pytest.param("Le lundi, c'est repos.", {"excluded_days": ["Monday"]}, id="fr repos"),
    pytest.param("Los lunes, descanso.", {"excluded_days": ["Monday"]}, id="es descanso"),
    pytest.param("Maandag is altijd rust.", {"excluded_days": ["Monday"]}, id="nl rust"),
    pytest.param(
        "No race, just general fitness. Three sessions a week, 45 minutes each.",
        {"race": None, "general_fitness": True, "session_minutes": 45, "time_caps.weekday_minutes": 45,
         "time_caps.weekend_minutes": 45, "not_used": []},
        id="en 45 minutes each is every session's length (review 11)",
    ),
    pytest.param(
        "Drei Einheiten pro Woche, jeweils 40 Minuten.",
        {"session_minutes": 40, "time_caps.weekday_minutes": 40},
        id="de jeweils 40 Minuten",
    ),
    pytest.param(
        "Trois séances de 45 minutes par semaine.", {"session_minutes": 45}, id="fr séances de 45 minutes"
    ),
    pytest.param(
        "I jog now and then, maybe 2 x 20 minutes a week.",
        {"session_minutes": None, "current_volume.minutes_per_week": 40},
        id="a habit's sessions are no length wished for",
    ),
]  # fmt: skip


FITNESS_CASES: list[Any] = [
    pytest.param(
        "10K race on Saturday 20 March 2027. Current 10K best 52:00, running about 25 km a week.",
        {"current_volume.km_per_week": 25.0,
         "race_results": [{"sport": "run", "distance": "10k", "distance_km": None, "time": "0:52:00"}],
         "goal_time": None, "not_used": []},
        id="en a best time is a result, not a goal (review 02)",
    ),
    pytest.param(
        "Je cours depuis six mois, trois fois par semaine pendant 30 minutes.",
        {"current_volume.sessions_per_week": 3, "current_volume.minutes_per_week": 90,
         "current_volume.months_of_practice": 6, "not_used": []},
        id="fr habit and months of practice (review 13)",
    ),
    pytest.param(
        "Ich laufe zurzeit dreimal pro Woche, etwa 25 km, längster Lauf 14 km.",
        {"current_volume.km_per_week": 25.0, "current_volume.sessions_per_week": 3,
         "current_volume.longest_session_km": 14.0, "sessions_per_week": {}, "not_used": []},
        id="de längster Lauf, and a comma makes the km the week's (review 12)",
    ),
    pytest.param(
        "First half marathon on Sunday 28 March 2027. I run 4 times a week, about 25 km, longest run 12 km.",
        {"current_volume.km_per_week": 25.0, "current_volume.longest_session_km": 12.0},
        id="en 4 times a week, about 25 km is 25 km a week (review 03)",
    ),
    pytest.param(
        "I've been running for two years, 4 times a week for about 40 minutes.",
        {"current_volume.months_of_practice": 24, "current_volume.sessions_per_week": 4,
         "current_volume.minutes_per_week": 160},
        id="en years of running and sessions of a length",
    ),
    pytest.param(
        "Corro desde hace un año, tres veces por semana durante 45 minutos. Mi tirada más larga fue de 15 km.",
        {"current_volume.months_of_practice": 12, "current_volume.sessions_per_week": 3,
         "current_volume.minutes_per_week": 135, "current_volume.longest_session_km": 15.0},
        id="es desde hace un año",
    ),
    pytest.param(
        "Corro da otto mesi, due volte a settimana per 30 minuti.",
        {"current_volume.months_of_practice": 8, "current_volume.sessions_per_week": 2,
         "current_volume.minutes_per_week": 60},
        id="it da otto mesi",
    ),
    pytest.param(
        "Ik loop sinds drie maanden, twee keer per week 5 km. Mijn langste duurloop was 8 km.",
        {"current_volume.months_of_practice": 3, "current_volume.km_per_week": 10.0,
         "current_volume.longest_session_km": 8.0},
        id="nl sinds drie maanden",
    ),
    pytest.param(
        "Ich jogge seit einem halben Jahr 3x pro Woche 5-6 km.",
        {"current_volume.months_of_practice": 6, "current_volume.sessions_per_week": 3,
         "current_volume.km_per_week": 16.5},
        id="de seit einem halben Jahr",
    ),
    pytest.param(
        "Corro 4 dias por semana, cerca de 40 km.",
        {"current_volume.km_per_week": 40.0, "not_used": []},
        id="pt cerca de 40 km is the week's",
    ),
    pytest.param(
        "Ma plus longue sortie est de 1h15.", {"current_volume.longest_session_minutes": 75}, id="fr plus longue sortie"
    ),
    pytest.param(
        "Sprint triathlon on Sunday 13 June 2027. I can swim 200 m breaststroke, I commute by bike, and I run a"
        " little.",
        {"current_by_sport.swim.longest_session_m": 200, "current_by_sport.swim.stroke": "breaststroke",
         "current_by_sport.bike.occasional": True, "current_by_sport.run.occasional": True, "not_used": []},
        id="en a second sport's level (review 07)",
    ),
    pytest.param(
        "Olympische Distanz im Juli. Ich kann 400 m am Stück Brust schwimmen.",
        {"current_by_sport.swim.longest_session_m": 400, "current_by_sport.swim.stroke": "breaststroke"},
        id="de 400 m Brust",
    ),
    pytest.param(
        "Triathlon sprint en juin. Je sais nager 300 m en crawl.",
        {"current_by_sport.swim.longest_session_m": 300, "current_by_sport.swim.stroke": "freestyle"},
        id="fr 300 m en crawl",
    ),
    pytest.param(
        "Triatlón sprint en junio. No sé nadar.", {"current_by_sport.swim.never_trained": True}, id="es no sé nadar"
    ),
    pytest.param(
        "Sprint triatlon in juni. Ik fiets naar mijn werk.",
        {"current_by_sport.bike.occasional": True},
        id="nl commuting by bike",
    ),
    pytest.param(
        "Open-water swim of 1.5 km in July. Currently I swim twice a week, 1000 m each time.",
        {"current_volume.sport": "swim", "current_volume.sessions_per_week": 2, "current_volume.km_per_week": 2.0},
        id="en each time",
    ),
    pytest.param(
        "Je nage deux fois par semaine, 1500 m à chaque fois.",
        {"current_volume.sport": "swim", "current_volume.km_per_week": 3.0},
        id="fr à chaque fois",
    ),
    pytest.param(
        "I have never run before. I want to run my first 5K on Saturday 6 March 2027.",
        {"current_volume.never_trained": True, "current_volume.sport": "run"},
        id="en never run (review 01)",
    ),
    pytest.param(
        "No race. I'm 45 and sit at a desk all day.",
        {"current_volume.never_trained": True, "health_cautions": [
            {"kind": "sedentary", "words": "I'm 45 and sit at a desk all day.", "current": False}]},
        id="en a sedentary athlete starts as a running novice",
    ),
    pytest.param(
        "Pas de compétition, juste une remise en forme.",
        {"race": None, "general_fitness": True, "not_used": []},
        id="fr remise en forme",
    ),
    pytest.param(
        "Bestzeit über 10 km: 45 Minuten. Marathon am Sonntag, 3. Oktober 2027.",
        {"race.distance": "marathon", "race_results": [
            {"sport": "run", "distance": "10k", "distance_km": None, "time": "0:45:00"}]},
        id="de Bestzeit",
    ),
    pytest.param(
        "Mon record sur semi-marathon : 1h52. Objectif marathon le dimanche 3 octobre 2027.",
        {"race.distance": "marathon", "race_results": [
            {"sport": "run", "distance": "half-marathon", "distance_km": None, "time": "1:52:00"}]},
        id="fr record",
    ),
    pytest.param(
        "Ik liep vorig jaar de halve marathon in 1:52. Doel: marathon op 10 oktober.",
        {"race.distance": "marathon", "goal_time": None, "race_results": [
            {"sport": "run", "distance": "half-marathon", "distance_km": None, "time": "1:52:00"}]},
        id="nl a time done is no goal",
    ),
    pytest.param(
        "I've run two road marathons (3:50). 50K trail on Saturday 12 June 2027.",
        {"race_results": [{"sport": "run", "distance": "marathon", "distance_km": None, "time": "3:50:00"}]},
        id="en a time in brackets after races done (review 06)",
    ),
    pytest.param(
        "Target: sub-4 marathon on Sunday 27 September 2027 (ran 4:12 two years ago, recent half 1:54).",
        {"goal_time": "4:00:00", "race_results": [
            {"sport": "run", "distance": "marathon", "distance_km": None, "time": "4:12:00"},
            {"sport": "run", "distance": "half-marathon", "distance_km": None, "time": "1:54:00"}]},
        id="each time goes to the race named before it",
    ),
    pytest.param(
        "Marathon on 24 October 2027. Last year I ran 3:45.",
        {"goal_time": None,
         "race_results": [{"sport": "run", "distance": "marathon", "distance_km": None, "time": "3:45:00"}]},
        id="a time done in its own sentence belongs to the one race named",
    ),
    pytest.param(
        "Olympic triathlon in July. Currently I swim 3 x 2 km, ride about 5 hours and run 25 km a week. Longest ride"
        " 3 hours, longest run 1h30.",
        {"current_volume.sport": "run", "current_volume.km_per_week": 25.0,
         "current_volume.longest_session_minutes": 90, "current_by_sport.swim.km_per_week": 6.0,
         "current_by_sport.swim.sessions_per_week": 3, "current_by_sport.bike.minutes_per_week": 300,
         "current_by_sport.bike.longest_session_minutes": 180},
        id="a triathlete's volume, sport by sport",
    ),
    pytest.param(
        "Triathlon sprint le 13/06/2027. Je nage 2 fois par semaine 1500 m, je roule 3 heures et je cours 15 km par"
        " semaine.",
        {"current_by_sport.swim.km_per_week": 3.0, "current_by_sport.bike.minutes_per_week": 180,
         "current_by_sport.run.km_per_week": 15.0},
        id="fr a triathlete's volume, sport by sport",
    ),
]  # fmt: skip


STRUCTURE_CASES: list[Any] = [
    pytest.param(
        "50K trail race on Saturday 12 June 2027. I run 5 days a week. Weekends are free for long back-to-back runs.",
        {"back_to_back_long": True, "not_used": []},
        id="en back-to-back long runs (review 06)",
    ),
    pytest.param("Long runs on Saturday and Sunday, please.", {"back_to_back_long": True}, id="en two long days"),
    pytest.param(
        "Long runs on Saturdays; a back-to-back run on Sunday is fine.",
        {"back_to_back_long": True, "long_session_day": {"run": "Saturday"}},
        id="en a back-to-back run the day after",
    ),
    pytest.param(
        "Am Wochenende gerne zwei lange Läufe hintereinander.", {"back_to_back_long": True}, id="de hintereinander"
    ),
    pytest.param(
        "Le week-end, j'aimerais des sorties longues en enchaînement.",
        {"back_to_back_long": True},
        id="fr enchaînement",
    ),
    pytest.param(
        "Los fines de semana, tiradas largas el sábado y el domingo.",
        {"back_to_back_long": True},
        id="es fin de semana",
    ),
    pytest.param("No back-to-back hard days.", {"back_to_back_long": False}, id="no hard days in a row is not it"),
    pytest.param(
        "Long run on Sunday, Saturday can be longer too.",
        {"long_session_day": {"run": "Sunday"}, "medium_long_day": {"run": "Saturday"}, "not_used": []},
        id="en a second longer day (review 04)",
    ),
    pytest.param(
        "Langer Lauf am Sonntag, Samstag darf auch etwas länger sein.",
        {"long_session_day": {"run": "Sunday"}, "medium_long_day": {"run": "Saturday"}},
        id="de auch etwas länger",
    ),
    pytest.param(
        "Tirada larga el domingo y el sábado algo más larga también.",
        {"long_session_day": {"run": "Sunday"}, "medium_long_day": {"run": "Saturday"}},
        id="es más larga",
    ),
    pytest.param(
        "La tirada más larga fue de 34 km el domingo pasado. Tirada larga el domingo.",
        {"long_session_day": {"run": "Sunday"}, "medium_long_day": {}},
        id="es the longest run done is no second long day",
    ),
    pytest.param(
        "Sportive in May. Tuesday and Thursday indoor rides, Saturday long ride.",
        {"day_sports": {"Tuesday": "bike", "Thursday": "bike"}, "indoor_days": ["Tuesday", "Thursday"],
         "long_session_day": {"bike": "Saturday"}},
        id="en the sport and place of named days",
    ),
    pytest.param(
        "Olympic triathlon in July. Swim on Monday, Wednesday and Friday; strength on Tuesday.",
        {"day_sports": {"Monday": "swim", "Tuesday": "strength", "Wednesday": "swim", "Friday": "swim"}},
        id="en days of a sport",
    ),
    pytest.param(
        "Halbmarathon im Mai. Dienstags Krafttraining, donnerstags Intervalle auf dem Laufband.",
        {"day_sports": {"Tuesday": "strength", "Thursday": "run"}, "indoor_days": ["Thursday"]},
        id="de Laufband",
    ),
    pytest.param(
        "Triathlon olympique en juillet. Natation le lundi et le jeudi.",
        {"day_sports": {"Monday": "swim", "Thursday": "swim"}},
        id="fr natation",
    ),
    pytest.param(
        "I can only run on Tuesday, Thursday and Saturday.",
        {"allowed_days": ["Tuesday", "Thursday", "Saturday"], "day_sports": {}},
        id="the days one can train are no day roles",
    ),
    pytest.param(
        "I run 65-75 km a week on 6 days and Monday is always my rest day.",
        {"excluded_days": ["Monday"], "day_sports": {}},
        id="a rest day is no day role",
    ),
    pytest.param(
        "I run 5 days a week; never two hard days in a row.",
        {"days_per_week": 5, "no_back_to_back": [], "not_used": []},
        id="no two hard days in a row rules out no sport",
    ),
    pytest.param(
        "Kein Lauf an zwei Tagen hintereinander.",
        {"days_per_week": None, "no_back_to_back": ["run"]},
        id="de two days in a row are no days a week",
    ),
    pytest.param(
        "Ironman 70.3 in June. Swim twice and strength once a week.",
        {"sessions_per_week": {"swim": 2, "strength": 1}},
        id="en swim twice and strength once",
    ),
]  # fmt: skip


CAUTION_CASES: list[Any] = [
    pytest.param(
        "I'm 58. I had Achilles tendinopathy last year, pain-free for 4 months now.",
        {"health_cautions": [
            {"kind": "achilles", "words": "I had Achilles tendinopathy last year, pain-free for 4 months now.",
             "current": False},
            {"kind": "age", "words": "I'm 58", "current": False}], "not_used": []},
        id="en Achilles history and age (review 05)",
    ),
    pytest.param(
        "I'm 34, about 10 kg overweight, I walk the dog every day.",
        {"health_cautions": [{"kind": "overweight", "words": "about 10 kg overweight", "current": False}],
         "cautions": ["about 10 kg overweight"], "not_used": []},
        id="en overweight (review 01)",
    ),
    pytest.param(
        "Ich habe zurzeit leichte Schienbeinschmerzen.",
        {"health_cautions": [
            {"kind": "shin", "words": "Ich habe zurzeit leichte Schienbeinschmerzen.", "current": True}]},
        id="de shin pain now",
    ),
    pytest.param(
        "J'ai eu une fracture de fatigue au pied l'an dernier.",
        {"health_cautions": [
            {"kind": "bone", "words": "J'ai eu une fracture de fatigue au pied l'an dernier.", "current": False}]},
        id="fr stress fracture",
    ),
    pytest.param(
        "Tengo sobrepeso, unos 15 kilos.",
        {"health_cautions": [{"kind": "overweight", "words": "Tengo sobrepeso", "current": False}]},
        id="es sobrepeso",
    ),
    pytest.param(
        "Ho 61 anni e un problema al ginocchio.",
        {"age": 61, "health_cautions": [
            {"kind": "knee", "words": "Ho 61 anni e un problema al ginocchio.", "current": False},
            {"kind": "age", "words": "Ho 61 anni", "current": False}]},
        id="it knee and age",
    ),
    pytest.param(
        "Ik heb last van mijn achillespees.",
        {"health_cautions": [{"kind": "achilles", "words": "Ik heb last van mijn achillespees.", "current": False}],
         "not_used": []},
        id="nl achillespees",
    ),
    pytest.param(
        "Estou a recuperar de uma lesão no joelho.",
        {"health_cautions": [{"kind": "knee", "words": "Estou a recuperar de uma lesão no joelho.", "current": True}]},
        id="pt knee, recovering",
    ),
    pytest.param(
        "I have high blood pressure, controlled with medication.",
        {"health_cautions": [{"kind": "heart", "words": "I have high blood pressure, controlled with medication.",
                              "current": False}], "not_used": []},
        id="en blood pressure is kept, not dropped",
    ),
    pytest.param(
        "History: right Achilles tendinopathy last year. Now running pain-free, about 30 km/week.",
        {"health_cautions": [
            {"kind": "achilles", "words": "History: right Achilles tendinopathy last year.", "current": False}]},
        id="running pain-free is no caution of its own",
    ),
    pytest.param(
        "Ich bin 63, hatte vor zwei Jahren eine Knie-OP (Meniskus).",
        {"age": 63, "health_cautions": [
            {"kind": "knee", "words": "Ich bin 63, hatte vor zwei Jahren eine Knie-OP (Meniskus).", "current": False},
            {"kind": "age", "words": "Ich bin 63", "current": False}]},
        id="de Knie-OP and age",
    ),
    pytest.param(
        "Tengo una lesión en la cintilla iliotibial.",
        {"health_cautions": [
            {"kind": "knee", "words": "Tengo una lesión en la cintilla iliotibial.", "current": False}]},
        id="es the IT band is the knee's, not the shin's",
    ),
    pytest.param(
        "Tenho 15 kg a mais.",
        {"health_cautions": [{"kind": "overweight", "words": "Tenho 15 kg a mais.", "current": False}], "not_used": []},
        id="pt 15 kg a mais",
    ),
    pytest.param(
        "Ik ben 55 en heb last van mijn knie.",
        {"age": 55, "health_cautions": [
            {"kind": "knee", "words": "Ik ben 55 en heb last van mijn knie.", "current": False},
            {"kind": "age", "words": "Ik ben 55", "current": False}]},
        id="nl last van mijn knie",
    ),
    pytest.param(
        "Ho 59 anni, soffro di fascite plantare.",
        {"health_cautions": [
            {"kind": "foot", "words": "Ho 59 anni, soffro di fascite plantare.", "current": False},
            {"kind": "age", "words": "Ho 59 anni", "current": False}]},
        id="it fascite plantare",
    ),
    pytest.param(
        "Tive uma tendinite no tendão de Aquiles.",
        {"health_cautions": [
            {"kind": "achilles", "words": "Tive uma tendinite no tendão de Aquiles.", "current": False}]},
        id="pt tendão de Aquiles",
    ),
    pytest.param(
        "J'ai 45 ans, je suis sédentaire et en surpoids.",
        {"cautions": ["je suis sédentaire et en surpoids."], "health_cautions": [
            {"kind": "overweight", "words": "je suis sédentaire et en surpoids.", "current": False},
            {"kind": "sedentary", "words": "je suis sédentaire et en surpoids.", "current": False}]},
        id="fr sédentaire et en surpoids, each caution sentence once",
    ),
    pytest.param("No injuries, I'm healthy.", {"health_cautions": []}, id="no injury is no caution"),
    pytest.param(
        "My FTP is 250 W and max heart rate 185.",
        {"health_cautions": [], "cautions": []},
        id="a heart rate is no caution",
    ),
    pytest.param("I'm 34.", {"age": 34, "health_cautions": []}, id="a young age is no caution"),
]  # fmt: skip


DATE_CASES: list[Any] = [
    pytest.param("Marathon op zondag 13-06-2027.", {"race.date": "2027-06-13", "race.day": "Sunday"}, id="nl 13-06"),
    pytest.param(
        "Halbmarathon am Sonntag, 09.05.2027.", {"race.date": "2027-05-09", "race.day": "Sunday"}, id="de 09.05.2027"
    ),
    pytest.param("10 km le dimanche 31/10/2027.", {"race.date": "2027-10-31"}, id="fr 31/10/2027"),
    pytest.param("Maratón el domingo 05/12/2027.", {"race.date": "2027-12-05"}, id="es 05/12 is 5 December"),
    pytest.param(
        "Marathon on Sunday 12/05/2027.", {"race.date": "2027-12-05", "race.day": "Sunday"},
        id="the weekday picks the order of an ambiguous date",
    ),
    pytest.param("Half marathon on 10/31/2027.", {"race.date": "2027-10-31"}, id="en 10/31 can only be American"),
    pytest.param("Halbmarathon am 9.5.", {"race.date": "2027-05-09"}, id="de 9.5. without a year"),
    pytest.param(
        "Marathon on Saturday 13 June 2027.",
        {"race.date": "2027-06-13", "race.day": "Sunday", "not_used": ["Saturday"]},
        id="a weekday the date contradicts: the date wins, the weekday is reported",
    ),
    pytest.param(
        "I run 10 km in 55 minutes. Marathon on 3/10/2027 (Sunday).",
        {"race.distance": "marathon", "race.date": "2027-10-03",
         "race_results": [{"sport": "run", "distance": "10k", "distance_km": None, "time": "0:55:00"}]},
        id="a full stop before a word like a month ends the sentence",
    ),
]  # fmt: skip


# --- tests ---


@pytest.mark.parametrize(("prompt", "expected"), SPORT_CASES)
def test_the_sport_and_event_are_recognised(prompt: str, expected: dict[str, Any]) -> None:
    assert pick(read(prompt), expected) == expected


@pytest.mark.parametrize(("prompt", "expected"), LIMIT_CASES)
def test_limits_apply_to_what_they_name(prompt: str, expected: dict[str, Any]) -> None:
    assert pick(read(prompt), expected) == expected


@pytest.mark.parametrize(("prompt", "expected"), FITNESS_CASES)
def test_current_fitness_is_read(prompt: str, expected: dict[str, Any]) -> None:
    assert pick(read(prompt), expected) == expected


@pytest.mark.parametrize(("prompt", "expected"), STRUCTURE_CASES)
def test_wishes_about_the_week_are_read(prompt: str, expected: dict[str, Any]) -> None:
    assert pick(read(prompt), expected) == expected


@pytest.mark.parametrize(("prompt", "expected"), CAUTION_CASES)
def test_health_cautions_are_typed(prompt: str, expected: dict[str, Any]) -> None:
    assert pick(read(prompt), expected) == expected


@pytest.mark.parametrize(("prompt", "expected"), DATE_CASES)
def test_numeric_dates_are_read(prompt: str, expected: dict[str, Any]) -> None:
    assert pick(read(prompt), expected) == expected
