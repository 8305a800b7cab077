"""Drafts in the athlete's language, read back exactly: a round-trip property per language.

The engine writes a request in English, German, French, Spanish, Italian, Portuguese or Dutch in that language
(headers, day names, session words); the draft parser must read every such draft back to the engine's own
workouts and weekly info.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planforge.domain.plan import ContentBlock, Workout
from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import LEVELS, Language, Level, Weekday
from planforge.drafttext.render import HEADER_WORDS, render_draft
from planforge.offline.engine import write_plan
from planforge.offline.engine.text import LEXICONS
from planforge.offline.parser import parse_to_workouts

PROMPTS: dict[Language, list[str]] = {
    "en": ["Half marathon, goal 1:45. 5 days a week.", "Olympic triathlon, 8-10 hours a week.",
           "I have never run. I want to run a 5K parkrun on Saturday.", "Gran fondo of 160 km in September.",
           "General fitness, no race, 4 days a week, strength once a week."],
    "de": ["Halbmarathon am Sonntag, Ziel 1:50. 4 Tage pro Woche.", "Marathon unter 3:30, langer Lauf sonntags.",
           "Sprinttriathlon in 10 Wochen.", "Langdistanz-Triathlon, maximal 14 Stunden pro Woche."],
    "fr": ["Semi-marathon le dimanche, objectif 1:45. 4 jours par semaine.", "Triathlon olympique dans 12 semaines.",
           "Marathon en 3h30, sortie longue le samedi.", "Trail de 50 km."],
    "es": ["Media maratón el domingo, 4 días por semana.", "Maratón en 3:30, tirada larga el sábado.",
           "Quiero correr 10 km en 45 minutos, 3 días por semana."],
    "it": ["Mezza maratona di domenica, obiettivo 1:45. 4 giorni a settimana.", "Triathlon olimpico tra 12 settimane.",
           "Granfondo di 120 km di domenica."],
    "pt": ["Meia maratona no domingo, 4 dias por semana.", "Maratona em 3:30, longão ao sábado.",
           "Meio Ironman daqui a 20 semanas."],
    "nl": ["Halve marathon op zondag, doel 1:45. 4 dagen per week.", "Marathon onder 3:30, lange duurloop op zaterdag.",
           "Sprinttriatlon op zondag."],
}  # fmt: skip

Signature = tuple[int, Weekday, str, str, int | None, float | None, str, list[ContentBlock]]


def signature(workout: Workout) -> Signature:
    return (
        workout.week,
        workout.day,
        workout.workout_type,
        workout.workout_sub_type,
        workout.target_duration_in_seconds,
        workout.target_distance_in_meters,
        workout.phase,
        workout.content_blocks,
    )


def assert_round_trip(prompt: str, weeks: int, level: Level, language: Language) -> None:
    request = DraftRequest(weeks=weeks, level=level, org_id="org_test", additional_prompt=prompt)
    plan = write_plan(request, "")
    assert plan.draft.language == language
    text = render_draft(plan.draft)
    words = HEADER_WORDS[language]
    assert f"\n{words.week} 1: " in text
    assert f"\n- {words.days[0]}: " in text
    workouts, weekly_info = parse_to_workouts(text, weeks=weeks)
    assert [signature(w) for w in workouts] == [signature(w) for w in plan.workouts]
    assert weekly_info == plan.weekly_info


@pytest.mark.parametrize("language", list(PROMPTS))
@settings(max_examples=25, deadline=None)
@given(data=st.data(), weeks=st.integers(1, 30), level=st.sampled_from(LEVELS))
def test_every_draft_in_a_language_reads_back_to_the_engines_workouts(
    language: Language, data: st.DataObject, weeks: int, level: Level
) -> None:
    prompt = data.draw(st.sampled_from(PROMPTS[language]))
    assert_round_trip(prompt, weeks, level, language)


@pytest.mark.parametrize("language", list(PROMPTS))
def test_a_year_long_draft_in_each_language_reads_back(language: Language) -> None:
    assert_round_trip(PROMPTS[language][0], 52, "advanced", language)


@pytest.mark.parametrize("language", list(PROMPTS))
def test_rest_days_and_sessions_are_in_the_athletes_language(language: Language) -> None:
    plan = write_plan(
        DraftRequest(weeks=8, level="intermediate", org_id="o", additional_prompt=PROMPTS[language][0]), ""
    )
    sessions = {day.session.split(" ")[0] for week in plan.draft.weeks for day in week.days}
    assert LEXICONS[language].rest.split(" ")[0] in sessions
    assert plan.draft.title != ""
    assert plan.requirements.language == language


def test_a_language_asked_for_wins_over_the_requests_own() -> None:
    request = DraftRequest(weeks=4, level="beginner", org_id="o", additional_prompt="10K in June, auf Deutsch bitte.")
    assert write_plan(request, "").draft.language == "de"


@pytest.mark.parametrize("weeks", [1, 12])
@pytest.mark.parametrize("language", list(PROMPTS))
def test_the_overview_counts_in_words_not_brackets(language: Language, weeks: int) -> None:
    """Counts in words ("the last 2 weeks taper", "at most one quality session"), never "week(s)" or "Woche(n)"."""
    prompt = PROMPTS[language][0]
    draft = write_plan(DraftRequest(weeks=weeks, level="advanced", org_id="o", additional_prompt=prompt), "").draft
    assert not re.search(r"\w\((?:s|n|en|es|e)\)|\w/(?:e|weken)\b|\[|\]", draft.overview), draft.overview


@pytest.mark.parametrize("language", list(PROMPTS))
def test_session_labels_carry_no_gloss_in_another_language(language: Language) -> None:
    # A draft is wholly in the athlete's language: no "Herstelloop (recovery)" for the parser's sake.
    lexicon = LEXICONS[language]
    labels = [*lexicon.timed.values(), *lexicon.structured.values(), lexicon.swim, lexicon.brick, lexicon.rest]
    assert [label for label in labels if "(" in label] == []


def test_a_dutch_race_weeks_shake_out_is_written_in_dutch() -> None:
    request = DraftRequest(weeks=10, level="intermediate", org_id="o", additional_prompt=PROMPTS["nl"][2])
    plan = write_plan(request, "")
    race_week = plan.draft.weeks[-1]
    shake_outs = [w for w in plan.workouts if w.week == 10 and w.workout_sub_type == "recovery-run"]
    assert shake_outs
    assert any(day.session.startswith("Regeneratieloop") for day in race_week.days)
    assert "(recovery)" not in render_draft(plan.draft)


@pytest.mark.parametrize(("language", "sunday"), [("nl", "zondag"), ("fr", "dimanche"), ("de", "Sonntag")])
def test_the_overview_writes_weekdays_as_its_language_does_inside_a_sentence(language: Language, sunday: str) -> None:
    # "met de wedstrijd op zondag", "le dimanche"; German capitalises its nouns.
    request = DraftRequest(weeks=8, level="beginner", org_id="o", additional_prompt=PROMPTS[language][0])
    overview = write_plan(request, "").draft.overview
    assert sunday in overview
    if language != "de":
        assert sunday.capitalize() not in overview
