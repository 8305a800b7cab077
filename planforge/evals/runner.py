"""Running a dataset against several models, each within its own limit, with the offline coach as the baseline row.

Latency is each case's own time. Every model has its own concurrency limit, so no case waits behind another
model's cases, and a case's clock starts when its model has a free slot. The offline coach computes in this
process (CPU, not network), so it runs first and the other models then run side by side, none of them slowed
down by its computing. Each model may be served from its own base URL (`planforge.evals.models`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Sequence
from contextlib import AsyncExitStack

from pydantic_ai.models import Model

from planforge.evals.dataset import PlanDataset, case_digests
from planforge.evals.evaluators import PlanEvaluator, PlanJudge
from planforge.evals.metering import CaseMeter, metered, metering_lifecycle
from planforge.evals.models import EvalModel, ModelRow, build_judge, eval_settings, resolve_rows
from planforge.evals.paths import load_library, sample_library_path
from planforge.evals.results import EvalResults, ModelResult, case_results
from planforge.evals.summary import summarize
from planforge.evals.task import plan_task
from planforge.library.store import InMemoryWorkoutLibrary
from planforge.llm import ModelChoice
from planforge.prompts import DEFAULT_PROMPT_VERSION
from planforge.service import PlanForge
from planforge.settings import OFFLINE_MODEL, Settings

CaseDone = Callable[[str], None]
"""Called with the model's name each time one of its case runs finishes (drives a progress bar)."""

DEFAULT_MAX_CONCURRENCY = 4


def with_offline_baseline(models: Sequence[ModelChoice | EvalModel]) -> list[EvalModel]:
    """`models` as EvalModels with the offline coach first: it is run every time and is the baseline row."""
    chosen = [m if isinstance(m, EvalModel) else EvalModel(m) for m in models]
    return [EvalModel(OFFLINE_MODEL), *(m for m in chosen if m.name != OFFLINE_MODEL)]


def with_judge(dataset: PlanDataset, judge: Model | None) -> PlanDataset:
    """The dataset with the LLM judge added to its evaluators when a judge model is configured."""
    if judge is None:
        return dataset
    evaluators: list[PlanEvaluator] = [*dataset.evaluators, PlanJudge(model=judge)]
    return PlanDataset(name=dataset.name, cases=dataset.cases, evaluators=evaluators)


def sample_library(dataset: PlanDataset) -> InMemoryWorkoutLibrary:
    """The sample library (`evals/library/`) as the library of every org the dataset's cases use."""
    workouts = load_library(sample_library_path())
    return InMemoryWorkoutLibrary(dict.fromkeys({case.inputs.org_id for case in dataset.cases}, workouts))


async def run_eval(
    dataset: PlanDataset,
    models: Sequence[ModelChoice | EvalModel],
    *,
    prompt_version: str = DEFAULT_PROMPT_VERSION,
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
    repeat: int = 1,
    judge: ModelChoice | EvalModel | None = None,
    settings: Settings | None = None,
    on_case_done: CaseDone | None = None,
) -> EvalResults:
    """Run every case of `dataset` `repeat` times against the offline coach and each of `models`.

    Each model runs at most `max_concurrency` cases at a time, independently of the others. A case whose
    generation fails is recorded with its error and what its requests spent; it never stops the run. Every
    model is built before any case runs: `ModelSpecError` for a model that cannot be served as named,
    `ConfigurationError` for one that cannot be used (e.g. no API key for it).
    """
    if max_concurrency < 1:
        raise ValueError(f"max_concurrency must be at least 1, got {max_concurrency}")
    if repeat < 1:
        raise ValueError(f"repeat must be at least 1, got {repeat}")
    settings = eval_settings(settings or Settings())
    async with AsyncExitStack() as stack:
        rows = resolve_rows(with_offline_baseline(models), settings, stack)
        judge_name, judge_model = build_judge(judge, settings, stack) if judge is not None else (None, None)
        judged = with_judge(dataset, None if judge_model is None else metered(judge_model, "judge"))

        async def evaluate(row: ModelRow) -> ModelResult:
            return await _evaluate(row, judged, settings, prompt_version, max_concurrency, repeat, on_case_done)

        offline, *others = rows  # the offline coach computes in-process: it runs alone, before the others
        results = [await evaluate(offline), *await asyncio.gather(*(evaluate(row) for row in others))]
    return EvalResults(
        dataset=dataset.name,
        prompt_version=prompt_version,
        judge=judge_name,
        repeat=repeat,
        case_digests=case_digests(dataset),
        created_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        models=results,
    )


async def _evaluate(
    row: ModelRow,
    dataset: PlanDataset,
    settings: Settings,
    prompt_version: str,
    max_concurrency: int,
    repeat: int,
    on_case_done: CaseDone | None,
) -> ModelResult:
    draft_model = metered(row.model, "task")
    forge = PlanForge(
        model=draft_model,
        plan_model=draft_model if row.plan_model is row.model else metered(row.plan_model, "task"),
        settings=settings,
        prompt_version=row.prompt_version or prompt_version,
        library=sample_library(dataset),
    )
    meters: dict[str, CaseMeter] = {}

    def finished(report_name: str, meter: CaseMeter) -> None:
        meters[report_name] = meter
        if on_case_done is not None:
            on_case_done(row.name)

    report = await dataset.evaluate(
        plan_task(forge),
        name=row.name,
        max_concurrency=max_concurrency,  # this model's own limit: its cases never queue behind another model's
        repeat=repeat,
        progress=False,
        lifecycle=metering_lifecycle(finished),
    )
    order = {case.name: index for index, case in enumerate(dataset.cases)}
    cases = sorted(case_results(report, meters), key=lambda case: (order.get(case.name, len(order)), case.run))
    return ModelResult(
        model=row.name,
        baseline=row.name == OFFLINE_MODEL,
        base_url=row.base_url,
        cases=cases,
        summary=summarize(cases),
    )
