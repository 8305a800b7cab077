"""Model usage reported with every result, and with every failure that spent some."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Usage(BaseModel):
    """Requests and tokens a generation used, summed over every model call it made (failed calls included)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    requests: int = 0
    """Model requests made (retries included)."""
    input_tokens: int = 0
    """Input tokens sent (cached ones included)."""
    output_tokens: int = 0
    """Output tokens received."""
    cached_input_tokens: int = 0
    """Of `input_tokens`, those the provider served from its prompt cache (billed at a fraction of the input
    price). 0 when nothing was cached or the provider does not say."""
    estimated_requests: int = 0
    """Of `requests`, those the server reported no token usage for (llama.cpp-style servers in streams): their
    tokens are estimated from the text, about 4 characters a token. 0: every count is the server's own."""

    @property
    def estimated(self) -> bool:
        """Whether the token counts are (partly) estimates rather than the server's own figures."""
        return self.estimated_requests > 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            requests=self.requests + other.requests,
            input_tokens=self.input_tokens + other.input_tokens,
            output_tokens=self.output_tokens + other.output_tokens,
            cached_input_tokens=self.cached_input_tokens + other.cached_input_tokens,
            estimated_requests=self.estimated_requests + other.estimated_requests,
        )
