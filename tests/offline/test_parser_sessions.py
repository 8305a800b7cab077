"""One day's text → sessions: the engine's canonical session texts and handwritten forms."""

from __future__ import annotations

import pytest

from planforge.offline.parser.sessions import parse_day

Row = tuple[str, str, int | None, float | None]


@pytest.mark.parametrize(
    ("text", "sessions"),
    [
        ("Rest", []),
        ("Day off", []),
        ("Ruhetag", []),
        ("Repos", []),
        ("Descanso", []),
        ("—", []),
        ("Easy run 45 min", [("run", "easy-run", 2700, None)]),
        ("Easy run 8 km", [("run", "easy-run", None, 8000)]),
        ("Recovery run 30 min", [("run", "recovery-run", 1800, None)]),
        ("Long run 16 km", [("run", "long-run", None, 16000)]),
        ("Long run 1h30", [("run", "long-run", 5400, None)]),
        ("Tempo run 30 min", [("run", "tempo-run", 1800, None)]),
        ("Tempo: 15 min warm-up, 20 min @ threshold, 10 min cool-down", [("run", "tempo-run", 2700, None)]),
        ("Intervals: 15 min warm-up, 6 x 800m @ 5K pace w/ 400m jog, 10 min cool-down",
         [("run", "interval-run", None, None)]),
        ("Hill repeats: 8 x 60 s uphill w/ jog down", [("run", "hill-repeats", 480, None)]),
        ("Fartlek 40 min", [("run", "fartlek", 2400, None)]),
        ("Progression run 50 min", [("run", "progression-run", 3000, None)]),
        ("Race pace run 12 km", [("run", "race-pace-run", None, 12000)]),
        ("Trail run 60 min", [("run", "trail-run", 3600, None)]),
        ("Strength 30 min", [("strength", "strength-training", 1800, None)]),
        ("Cross-training 40 min", [("cross-training", "cross-training", 2400, None)]),
        ("Bike 60 min", [("bike", "endurance-ride", 3600, None)]),
        ("Swim 1500 m", [("swim", "endurance-swim", None, 1500)]),
        ("Brick: Bike 60 min + Run 20 min", [("bike", "brick", 3600, None), ("run", "easy-run", 1200, None)]),
        ("Race: Half marathon", [("run", "race", None, 21097.5)]),
        ("Race: Marathon", [("run", "race", None, 42195)]),
        ("Walk 30 min", [("walk", "walk", 1800, None)]),
        ("Hike 2h", [("hike", "hike", 7200, None)]),
        ("Easy run 40 min + Strength 20 min",
         [("run", "easy-run", 2400, None), ("strength", "strength-training", 1200, None)]),
        ("Easy run 45 min + strides", [("run", "easy-run", 2700, None)]),
        ("Tirada larga 16 km", [("run", "long-run", None, 16000)]),
        ("Sortie longue 1h30", [("run", "long-run", 5400, None)]),
        ("10 km locker", [("run", "easy-run", None, 10000)]),
        ("Long 8-10 km", [("run", "long-run", None, 8000)]),  # a range: its lower bound
        ("Seuil : 15 min d'échauffement, 3 x 10 min au seuil, 10 min retour au calme",
         [("run", "tempo-run", 3300, None)]),
        ("Open water swim 30 min", [("swim", "open-water-swim", 1800, None)]),
        ("Yoga 30 min", [("strength", "mobility", 1800, None)]),
    ],
)  # fmt: skip
def test_sessions(text: str, sessions: list[Row]) -> None:
    parsed = parse_day("Tuesday", text)
    assert [(s.workout_type, s.workout_sub_type, s.duration_seconds, s.distance_meters) for s in parsed] == sessions
    assert all(s.day == "Tuesday" and s.confident for s in parsed)


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [("Cross-training or rest", "cross-training"), ("Rest or easy 30 min", "easy-run"),
     ("Repos ou footing 30 min", "easy-run"), ("Bike 45 min (optional)", "endurance-ride")],
)  # fmt: skip
def test_rest_alternatives_are_optional_sessions(text: str, sub_type: str) -> None:
    [session] = parse_day("Friday", text)
    assert session.optional
    assert session.workout_sub_type == sub_type


