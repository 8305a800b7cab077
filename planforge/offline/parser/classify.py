"""Workout type and sub-type from a session's words, in English, German, French, Spanish, Italian and Dutch.

The type is named by the earliest sport word (a brick or cross-training word wins outright); a text with
no sport word but running words ("easy 5 mi", "6x400", "Tempo") is a run. The sub-type is the first rule
of the type's ordered list that matches ("long" beats "@ MP" in "Long run 16 km, last 3 km @ MP").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from planforge.domain.vocabulary import WorkoutSubType, WorkoutType
from planforge.offline.parser.addons import only_strides, without_strides
from planforge.offline.parser.run_walk import has_run_walk_bouts
from planforge.offline.parser.structure import INCLUDES, quantities_in


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives))


REST: Final = _words(
    r"^(?:full\s+)?(?:rest|off|rust|rustdag|day off|off day|rest day|recovery day|ruhetag|ruhe|pause|frei|repos|"
    r"jour de repos|"
    r"descanso|dia libre|libre|folga|riposo|none|wolne|wolny dzien|odpoczynek|volno|odpocinek|volny den|vila|vilodag|"
    r"ledig|hvile|hviledag|fri|fridag|free|-+|—|–|x)\s*(?:day)?[.!]?$"
)
REST_WORD: Final = _words(
    r"^\s*(?:rest|off|rust|rustdag|day off|ruhetag|ruhe|pause|frei|repos|descanso|folga|riposo|wolne|odpoczynek|volno"
    r"|odpocinek"
    r"|vila|vilodag|hvile|hviledag|fridag)\b"
)

_SPORTS: Final[tuple[tuple[WorkoutType, re.Pattern[str]], ...]] = (
    ("swim", _words(r"\bswim", r"schwimm", r"natation", r"\bnage", r"nataci", r"\bnatac", r"\bnadar", r"piscine",
                    r"open[\s-]*water", r"freiwasser", r"\bnuoto", r"\bzwem", r"pull[\s-]*buoy", r"\bkick\s*board",
                    r"\bpinne\b", r"\bplywa", r"\bbasen", r"\bsimning", r"\bsimma", r"\bsvomm", r"\bsvomning",
                    r"\bplavan", r"\bplavat")),
    ("bike", _words(r"\bbike", r"\bride\b", r"\bcycl", r"\bvelo\b",
                    r"\brad(?:fahren|einheit|training|ausfahrt|tour|runde|intervalle?)?\b", r"\bausfahrt",
                    r"\bbici", r"\bspin\b", r"\bturbo\b", r"\bciclismo", r"\bvtt\b", r"\bmtb\b",
                    r"\bfiets", r"wielren", r"sweet\s*spot", r"\bsst\b",
                    r"\brower", r"\bkolarst", r"\bcykl(?:ing|a|ar)\b", r"\bcykel",
                    r"\bsykl(?:ing|e)\b", r"\bsykkel", r"\bcykeltur",
                    r"\bna kole\b", r"\bvyjizdk", r"\bkolo\b", r"\bspinning", r"\bpedal(?:ada)?\b",
                    # cycling events: "Gran fondo 120 km", "Sportive 160 km", "Century ride", "Radmarathon"
                    r"gran[\s-]*fondo", r"medio[\s-]*fondo", r"\bsportive", r"\bcentury\b", r"radmarathon",
                    r"cicloturist", r"\btoertocht", r"jedermannrennen", r"\bcyclo")),
    ("strength", _words(r"strength", r"\bgym", r"\bgimnas", r"weights", r"\bpesas\b", r"\bkraft", r"renfo",
                        r"muscula", r"fortalec", r"\bfuerza", r"\bs\s*&\s*c\b", r"conditioning", r"\bathleti",
                        r"circuit", r"\bppg\b", r"plyo", r"kettlebell", r"\btrx\b", r"\bcore\b", r"\brumpf",
                        r"\bstabi", r"estabilidad", r"gainage", r"\bplanks?\b", r"\babdos?\b", r"abdominal",
                        r"mobility", r"\byoga", r"stretch", r"pilates", r"\bdehn", r"beweglichkeit", r"etirement",
                        r"souplesse", r"estiramiento", r"movilidad", r"flexibili", r"mobilit",
                        r"palestra", r"potenziamento", r"alongamento",
                        r"\bforza\b", r"\bforca\b", r"\bpesi\b", r"kracht", r"\bsilown", r"\bsilow",
                        r"\bstyrk", r"\bsila\b",
                        r"\bposilov", r"\bsilovy", r"\bstyrketr")),
    ("hike", _words(r"\bhike", r"\bhiking", r"\bfjell(?:tur|vandring)", r"\bfjallvandring",
                    r"\bturistika", r"wander(?:n|ung|tag)", r"\btrek", r"randonn", r"\brando\b",
                    r"senderismo", r"excursion")),
    ("walk", _words(r"\bwalk", r"spazier", r"\bmarche\b", r"caminar", r"caminata", r"\bpaseo", r"\bgehen\b", r"cammin",
                    r"caminh", r"\bwandel", r"\bspacer", r"\bmarsz", r"\bpromenad", r"\bchuze",
                    r"\bprochazk", r"\bgatur")),
    ("run", _words(r"\brun", r"\bjog", r"\blauf", r"\bcourse\b", r"footing", r"\bcarrera", r"\bcorrer", r"rodaje",
                   r"\btrote", r"\bcorsa\b", r"hardlo", r"duurloop",
                   r"\bcorrida", r"rodagem", r"lauf\b", r"sortie longue(?! (?:a |en )?(?:velo|vtt|bike))",
                   r"\blongao", r"\btiros?\b", r"\bbieg", r"\btrucht",
                   r"\brozbieg",
                   r"\bwybiegan", r"\blop(?:ning|ing|etur|pass|en)\b", r"\blob(?:etur)?\b", r"\blangpass", r"\bbeh\b",
                   r"\bbehani")),
)  # fmt: skip
# Session words that mean a run only when no sport is named: "Tempo 20 min" is a run, "Tempo ride" a ride.
_RUN_BY_DEFAULT: Final = _words(r"\btempo", r"interval", r"fartlek", r"\btrail")
_BRICK: Final = _words(r"\bbrick", r"koppel", r"enchainement", r"wisseltraining")
_CROSS: Final = _words(r"ellipti", r"crosstrainer", r"aqua[\s-]*jog", r"\brow(?:ing)?\b", r"rudern", r"\bskierg",
                       r"\berg\b", r"pool[\s-]*run", r"deep[\s-]*water", r"\bwioslarz",
                       # cross-country skiing: "Ski (classic)", "roller ski", "langrenn", "längdskidor", "běžky"
                       r"\bskis?\b", r"\brollerski", r"\blangrenn", r"\blangrend", r"\blangdskid", r"\bbezky\b",
                       r"\bbiegowki", r"\bskidor\b")  # fmt: skip
# "Cross-training" itself: the session's sport only when no sport is named.
_CROSS_WORD: Final = _words(r"cross[\s-]*train", r"\bcross\b", r"x-train", r"entrainement croise",
                            r"entrenamiento cruzado", r"\bcruzado")  # fmt: skip
# Running words that make a text with no sport word a run.
_RUNNING: Final = _words(r"\beasy\b", r"\blong\b", r"recovery", r"\bhills?\b", r"progress", r"\bmp\b", r"threshold",
                         r"\bspokojn", r"\brolig", r"\blett\b", r"\bdistans", r"\bfartlek", r"\bzawody", r"\btavling",
                         r"\d\s*[x×]\s*\d", r"locker", r"\bleicht", r"facile", r"\bsuave", r"\bseuil", r"fraction",
                         r"\bseries\b", r"\bcuestas", r"\bcotes\b", r"umbral", r"\bschwelle", r"\bdl\b", r"\bgal\b",
                         r"\btirada", r"\blarga", r"sortie longue", r"\bendurance", r"\bef\b", r"\bfondo\b", r"\brace",
                         r"wettkampf", r"competition", r"\b(?:half\s*)?marathon", r"\bmaraton", r"\bleve\b",
                         r"\bprova\b", r"\bsubidas?\b", r"regenerativ")  # fmt: skip

_RACE_NAME = (
    r"(?:half[\s-]*marathon|halbmarathon|semi[\s-]*marathon|media[\s-]*maraton|polmaraton|pulmaraton|marathon|maraton"
    r"|\d+\s*k\b)"
)
# "Full race-day kit", "race shoes", "race fuelling rehearsal": a rehearsal in a training session, not a race.
_RACE_GEAR = (
    r"(?:kit|shoes|gear|outfit|clothing|nutrition|fuel\w*|food|gels?|drinks?|breakfast|routine|rehearsal|simulation|dress|pack|bag|belt|"
    r"wheels?|number|bib|power|cadence|watts?|wattage|intensity|speed|rhythm|position|heart|hr\b)"
)
_RACE: Final = _words(
    rf"(?<!not a )(?<!\bno )\brace\b(?!\s*(?:-\s*)?(?:pace|tempo|effort|simulation|specific|(?:day\s*)?{_RACE_GEAR}))",
    rf"race day(?!\s*{_RACE_GEAR})",
    r"wettkampf\b",
    r"\brennen\b",
    r"competition\b",
    r"(?<!ritmo de )(?<!ritmo da )(?<!ritmo )(?<!simulacao de )(?<!simulacao da )\bprova\b(?! de (?:ritmo|esforco))",
    r"(?<!ritmo )(?<!ritmo di )(?<!passo )\bgara\b",
    r"\bwedstrijd\b(?!\s*tempo)",
    r"(?:course|carrera|gara|wettkampf) (?:de |di )?(?:preparation|prepa|preparacion|preparazione|vorbereitung)",
    r"\bcompeticion\b",
    r"\bkonkurranse\b",
    r"\bkonkurrence\b",
    r"\btavling\b",
    r"\bzavod\b",
    r"\bzawody\b",
    r"\bprueba\b(?! de (?:ritmo|esfuerzo))",
    r"tune[\s-]*up race",
    r"^\s*(?:course|carrera)\s*:",
    rf"^\s*{_RACE_NAME}\s*(?:race|lauf)?\s*[!.]?\s*$",
    rf"^\s*start\s*:\s*{_RACE_NAME}",  # "START: półmaraton 21,1 km"
)
_LANG = r"\blang\b(?=\s*(?:$|[,;.(]))"  # German "3 h lang": long, unless a word follows ("20 min lang zugig")
# Coaches' shorthand too: German "GA2", "TDL" (Tempodauerlauf), Spanish "CCM"/"CCR" (carrera continua media/rápida),
# Italian "medio".
_TEMPO: Final = _words(r"tempo", r"threshold", r"\bz[34]\b", r"\bga2\b", r"\btdl\b", r"\bcc[mr]\b",
                       r"\bmedio\b(?!\s*(?:fondo|maraton|iron))",
                       r"schwelle", r"\bseuil", r"umbral", r"\blt\b", r"cruise", r"\bsoglia",
                       r"\blimiar",
                       r"drempel", r"\bprog\b", r"\bprogow",
                       r"\btroskel", r"\bterskel", r"\btarskel", r"\bprah\b")  # fmt: skip
# Run/walk ("Run 1 min, walk 90 s, repeat 8 times"): one run of alternating run and walk blocks.
_RUN_WALK: Final = _words(
    r"\b(?:walk\w*|gehen|gehpause\w*|marche[rz]?|caminar|camminat\w*|wandel\w*)\s+\d",
    r"\d\s*(?:min\w*|s|sec\w*|['\"’]+)\s+(?:walk|gehen|marche|caminar|camminata|wandelen)\b",
)
_REPS: Final = _words(r"\d\s*+[x×*]\s*+\(?\s*+\d")
# Repeats at threshold with no interval word ("3 x 10 min @ threshold") are cruise intervals: a tempo session.
# "im 5-km-Tempo", "10k tempo" name a race's pace, not threshold.
_THRESHOLD = (
    r"threshold|schwelle|\bseuil|umbral|\bsoglia|drempel|\blimiar|\blt\b|cruise|\bprogow|\bterskel|\btroskel|\btarskel|"
    r"(?<![a-z0-9]-)(?<!\d )(?<!k )(?<!km )tempo"
)
_THRESHOLD_REPS: Final = re.compile(rf"^(?=.*(?:{_REPS.pattern}))(?=.*(?:{_THRESHOLD}))")
# A parkrun or time trial is raced, unless the text gives it another effort ("parkrun easy with a friend").
_TRIAL: Final = re.compile(
    r"^(?!.*\b(?:easy|steady|jog|relaxed|locker|facile|suave|with (?:a )?friends?|pacing|pacer|tempo|not a race"
    r"|no race|training run)\b)"
    r".*(?:parkrun|time[\s-]*trial|\btt\b|zeitlauf|testlauf|contre[\s-]la[\s-]montre|contrarreloj|test de \d)"
)
_RECOVERY: Final = _words(r"recovery", r"\brecup", r"regenera", r"\breko\b", r"shake\s*-?out", r"erholung",
                          r"recuperaci", r"\bherstel",
                          r"\brekom", r"\brec\.?\s+(?:jog|run|ride|spin|lauf)", r"(?:very|super|really) easy",
                          r"muy suave", r"sehr locker", r"tres (?:facile|lent|cool)", r"\bausroll", r"\bregener",
                          r"\brozruch", r"\bvyklus", r"\bnedjogg", r"\bnedlob",
                          r"\brestitu", r"\baterhamt")  # fmt: skip
_RUN_RULES: Final[tuple[tuple[WorkoutSubType, re.Pattern[str]], ...]] = (
    ("race", _RACE),
    ("long-run", _words(r"\blong\b(?!\s*interval)", r"\blr\b",
                        r"back[\s-]*to[\s-]*back", r"\bb2b\b", r"\bsl\b", r"langer? lauf", r"\blanger\b", _LANG,
                        r"sortie longue",
                        r"\blongue\b", r"tirada larga", r"\blarga\b", r"\bfondo\b", r"\bdl\b", r"\blung[oa]\b",
                        r"\blongao", r"lange duur", r"\bdlugi", r"\bwybiegan", r"\blangpass", r"\blangtur",
                        r"\blang(?:t|e)?\s+(?:lob|lop|tur|pass)", r"\bdlouh")),
    # a fartlek over hills is a fartlek
    ("fartlek", _words(r"fartlek", r"zabawa biegowa", r"fahrtspiel", r"cambios? de ritmo", r"cambi di ritmo")),
    ("hill-repeats", _words(r"\bhills?\b", r"uphill", r"hugel", r"berg", r"\bcotes?\b", r"cuestas?", r"subidas?",
                            r"\bsalit[ae]\b", r"\bheuvel", r"\bladeira", r"\bsubida",
                            r"\bpodbieg", r"\bbacke", r"\bbackint", r"\bbakke", r"\bkopc")),
    ("progression-run", _words(r"progress", r"progresivo", r"crescendo", r"opbouwend", r"narastajac", r"\bbnp\b",
                               r"stupnovan")),
    ("tempo-run", _THRESHOLD_REPS),
    # named threshold first, its pace given as a race's ("LT 8 w/ 4 @ 15K-HM pace"): the name wins
    ("tempo-run", _words(r"^\W*(?:threshold|lactate threshold|lt)\b")),
    ("race-pace-run", _words(r"race[\s-]*pace", r"\bas(?:5|10|15|21|42)\b", r"ritmo (?:di )?gara", r"wedstrijdtempo",
                             r"goal pace",
                             r"marathon pace", r"\bmp\b", r"\bhmp\b", r"renntempo",
                             r"wettkampftempo", r"allure (?:specifique|marathon|semi|course)", r"ritmo (?:de )?carrera",
                             r"ritmo (?:de )?(?:maraton|competicion|objetivo)", r"ritmo (?:de |da )?prova",
                             r"ritmo (?:de )?maratona", r"marathon[\s-]*tempo", r"ritmo alvo", r"ritmo obiettivo",
                             r"\bdoeltempo",
                             r"\bzieltempo", r"allure cible", r"\bmp[\s-]*tempo", r"\bhm[\s-]*pace",
                             r"half[\s-]*marathon[\s-]*pace")),
    ("interval-run", _words(r"interval", r"fraction", r"\bseries\b", r"repeats", r"\breps\b", r"\bvo2", r"\btrack\b",
                            r"\bbahn", r"ripetute", r"\btiros?\b", r"\binterwal", r"\bodcink")),
    ("interval-run", _RUN_WALK),
    # Repeats in heart-rate zone 4, where the athlete's threshold lies, are a tempo session unless named intervals.
    ("tempo-run", re.compile(rf"^(?=.*(?:{_REPS.pattern}))(?=.*\bz4\b)")),
    ("interval-run", _REPS),
    ("tempo-run", _TEMPO),
    ("race", _TRIAL),
    ("recovery-run", _RECOVERY),
    ("trail-run", _words(r"\btrail", r"gelande", r"sentier", r"montana", r"monte")),
)  # fmt: skip
# Power as a share of FTP: above 105 % is VO2max work (Coggan's zone 5 and up), 76-105 % tempo to threshold.
_FTP_PERCENT = r"\b(?:7[6-9]|[89]\d|10[0-5])\s*%"
_HARD_FTP = r"\b(?:10[6-9]|1[1-9]\d)\s*%"
_BIKE_RULES: Final[tuple[tuple[WorkoutSubType, re.Pattern[str]], ...]] = (
    ("brick", _BRICK),
    ("race", _words(_RACE.pattern, r"time[\s-]*trial", r"zeitfahren", r"contre[\s-]la[\s-]montre", r"contrarreloj")),
    ("long-ride", _words(r"\blong\b", r"lange", _LANG, r"sortie longue", r"\blarg[ao]", r"\blong[oa]\b",
                         r"\blung[oa]\b", r"\blang\s+(?:cykel|sykkel|cykling|sykling|tur)")),
    ("hill-ride", _words(r"\bhills?\b", r"climb", r"\bberg", r"\bcols?\b", r"subida", r"puerto", r"\bsalit[ae]\b",
                         r"\bheuvel", r"\bklim")),
    ("interval-ride", _words(r"interval", r"\bvo2", r"fraction", r"\bseries\b", _HARD_FTP)),
    ("tempo-ride", _words(rf"^(?=.*(?:{_REPS.pattern}))(?=.*(?:{_THRESHOLD}|sweet\s*spot|\bsst\b|{_FTP_PERCENT}))")),
    ("endurance-ride", _words(r"^(?!.*(?:recovery|\bz1\b)).*(?:cadence|\bdrills?\b|spin[\s-]*ups?)")),  # technique
    ("interval-ride", _words(r"\d\s*[x×*]\s*\d")),
    # A ride named easy work keeps its name over an FTP ceiling: "Recovery spin 45 min < 55% FTP".
    ("recovery-ride", _words(r"^\W*(?:(?:bike|ride|cycling|rad)\s+)?(?:recovery|easy spin|regenera|erholung)")),
    ("endurance-ride", _words(r"^\W*(?:endurance|aerobic|grundlage|z2)\b")),
    ("tempo-ride", _words(r"tempo", r"threshold", r"sweet\s*spot", r"\bsst\b", r"\bftp\b",
                          r"schwelle", r"\bseuil", r"umbral",
                          r"\bsoglia")),
    ("recovery-ride", _words(_RECOVERY.pattern, r"easy spin", r"\bz1\b")),
)  # fmt: skip
_SWIM_RULES: Final[tuple[tuple[WorkoutSubType, re.Pattern[str]], ...]] = (
    ("race", _RACE),
    ("open-water-swim", _words(r"open[\s-]*water", r"freiwasser", r"eau libre", r"aguas abiertas", r"\blake\b")),
    ("interval-swim", _words(r"\bcss\b", r"threshold", r"\bsprints?\b")),  # a drill or two in a CSS set
    ("technique-swim", _words(r"techni", r"drills?\b", r"\btecnica", r"educatif", r"\bteknik")),
    # named before any set: "Long swim: 1 x 1650 straight", "Swim 2000 m steady (4 x 500 endurance)"
    ("endurance-swim", _words(r"^(?:(?!\d\s*[x×*]\s*\d).)*?\b(?:endurance|aerobic|ausdauer|grundlage|steady|long"
                              r"|easy|continuous)\b")),
    ("interval-swim", _words(r"interval", r"\d\s*[x×*]\s*\d", r"\bcss\b", r"repeats", r"\bseries\b")),
)  # fmt: skip
# "Gym 45 min (legs and core)", "Kraft/Stabi 30'", "strength + mobility 30 min" are general strength: core or
# mobility only when the text names no general strength work.
_NO_STRENGTH = r"^(?!.*(?:strength|\bgym|weights|muscula|\bkraft|\bfuerza|\bforza\b|renfo|fortalec))"
_CORE_WORDS = (
    r"\bcore\b|\brumpf|gainage|\babs\b|\babdos?\b|abdominal|\btronco|\bstabi|estabilidad"
    r"|\bplanks?\b"
)
_MOBILITY_WORDS = (
    r"mobility|\byoga|stretch|\bdehn|beweglichkeit|etirement|souplesse|estiram|mobilit|flexibili|alongamento"
    r"|pilates|foam"
)
_STRENGTH_RULES: Final[tuple[tuple[WorkoutSubType, re.Pattern[str]], ...]] = (
    ("core", _words(rf"{_NO_STRENGTH}.*(?:{_CORE_WORDS})",
                    r"^\W*(?:strength|gym|s\s*&\s*c)\s*[:\-–—]?\s*core\b")),  # "Gym: core 25 min"
    ("mobility", _words(rf"{_NO_STRENGTH}.*(?:{_MOBILITY_WORDS})",
                        rf"^\W*(?:strength|gym)\s*[:\-–—]?\s*(?:{_MOBILITY_WORDS})")),  # a sheet's "Strength Mobility"
)  # fmt: skip
_RULES: Final[dict[WorkoutType, tuple[tuple[WorkoutSubType, re.Pattern[str]], ...]]] = {
    "run": _RUN_RULES,
    "bike": _BIKE_RULES,
    "swim": _SWIM_RULES,
    "strength": _STRENGTH_RULES,
}
_DEFAULT_SUB_TYPE: Final[dict[WorkoutType, WorkoutSubType]] = {
    "run": "easy-run",
    "bike": "endurance-ride",
    "swim": "endurance-swim",
    "strength": "strength-training",
    "walk": "walk",
    "hike": "hike",
    "cross-training": "cross-training",
}


@dataclass(frozen=True)
class Kind:
    """A session's type and sub-type, and whether a word named them (False: the parser assumed a run)."""

    workout_type: WorkoutType
    workout_sub_type: WorkoutSubType
    named: bool


