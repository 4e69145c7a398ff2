from datetime import date

from game.progress.sessions import OnboardingSession
from game.ui.assignment import assignment, next_assigned

SESSION = OnboardingSession(
    name="1일차", date=date(2025, 3, 3), scenarios=("b-call", "a-desk", "c-late"), mode="exam"
)


def attempt(scenario, passed, onboarding="1일차", overall=70.0, finished="2025-03-03T02:00:00Z"):
    return {
        "scenario": scenario,
        "onboarding": onboarding,
        "finished_at": finished,
        "result": {"overall": overall, "passed": passed},
    }


def test_rows_follow_the_trainers_order_with_done_and_passed():
    rows = assignment(SESSION, [attempt("a-desk", False, overall=60), attempt("a-desk", True, overall=90)])
    assert [r.scenario_id for r in rows] == ["b-call", "a-desk", "c-late"]
    assert [(r.done, r.passed, r.best) for r in rows] == [
        (False, False, None),
        (True, True, 90),
        (False, False, None),
    ]


def test_attempts_of_another_session_or_day_do_not_count():
    rows = assignment(
        SESSION,
        [
            attempt("b-call", True, onboarding="2일차"),
            attempt("c-late", True, onboarding=None, finished="2025-02-01T02:00:00Z"),
            {"scenario": "a-desk"},  # damaged: no result
        ],
    )
    assert not any(r.done for r in rows)


def test_next_is_the_first_not_done_after_the_one_just_played():
    rows = assignment(SESSION, [attempt("a-desk", True)])
    assert next_assigned(rows) == "b-call"
    assert next_assigned(rows, after="a-desk") == "c-late"
    assert next_assigned(rows, after="c-late") == "b-call"
    done = assignment(SESSION, [attempt(s, False) for s in SESSION.scenarios])
    assert next_assigned(done, after="c-late") is None