def test_explicit_lengths_are_flagged_for_cross_checks() -> None:
    [steady] = parse_day("Monday", "Easy run 45 min")
    [structured] = parse_day("Monday", "Tempo: 15 min warm-up, 20 min @ threshold, 10 min cool-down")
    assert (steady.explicit_duration, steady.explicit_distance) == (True, False)
    assert (structured.explicit_duration, structured.duration_seconds) == (False, 2700)
    assert steady.content_blocks == []
    assert [block.type for block in structured.content_blocks] == ["warm-up", "run", "cool-down"]


@pytest.mark.parametrize("text", ["something unreadable", "Easy 10m then more"])
def test_guesses_are_not_confident(text: str) -> None:
    [session] = parse_day("Monday", text)
    assert not session.confident


def test_a_bare_distance_is_a_confident_easy_run() -> None:
    [session] = parse_day("Monday", "5 mi")
    assert (session.workout_sub_type, session.confident) == ("easy-run", True)


# Class A: a rest word followed by words that name no session is still a rest day.
@pytest.mark.parametrize(
    "text",
    ["Rest 🛌", "rest, legs up", "Off – travel day", "OFF!! sleep in", "Ruhetag, Beine hoch", "Repos complet.",
     "Descanso total", "frei 🙂"],
)  # fmt: skip
def test_rest_with_extra_words_is_a_rest_day(text: str) -> None:
    assert parse_day("Monday", text) == []


@pytest.mark.parametrize("text", ["Rest or swim 20 min", "Off-road run 40 min", "Rest day, then bike 30 min"])
def test_rest_words_before_a_session_keep_the_session(text: str) -> None:
    assert len(parse_day("Monday", text)) == 1


# Class B: two sessions on one day, split at a time of day or at "then" before another sport.
@pytest.mark.parametrize(
    ("text", "sessions"),
    [
        ("6 km easy, then yoga 20 min", [("run", "easy-run", None, 6000), ("strength", "mobility", 1200, None)]),
        ("Swim 1800 m, evening run 35 min", [("swim", "endurance-swim", None, 1800), ("run", "easy-run", 2100, None)]),
        ("AM: bike 60 min PM: run 20 min", [("bike", "endurance-ride", 3600, None), ("run", "easy-run", 1200, None)]),
        ("Lauf 40 min locker, abends Kraft 30 min",
         [("run", "easy-run", 2400, None), ("strength", "strength-training", 1800, None)]),
        ("Natation 2 km, le soir footing 30 min",
         [("swim", "endurance-swim", None, 2000), ("run", "easy-run", 1800, None)]),
        ("Bici 2 h, por la tarde trote 20 min",
         [("bike", "endurance-ride", 7200, None), ("run", "easy-run", 1200, None)]),
        ("Ride 90 min, puis natation 1500 m",
         [("bike", "endurance-ride", 5400, None), ("swim", "endurance-swim", None, 1500)]),
        # the steps of one workout stay together
        ("Tempo ride: 15 min warm-up, then 30 min @ tempo, then 10 min cool-down",
         [("bike", "tempo-ride", 3300, None)]),
        ("Run 50 min, then 4 x 1 min fast", [("run", "interval-run", 3240, None)]),
    ],
)  # fmt: skip
def test_two_sessions_on_one_day(text: str, sessions: list[Row]) -> None:
    parsed = parse_day("Wednesday", text)
    assert [(s.workout_type, s.workout_sub_type, s.duration_seconds, s.distance_meters) for s in parsed] == sessions


# Class C: one session stays one: strides ride along, brackets list contents, same-sport parts join.
@pytest.mark.parametrize(
    ("text", "session"),
    [
        ("5 km easy + 8x80m strides", ("run", "easy-run", None, 5000)),
        ("Easy 40 min and 5 x 20 s strides", ("run", "easy-run", 2400, None)),
        ("Footing 45 min + 6 lignes droites", ("run", "easy-run", 2700, None)),
        ("Dauerlauf 50 min und 5 Steigerungsläufe", ("run", "easy-run", 3000, None)),
        ("Gym 50 min (squats, lunges and core)", ("strength", "strength-training", 3000, None)),
        ("Kraftraum 40 min (Beine und Rumpf)", ("strength", "strength-training", 2400, None)),
        ("Stretching and foam rolling 25 min", ("strength", "mobility", 1500, None)),
        ("Yoga y movilidad 40 min", ("strength", "mobility", 2400, None)),
        ("Strides 6 x 20 s", ("run", "easy-run", 120, None)),
    ],
)  # fmt: skip
def test_one_session_stays_one(text: str, session: Row) -> None:
    [parsed] = parse_day("Thursday", text)
    assert (parsed.workout_type, parsed.workout_sub_type, parsed.duration_seconds, parsed.distance_meters) == session


