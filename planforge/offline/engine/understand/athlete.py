"""The athlete: age, never having run, injuries and what they rule out, and the language of the request.

The language is the one the request asks for ("in German please", "auf Deutsch"), else the one its words are
written in, scored on each language's function words and training words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from planforge.domain.vocabulary import Language, WorkoutType
from planforge.offline.engine.understand.text import RequestText

_AGE: Final = re.compile(
    r"\b(?:i'?m|i am|aged?|age:?)\s*(?P<a>\d{2})\b(?!\s*(?:km|k|min|weeks?|%))"
    r"|\b(?P<b>\d{2})\s*(?:years? old|jahre\b|jahre alt|ans\b|anos\b|anni\b|jaar\b|anos de idade|ano\b)"
    r"|\b(?:j'ai|tengo|ho|tenho|ik ben)\s*(?P<c>\d{2})\s*(?:ans|anos|anni|jaar|años|anos)\b"
    r"|\b(?:ich bin|ik ben|sono|soy|sou|je suis)\s+(?P<f>\d{2})\b(?!\s*(?:km|k|min|minuten|minutes|wochen|weken|%|x))"
    r"|\b(?:masters? \w+|athlete: \w+|lauferin|laufer|coureur|corredor)\s*,\s*(?P<d>\d{2})\b"
    r"|^\s*\w+\s*,\s*(?P<e>\d{2})\s*,"
)
_NEVER_RUN: Final = re.compile(
    r"\bnever (?:run|ran|been a runner|jogged|done any running)\b(?!\s+(?:a|an|the|my)\s)"
    r"|\bnever run in my life|\bnie gelaufen|\bnoch nie gelaufen|\bjamais couru|\bnunca he corrido|\bnunca corri\b"
    r"|\bmai corso|\bnooit hardgelopen|\bnon ho mai corso|\bnot a runner|\bnon-runner|\bcouch to 5k"
)
_INJURY: Final = re.compile(
    r"achill|\bknee|\bknie|genou|rodilla|ginocchio|joelho|patell|tendin|tendon|sehne|\bshin\b|periost|tibial|"
    r"rotator|shoulder|schulter|epaule|hombro|spalla|ombro|plantar|hamstring|\bhip\b|hufte|hanche|cadera|"
    r"\bback pain|ruecken|rucken|stress fracture|ermudungsbruch|fracture|fractura|injur|verletz|blessure|"
    r"lesion|infortun|lesao|blessure|physio|\bgp\b|doctor|arzt|medecin|medico|recover slowly|recupero piu|"
    r"recupere moins|recupero mas|herstel traag|erhole mich langsam|achillespezen|pain|schmerz|douleur|dolor|"
    r"dolore|dor\b"
)
_SENTENCE_LIMIT: Final = 200
_I_AM = (
    r"(?:i'?m|i am|as|masters?|ich bin|je suis|soy|sono|sou|ik ben)\s+(?:an?\s+|un[ae]?\s+|een\s+)?(?:[\w-]+\s+){0,2}?"
)
_ATHLETE_SPORT: Final[tuple[tuple[WorkoutType, re.Pattern[str]], ...]] = (
    ("bike", re.compile(rf"\b{_I_AM}(?:cyclist|rider|biker|roadie|(?:renn)?radfahrer\w*|radsportler\w*|cycliste|"
                        r"ciclista|fietser|wielrenner)\b")),
    ("swim", re.compile(rf"\b{_I_AM}(?:swimmer|schwimmer\w*|nageu(?:r|se)|nadador\w*|nuotat(?:ore|rice)|zwemmer)\b")),
    ("run", re.compile(rf"\b{_I_AM}(?:runner|laufer\w*|coureu(?:r|se)|corredor\w*|podista|hardloper|loper)\b")),
)  # fmt: skip


@dataclass(frozen=True)
class CautionFlags:
    """What the athlete's cautions rule out, as the planner applies it."""

    no_hills: bool = False
    """No hill repeats or downhill running."""
    no_run_intervals: bool = False
    """No fast running intervals (tempo on the flat stays)."""
    no_run_quality: bool = False
    """Easy and steady running only."""
    easy_swims: bool = False
    """Swim at a moderate effort: no hard swim sets."""
    careful: bool = False
    """Progress the load more gently than usual."""


def read_age(text: RequestText) -> int | None:
    """The athlete's age, when stated."""
    if match := _AGE.search(text.folded):
        age = int(next(group for group in match.groups() if group))
        if 12 <= age <= 95:
            text.use(match)
            return age
    return None


def age_words(text: RequestText) -> str | None:
    """The athlete's words that state their age ("I'm 58"), for a caution to quote."""
    if match := _AGE.search(text.folded):
        return text.original[match.start() : match.end()].strip()
    return None


def read_athlete_sport(text: RequestText) -> WorkoutType | None:
    """The sport the athlete calls their own ("I'm a cyclist", "je suis nageuse"), when stated."""
    for sport, pattern in _ATHLETE_SPORT:
        if match := pattern.search(text.folded):
            text.use(match)
            return sport
    return None


def read_never_run(text: RequestText) -> bool:
    """Whether the athlete has never run."""
    if match := _NEVER_RUN.search(text.folded):
        text.use(match)
        return True
    return False


