"""A week's text as converters read it, week numbers that cannot be, and phase names in every request language."""

from __future__ import annotations

import pytest

from planforge.drafttext.segment import check_weeks, segment_draft
from planforge.exceptions import DraftStructureError

ONE_LINE_WEEKS = """Week 1: Mon rest, Tue easy 40 min, Wed tempo 20 min, Sun long run 90 min
Week 2 (build): Mon rest, Tue easy 45 min, Sun long run 100 min
"""


def test_a_week_on_one_line_gives_each_day_once_to_the_converters() -> None:
    """`WeekText.text` (what an LLM or the offline coach reads) joins header and body: the days stand in the body."""
    first, second = segment_draft(ONE_LINE_WEEKS).weeks
    assert (first.header, second.header) == ("Week 1:", "Week 2 (build):")
    assert first.text.count("Tue easy 40 min") == 1
    assert second.text == "Week 2 (build):\nMon rest, Tue easy 45 min, Sun long run 100 min"
    assert second.phase == "build"


def test_week_zero_is_named_as_the_problem() -> None:
    draft = "\n".join(f"Week {week}\n- Tue: easy 30 min" for week in range(4))
    with pytest.raises(DraftStructureError, match=r"week 0 is no week number: weeks are numbered from 1 \(the draft"
                       r" has weeks 0-3\); number them 1 to 4"):  # fmt: skip
        check_weeks(segment_draft(draft), 4)


def test_a_missing_week_names_the_weeks_the_draft_has() -> None:
    draft = "\n".join(f"Week {week}\n- Tue: easy 30 min" for week in (1, 2, 3, 7))
    with pytest.raises(DraftStructureError, match=r"has 4 week\(s\) but weeks is 5 \(missing week 4; it has weeks"
                       r" 1-3, 7\)"):  # fmt: skip
        check_weeks(segment_draft(draft), 5)


@pytest.mark.parametrize(
    ("header", "phase"),
    [
        ("Phase 2 (Semaines 5-8) : Développement", "build"),
        ("Fase 2 (Semanas 5-8): Desenvolvimento", "build"),
        ("Fase 2 (Weken 5-8): Opbouw", "build"),
        ("Fase 3 (Weken 9-10): Piek", "peak"),
        ("Fase 1 (Weken 1-4): Basis", "base"),
        ("Fase 3 (Settimane 9-10): Picco di forma", "peak"),
        ("Fase 4 (Semanas 11-12): Recuperação", "recovery"),
        ("Fase 4 (Weken 11-12): Herstel", "recovery"),
    ],
)
def test_phase_names_read_after_accents_are_folded(header: str, phase: str) -> None:
    [week] = segment_draft(f"{header}\nWeek 5\n- Tue: easy 30 min").weeks
    assert week.phase == phase


@pytest.mark.parametrize("header", ["Week 4: Easier week", "Semana 4: Semana leve", "Week 14: Step-back week"])
def test_a_lighter_week_is_a_recovery_week(header: str) -> None:
    [week] = segment_draft(f"{header}\n- Tue: easy 30 min").weeks
    assert week.phase == "recovery"
