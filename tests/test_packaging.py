"""The built wheel carries the prompts and eval datasets, and the package finds them there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds a wheel and imports it in a new interpreter: a few seconds

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([uv, "build", "--wheel", "--out-dir", str(out), str(ROOT)], check=True, capture_output=True)
    [built] = out.glob("planforge-*.whl")
    return built


def test_wheel_ships_every_prompt_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    prompts = {f"planforge/_prompts/{p.relative_to(ROOT / 'prompts')}" for p in (ROOT / "prompts").rglob("*.md")}
    assert prompts
    assert prompts <= names


def test_wheel_ships_the_eval_datasets_and_typing_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "planforge/_evals/datasets/plans.v1.yaml" in names
    assert "planforge/py.typed" in names


def test_installed_package_loads_prompts_from_inside_itself(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    code = (
        "from planforge.prompts import prompts_dir, load_prompt; load_prompt('plan', 'request'); print(prompts_dir())"
    )
    # PYTHONPATH puts the unpacked wheel before the editable checkout; its dependencies come from this venv.
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "planforge" / "_prompts")
