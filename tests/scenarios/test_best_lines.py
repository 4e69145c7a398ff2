"""Every model answer in the library passes the analyser: no 사물 존대 or other honorific error, and no
wording rule that harms (a refusal, blame, a calm-down order, an excuse…). A trainee copies the best
line, so a QA team would mark the library down for exactly these.

The best line at each decision is the one the engine scores highest in a state that really reaches it;
a typed node's examples are model answers too.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game import language
from game.scenario.library import BUILTIN_SCENARIOS, load_one, scenario_files
from tests.scenarios.test_teaching_quality import LIBRARY, decisions


@cache
def model_lines(file: str) -> list[tuple[str, str]]:
    """(where, text) of every best option and every typed example in the scenario."""
    lines = [(f"{node}/{shown[b].id}", shown[b].say) for node, shown, _, b, _ in decisions(file)]
    scenario, _ = load_one(str(BUILTIN_SCENARIOS / file))
    for node in scenario.nodes.values():
        if node.typed:
            lines.extend((f"{node.id}/example", example) for example in node.typed.examples)
    return lines


@pytest.mark.parametrize("file", LIBRARY)
def test_no_model_answer_has_an_honorific_error_or_a_harmful_wording(file: str) -> None:
    _, rubric = load_one(str(BUILTIN_SCENARIOS / file))
    faults = []
    for where, text in model_lines(file):
        analysis = language.analyse(text)
        faults += [f"{where}: 「{f.text}」 honorific_error" for f in analysis.of("honorific_error")]
        faults += [
            f"{where}: 「{f.text}」 {rule.id}"
            for rule, found in rubric.judge(analysis)
            if rule.harmful
            for f in found
        ]
    assert faults == []


def test_every_scenario_file_is_checked() -> None:
    assert len(LIBRARY) == len(scenario_files([str(BUILTIN_SCENARIOS)])) >= 30
    assert all(Path(BUILTIN_SCENARIOS / f).exists() for f in LIBRARY)
