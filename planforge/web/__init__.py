"""The coach's web page: plain HTML, CSS and JavaScript modules (no build step) over the AI-coach API.

`create_app` includes `web_router`, so `planforge serve` shows the page at `/`.
"""

from planforge.web.routes import web_router

__all__ = ["web_router"]