def sport_named(folded: str, *, by_default: bool = True) -> WorkoutType | None:
    """The sport a text names first, or None: a brick is a ride; a cross-training machine or activity (rowing,
    elliptical, SkiErg, pool running) wins outright, the bare word "cross-training" only when no sport is named
    ("Swim 30 min easy (cross-training)" is a swim); "walk/run" is a run, and a walk down between hill repeats
    names no walk; "tempo" alone is a run unless not `by_default`."""
    if _BRICK.search(folded):  # "Footing trail 50 min en enchaînement": the run off the bike
        return "run" if _named(folded, "run") and not _named(folded, "bike") else "bike"
    if (cross := _CROSS.search(folded)) and not _exercise_row(folded, cross):
        return "cross-training"
    if _RUN_WALK_NAME.search(folded):
        return "run"
    folded = _WALK_BETWEEN.sub(" ", folded)
    found: list[tuple[int, WorkoutType]] = [
        (match.start(), sport) for sport, pattern in _SPORTS if (match := pattern.search(folded))
    ]
    if _CROSS_WORD.search(folded):  # the sports a cross-training session offers stand in brackets: "(bike, pool)"
        outside = _PARENTHESES.sub(" ", folded)
        found = [(start, sport) for start, sport in found if sport == _first_sport(outside)]
        return found[0][1] if found else "cross-training"
    if found:
        return min(found)[1]
    return "run" if by_default and _RUN_BY_DEFAULT.search(folded) else None


