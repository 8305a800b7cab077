"""The root `planforge` command; each command group lives in its own module beside this one."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="planforge",
    help="AI-generated endurance training plans: parameters → editable draft → structured workouts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def main() -> None:
    """Console-script entry point."""
    app()
