"""The draft's language: the language the request was written in (the case's `language`)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic_evals.evaluators import Evaluator, EvaluatorOutput

from planforge.domain.requests import DraftRequest
from planforge.evals.evaluators.base import V2Context, expectations, rounded, verdict
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.language import detect_language
from planforge.evals.schema import PlanOutcome


@dataclass
class DraftLanguage(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`language`: the expected language's share of the draft's language words (0–1); `language.ok` when it
    is the language detected. Also `language.detected` (label) and `language.words` (words scored)."""

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        expected = expectations(ctx).language
        guess = detect_language(ctx.output.draft)
        total = sum(guess.scores.values())
        share = guess.scores.get(expected, 0.0) / total if total else 0.0
        ok = guess.language == expected
        why = f"written in {guess.language or 'no known language'} ({guess.share:.0%} of its words), not {expected}"
        return rounded(
            {
                "language": share,
                "language.words": float(guess.words),
                "language.detected": guess.language or "unknown",
                "language.ok": verdict(ok, why),
            }
        )
