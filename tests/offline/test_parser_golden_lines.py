"""Lines of the eval dataset's golden drafts the parser used to misread, each read as a coach reads it.

The golden drafts (evals/datasets/v2, `golden_draft`) are the coach-quality drafts the offline coach's conversion
is measured on; every one of them must convert with no plan check broken.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from planforge.agents.checks import workout_problems
from planforge.exceptions import DraftStructureError
from planforge.offline.parser import parse_draft, parse_to_workouts, session_to_workout
from planforge.offline.parser.parsed import ParsedSession
from planforge.offline.parser.sessions import parse_day

DATASET = Path(__file__).parents[2] / "evals" / "datasets" / "v2"
Reading = tuple[str, str, int | None, float | None]


def read(text: str) -> list[Reading]:
    return [
        (s.workout_type, s.workout_sub_type, s.duration_seconds, s.distance_meters) for s in parse_day("Monday", text)
    ]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # a label that states the session's length: the length is the session's, the steps follow it
        ("Intervals 48 min: 15 min warm-up, 5 x 3 min @ 5K goal pace (5:00/km) w/ 2 min jog, 10 min cool-down",
         [("run", "interval-run", 2880, None)]),
        ("Track intervals 60 min: 15 min warm-up, 6 x 800 m @ 4:30/km w/ 400 m jog, 10 min cool-down",
         [("run", "interval-run", 3600, None)]),
        ("Intervals 10 km: 3 km warm-up, 4 x 800 m @ 5K pace (3:24/km) w/ 2 min jog, 3 km cool-down",
         [("run", "interval-run", None, 10000.0)]),
        ("Bike intervals 75 min: 3 x 10 min sweet spot", [("bike", "interval-ride", 4500, None)]),
        ("Fractionné 13 km : 3 km d'échauffement, 6 x 800 m à 3:58/km, récup 2 min trot, 3 km de retour au calme",
         [("run", "interval-run", None, 13000.0)]),
        # both measures stated: both kept
        ("Swim 600 m technique (30 min): kick with board, 12 x 25 m front crawl with long rests",
         [("swim", "technique-swim", 1800, 600.0)]),
        ("Swim 2900 m (55 min) aerobic with 8 x 50 m fast, full rest", [("swim", "endurance-swim", 3300, 2900.0)]),
        # a pace range is no duration
        ("Tempo run 11 km: 3 km warm-up, 6 km @ threshold (4:45-4:50/km), 2 km cool-down",
         [("run", "tempo-run", None, 11000.0)]),
        # an easy session stated ahead of the short repetitions it includes stays easy, at its own length
        ("Rustige duurloop 25 min met 3 x 1 min op 5 km-tempo", [("run", "easy-run", 1500, None)]),
        ("Fietsen 45 min rustig met 3 x 2 min op wedstrijdtempo", [("bike", "endurance-ride", 2700, None)]),
        ("Bicicleta 60 min com 3 x 8 min a ritmo de prova", [("bike", "interval-ride", 3600, None)]),
        # race power, race cadence, a race pack and "ritmo de prova" are training, not a race
        ("Bike intervals 75 min: 3 x 12 min at 70.3 race power", [("bike", "interval-ride", 4500, None)]),
        ("Easy ride 30 min with 3 x 1 min at race cadence", [("bike", "endurance-ride", 1800, None)]),
        ("Long trail run 3h30 on hilly terrain, race simulation: race pack, shoes + fuelling",
         [("run", "long-run", 12600, None)]),
        ("Corrida 10 min a ritmo de prova", [("run", "race-pace-run", 600, None)]),
        # "or" between two places of one session offers no choice of sport; its steps stay one session
        ("Power-hike session 60 min: 15 min easy jog, 5 x 5 min hard hiking on a treadmill incline or steep hill,"
         " 12 min easy jog", [("hike", "hike", 3600, None)]),
        # a label naming an easy session or a strength session names it whatever follows
        ("Easy run 30 min: 5 min brisk walk, 20 min continuous easy running, 5 min walk",
         [("run", "easy-run", 1800, None)]),
        ("Footing 45 min avec 4 x 1 min en côte souple", [("run", "easy-run", 2700, None)]),
        ("Strength 45 min: 3 rounds of goblet squat, Romanian deadlift, row, push-ups",
         [("strength", "strength-training", 2700, None)]),
        ("Renforcement musculaire 30 min : mobilité des épaules et gainage",
         [("strength", "strength-training", 1800, None)]),
        # the sport a session names first, not a word of its advice or a note after it
        ("Sortie longue trail 1h45 en terrain vallonné, marche active dans les montées raides",
         [("run", "long-run", 6300, None)]),
        ("Footing trail 50 min en enchaînement, très facile", [("run", "recovery-run", 3000, None)]),
        ("Radausfahrt 2h30 mit 45 min im Renntempo", [("bike", "tempo-ride", 9000, None)]),
        ("Shake-out brick: Bike 20 min easy + Run 10 min easy on the flat, rack the bike",
         [("bike", "brick", 1200, None), ("run", "easy-run", 600, None)]),
        # repetitions with a word before their length
        ("Track 90 min: 4 x flying 200 m, points-race simulation 2 x 10 km", [("run", "interval-run", 5400, None)]),
    ],
)  # fmt: skip
def test_a_session_with_its_length_in_its_label(text: str, reading: list[Reading]) -> None:
    assert read(text) == reading


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Race day: 10K (10 km) - goal 46:59, 4:41/km, negative split if you can",
         [("run", "race", 2819, 10000.0)]),
        ("Wettkampftag: Halbmarathon (21,1 km) - Ziel 1:55, 5:25-5:28/km, bergab kurze Schritte",
         [("run", "race", 6900, 21100.0)]),
        ("Jour de course : 10 km (10 km) - objectif moins de 42:00, 4:10-4:12/km, départ prudent",
         [("run", "race", 2520, 10000.0)]),
        ("Día de carrera: Media maratón (21,1 km) - salida tranquila, camina 30 s en ellos si lo necesitas",
         [("run", "race", None, 21100.0)]),
        ("Race day: parkrun 5K (5 km) - 5 min brisk walk beforehand, a short walk break is fine",
         [("run", "race", None, 5000.0)]),
        ("Race day: 100 km mountain ultra (100 km, ~5,000 m D+) - walk the climbs from kilometre 1",
         [("run", "race", None, 100000.0)]),
        ("Jour de course : Trail 50 km (50 km, 2 500 m D+) - partir lentement, marcher les montées",
         [("run", "race", None, 50000.0)]),
        ("Event day: Gran fondo 160 km with 3200 m of climbing", [("bike", "race", None, 160000.0)]),
        ("Giorno di gara: granfondo 120 km con 1.800 m di dislivello", [("bike", "race", None, 120000.0)]),
        ("Event day: 100 km sportive", [("bike", "race", None, 100000.0)]),
        ("Event day: Century ride, 100 miles (161 km)", [("bike", "race", None, 160934.4)]),
        ("Wedstrijddag: open water zwemtocht 3 km", [("swim", "race", None, 3000.0)]),
        # a multi-sport race is one race per leg: the legs it lists, or a named triathlon's standard legs
        ("Race day: Olympic triathlon (1.5 km swim, 40 km bike, 10 km run)",
         [("swim", "race", None, 1500.0), ("bike", "race", None, 40000.0), ("run", "race", None, 10000.0)]),
        ("Wedstrijddag: halve triatlon (1,9 km zwemmen, 90 km fietsen, 21,1 km lopen)",
         [("swim", "race", None, 1900.0), ("bike", "race", None, 90000.0), ("run", "race", None, 21100.0)]),
        ("Dia de prova: duatlo sprint (5 km corrida, 20 km bicicleta, 2,5 km corrida)",
         [("run", "race", None, 5000.0), ("bike", "race", None, 20000.0), ("run", "race", None, 2500.0)]),
        ("Race: Olympic triathlon",
         [("swim", "race", None, 1500.0), ("bike", "race", None, 40000.0), ("run", "race", None, 10000.0)]),
        # the offline coach's own multi-sport race, one leg after another
        ("Race: Olympic triathlon swim 1500 m + Race: bike 40 km + Race: run 10 km",
         [("swim", "race", None, 1500.0), ("bike", "race", None, 40000.0), ("run", "race", None, 10000.0)]),
    ],
)  # fmt: skip
def test_a_race_day_is_the_race_whatever_its_advice_says(text: str, reading: list[Reading]) -> None:
    assert read(text) == reading


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Brick: race simulation, Run 30 min at 10 km race pace + Bike 75 min at race power + Run 15 min at race pace",
         [("run", "race-pace-run", 1800, None), ("bike", "brick", 4500, None), ("run", "race-pace-run", 900, None)]),
        ("Brick: Run 15 min steady + Bike 60 min with 15 min at race power + Run 10 min at race pace",
         [("run", "easy-run", 900, None), ("bike", "brick", 3600, None), ("run", "race-pace-run", 600, None)]),
        ("Brick: Bike 60 min, then run 20 min", [("bike", "brick", 3600, None), ("run", "easy-run", 1200, None)]),
    ],
)  # fmt: skip
def test_a_duathlon_brick_is_its_three_legs_with_the_ride_as_the_brick(text: str, reading: list[Reading]) -> None:
    assert read(text) == reading


def _session(seconds: int | None, meters: float | None, text: str) -> ParsedSession:
    [session] = parse_day("Monday", text)
    return ParsedSession(
        "Monday", text, "run", "easy-run", seconds, meters, True, True, session.content_blocks, False, True
    )


def test_blocks_short_of_the_target_are_completed_by_a_steady_step() -> None:
    session = _session(1800, None, "4 x 1 min fast")  # blocks: 4 minutes of a 30-minute run
    workout = session_to_workout(session, week=1, phase="base")
    blocks = [(block.type, block.total_seconds()) for block in workout.content_blocks]
    assert blocks == [("run", 1560), ("interval", 240)]
    assert workout_problems([workout], [1], {}) == []


def test_blocks_longer_than_the_target_are_dropped_and_the_description_keeps_them() -> None:
    longer = session_to_workout(_session(600, None, "6 x 3 min hard, 2 min jog"), week=1, phase="base")
    assert longer.content_blocks == []
    assert longer.workout_description.startswith("6 x 3 min hard")
    assert workout_problems([longer], [1], {}) == []


def test_a_session_that_states_an_impossible_speed_is_an_error_naming_week_day_and_line() -> None:
    with pytest.raises(DraftStructureError, match=r"week 1 Tuesday: 11 km in 1 min is 660\.0 km/h.*'Fartlek 11 km in"):
        parse_draft("Week 1\n- Monday: Rest\n- Tuesday: Fartlek 11 km in 60 s")


def test_a_week_that_names_no_phase_goes_on_with_the_last_training_phase() -> None:
    draft = "\n".join(
        f"{header}\n- Tue: easy 30 min"
        for header in ("Week 1: Base", "Week 2", "Week 3: Build", "Week 4: Easier week", "Week 5: Stronger")
    )
    _, weekly_info = parse_to_workouts(draft, weeks=5)
    assert [weekly_info[str(week)].phase for week in range(1, 6)] == ["base", "base", "build", "recovery", "build"]


def _golden() -> list[Any]:
    cases: list[Any] = []
    for path in sorted(DATASET.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            draft, weeks = case["metadata"]["golden_draft"], case["inputs"]["weeks"]
            cases.append(pytest.param(draft, weeks, id=case["name"]))
    return cases


@pytest.mark.parametrize(("draft", "weeks"), _golden())
def test_every_golden_draft_converts_with_no_plan_check_broken_and_its_race_as_a_race(draft: str, weeks: int) -> None:
    workouts, _ = parse_to_workouts(draft, weeks=weeks)
    assert workout_problems(workouts, list(range(1, weeks + 1)), {}) == []
    race_days = [line for line in draft.splitlines() if "Race day:" in line or "Event day:" in line]
    races = {(w.week, w.day) for w in workouts if w.workout_sub_type == "race"}
    assert len(races) >= min(1, len(race_days))
