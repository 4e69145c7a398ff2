"""Speed of the core against its floors: validation vs bare YAML parsing, replay vs dict lookups."""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from game.engine.analysis import best_path
from game.engine.session import play
from game.scenario.library import BUILTIN_SCENARIOS, load_library, scenario_files


def _best_of(fn, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def validate() -> dict:
    """`eungdae validate scenarios/` against `yaml.safe_load` of the same files (target ratio 3)."""
    files = scenario_files([str(BUILTIN_SCENARIOS)])
    texts = [Path(f).read_text(encoding="utf-8") for f in files]

    def floor() -> None:
        for text in texts:
            yaml.safe_load(text)

    ours = _best_of(lambda: load_library([str(BUILTIN_SCENARIOS)]))
    base = _best_of(floor)
    return {"ours": ours, "floor": base, "ratio": ours / base, "target": 3, "files": len(files)}


def replay_1000() -> dict:
    """Replaying 1,000 decisions through the engine (best paths of the library, repeated) against the
    same number of dict lookups; the absolute time matters too (target: well under a second)."""
    library = load_library()
    plays = []
    for scenario in library.scenarios:
        rubric = library.rubric_for(scenario)
        plays.append((scenario, rubric, best_path(scenario, rubric).choices))
    schedule = []
    total = 0
    while total < 1000:
        for item in plays:
            schedule.append(item)
            total += len(item[2])
            if total >= 1000:
                break

    def ours_run() -> None:
        for scenario, rubric, choices in schedule:
            play(scenario, rubric, choices)

    table = {f"n{i}": i for i in range(64)}
    keys = [f"n{i % 64}" for i in range(total)]

    def floor() -> None:
        for key in keys:
            table[key]

    ours = _best_of(ours_run, 3)
    base = _best_of(floor, 3)
    # No ratio target: a dict lookup is a floor, not a peer. What matters is the absolute time.
    return {
        "ours": ours,
        "floor": base,
        "ratio": ours / base,
        "target": None,
        "target_seconds": 1.0,
        "decisions": total,
    }
