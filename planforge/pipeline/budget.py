"""What one generation may spend: every agent run of a draft or a plan shares one usage counter and its limits."""

from __future__ import annotations

from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass, field

from pydantic_ai import UsageLimits
from pydantic_ai.usage import RunUsage

from planforge.domain.usage import Usage
from planforge.exceptions import GenerationError
from planforge.llm.calls import ServerContact
from planforge.llm.usage import estimated_requests, usage_of
from planforge.settings import Settings


@dataclass
class Budget:
    """A generation's shared usage and its limits (`Settings.max_requests_per_generation`, `…_tokens_…`).

    pydantic-ai checks the limits before each model request against the shared counter, so a runaway
    generation stops with a usage-limit error however many chunks it runs concurrently. Requests of failed runs
    count too, and so do those of a server that reports no usage (their tokens are estimated).
    """

    limits: UsageLimits
    usage: RunUsage = field(default_factory=RunUsage)
    contact: ServerContact = field(default_factory=ServerContact)
    """Whether the server has answered a call yet: a connection lost after that is waited out longer."""

    @classmethod
    def from_settings(cls, settings: Settings) -> Budget:
        return cls(
            UsageLimits(
                request_limit=settings.max_requests_per_generation,
                total_tokens_limit=settings.max_tokens_per_generation,
            )
        )

    @property
    def estimated_requests(self) -> int:
        """Requests whose tokens were estimated because the server reported none (`planforge.llm.usage`)."""
        return estimated_requests(self.usage)

    @property
    def cached_input_tokens(self) -> int:
        """Input tokens the provider served from its prompt cache (included in the input tokens)."""
        return self.usage.cache_read_tokens

    def spent(self) -> Usage:
        """The usage so far, in planforge's terms."""
        return usage_of(self.usage)

    @contextmanager
    def reported_on_failure(self) -> Generator[None]:
        """Attach the usage so far to a `GenerationError` raised inside: a failed generation says what it spent."""
        try:
            yield
        except GenerationError as error:
            error.usage = self.spent()
            raise
