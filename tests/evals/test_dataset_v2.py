"""Dataset v2: the default, loaded from one file or a folder of parts; v1 stays loadable as history."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from planforge.evals.dataset import dataset_schema, load_dataset
from planforge.evals.evaluators import V2_EVALUATORS
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.paths import DEFAULT_DATASET, EvalDataError
from planforge.evals.schema import CaseExpectations


def case(name: str, **metadata: object) -> dict[str, object]:
    return {
        "name": name,
        "inputs": {"weeks": 1, "level": "beginner", "org_id": "eval"},
        "metadata": {"goal": "5K", "golden_draft": "Week 1\n- Sunday: Race: 5K", **metadata},
    }


def write(path: Path, *cases: dict[str, object]) -> Path:
    path.write_text(yaml.safe_dump({"cases": list(cases)}), encoding="utf-8")
    return path


def test_the_default_dataset_is_v2_judged_by_the_v2_evaluators() -> None:
    dataset = load_dataset()
    assert DEFAULT_DATASET == "plans.v2"
    assert all(isinstance(c.metadata, CaseExpectationsV2) for c in dataset.cases)
    assert [type(e) for e in dataset.evaluators] == list(V2_EVALUATORS)


def test_a_folder_of_parts_is_one_dataset(tmp_path: Path) -> None:
    write(tmp_path / "running.yaml", case("a-5k"), case("b-10k"))
    write(tmp_path / "multisport.yaml", case("c-sprint", language="de"))
    dataset = load_dataset(str(tmp_path))
    assert sorted(c.name for c in dataset.cases) == ["a-5k", "b-10k", "c-sprint"]
    assert load_dataset(str(tmp_path / "running.yaml")).name == "running"


def test_a_case_in_two_parts_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "one.yaml", case("same"))
    write(tmp_path / "two.yaml", case("same"))
    with pytest.raises(EvalDataError, match=re.escape("'same' is in both 'one.yaml' and 'two.yaml'")):
        load_dataset(str(tmp_path))


def test_a_bad_case_is_named_with_its_field(tmp_path: Path) -> None:
    write(tmp_path / "bad.yaml", case("ok"), case("broken", language="xx"))
    with pytest.raises(EvalDataError, match=re.escape("case 'broken': metadata.language")):
        load_dataset(str(tmp_path / "bad.yaml"))


def test_v1_loads_as_history_with_its_own_expectations() -> None:
    dataset = load_dataset("plans.v1")
    assert all(isinstance(c.metadata, CaseExpectations) for c in dataset.cases)


def test_the_v2_schema_describes_v2_expectations() -> None:
    schema = json.loads(dataset_schema("v2"))
    assert "CaseExpectationsV2" in json.dumps(schema)
    assert "RaceCheck" in json.dumps(schema)


def test_dataset_v2_covers_what_the_issue_asks() -> None:
    cases = load_dataset().cases
    expectations = [c.metadata for c in cases if isinstance(c.metadata, CaseExpectationsV2)]
    assert len(cases) >= 60
    assert {"de", "fr", "es", "it", "pt", "nl"} <= {e.language for e in expectations}
    assert {c.inputs.level for c in cases} == {"beginner", "intermediate", "advanced"}
    assert {c.inputs.workout_preference for c in cases} == {"ai_generate", "prefer_existing", "strict_existing"}
    assert {1, 52} <= {c.inputs.weeks for c in cases}
    distances = {e.race.distance for e in expectations if e.race is not None}
    assert {"5k", "marathon", "sprint-triathlon", "ironman"} <= distances
