"""Where the eval data lives: packaged inside the wheel, or the checkout's `evals/` (as `planforge.prompts`)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from planforge.library.models import LibraryWorkout

_PACKAGED = Path(__file__).parent.parent / "_evals"  # inside a built wheel (see pyproject's force-include)
_SOURCE = Path(__file__).parent.parent.parent / "evals"  # in a source checkout / editable install

DEFAULT_DATASET = "plans.v1"
SAMPLE_LIBRARY_FILE = "sample_library.json"


class EvalDataError(ValueError):
    """An eval dataset or the sample library is missing or invalid; the message names the file and problem."""


def evals_dir() -> Path:
    """The eval data folder: packaged inside the wheel, or the checkout's `evals/`."""
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE


def datasets_dir() -> Path:
    """Where the versioned datasets (`<name>.yaml`) are."""
    return evals_dir() / "datasets"


def dataset_path(name: str) -> Path:
    """The file of dataset `name` ("plans.v1"), or `name` itself when it is the path of a file."""
    as_path = Path(name)
    if as_path.suffix in {".yaml", ".yml", ".json"} and as_path.is_file():
        return as_path
    path = datasets_dir() / f"{name}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in datasets_dir().glob("*.yaml"))
        raise EvalDataError(f"no dataset {name!r}; known datasets: {', '.join(known) or 'none'}")
    return path


def sample_library_path() -> Path:
    """The sample workout library the library cases use."""
    return evals_dir() / "library" / SAMPLE_LIBRARY_FILE


@cache
def load_library(path: Path) -> tuple[LibraryWorkout, ...]:
    """The library workouts of a JSON list file (`planforge library import` format)."""
    try:
        return tuple(TypeAdapter(list[LibraryWorkout]).validate_json(path.read_bytes()))
    except OSError as error:
        raise EvalDataError(f"cannot read the library {path.name!r}: {error.strerror}") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise EvalDataError(f"library {path.name!r}: {where}: {first['msg']}") from None


def sample_library_json() -> str:
    """The sample library as JSON text (for judges and reports)."""
    return json.dumps([w.model_dump(mode="json") for w in load_library(sample_library_path())])