# Class D: strength, core and mobility words in four languages are never a run.
@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("S & C 40 min", "strength-training"), ("Strength & conditioning 45'", "strength-training"),
        ("Circuit training 30 min", "strength-training"), ("Krafttraining 45 min", "strength-training"),
        ("Stabitraining 20 min", "core"), ("Athletik 30 min", "strength-training"),
        ("Renforcement musculaire 30 min", "strength-training"), ("PPG 25 min", "strength-training"),
        ("Gainage 15 min", "core"), ("Pesas 40 min", "strength-training"), ("Gimnasio 1 h", "strength-training"),
        ("Plank series 10 min", "core"), ("Pilates 50 min", "mobility"), ("Beweglichkeit 20 min", "mobility"),
        ("Souplesse 20 min", "mobility"),
    ],
)  # fmt: skip
def test_strength_words_are_strength(text: str, sub_type: str) -> None:
    [session] = parse_day("Friday", text)
    assert (session.workout_type, session.workout_sub_type) == ("strength", sub_type)


# Class E: sub-types from words in four languages.
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("25 min rec run", ("run", "recovery-run")), ("40' very easy", ("run", "recovery-run")),
        ("Lauf 30 min sehr locker", ("run", "recovery-run")), ("Footing très facile 30 min", ("run", "recovery-run")),
        ("Trote muy suave 25 min", ("run", "recovery-run")), ("Rad 45 min REKOM", ("bike", "recovery-ride")),
        ("Vélo 40 min régénération", ("bike", "recovery-ride")),
        ("Rad 4 h lang", ("bike", "long-ride")), ("Lauf 2 h lang, ruhig", ("run", "long-run")),
        ("Lauf 20 min lang zügig", ("run", "easy-run")),  # "lang" followed by a word: "for 20 min"
        ("Easy 50 min with 8 strides", ("run", "easy-run")), ("Lauf 40 min mit 4 Steigerungen", ("run", "easy-run")),
        ("Rodaje 45 min + 5 progresivos", ("run", "easy-run")),
        ("Rodaje progresivo 50 min", ("run", "progression-run")),
        ("Parkrun, race it!", ("run", "race")), ("3 km time trial", ("run", "race")),
        ("Parkrun easy with a friend", ("run", "easy-run")), ("Parkrun as a tempo", ("run", "tempo-run")),
        ("Bike 20 km time trial", ("bike", "race")),
        ("4 x 8 min @ threshold, 2 min jog", ("run", "tempo-run")),
        ("5 x 1 km im 10-km-Tempo", ("run", "interval-run")),
        ("Marche en montagne 4 h", ("hike", "hike")), ("Bergwanderung 3 h", ("hike", "hike")),
        ("Walk 2 h on hill trails with poles", ("hike", "hike")), ("Randonnée 5 h", ("hike", "hike")),
        ("Walk 30 min", ("walk", "walk")),
    ],
)  # fmt: skip
def test_sub_types_from_words(text: str, kind: tuple[str, str]) -> None:
    [session] = parse_day("Saturday", text)
    assert (session.workout_type, session.workout_sub_type) == kind


def test_a_hike_through_the_mountains_keeps_its_duration() -> None:
    [session] = parse_day("Sunday", "Senderismo 4 h por la sierra")
    assert (session.workout_type, session.duration_seconds) == ("hike", 14400)


# Class F: a stated session total beats the sum of the repetitions it includes.
@pytest.mark.parametrize(
    ("text", "duration", "distance"),
    [
        ("Swim 2500 m incl. 10 x 100 m", None, 2500),
        ("Long run 2 h with 3 x 15 min @ MP", 7200, None),
        ("Natation 2000 m dont 6 x 150 m", None, 2000),
        ("Bici 2 h con 4 x 8 min fuerte", 7200, None),
        ("Lauf 14 km mit 5 x 1 km schnell", None, 14000),
        ("Intervals: 15 min warm-up with drills, 6 x 3 min hard", 1980, None),  # a warm-up is a step, not a total
    ],
)  # fmt: skip
def test_a_stated_total_beats_its_repetitions(text: str, duration: int | None, distance: float | None) -> None:
    [session] = parse_day("Tuesday", text)
    assert (session.duration_seconds, session.distance_meters) == (duration, distance)
    assert session.content_blocks  # the repetitions are still read
