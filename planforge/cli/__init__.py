"""The `planforge` command line: a thin adapter over the service."""

from planforge.cli.app import app, main

__all__ = ["app", "main"]
