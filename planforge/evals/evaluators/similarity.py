"""Similarity to the golden draft: rapidfuzz on the two drafts, aligned week by week and day by day."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic_evals.evaluators import Evaluator, EvaluatorContext, EvaluatorOutput
from rapidfuzz import fuzz

from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import WEEKDAYS
from planforge.drafttext.segment import segment_draft
from planforge.evals.schema import AnyExpectations, PlanOutcome
from planforge.exceptions import DraftStructureError
from planforge.offline.parser.days import day_entries


def week_texts(draft: str) -> dict[int, str]:
    """Each week of `draft` as one normalised line, "monday: rest | tuesday: easy run 45 min | …".

    Day names and layout (lines, paragraph, table) are normalised away, so only the sessions are compared.
    """
    try:
        weeks = segment_draft(draft).weeks
    except DraftStructureError:
        return {}
    texts: dict[int, str] = {}
    for week in weeks:
        by_day: dict[str, list[str]] = {}
        for day, text in day_entries(week.body):
            by_day.setdefault(day, []).append(text.lower() or "rest")
        texts[week.week] = " | ".join(f"{day.lower()}: {' + '.join(by_day.get(day, ['rest']))}" for day in WEEKDAYS)
    return texts


def draft_similarity(draft: str, golden: str) -> float:
    """Mean week-by-week similarity (0–1); a week only one of the drafts has scores 0."""
    ours, theirs = week_texts(draft), week_texts(golden)
    weeks = ours.keys() | theirs.keys()
    if not weeks:
        return 0.0
    total = sum(fuzz.token_sort_ratio(ours[w], theirs[w]) / 100 for w in weeks if w in ours and w in theirs)
    return total / len(weeks)


@dataclass
class GoldenSimilarity(Evaluator[DraftRequest, PlanOutcome, AnyExpectations]):
    """`similarity`: how close the model's draft is to the case's golden draft (0–1), week by week."""

    def evaluate(self, ctx: EvaluatorContext[DraftRequest, PlanOutcome, AnyExpectations]) -> EvaluatorOutput:
        if ctx.metadata is None:
            return {}
        return {"similarity": round(draft_similarity(ctx.output.draft, ctx.metadata.golden_draft), 4)}
