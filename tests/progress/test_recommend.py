from __future__ import annotations

from datetime import datetime, timezone

import pytest

from game.progress.recommend import principle_weakness, rank, recommend, scenario_principles
from game.scenario.library import load_library
from tests.progress.helpers import ARGUE, BEST, EXCUSE, LATE, Clock, late, record, store_at

NOW = datetime(2025, 3, 10, 1, 0, tzinfo=timezone.utc)


def _attempt(finished: str, passed: bool, citations: list[tuple[str, bool]] = ()) -> dict:
    decisions = [{"principles": [{"principle": p, "followed": f, "reason": "author"} for p, f in citations]}]
    return {"scenario": LATE, "finished_at": finished, "result": {"passed": passed, "decisions": decisions}}


def test_weakness_is_the_share_of_breaches_per_principle():
    attempts = [
        _attempt("2025-03-01T00:00:00Z", False, [("apologise_first", True), ("no_excuses", False)]),
        _attempt("2025-03-02T00:00:00Z", True, [("apologise_first", False), ("identify_on_phone", True)]),
    ]
    # apologise_first: 1 breach, 1 follow -> 0.5; no_excuses: 1 breach, 0 follows -> 1.0; never broken: absent
    assert principle_weakness(attempts) == {"apologise_first": 0.5, "no_excuses": 1.0}
    assert principle_weakness(attempts, recent=1) == {"apologise_first": 1.0}  # the newest attempt only


def test_scenario_principles_include_authored_and_wording_ones():
    scenario, rubric = late()
    found = scenario_principles(scenario, rubric)
    assert {"no_excuses", "no_argument", "identify_on_phone", "apologise_first", "no_waiting"} <= found


@pytest.mark.parametrize(
    ("history", "expected_due", "reason"),
    [
        ([], 1.0, "아직 연습하지 않은 시나리오"),
        # failed last: 1-day interval, 2 days ago -> 2, capped at 1.5
        ([("2025-03-08T01:00:00Z", False)], 1.5, "2일 전 마지막 연습"),
        # one pass: 2-day interval, 1 day ago -> 0.5
        ([("2025-03-09T01:00:00Z", True)], 0.5, "1일 전 마지막 연습"),
        # two passes in a row: 4-day interval, 5 days ago -> 1.25
        ([("2025-03-01T01:00:00Z", True), ("2025-03-05T01:00:00Z", True)], 1.25, "5일 전 마지막 연습"),
        # a fail breaks the streak: pass, fail, pass -> one pass, 2-day interval, 3 days ago -> 1.5
        (
            [("2025-03-01T01:00:00Z", True), ("2025-03-02T01:00:00Z", False), ("2025-03-07T01:00:00Z", True)],
            1.5,
            "3일 전 마지막 연습",
        ),
    ],
)
def test_spacing_waits_longer_after_each_pass(history, expected_due, reason):
    scenario, rubric = late()
    played = [_attempt(when, ok) for when, ok in history]
    priority, item = rank(scenario, rubric, played, {}, NOW)
    assert priority == pytest.approx(expected_due)
    assert item.reason == reason and item.principle is None


def test_a_weak_principle_is_named_and_adds_to_the_priority():
    scenario, rubric = late()
    played = [_attempt("2025-03-10T00:00:00Z", True)]  # one hour ago, passed: due 1/24 / 2
    priority, item = rank(scenario, rubric, played, {"no_excuses": 0.75, "courtesy": 0.9}, NOW)
    assert priority == pytest.approx(0.75 + (1 / 24) / 2)
    assert item.principle == "no_excuses"
    assert item.reason == "약한 원칙: 변명하지 않기 · 오늘 연습함"


def test_recommendations_from_real_plays(tmp_path):
    library = load_library(["scenarios/phone/late-delivery-call.yaml"])
    clock = Clock()
    store = store_at(tmp_path, clock, library=library)
    store.create_profile("김하늘")
    record(store, "김하늘", ARGUE)
    record(store, "김하늘", EXCUSE)
    clock.advance(days=3)
    [item] = store.recommendations("김하늘")
    assert item.scenario_id == LATE
    assert item.reason.endswith("3일 전 마지막 연습")
    assert item.principle is not None
    record(store, "김하늘", BEST)
    assert recommend(store.attempts("김하늘"), library, clock(), limit=5)[0].reason.endswith("오늘 연습함")
