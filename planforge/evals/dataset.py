"""Loading an eval dataset: a pydantic-evals YAML file of golden cases, validated against the case types."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_evals import Dataset

from planforge.domain.requests import DraftRequest
from planforge.evals.evaluators import EVALUATOR_TYPES
from planforge.evals.paths import DEFAULT_DATASET, EvalDataError, dataset_path
from planforge.evals.schema import CaseExpectations, PlanOutcome

PlanDataset = Dataset[DraftRequest, PlanOutcome, CaseExpectations]
"""A dataset of plan cases: request in, draft and plan out, golden draft and properties as metadata."""


def load_dataset(name: str = DEFAULT_DATASET) -> PlanDataset:
    """Dataset `name` (e.g. "plans.v1", from the packaged or checkout `evals/datasets/`), or a file path.

    Raises `EvalDataError` naming the file, the case and the field when the file is invalid.
    """
    path = dataset_path(name)
    try:
        return PlanDataset.from_file(path, custom_evaluator_types=EVALUATOR_TYPES)
    except ValidationError as error:
        raise EvalDataError(f"dataset {path.name!r}: {_first_problem(error, path)}") from None
    except ExceptionGroup as group:
        messages = "; ".join(str(exception) for exception in group.exceptions)
        raise EvalDataError(f"dataset {path.name!r}: {messages}") from None
    except (OSError, ValueError) as error:
        raise EvalDataError(f"dataset {path.name!r}: {error}") from None


def _first_problem(error: ValidationError, path: Path) -> str:
    first = error.errors()[0]
    location = list(first["loc"])
    where = ".".join(str(part) for part in location)
    if len(location) > 1 and location[0] == "cases" and isinstance(location[1], int):
        where = f"case {_case_name(path, location[1])!r}: {'.'.join(str(p) for p in location[2:])}"
    return f"{where}: {first['msg']} ({len(error.errors())} problem(s) in all)"


def _case_name(path: Path, index: int) -> str:
    import yaml

    try:
        cases: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        return str(cases[index].get("name", f"#{index + 1}"))
    except (OSError, KeyError, IndexError, TypeError, yaml.YAMLError):
        return f"#{index + 1}"


def dataset_schema() -> str:
    """The JSON schema of a plan dataset file (what `evals/datasets/<name>_schema.json` holds)."""
    schema = PlanDataset.model_json_schema_with_evaluators(EVALUATOR_TYPES)
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
