"""The root `planforge` command; each command group lives in its own module beside this one."""

from __future__ import annotations

import typer

from planforge.cli.admin import org_app, token_app
from planforge.cli.db import db_app
from planforge.cli.doctor import doctor
from planforge.cli.eval import eval_command
from planforge.cli.export import export
from planforge.cli.fake_server import fake_openai
from planforge.cli.generate import demo, draft, plan
from planforge.cli.library import library_app
from planforge.cli.principle import principle_app
from planforge.cli.serve import serve

app = typer.Typer(
    name="planforge",
    help="AI-generated endurance training plans: parameters → editable draft → structured workouts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

app.command()(demo)
app.command()(draft)
app.command()(plan)
app.command()(export)
app.add_typer(principle_app, name="principle")
app.add_typer(library_app, name="library")
app.command(name="eval")(eval_command)
app.add_typer(org_app, name="org")
app.add_typer(token_app, name="token")
app.add_typer(db_app, name="db")
app.command()(serve)
app.command(name="fake-openai")(fake_openai)
app.command()(doctor)


def main() -> None:
    """Console-script entry point."""
    app()
