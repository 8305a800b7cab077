"""planforge over HTTP: the standalone app factory, the mountable AI-coach router and the export router.

A host app mounts `router` (generation, principles) and, for downloads, `export_router`; `create_app` mounts both.
"""

from planforge.http.app import create_app
from planforge.http.export import export_router
from planforge.http.router import router
from planforge.http.state import PlanforgeState, install_planforge

__all__ = ["PlanforgeState", "create_app", "export_router", "install_planforge", "router"]
