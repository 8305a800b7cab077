"""Running a dataset against several models at once, bounded, with the offline coach as the baseline row."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Sequence

from planforge.domain.requests import DraftRequest
from planforge.evals.dataset import PlanDataset
from planforge.evals.evaluators import PlanEvaluator, PlanJudge
from planforge.evals.paths import load_library, sample_library_path
from planforge.evals.results import EvalResults, ModelResult, case_results, summarize
from planforge.evals.schema import PlanOutcome
from planforge.evals.task import EvalModel, PlanTask, plan_task
from planforge.library.store import InMemoryWorkoutLibrary
from planforge.llm import ModelChoice
from planforge.prompts import DEFAULT_PROMPT_VERSION
from planforge.service import PlanForge
from planforge.settings import OFFLINE_MODEL, Settings

CaseDone = Callable[[str], None]
"""Called with the model's name each time one of its cases finishes (drives a progress bar)."""

DEFAULT_MAX_CONCURRENCY = 4


def with_offline_baseline(models: Sequence[ModelChoice | EvalModel]) -> list[EvalModel]:
    """`models` as EvalModels with the offline coach first: it is run every time and is the baseline row."""
    chosen = [m if isinstance(m, EvalModel) else EvalModel(m) for m in models]
    return [EvalModel(OFFLINE_MODEL), *(m for m in chosen if m.name != OFFLINE_MODEL)]


def with_judge(dataset: PlanDataset, judge: ModelChoice | None) -> PlanDataset:
    """The dataset with the LLM judge added to its evaluators when a judge model is configured."""
    if judge is None:
        return dataset
    evaluators: list[PlanEvaluator] = [*dataset.evaluators, PlanJudge(model=judge)]
    return PlanDataset(name=dataset.name, cases=dataset.cases, evaluators=evaluators)


def sample_library(dataset: PlanDataset) -> InMemoryWorkoutLibrary:
    """The sample library (`evals/library/`) as the library of every org the dataset's cases use."""
    workouts = load_library(sample_library_path())
    return InMemoryWorkoutLibrary(dict.fromkeys({case.inputs.org_id for case in dataset.cases}, workouts))


def _bounded(task: PlanTask, limit: asyncio.Semaphore, done: Callable[[], None]) -> PlanTask:
    async def run(request: DraftRequest) -> PlanOutcome:
        try:
            async with limit:
                return await task(request)
        finally:
            done()

    return run


async def run_eval(
    dataset: PlanDataset,
    models: Sequence[ModelChoice | EvalModel],
    *,
    prompt_version: str = DEFAULT_PROMPT_VERSION,
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
    judge: ModelChoice | None = None,
    settings: Settings | None = None,
    on_case_done: CaseDone | None = None,
) -> EvalResults:
    """Run every case of `dataset` against the offline coach and each of `models`, all models at once.

    At most `max_concurrency` cases run at the same time over all models. A case whose generation fails is
    recorded with its error; it never stops the run. Raises `ConfigurationError` for a model that cannot be
    used (e.g. no API key for it).
    """
    if max_concurrency < 1:
        raise ValueError(f"max_concurrency must be at least 1, got {max_concurrency}")
    settings = settings or Settings()
    chosen = with_offline_baseline(models)
    forges = {
        m.name: PlanForge(
            model=m.model,
            plan_model=m.plan_model if m.plan_model is not None else m.model,
            settings=settings,
            prompt_version=prompt_version,
            library=sample_library(dataset),
        )
        for m in chosen
    }
    judged = with_judge(dataset, judge)
    limit = asyncio.Semaphore(max_concurrency)

    async def evaluate(name: str, forge: PlanForge) -> ModelResult:
        task = _bounded(plan_task(forge), limit, lambda: on_case_done(name) if on_case_done else None)
        report = await judged.evaluate(task, name=name, max_concurrency=max_concurrency, progress=False)
        cases = case_results(report)
        order = {case.name: index for index, case in enumerate(dataset.cases)}
        cases.sort(key=lambda case: order.get(case.name, len(order)))
        return ModelResult(model=name, baseline=name == OFFLINE_MODEL, cases=cases, summary=summarize(cases))

    results = await asyncio.gather(*(evaluate(name, forge) for name, forge in forges.items()))
    return EvalResults(
        dataset=dataset.name,
        prompt_version=prompt_version,
        judge=None if judge is None else judge if isinstance(judge, str) else judge.model_name,
        created_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        models=list(results),
    )
