"""Model usage reported with every result."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Usage(BaseModel):
    """Requests and tokens a generation used, summed over every model call it made."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    requests: int = 0
    """Model requests made (retries included)."""
    input_tokens: int = 0
    """Input tokens sent."""
    output_tokens: int = 0
    """Output tokens received."""

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            requests=self.requests + other.requests,
            input_tokens=self.input_tokens + other.input_tokens,
            output_tokens=self.output_tokens + other.output_tokens,
        )
