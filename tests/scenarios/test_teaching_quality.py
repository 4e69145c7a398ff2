"""The teaching bar of issue #12 for every scenario in the library: the score must not be gameable.

Each decision is appraised in a conversation state that really reaches it (the same plays lint uses).
Per scenario:

* the best line is the longest option at no more than half of the decisions (good service is often
  the shorter line, so length must not give the answer away);
* at least a third of the decisions have a near miss — a second option worth something positive that
  loses on one principle;
* every weaker option has a consequence the trainee sees: a reaction, a mood change, a flag, or a
  different next node than the best option's.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.engine.analysis import representatives
from game.engine.appraisal import appraise
from game.scenario.library import BUILTIN_SCENARIOS, load_one, scenario_files

LIBRARY = sorted(
    str(Path(f).relative_to(BUILTIN_SCENARIOS)) for f in scenario_files([str(BUILTIN_SCENARIOS)])
)


@cache
def decisions(file: str) -> list[tuple[str, list, list[float], int, list[int]]]:
    """(node id, options shown, their values, index of the best, mood changes) per reachable choice node."""
    scenario, rubric = load_one(str(BUILTIN_SCENARIOS / file))
    out = []
    for node_id, play in representatives(scenario, rubric).items():
        if not play.node.choices:
            continue
        shown = play.available()
        appraisals = [appraise(rubric, c.say, c, play.state, play.complaint_active) for c in shown]
        values = [a.value(rubric) for a in appraisals]
        best = max(range(len(values)), key=lambda i: (values[i], -i))
        out.append((node_id, shown, values, best, [a.mood for a in appraisals]))
    return out


@pytest.mark.parametrize("file", LIBRARY)
def test_the_best_line_is_the_longest_at_no_more_than_half_the_decisions(file: str) -> None:
    found = decisions(file)
    longest = [n for n, shown, _, b, _ in found if len(shown[b].say) >= max(len(c.say) for c in shown)]
    assert len(longest) <= len(found) / 2, longest


@pytest.mark.parametrize("file", LIBRARY)
def test_at_least_a_third_of_the_decisions_have_a_near_miss(file: str) -> None:
    found = decisions(file)
    near = [n for n, _, values, b, _ in found if any(v > 0 for i, v in enumerate(values) if i != b)]
    assert len(near) * 3 >= len(found), near


@pytest.mark.parametrize("file", LIBRARY)
def test_every_weaker_option_has_a_consequence(file: str) -> None:
    silent = [
        f"{n}/{c.id}"
        for n, shown, _, b, moods in decisions(file)
        for i, c in enumerate(shown)
        if i != b and not (c.reaction or moods[i] or c.sets or c.clears or c.next != shown[b].next)
    ]
    assert silent == []


def test_the_library_as_a_whole_meets_the_bar() -> None:
    """The shares issue #12 asks of the whole library, printed so a reviewer sees them (pytest -s)."""
    found = [d for file in LIBRARY for d in decisions(file)]
    longest = sum(len(shown[b].say) >= max(len(c.say) for c in shown) for _, shown, _, b, _ in found)
    near = sum(any(v > 0 for i, v in enumerate(values) if i != b) for _, _, values, b, _ in found)
    mistakes = [
        bool(c.reaction or moods[i] or c.sets or c.clears or c.next != shown[b].next)
        for _, shown, _, b, moods in found
        for i, c in enumerate(shown)
        if i != b
    ]
    shares = {
        "decisions": len(found),
        "best_is_longest": round(longest / len(found), 3),
        "near_miss": round(near / len(found), 3),
        "mistakes": len(mistakes),
        "mistakes_with_consequence": round(sum(mistakes) / len(mistakes), 3),
    }
    print(shares)
    assert shares["best_is_longest"] <= 0.5
    assert shares["near_miss"] >= 1 / 3
    assert shares["mistakes_with_consequence"] >= 0.95


def test_the_library_has_at_least_thirty_scenarios() -> None:
    assert len(LIBRARY) >= 30