def _first_sport(folded: str) -> WorkoutType | None:
    found: list[tuple[int, WorkoutType]] = [
        (match.start(), sport) for sport, pattern in _SPORTS if (match := pattern.search(folded))
    ]
    return min(found)[1] if found else None


def _named(folded: str, sport: WorkoutType) -> bool:
    """Whether a sport word of `sport` stands in the text."""
    return any(pattern.search(folded) for named, pattern in _SPORTS if named == sport)


def _exercise_row(folded: str, cross: re.Match[str]) -> bool:
    """Whether a "row" is an exercise of a strength session ("Strength 45 min: goblet squat, dumbbell row")."""
    if not cross.group().startswith("row"):
        return False
    strength = next(pattern for sport, pattern in _SPORTS if sport == "strength").search(folded, 0, cross.start())
    return strength is not None


_RUN_WALK_NAME: Final = _words(r"\b(?:run|jog)\s*[/-]\s*walk\b", r"\bwalk\s*[/-]\s*(?:run|jog)\b")
# A walk down between hill repeats, or a short timed walk after an effort ("5 x 3 min hard / 2 min walk"), is a
# recovery step and names no walk.
_WALK_BETWEEN: Final = _words(
    r"\bwalk(?:ing)?\s+(?:down|back)\b",
    r"\b(?:walk|jog)\s+recover\w*",
    r"[,/]\s*+\d{1,3}\s*+(?:min\w*|s|sec\w*|['\"’]+)\s*+walk\w*",
    # "6 x 400 m with 90 seconds of walking between": the reps' recovery
    r"\b(?:with|w/)\s++\d{1,3}\s*+(?:min\w*|s|sec\w*|['\"’]+)\s++(?:of\s++)?walk\w*",
)


