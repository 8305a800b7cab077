"""The draft's words in English, German, French, Spanish, Italian, Portuguese and Dutch (`LEXICONS`), and the
session texts and descriptions written with them."""

from __future__ import annotations

from typing import Final

from planforge.domain.vocabulary import Language
from planforge.offline.engine.text.de import GERMAN
from planforge.offline.engine.text.en import ENGLISH
from planforge.offline.engine.text.es import SPANISH
from planforge.offline.engine.text.fr import FRENCH
from planforge.offline.engine.text.it import ITALIAN
from planforge.offline.engine.text.lexicon import Lexicon, Sentences
from planforge.offline.engine.text.nl import DUTCH
from planforge.offline.engine.text.pt import PORTUGUESE

LEXICONS: Final[dict[Language, Lexicon]] = {
    "en": ENGLISH, "de": GERMAN, "fr": FRENCH, "es": SPANISH, "it": ITALIAN, "pt": PORTUGUESE, "nl": DUTCH,
}  # fmt: skip

__all__ = ["LEXICONS", "Lexicon", "Sentences"]
