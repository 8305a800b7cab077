"""Where the eval data lives: packaged inside the wheel, or the checkout's `evals/` (as `planforge.prompts`)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from planforge.library.models import LibraryWorkout

_PACKAGED = Path(__file__).parent.parent / "_evals"  # inside a built wheel (see pyproject's force-include)
_SOURCE = Path(__file__).parent.parent.parent / "evals"  # in a source checkout / editable install

DEFAULT_DATASET = "plans.v2"
"""What `planforge eval` runs: dataset v2 (plans.v1 stays loadable, as history)."""
SAMPLE_LIBRARY_FILE = "sample_library.json"


class EvalDataError(ValueError):
    """An eval dataset or the sample library is missing or invalid; the message names the file and problem."""


def evals_dir() -> Path:
    """The eval data folder: packaged inside the wheel, or the checkout's `evals/`."""
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE


def datasets_dir() -> Path:
    """Where the versioned datasets (`<name>.yaml`) are."""
    return evals_dir() / "datasets"


_DATASET_SUFFIXES = {".yaml", ".yml", ".json"}
_UNLISTED = {"sealed"}  # held out: never loaded by name, never listed


def dataset_path(name: str) -> Path:
    """The single file of dataset `name` ("plans.v1"), or `name` itself when it is the path of a file."""
    sources = dataset_sources(name)
    if len(sources) != 1:
        raise EvalDataError(f"dataset {name!r} is in {len(sources)} parts, not one file")
    return sources[0]


def dataset_sources(name: str) -> list[Path]:
    """The file(s) dataset `name` is made of, in order.

    `name` may be a file or a folder of part files (each `*.yaml` in it, by name), or a dataset name under
    `evals/datasets/`: `<name>.yaml` when it exists, else the folder of its parts (`plans.v2` → `v2/`).
    """
    as_path = Path(name)
    if as_path.suffix in _DATASET_SUFFIXES and as_path.is_file():
        return [as_path]
    if as_path.is_dir():
        return _parts(as_path)
    root = datasets_dir()
    if (root / f"{name}.yaml").is_file():
        return [root / f"{name}.yaml"]
    version = name.removeprefix("plans.")
    for folder in (root / version, root / name):
        if folder.name not in _UNLISTED and folder.is_dir():
            return _parts(folder)
    raise EvalDataError(f"no dataset {name!r}; known datasets: {', '.join(known_datasets()) or 'none'}")


def _parts(folder: Path) -> list[Path]:
    parts = sorted(p for p in folder.iterdir() if p.suffix in {".yaml", ".yml"} and not p.stem.endswith("_schema"))
    if not parts:
        raise EvalDataError(f"dataset folder {str(folder)!r} holds no YAML part")
    return parts


def known_datasets() -> list[str]:
    """The dataset names under `evals/datasets/`: files by stem, part folders by folder name."""
    root = datasets_dir()
    files = [p.stem for p in root.glob("*.yaml")]
    folders = [p.name for p in root.iterdir() if p.is_dir() and p.name not in _UNLISTED] if root.is_dir() else []
    return sorted([*files, *folders])


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
