"""`planforge principle get|set`: an org's training principle in the standalone store."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer

from planforge.cli.output import fail, stdout
from planforge.domain.requests import MAX_PRINCIPLE_CHARS
from planforge.exceptions import PlanforgeError
from planforge.settings import Settings
from planforge.stores.backend import open_stores
from planforge.stores.training_principles import TrainingPrincipleStore, resolve_principle

_T = TypeVar("_T")

principle_app = typer.Typer(help="Read or change an org's training principle.", no_args_is_help=True)


def _with_store(work: Callable[[TrainingPrincipleStore], Awaitable[_T]]) -> _T:
    """Run `work` on the configured principle store (Postgres or SQLite); a store error ends the command."""
    try:
        stores = open_stores(Settings())
    except PlanforgeError as error:
        raise fail(error.message) from error

    async def run() -> _T:
        try:
            return await work(stores.training_principles)
        finally:
            await stores.aclose()

    return asyncio.run(run())


@principle_app.command("get")
def get(org: Annotated[str, typer.Argument(help="Organization id.")]) -> None:
    """Print the org's training principle (the built-in default when it has none)."""
    principle, source = _with_store(lambda store: resolve_principle(store, org.strip(), None))
    stdout.print(principle, markup=False, highlight=False, soft_wrap=True)
    if source == "default":
        stdout.print(f"(no principle stored for {org!r}: this is the built-in default)", style="dim")


@principle_app.command("set")
def set_(
    org: Annotated[str, typer.Argument(help="Organization id.")],
    text: Annotated[str, typer.Argument(help="The training principle.")],
) -> None:
    """Store the org's training principle."""
    if not org.strip():
        raise fail("ORG: must not be empty", code=2)
    if not text.strip():
        raise fail("TEXT: must not be empty", code=2)
    if len(text) > MAX_PRINCIPLE_CHARS:
        raise fail(f"TEXT: at most {MAX_PRINCIPLE_CHARS} characters", code=2)
    _with_store(lambda store: store.set(org.strip(), text.strip()))
    stdout.print(f"Stored the training principle of {org.strip()!r}.")
