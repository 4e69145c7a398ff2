"""The authoring commands as a trainer runs them: exit codes, messages, JSON contracts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.cli import main
from game.scenario.library import BUILTIN_SCENARIOS, PROJECT_ROOT
from game.scenario.schema import schema_json

BROKEN = """\
id: broken
title: 고장 난 시나리오
category: phone
customer: {name: 손님}
start: ring
nodes:
  ring:
    customer: 여보세요?
    choices:
      - say: 네, 한빛쇼핑입니다.
        next: nowhere
"""


def run(*args: str, cwd: Path = PROJECT_ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "game", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_validate_builtin_library_exits_0():
    done = run("validate")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: ")


def test_validate_broken_file_prints_positioned_errors_and_exits_1(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    done = run("validate", str(path))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert any(line.startswith(f"{path}:11:15: error: E202 next goes to 'nowhere'") for line in lines), lines


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 1
    assert "E001 cannot read the file" in capsys.readouterr().err


def test_usage_error_exits_2():
    done = run("replay")
    assert done.returncode == 2
    assert "usage:" in done.stderr


def test_lint_strict_fails_on_warnings_and_still_calls_them_warnings(tmp_path, capsys):
    single = tmp_path / "one.yaml"
    single.write_text(
        BROKEN.replace("next: nowhere", "next: done") + "  done:\n    ending: {outcome: satisfied}\n",
        encoding="utf-8",
    )
    assert main(["lint", str(single)]) == 0
    assert "warning: W401" in capsys.readouterr().err
    assert main(["lint", "--strict", str(single)]) == 1
    out, err = capsys.readouterr()
    assert "warning: W401" in err and "error: W401" not in err
    assert "--strict: warnings fail" in out


def test_analyze_json_contract(capsys):
    assert main(["analyze", "--json"]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in reports} >= {"phone-late-delivery"}
    for r in reports:
        assert {"id", "category", "nodes", "endings", "reachable_endings", "best", "worst"} <= set(r)
        assert r["best"]["score"] == 100
        assert all(isinstance(c, int) and c >= 1 for c in r["best"]["choices"])
        assert len(r["best"]["ids"]) == len(r["best"]["choices"])
        assert len(r["worst"]["ids"]) == len(r["worst"]["choices"])


def test_replaying_analyze_paths_gives_their_scores(capsys):
    main(["analyze", "--json", str(BUILTIN_SCENARIOS / "phone")])
    report = next(r for r in json.loads(capsys.readouterr().out) if r["id"] == "phone-late-delivery")
    for key in ("best", "worst"):
        choices = ",".join(map(str, report[key]["choices"]))
        assert main(["replay", "phone-late-delivery", "--choices", choices, "--json"]) == 0
        replayed = json.loads(capsys.readouterr().out)
        assert replayed["overall"] == report[key]["score"]
        ids = ",".join(report[key]["ids"])  # the same path by id, shown in any order
        assert main(["replay", "phone-late-delivery", "--path", ids, "--seed", "12", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["overall"] == report[key]["score"]


def test_schema_command_matches_the_committed_file():
    committed = (BUILTIN_SCENARIOS / "scenario.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(), "run: eungdae schema > scenarios/scenario.schema.json"
    done = run("schema")
    assert json.loads(done.stdout)["title"] == "eungdae scenario"


def test_every_builtin_scenario_points_editors_at_the_schema():
    for path in BUILTIN_SCENARIOS.rglob("*.yaml"):
        if path.name.endswith(".test.yaml"):
            continue  # transcript tests, not scenarios
        if {"rubrics", "sessions"} & set(path.relative_to(BUILTIN_SCENARIOS).parts):
            continue
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../scenario.schema.json", path


def test_coverage_table_is_generated_and_current(capsys):
    assert main(["coverage", "--check"]) == 0
    generated = capsys.readouterr().out
    committed = (PROJECT_ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert committed == generated, "run: eungdae coverage -o docs/coverage.md"
    assert "28 of 28 principles exercised." in generated


QUOTED = (
    BROKEN.replace(
        "    customer: 여보세요?", '    customer: (뒤에서 아이가 "엄마!" 하고 부른다) 여보세요?'
    ).replace("next: nowhere", "next: done")
    + "  done:\n    ending: {outcome: satisfied}\n"
)


def test_lint_warns_about_quoted_words_in_a_direction_that_nobody_would_say(tmp_path, capsys):
    path = tmp_path / "quoted.yaml"
    path.write_text(QUOTED, encoding="utf-8")
    assert main(["lint", str(path)]) == 0
    err = capsys.readouterr().err
    assert f"{path}:7:3: warning: W420 «엄마!» is quoted inside a direction of node 'ring'" in err
    assert "second_speaker" in err


def test_lint_reports_a_recorded_take_whose_line_changed(tmp_path):
    from game.cli.authoring import audio_lint
    from game.scenario.library import load_library
    from game.voice.takes import RecordedTakes

    path = tmp_path / "quoted.yaml"
    path.write_text(QUOTED, encoding="utf-8")
    scenario = load_library([str(path)]).scenarios[0]
    takes = tmp_path / "recorded"
    (takes / "broken" / "ring").mkdir(parents=True)
    (takes / "broken" / "ring" / "customer.wav").write_bytes(b"RIFF....WAVE")
    (takes / "manifest.json").write_text(
        json.dumps({"takes": {"broken/ring/customer": {"text": "여보세요, 누구세요?"}}}, ensure_ascii=False),
        encoding="utf-8",
    )
    found = [d for d in audio_lint([scenario], RecordedTakes(takes)) if d.code == "W421"]
    assert len(found) == 1
    assert (
        found[0].format().startswith(f"{path}:7:3: warning: W421 the recorded take of 'broken/ring/customer'")
    )
    assert "여보세요, 누구세요?" in found[0].message


def test_coverage_scenarios_adds_a_folder_to_the_builtin_library(tmp_path, capsys):
    seed = (BUILTIN_SCENARIOS / "phone" / "late-delivery-call.yaml").read_text(encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(seed.replace("id: phone-late-delivery", "id: my-own-call"), "utf-8")
    assert main(["coverage", "--scenarios", str(tmp_path)]) == 0
    table = capsys.readouterr().out
    assert "my-own-call" in table and "phone-answering-call" in table  # added, not replacing
    assert main(["coverage", str(tmp_path)]) == 0
    only = capsys.readouterr().out
    assert "my-own-call" in only and "phone-answering-call" not in only  # a path alone: only that
