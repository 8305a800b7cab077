"""Workout names by sub-type in the seven languages planforge writes: "Easy Run", "Lockerer Lauf", "Footing facile".

The converted plan names its workouts in its draft's language (`planforge.offline.parser.templates`); the library
rules match a session named in another language by its English name too (`planforge.library.enforcement`), since
an org's library may be written in either.
"""

from __future__ import annotations

from typing import Final

from planforge.domain.vocabulary import Language

NAMES: Final[dict[Language, dict[str, str]]] = {
    "en": {
        "easy-run": "Easy Run", "recovery-run": "Recovery Run", "long-run": "Long Run", "tempo-run": "Tempo Run",
        "interval-run": "Intervals", "hill-repeats": "Hill Repeats", "fartlek": "Fartlek",
        "progression-run": "Progression Run", "race-pace-run": "Race Pace Run", "trail-run": "Trail Run",
        "race": "Race", "endurance-ride": "Endurance Ride", "recovery-ride": "Recovery Ride", "long-ride": "Long Ride",
        "tempo-ride": "Tempo Ride", "interval-ride": "Bike Intervals", "hill-ride": "Hill Ride", "brick": "Brick",
        "endurance-swim": "Endurance Swim", "technique-swim": "Technique Swim", "interval-swim": "Swim Intervals",
        "open-water-swim": "Open Water Swim", "strength-training": "Strength", "core": "Core",
        "mobility": "Mobility", "walk": "Walk", "hike": "Hike", "cross-training": "Cross-Training",
        "run-walk": "Run/Walk",
    },
    "de": {
        "easy-run": "Lockerer Lauf", "recovery-run": "Regenerationslauf", "long-run": "Langer Lauf",
        "tempo-run": "Tempolauf", "interval-run": "Intervalle", "hill-repeats": "Bergläufe", "fartlek": "Fartlek",
        "progression-run": "Steigerungslauf", "race-pace-run": "Renntempo-Lauf", "trail-run": "Traillauf",
        "race": "Wettkampf", "endurance-ride": "Grundlagenfahrt", "recovery-ride": "Regenerationsfahrt",
        "long-ride": "Lange Radeinheit", "tempo-ride": "Rad-Tempo", "interval-ride": "Rad-Intervalle",
        "hill-ride": "Bergfahrt Rad", "brick": "Koppeltraining", "endurance-swim": "Ausdauerschwimmen",
        "technique-swim": "Techniktraining Schwimmen", "interval-swim": "Schwimm-Intervalle",
        "open-water-swim": "Freiwasserschwimmen", "strength-training": "Krafttraining", "core": "Rumpftraining",
        "mobility": "Mobilität", "walk": "Spaziergang", "hike": "Wanderung", "cross-training": "Cross-Training",
        "run-walk": "Laufen/Gehen",
    },
    "fr": {
        "easy-run": "Footing facile", "recovery-run": "Footing de récupération", "long-run": "Sortie longue",
        "tempo-run": "Seuil", "interval-run": "Fractionné", "hill-repeats": "Côtes", "fartlek": "Fartlek",
        "progression-run": "Course progressive", "race-pace-run": "Allure spécifique", "trail-run": "Trail",
        "race": "Compétition", "endurance-ride": "Vélo endurance", "recovery-ride": "Vélo récupération",
        "long-ride": "Sortie longue vélo", "tempo-ride": "Vélo tempo", "interval-ride": "Vélo fractionné",
        "hill-ride": "Vélo cols", "brick": "Enchaînement", "endurance-swim": "Natation endurance",
        "technique-swim": "Natation technique", "interval-swim": "Natation fractionné",
        "open-water-swim": "Natation en eau libre", "strength-training": "Renforcement musculaire",
        "core": "Gainage", "mobility": "Mobilité", "walk": "Marche", "hike": "Randonnée",
        "cross-training": "Entraînement croisé", "run-walk": "Course/marche",
    },
    "es": {
        "easy-run": "Rodaje suave", "recovery-run": "Rodaje de recuperación", "long-run": "Tirada larga",
        "tempo-run": "Umbral", "interval-run": "Series", "hill-repeats": "Cuestas", "fartlek": "Fartlek",
        "progression-run": "Rodaje progresivo", "race-pace-run": "Ritmo de carrera", "trail-run": "Trail",
        "race": "Carrera", "endurance-ride": "Bicicleta de fondo", "recovery-ride": "Bicicleta de recuperación",
        "long-ride": "Salida larga en bicicleta", "tempo-ride": "Bicicleta tempo",
        "interval-ride": "Series en bicicleta", "hill-ride": "Subidas en bicicleta", "brick": "Brick",
        "endurance-swim": "Natación de fondo", "technique-swim": "Técnica de natación",
        "interval-swim": "Series de natación", "open-water-swim": "Natación en aguas abiertas",
        "strength-training": "Fuerza", "core": "Core", "mobility": "Movilidad", "walk": "Caminata",
        "hike": "Senderismo", "cross-training": "Entrenamiento cruzado", "run-walk": "Correr/caminar",
    },
    "it": {
        "easy-run": "Corsa lenta", "recovery-run": "Corsa di recupero", "long-run": "Lungo", "tempo-run": "Soglia",
        "interval-run": "Ripetute", "hill-repeats": "Salite", "fartlek": "Fartlek",
        "progression-run": "Progressivo", "race-pace-run": "Ritmo gara", "trail-run": "Trail", "race": "Gara",
        "endurance-ride": "Bici di fondo", "recovery-ride": "Bici di recupero", "long-ride": "Uscita lunga in bici",
        "tempo-ride": "Bici tempo", "interval-ride": "Intervalli in bici", "hill-ride": "Salite in bici",
        "brick": "Brick", "endurance-swim": "Nuoto di fondo", "technique-swim": "Tecnica di nuoto",
        "interval-swim": "Ripetute di nuoto", "open-water-swim": "Nuoto in acque libere",
        "strength-training": "Forza", "core": "Core", "mobility": "Mobilità", "walk": "Camminata",
        "hike": "Trekking", "cross-training": "Cross training", "run-walk": "Corsa/camminata",
    },
    "pt": {
        "easy-run": "Corrida leve", "recovery-run": "Corrida de recuperação", "long-run": "Longão",
        "tempo-run": "Tempo no limiar", "interval-run": "Tiros", "hill-repeats": "Subidas", "fartlek": "Fartlek",
        "progression-run": "Corrida progressiva", "race-pace-run": "Ritmo alvo", "trail-run": "Trail",
        "race": "Prova", "endurance-ride": "Bicicleta de resistência", "recovery-ride": "Bicicleta regenerativa",
        "long-ride": "Pedal longo", "tempo-ride": "Bicicleta tempo", "interval-ride": "Intervalos de bicicleta",
        "hill-ride": "Bicicleta: subidas", "brick": "Brick", "endurance-swim": "Natação contínua",
        "technique-swim": "Técnica de natação", "interval-swim": "Séries de natação",
        "open-water-swim": "Natação em águas abertas", "strength-training": "Força", "core": "Core",
        "mobility": "Mobilidade", "walk": "Caminhada", "hike": "Trekking", "cross-training": "Treino cruzado",
        "run-walk": "Corrida/caminhada",
    },
    "nl": {
        "easy-run": "Rustige duurloop", "recovery-run": "Herstelloop", "long-run": "Lange duurloop",
        "tempo-run": "Tempoloop", "interval-run": "Intervallen", "hill-repeats": "Heuveltraining",
        "fartlek": "Fartlek", "progression-run": "Progressieve duurloop", "race-pace-run": "Wedstrijdtempo",
        "trail-run": "Trailloop", "race": "Wedstrijd", "endurance-ride": "Duurrit", "recovery-ride": "Herstelrit",
        "long-ride": "Lange fietstocht", "tempo-ride": "Tempofietsen", "interval-ride": "Fietsintervallen",
        "hill-ride": "Klimtraining fiets", "brick": "Brick", "endurance-swim": "Duurzwemmen",
        "technique-swim": "Techniekzwemmen", "interval-swim": "Zwemintervallen",
        "open-water-swim": "Openwaterzwemmen", "strength-training": "Krachttraining", "core": "Core",
        "mobility": "Mobiliteit", "walk": "Wandeling", "hike": "Hike", "cross-training": "Crosstraining",
        "run-walk": "Hardlopen/wandelen",
    },
}  # fmt: skip
"""A workout's name by sub-type (and "run-walk") in each language."""


def english_name(sub_type: str) -> str:
    """The English name of a sub-type ("easy-run" → "Easy Run"), or the sub-type's own words."""
    return NAMES["en"].get(sub_type, sub_type.replace("-", " ").title())


def in_another_language(name: str, sub_type: str) -> bool:
    """Whether `name` is the sub-type's name in a language other than English ("Lockerer Lauf 40 min")."""
    return any(
        name.startswith(names[sub_type]) and names[sub_type] != NAMES["en"].get(sub_type)
        for language, names in NAMES.items()
        if language != "en" and sub_type in names
    )
