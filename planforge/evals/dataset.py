"""Loading an eval dataset: pydantic-evals YAML of golden cases, validated against the case types.

Dataset v2 (`plans.v2`, the default) may be one file or a folder of parts (`evals/datasets/v2/*.yaml`, e.g. one
per coach); its cases carry `CaseExpectationsV2` and are judged by the v2 evaluators. Dataset v1 (`plans.v1`)
stays loadable as history, with its own evaluators. A file is v1 when its cases state `race` as true/false.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

import yaml
from pydantic import ValidationError
from pydantic_core import to_jsonable_python
from pydantic_evals import Dataset

from planforge.domain.requests import DraftRequest
from planforge.evals.evaluators import EVALUATOR_TYPES, V2_EVALUATORS
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.paths import DEFAULT_DATASET, EvalDataError, dataset_sources
from planforge.evals.schema import CaseExpectations, PlanOutcome

PlanDataset = Dataset[DraftRequest, PlanOutcome, Any]
"""A dataset of plan cases: request in, draft and plan out; metadata `CaseExpectations` (v1) or
`CaseExpectationsV2` (v2)."""

PlanDatasetV1 = Dataset[DraftRequest, PlanOutcome, CaseExpectations]
PlanDatasetV2 = Dataset[DraftRequest, PlanOutcome, CaseExpectationsV2]

DatasetVersion = Literal["v1", "v2"]
_D = TypeVar("_D", PlanDatasetV1, PlanDatasetV2)


def load_dataset(name: str = DEFAULT_DATASET) -> PlanDataset:
    """Dataset `name` ("plans.v2", "plans.v1", from the packaged or checkout `evals/datasets/`), or a file or
    folder of parts.

    Raises `EvalDataError` naming the file, the case and the field when the data is invalid.
    """
    sources = dataset_sources(name)
    data = [_read(path) for path in sources]
    if dataset_version(data[0]) == "v1":
        if len(sources) > 1:
            raise EvalDataError(f"dataset {name!r}: v1 datasets are one file, got {len(sources)} parts")
        first = data[0]
        return _validated(sources[0], first, lambda: PlanDatasetV1.from_dict(first, EVALUATOR_TYPES))
    merged = merge_parts(data, sources, default_name=_dataset_name(name, sources))
    dataset: PlanDatasetV2 = _validated(sources[0], merged, lambda: PlanDatasetV2.from_dict(merged, V2_EVALUATORS))
    if dataset.evaluators:
        return dataset
    return PlanDatasetV2(name=dataset.name, cases=dataset.cases, evaluators=[kind() for kind in V2_EVALUATORS])


def dataset_version(data: dict[str, Any]) -> DatasetVersion:
    """v1 when the cases state `race` as true/false (v1's `CaseExpectations`), else v2."""
    metadata = [cast(dict[str, Any], case.get("metadata") or {}) for case in _cases(data)]
    return "v1" if any(isinstance(m.get("race"), bool) for m in metadata) else "v2"


def merge_parts(parts: list[dict[str, Any]], sources: list[Path], *, default_name: str) -> dict[str, Any]:
    """The parts of a dataset as one: their cases in order, the first part's name and evaluators.

    Raises `EvalDataError` when two parts hold a case of the same name.
    """
    seen: dict[str, Path] = {}
    cases: list[dict[str, Any]] = []
    for part, source in zip(parts, sources, strict=True):
        for case in _cases(part):
            case_name = str(case.get("name", ""))
            if case_name in seen:
                raise EvalDataError(f"case {case_name!r} is in both {seen[case_name].name!r} and {source.name!r}")
            seen[case_name] = source
            cases.append(case)
    evaluators = next((cast(list[Any], p["evaluators"]) for p in parts if p.get("evaluators")), list[Any]())
    name: object = parts[0].get("name") if len(parts) == 1 else None
    return {"name": name or default_name, "cases": cases, "evaluators": evaluators}


def _dataset_name(name: str, sources: list[Path]) -> str:
    if len(sources) == 1:
        return sources[0].stem
    return name if name.startswith("plans.") else f"plans.{Path(name).name}"


def _read(path: Path) -> dict[str, Any]:
    try:
        loaded: object = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise EvalDataError(f"dataset {path.name!r}: {error}") from None
    if not isinstance(loaded, dict):
        raise EvalDataError(f"dataset {path.name!r}: expected a mapping with `cases`")
    return cast(dict[str, Any], loaded)


def _cases(data: dict[str, Any]) -> list[dict[str, Any]]:
    return cast(list[dict[str, Any]], data.get("cases") or [])


def _validated(path: Path, data: dict[str, Any], build: Callable[[], _D]) -> _D:
    try:
        return build()
    except ValidationError as error:
        raise EvalDataError(f"dataset {path.name!r}: {_first_problem(error, data)}") from None
    except ExceptionGroup as group:
        messages = "; ".join(str(exception) for exception in group.exceptions)
        raise EvalDataError(f"dataset {path.name!r}: {messages}") from None
    except ValueError as error:
        raise EvalDataError(f"dataset {path.name!r}: {error}") from None


def _first_problem(error: ValidationError, data: dict[str, Any]) -> str:
    first = error.errors()[0]
    location = list(first["loc"])
    where = ".".join(str(part) for part in location)
    if len(location) > 1 and location[0] == "cases" and isinstance(location[1], int):
        cases = _cases(data)
        index = location[1]
        case_name = cases[index].get("name", f"#{index + 1}") if index < len(cases) else f"#{index + 1}"
        where = f"case {case_name!r}: {'.'.join(str(p) for p in location[2:])}"
    return f"{where}: {first['msg']} ({len(error.errors())} problem(s) in all)"


def dataset_schema(version: DatasetVersion = "v1") -> str:
    """The JSON schema of a plan dataset file (what `evals/datasets/plans.<version>_schema.json` holds)."""
    if version == "v1":
        schema = PlanDatasetV1.model_json_schema_with_evaluators(EVALUATOR_TYPES)
    else:
        schema = PlanDatasetV2.model_json_schema_with_evaluators(V2_EVALUATORS)
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def case_digests(dataset: PlanDataset) -> dict[str, str]:
    """Case name → a digest of its request, expectations and own evaluators: edited cases get another digest."""
    digests: dict[str, str] = {}
    for case in dataset.cases:
        material = {
            "inputs": to_jsonable_python(case.inputs),
            "metadata": to_jsonable_python(case.metadata),
            "evaluators": [repr(evaluator) for evaluator in case.evaluators],
        }
        text = json.dumps(material, sort_keys=True, ensure_ascii=False)
        digests[case.name or ""] = hashlib.sha256(text.encode()).hexdigest()[:16]
    return digests
