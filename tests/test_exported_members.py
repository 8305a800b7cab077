"""The public API is exactly what `planforge.__all__` names, and each name resolves."""

from __future__ import annotations

import planforge


def test_public_names_resolve() -> None:
    for name in planforge.__all__:
        assert getattr(planforge, name) is not None, name


def test_public_api_is_pinned() -> None:
    assert set(planforge.__all__) >= {"PlanForge", "DraftRequest", "PlanRequest", "Plan", "DraftResult", "Event"}
    assert sorted(planforge.__all__) == planforge.__all__
