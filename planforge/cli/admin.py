"""`planforge org …` and `planforge token …`: orgs, their features and API tokens in the configured store
(PLANFORGE_DATABASE_URL's Postgres, else the data dir's SQLite file).

`token create` prints the token, and only the token, on stdout so a script can capture it; only its hash
is stored, so it cannot be shown again. `token list` names tokens by id (the start of the hash), which is
what `token revoke` takes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from planforge.auth import ROLES, Role
from planforge.auth.store import PrincipalAdmin
from planforge.auth.tokens import TokenInfo, utc_now
from planforge.cli.output import BAD_INPUT_EXIT, error_exit, fail
from planforge.exceptions import PlanforgeError
from planforge.settings import Settings
from planforge.stores.backend import open_principal_store

_T = TypeVar("_T")

org_app = typer.Typer(name="org", help="Organizations that may use the API, and their features.", no_args_is_help=True)
feature_app = typer.Typer(name="feature", help="Give an org features, or take them away.", no_args_is_help=True)
org_app.add_typer(feature_app, name="feature")
token_app = typer.Typer(name="token", help="API tokens (bearer or X-API-Key) for an org.", no_args_is_help=True)

OrgArgument = Annotated[str, typer.Argument(help="The org ID, as requests send it in org_id.", show_default=False)]
FeaturesArgument = Annotated[list[str], typer.Argument(help="Feature names, e.g. coach_agent.", show_default=False)]

_DURATION = re.compile(r"^\s*(\d+)\s*([dhm])\s*$")
_DURATION_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def _org_id(value: str) -> str:
    org_id = value.strip()
    if not org_id or len(org_id) > 128:
        raise fail(f"ORG must be 1 to 128 characters, got {value!r}", code=BAD_INPUT_EXIT)
    return org_id


def _role(value: str) -> Role:
    if value not in ROLES:
        raise fail(f"--role must be one of {', '.join(ROLES)}, got {value!r}", code=BAD_INPUT_EXIT)
    return value


def _features(names: list[str] | None) -> list[str]:
    return sorted({name.strip() for name in names or [] if name.strip()})


def _expiry(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    match = _DURATION.match(value)
    if match is None or int(match[1]) == 0:
        raise fail(
            f"--expires-in must be a positive whole number of days, hours or minutes (90d, 12h, 30m), got {value!r}",
            code=BAD_INPUT_EXIT,
        )
    try:
        return utc_now() + dt.timedelta(**{_DURATION_UNITS[match[2]]: int(match[1])})
    except OverflowError:
        raise fail(f"--expires-in is too far in the future: {value!r}", code=BAD_INPUT_EXIT) from None


def _with_store(action: Callable[[PrincipalAdmin], _T]) -> _T:
    """Run `action` on the configured principal store; planforge errors end the command with one line."""
    try:
        store = open_principal_store(Settings())
    except (PlanforgeError, ValidationError) as error:
        raise error_exit(error) from error
    try:
        return action(store)
    except PlanforgeError as error:
        raise error_exit(error) from error
    finally:
        asyncio.run(store.aclose())


@org_app.command("create")
def create_org(
    org: OrgArgument,
    feature: Annotated[
        list[str] | None,
        typer.Option("--feature", help="A feature to enable, e.g. coach_agent (repeatable).", show_default=False),
    ] = None,
) -> None:
    """Create ORG (or add features to it). Generation needs the coach_agent feature."""
    org_id, features = _org_id(org), _features(feature)
    _with_store(lambda store: store.create_org(org_id, features))
    typer.echo(f"org {org_id!r} ready; features: {', '.join(features) or 'none added'}", err=True)


@feature_app.command("add")
def add_features(org: OrgArgument, features: FeaturesArgument) -> None:
    """Enable FEATURES for ORG (creating the org when it does not exist)."""
    org_id, names = _org_id(org), _features(features)

    def add(store: PrincipalAdmin) -> frozenset[str] | None:
        store.create_org(org_id, names)
        return store.org_features(org_id)

    current = _with_store(add)
    typer.echo(f"org {org_id!r} features: {', '.join(sorted(current or ())) or 'none'}")


@feature_app.command("remove")
def remove_features(org: OrgArgument, features: FeaturesArgument) -> None:
    """Take FEATURES away from ORG: its tokens lose them with their next request, on every replica."""
    org_id, names = _org_id(org), _features(features)

    def remove(store: PrincipalAdmin) -> frozenset[str] | None:
        store.remove_features(org_id, names)
        return store.org_features(org_id)

    current = _with_store(remove)
    typer.echo(f"org {org_id!r} features: {', '.join(sorted(current or ())) or 'none'}")


@token_app.command("create")
def create_token(
    org: Annotated[str, typer.Option("--org", help="The org the token belongs to.", show_default=False)],
    role: Annotated[
        str,
        typer.Option("--role", help=f"The caller's role: {', '.join(ROLES)}."),
    ] = "coach",
    expires_in: Annotated[
        str | None,
        typer.Option(
            "--expires-in", help="Expire after this long: 90d, 12h or 30m (default: never).", show_default=False
        ),
    ] = None,
    label: Annotated[
        str | None, typer.Option("--label", help="A name shown by `token list`, e.g. 'ci bot'.", show_default=False)
    ] = None,
) -> None:
    """Create a token for a ROLE in ORG and print it once on stdout (only its hash is stored)."""
    org_id, checked_role, expires_at = _org_id(org), _role(role), _expiry(expires_in)
    name = label.strip() if label and label.strip() else None
    token = _with_store(lambda store: store.create_token(org_id, checked_role, expires_at=expires_at, label=name))
    typer.echo(token)


@token_app.command("list")
def list_tokens(
    org: Annotated[str | None, typer.Option("--org", help="Only this org's tokens.", show_default=False)] = None,
) -> None:
    """List tokens (id, org, role, label, created, expires, status); the tokens themselves are never stored."""
    org_id = None if org is None else _org_id(org)
    tokens = _with_store(lambda store: store.list_tokens(org_id))
    if not tokens:
        typer.echo("no tokens" if org_id is None else f"no tokens for org {org_id!r}")
        return
    Console(width=160).print(_table(tokens, utc_now()))


@token_app.command("revoke")
def revoke_token(
    token: Annotated[str, typer.Argument(help="The token's id (from `token list`) or the token itself.")],
) -> None:
    """Revoke a token: it stops working at once, on every replica."""
    info = _with_store(lambda store: store.revoke_token(token))
    typer.echo(f"token {info.token_id} of org {info.org_id!r} ({info.role}) is revoked")


def _when(moment: dt.datetime | None) -> str:
    return "" if moment is None else moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _table(tokens: list[TokenInfo], now: dt.datetime) -> Table:
    table = Table("id", "org", "role", "label", "created", "expires", "status")
    for info in tokens:
        table.add_row(
            info.token_id,
            info.org_id,
            info.role,
            info.label or "",
            _when(info.created_at),
            _when(info.expires_at) or "never",
            info.status(now),
        )
    return table
