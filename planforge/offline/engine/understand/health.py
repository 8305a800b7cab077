"""The athlete's health notes, typed: which body part an injury is about, body weight, age, a sedentary life.

The planner acts on the kind (an Achilles history takes out hills and adds calf work, overweight slows the
build); the athlete's words go with it so the draft can quote them. A body part counts when an injury word
stands in its sentence ("knee pain", "Knieprobleme", "douleur au genou"); a few words are injuries by
themselves (Achilles, plantar fasciitis, shin splints, stress fracture). Overweight and a sedentary life are
read from their clause, so the rest of the sentence stays for the other readers.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.requirements import CautionKind, HealthCaution
from planforge.offline.engine.understand.text import RequestText

_WORDS_LIMIT: Final = 200
_OLDER_ATHLETE: Final = 50
"""From this age on, recovery is slower and the build gentler (masters runner): age is a caution."""

_INJURY_WORD: Final = re.compile(
    r"injur|\bpain|\bache|\bsore|niggl|issue|problem|history|tendin|tendon|strain|sprain|\btear\b|\btorn\b|"
    r"surgery|operat|rehab|physio|inflam|bursitis|fasciitis|arthros|arthrit|\bbad\b|\bweak|\bdodgy|"
    r"verletz|schmerz|beschwerd|zerrung|\briss\b|entzund|blessure|douleur|\bgene\b|tendinite|entorse|lesion|"
    r"dolor|molestia|esguince|rotura|infortun|dolore|fastidi|distorsion|lesao|\bdor\b|incomodo|\bpijn|klacht|"
    r"ontsteking|verstuik|\bop\b|chirurg|cirug|intervento|cirurgia|operatie|\blast van|\btrouble with|"
    r"\bprobleme? mit|\bmal au|\bmal a\b|\bmale al|\bproblem\w* (?:con|com|met)|fasci[it]|\bfa male|\btut weh|"
    r"\bfait mal|\bme duele|\bdoi\b|\bdoet pijn|\bsoffro|\bsouffre|\bsufro|\bsofro|\bleide"
)
_KIND_WORDS: Final[tuple[tuple[CautionKind, str, bool], ...]] = (
        ("achilles", r"achill|aquiles|aquile", True),
        ("bone", r"stress fracture|ermudungsbruch|stressfraktur|fracture de fatigue|fractura por estres|"
                 r"frattura da stress|fratura de stress|stressfractuur|osteopor|\bfracture|\bfractura|"
                 r"\bbroken\b", True),
        ("shin", r"\bshin|schienbein|periost|(?<!ilio)tibial|\btibia\b|canilla|\bstinco|canela|scheenbeen", True),
        ("foot", r"plantar|\bfoot\b|\bfeet\b|\bfuss|\bpied|\bpie\b|\bpiede|\bvoet|\bheel\b|\bferse|\btalon|tallone|"
                 r"calcanhar|\bhiel\b|\bankle|knochel|cheville|tobillo|caviglia|tornozelo|\benkel", False),
        ("calf", r"\bcalf\b|\bcalves\b|\bwade|mollet|gemelo|pantorrilla|polpacc|panturrilha|\bkuit", False),
        ("knee", r"\bknee|\bknie|genou|rodilla|ginocchio|joelho|patell|\bit[\s-]?band|\bitbs\b|menisc|iliotibial|"
                 r"\bcintilla|\bbandelette|\btractus|\bbandeleta|\bbenderella|\bitb\b", False),
        ("hip", r"\bhip\b|\bhips\b|hufte|hanche|cadera|\banca\b|\bheup", False),
        ("hamstring", r"hamstring|ischio|isquio|\bbicipite femorale|oberschenkelruckseite", False),
        ("back", r"\b(?:lower|bad|my|sore) back\b|\bback (?:pain|injur|problem|issue|trouble)|rucken|ruecken|"
                 r"\bmal de dos|\bdolor de espalda|\bmal di schiena|\bdor nas costas|\brugpijn|\brugklacht|lumbar|"
                 r"lombal|bandscheibe|\bdisc\b|hernia", False),
        ("shoulder", r"shoulder|rotator|schulter|epaule|hombro|spalla|\bombro|schouder", False),
        ("heart", r"\bheart(?! ?rate|beat)|\bherz(?!frequenz|schlag)|(?<!frequence )cardiaque|\bcoeur|"
                  r"corazon|(?<!frecuencia )(?<!frequenza )(?<!frequencia )cardiac|\bcuore|coracao|\bhart\b(?!slag)|"
                  r"blood pressure|"
                  r"blutdruck|hypertens|arrhythm|tension arterielle|presion arterial|pressione alta", True),
        ("pregnancy", r"pregnan|schwanger|enceinte|grossesse|embarazad|incinta|gravidez|gravida|zwanger|"
                      r"postpartum|postnatal|after giving birth|nach der geburt|apres l'accouchement", True),
        ("illness", r"asthma|asthme|asma\b|diabet|long covid|\bcovid|cancer|\bkrebs|chemo|anemi|anaemi", True),
        ("other", r"injur|\bpain\b|tendin|strain|sprain|surgery|operat|\brehab|physio|arthros|arthrit|verletz|"
                  r"schmerz|beschwerd|zerrung|blessure|douleur|tendinite|entorse|lesion|dolor|esguince|infortun|"
                  r"dolore|lesao|\bdor\b|\bpijn|ontsteking|chirurg|cirug|intervento|cirurgia|operatie", True),
)  # fmt: skip
_KINDS: Final[tuple[tuple[CautionKind, re.Pattern[str], bool], ...]] = tuple(
    (kind, re.compile(pattern), alone) for kind, pattern, alone in _KIND_WORDS
)
"""(kind, words, whether the words are an injury by themselves or need an injury word in their sentence)."""
_OVERWEIGHT: Final = re.compile(
    r"overweight|\bobes|\bheavy\b|\bbmi\b|\d+\s*(?:kg|kilos?|quilos?|chili|lbs?|pounds)\s+(?:to lose|too many|extra|"
    r"a mais|de mas|de trop|en trop|zu viel|te veel|di troppo|in eccesso|de sobra)|"
    r"ubergewicht|uebergewicht|\bzu viel gewicht|surpoids|\bkilos en trop|sobrepeso|\bkilos de mas|sovrappeso|"
    r"\bchili di troppo|excesso de peso|acima do peso|\bquilos a mais|overgewicht|\bte zwaar|\bkilo te veel"
)
_SEDENTARY: Final = re.compile(
    r"sedentar|\bdesk (?:job|all day)|\bat a desk|\bsit (?:at|behind) a desk|\bsitting all day|\bcouch potato|"
    r"\bhaven'?t (?:exercised|done any sport|trained) (?:in|for) (?:years|ages|a long time)|\bout of shape|"
    r"\bunfit\b|\bburojob|\bsitze den ganzen tag|\bseit jahren keinen sport|\bsedentaire|\bassis toute la journee|"
    r"\bsentad[oa] todo el dia|\bseduto tutto il giorno|\bsentad[oa] o dia todo|\bzit de hele dag|\bzittend werk|"
    r"\bkantoorbaan|\bsans sport depuis|\bsin hacer deporte|\bsenza fare sport|\bsem fazer desporto"
)
_WHOLE_BODY: Final[tuple[tuple[CautionKind, re.Pattern[str]], ...]] = (
    ("overweight", _OVERWEIGHT),
    ("sedentary", _SEDENTARY),
)
_NO_INJURY: Final = re.compile(
    r"\bno (?:injur|pain|health)|injury[\s-]free|\bhealthy\b|keine verletz|\bgesund\b|sans blessure|\bpas de blessure|"
    r"sin lesion|sin dolor|senza infortun|nessun infortun|sem les[oa]|geen blessure"
)
_NOW: Final = re.compile(
    r"\bcurrently|\bat the moment|\bstill\b|recovering|returning|coming back|comeback|come back|\brehab|"
    r"\brecent|weeks ago|\bniggl|\bright now|\baktuell|\bnoch\b|\bzurzeit|\bderzeit|\bactuellement|\bencore\b|"
    r"\breprise|\btodavia|\bahora\b|\bancora\b|\bainda\b|\bnog\b|\bherstel|\bsto recuperando|\bme recupero|"
    r"\bwieder einst|\bje reprends|\bvuelvo a|\brecuperar|\brecupero|\brecupere|\bherstellende|\berhole"
)
_HEALED: Final = re.compile(
    r"pain[\s-]free|free of pain|fully recovered|\bhealed|schmerzfrei|sans douleur|sin dolor|senza dolore|"
    r"sem dor|pijnvrij|recupere|recuperad[oa] del todo|guarit|genezen"
)


def read_health_cautions(text: RequestText, age: int | None, age_words: str | None) -> list[HealthCaution]:
    """The typed health notes of the request: injuries by body part, overweight, a sedentary life, age 50+."""
    found: list[HealthCaution] = []
    for start, end in text.sentences():
        sentence = text.folded[start:end]
        words = _words(text, start, end)
        current = bool(_NOW.search(sentence)) and not _HEALED.search(sentence)
        if not _NO_INJURY.search(sentence):
            kinds: list[CautionKind] = [
                kind
                for kind, pattern, alone in _KINDS
                if pattern.search(sentence) and (alone or _INJURY_WORD.search(sentence))
            ]
            typed: list[CautionKind] = [kind for kind in kinds if kind != "other"]
            typed = typed or ([] if _HEALED.search(sentence) else kinds[:1])  # "now running pain-free" is none
            found += [HealthCaution(kind=kind, words=words, current=current) for kind in typed]
            if typed:
                text.use((start, end))
        for kind, pattern in _WHOLE_BODY:
            if match := pattern.search(sentence):
                clause = text.clause_at(start + match.start())
                text.use(clause)
                found.append(HealthCaution(kind=kind, words=_words(text, *clause)))
    if age is not None and age >= _OLDER_ATHLETE:
        found.append(HealthCaution(kind="age", words=age_words or str(age)))
    return found


def _words(text: RequestText, start: int, end: int) -> str:
    return " ".join(text.original[start:end].split()).strip(" ,;:")[:_WORDS_LIMIT]
