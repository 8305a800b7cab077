"""Workout names in the draft's language (`NAMES`, from `planforge.domain.workout_names`), and how to tell which
language a draft (or one session) is written in.

A converted plan names its workouts in the words its draft uses: a German draft's easy run is a "Lockerer Lauf",
never an "Easy Run". The language comes from the draft's headers and day names when the caller has them
(`text_language` of the whole week or draft text: "Woche 3", "- Dienstag: …" are unmistakable), else from the
session's own words; English when nothing tells.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from planforge.domain.vocabulary import Language
from planforge.domain.workout_names import NAMES

__all__ = ["NAMES", "OPTIONAL", "RACE_NAMES", "fold", "is_run_walk", "text_language"]

RACE_NAMES: Final[dict[Language, dict[float, str]]] = {
    "en": {42195.0: "Marathon", 21097.5: "Half Marathon", 10000.0: "10K", 5000.0: "5K"},
    "de": {42195.0: "Marathon", 21097.5: "Halbmarathon", 10000.0: "10 km", 5000.0: "5 km"},
    "fr": {42195.0: "Marathon", 21097.5: "Semi-marathon", 10000.0: "10 km", 5000.0: "5 km"},
    "es": {42195.0: "Maratón", 21097.5: "Media maratón", 10000.0: "10 km", 5000.0: "5 km"},
    "it": {42195.0: "Maratona", 21097.5: "Mezza maratona", 10000.0: "10 km", 5000.0: "5 km"},
    "pt": {42195.0: "Maratona", 21097.5: "Meia maratona", 10000.0: "10 km", 5000.0: "5 km"},
    "nl": {42195.0: "Marathon", 21097.5: "Halve marathon", 10000.0: "10 km", 5000.0: "5 km"},
}
"""A race of a standard length by its name."""

OPTIONAL: Final[dict[Language, str]] = {
    "en": "Optional: do it if you feel fresh, otherwise rest.",
    "de": "Optional: nur wenn du dich frisch fühlst, sonst Ruhetag.",
    "fr": "Facultatif : seulement si tu te sens frais, sinon repos.",
    "es": "Opcional: solo si te sientes fresco; si no, descansa.",
    "it": "Facoltativo: solo se ti senti fresco, altrimenti riposo.",
    "pt": "Opcional: só se te sentires fresco; caso contrário, descansa.",
    "nl": "Optioneel: alleen als je je fris voelt, anders rust.",
}
"""What an optional session's description adds."""

_RUN_WALK: Final = re.compile(
    r"\b(?:run\s*[/-]\s*walk|walk\s*[/-]\s*run|laufen\s*/\s*gehen|gehen\s*/\s*laufen|course\s*/\s*marche"
    r"|correr\s*/\s*caminar|corsa\s*/\s*camminata|corrida\s*/\s*caminhada|hardlopen\s*/\s*wandelen"
    r"|lopen\s*/\s*wandelen)\b"
)
"""A run/walk session's own words ("Run/walk 25 min: 8 x (60 s run, 90 s walk)")."""


def is_run_walk(text: str) -> bool:
    """Whether a session's text names it a run/walk, in any of the seven languages."""
    return bool(_RUN_WALK.search(fold(text)))


def fold(text: str) -> str:
    """Lower case without accents: "Sábado" → "sabado"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _known(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words only one language uses for its headers, days and sessions (folded). Words several languages share
# ("fartlek", "marathon", "trail", "min", "semana", "sabado") are left out: they tell nothing.
_WORDS: Final[dict[Language, frozenset[str]]] = {
    "en": _known("""monday tuesday wednesday thursday friday saturday sunday easy run long rest intervals
        ride swim race walk jog strength hill hills repeats recovery threshold pace bike hike shake out
        drills brisk uphill downhill optional or"""),
    "de": _known("""woche wochen montag dienstag mittwoch donnerstag freitag samstag sonntag lockerer lauf
        langer ruhetag tempolauf intervalle berglaufe einlaufen auslaufen schwimmen radfahren rad wettkampf
        krafttraining spaziergang wanderung gehen laufen trabpause locker bergauf halbmarathon schwelle
        radeinheit koppeltraining regenerationslauf mit"""),
    "fr": _known("""semaine semaines lundi mardi mercredi jeudi vendredi samedi dimanche footing facile sortie
        longue repos seuil fractionne cotes echauffement retour calme natation velo competition renforcement
        musculaire marche course recup allure enchainement randonnee"""),
    "es": _known("""lunes martes miercoles jueves viernes rodaje suave tirada larga umbral series
        cuestas calentamiento vuelta natacion carrera fuerza caminata correr caminar recuperacion
        senderismo"""),
    "it": _known("""settimana settimane lunedi martedi mercoledi giovedi venerdi sabato domenica corsa lenta
        lungo riposo soglia ripetute salite riscaldamento defaticamento nuoto bici gara forza camminata
        recupero"""),
    "pt": _known("""segunda terca quarta quinta sexta feira corrida leve longao limiar tiros
        aquecimento retorno natacao prova musculacao caminhada recuperacao pedal"""),
    "nl": _known("""weken maandag dinsdag woensdag donderdag vrijdag zaterdag zondag rustige duurloop
        rust tempoloop intervallen heuveltraining inlopen uitlopen zwemmen fietsen wedstrijd krachttraining
        wandeling wandelen hardlopen herstelloop regeneratieloop dribbel"""),
}  # fmt: skip
_WORD: Final = re.compile(r"[a-z]+")


def text_language(text: str) -> Language | None:
    """The language `text` is written in, by its words only one language uses; None when none tells (or two
    languages tell equally)."""
    words = _WORD.findall(fold(text))
    scores: dict[Language, int] = {language: sum(word in known for word in words) for language, known in _WORDS.items()}
    best = max(scores.values())
    winners: list[Language] = [language for language, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None
