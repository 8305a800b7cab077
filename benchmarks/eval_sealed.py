"""First-sight score of a sealed eval set: its golden drafts must pass, its flawed twins must be caught.

A sealed set (`evals/sealed/*.yaml`, written blind by someone who never read our code) holds dataset-v2 cases, each
with a golden draft and a `flawed` twin (the flaws it has and why). Every draft is converted by the offline
pipeline and judged by the dataset's deterministic evaluators, as in `eval_meta.py`. A flawed draft counts as
caught when it fails an evaluator the case's golden draft passes (a check the golden already fails tells nothing),
or when the pipeline refuses it. Prints each case with what caught its twin, then the two shares.

    uv run python benchmarks/eval_sealed.py [evals/sealed/blind1.yaml]

Score a sealed set once, at first sight, and say so with the figure: after anyone changes code from its misses
it is in-sample like the rest.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path
from typing import Any

import yaml

from planforge.evals.dataset import load_dataset
from planforge.evals.meta import CONVERSION_FAILED, Verdict, coach_case, judge, offline_converter
from planforge.testing.bad_coaches import REFERENCE_COACH

HERE = Path(__file__).parent


def split_twins(path: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The set as a dataset (without the twins) and each case's flawed twin by case name."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    twins = {case["name"]: case.pop("flawed") for case in data["cases"]}
    return data, twins


async def score(path: Path) -> tuple[list[Verdict], dict[str, tuple[list[str], set[str] | None]]]:
    data, twins = split_twins(path)
    with tempfile.TemporaryDirectory() as folder:
        stripped = Path(folder) / path.name
        stripped.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        dataset = load_dataset(str(stripped))
    converter = offline_converter(dataset)
    golden: list[Verdict] = []
    caught: dict[str, tuple[list[str], set[str] | None]] = {}
    for case in dataset.cases:
        name = case.name or ""
        given = await coach_case(converter, case)
        if isinstance(given, str):
            golden.append(Verdict(REFERENCE_COACH.name, name, {CONVERSION_FAILED: given}, frozenset()))
            continue
        assert case.metadata is not None
        golden_failed, applied = judge(dataset, case, case.metadata.golden_draft, given.golden)
        golden.append(Verdict(REFERENCE_COACH.name, name, golden_failed, applied))
        twin = twins[name]
        plan = await converter.plan(case.inputs, twin["draft"])
        if isinstance(plan, str):
            caught[name] = (twin["flaws"], {f"{CONVERSION_FAILED}: {plan[:80]}"})
            continue
        twin_failed, _ = judge(dataset, case, twin["draft"], plan)
        caught[name] = (twin["flaws"], {check for check in twin_failed if check not in golden_failed} or None)
    return golden, caught


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(HERE.parent / "evals" / "sealed" / "blind1.yaml"))
    args = parser.parse_args()
    golden, caught = asyncio.run(score(Path(args.path)))
    print(f"{'case':48} {'golden':8} flawed twin: flaws → caught by")
    for verdict in golden:
        flaws, by = caught.get(verdict.case, ([], None))
        status = "pass" if verdict.passed else "FAIL"
        print(f"{verdict.case:48} {status:8} {', '.join(flaws)} → {', '.join(sorted(by)) if by else 'NOT CAUGHT'}")
        for check, why in verdict.failed.items():
            print(f"{'':50}golden failed {check}: {why[:140]}")
    passed = sum(v.passed for v in golden)
    found = sum(by is not None for _, by in caught.values())
    print(
        f"\ngolden drafts pass {passed}/{len(golden)} ({passed / len(golden):.0%});"
        f" flawed twins caught {found}/{len(caught)} ({found / max(len(caught), 1):.0%})"
    )


if __name__ == "__main__":
    main()