_ALTERNATIVE_WORD: Final = _words(r"\s(?:or|oder|ou|o|lub|albo|eller|nebo|of(?=\s+\w+\s+\d))\s", r"\s/\s")


def _sports_named(folded: str) -> set[WorkoutType]:
    """Every sport a text names by a sport word, a hike counted as a walk ("caminata / senderismo" is one outing)."""
    return {"walk" if sport == "hike" else sport for sport, pattern in _SPORTS if pattern.search(folded)}


_CHOICE_WORDS: Final = 4
"""A choice of sports names them near its "or": "bike or swim 45 min", "swim 30 min or easy ride 45 min"."""
_WORD: Final = re.compile(r"[\w/&-]+")
_REACH_CHARS: Final = 40


def _offers_a_choice(folded: str) -> bool:
    """Whether an "or" in the text stands between two sports ("bike or swim 45 min"), not between two places or
    efforts of one session ("hard hiking on a treadmill incline or steep hill, 12 min easy jog")."""
    for match in _ALTERNATIVE_WORD.finditer(folded):
        before = _WORD.findall(folded[max(0, match.start() - _REACH_CHARS) : match.start()])[-_CHOICE_WORDS:]
        after = _WORD.findall(folded[match.end() : match.end() + _REACH_CHARS])[:_CHOICE_WORDS]
        named_before, named_after = _sports_named(" ".join(before)), _sports_named(" ".join(after))
        if named_before and named_after and len(named_before | named_after) >= 2:
            return True
    return False


