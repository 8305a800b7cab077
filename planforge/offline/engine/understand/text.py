"""The request's text as the readers share it: folded for matching, split into sentences and clauses, and a
record of what each reader used, so that what nobody could use is reported instead of dropped.

Folding lower-cases and drops accents while keeping every character's position, so a match in the folded text
points at the same words in the athlete's own text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from planforge.drafttext.days import fold

_SENTENCE: Final = re.compile(r"[^.!?;\n]+(?:[.!?;]+|$)", re.MULTILINE)
# A sentence ends at a full stop followed by a capital, or at ! ? ; and line ends. "2.5 km", "18. Oktober",
# "approx. 1,800 m" and "ca. 40 km" end nothing.
_NO_BREAK: Final = re.compile(r"\b(?:approx|ca|bzw|z\.b|e\.g|i\.e|vs|etc|st|dr|mr|mrs|nr|no)\.$")
_MONTH_AFTER: Final = re.compile(
    r"\s*(?:jan|feb|m[aä]r|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|de[cz]|janv|f[ée]v|avr|juil|ao[uû]|d[ée]c)", re.I
)
_CHATTER: Final = re.compile(
    r"^\W*(?:hi|hello|hey|hallo|hola|ola|ciao|bonjour|salut|hoi|dag|thanks?|thank you|danke|merci|gracias|grazie|"
    r"obrigad[oa]|bedankt|please|bitte|s'il te plait|por favor|per favore|graag|coach|ciao coach|hallo coach)\W*$"
)
_CLAUSE_BREAK: Final = re.compile(r",\s|\s[-–—]\s|[()]|:\s")
_MIN_UNUSED_LETTERS: Final = 8


@dataclass
class RequestText:
    """The free text of a request, with the spans the readers used."""

    original: str
    folded: str = field(init=False)
    used: list[tuple[int, int]] = field(default_factory=list[tuple[int, int]])
    set_aside_words: list[str] = field(default_factory=list[str])

    def __post_init__(self) -> None:
        self.folded = fold(self.original)

    def use(self, match: re.Match[str] | tuple[int, int]) -> None:
        """Record that a reader used the words of `match` (a match in `folded`, or a (start, end) span)."""
        span = match.span() if isinstance(match, re.Match) else match
        self.used.append(span)

    def set_aside(self, match: re.Match[str] | tuple[int, int]) -> None:
        """Record words a reader read but could not follow (a weekday the date contradicts), to be reported as not
        used even though their clause was."""
        start, end = match.span() if isinstance(match, re.Match) else match
        self.set_aside_words.append(" ".join(self.original[start:end].split()))

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence; a full stop after a number or an abbreviation does not end one."""
        spans: list[tuple[int, int]] = []
        start = 0
        for match in _SENTENCE.finditer(self.folded):
            end = match.end()
            if end < len(self.folded) and self._joins(end):
                continue
            spans.append((start, end))
            start = end
        if start < len(self.folded):
            spans.append((start, len(self.folded)))
        return [(s, e) for s, e in spans if self.folded[s:e].strip()]

    def _joins(self, end: int) -> bool:
        """Whether the full stop before `end` is no sentence end (an abbreviation, a date, a number)."""
        if self.folded[end - 1] != ".":
            return False
        after = self.original[end : end + 12]
        if _NO_BREAK.search(self.folded[max(0, end - 7) : end]):
            return True
        if _MONTH_AFTER.match(after) and self.folded[end - 2 : end - 1].isdigit():  # "18. Oktober", not "5. Marathon"
            return True
        return not after[:1].isspace()  # "2.5 km" and "z.B." go on; ". Then", ". 5 runs", ". i can" end

    def is_used(self, span: tuple[int, int]) -> bool:
        """Whether a reader used any word of `span`."""
        return any(s < span[1] and e > span[0] for s, e in self.used)

    def sentence_at(self, position: int) -> tuple[int, int]:
        """The sentence holding `position`."""
        for start, end in self.sentences():
            if start <= position < end:
                return start, end
        return 0, len(self.folded)

    def clause_at(self, position: int) -> tuple[int, int]:
        """The clause holding `position`."""
        for start, end in self.clauses():
            if start <= position < end:
                return start, end
        return self.sentence_at(position)

    def clauses(self) -> list[tuple[int, int]]:
        """(start, end) of each clause: the sentences cut at ", ", " - " and brackets."""
        spans: list[tuple[int, int]] = []
        for start, end in self.sentences():
            cut = start
            for match in _CLAUSE_BREAK.finditer(self.folded, start, end):
                spans.append((cut, match.start()))
                cut = match.end()
            spans.append((cut, end))
        return [(s, e) for s, e in spans if self.folded[s:e].strip()]

    def not_used(self) -> list[str]:
        """The clauses no reader used a word of, in the athlete's words (greetings and thanks left out)."""
        unused: list[str] = []
        for start, end in self.clauses():
            if any(s < end and e > start for s, e in self.used):
                continue
            words = " ".join(self.original[start:end].split()).strip(" -–—,:")
            if _CHATTER.match(fold(words)) or sum(c.isalpha() for c in words) < _MIN_UNUSED_LETTERS:
                continue
            unused.append(words)
        return [*unused, *self.set_aside_words]
