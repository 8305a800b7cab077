"""Which of planforge's seven languages a draft is written in: a transparent word scorer.

Each language has a list of its function words plus the words training plans are made of (weekdays, rest,
run, long, easy, warm-up, swim, ride, week…), lower-cased without accents. Every word of the text found in k
of the lists adds 1/k to each of them; the language with the highest score wins, and its share of the
total says how clearly. Why not a general detector: drafts are terse lists of day names, numbers and
training jargon shared across languages ("Tempo", "Fartlek", "Z2", "Intervall"), where the scorer's
vocabulary is the signal; the kept libraries trained on prose need numpy (py3langid) or a large native
wheel (lingua), heavy for a library's runtime dependency, and langdetect is unmaintained and random
unless seeded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from planforge.domain.vocabulary import Language
from planforge.drafttext.days import fold

_WORDS: Final[dict[Language, str]] = {
    "en": """the and with of to at for on your then after before or week weeks easy run running long rest day off
        monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
        minutes recovery intervals interval ride cycling bike swim swimming strength race warm up cool down pace
        effort steady hills hill build base taper peak jog walk strides mobility core optional session sessions
        total between each repeat recoveries jog shakeout cross training goal plan phase focus""",
    "de": """der die das und mit im zum zur den dem des ein eine einer woche wochen ruhetag ruhe lauf laufen
        dauerlauf lockerer locker lockeres langer lange langen schwimmen radfahren rad radeinheit kraft
        krafttraining montag dienstag mittwoch donnerstag freitag samstag sonntag einlaufen auslaufen tempolauf
        wettkampf erholung minuten danach vor nach bis auf oder ruhig leicht steigerungen intervalle berg
        bergauf trabpause pause dazwischen ausdauer grundlage einheit lauftraining gehen gehpause wechsel""",
    "fr": """le la les et avec du des au aux une un semaine semaines repos course footing sortie longue facile
        lundi mardi mercredi jeudi vendredi samedi dimanche natation nage velo renforcement echauffement retour
        calme allure seuil fractionne recuperation puis pour sur endurance fondamentale marche entre chaque
        seance cotes montee""",
    "es": """el la los las y con del semana semanas descanso rodaje carrera suave tirada larga lunes martes
        miercoles jueves viernes sabado domingo natacion nadar bicicleta fuerza calentamiento enfriamiento ritmo
        series umbral recuperacion minutos luego para por cuestas entrenamiento caminar trote sesion cada entre
        vuelta calma""",
    "it": """il lo gli le e con di del della dello dei delle settimana settimane riposo corsa lenta lento lungo
        lunga lunedi martedi mercoledi giovedi venerdi sabato domenica nuoto bici forza riscaldamento
        defaticamento ritmo ripetute soglia recupero minuti poi per allenamento uscita salite camminata ogni tra
        gara""",
    "pt": """o a os as e com de do da dos das em no na semana semanas descanso corrida leve longao longo longa
        segunda terca quarta quinta sexta sabado domingo feira natacao bicicleta forca aquecimento
        desaquecimento ritmo tiros limiar recuperacao minutos depois para por rodagem caminhada treino cada entre
        subidas prova""",
    "nl": """de het een en met van in op week weken rust rustdag duurloop rustige rustig lange loop lopen
        hardlopen maandag dinsdag woensdag donderdag vrijdag zaterdag zondag zwemmen fietsen fiets kracht
        krachttraining opwarmen uitlopen drempel herstel minuten daarna voor na of wandelen training elke tussen
        heuvels wedstrijd""",
}
_LISTS: Final[dict[Language, frozenset[str]]] = {lang: frozenset(words.split()) for lang, words in _WORDS.items()}
_TOKEN: Final = re.compile(r"[a-z]+(?:-[a-z]+)?")


@dataclass(frozen=True)
class LanguageGuess:
    """The scorer's verdict on a text."""

    language: Language | None
    """The best-scoring language; None when no word of any list occurs."""
    share: float
    """The winner's share of all scores (1.0: only its words occur)."""
    scores: dict[Language, float]
    """Each language's score (words found, shared words split between their languages)."""
    words: int
    """How many words of the text are in some list."""


def detect_language(text: str) -> LanguageGuess:
    """The language of `text` among planforge's seven, with the scores behind the verdict."""
    scores: dict[Language, float] = {}
    words = 0
    for token in _TOKEN.findall(fold(text)):
        owners: list[Language] = [lang for lang, words_of in _LISTS.items() if token in words_of]
        if not owners:
            continue
        words += 1
        for lang in owners:
            scores[lang] = scores.get(lang, 0.0) + 1 / len(owners)
    total = sum(scores.values())
    if not total:
        return LanguageGuess(None, 0.0, {}, 0)
    best = max(scores, key=lambda lang: scores[lang])
    return LanguageGuess(best, scores[best] / total, scores, words)