def is_rest(folded: str) -> bool:
    """Whether a day's text (folded) is a rest day: "Rest", "—", or a rest word followed only by words that
    name no session ("rest again", "OFF, hydrate!!", "Ruhetag – Beine hoch"); never one with a length, a sport
    or an alternative ("Rest or swim 20 min")."""
    folded = folded.strip()
    if not folded or REST.match(folded):
        return True
    return (
        bool(REST_WORD.match(folded))
        and not any(char.isdigit() for char in folded)
        and not _ALTERNATIVE_WORD.search(folded)
        and sport_named(folded) is None
    )


# A leading label names the session, with or without its length: "Seuil :", "Intervals 48 min:" (a clock's colon,
# "1:15", is followed by a digit).
# An easy or long session stated ahead of the short repetitions it includes stays easy or long.
_EASY_LEAD: Final = _words(r"\beasy\b", r"\brustig", r"locker", r"\bleicht", r"facile", r"\bsuave", r"\bleve\b",
                           r"tranquil", r"\bfacil\b", r"\bendurance\b", r"\blong\b", r"\blang", r"longue",
                           r"\blarga\b", r"\blung[oa]\b", r"\bsteady\b", r"\baerob", r"\bz2\b", r"\bgrundlage",
                           r"\bresistenza\b", r"\bduur", r"\bfooting", r"\brodaje", r"dauerlauf",
                           r"\blent[oa]?\b")  # fmt: skip
