"""`eungdae test` as a trainer runs it: one line per case, a diff under a failure, exit codes."""

from __future__ import annotations

import shutil

from game.cli import main
from game.scenario.library import BUILTIN_SCENARIOS

SCENARIO = BUILTIN_SCENARIOS / "phone" / "late-delivery-call.yaml"
CASE = "cases:\n  - name: 변명 후 이관\n    path: [full-greeting, excuse, transfer]\n    ending: escalated\n    pass: false\n    overall: {overall}\n"


def test_the_library_passes(capsys):
    assert main(["test"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].endswith(" passed, 0 failed")
    assert "PASS phone-late-delivery: " in out


def test_a_changed_score_fails_and_exits_1(tmp_path, capsys):
    shutil.copy(SCENARIO, tmp_path / "call.yaml")
    tests = tmp_path / "call.test.yaml"
    tests.write_text(CASE.format(overall=47.3), encoding="utf-8")
    assert main(["test", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "PASS phone-late-delivery: 변명 후 이관",
        "1 passed, 0 failed",
    ]
    # the trainer softens the excuse in the scenario: the pinned score no longer holds
    text = (tmp_path / "call.yaml").read_text(encoding="utf-8")
    tests.write_text(CASE.format(overall=60), encoding="utf-8")
    (tmp_path / "call.yaml").write_text(text, encoding="utf-8")
    assert main(["test", str(tmp_path / "call.yaml")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "FAIL phone-late-delivery: 변명 후 이관"
    assert out[1] == f"{tests}:2:5: 1 difference(s)"
    assert out[2:4] == ["    - overall: 60", "    + overall: 47.3"]
    assert out[-1] == "0 passed, 1 failed"


def test_a_broken_test_file_exits_1_with_its_position(tmp_path, capsys):
    shutil.copy(SCENARIO, tmp_path / "call.yaml")
    (tmp_path / "call.test.yaml").write_text("cases:\n  - path: [1\n", encoding="utf-8")
    assert main(["test", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'call.test.yaml'}:" in err and "E002" in err


def test_no_tests_found_exits_1(tmp_path, capsys):
    assert main(["test", str(tmp_path)]) == 1
    assert "no transcript tests" in capsys.readouterr().err


def test_the_tutorial_scenario_and_its_tests_behave_as_the_guide_shows(tmp_path, capsys):
    import re

    from game.scenario.library import PROJECT_ROOT

    page = (PROJECT_ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", page, re.S)
    scenario = blocks[0]
    tests = next(b for b in blocks if b.startswith("cases:") and "kettle" not in b and "blame-use" in b)
    (tmp_path / "kettle-call.yaml").write_text(scenario, encoding="utf-8")
    (tmp_path / "kettle-call.test.yaml").write_text(tests, encoding="utf-8")
    assert main(["test", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    shown = re.search(r"\$ eungdae test my-scenarios/\n(.*?)```", page, re.S).group(1)
    assert out.replace(str(tmp_path), "my-scenarios") == shown
    (tmp_path / "kettle-call.test.yaml").write_text(tests.replace("overall: 50 ", "overall: 45.9 "), "utf-8")
    assert main(["test", str(tmp_path)]) == 0


def test_a_scenario_without_tests_names_the_file_it_looked_for(tmp_path, capsys):
    shutil.copy(SCENARIO, tmp_path / "call.yaml")
    assert main(["test", str(tmp_path / "call.yaml")]) == 1
    assert f"{tmp_path / 'call.test.yaml'}:1:1: error: E001 cannot read the file" in capsys.readouterr().err
