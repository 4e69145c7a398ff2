"""The teaching bar of issue #12 for the scenarios written to it: the score must not be gameable.

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

import pytest

from game.engine.analysis import representatives
from game.engine.appraisal import appraise
from game.scenario.library import BUILTIN_SCENARIOS, load_one, scenario_files

ISSUE_12 = [
    "face_to_face/honorific-drill-cafe.yaml",
    "face_to_face/phone-while-serving.yaml",
    "face_to_face/business-manners-visit.yaml",
    "face_to_face/foreign-customer-parcel.yaml",
    "face_to_face/kiosk-elder.yaml",
    "phone/warm-transfer.yaml",
    "phone/family-on-behalf.yaml",
    "phone/clear-refusal.yaml",
    "phone/happy-call.yaml",
    "difficult/shouting-at-counter.yaml",
    "difficult/harassment-call.yaml",
    "difficult/repeat-compensation-demand.yaml",
]


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


@pytest.mark.parametrize("file", ISSUE_12)
def test_the_best_line_is_the_longest_at_no_more_than_half_the_decisions(file: str) -> None:
    found = decisions(file)
    longest = [n for n, shown, _, b, _ in found if len(shown[b].say) >= max(len(c.say) for c in shown)]
    assert len(longest) <= len(found) / 2, longest


@pytest.mark.parametrize("file", ISSUE_12)
def test_at_least_a_third_of_the_decisions_have_a_near_miss(file: str) -> None:
    found = decisions(file)
    near = [n for n, _, values, b, _ in found if any(v > 0 for i, v in enumerate(values) if i != b)]
    assert len(near) * 3 >= len(found), near


@pytest.mark.parametrize("file", ISSUE_12)
def test_every_weaker_option_has_a_consequence(file: str) -> None:
    silent = [
        f"{n}/{c.id}"
        for n, shown, _, b, moods in decisions(file)
        for i, c in enumerate(shown)
        if i != b and not (c.reaction or moods[i] or c.sets or c.clears or c.next != shown[b].next)
    ]
    assert silent == []


def test_the_issue_12_scenarios_are_in_the_library() -> None:
    for file in ISSUE_12:
        assert (BUILTIN_SCENARIOS / file).exists(), file
    assert len(scenario_files([str(BUILTIN_SCENARIOS)])) >= 30
