from __future__ import annotations

import re
import uuid

from game.progress.xapi.statements import IRI_BASE, build, duration
from tests.progress.helpers import ARGUE, BEST, record, store_at


def _verbs(statements):
    return [s["verb"]["id"].rsplit("/", 1)[1] for s in statements]


def test_an_attempt_becomes_initialized_answered_completed_passed(tmp_path):
    store = store_at(tmp_path)
    store.create_profile("김하늘")
    record(store, "김하늘", BEST, [2.5, 4, 3, 6, 9.25])
    attempt = store.attempts("김하늘")[0]
    statements = build("김하늘", attempt, title="배송")
    assert _verbs(statements) == ["initialized", *["answered"] * 5, "completed", "passed"]
    assert {s["context"]["registration"] for s in statements} == {attempt["id"]}
    assert len({s["id"] for s in statements}) == len(statements)
    assert all(uuid.UUID(s["id"]).version == 5 for s in statements)
    assert build("김하늘", attempt, title="배송") == statements  # fixed ids: a rebuild is identical
    first = statements[1]
    assert first["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
    assert first["result"]["response"] == "full-greeting" and first["result"]["success"] is True
    assert first["result"]["duration"] == "PT2.50S"
    assert first["timestamp"].endswith(".500Z")  # started + 2.5 s
    typed = statements[5]
    assert typed["object"]["definition"]["interactionType"] == "long-fill-in"
    assert typed["result"]["duration"] == "PT9.25S"
    passed = statements[-1]
    assert passed["result"]["score"]["scaled"] == 1.0 and passed["result"]["success"] is True
    assert passed["result"]["extensions"][f"{IRI_BASE}/dimensions/attitude"] == 100.0
    assert passed["result"]["extensions"][f"{IRI_BASE}/frameworks/KASH"] == 100.0


def test_a_failed_attempt_reports_failed_with_its_scaled_score(tmp_path):
    store = store_at(tmp_path)
    store.create_profile("김하늘")
    session = record(store, "김하늘", ARGUE)
    statements = build("김하늘", store.attempts("김하늘")[0])
    assert _verbs(statements)[-1] == "failed"
    assert statements[-1]["result"]["score"]["scaled"] == round(round(session.result().overall, 1) / 100, 4)
    assert statements[-1]["result"]["extensions"][f"{IRI_BASE}/extensions/blockers"] == ["no_argument"]


def test_durations_are_iso_8601():
    assert duration(0) == "PT0.00S"
    assert re.fullmatch(r"PT\d+\.\d\dS", duration(123.456))


def test_a_shuffled_attempt_answers_by_option_id_whatever_its_displayed_number(tmp_path):
    from game.engine.session import Session
    from tests.progress.helpers import late

    scenario, rubric = late()
    store = store_at(tmp_path)
    store.create_profile("김하늘")
    session = Session(scenario, rubric, clock=lambda: 0.0, seed=3)
    session.choose(session.number_of("hello"), 1.0)  # a weak greeting, wherever it was shown
    number = session.decisions[0].number
    session.choose(session.number_of("argue"), 1.0)
    session.choose(session.number_of("defend"), 1.0)
    assert session.finished
    store.record_attempt("김하늘", session, session.result())
    answered = build("김하늘", store.attempts("김하늘")[0])[1]
    assert answered["result"]["response"] == "hello" and answered["result"]["success"] is False
    assert answered["object"]["definition"]["correctResponsesPattern"] == ["full-greeting"]
    shown = answered["result"]["extensions"][f"{IRI_BASE}/extensions/shown"]
    assert sorted(shown) == ["full-greeting", "hello", "name-only"] and shown[number - 1] == "hello"