def read_cautions(text: RequestText) -> tuple[list[str], CautionFlags]:
    """The injury and health sentences, in the athlete's words, and what they rule out."""
    cautions: list[str] = []
    folded: list[str] = []
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        if _INJURY.search(sentence) or _RULES_OUT.search(sentence):
            cautions.append(" ".join(text.original[start:end].split())[:_SENTENCE_LIMIT])
            folded.append(sentence)
            text.use((start, end))
    joined = " ".join(folded)
    flags = CautionFlags(
        no_hills=bool(
            re.search(
                r"no hill|downhill|bergab|keine berg|descente|cuesta abajo|bajada|discesa|descida|"
                r"afdaling|heuvel",
                joined,
            )
        ),
        no_run_intervals=bool(
            re.search(
                r"no (?:run |track )?intervals|bahnintervall|keine intervall|pas de fraction|"
                r"sin series|niente ripetute|sem tiros|geen interval|flat ground only|"
                r"flat only|hill sprints",
                joined,
            )
        ),
        no_run_quality=bool(
            re.search(
                r"easy and steady|only easy|nur locker|que du footing|solo suave|"
                r"solo corsa lenta|so leve|alleen rustig|run/walk progression",
                joined,
            )
        ),
        easy_swims=bool(re.search(r"paddle|swim intervals|all-out swim|moderate swim|swim effort moderate", joined)),
        careful=bool(_INJURY_NOW.search(joined))
        or bool(
            re.search(
                r"careful|gradual|progressiv|vorsicht|prudent|"
                r"cuidado|graduale|geleidelijk|slowly|langsam|"
                r"lentement|despacio",
                joined,
            )
        ),
    )
    return cautions, flags


_INJURY_NOW: Final = re.compile(
    r"periost|tibial|shin|stress fracture|ermudungsbruch|fracture|fractura|tendin|sehne|achill|patell|plantar|"
    r"rotator|injur|verletz|blessure|lesion|infortun|lesao|return|vuelvo|reprise|comeback|wieder einst"
)
_RULES_OUT: Final = re.compile(
    r"\bno (?:hill|downhill|run intervals|track|paddles|all-out)|\bkeine (?:berg|bahn)|\bpas de (?:cotes|descente)"
)

_LANGUAGE_ASKED: Final[tuple[tuple[Language, re.Pattern[str]], ...]] = (
    ("de", re.compile(r"\bin german\b|\bauf deutsch\b|\bin deutsch\b")),
    ("fr", re.compile(r"\bin french\b|\ben francais\b")),
    ("es", re.compile(r"\bin spanish\b|\ben espanol\b|\ben castellano\b")),
    ("it", re.compile(r"\bin italian\b|\bin italiano\b")),
    ("pt", re.compile(r"\bin portuguese\b|\bem portugues\b")),
    ("nl", re.compile(r"\bin dutch\b|\bin het nederlands\b|\bin nederlands\b")),
    (
        "en",
        re.compile(
            r"\bin english\b|\bauf englisch\b|\ben anglais\b|\ben ingles\b|\bin inglese\b|\bem ingles\b|"
            r"\bin het engels\b"
        ),
    ),
)
_WORDS_BY_LANGUAGE: Final[dict[Language, str]] = {
    "en": "the and i my a to of on is for with want would like can run week weeks have am race long please"
    " about at it this be days hours minutes goal under first training easy ride swim sunday saturday",
    "de": "ich und der die das ein eine mit pro woche wochen bitte lauf laufe laufen am nicht ist mein meine"
    " auf fur zu im langer kann habe sonntag samstag montag unter halbmarathon tage tagen stunden minuten ziel"
    " noch nie moechte mochte sprinttriathlon langdistanz wettkampf",
    "fr": "je et le la les un une de des du avec par semaine semaines sortie course mon ma pour est pas veux"
    " peux sur dimanche samedi au aux ans semi jours heures objectif sous longue trail en dans olympique",
    "es": "yo y el la los las un una de con por semana semanas quiero puedo mi para es no tirada carrera"
    " domingo del al corro entreno hago media maraton dias horas sabado objetivo larga en triatlon",
    "it": "io e il lo la le un una di con a settimana settimane voglio posso mio mia per non gara corsa"
    " domenica della del sono che ho mezza maratona lungo sabato giorni ore obiettivo tra",
    "pt": "eu e o a os as um uma de com por semana semanas quero posso meu minha para nao prova corrida"
    " domingo do da sou que tenho corro meia maratona longao sabado dias horas no ao daqui",
    "nl": "ik en de het een met per week weken wil kan mijn voor niet is op zondag zaterdag van lopen zwemmen"
    " graag doe wedstrijd maandag halve onder minuten dagen uur doel lange duurloop hardlopen",
}
_MONTHS_BY_LANGUAGE: Final[dict[Language, str]] = {
    "en": "january february march april may june july august september october november december",
    "de": "januar februar marz april mai juni juli august september oktober november dezember",
    "fr": "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}
"""Month names: a race date often is the one word that tells a short request's language ("... en septiembre")."""
_LANGUAGE_WORDS: Final[dict[Language, frozenset[str]]] = {
    language: frozenset(f"{words} {_MONTHS_BY_LANGUAGE[language]}".split())
    for language, words in _WORDS_BY_LANGUAGE.items()
}
_TOKEN: Final = re.compile(r"[a-z]+")


def read_language(text: RequestText) -> Language:
    """The language the draft should be written in."""
    for language, pattern in _LANGUAGE_ASKED:
        if match := pattern.search(text.folded):
            text.use(match)
            return language
    scores: dict[Language, float] = dict.fromkeys(_LANGUAGE_WORDS, 0.0)
    for token in _TOKEN.findall(text.folded):
        owners: list[Language] = [language for language, words in _LANGUAGE_WORDS.items() if token in words]
        for language in owners:
            scores[language] += 1 / len(owners)
    best = max(scores, key=lambda language: scores[language])
    return best if scores[best] > scores["en"] else "en"
