"""The canonical draft text: how a typed `Draft` is rendered for the coach to read and edit.

The format follows the spec's example and is what `planforge.drafttext.segment` and the offline parser read back;
week and phase headers and day names are written in the draft's language (English when it names none):

    12-Week Intermediate Half Marathon Training Plan

    <overview paragraph>

    Phase 1 (Weeks 1–4): Base Building            Fase 1 (Semanas 1–4): Base aeróbica
    <phase description>

    Week 1: Aerobic foundation                    Semana 1: Base aeróbica
    - Monday: Rest                                - Lunes: Descanso
    - Tuesday: Easy run 45 min                    - Martes: Rodaje suave 45 min
    ...
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from planforge.domain.draft import Draft, DraftPhase
from planforge.domain.vocabulary import WEEKDAYS, Language, Weekday


@dataclass(frozen=True)
class HeaderWords:
    """The words of a draft's headers in one language."""

    week: str
    weeks: str
    phase: str
    days: tuple[str, str, str, str, str, str, str]
    """Monday to Sunday."""


HEADER_WORDS: Final[dict[Language, HeaderWords]] = {
    "en": HeaderWords("Week", "Weeks", "Phase",
                      ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")),
    "de": HeaderWords("Woche", "Wochen", "Phase",
                      ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")),
    "fr": HeaderWords("Semaine", "Semaines", "Phase",
                      ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche")),
    "es": HeaderWords("Semana", "Semanas", "Fase",
                      ("Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo")),
    "it": HeaderWords("Settimana", "Settimane", "Fase",
                      ("Lunedì", "Martedì", "Mercoledì", "Giovedì", "Venerdì", "Sabato", "Domenica")),
    "pt": HeaderWords("Semana", "Semanas", "Fase",
                      ("Segunda-feira", "Terça-feira", "Quarta-feira", "Quinta-feira", "Sexta-feira", "Sábado",
                       "Domingo")),
    "nl": HeaderWords("Week", "Weken", "Fase",
                      ("Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag")),
}  # fmt: skip
"""Header words and day names per language, as the draft parser reads them back."""


def day_name(day: Weekday, language: Language = "en") -> str:
    """`day` in `language` ("Sunday" → "Domingo")."""
    return HEADER_WORDS[language].days[WEEKDAYS.index(day)]


def phase_header(index: int, phase: DraftPhase, language: Language = "en") -> str:
    """`Phase 1 (Weeks 1–4): Base Building`; in English the phase keyword is added when the name lacks it."""
    words = HEADER_WORDS[language]
    span = (
        f"{words.week} {phase.start_week}"
        if phase.start_week == phase.end_week
        else f"{words.weeks} {phase.start_week}–{phase.end_week}"
    )
    name = phase.name
    if language == "en" and phase.phase not in phase.name.lower():
        name = f"{phase.phase.title()} — {phase.name}"
    return f"{words.phase} {index} ({span}): {name}"


def render_draft(draft: Draft, language: Language | None = None) -> str:
    """Render `draft` as the canonical text, phases introducing their weeks, in `language` (else the draft's own,
    else English)."""
    words_language: Language = language or draft.language or "en"
    words = HEADER_WORDS[words_language]
    lines: list[str] = [draft.title, "", draft.overview]
    phase_starts = {phase.start_week: (index, phase) for index, phase in enumerate(draft.phases, start=1)}
    for week in draft.weeks:
        if week.week in phase_starts:
            index, phase = phase_starts[week.week]
            lines += ["", phase_header(index, phase, words_language), phase.description]
        lines += ["", f"{words.week} {week.week}: {week.focus}"]
        lines += [f"- {day_name(day.day, words_language)}: {day.session}" for day in week.days]
    return "\n".join(lines) + "\n"