_LABEL = re.compile(r"^\s*(?P<label>[^:\n]{2,60}?)\s*:(?=\s|$)")


def classify(folded: str, *, default_sport: WorkoutType | None = None) -> Kind:
    """Type and sub-type of one session text (folded: lower case, no accents); a text naming no sport is of
    `default_sport` (the plan's, see `planforge.drafttext.context`), else a run.

    A leading label names the session ("Seuil : … 3 x 10 min au seuil" is a tempo run, not intervals).
    """
    includes = INCLUDES.search(folded)
    label = _LABEL.match(folded)
    reps = _REPS.search(folded)
    bracket = folded.rfind("(", 0, reps.start()) if reps else -1
    if includes and _REPS.search(folded, includes.end()):
        lead = folded[: includes.start()]  # "Easy run 25 min with 3 x 1 min fast": an easy run
    elif bracket > 0 and quantities_in(folded[:bracket]):
        lead = folded[:bracket]  # "Easy 40 min (4 x 1 min fast)": the same
    else:
        lead = label["label"] if label and quantities_in(label["label"]) else ""  # "Easy run 30 min: 5 min walk, …"
    whole = _classify(folded, default_sport)
    if lead and _EASY_LEAD.search(lead):
        lead_kind = _classify(lead, default_sport)
        if lead_kind.named and lead_kind.workout_type == whole.workout_type:
            return lead_kind
    if "(" in folded:  # "tempo run of 35 min (20 min @ HM pace)": words in brackets elaborate, the name decides
        bare = _classify(_PARENTHESES.sub(" ", folded), default_sport)
        named = bare.named and bare.workout_sub_type != _DEFAULT_SUB_TYPE[bare.workout_type]
        if named and bare.workout_type == whole.workout_type and bare != whole:
            return bare
    if (label := _LABEL.match(folded)) and (labelled := _classify(label["label"], default_sport)).named:
        sport = _sport_or_default(folded, default_sport) or "run"
        # a strength label with its length names its kind whatever exercises follow ("Strength 30 min: squats,
        # lunges, core"); a bare one does not ("Gym: core 25 min" is core work)
        strength_label = sport == "strength" and bool(quantities_in(label["label"]))
        if labelled.workout_type == sport and (labelled.workout_sub_type != _DEFAULT_SUB_TYPE[sport] or strength_label):
            return labelled
    return whole


