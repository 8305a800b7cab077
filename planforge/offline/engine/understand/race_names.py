"""The names of races in the seven languages, and the distance and sport each names.

Most specific first: a span taken by one pattern is not read again by the next ("Ironman 70.3" is the half before
"Ironman" can be the full; "100-mile" is a century before "sportive" is any sportive).
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.vocabulary import RaceDistance, RaceSport

KM: Final = r"(?P<km>\d{1,3}(?:[.,]\d{1,3})?)\s*(?:k|km|kilometers?|kilometres?|kms)\b"
# (distance, sport, pattern), most specific first: a span taken by one is not read again by the next.
_RACE_REGEXES: Final[tuple[tuple[RaceDistance, RaceSport, str], ...]] = (
        ("half-ironman", "triathlon", r"\biron\s*man[\s-]*70\.3\b|"  # "Ironman 70.3" is the brand's half
                                      r"(?:half|halb|halve|meio|medio|mezzo|demi)[\s-]*(?:iron\s*man|distan\w*|"
                                      r"afstand\w*|triat\w*)|\b70\.3\b|mitteldistanz|1[,.]9\s*(?:km)?\s*/\s*90"),
        ("ironman", "triathlon", r"\biron\s*man\b|\bfull[\s-]*(?:distance|ironman|triathlon)|\b140\.6\b|"
                                 r"langdistanz|long[\s-]*distance tri\w*|3[,.]8\s*/\s*180"),
        ("sprint-triathlon", "triathlon", r"sprint[\s-]*(?:distance\s*)?tri\w*|tri\w*\s+sprint|sprinttri\w*|"
                                          r"750\s*m?\s*/\s*20"),
        ("olympic-triathlon", "triathlon", r"olymp\w*[\s-]*(?:distance\s*)?(?:tri\w*|race)|tri\w*\s+olimpic\w*|"
                                           r"kurzdistanz|olympische distanz|1[,.]5\s*(?:km)?\s*/\s*40"),
        ("olympic-triathlon", "triathlon", r"\btri(?:athlon|atlon|atlo|athlete)?s?\b"),  # refined by _TRI_DISTANCE
        ("other", "duathlon", r"\bdua(?:thlon|tlon|tlo)s?\b"),
        ("half-marathon", "run", r"half[\s-]*marathons?|halbmarathon\w*|semi[\s-]*marathon|medias?[\s-]*maratone?s?|"
                                 r"medio[\s-]*maraton|mezza[\s-]*maratona|meias?[\s-]*maratonas?|halve[\s-]*marathon|"
                                 r"\bhm\b|\b21[,.]1\s*km|\b21\s*km\b"),
        ("marathon", "run", r"(?<!rad)marathons?\b|\bmaratone?s?\b|\bmaratonas?\b"),
        ("ultra", "trail-run", r"\bultra\w*|"
                               r"\b(?:4[3-9]|[5-9]\d|\d{3})\s*(?:k|km)\s*(?:trail|ultra|mountain|berg|montagne|race|lauf)|"
                               r"\btrail\w*(?:\s+\w+){0,2}\s*:?\s*(?:4[3-9]|[5-9]\d|\d{3})\s*(?:k|km)\b"),
        ("gran-fondo", "bike", r"gran\s*fondo|granfondo"),
        ("sportive", "bike", r"\bmetric century\b"),  # 100 km
        ("century", "bike", r"\bcentury\b|\b(?:100|hundred|one hundred)[\s-]*(?:miles?|mi|meilen|miglia|millas|"
                            r"milhas|mijl)\b|\b(?:100|cent) miles\b"),
        ("sportive", "bike", r"\bsportive\b|cyclosportive|radmarathon|jedermann|cycling event|bike race|"
                              r"toertocht|\bmarcha cicloturista|cicloturistica|\bbrevets?\b|\baudax\b|"
                              r"\brandonneur|\brandonnee (?:cyclo|velo|a velo)|\bfietstocht|\bradtour|"
                              r"\bradrennen|\bcycling race|\bcourse cycliste|\bcarrera ciclista|"
                              r"\bgara ciclistica|\bprova de ciclismo|\bwielerwedstrijd|"
                              r"\b\d{3}\s*(?:km|k)\s+(?:bike |cycling |charity )?"
                              r"(?:ride|tour|rit|fahrt|uscita|pedalada)\b"),
        ("open-water", "swim", r"open[\s-]*water|eau libre|aguas abiertas|acque libere|aguas abertas|zwemtocht|"
                               r"freiwasser|\bswim(?:ming)? race|schwimmwettkampf|\bzwemwedstrijd|\bzwemmarathon|"
                               r"\bgara di nuoto|\bcompetici?on de natacion|\bcompetition de natation|"
                               r"\bprova de natacao|\btraversee (?:a la nage|du lac)|\bseeuberquerung|"
                               r"\blake crossing|\b\d{1,2}(?:[.,]\d)?\s*(?:km|k)\s+(?:lake |sea |river )?swim\b"),
        ("other", "trail-run", r"\btrail\w*(?:\s+\w+){0,2}\s*:?\s*(?:1[2-9]|[23]\d|4[0-2])\s*(?:k|km)\b|"
                               r"\b(?:1[2-9]|[23]\d|4[0-2])\s*(?:k|km)\s*(?:de |di )?trail\b"),
        ("10k", "run", r"\b10\s*(?:k|km)\b|\b10[,.]?000\s*m\b"),
        ("5k", "run", r"\b5\s*(?:k|km)\b|\bparkrun\b|\b5[,.]?000\s*m\b"),
)  # fmt: skip
RACE_PATTERNS: Final[tuple[tuple[RaceDistance, RaceSport, re.Pattern[str]], ...]] = tuple(
    (distance, sport, re.compile(pattern)) for distance, sport, pattern in _RACE_REGEXES
)
