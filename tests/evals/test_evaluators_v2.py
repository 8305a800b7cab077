"""The v2 evaluators on hand-made plans: each tells a good plan from a bad one and reports what it measured."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic_evals.evaluators import EvaluationReason

from planforge.domain.plan import PlanWorkout
from planforge.evals.evaluators import (
    DraftLanguage,
    IntensityDistribution,
    LoadProgression,
    LongSessionPeak,
    LongSessionShare,
    NoviceOnset,
    PrincipleAdherence,
    QualitySessions,
    RaceCheck,
    SessionSizes,
    SessionSpikes,
    StatedConstraints,
    TaperAndRaceWeek,
    WeeklyVolume,
)
from tests.evals.helpers import context_v2, run_week, weeks_of, workout

RACE_10K = {"sport": "run", "distance": "10k", "week": 3, "day": "Sunday"}


def ok(output: Any, name: str) -> bool:
    """Whether every assertion of evaluator `name` holds (`<name>.ok`, or one per check `<name>.<check>.ok`)."""
    values = [v for key, v in output.items() if key.startswith(f"{name}.") and key.endswith(".ok")]
    assert values, f"{name} made no assertion: {output}"
    return all((v.value if isinstance(v, EvaluationReason) else v) for v in values)


def race(week: int, day: str = "Sunday", km: float = 10, **fields: Any) -> PlanWorkout:
    return workout(week, day, "race", 45, target_distance_in_meters=km * 1000, **fields)  # type: ignore[arg-type]


def test_race_found_with_its_sport_distance_and_day_and_nothing_after() -> None:
    good = weeks_of(run_week(1), run_week(2), [*run_week(3)[:2], race(3)])
    result = RaceCheck().evaluate(context_v2(good, race=RACE_10K))
    assert ok(result, "race")
    assert result["race.distance_km"] == 10.0

    missing = RaceCheck().evaluate(context_v2(weeks_of(run_week(1), run_week(2), run_week(3)), race=RACE_10K))
    assert not ok(missing, "race")
    assert missing["race.races"] == 0.0
    assert missing["race.found.ok"].reason == "no race in the plan"

    wrong_day = RaceCheck().evaluate(
        context_v2(weeks_of(run_week(1), run_week(2), [race(3, "Saturday")]), race=RACE_10K)
    )
    assert wrong_day["race.day.ok"].value is False
    assert not ok(wrong_day, "race")

    after = weeks_of(run_week(1), run_week(2), [race(3, "Saturday"), workout(3, "Sunday", "easy-run", 30)])
    late = RaceCheck().evaluate(context_v2(after, race={**RACE_10K, "day": "Saturday"}))
    assert late["race.sessions_after"] == 1.0
    assert not ok(late, "race")

    half = RaceCheck().evaluate(context_v2(weeks_of(run_week(1), run_week(2), [race(3, km=21.1)]), race=RACE_10K))
    assert half["race.distance.ok"].reason == "race 'race' (week 3 Sunday) is 21.1 km, not 10 km"

    on_bike = weeks_of(run_week(1), run_week(2), [race(3, workout_type="bike")])
    assert RaceCheck().evaluate(context_v2(on_bike, race=RACE_10K))["race.sport.ok"].value is False


def test_a_triathlon_race_is_recognised_by_its_words() -> None:
    line = race(3, km=1.5, workout_type="swim", workout_description="Race: Olympic triathlon (1.5 km swim, 40 km bike)")
    triathlon = {"sport": "triathlon", "distance": "olympic-triathlon", "week": 3, "day": "Sunday"}
    result = RaceCheck().evaluate(context_v2(weeks_of(run_week(1), run_week(2), [line]), race=triathlon))
    assert ok(result, "race")
    assert result["race.distance_km"] == 51.5


def test_an_evaluator_without_an_expectation_says_it_did_not_apply() -> None:
    plan = weeks_of(run_week(1), run_week(2))
    assert RaceCheck().evaluate(context_v2(plan)) == {"race.not_applicable": "the request names no race"}
    assert set(StatedConstraints().evaluate(context_v2(plan))) == {"constraints.not_applicable"}
    assert set(NoviceOnset().evaluate(context_v2(plan))) == {"novice.not_applicable"}


def test_stated_constraints_each_report_their_measured_value() -> None:
    plan = weeks_of(run_week(1), run_week(2, (40, 30, 40, 100)))
    kept = StatedConstraints().evaluate(
        context_v2(
            plan,
            allowed_days=["Tuesday", "Thursday", "Saturday", "Sunday"],
            time_caps={"weekday_minutes": 45, "weekend_minutes": 120},
            days_per_week=4,
            sessions_per_week={"run": 4},
            long_session_day={"run": "Sunday"},
            hours_per_week={"max": 4},
        )
    )
    assert ok(kept, "constraints")
    assert kept["constraints"] == 1.0

    broken = StatedConstraints().evaluate(
        context_v2(
            plan,
            excluded_days=["Saturday"],
            no_back_to_back=["run"],
            time_caps={"weekend_minutes": 60},
            days_per_week=3,
            long_session_day={"run": "Saturday"},
            hours_per_week={"min": 3.5},
        )
    )
    assert not ok(broken, "constraints")
    assert broken["constraints.off_days"] == 2.0  # Saturday in each week
    assert broken["constraints.back_to_back"] == 2.0  # Saturday-Sunday in each week
    assert broken["constraints.time_caps"] == 40.0  # the 100-minute Sunday run under a 60-minute cap
    assert broken["constraints.days_per_week"] == 0.0
    assert broken["constraints.long_session_day"] == 0.0
    assert broken["constraints.hours_per_week"] == pytest.approx(170 / 60, abs=1e-4)
    assert broken["constraints"] == 0.0
    assert broken["constraints.time_caps.ok"].reason == "time_caps not kept: 40"


def test_the_draft_must_be_in_the_language_of_the_request() -> None:
    german = "Woche 1\n- Montag: Ruhetag\n- Dienstag: Lockerer Lauf 40 min\n- Sonntag: Langer Lauf 60 min und Dehnen"
    plan = weeks_of(run_week(1))
    passed = DraftLanguage().evaluate(context_v2(plan, draft=german, language="de"))
    assert ok(passed, "language")
    assert passed["language.detected"] == "de"
    failed = DraftLanguage().evaluate(context_v2(plan, language="de"))
    assert failed["language.detected"] == "en"
    assert not ok(failed, "language")
    assert failed["language"] < 0.2


MARATHON = {"sport": "run", "distance": "marathon", "week": 4, "day": "Sunday"}


@pytest.mark.parametrize(
    ("long_km", "fit", "passes"), [(32, "within", True), (21, "far-too-short", False), (50, "far-too-long", False)]
)
def test_peak_long_session_fails_far_too_short_as_much_as_far_too_long(long_km: float, fit: str, passes: bool) -> None:
    long_run = workout(2, "Sunday", "long-run", round(long_km * 6), target_distance_in_meters=long_km * 1000)
    plan = weeks_of(run_week(1), [*run_week(2)[:3], long_run], run_week(3), [race(4, km=42.2)])
    result = LongSessionPeak().evaluate(context_v2(plan, level="beginner", race=MARATHON))
    assert result["peak_long.run"] == fit
    assert result["peak_long.run_km"] == long_km
    assert ok(result, "peak_long") is passes


def spiky_plan(jump: float) -> list[list[PlanWorkout]]:
    weeks = [run_week(w) for w in range(1, 6)]
    weeks.append([*run_week(6)[:3], workout(6, "Sunday", "long-run", round(60 * jump))])
    return weeks


def test_a_session_far_longer_than_the_previous_30_days_is_a_spike() -> None:
    spiky = SessionSpikes().evaluate(context_v2(weeks_of(*spiky_plan(1.5))))
    assert not ok(spiky, "spikes")
    assert spiky["spikes.worst"] == pytest.approx(0.5, abs=1e-4)
    assert ok(SessionSpikes().evaluate(context_v2(weeks_of(*spiky_plan(1.1)))), "spikes")
    short = SessionSpikes().evaluate(context_v2(weeks_of(run_week(1), run_week(2, (40, 30, 40, 120)))))
    assert set(short) == {"spikes.not_applicable"}  # no session has 30 days of the plan behind it


def test_load_may_return_after_a_step_back_week_but_not_jump() -> None:
    steady = [run_week(1), run_week(2, (44, 33, 44, 66)), run_week(3, (30, 20, 30, 45)), run_week(4, (48, 36, 48, 70))]
    assert ok(LoadProgression().evaluate(context_v2(weeks_of(*steady))), "progression")
    jump = [run_week(1), run_week(2, (50, 40, 50, 80)), run_week(3, (60, 50, 60, 100))]
    result = LoadProgression().evaluate(context_v2(weeks_of(*jump)))
    assert not ok(result, "progression")
    assert result["progression.worst_two_week_growth"] == pytest.approx(270 / 170 - 1, abs=1e-4)


def test_a_beginner_5k_week_of_14_hours_is_far_too_big() -> None:
    five_k = {"sport": "run", "distance": "5k", "week": 2, "day": "Sunday"}
    big = [
        workout(1, day, "easy-run", 140) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
    ]
    result = WeeklyVolume().evaluate(context_v2(weeks_of(big, [race(2, km=5)]), level="beginner", race=five_k))
    assert not ok(result, "volume")
    assert result["volume.peak_hours"] == 14.0
    fine = WeeklyVolume().evaluate(
        context_v2(weeks_of(run_week(1, (20, 20, 20, 30)), [race(2, km=5)]), level="beginner", race=five_k)
    )
    assert ok(fine, "volume")


def test_intensity_and_quality_catch_a_plan_of_only_hard_sessions() -> None:
    easy = weeks_of(run_week(1), [*run_week(2)[:1], workout(2, "Thursday", "tempo-run", 30), *run_week(2)[2:]])
    hard_week = [workout(1, day, "interval-run", 45) for day in ("Tuesday", "Thursday", "Saturday", "Sunday")]
    assert ok(IntensityDistribution().evaluate(context_v2(easy)), "intensity")
    result = IntensityDistribution().evaluate(context_v2(weeks_of(hard_week)))
    assert result["intensity"] == 0.0
    assert not ok(result, "intensity")
    quality = QualitySessions().evaluate(context_v2(weeks_of(hard_week), level="beginner"))
    assert quality["quality.most_in_a_week"] == 4.0
    assert not ok(quality, "quality")
    assert ok(QualitySessions().evaluate(context_v2(easy, level="beginner")), "quality")


def test_taper_race_week_light_and_the_day_before_short() -> None:
    build = [run_week(w, (50, 40, 50, 90)) for w in range(1, 4)]
    tapered = weeks_of(*build, [workout(4, "Tuesday", "easy-run", 40), workout(4, "Thursday", "easy-run", 30), race(4)])
    result = TaperAndRaceWeek().evaluate(context_v2(tapered, race={**RACE_10K, "week": 4}))
    assert ok(result, "taper")
    assert result["taper.race_week_share"] == pytest.approx(70 / 230, abs=1e-4)
    flat = weeks_of(*build, [*run_week(4, (50, 40, 50))[:3], race(4)])
    result = TaperAndRaceWeek().evaluate(context_v2(flat, race={**RACE_10K, "week": 4}))
    assert not ok(result, "taper")
    assert result["taper.day_before_minutes"] == 50.0


def swim(week: int, day: str, metres: float) -> PlanWorkout:
    return workout(
        week, day, "endurance-swim", round(metres / 50), workout_type="swim", target_distance_in_meters=metres
    )  # type: ignore[arg-type]


def test_sprint_triathlon_swims_stay_sprint_sized_and_one_a_day() -> None:
    sprint = {"sport": "triathlon", "distance": "sprint-triathlon", "week": 2, "day": "Sunday"}
    fine = weeks_of([swim(1, "Tuesday", 1500), swim(1, "Friday", 1200)], [race(2, km=25.75)])
    assert ok(SessionSizes().evaluate(context_v2(fine, race=sprint)), "session_sizes")
    twice = weeks_of([swim(1, "Tuesday", 1500), swim(1, "Tuesday", 1500)], [race(2, km=25.75)])
    result = SessionSizes().evaluate(context_v2(twice, race=sprint))
    assert result["session_sizes.most_swims_a_day"] == 2.0
    assert not ok(result, "session_sizes")
    huge = SessionSizes().evaluate(context_v2(weeks_of([swim(1, "Tuesday", 4500)], [race(2, km=25.75)]), race=sprint))
    assert huge["session_sizes.longest_swim_m"] == 4500.0
    assert not ok(huge, "session_sizes")


def test_a_never_runner_starts_with_run_walk() -> None:
    novice = {"current_volume": {"sport": "run", "never_trained": True}}
    run_walk = workout(1, "Tuesday", "interval-run", 25, workout_description="Run 1 min, walk 90 s, 8 times")
    assert ok(NoviceOnset().evaluate(context_v2(weeks_of([run_walk]), **novice)), "novice")
    result = NoviceOnset().evaluate(context_v2(weeks_of([workout(1, "Tuesday", "easy-run", 40)]), **novice))
    assert result["novice.longest_continuous_minutes"] == 40.0
    assert not ok(result, "novice")


def test_principle_polarized_and_3_1_loading_are_checked() -> None:
    tempo_weeks = [[workout(w, d, "tempo-run", 40) for d in ("Tuesday", "Thursday")] + run_week(w)[2:] for w in (1, 2)]
    result = PrincipleAdherence().evaluate(context_v2(weeks_of(*tempo_weeks), principle=["polarized"]))
    assert result["principle.threshold_share"] == pytest.approx(80 / 180, abs=1e-4)
    assert not ok(result, "principle")
    growing = [run_week(w, (40 + w, 30, 40, 60)) for w in range(1, 9)]
    no_step_back = PrincipleAdherence().evaluate(context_v2(weeks_of(*growing), principle=["3:1-loading"]))
    assert no_step_back["principle.longest_build"] == 8.0
    assert not ok(no_step_back, "principle")
    stepped = [run_week(w, (30, 30, 30, 40) if w % 4 == 0 else (40 + w, 30, 40, 60)) for w in range(1, 9)]
    assert ok(PrincipleAdherence().evaluate(context_v2(weeks_of(*stepped), principle=["3:1-loading"])), "principle")


def test_long_session_share_is_information_only() -> None:
    result = LongSessionShare().evaluate(context_v2(weeks_of(run_week(1, (20, 20, 20, 140)))))
    assert result == {"long_share": 0.7}


def test_strides_after_an_easy_run_are_part_of_it_not_a_session_of_their_own() -> None:
    # "Easy run 40 min + 4 x 20 s relaxed strides" read as an easy run and an 80-second interval session.
    strides = workout(1, "Tuesday", "interval-run", 1, target_duration_in_seconds=80)
    week = [*run_week(1), strides]
    constraints = StatedConstraints().evaluate(context_v2(weeks_of(week), sessions_per_week={"run": 4}))
    assert ok(constraints, "constraints")
    quality = QualitySessions().evaluate(context_v2(weeks_of(week, run_week(2)), level="beginner"))
    assert quality["quality.most_in_a_week"] == 0.0  # easy runs only: the strides are no quality session
    alone = [workout(1, "Tuesday", "interval-run", 1, target_duration_in_seconds=80)]
    assert StatedConstraints().evaluate(context_v2(weeks_of(alone), sessions_per_week={"run": 1}))["constraints"] == 1.0


def test_a_tune_up_race_counts_as_one_of_the_weeks_sessions() -> None:
    week = [*run_week(1)[:3], race(1, km=10)]  # a 10K on the Sunday of a 4-runs-a-week plan
    result = StatedConstraints().evaluate(context_v2(weeks_of(week, run_week(2)), sessions_per_week={"run": 4}))
    assert result["constraints.sessions_per_week"] == 1.0


def test_repeats_all_at_an_easy_zone_are_no_quality_session() -> None:
    # "Ride 60 min with 2 x 5 min at century pace": for a 7-hour ride, event pace is endurance (z2).
    def ride(pace: str) -> PlanWorkout:
        steps = [
            {"type": "run", "block_length_target": "duration", "block_duration_in_seconds": 3000, "block_pace": "z2"},
            {
                "type": "interval",
                "block_length_target": "duration",
                "block_repeat": 2,
                "content_blocks": [
                    {
                        "type": "run",
                        "block_length_target": "duration",
                        "block_duration_in_seconds": 300,
                        "block_pace": pace,
                    }
                ],
            },
        ]
        return workout(1, "Thursday", "interval-ride", 60, workout_type="bike", content_blocks=steps)

    century = {"sport": "bike", "distance": "century", "week": 1, "day": "Saturday"}
    for pace, passes in (("z2", True), ("z5", False)):
        plan = weeks_of([ride(pace), race(1, "Saturday", km=161, workout_type="bike")])
        result = TaperAndRaceWeek().evaluate(context_v2(plan, race=century))
        assert result["taper.last_hard.ok"].value is passes
