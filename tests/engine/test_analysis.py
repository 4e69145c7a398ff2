"""Best and worst paths, reachable endings, and bounded work when paths explode."""

from __future__ import annotations

import pytest

from game.engine import analysis
from game.engine.analysis import analyze
from game.engine.session import play
from game.scenario.library import load_library
from tests.engine.stories import load_story


def chain(decisions: int) -> str:
    """A scenario of N consecutive two-way decisions: 2^N paths."""
    nodes = []
    for i in range(decisions):
        nxt = f"d{i + 1}" if i + 1 < decisions else "end"
        nodes.append(
            f"  d{i}:\n    customer: 질문 {i}\n    choices:\n"
            f"      - say: 좋은 답 {i}\n        effects: {{smile: {1 + i % 3}}}\n        next: {nxt}\n"
            f"      - say: 아쉬운 답 {i}\n        effects: {{attitude: {-(1 + i % 2)}}}\n        mood: -1\n        next: {nxt}\n"
        )
    return (
        "id: chain\ntitle: 긴 사슬\ncategory: face_to_face\nrubric: tiny\ncustomer: {name: 손님}\nstart: d0\nnodes:\n"
        + "".join(nodes)
        + "  end:\n    ending: {outcome: satisfied}\n"
    )


def test_small_scenario_is_exhaustive_and_exact(tmp_path):
    scenario, rubric = load_story(tmp_path)
    report = analyze(scenario, rubric)
    assert report.worst_exact and report.paths == 18  # 3 × 3 × 2
    assert report.best.choices == [1, 1, 1] and report.best.score == pytest.approx(100)
    assert set(report.reachable_endings) == {"happy", "okay"} == set(report.endings)
    assert play(scenario, rubric, report.worst.choices).result().overall == pytest.approx(report.worst.score)
    # exhaustive means no path scores lower than the reported worst
    assert report.worst.score <= min(
        play(scenario, rubric, [a, b, c]).result().overall
        for a in (1, 2, 3)
        for b in (1, 2, 3)
        for c in (1, 2)
    )


def test_forty_two_way_decisions_stay_bounded(tmp_path, monkeypatch):
    scenario, rubric = load_story(tmp_path, chain(40))
    steps = 0
    real = analysis._step

    def counting(session, number):
        nonlocal steps
        steps += 1
        return real(session, number)

    monkeypatch.setattr(analysis, "_step", counting)
    report = analyze(scenario, rubric, budget=2_000, beam=16)
    # 2^40 paths; the work is the exhaustive budget, then depth × beam × options, then the state search
    assert steps < 2 * 2_000 + 40 * 16 * 2 + 40 * 2 * 20
    assert not report.worst_exact and report.paths is None
    assert report.best.score == pytest.approx(100) and len(report.best.choices) == 40
    worst = play(scenario, rubric, report.worst.choices).result()
    assert worst.overall == pytest.approx(report.worst.score)
    assert report.worst.choices == [2] * 40 and report.worst.score == pytest.approx(0)


def test_every_builtin_scenario_has_a_best_path_of_100_and_reaches_every_ending():
    library = load_library()
    assert library.scenarios
    for scenario in library.scenarios:
        rubric = library.rubric_for(scenario)
        report = analyze(scenario, rubric)
        assert report.best.score == pytest.approx(100), scenario.id
        assert play(scenario, rubric, report.best.choices).result().overall == pytest.approx(100)
        assert play(scenario, rubric, report.worst.choices).result().overall == pytest.approx(
            report.worst.score
        )
        assert report.reachable_endings == report.endings, scenario.id
