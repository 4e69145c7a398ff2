from __future__ import annotations

from datetime import date

from game.progress.sessions import load_session
from game.scenario.library import load_library

LIBRARY = load_library(["scenarios/phone/late-delivery-call.yaml"])


def _load(tmp_path, text: str):
    path = tmp_path / "day.yaml"
    path.write_text(text, encoding="utf-8")
    return load_session(str(path), LIBRARY)


def test_the_example_session_loads():
    session, problems = load_session("scenarios/sessions/onboarding-day1.yaml")
    assert problems == []
    assert session is not None
    assert session.date == date(2025, 3, 3) and session.mode == "exam" and session.pass_mark == 80
    assert "phone-late-delivery" in session.scenarios


def test_a_plain_date_and_no_pass_mark(tmp_path):
    session, problems = _load(
        tmp_path, "name: 2일차\ndate: 2025-03-04\nmode: practice\nscenarios: [phone-late-delivery]\n"
    )
    assert problems == [] and session.pass_mark is None
    assert session.pass_mark_for(80) == 80


def test_problems_are_reported_with_places_and_fixes(tmp_path):
    session, problems = _load(
        tmp_path,
        "name: 1일차\ndate: 2025-02-30\nmode: exam\nscenarios:\n  - phone-late-delivry\n  - phone-late-delivery\n"
        "  - phone-late-delivery\n",
    )
    assert session is None
    lines = [d.format() for d in problems]
    assert lines[0].endswith(
        "day.yaml:2:7: error: S001 '2025-02-30' is not a date — write the date as YYYY-MM-DD, e.g. 2025-03-03"
    )
    assert any(
        ":5:5: error: S002 no scenario with id 'phone-late-delivry' — did you mean 'phone-late-delivery'?"
        in x
        for x in lines
    )
    assert any(":7:5: warning: S003" in x for x in lines)


def test_shape_errors_reuse_the_scenario_codes(tmp_path):
    session, problems = _load(tmp_path, "name: x\ndate: 2025-03-03\nmode: exams\nscenario: [a]\n")
    assert session is None
    codes = {(d.code, d.pos.line) for d in problems}
    assert ("E104", 3) in codes  # mode: did you mean 'exam'?
    assert ("E101", 4) in codes  # unknown key 'scenario'
    assert ("E102", 1) in codes  # 'scenarios' is missing
    assert "did you mean 'exam'?" in next(d.hint for d in problems if d.code == "E104")


def test_a_file_that_is_not_yaml(tmp_path):
    session, problems = _load(tmp_path, "name: [unclosed\n")
    assert session is None and problems[0].code == "E002"
