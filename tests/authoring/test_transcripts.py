"""Transcript test files as a trainer writes them: parsing with positions, paths by id or number,
what a failure reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.authoring.transcripts import check_case, describe, load_tests, transcript_files
from game.scenario.library import BUILTIN_SCENARIOS, load_one

SCENARIO = BUILTIN_SCENARIOS / "phone" / "late-delivery-call.yaml"
BEST_IDS = "[full-greeting, apologise-ask, confirm-cause, express, example1]"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(SCENARIO, tmp_path / "call.yaml")
    return tmp_path


def write(folder: Path, body: str) -> str:
    path = folder / "call.test.yaml"
    path.write_text(body, encoding="utf-8")
    return str(path)


def case(body: str, folder: Path, index: int = 0):
    tests, problems = load_tests(write(folder, body))
    assert tests is not None, [d.format() for d in problems]
    scenario, rubric = load_one(tests.scenario)
    return check_case(scenario, rubric, tests.cases[index])


def test_best_path_by_ids_passes(folder):
    outcome = case(
        f"cases:\n  - name: best\n    path: {BEST_IDS}\n    ending: delighted\n    pass: true\n    overall: 100\n"
        "    dimensions: {procedure: 100, speed: 100}\n",
        folder,
    )
    assert outcome.ok, describe(outcome, "")


def test_numbers_mean_authored_order_and_equal_the_ids(folder):
    outcome = case(
        "cases:\n  - path: [1, 1, 1, 1, 1]\n    ending: delighted\n    pass: true\n    overall: 100\n", folder
    )
    assert outcome.ok
    assert [d.choice_id for d in outcome.result.decisions][:4] == [
        "full-greeting",
        "apologise-ask",
        "confirm-cause",
        "express",
    ]


def test_a_changed_score_fails_with_a_diff(folder):
    # the escalation path scores 47.3 overall and 14.3 attitude (pinned in the library's own tests)
    outcome = case(
        "cases:\n  - name: excuse\n    path: [full-greeting, excuse, transfer]\n    ending: escalated\n"
        "    pass: false\n    overall: 50\n    dimensions: {attitude: 14.3, service: 10}\n",
        folder,
    )
    assert not outcome.ok
    assert [m.what for m in outcome.mismatches] == ["overall", "dimensions.service"]
    lines = describe(outcome, "")
    assert "    - overall: 50" in lines and "    + overall: 47.3" in lines
    assert "    + dimensions.service: 0" in lines


def test_tolerance_is_honoured(folder):
    body = "cases:\n  - path: [full-greeting, excuse, transfer]\n    ending: escalated\n    pass: false\n    overall: 47\n"
    assert not case(body, folder).ok  # 47.3 is 0.3 away, beyond the default 0.05
    assert case(body + "    tolerance: 0.5\n", folder).ok


def test_an_unknown_option_is_an_error_at_its_step_with_a_suggestion(folder):
    path = write(
        folder,
        "cases:\n  - path: [full-greeting, apologize-ask]\n    ending: delighted\n    pass: true\n    overall: 100\n",
    )
    tests, _ = load_tests(path)
    outcome = check_case(*load_one(tests.scenario), tests.cases[0])
    (line,) = describe(outcome, path)
    assert line.startswith(f"{path}:2:27: error: step 2 (apologize-ask):")
    assert "did you mean 'apologise-ask'?" in line


def test_a_short_path_names_the_next_decision(folder):
    outcome = case(
        "cases:\n  - path: [full-greeting]\n    ending: delighted\n    pass: true\n    overall: 100\n", folder
    )
    assert "stops at node 'complaint'" in outcome.error
    assert "apologise-ask" in outcome.error


def test_file_mistakes_are_positioned_diagnostics(folder):
    path = write(
        folder,
        "cases:\n  - name: x\n    path: [1]\n    ending: lost\n    pas: true\n    overall: high\n",
    )
    tests, problems = load_tests(path)
    assert tests is None
    shown = [d.format() for d in problems]
    assert f"{path}:5:5: error: E501 unknown key 'pas' in a transcript test — did you mean 'pass'?" in shown
    assert any(s.startswith(f"{path}:6:14: error: E501 'overall' must be a number") for s in shown)
    assert any("case 1 has no 'pass'" in s for s in shown)


def test_a_test_file_without_its_scenario_is_e502(tmp_path):
    path = tmp_path / "lonely.test.yaml"
    path.write_text(
        "cases:\n  - path: [1]\n    ending: lost\n    pass: false\n    overall: 0\n", encoding="utf-8"
    )
    tests, problems = load_tests(str(path))
    assert tests is None and [d.code for d in problems] == ["E502"]


def test_files_are_found_in_folders_and_beside_a_named_scenario(folder):
    test_path = write(folder, "cases: []\n")
    assert transcript_files([str(folder)]) == [test_path]
    assert transcript_files([str(folder / "call.yaml")]) == [test_path]
