"""Library matching at scale: the ~312 sessions of a 52-week, 6-day plan against 1k, 10k and 100k workouts.

Run: `uv run python benchmarks/library_matching.py [--sizes 1000,10000,100000]`

The libraries come from a deterministic generator with realistic names ("Tempo Run 30 min",
"6 x 800m Intervals", "Advanced Long Run 24 km - Build"), descriptions and durations. Prints, per size, the
index build time (once per library version) and the total and per-query time of matching all sessions
(the fastest of three passes, wall and CPU time).
Target (issue 4): all 312 sessions against 100k workouts in under 1 s.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from planforge.domain.vocabulary import WorkoutSubType, WorkoutType
from planforge.library import LibraryIndex, LibraryWorkout, MatchQuery

Template = tuple[WorkoutType, WorkoutSubType, Callable[[random.Random], tuple[str, str, int]]]


def _minutes(rng: random.Random, low: int, high: int) -> int:
    return rng.randrange(low, high + 1, 5)


def _steady(label: str, pace: str, low: int, high: int) -> Callable[[random.Random], tuple[str, str, int]]:
    def make(rng: random.Random) -> tuple[str, str, int]:
        minutes = _minutes(rng, low, high)
        return f"{label} {minutes} min", f"{minutes} minutes {pace}.", minutes * 60

    return make


def _repeats(label: str, unit: str, sizes: tuple[int, ...]) -> Callable[[random.Random], tuple[str, str, int]]:
    def make(rng: random.Random) -> tuple[str, str, int]:
        count, size = rng.randint(3, 12), rng.choice(sizes)
        name = f"{count} x {size}{unit} {label}"
        description = f"Warm up 15 minutes easy, then {count} repeats of {size}{unit} hard with equal easy recovery."
        seconds = 1_800 + count * (size // 4 if unit == "m" else size * 2)
        return name, description, seconds

    return make


TEMPLATES: list[Template] = [
    ("run", "easy-run", _steady("Easy Run", "at an easy, conversational pace (z2)", 20, 70)),
    ("run", "easy-run", _steady("Easy Aerobic Run", "relaxed in zone 2, nose-breathing pace", 30, 80)),
    ("run", "recovery-run", _steady("Recovery Run", "very easy (z1) to loosen the legs", 20, 45)),
    ("run", "long-run", _steady("Long Run", "steady aerobic running (z2), fuel every 40 minutes", 75, 180)),
    ("run", "long-run", _steady("Long Run with Fast Finish", "easy, the last 15 minutes at marathon pace", 80, 150)),
    ("run", "tempo-run", _steady("Tempo Run", "including a block at comfortably hard tempo pace (z3)", 30, 70)),
    ("run", "tempo-run", _steady("Threshold Run", "with two threshold blocks (z4)", 35, 65)),
    ("run", "interval-run", _repeats("Intervals", "m", (200, 400, 600, 800, 1000, 1200, 1600))),
    ("run", "interval-run", _repeats("Track Repeats", "m", (300, 400, 800, 1000))),
    ("run", "hill-repeats", _repeats("Hill Repeats", "s", (30, 45, 60, 90))),
    ("run", "fartlek", _steady("Fartlek", "with random surges of 1-3 minutes", 30, 60)),
    ("run", "progression-run", _steady("Progression Run", "starting easy and finishing at tempo", 40, 75)),
    ("run", "race-pace-run", _steady("Marathon Pace Run", "at goal marathon pace after a warm-up", 45, 120)),
    ("run", "trail-run", _steady("Trail Run", "on rolling trails by effort", 40, 150)),
    ("bike", "endurance-ride", _steady("Endurance Ride", "steady in zone 2", 60, 240)),
    ("bike", "recovery-ride", _steady("Recovery Spin", "very easy spinning", 30, 60)),
    ("bike", "interval-ride", _repeats("Bike Intervals", "s", (60, 120, 240, 480))),
    ("bike", "tempo-ride", _steady("Sweet Spot Ride", "with sweet-spot blocks", 60, 120)),
    ("swim", "endurance-swim", _steady("Endurance Swim", "continuous aerobic swimming", 30, 75)),
    ("swim", "technique-swim", _steady("Technique Swim", "drills: catch-up, fingertip drag, kick", 30, 60)),
    ("swim", "interval-swim", _repeats("Swim Intervals", "m", (50, 100, 200, 400))),
    ("strength", "strength-training", _steady("Strength Session", "squats, lunges, deadlifts, calf raises", 30, 60)),
    ("strength", "core", _steady("Core Stability", "planks, dead bugs, side planks", 15, 30)),
    ("strength", "mobility", _steady("Mobility Routine", "hips, ankles and thoracic spine", 15, 30)),
    ("walk", "walk", _steady("Brisk Walk", "at a brisk pace", 20, 90)),
    ("hike", "hike", _steady("Hike", "on hilly terrain", 60, 300)),
    ("cross-training", "cross-training", _steady("Cross-Training", "elliptical or rowing, easy effort", 30, 60)),
]
# How often each template appears: runs dominate a runner-focused library.
TEMPLATE_WEIGHTS = [8, 4, 4, 5, 2, 4, 2, 4, 2, 2, 2, 2, 2, 2, 4, 2, 2, 2, 2, 2, 2, 3, 2, 2, 1, 1, 1]
LEVELS = ("", "Beginner ", "Intermediate ", "Advanced ")
BLOCKS = ("", " - Base", " - Build", " - Peak", " - Taper")
REPEATS = 3
"""Passes over the queries per size; the fastest is printed (the machine may be busy with other work)."""


def generate_library(size: int, seed: int = 4) -> list[LibraryWorkout]:
    """`size` workouts from the templates, the same ones for the same size and seed."""
    rng = random.Random(seed)
    workouts: list[LibraryWorkout] = []
    for number in range(size):
        workout_type, sub_type, make = rng.choices(TEMPLATES, weights=TEMPLATE_WEIGHTS)[0]
        name, description, seconds = make(rng)
        workouts.append(
            LibraryWorkout(
                id=f"w{number:06d}",
                workout_name=f"{rng.choice(LEVELS)}{name}{rng.choice(BLOCKS)}",
                workout_description=description,
                workout_type=workout_type,
                workout_sub_type=sub_type,
                target_duration_in_seconds=seconds,
                target_distance_in_meters=None,
                content_blocks=[],
                tags=[],
            )
        )
    return workouts


WEEK: list[tuple[str, WorkoutType, WorkoutSubType, int]] = [
    ("Easy Run", "run", "easy-run", 40),
    ("6 x 800m Intervals", "run", "interval-run", 55),
    ("Easy Run + Strength", "strength", "strength-training", 40),
    ("Tempo Run", "run", "tempo-run", 45),
    ("Long Run", "run", "long-run", 100),
    ("Recovery Run", "run", "recovery-run", 30),
]


def plan_sessions(weeks: int = 52) -> list[MatchQuery]:
    """The sessions of a `weeks`-week, 6-day plan, growing a little each week as a build would."""
    queries: list[MatchQuery] = []
    for week in range(weeks):
        growth = 1 + (week % 4) * 0.1
        for text, workout_type, sub_type, minutes in WEEK:
            seconds = round(minutes * growth) * 60
            queries.append(MatchQuery(f"{text} {seconds // 60} min", workout_type, sub_type, seconds))
    return queries


def measure(size: int, queries: list[MatchQuery]) -> None:
    """Build the index for a library of `size` workouts and match every query against it, then print."""
    library = generate_library(size)
    started = time.perf_counter()
    index = LibraryIndex(library)
    built = time.perf_counter() - started
    wall, cpu, matched = min(_match_all(index, queries) for _ in range(REPEATS))
    distinct_names = len({w.workout_name for w in library})
    print(
        f"{size:>8,} workouts ({distinct_names:>6,} distinct names): index {built:5.2f} s | "
        f"{len(queries)} queries {wall * 1000:7.1f} ms total (cpu {cpu * 1000:7.1f} ms), "
        f"{wall / len(queries) * 1000:6.3f} ms/query, {matched} matched"
    )


def _match_all(index: LibraryIndex, queries: list[MatchQuery]) -> tuple[float, float, int]:
    """Wall and CPU seconds to find the best match of every query, and how many found one."""
    wall, cpu = time.perf_counter(), time.process_time()
    matched = sum(1 for query in queries if index.best(query) is not None)
    return time.perf_counter() - wall, time.process_time() - cpu, matched


def main() -> None:
    """Parse the sizes and print one line per size."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated library sizes")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    queries = plan_sessions()
    for size in sizes:
        measure(size, queries)
    print("target: 312 queries against 100,000 workouts in under 1 s total")


if __name__ == "__main__":
    main()
