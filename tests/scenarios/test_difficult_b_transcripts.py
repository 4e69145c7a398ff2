"""Transcripts of the difficult-customer scenarios, part 2 (quiet, suspicious, with children, abusive).

Each case replays a path through the real scenario file and the default rubric and pins what a trainer
reads on the debrief: the ending, pass or fail, the overall score and the dimensions the path is about.
The numbers come from the scenarios as designed (checked against ``eungdae replay --json``), so a change
to the engine, the rubric or a scenario that moves a score shows up here.

The abusive call is pinned from four sides because it teaches a boundary: the calm warn → end → report
path is the best (an ``escalated`` ending), enduring the abuse to the end fails, retaliating fails as a
blocker even when everything before it was right, and a call ended well but never reported fails by
its ending (reporting is part of the procedure, though one last decision cannot pull the average down).
"""

from __future__ import annotations

import pytest

from game.engine.session import play
from game.scenario.library import BUILTIN_SCENARIOS
from tests.scenarios.transcripts import Transcript, check, check_best_and_failing, load

FOLDER = BUILTIN_SCENARIOS / "difficult"
ABUSIVE = "abusive-card-block-call.yaml"
QUIET = "quiet-laptop-shopper.yaml"
SUSPICIOUS = "suspicious-phone-bill.yaml"
WITH_CHILDREN = "with-children-first-bankbook.yaml"


TRANSCRIPTS = [
    # -- abusive: calm protective escalation ----------------------------------------------------
    Transcript(
        ABUSIVE,
        "warn, warn again, end by process, report",
        [1, 1, 1, 1, 1, 1, 1, 1],
        "escalated",
        True,
        100.0,
        {"composure": 100.0, "attitude": 100.0, "procedure": 100.0},
    ),
    Transcript(
        ABUSIVE,
        "endure the abuse to the end",
        [1, 1, 1, 2, 2, 2],
        "lost",
        False,
        70.9,
        {"composure": 31.8, "skill": 45.5, "habit": 50.0, "service": 50.0},
    ),
    Transcript(
        ABUSIVE,
        "retaliate after a perfect start",
        [1, 1, 1, 3],
        "lost",
        False,
        86.4,
        {"composure": 58.3, "attitude": 60.0},
        blockers=["no_retaliation"],
    ),
    Transcript(
        ABUSIVE,
        "handled by the book but not reported",
        [1, 1, 1, 1, 1, 1, 1, 2],
        "neutral",
        False,
        95.1,
        {"composure": 84.0, "habit": 87.5},
    ),
    Transcript(
        ABUSIVE,
        "best words, phone answered after six rings",
        [1, 1, 1, 1, 1, 1, 1, 1],
        "escalated",
        True,
        96.5,
        {"speed": 77.8, "composure": 100.0, "habit": 87.5},
        seconds=[13.0],
    ),
    # -- quiet: polite, gentle, draw them out ---------------------------------------------------
    Transcript(
        QUIET,
        "approach gently, one question at a time, lean in",
        [1, 1, 1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"skill": 100.0, "service": 100.0, "knowledge": 100.0},
    ),
    Transcript(
        QUIET,
        "call out, interrogate, lecture, 'speak up', push, hurry",
        [2, 2, 2, 3, 3, 2],
        "lost",
        False,
        43.7,
        {"skill": 0.0, "attitude": 0.0, "smile": 0.0},
    ),
    Transcript(
        QUIET,
        "pretend to have heard the mumbled question",
        [1, 1, 1, 4, 1, 1, 1],
        "satisfied",
        True,
        86.9,
        {"procedure": 50.0, "skill": 83.3},
    ),
    # -- suspicious: clear evidence and grounds -------------------------------------------------
    Transcript(
        SUSPICIOUS,
        "apologise, show the record, refund, receipt and name",
        [1, 1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"knowledge": 100.0, "skill": 100.0, "procedure": 100.0, "composure": 100.0},
    ),
    Transcript(
        SUSPICIOUS,
        "'trust me', no refund, 'don't worry', hang up first",
        [1, 3, 2, 1, 2, 2, 2, 2],
        "neutral",
        False,
        53.1,
        {"knowledge": 11.1, "skill": 40.0, "procedure": 40.0},
    ),
    Transcript(
        SUSPICIOUS,
        "tell the customer he did not read the notice",
        [1, 1, 3, 1, 1, 1, 1, 1],
        "satisfied",
        False,
        91.7,
        {"attitude": 87.5, "composure": 78.6},
        blockers=["no_blame"],
    ),
    # -- with children: a fitting compliment, practical help ------------------------------------
    Transcript(
        WITH_CHILDREN,
        "greet both, praise the saving, phone certificate, ask before the sweet",
        [1, 1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"service": 100.0, "skill": 100.0, "smile": 100.0},
    ),
    Transcript(
        WITH_CHILDREN,
        "skip the child, send them to the centre, sweets unasked",
        [2, 3, 3, 2, 1, 1, 1],
        "satisfied",
        False,
        69.1,
        {"service": 40.0, "skill": 51.9, "knowledge": 33.3},
    ),
    Transcript(
        WITH_CHILDREN,
        "'no certificate, come back another day'",
        [1, 1, 2],
        "lost",
        False,
        58.1,
        {"service": 0.0, "attitude": 0.0},
    ),
]


def _load(file: str):
    return load(FOLDER, file)


@pytest.mark.parametrize("t", TRANSCRIPTS, ids=lambda t: f"{t.file.split('-')[0]}: {t.name}")
def test_transcript(t: Transcript) -> None:
    check(FOLDER, t)


def test_every_scenario_of_part_two_has_a_best_and_a_failing_transcript() -> None:
    check_best_and_failing([ABUSIVE, QUIET, SUSPICIOUS, WITH_CHILDREN], TRANSCRIPTS)


def test_every_type_of_part_two_has_its_scenario() -> None:
    types = {_load(f)[0].customer.type for f in (ABUSIVE, QUIET, SUSPICIOUS, WITH_CHILDREN)}
    assert types == {"abusive", "quiet", "suspicious", "with_children"}


def test_abusive_call_best_path_is_a_reported_escalation_not_endurance() -> None:
    """The model answer sets a boundary: its ending is escalated, and the debrief names calm_boundary."""
    scenario, rubric = _load(ABUSIVE)
    session = play(scenario, rubric, [1, 1, 1, 1, 1, 1, 1, 1])
    assert session.node.id == "reported"
    cited = {c.principle for d in session.result().decisions for c in d.chosen.citations if c.followed}
    assert {"calm_boundary", "give_name", "apologise_first"} <= cited


def test_enduring_abuse_is_coached_towards_the_warning() -> None:
    scenario, rubric = _load(ABUSIVE)
    decisions = play(scenario, rubric, [1, 1, 1, 2, 2, 2]).result().decisions
    endured = [d for d in decisions if d.node.startswith("abuse")]
    assert len(endured) == 3
    for d in endured:
        assert not d.is_best
        assert "욕설" in d.best_say
        assert any("폭언" in line for line in d.feedback)
