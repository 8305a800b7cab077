"""Meta-evaluation: the harness judged against references not derived from it.

The golden drafts (written blind by coaches) must pass every deterministic evaluator; each deliberately bad
coach (`planforge.testing.bad_coaches`) must fail on the cases its flaw applies to. Every draft is converted by
the public offline pipeline (`PlanForge(model="offline").generate_plan`), once: conversions are cached by
request and draft text.

Which bad drafts "should fail" (the denominator of `MetaSummary.bad_caught`), as a rule:
- only a draft whose flaw makes the plan actually bad on that case: a bad coach writes nothing (None) where its
  flaw cannot apply or would not be a flaw there (no day constraint to ignore, no swim to oversize, a race-week-
  only plan whose sessions are short by design, a ride "spike" that no source calls one), and nothing when its
  change leaves the golden plan as it was;
- only a draft the offline pipeline could convert (the others are counted apart, as `unconverted`);
- and a draft is caught only by an evaluator that passes the same case's golden and echo drafts: a check the
  reference already fails there tells nothing about the bad coach.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from pydantic_evals import Case
from pydantic_evals.evaluators import EvaluationReason, EvaluatorContext

from planforge import DraftRequest, Plan, PlanForge, PlanforgeError, PlanRequest
from planforge.evals.dataset import PlanDataset
from planforge.evals.evaluators import DraftFidelity, GoldenSimilarity, LongSessionShare
from planforge.evals.evaluators.base import NOT_APPLICABLE
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.runner import sample_library
from planforge.evals.schema import PlanOutcome
from planforge.testing.bad_coaches import BAD_COACHES, ECHO_COACH, REFERENCE_COACH, Coach, CoachCase

NOT_JUDGING: Final = (DraftFidelity, GoldenSimilarity, LongSessionShare)
"""Evaluators meta-evaluation leaves out: fidelity compares the offline parser's reading of a draft with the
offline conversion of the same draft (always faithful here), and similarity and long-session share are
information with no assertion."""

CONVERSION_FAILED = "conversion"
"""The pseudo-evaluator a draft fails when the offline pipeline cannot convert it."""


@dataclass(frozen=True)
class Verdict:
    """One coach's draft for one case, judged."""

    coach: str
    case: str
    failed: dict[str, str]
    """Evaluator name → why, for every evaluator whose assertion failed."""
    applied: frozenset[str]
    """Evaluators that reported an assertion (the others did not apply)."""

    @property
    def passed(self) -> bool:
        return not self.failed


@dataclass
class Converter:
    """Converts drafts with one offline PlanForge, each (request, draft) once."""

    forge: PlanForge
    cache: dict[tuple[str, str], Plan | str] = field(default_factory=dict[tuple[str, str], Plan | str])

    async def plan(self, request: DraftRequest, draft: str) -> Plan | str:
        """The plan of `draft`, or the error message when it cannot be converted."""
        key = (request.model_dump_json(), draft)
        if key not in self.cache:
            try:
                self.cache[key] = await self.forge.generate_plan(
                    PlanRequest(**request.model_dump(), refined_draft=draft)
                )
            except PlanforgeError as error:
                self.cache[key] = error.message
        return self.cache[key]


def offline_converter(dataset: PlanDataset) -> Converter:
    """A converter on the offline coach, with the sample library the dataset's library cases use."""
    return Converter(PlanForge(model="offline", library=sample_library(dataset)))


def judge(
    dataset: PlanDataset, case: Case[DraftRequest, PlanOutcome, CaseExpectationsV2], draft: str, plan: Plan
) -> tuple[dict[str, str], frozenset[str]]:
    """Run the dataset's evaluators on one draft and its plan: the failed assertions (with reasons) and the
    evaluators that applied."""
    ctx = EvaluatorContext[DraftRequest, PlanOutcome, CaseExpectationsV2](
        name=case.name,
        inputs=case.inputs,
        metadata=case.metadata,
        expected_output=None,
        output=PlanOutcome(draft=draft, plan=plan),
        duration=0.0,
        _span_tree=None,  # pyright: ignore[reportArgumentType]  # no task span: the evaluators read none
        attributes={},
        metrics={},
    )
    failed: dict[str, str] = {}
    applied: set[str] = set()
    for evaluator in dataset.evaluators:
        if isinstance(evaluator, NOT_JUDGING):
            continue
        output = evaluator.evaluate_sync(ctx)
        if not isinstance(output, dict):
            continue
        for key, value in output.items():
            if key.endswith(f".{NOT_APPLICABLE}") or not key.endswith(".ok"):
                continue
            name = key.removesuffix(".ok")
            applied.add(name)
            ok = value.value if isinstance(value, EvaluationReason) else value
            if ok is not True:
                reason = value.reason if isinstance(value, EvaluationReason) else None
                failed[name] = reason or "failed"
    return failed, frozenset(applied)


async def coach_case(
    converter: Converter, case: Case[DraftRequest, PlanOutcome, CaseExpectationsV2]
) -> CoachCase | str:
    """What the coaches are given for `case`: its golden draft converted; the error when it does not convert."""
    assert case.metadata is not None
    golden = await converter.plan(case.inputs, case.metadata.golden_draft)
    if isinstance(golden, str):
        return golden
    return CoachCase(case.inputs, case.metadata, golden)


async def meta_evaluate(
    dataset: PlanDataset,
    coaches: Sequence[Coach] = (REFERENCE_COACH, ECHO_COACH, *BAD_COACHES),
    converter: Converter | None = None,
) -> list[Verdict]:
    """Every coach on every case its flaw applies to (the reference and echo coaches on every case)."""
    converter = converter or offline_converter(dataset)
    verdicts: list[Verdict] = []
    for case in dataset.cases:
        given = await coach_case(converter, case)
        for coach in coaches:
            verdict = await _verdict(dataset, converter, case, given, coach)
            if verdict is not None:
                verdicts.append(verdict)
    return verdicts


