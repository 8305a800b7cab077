"""Each latency benchmark's main() runs end to end with tiny parameters, so the scripts don't rot.

No figures are asserted here (performance is measured by running the scripts, not by tests); what is asserted
is that each script runs and prints its verdict or figures.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"
FAST = ["--scale", "1000"]  # TTFT 0.5 ms, 80k tokens/s: the simulated waits all but vanish


SCRIPTS = (
    "latency_scenarios",
    "conversion_speedup",
    "overhead",
    "first_workout",
    "outline_speedup",
    "concurrent_plans",
)


@pytest.fixture
def benchmarks_importable(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """benchmarks/ on sys.path (the scripts import their shared module as a sibling), and gone again after.

    The test session's own objects are frozen meanwhile: a script's `gc.collect()` (overhead.py runs one before
    each timed side) then walks only what the script made, not the whole session's heap (a second per test).
    """
    monkeypatch.setattr(sys, "path", [str(BENCHMARKS), *sys.path])
    gc.freeze()
    yield
    gc.unfreeze()
    for name in SCRIPTS:
        sys.modules.pop(name, None)


@pytest.mark.parametrize(
    ("script", "argv", "printed"),
    [
        ("conversion_speedup", [*FAST, "--weeks", "2", "--runs", "1"], "speedup ×"),
        ("overhead", ["--weeks", "2", "--runs", "1"], "target: planforge ≤ ×1.3"),
        ("first_workout", [*FAST, "--weeks", "4", "--runs", "1"], "first workout / one chunk"),
        ("outline_speedup", [*FAST, "--weeks", "16", "--runs", "1"], "speedup ×"),
        ("concurrent_plans", [*FAST, "--weeks", "2", "--plans", "3"], "p99"),
    ],
)
@pytest.mark.usefixtures("benchmarks_importable")
def test_benchmark_main_runs(script: str, argv: list[str], printed: str, capsys: pytest.CaptureFixture[str]) -> None:
    importlib.import_module(script).main(argv)
    assert printed in capsys.readouterr().out
