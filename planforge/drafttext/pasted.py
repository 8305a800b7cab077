"""What a plan pasted from elsewhere carries around it: HTML markup, checklist boxes, emoji bullets, an email's
headers, signature and quoted earlier message.

- HTML (a plan copied from a web page or a rich-text mail: "<li>Tue: easy 30 min</li>", "<br>", tables) is read as
  the text it shows: block tags end lines, table cells become pipe-separated cells, entities ("&nbsp;") are decoded.
- A checklist box or an emoji at a line's start ("- [x] Tue – easy 5 km", "[ ] Wed – …", "☐ Sat – …", "🏃 Tue – …",
  "📅 Week 1") is taken off, ticked or not: every box is a planned session, and the day name or week after it starts
  the line again.
- An email is read for its body only. Header lines at the top ("Subject:", "From:", "Date: Sun, 29 Nov 2026") go, and
  so does everything from the signature delimiter ("-- ", alone on its line) or from the attribution of a quoted reply
  ("On 28 Nov 2026, Tom wrote:", "-----Original Message-----") on, when no week header follows: a signature's club
  times ("Tue & Thu 18:30 track") or the athlete's quoted runs are no sessions.
"""

from __future__ import annotations

import html
import itertools
import re
from typing import Final

from planforge.drafttext.days import fold

_SYMBOLS = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3"
_CHECKBOX: Final = re.compile(
    rf"^(?P<lead>[ \t]*+(?:[-*•+][ \t]++)?)(?:\[[ xX✓✔✗-]?\]|[☐☑☒✅✔✓]|[{_SYMBOLS}]++(?=[ \t]*+\w))[ \t]*+"
)
_HTML_TAG: Final = re.compile(r"<(?P<close>/?)(?P<name>[a-z][a-z0-9]*+)\b[^<>]{0,200}+>", re.IGNORECASE)
_BLOCK_TAGS: Final = frozenset({"br", "p", "div", "ul", "ol", "table", "tbody", "thead", "h1", "h2", "h3", "h4", "h5",
                                "h6", "section", "article", "pre", "hr"})  # fmt: skip
_MIN_HTML_TAGS: Final = 2
_HEADER_LINE: Final = re.compile(
    r"^(?:subject|from|to|cc|bcc|date|sent|reply-to|betreff|von|an|gesendet|datum|objet|de|a|envoye|asunto|para"
    r"|enviado|fecha|oggetto|da|inviato|temat|od|do|data)\s*:"
)
_MIN_HEADER_LINES: Final = 2
_SIGNATURE: Final = re.compile(r"^--[ \t]?$")
_ATTRIBUTION: Final = re.compile(
    r"^(?:>\s*)?(?:on\b.{0,120}\bwrote:|am\b.{0,120}\bschrieb\b.{0,60}:|le\b.{0,120}\ba ecrit\s*:"
    r"|el\b.{0,120}\bescribio\s*:"
    r"|-{3,}\s*(?:original message|urspr\w* nachricht|message d'origine|mensaje original)\s*-{3,})\s*$"
)


def html_as_text(text: str) -> str:
    """The text an HTML fragment shows (see the module docstring); a text with fewer than two tags is unchanged."""
    tags = list(itertools.islice(_HTML_TAG.finditer(text), _MIN_HTML_TAGS))
    if len(tags) < _MIN_HTML_TAGS:
        return text
    return html.unescape(_HTML_TAG.sub(_tag_as_text, text)).replace("\xa0", " ")  # "&nbsp;": a plain space


def _tag_as_text(tag: re.Match[str]) -> str:
    name, closing = tag["name"].lower(), bool(tag["close"])
    if name == "li":
        return "" if closing else "\n- "
    if name == "tr":
        return "" if closing else "\n|"
    if name in {"td", "th"}:
        return " |" if closing else " "
    return "\n" if name in _BLOCK_TAGS else ""


def without_checkbox(line: str) -> str:
    """`line` without a checklist box or an emoji at its start ("- [x] Tue – easy 5 km" → "- Tue – easy 5 km")."""
    box = _CHECKBOX.match(line)
    return line if box is None else box["lead"] + line[box.end() :]


def email_body(lines: list[str], *, is_week_header: re.Pattern[str]) -> list[str]:
    """`lines` without an email's headers, signature and quoted message (see the module docstring); a text that is
    no email is returned as it is. `is_week_header` (matched against folded lines) tells where a week starts: a cut
    never drops one."""
    start = _after_headers(lines)
    last_week = max((i for i, line in enumerate(lines) if is_week_header.match(fold(line))), default=-1)
    end = next(
        (
            index
            for index in range(max(start, last_week + 1), len(lines))
            if _SIGNATURE.match(lines[index].rstrip()) or _ATTRIBUTION.match(fold(lines[index].strip()))
        ),
        len(lines),
    )
    return lines[start:end]


def _after_headers(lines: list[str]) -> int:
    """The index after the header lines an email text starts with (0 when it has fewer than two)."""
    index = 0
    while index < len(lines) and _HEADER_LINE.match(fold(lines[index].strip())):
        index += 1
    return index if index >= _MIN_HEADER_LINES else 0
