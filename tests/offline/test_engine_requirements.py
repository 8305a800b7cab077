"""Reading a request into typed requirements, in seven languages: table-driven, each case with its expectation.

Each case states only the fields it is about; `read` compares those (dotted for nested fields).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from planforge.domain.requirements import Requirements
from planforge.offline.engine import read_requirements

START = dt.date(2026, 3, 2)  # a Monday


def read(prompt: str, principle: str = "", start: dt.date | None = START) -> dict[str, Any]:
    return read_requirements(prompt, principle, start).model_dump(mode="json")


def pick(found: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    """The fields of `found` that `expected` names, "race.day" style for nested ones."""
    picked: dict[str, Any] = {}
    for name in expected:
        value: Any = found
        for part in name.split("."):
            value = value[part] if value is not None else None
        picked[name] = value
    return picked


CASES: list[Any] = [
    pytest.param(
        "I want to run my first marathon on Sunday 9 May 2027. I'd like 4 runs a week plus one cross-training day"
        " on the bike, and the long run on Sunday.",
        {"language": "en", "race.distance": "marathon", "race.date": "2027-05-09", "race.day": "Sunday",
         "sessions_per_week": {"run": 4, "bike": 1}, "long_session_day": {"run": "Sunday"}},
        id="en marathon, sessions per sport",
    ),
    pytest.param(
        "Halbmarathon am Sonntag, 20. September 2026, Ziel 1:55. 4 Trainingstage pro Woche, davon 3 Läufe und 1x"
        " Kraft, nie zwei Lauftage hintereinander. Langer Lauf am Samstag.",
        {"language": "de", "race.distance": "half-marathon", "race.date": "2026-09-20", "goal_time": "1:55:00",
         "days_per_week": 4, "sessions_per_week": {"run": 3, "strength": 1}, "no_back_to_back": ["run"],
         "long_session_day": {"run": "Saturday"}},
        id="de Halbmarathon is a half",
    ),
    pytest.param(
        "Bonjour, j'ai 62 ans. Objectif : passer sous les 42 minutes sur 10 km le dimanche 15 novembre 2026. Jamais"
        " deux jours de course à pied d'affilée. Sortie longue le dimanche.",
        {"language": "fr", "race.distance": "10k", "race.day": "Sunday", "goal_time": "0:42:00", "age": 62,
         "no_back_to_back": ["run"], "long_session_day": {"run": "Sunday"}},
        id="fr 10 km, age, no consecutive days",
    ),
    pytest.param(
        "Quiero correr mi primera media maratón el domingo 29 de marzo de 2026. Ahora mismo corro unos 15 km a la"
        " semana. Puedo entrenar 3 días por semana y prefiero hacer la tirada larga los domingos.",
        {"language": "es", "race.distance": "half-marathon", "race.date": "2026-03-29", "days_per_week": 3,
         "current_volume.km_per_week": 15.0, "long_session_day": {"run": "Sunday"}},
        id="es 3 días is three days",
    ),
    pytest.param(
        "Preparo un triathlon olimpico (1,5 km / 40 km / 10 km) tra 12 settimane, la gara è di domenica. Ogni"
        " seduta dal lunedì al venerdì al massimo un'ora. Vorrei nuotare 2 volte, andare in bici 3 volte e correre"
        " 3 volte a settimana.",
        {"language": "it", "race.distance": "olympic-triathlon", "race.day": "Sunday",
         "time_caps.weekday_minutes": 60, "sessions_per_week": {"swim": 2, "bike": 3, "run": 3}},
        id="it triathlon, weekday cap",
    ),
    pytest.param(
        "Vou fazer o meu primeiro meio Ironman (70.3) daqui a 24 semanas, num domingo. Às segundas não posso"
        " treinar. No máximo 11 horas por semana. O pedal longo tem de ser ao domingo e a corrida longa ao sábado.",
        {"language": "pt", "race.distance": "half-ironman", "race.day": "Sunday", "excluded_days": ["Monday"],
         "hours_per_week.max": 11.0, "long_session_day": {"bike": "Sunday", "run": "Saturday"}},
        id="pt meio Ironman, excluded Monday, hours",
    ),
    pytest.param(
        "Ironman 70.3 on Sunday 27 June 2027. Swim exactly twice a week and one strength session a week.",
        {"race.distance": "half-ironman", "race.date": "2027-06-27", "race.day": "Sunday"},
        id="Ironman 70.3 is the brand's half distance (outside review, 2026-12-01)",
    ),
    pytest.param(
        "Ik wil onder 4:45 op de halve triatlon van zaterdag 21 augustus 2027. Nooit twee dagen achter elkaar"
        " hardlopen. Maandag is mijn vaste rustdag.",
        {"language": "nl", "race.distance": "half-ironman", "race.date": "2027-08-21", "race.day": "Saturday",
         "goal_time": "4:45:00", "no_back_to_back": ["run"], "excluded_days": ["Monday"]},
        id="nl halve triatlon",
    ),
    pytest.param(
        "hi, i want to finish my first 10k. race is on sunday 27 september 2026. i can only train on tuesday,"
        " thursday and saturday, max 1 hour per session. at the moment i jog 20-25 min twice a week",
        {"race.distance": "10k", "race.day": "Sunday", "allowed_days": ["Tuesday", "Thursday", "Saturday"],
         "time_caps.weekday_minutes": 60, "time_caps.weekend_minutes": 60, "current_volume.minutes_per_week": 45,
         "sessions_per_week": {}},
        id="allowed days, a cap on every session, today's habit is no wish",
    ),
    pytest.param(
        "No race, I just want to get fitter. I can do 4 days a week; only 30 minutes on weekdays (lunch break),"
        " weekends I have more time.",
        {"race": None, "days_per_week": 4, "time_caps.weekday_minutes": 30, "time_caps.weekend_minutes": None},
        id="weekday cap only",
    ),
    pytest.param(
        "Target: sub-4 marathon (ran 4:12 two years ago). I have 5-6 hours a week for training and can run 4 days"
        " a week. I want my long run on Saturdays.",
        {"goal_time": "4:00:00", "hours_per_week.min": 5.0, "hours_per_week.max": 6.0, "days_per_week": 4,
         "long_session_day": {"run": "Saturday"}},
        id="hours range, a past time is no goal",
    ),
    pytest.param(
        "I'm 57 and have never been a runner. I'd like to run 5 km without stopping in about 10 weeks - no race."
        " 3 days a week, and I'd rather never run two days in a row.",
        {"race": None, "age": 57, "current_volume.never_trained": True, "days_per_week": 3,
         "no_back_to_back": ["run"]},
        id="never run, no race",
    ),
    pytest.param(
        "Racing a road 5K this Saturday (12 Sept), going for sub-17 (PB 17:15).",
        {"race.distance": "5k", "race.date": "2026-09-12", "race.day": "Saturday", "goal_time": "0:17:00"},
        id="date without a year after the start",
    ),
    pytest.param(
        "Target: a gran fondo in the Dolomites, 160 km, on a Sunday 16 weeks from now. I expect to be out there 7 to"
        " 7.5 hours. I ride about 7 hours a week now (longest ride 2h45). I have 8-12 hours a week for this.",
        {"race.distance": "gran-fondo", "race.distance_km": 160.0, "race.expected_minutes": 435,
         "current_volume.minutes_per_week": 420, "current_volume.longest_session_minutes": 165,
         "hours_per_week.min": 8.0, "hours_per_week.max": 12.0},
        id="cycling event: length, expected time, today's hours vs hours available",
    ),
    pytest.param(
        "Masters swimmer, 52. I want to race a 5 km open-water swim on a Sunday in 14 weeks. Right now I swim 3 x"
        " 2.5 km a week in the pool.",
        {"race.sport": "swim", "race.distance": "open-water", "race.distance_km": 5.0, "age": 52,
         "current_volume.sport": "swim", "current_volume.km_per_week": 7.5},
        id="a 5 km swim is no 5K run",
    ),
    pytest.param(
        "Standard-distance duathlon in 10 weeks: 10 km run, 40 km bike, 5 km run, on a Sunday.",
        {"race.sport": "duathlon", "race.distance": "other", "race.distance_km": 55.0},
        id="duathlon legs",
    ),
    pytest.param(
        "Ich starte in 20 Wochen bei einer Langdistanz, Rennen am Sonntag. Die Grundlage steht (ca. 11-12 h pro"
        " Woche).",
        {"race.distance": "ironman", "current_volume.minutes_per_week": 690, "current_volume.all_sports": True},
        id="a triathlete's hours are all their training",
    ),
    pytest.param(
        "HM PB 1:46. The goal is a marathon on Sunday 31 October 2027, ideally under 3:45.",
        {"race.distance": "marathon", "goal_time": "3:45:00"},
        id="a personal best over another distance is not the race",
    ),
    pytest.param(
        "Je veux 6 semaines de foncier avant d'attaquer mon plan marathon. Budget : 6 à 7 heures par semaine.",
        {"race": None, "hours_per_week.min": 6.0, "hours_per_week.max": 7.0},
        id="a base block before a marathon plan has no race",
    ),
    pytest.param(
        "Marathon. I like to dance salsa on Tuesdays.",
        {"race.distance": "marathon", "not_used": ["I like to dance salsa on Tuesdays."]},
        id="what cannot be used is kept",
    ),
    pytest.param(
        "Half marathon, please write the plan in German.",
        {"language": "de"},
        id="a language asked for",
    ),
    pytest.param(
        "Gran fondo de 160 km en septiembre.",
        {"language": "es", "race.distance": "gran-fondo", "race.distance_km": 160.0},
        id="a month names the language of a short request",
    ),
    pytest.param(
        "Toertocht van 150 km over 12 weken.",
        {"language": "nl", "race.distance": "sportive", "race.sport": "bike", "race.distance_km": 150.0},
        id="nl toertocht is a sportive",
    ),
    pytest.param(
        "Standard duathlon in 10 weeks: 10 km run, 40 km bike, 5 km run.",
        {"race.sport": "duathlon", "race.distance": "other", "race.distance_km": 55.0},
        id="a duathlon is run, bike, run",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("prompt", "expected"), CASES)
def test_a_request_is_read_into_requirements(prompt: str, expected: dict[str, Any]) -> None:
    assert pick(read(prompt), expected) == expected


@pytest.mark.parametrize(
    ("principle", "expected"),
    [
        pytest.param("Progressive overload with 80/20 easy-hard split.", {"easy_share": 0.8, "build_weeks": 3}),
        pytest.param("Polarized training, 3:1 loading", {"polarized": True, "build_weeks": 3}, id="polarized 3:1"),
        pytest.param("90/10 intensity distribution", {"easy_share": 0.9}, id="90/10"),
        pytest.param("Masters-friendly 2:1 loading", {"build_weeks": 2}, id="2:1"),
        pytest.param("A step-back week every third week", {"build_weeks": 2}, id="every third week"),
        pytest.param("Threshold-focused (Norwegian-inspired)", {"threshold_focus": True}, id="threshold"),
        pytest.param("50/50 split", {"easy_share": 0.8}, id="implausible split ignored"),
    ],
)
def test_the_principle_is_read_into_its_checkable_rules(principle: str, expected: dict[str, Any]) -> None:
    assert pick(read("", principle)["principle"], expected) == expected


def test_nothing_asked_reads_as_the_defaults() -> None:
    assert read_requirements(None, "", None) == Requirements()
