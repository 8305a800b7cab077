"""The words the readers look for, in English, German, French, Spanish, Italian, Portuguese and Dutch.

Every pattern runs on folded text (lower case, no accents). Weekdays come with their plural and adverb forms
("sundays", "sonntags", "los domingos", "maandags"); Portuguese short forms ("segunda") count only after "às",
"nas", "aos"…, before "-feira", or opening a sentence before "é", "são" or a comma ("Segunda é dia de descanso"),
since they are also ordinal words.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.vocabulary import Weekday, WorkoutType

WEEKDAY_STEMS: Final[dict[Weekday, tuple[str, ...]]] = {
    "Monday": ("monday", "montag", "lundi", "lunes", "lunedi", "maandag", "segunda-feira", "segunda feira"),
    "Tuesday": ("tuesday", "dienstag", "mardi", "martes", "martedi", "dinsdag", "terca-feira", "terca feira"),
    "Wednesday": ("wednesday", "mittwoch", "mercredi", "miercoles", "mercoledi", "woensdag", "quarta-feira",
                  "quarta feira"),
    "Thursday": ("thursday", "donnerstag", "jeudi", "jueves", "giovedi", "donderdag", "quinta-feira", "quinta feira"),
    "Friday": ("friday", "freitag", "vendredi", "viernes", "venerdi", "vrijdag", "sexta-feira", "sexta feira"),
    "Saturday": ("saturday", "samstag", "sonnabend", "samedi", "sabado", "sabato", "sabati", "zaterdag"),
    "Sunday": ("sunday", "sonntag", "dimanche", "domingo", "domenica", "domeniche", "zondag"),
}  # fmt: skip
_PT_SHORT: Final[dict[str, Weekday]] = {
    "segunda": "Monday", "terca": "Tuesday", "quarta": "Wednesday", "quinta": "Thursday", "sexta": "Friday",
}  # fmt: skip
_STEM_DAY: Final[dict[str, Weekday]] = {stem: day for day, stems in WEEKDAY_STEMS.items() for stem in stems}
_STEMS: Final = "|".join(sorted(_STEM_DAY, key=len, reverse=True))
WEEKDAY: Final = re.compile(
    rf"\b(?P<stem>{_STEMS})(?:s|en|es|he|feiras)?\b"
    rf"|\b(?:as|nas|aos|das|na|ao|a)\s+(?P<pt>{'|'.join(_PT_SHORT)})s?\b"
    rf"|(?:(?<![\s\S])|(?<=[.!?;:] ))(?P<pt2>{'|'.join(_PT_SHORT)})s?\b(?=\s+(?:e|sao|fica|ficam)\b|\s*[,:])"
)
"""A weekday in any of the seven languages, singular or plural."""

WEEKEND: Final = re.compile(
    r"\bweek[\s-]?ends?\b|wochenende|fin(?:es)? de semana|fine settimana|fim de semana|weekeinde"
)
WEEKDAYS_WORD: Final = re.compile(
    r"\bweekdays?\b|\bweek days\b|monday to friday|mon(?:day)?\s*-\s*fri(?:day)?|unter der woche|wochentags|"
    r"werktags|en semaine|entre semana|en semana|in settimana|dal lunedi al venerdi|durante a semana|"
    r"dias de semana|doordeweeks|door de week|lunes a viernes|du lundi au vendredi|montag bis freitag"
)


def weekday_of(match: re.Match[str]) -> Weekday:
    """The weekday a `WEEKDAY` match names."""
    if match["stem"]:
        return _STEM_DAY[match["stem"]]
    return _PT_SHORT[match["pt"] or match["pt2"]]


NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8,
    "dois": 2, "duas": 2, "quatro": 4, "sete": 7, "oito": 8,
    "een": 1, "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7,
    "twelve": 12, "neun": 9, "zehn": 10, "zwolf": 12, "neuf": 9, "dix": 10, "douze": 12, "nueve": 9,
    "diez": 10, "doce": 12, "nove": 9, "dieci": 10, "dodici": 12, "dez": 10, "doze": 12, "negen": 9,
    "tien": 10, "twaalf": 12,
}  # fmt: skip
_ONE_WORDS: Final = ("un", "une", "una", "um", "uma", "ein", "eine", "einen", "a", "an")
NUMBER: Final = rf"(?:\d{{1,2}}|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})"
"""A small count in digits or words."""
TIMES: Final = re.compile(
    r"\b(?:once|twice|thrice|einmal|zweimal|dreimal|viermal)\b"
    rf"|\b(?P<count>{NUMBER}|{'|'.join(_ONE_WORDS)})\s*(?:x\b|times\b|mal\b|fois\b|veces\b|vez\b|volte\b|volta\b|"
    r"vezes\b|keer\b|maal\b|sessions?\b|seances?\b|sesiones\b|sedute\b|sessoes\b|einheiten\b|trainings?\b)"
)
"""A count of times: "twice", "3x", "3 times", "drei Mal", "deux fois", "3 veces", "2 volte", "3 vezes", "3 keer"."""
_TIMES_WORDS: Final[dict[str, int]] = {
    "once": 1, "twice": 2, "thrice": 3, "einmal": 1, "zweimal": 2, "dreimal": 3, "viermal": 4,
}  # fmt: skip


def count_of(word: str) -> int:
    """The number a count word or digits stand for ("three" → 3, "zweimal" → 2, "une" → 1)."""
    word = word.strip()
    if word.isdigit():
        return int(word)
    if word in _TIMES_WORDS:
        return _TIMES_WORDS[word]
    return NUMBER_WORDS.get(word, 1)


def times_count(match: re.Match[str]) -> int:
    """The count a `TIMES` match states."""
    return count_of(match["count"] or match.group().strip())


PER_WEEK: Final = re.compile(
    r"(?:per|a|each|every|/|in a|in the)\s*(?:week|wk)\b|\bweekly\b|\bpro woche\b|\bdie woche\b|\bin der woche\b|"
    r"\bwochentlich|/\s*woche\b|\bpar semaine\b|\bchaque semaine\b|/\s*semaine\b|\bpor semana\b|\ba la semana\b|"
    r"\bsemanal(?:es|mente)?\b|\bcada semana\b|/\s*semana\b|\ba settimana\b|\balla settimana\b|\bper settimana\b|"
    r"\bogni settimana\b|\bsettimanal[ie]\b|\bna semana\b|\bsemanais\b|\bper week\b|\bin de week\b|\bwekelijks\b|"
    r"\bpro wo\b|\bp\.?w\.?\b"
)
"""A per-week marker in any of the seven languages."""

NEGATION: Final = re.compile(
    r"\b(?:no|not|never|don'?t|can'?t|cannot|won'?t|without|avoid|nothing|none|nie|niemals|nicht|kein\w*|nix|"
    r"jamais|pas|aucun\w*|sans|nunca|nada|ningun\w*|sin|non|mai|nessun\w*|niente|senza|nao|nenhum\w*|sem|"
    r"nooit|niet|geen|zonder)\b"
)
"""A negation in any of the seven languages."""

# Sport words: nouns and verbs. The first sport a clause names is what it is about.
SPORT_WORDS: Final[tuple[tuple[WorkoutType, re.Pattern[str]], ...]] = (
    ("swim", re.compile(r"\bswim|schwimm|\bkraul|\bbreaststroke|\bnage|\bnager|natation|\bnatac|\bnadar|"
                        r"\bnado\b|\bnuot|\bzwem|open[\s-]?water")),
    ("bike", re.compile(r"\bbike|\bbiking|\bride|\brides|\briding|\bcycl|\brad\b|\bradfahr|\bradausfahrt|\bvelo\b|"
                        r"\bbici|\bbicicleta|\bpedal|\bfiets|\bje roule|\brouler\b|"
                        r"\brit\b|\britten\b|\bspin\b|\bturbo\b|\bsmart trainer|"
                        r"\bgiro lungo|\bgiri\b|\buscit\w+ in bici|\bciclis")),
    ("strength", re.compile(r"strength|\bgym\b|\bweights\b|\bkraft|renforcement|muscula|\bfuerza|\bforza\b|\bforca\b|"
                            r"\bpalestra|kracht|dryland|\bcore\b|\bstabi")),
    ("walk", re.compile(r"\bwalk(?:s|ing)?\b|\bspazier|\bmarche\b|\bcaminar\b|\bcamminat|\bcaminhad|\bwandel")),
    ("hike", re.compile(r"\bhike|\bhiking|\bwander(?:n|ung)|randonn|senderis|escursion|\btrek")),
    ("cross-training", re.compile(r"cross[\s-]?train|\bellipti|crosstrainer|\browing\b|aquajog")),
    ("run", re.compile(r"\brun\b|\bruns\b|\brunning\b|\bjog|\blauf|\blaufe|\blauft|\bcourir|\bcourse\b|\bcourses\b|"
                       r"\bje cours\b|\bsorties? de course|\bfooting|\bcorr(?:o|er|ida|idas|ia|iendo)\b|\bsalidas?\b|"
                       r"\bcorsa|\bcorrere|\bhardlo|\bloop\b|\blopen\b|\bduurloop|\btrail")),
)  # fmt: skip


def sports_in(text: str) -> list[tuple[int, WorkoutType]]:
    """(position, sport) of every sport word in folded `text`, in order."""
    found: list[tuple[int, WorkoutType]] = [
        (match.start(), sport) for sport, pattern in SPORT_WORDS for match in pattern.finditer(text)
    ]
    return sorted(found)


HOURS: Final = r"(?:hours?|hrs?|h|stunden?|std|heures?|horas?|ore|ora|uur|uren)"
MINUTES: Final = r"(?:minutes?|mins?|min|minuten|minutos|minuti|minuut|')"
DURATION: Final = re.compile(
    rf"(?P<h>\d{{1,2}}(?:[.,]\d)?)[\s-]*{HOURS}(?![a-z])\s*(?:(?:and|und|et|y|e|en)\s*)?(?P<hm>\d{{1,2}})?"
    rf"(?:\s*{MINUTES})?|(?P<m>\d{{1,3}})[\s-]*{MINUTES}(?![a-z])"
    rf"|(?P<half_word>half an hour|eine halbe stunde|une demi-heure|media hora|mezz'ora|meia hora|een half uur)"
    rf"|(?P<one>an|one|a|eine|une|una|uma|een|un'?)\s*(?:hour|stunde|heure|hora|ora|uur)\b"
    rf"(?P<half>\s*(?:and a half|et demie|y media|e mezza|e meia|en een half|und eine halbe))?"
)
"""A duration: "1 hour", "1h30", "90 minutes", "60 Minuten", "una hora", "un'ora", "half an hour"."""


def minutes_of(match: re.Match[str]) -> int:
    """The minutes a `DURATION` match states."""
    if match["h"]:
        return round(float(match["h"].replace(",", ".")) * 60) + int(match["hm"] or 0)
    if match["m"]:
        return int(match["m"])
    if match["half_word"]:
        return 30
    return 90 if match["half"] else 60


def number_value(text: str) -> float:
    """A number as written, with a decimal comma or point ("2,5" → 2.5; "1,800" → 1800)."""
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", text):
        return float(re.sub(r"[,.]", "", text))
    return float(text.replace(",", "."))


COMPARATIVE_LONG: Final = re.compile(
    r"\blonger\b|\bplus longu?e?s?\b|\bmas larg[oa]s?\b|\bpiu lung[oa]\b|\bmais long[oa]s?\b|"
    r"\b(?:auch|etwas|noch|ook|iets|wat|mag|kann|darf) (?:\w+ )?langer\b|"
    r"\blanger (?:sein|werden|zijn|worden|ausfallen)\b|"
    r"\bmedium[\s-]long|\bmittellang|\bmi-long|\bmedio[\s-]larg|\bmedio[\s-]lung|\bmiddellang|\bsecond long|"
    r"\bzweite[rn]? lang|\bdeuxieme sortie longue|\bsegunda tirada"
)
"""A second, shorter long session: "Saturday can be longer too", "samedi plus long aussi", "medium-long run"."""
