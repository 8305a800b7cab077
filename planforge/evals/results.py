"""Eval results as plain data: per case, per model, summarised; saved as JSON and read back as a baseline."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_evals.reporting import EvaluationReport

from planforge.evals.evaluators import MAIN_SCORES
from planforge.evals.evaluators.base import NOT_APPLICABLE
from planforge.evals.paths import EvalDataError

COMPLETION = "completion"
PASS_RATE = "pass_rate"


class CaseResult(BaseModel):
    """One case run by one model."""

    model_config = ConfigDict(extra="forbid")

    name: str
    scores: dict[str, float] = Field(default_factory=dict[str, float])
    """Every score the evaluators reported: main scores (`coaching`) and details (`coaching.taper.value`)."""
    assertions: dict[str, bool] = Field(default_factory=dict[str, bool])
    reasons: dict[str, str] = Field(default_factory=dict[str, str])
    """Why, for the results that gave a reason (a failed v2 check, the LLM judge)."""
    labels: dict[str, str] = Field(default_factory=dict[str, str])
    """What the evaluators reported in words (`language.detected`, `peak_long.run`: "within")."""
    not_applicable: dict[str, str] = Field(default_factory=dict[str, str])
    """Evaluator → why it had nothing to check on this case (neither a pass nor a fail)."""
    metrics: dict[str, float] = Field(default_factory=dict[str, float])
    """draft_seconds, plan_seconds, requests, input_tokens, output_tokens, cost_usd (when known)."""
    seconds: float | None = None
    """Wall time of the task (draft + plan); None when it failed."""
    error: str | None = None
    """Why the task failed (no plan was produced); evaluator errors are listed in `evaluator_errors`."""
    evaluator_errors: list[str] = Field(default_factory=list[str])

    @property
    def passed(self) -> bool:
        """A plan was produced and every assertion held."""
        return self.error is None and not self.evaluator_errors and all(self.assertions.values())


class ModelSummary(BaseModel):
    """One model's figures over the dataset."""

    model_config = ConfigDict(extra="forbid")

    scores: dict[str, float]
    """Mean of each main score over the cases that report it, plus `completion` and `pass_rate`."""
    latency_p50: float | None
    latency_p95: float | None
    requests: int
    input_tokens: int
    output_tokens: int
    cost_usd: float | None
    """Total estimated cost; None when genai-prices does not know a model used."""


class ModelResult(BaseModel):
    """Every case of one model, and its summary."""

    model_config = ConfigDict(extra="forbid")

    model: str
    baseline: bool = False
    """The offline coach: the row every other model is compared with."""
    cases: list[CaseResult]
    summary: ModelSummary


class EvalResults(BaseModel):
    """One eval run: a dataset against several models (the JSON file the runner writes)."""

    model_config = ConfigDict(extra="forbid")

    dataset: str
    prompt_version: str
    judge: str | None = None
    created_at: dt.datetime
    models: list[ModelResult]

    def model(self, name: str) -> ModelResult | None:
        """The result of model `name`, if it was run."""
        return next((result for result in self.models if result.model == name), None)

    def save(self, path: Path) -> None:
        """Write the results as JSON."""
        path.write_text(self.model_dump_json(indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> EvalResults:
        """Read results written by `save`; `EvalDataError` names the file and problem otherwise."""
        try:
            return cls.model_validate_json(path.read_bytes())
        except OSError as error:
            raise EvalDataError(f"cannot read results {str(path)!r}: {error.strerror}") from None
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "file"
            raise EvalDataError(
                f"results {path.name!r} are not planforge eval results: {where}: {first['msg']}"
            ) from None


def case_results(report: EvaluationReport[Any, Any, Any]) -> list[CaseResult]:
    """Plain results of a pydantic-evals report, failed cases included."""
    results = [
        CaseResult(
            name=case.name,
            scores={name: float(result.value) for name, result in case.scores.items()},
            assertions={name: bool(result.value) for name, result in case.assertions.items()},
            reasons={
                name: result.reason
                for name, result in [*case.scores.items(), *case.assertions.items()]
                if result.reason
            },
            labels={name: str(r.value) for name, r in case.labels.items() if not name.endswith(f".{NOT_APPLICABLE}")},
            not_applicable={
                name.removesuffix(f".{NOT_APPLICABLE}"): str(r.value)
                for name, r in case.labels.items()
                if name.endswith(f".{NOT_APPLICABLE}")
            },
            metrics=_metrics(case.metrics, case.attributes),
            seconds=case.task_duration,
            evaluator_errors=[f"{f.name}: {f.error_message}" for f in case.evaluator_failures],
        )
        for case in report.cases
    ]
    results += [CaseResult(name=failure.name, error=failure.error_message) for failure in report.failures]
    return results


def _metrics(metrics: dict[str, float | int], attributes: dict[str, Any]) -> dict[str, float]:
    figures = {name: float(value) for name, value in metrics.items()}
    cost = attributes.get("cost_usd")
    if isinstance(cost, int | float):
        figures["cost_usd"] = float(cost)
    return figures


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest-rank percentile (share 0.5 → median); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summarize(cases: Sequence[CaseResult]) -> ModelSummary:
    """Means of the main scores, completion and pass rate, latency percentiles, token and cost totals."""
    scores: dict[str, float] = {}
    for name in MAIN_SCORES:
        values = [case.scores[name] for case in cases if name in case.scores]
        if values:
            scores[name] = round(sum(values) / len(values), 4)
    total = len(cases) or 1
    scores[COMPLETION] = round(sum(case.error is None for case in cases) / total, 4)
    scores[PASS_RATE] = round(sum(case.passed for case in cases) / total, 4)
    done = [case for case in cases if case.error is None]
    seconds = [case.seconds for case in done if case.seconds is not None]
    costs_known = all("cost_usd" in case.metrics for case in done)
    return ModelSummary(
        scores=scores,
        latency_p50=percentile(seconds, 0.5),
        latency_p95=percentile(seconds, 0.95),
        requests=int(sum(case.metrics.get("requests", 0) for case in done)),
        input_tokens=int(sum(case.metrics.get("input_tokens", 0) for case in done)),
        output_tokens=int(sum(case.metrics.get("output_tokens", 0) for case in done)),
        cost_usd=round(sum(case.metrics["cost_usd"] for case in done), 6) if costs_known else None,
    )
