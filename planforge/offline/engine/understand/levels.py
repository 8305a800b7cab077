"""The level of a sport the request states without a weekly volume: a swim the athlete can do ("I can swim 200 m
breaststroke", "Ich kann 400 m Brust schwimmen", "Je sais nager 300 m en crawl"), not swimming at all ("No sé
nadar"), a sport done a little or on the way to work ("I run a little", "I commute by bike", "Ik fiets naar mijn
werk"). A triathlete's weakest sport is often stated so, and the plan must start from it.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.requirements import CurrentVolume, SwimStroke
from planforge.domain.vocabulary import WorkoutType
from planforge.offline.engine.understand.text import RequestText
from planforge.offline.engine.understand.words import number_value, sports_in

_SWIM_CAN: Final = re.compile(
    r"\b(?:can|could|able to|manage|kann|schaffe|peux|sais|arrive a|puedo|se|posso|so|riesco a|consigo|sei|kan)\b"
    r"[^.;,]{0,25}?"
    r"(?P<n>\d{1,2}[.,]?\d{3}|\d{2,4})\s*(?P<unit>m|meters?|metres?|metros|metri|meter|lengths?|bahnen|longueurs|"
    r"largos|vasche|piscinas|banen)\b"
)
_CANT_SWIM: Final = re.compile(
    r"\bcan'?t swim|\bcannot swim|\bnon[\s-]swimmer|\bnever swum|\bkann nicht schwimmen|\bkann kaum schwimmen|"
    r"\bne sais pas nager|\bno se nadar|\bnon so nuotare|\bnao sei nadar|\bkan niet zwemmen"
)
_STROKES: Final[tuple[tuple[SwimStroke, re.Pattern[str]], ...]] = (
    ("breaststroke", re.compile(r"breast|\bbrust|\bbrasse|\bbraza|\brana\b|\bbruco|\bpeito|schoolslag")),
    ("freestyle", re.compile(r"freestyle|\bfront crawl|\bcrawl|\bkraul|\bcroll|\bestilo libre|\blibre\b|"
                             r"\bstile libero|\blivre\b|vrije slag")),
)  # fmt: skip
_POOL_LENGTH_M: Final = 25
_OCCASIONAL: Final = re.compile(
    r"\ba (?:little|bit)\b|\boccasional|\bsometimes|\bnow and then|\bcasual|\bein bisschen|\bab und zu|\bgelegentlich|"
    r"\bun peu\b|\bde temps en temps|\bun poco\b|\ba veces|\bde vez en cuando|\bun po\b|\bogni tanto|\bqualche volta|"
    r"\bum pouco|\bas vezes|\bde vez em quando|\been beetje|\baf en toe|\bsoms\b|\bevery day|\bdaily\b|\btaglich|"
    r"\btous les jours|\btodos los dias|\bogni giorno|\btodos os dias|\belke dag|\bdagelijks"
)
_COMMUTE: Final = re.compile(
    r"\bcommut|\bpendle|\bpendel|\bvelotaf|\bal trabajo en bici|\bal lavoro in bici|\btrabalho de bicicleta|"
    r"\bnaar (?:het |mijn )?werk|\bwoon-werk|\bzur arbeit mit dem rad|\bmit dem rad zur arbeit|\ba velo au travail|"
    r"\bau travail a velo"
)


def read_other_levels(text: RequestText) -> dict[WorkoutType, CurrentVolume]:
    """The level of the sports a request states without volumes: a swim the athlete can do ("I can swim 200 m
    breaststroke", "Ich kann 400 m kraulen"), a sport done a little ("I run a little", "I commute by bike")."""
    levels: dict[WorkoutType, CurrentVolume] = {}
    for start, end in text.clauses():
        clause = text.folded[start:end]
        sports: list[WorkoutType] = [sport for _, sport in sports_in(clause)]
        if _CANT_SWIM.search(clause):
            levels["swim"] = CurrentVolume(sport="swim", never_trained=True)
            text.use((start, end))
        elif "swim" in sports and (can := _SWIM_CAN.search(clause)):
            metres = number_value(can["n"]) * (_POOL_LENGTH_M if can["unit"].startswith(("l", "b", "v", "p")) else 1)
            stroke: SwimStroke | None = next((name for name, pattern in _STROKES if pattern.search(clause)), None)
            levels["swim"] = CurrentVolume(sport="swim", longest_session_m=round(metres), stroke=stroke)
            text.use((start, end))
        elif _COMMUTE.search(clause) and ("bike" in sports or not sports):
            levels.setdefault("bike", CurrentVolume(sport="bike", occasional=True))
            text.use((start, end))
        elif len(set(sports)) == 1 and _OCCASIONAL.search(clause) and not re.search(r"\d", clause):
            levels.setdefault(sports[0], CurrentVolume(sport=sports[0], occasional=True))
            text.use((start, end))
    return levels
