"""Eval results as plain data: per case run, per model, summarised; saved as JSON and read back as a baseline.

A cost is a number of US dollars or the string "unknown" (genai-prices does not know a model used): it is never
written as 0 when it is not known.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_evals.reporting import EvaluationReport, ReportCase, ReportCaseFailure

from planforge.evals.evaluators.base import NOT_APPLICABLE
from planforge.evals.metering import CaseMeter, Cost, Spend
from planforge.evals.paths import EvalDataError

COMPLETION = "completion"
PASS_RATE = "pass_rate"
LATENCY_P50 = "latency_p50"
LATENCY_P95 = "latency_p95"

TASK_FAILED = "task"
"""The name under which a case's failures list the error of a generation that produced no plan."""


class CaseResult(BaseModel):
    """One run of one case by one model."""

    model_config = ConfigDict(extra="forbid")

    name: str
    run: int = 1
    """Which run of the case this is (1 to `--repeat`)."""
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
    """draft_seconds, plan_seconds."""
    seconds: float | None = None
    """The case's own time (draft + plan, from when its model had a free slot); None when it failed."""
    usage: Spend = Field(default_factory=Spend)
    """What the coach's requests spent on this case, a failed case included."""
    judge_usage: Spend = Field(default_factory=Spend)
    """What the LLM judge's requests spent on this case."""
    error: str | None = None
    """Why the task failed (no plan was produced); evaluator errors are listed in `evaluator_errors`."""
    evaluator_errors: list[str] = Field(default_factory=list[str])
    """`Evaluator: error` for each evaluator that raised (e.g. the LLM judge's provider failing)."""

    @property
    def passed(self) -> bool:
        """A plan was produced, every evaluator ran and every assertion held."""
        return self.error is None and not self.evaluator_errors and all(self.assertions.values())

    def failures(self) -> dict[str, str]:
        """Why the case did not pass: the failed assertion (or `task`, or the evaluator that raised) → reason."""
        if self.error is not None:
            return {TASK_FAILED: self.error}
        failed = {name: self._why(name) for name, held in self.assertions.items() if not held}
        for error in self.evaluator_errors:
            evaluator, _, message = error.partition(": ")
            failed[evaluator] = f"error: {message}"
        return failed

    def _why(self, assertion: str) -> str:
        if reason := self.reasons.get(assertion):
            return reason
        evaluator = assertion.split(".", 1)[0]  # an evaluator without reasons: its main score says how far off
        score = self.scores.get(evaluator)
        return "failed" if score is None else f"failed ({evaluator} score {score:.3f})"


class Spread(BaseModel):
    """A figure over repeated runs: its mean, sample standard deviation, lowest and highest value."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mean: float
    stdev: float
    min: float
    max: float


class ModelSummary(BaseModel):
    """One model's figures over the dataset; with repeated runs, each figure is the mean over the runs."""

    # Results written before usage and spreads were summarised this way still load as baselines.
    model_config = ConfigDict(extra="ignore")

    runs: int = 1
    scores: dict[str, float]
    """Mean of each main score over the cases that report it, plus `completion` and `pass_rate`."""
    spread: dict[str, Spread] = Field(default_factory=dict[str, Spread])
    """Each score, `latency_p50` and `latency_p95` over the runs (stdev 0 for a single run)."""
    latency_p50: float | None
    latency_p95: float | None
    flaky_cases: int = 0
    """Cases that passed in some runs and failed in others."""
    evaluator_errors: int = 0
    """Case runs in which an evaluator raised (its result is missing, never counted as 0)."""
    usage: Spend = Field(default_factory=Spend)
    """What the coach's requests spent over all runs, failed cases included."""
    judge_usage: Spend = Field(default_factory=Spend)
    """What the LLM judge's requests spent over all runs."""

    @property
    def cost_usd(self) -> Cost:
        """The coach's and the judge's cost together."""
        return (self.usage + self.judge_usage).cost_usd


class ModelResult(BaseModel):
    """Every case run of one model, and its summary."""

    model_config = ConfigDict(extra="forbid")

    model: str
    baseline: bool = False
    """The offline coach: the row every other model is compared with."""
    base_url: str | None = None
    """The OpenAI-compatible server the model was served from, if not its provider."""
    cases: list[CaseResult]
    summary: ModelSummary


class EvalResults(BaseModel):
    """One eval run: a dataset against several models (the JSON file the runner writes)."""

    model_config = ConfigDict(extra="forbid")

    dataset: str
    prompt_version: str
    judge: str | None = None
    repeat: int = 1
    """How often each model ran each case."""
    case_digests: dict[str, str] = Field(default_factory=dict[str, str])
    """Case → digest of its request and expectations: a case edited since a baseline is not compared with it."""
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


_RUN_SUFFIX = re.compile(r" \[(\d+)/\d+\]$")


def _run_of(case: ReportCase[Any, Any, Any] | ReportCaseFailure[Any, Any, Any]) -> tuple[str, int]:
    """The case's own name and its run number (pydantic-evals names repeated runs `name [2/3]`)."""
    run = _RUN_SUFFIX.search(case.name)
    if case.source_case_name is None or run is None:
        return case.name, 1
    return case.source_case_name, int(run[1])


def case_results(report: EvaluationReport[Any, Any, Any], meters: dict[str, CaseMeter]) -> list[CaseResult]:
    """Plain results of a pydantic-evals report, failed cases included, with what each case run spent."""
    results: list[CaseResult] = []
    for case in report.cases:
        name, run = _run_of(case)
        meter = meters.get(case.name, CaseMeter())
        results.append(
            CaseResult(
                name=name,
                run=run,
                scores={key: float(result.value) for key, result in case.scores.items()},
                assertions={key: bool(result.value) for key, result in case.assertions.items()},
                reasons={
                    key: result.reason
                    for key, result in [*case.scores.items(), *case.assertions.items()]
                    if result.reason
                },
                labels={k: str(r.value) for k, r in case.labels.items() if not k.endswith(f".{NOT_APPLICABLE}")},
                not_applicable={
                    key.removesuffix(f".{NOT_APPLICABLE}"): str(r.value)
                    for key, r in case.labels.items()
                    if key.endswith(f".{NOT_APPLICABLE}")
                },
                metrics={key: float(value) for key, value in case.metrics.items()},
                seconds=case.task_duration,
                usage=meter.of("task"),
                judge_usage=meter.of("judge"),
                evaluator_errors=[f"{f.name}: {f.error_message}" for f in case.evaluator_failures],
            )
        )
    for failure in report.failures:
        name, run = _run_of(failure)
        meter = meters.get(failure.name, CaseMeter())
        results.append(
            CaseResult(
                name=name, run=run, usage=meter.of("task"), judge_usage=meter.of("judge"), error=failure.error_message
            )
        )
    return results