def _sport_or_default(folded: str, default_sport: WorkoutType | None) -> WorkoutType | None:
    if default_sport is None:
        return sport_named(folded)
    return sport_named(folded, by_default=False) or default_sport


_PARENTHESES: Final = re.compile(r"\([^()]*+\)?")
# A walk in the mountains or with poles is a hike ("caminata por montaña", "Bergwanderung", "marche en montagne").
_MOUNTAIN: Final = _words(r"mountain", r"\bhills?\b", r"\bfells?\b", r"\btrail", r"\bpoles\b", r"\bberg", r"gebirge",
                          r"\bstock", r"\bstocke", r"montagne", r"\bbatons\b", r"montana", r"\bmonte\b", r"sierra",
                          r"sendero", r"bastones")  # fmt: skip


def _classify(folded: str, default_sport: WorkoutType | None = None) -> Kind:
    if only_strides(folded):
        return Kind("run", "easy-run", True)  # strides are relaxed accelerations, never intervals
    folded = without_strides(folded)  # strides ride along with a run: "easy + 6 x 100 m strides" is an easy run
    outside = _PARENTHESES.sub(" ", folded)  # "6 x (2 min run / 1 min walk)" offers no choice
    if _offers_a_choice(outside) and not _RUN_WALK_NAME.search(folded) and not has_run_walk_bouts(folded):
        return Kind("cross-training", "cross-training", True)  # "bike or swim 45 min": the athlete's choice
    sport = _sport_or_default(folded, default_sport)
    if sport == "walk" and _MOUNTAIN.search(folded):
        sport = "hike"
    named = sport is not None or bool(_RUNNING.search(folded))
    workout_type: WorkoutType = sport or "run"
    if workout_type == "strength" and sport_named(outside := _PARENTHESES.sub(" ", folded)) == "strength":
        folded = outside  # a gym session's brackets list its exercises ("(legs, core)"), not its kind
    for sub_type, pattern in _RULES.get(workout_type, ()):
        if pattern.search(folded):
            return Kind(workout_type, sub_type, True)
    return Kind(workout_type, _DEFAULT_SUB_TYPE[workout_type], named)
