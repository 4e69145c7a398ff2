"""The built-in library's transcript tests (scenarios/**/*.test.yaml), run through the same code as
`eungdae test`, so a trainer's command line and the suite cannot disagree about what a path scores.

Each case replays one path of a real scenario file and pins what the debrief shows a trainee: the
ending, pass or fail, the overall score, the dimensions the path is about and any blocker. When a change
to the engine, the rubric or a scenario moves a number, the failure names the file, line and dimension.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.authoring.transcripts import TranscriptFile, check_case, describe, load_tests, transcript_files
from game.engine.session import play
from game.scenario.library import BUILTIN_SCENARIOS, load_one, scenario_files
from game.scenario.model import Scenario
from game.scenario.rubric import Rubric

FILES = transcript_files([str(BUILTIN_SCENARIOS)])


@cache
def _tests(path: str) -> TranscriptFile:
    tests, problems = load_tests(path)
    assert tests is not None, "\n".join(d.format() for d in problems)
    return tests


@cache
def _scenario(path: str) -> tuple[Scenario, Rubric]:
    return load_one(path)


CASES = [(path, index) for path in FILES for index in range(len(_tests(path).cases))]


@pytest.mark.parametrize(
    ("path", "index"),
    CASES,
    ids=lambda v: Path(v).name.removesuffix(".test.yaml") if isinstance(v, str) else str(v),
)
def test_transcript(path: str, index: int) -> None:
    tests = _tests(path)
    outcome = check_case(*_scenario(tests.scenario), tests.cases[index])
    assert outcome.ok, "\n".join(describe(outcome, path))


def test_every_scenario_has_a_best_and_a_failing_transcript() -> None:
    """A trainer reading a scenario's tests sees the model path (100, passed) and a realistic failure."""
    by_scenario = {str(Path(_tests(p).scenario).resolve()): _tests(p).cases for p in FILES}
    for file in scenario_files([str(BUILTIN_SCENARIOS)]):
        cases = by_scenario.get(str(Path(file).resolve()))
        assert cases, f"{file}: no transcript tests beside it"
        assert any(c.passed and c.overall == 100.0 for c in cases), f"{file}: no best-path transcript"
        assert any(not c.passed for c in cases), f"{file}: no failing transcript"


ABUSIVE = str(BUILTIN_SCENARIOS / "difficult" / "abusive-card-block-call.yaml")
WARN_END_REPORT = [1, 1, 1, 1, 1, 1, 1, 1]


def test_every_type_of_difficult_customer_has_its_scenario() -> None:
    types = {_scenario(f)[0].customer.type for f in scenario_files([str(BUILTIN_SCENARIOS / "difficult")])}
    assert {"abusive", "quiet", "suspicious", "with_children"} <= types


def test_abusive_call_best_path_is_a_reported_escalation_not_endurance() -> None:
    """The model answer sets a boundary: its ending is escalated, and the debrief names calm_boundary."""
    scenario, rubric = _scenario(ABUSIVE)
    session = play(scenario, rubric, WARN_END_REPORT)
    assert session.node.id == "reported"
    cited = {c.principle for d in session.result().decisions for c in d.chosen.citations if c.followed}
    assert {"calm_boundary", "give_name", "apologise_first"} <= cited


def test_enduring_abuse_is_coached_towards_the_warning() -> None:
    scenario, rubric = _scenario(ABUSIVE)
    decisions = play(scenario, rubric, [1, 1, 1, 2, 2, 2]).result().decisions
    endured = [d for d in decisions if d.node.startswith("abuse")]
    assert len(endured) == 3
    for d in endured:
        assert not d.is_best
        assert "욕설" in d.best_say
        assert any("폭언" in line for line in d.feedback)


PROTECTIVE = [
    str(BUILTIN_SCENARIOS / "difficult" / name)
    for name in ("shouting-at-counter.yaml", "harassment-call.yaml", "repeat-compensation-demand.yaml")
]


@pytest.mark.parametrize("file", PROTECTIVE, ids=lambda f: Path(f).stem)
def test_protective_scenarios_model_a_boundary_and_a_break_not_endurance(file: str) -> None:
    """Emotional-labour protection: the best path passes, draws the calm boundary and never apologises
    for the abuse itself — the endure options are all coached as weaker than the line drawn."""
    scenario, rubric = _scenario(file)
    best = _tests(file.removesuffix(".yaml") + ".test.yaml").cases[0]
    assert best.passed and best.overall == 100.0
    session = play(scenario, rubric, [1] * len(best.steps))
    result = session.result()
    assert result.passed and result.overall == 100.0
    cited = {c.principle for d in result.decisions for c in d.chosen.citations if c.followed}
    assert "calm_boundary" in cited
    endured = [c for n in scenario.nodes.values() for c in n.choices if "calm_boundary" in c.breaks]
    assert endured, "a protective scenario offers the endurance mistake"
