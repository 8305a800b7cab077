"""Words of the seven request languages as coaches (and the offline coach) write them, read to the right workout.

Each line names a word the parser once misread: Dutch "rust", "heuvels", "dribbel", "halve marathon"; Portuguese
"aquecimento", "retorno à calma", "limiar", "pedal longo", "com 2 min de trote", "força", "ritmo de prova",
"meia maratona"; Spanish "competición", "con 2 min trote"; Italian "salite", "uscita lunga", "soglia"; German
"Einrollen"/"Ausrollen", "Dauerlauf" after "+", "Marathontempo", "21,1 km".
"""

from __future__ import annotations

import pytest

from planforge.domain.plan import ContentBlock
from planforge.offline.parser.sessions import parse_day

Reading = tuple[str, str, int | None, float | None]


def read(text: str) -> list[Reading]:
    return [
        (s.workout_type, s.workout_sub_type, s.duration_seconds, s.distance_meters) for s in parse_day("Monday", text)
    ]


def steps(text: str) -> list[tuple[str, int | None, str | None]]:
    """(type, seconds, zone) of each block, a repetition as its work step."""
    [session] = parse_day("Monday", text)

    def row(block: ContentBlock) -> tuple[str, int | None, str | None]:
        shown = block.content_blocks[0] if block.type == "interval" else block
        return block.type, block.total_seconds(), shown.block_pace

    return [row(block) for block in session.content_blocks]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Rust", []),
        ("Rustdag", []),
        ("Heuvels: 15 min warm-up, 6 x 2 min heuvelop, 2 min dribbel, 10 min cool-down",
         [("run", "hill-repeats", 2940, None)]),
        ("Wedstrijd: halve marathon", [("run", "race", None, 21097.5)]),
        ("Pedal longo 3h", [("bike", "long-ride", 10800, None)]),
        ("Força 20 min: agachamentos, afundos, prancha", [("strength", "strength-training", 1200, None)]),
        ("Corrida 10 min a ritmo de prova", [("run", "race-pace-run", 600, None)]),
        ("Prova: meia maratona", [("run", "race", None, 21097.5)]),
        ("Competición: bicicleta 40 km", [("bike", "race", None, 40000.0)]),
        ("Uscita lunga in bici 3h", [("bike", "long-ride", 10800, None)]),
        ("Salite: 15 min riscaldamento, 6 x 2 min in salita, 10 min defaticamento",
         [("run", "hill-repeats", 2220, None)]),
        ("Salite in bici: 15 min riscaldamento, 4 x 8 min in salita, 10 min defaticamento",
         [("bike", "hill-ride", 3420, None)]),
        ("Radfahren 60 min + Dauerlauf 30 min",
         [("bike", "endurance-ride", 3600, None), ("run", "easy-run", 1800, None)]),
        ("Wettkampf: Halbmarathon 21,1 km", [("run", "race", None, 21100.0)]),
    ],
)  # fmt: skip
def test_sessions_in_the_languages_own_words(text: str, reading: list[Reading]) -> None:
    assert read(text) == reading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Limiar: 15 min aquecimento, 20 min no limiar, 10 min retorno à calma",
         [("warm-up", 900, "z2"), ("run", 1200, "z4"), ("cool-down", 600, "z1")]),
        ("Tiros: 15 min aquecimento, 6 x 3 min a ritmo de 5K com 2 min de trote, 10 min desaquecimento",
         [("warm-up", 900, "z2"), ("interval", 1800, "z5"), ("cool-down", 600, "z1")]),
        ("Series: 15 min calentamiento, 6 x 3 min a ritmo 5K con 2 min trote, 10 min vuelta a la calma",
         [("warm-up", 900, "z2"), ("interval", 1800, "z5"), ("cool-down", 600, "z1")]),
        ("Soglia: 15 min riscaldamento, 20 min a soglia, 10 min defaticamento",
         [("warm-up", 900, "z2"), ("run", 1200, "z4"), ("cool-down", 600, "z1")]),
        ("Rad-Tempo: 15 min Einrollen, 2 x 15 min @ Schwelle, 10 min Ausrollen",
         [("warm-up", 900, "z2"), ("interval", 1800, "z4"), ("cool-down", 600, "z1")]),
        ("Renntempo: 15 min Einlaufen, 30 min @ Marathontempo, 10 min Auslaufen",
         [("warm-up", 900, "z2"), ("run", 1800, "z3"), ("cool-down", 600, "z1")]),
        ("Ritmo alvo: 15 min aquecimento, 20 min a ritmo de meia, 10 min retorno à calma",
         [("warm-up", 900, "z2"), ("run", 1200, "z4"), ("cool-down", 600, "z1")]),
    ],
)  # fmt: skip
def test_warm_ups_recoveries_and_zones_in_the_languages_own_words(
    text: str, expected: list[tuple[str, int | None, str | None]]
) -> None:
    assert steps(text) == expected


def test_a_recovery_after_com_or_con_is_the_repetitions_recovery() -> None:
    for text in ("Tiros 6 x 400 m com 2 min de trote", "Series 6 x 400 m con 2 min trote"):
        [session] = parse_day("Monday", text)
        [interval] = session.content_blocks
        assert [child.type for child in interval.content_blocks] == ["run", "recovery-run"], text
        assert interval.content_blocks[1].block_duration_in_seconds == 120
