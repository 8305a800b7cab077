"""`planforge org …` and `planforge token …`: orgs and API tokens in the data dir's SQLite file.

`token create` prints the token, and only the token, on stdout so a script can capture it; only its hash
is stored, so it cannot be shown again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

import typer

from planforge.auth import ROLES, Role, SQLitePrincipalStore, UnknownOrgError
from planforge.cli.output import BAD_INPUT_EXIT, fail
from planforge.settings import Settings

_T = TypeVar("_T")

org_app = typer.Typer(name="org", help="Organizations that may use the API, and their features.", no_args_is_help=True)
token_app = typer.Typer(name="token", help="API tokens (bearer or X-API-Key) for an org.", no_args_is_help=True)


def _org_id(value: str) -> str:
    org_id = value.strip()
    if not org_id or len(org_id) > 128:
        raise fail(f"ORG must be 1 to 128 characters, got {value!r}", code=BAD_INPUT_EXIT)
    return org_id


def _role(value: str) -> Role:
    if value not in ROLES:
        raise fail(f"--role must be one of {', '.join(ROLES)}, got {value!r}", code=BAD_INPUT_EXIT)
    return value


def _with_store(action: Callable[[SQLitePrincipalStore], _T]) -> _T:
    store = SQLitePrincipalStore.open(Settings().data_dir)
    try:
        return action(store)
    finally:
        store.close()


@org_app.command("create")
def create_org(
    org: Annotated[str, typer.Argument(help="The org ID, as requests send it in org_id.", show_default=False)],
    feature: Annotated[
        list[str] | None,
        typer.Option("--feature", help="A feature to enable, e.g. coach_agent (repeatable).", show_default=False),
    ] = None,
) -> None:
    """Create ORG (or add features to it). Generation needs the coach_agent feature."""
    org_id = _org_id(org)
    features = sorted({name.strip() for name in feature or [] if name.strip()})
    _with_store(lambda store: store.create_org(org_id, features))
    typer.echo(f"org {org_id!r} ready; features: {', '.join(features) or 'none added'}", err=True)


@token_app.command("create")
def create_token(
    org: Annotated[str, typer.Option("--org", help="The org the token belongs to.", show_default=False)],
    role: Annotated[
        str,
        typer.Option("--role", help=f"The caller's role: {', '.join(ROLES)}."),
    ] = "coach",
) -> None:
    """Create a token for a ROLE in ORG and print it once on stdout (only its hash is stored)."""
    org_id, checked_role = _org_id(org), _role(role)
    try:
        token = _with_store(lambda store: store.create_token(org_id, checked_role))
    except UnknownOrgError as error:
        raise fail(error.message) from error
    typer.echo(token)
