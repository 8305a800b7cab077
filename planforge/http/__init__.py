"""planforge over HTTP: the standalone app factory and the mountable AI-coach router."""

from planforge.http.app import create_app
from planforge.http.router import router
from planforge.http.state import PlanforgeState, install_planforge

__all__ = ["PlanforgeState", "create_app", "install_planforge", "router"]