async def _verdict(
    dataset: PlanDataset,
    converter: Converter,
    case: Case[DraftRequest, PlanOutcome, CaseExpectationsV2],
    given: CoachCase | str,
    coach: Coach,
) -> Verdict | None:
    if isinstance(given, str):
        if coach is REFERENCE_COACH:
            return Verdict(coach.name, case.name or "", {CONVERSION_FAILED: given}, frozenset())
        return None
    draft = coach.draft(given)
    if draft is None:
        return None
    plan = await converter.plan(case.inputs, draft)
    if isinstance(plan, str):
        return Verdict(coach.name, case.name or "", {CONVERSION_FAILED: plan}, frozenset())
    failed, applied = judge(dataset, case, draft, plan)
    return Verdict(coach.name, case.name or "", failed, applied)


def share(verdicts: Iterable[Verdict], *, failing: bool) -> float | None:
    """The share of `verdicts` that fail (or pass); None for none."""
    chosen = list(verdicts)
    if not chosen:
        return None
    return sum((not v.passed) if failing else v.passed for v in chosen) / len(chosen)


REFERENCE = REFERENCE_COACH.name
CONTROL = ECHO_COACH.name


@dataclass(frozen=True)
class MetaSummary:
    """The meta-evaluation figures, overall and per evaluator."""

    golden_pass: float | None
    """Share of golden drafts passing every evaluator."""
    control_pass: float | None
    """Share of echo (re-rendered golden) drafts passing every evaluator that the golden passes."""
    bad_caught: float | None
    """Share of bad-coach drafts caught: failing an evaluator that the same case's golden and echo drafts pass."""
    per_evaluator: dict[str, EvaluatorFigures]
    per_coach: dict[str, CoachFigures]
    unconverted: dict[str, int]
    """Bad coach → drafts the offline pipeline could not convert (left out of the figures)."""


@dataclass(frozen=True)
class EvaluatorFigures:
    golden_pass: float | None
    """Share of golden cases it applied to that it passed."""
    golden_applied: int
    bad_failed: float | None
    """Share of bad-coach drafts it applied to that it failed (on cases it passes the golden and echo)."""
    catches: dict[str, float]
    """Bad coach → share of its drafts this evaluator caught."""


@dataclass(frozen=True)
class CoachFigures:
    cases: int
    caught: float | None
    by: dict[str, int]
    """Evaluator → how many of the coach's drafts it caught."""


def caught_by(verdict: Verdict, reference: Verdict | None, control: Verdict | None) -> set[str]:
    """The evaluators `verdict` fails that pass on the case's golden and echo drafts."""
    baseline_failed = set(reference.failed if reference else {}) | set(control.failed if control else {})
    return {name for name in verdict.failed if name not in baseline_failed}


def summarize(verdicts: Sequence[Verdict]) -> MetaSummary:
    """The figures benchmarks/eval_meta.py prints and tests/evals keeps."""
    golden = {v.case: v for v in verdicts if v.coach == REFERENCE}
    echo = {v.case: v for v in verdicts if v.coach == CONTROL}
    # A bad draft the pipeline could not convert was not judged by any evaluator: it is counted apart.
    bad = [
        v
        for v in verdicts
        if v.coach not in {REFERENCE, CONTROL} and v.case in golden and CONVERSION_FAILED not in v.failed
    ]
    catches = {id(v): caught_by(v, golden.get(v.case), echo.get(v.case)) for v in bad}
    evaluators = sorted({name for v in verdicts for name in (*v.applied, *v.failed)})
    per_evaluator: dict[str, EvaluatorFigures] = {}
    for name in evaluators:
        applied_golden = [v for v in golden.values() if name in v.applied or name in v.failed]
        clean = [v for v in bad if name in v.applied and name not in golden[v.case].failed]
        per_evaluator[name] = EvaluatorFigures(
            golden_pass=_ratio(sum(name not in v.failed for v in applied_golden), len(applied_golden)),
            golden_applied=len(applied_golden),
            bad_failed=_ratio(sum(name in catches[id(v)] for v in clean), len(clean)),
            catches=_catch_rates(name, bad, catches),
        )
    per_coach = {
        coach: CoachFigures(
            cases=len(mine := [v for v in bad if v.coach == coach]),
            caught=_ratio(sum(bool(catches[id(v)]) for v in mine), len(mine)),
            by={
                name: sum(name in catches[id(v)] for v in mine)
                for name in evaluators
                if any(name in catches[id(v)] for v in mine)
            },
        )
        for coach in sorted({v.coach for v in bad})
    }
    controls = [v for v in echo.values() if v.case in golden]
    return MetaSummary(
        golden_pass=share(golden.values(), failing=False),
        control_pass=_ratio(sum(not caught_by(v, golden[v.case], None) for v in controls), len(controls)),
        bad_caught=_ratio(sum(bool(catches[id(v)]) for v in bad), len(bad)),
        per_evaluator=per_evaluator,
        per_coach=per_coach,
        unconverted=dict(
            Counter(v.coach for v in verdicts if v.coach not in {REFERENCE, CONTROL} and CONVERSION_FAILED in v.failed)
        ),
    )


def _catch_rates(name: str, bad: Sequence[Verdict], catches: dict[int, set[str]]) -> dict[str, float]:
    rates: dict[str, float] = {}
    for coach in sorted({v.coach for v in bad}):
        mine = [v for v in bad if v.coach == coach]
        caught = sum(name in catches[id(v)] for v in mine)
        if caught:
            rates[coach] = caught / len(mine)
    return rates


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None
