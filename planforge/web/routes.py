"""Serves the web page at `/` and its files at `/web/<name>`; the page itself talks to the JSON API.

Only the files listed in `ASSETS` are served, so nothing else next to them (or above them) can be read.
The routes stay out of the OpenAPI document: they are the page, not the API.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

STATIC_DIR: Final = Path(__file__).parent / "static"
"""Where the page's files live (shipped inside the wheel with the package)."""

ASSETS: Final = {
    "app.css": "text/css; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "api.js": "text/javascript; charset=utf-8",
    "calendar.js": "text/javascript; charset=utf-8",
    "fields.js": "text/javascript; charset=utf-8",
}
"""Every file the page loads, with its media type."""

CONTENT_SECURITY_POLICY: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
"""The page runs only its own files and talks only to its own server: a pasted draft can never run a script."""

# Revalidate on every load (cheap: FileResponse sends an ETag), so an upgraded server never runs an old script.
_HEADERS: Final = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}

web_router = APIRouter(include_in_schema=False)
"""`GET /` (the page) and `GET /web/<name>` (its files)."""


@web_router.get("/")
async def page() -> FileResponse:
    """The coach's page: token, request, draft, plan calendar and exports."""
    headers = {**_HEADERS, "Content-Security-Policy": CONTENT_SECURITY_POLICY}
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8", headers=headers)


@web_router.get("/web/{name}")
async def asset(name: str) -> FileResponse:
    """One of the page's files; 404 for any other name."""
    media_type = ASSETS.get(name)
    if media_type is None:
        raise HTTPException(status_code=404)
    return FileResponse(STATIC_DIR / name, media_type=media_type, headers=_HEADERS)
