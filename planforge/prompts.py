"""Prompts are versioned files under `prompts/`, rendered with explicit variables.

Layout: `prompts/<name>/<version>.<part>.md`, e.g. `prompts/draft/v1.instructions.md`. Placeholders are
`${variable}` (string.Template). Rendering fails on a missing variable and on an unknown one, so a prompt and
the code that fills it cannot drift apart silently.

User text (additional prompt, training principle, draft text) is only ever placed inside the request part's
tagged data sections, after `data_section_text` has neutralised any tag that could close the section early.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template

DEFAULT_PROMPT_VERSION = "v2"

_PACKAGED = Path(__file__).parent / "_prompts"  # inside a built wheel (see pyproject's force-include)
_SOURCE = Path(__file__).parent.parent / "prompts"  # in a source checkout / editable install


def prompts_dir() -> Path:
    """Where the prompt files are: packaged inside the wheel, or the checkout's `prompts/`."""
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE


class PromptError(ValueError):
    """A prompt file is missing, or rendering got a missing or unknown variable."""


@dataclass(frozen=True)
class PromptTemplate:
    """One prompt part of one version."""

    name: str
    version: str
    part: str
    text: str

    @property
    def variables(self) -> frozenset[str]:
        """The placeholders this prompt uses."""
        return frozenset(Template(self.text).get_identifiers())

    def render(self, **variables: str) -> str:
        """Fill every placeholder; a missing or unknown variable is a `PromptError`."""
        missing = self.variables - variables.keys()
        unknown = variables.keys() - self.variables
        if missing or unknown:
            problems = [
                f"missing {sorted(missing)}" if missing else "",
                f"unknown {sorted(unknown)}" if unknown else "",
            ]
            label = f"{self.name}/{self.version}.{self.part}"
            raise PromptError(f"prompt {label!r}: {', '.join(p for p in problems if p)} variable(s)")
        return Template(self.text).substitute(variables).strip() + "\n"

    def render_offered(self, **offered: str) -> str:
        """Fill the placeholders from `offered`, the trusted values a caller has for every version of the prompt.

        A version may use any of them (v2 adds `coaching_figures`); one that uses a value not offered is a
        `PromptError`, as with `render`.
        """
        return self.render(**{name: value for name, value in offered.items() if name in self.variables})


@cache
def load_prompt(name: str, part: str, version: str = DEFAULT_PROMPT_VERSION) -> PromptTemplate:
    """Load `prompts/<name>/<version>.<part>.md`."""
    path = prompts_dir() / name / f"{version}.{part}.md"
    if not path.is_file():
        raise PromptError(f"no prompt {name!r} part {part!r} in version {version!r} (looked for {path.name})")
    return PromptTemplate(name, version, part, path.read_text(encoding="utf-8"))


def available_versions(name: str) -> list[str]:
    """The versions of prompt `name`, sorted."""
    return sorted({path.name.split(".")[0] for path in (prompts_dir() / name).glob("*.md")})


AGENT_PROMPTS = ("draft", "outline", "expand", "plan", "library")
"""Every prompt the agents use; a prompt version must provide all of them."""


def check_prompt_version(version: str) -> None:
    """Fail early (PromptError, a ValueError) when `version` lacks a prompt an agent needs."""
    missing = [name for name in AGENT_PROMPTS if version not in available_versions(name)]
    if missing:
        raise PromptError(
            f"prompt version {version!r} is missing {', '.join(missing)}; available: {available_versions('draft')}"
        )


def data_section_text(text: str | None, *, tags: tuple[str, ...]) -> str:
    """User text made safe to place inside a tagged data section: no tag of ours can open or close there."""
    if not text or not text.strip():
        return "(none)"
    pattern = re.compile(rf"<\s*/?\s*({'|'.join(map(re.escape, tags))})\s*>", re.IGNORECASE)
    return pattern.sub(lambda m: f"[{m.group(1)}]", text.strip())


_DATA_SECTION = re.compile(r"<(?P<tag>[a-z_]+)>\n(?P<body>.*?)\n</(?P=tag)>", re.DOTALL)


def read_data_sections(text: str) -> dict[str, str]:
    """The tagged data sections of a rendered request (`<chunk>…</chunk>` → {"chunk": "…"})."""
    return {match["tag"]: match["body"] for match in _DATA_SECTION.finditer(text)}
