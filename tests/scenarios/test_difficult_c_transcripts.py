"""Transcripts of the difficult-customer scenarios, part 3: emotional-labour protection (issue #12).

The shouting customer at the counter, the caller who turns to sexual remarks and the repeat complainer
who wants compensation all teach the same thing from three sides: protect yourself by process, never by
endurance and never by retaliation. Each best path ends with a report and a recovery break; skipping the
break, staying silent or hitting back fails. The numbers come from the scenarios as designed (checked
against ``eungdae replay --json``).
"""

from __future__ import annotations

import pytest

from game.engine.session import play
from game.scenario.library import BUILTIN_SCENARIOS
from tests.scenarios import test_difficult_a_transcripts as part_a
from tests.scenarios import test_difficult_b_transcripts as part_b
from tests.scenarios.transcripts import Transcript, check, check_best_and_failing, load

FOLDER = BUILTIN_SCENARIOS / "difficult"
SHOUTING = "shouting-at-counter.yaml"
HARASSMENT = "harassment-call.yaml"
REPEAT = "repeat-compensation-demand.yaml"
PART_C = [SHOUTING, HARASSMENT, REPEAT]


TRANSCRIPTS = [
    # -- shouting at the counter ------------------------------------------------------------------
    Transcript(
        SHOUTING,
        "apologises, draws one line, briefs the manager, solves today, records and rests",
        [1, 1, 1, 1, 1, 1],
        "satisfied",
        True,
        100.0,
        {"composure": 100.0, "procedure": 100.0, "attitude": 100.0},
    ),
    Transcript(
        SHOUTING,
        "apologises, then answers the 반말 in kind",
        [1, 4],
        "lost",
        False,
        71.1,
        {"attitude": 28.6, "composure": 54.5},
        blockers=["no_retaliation"],
    ),
    Transcript(
        SHOUTING,
        "takes the abuse as his own fault and skips the break to serve the queue",
        [1, 3, 1, 1, 2, 1],
        "neutral",
        False,
        69.7,
        {"composure": 55.6, "habit": 66.7},
    ),
    Transcript(
        SHOUTING,
        "tells the manager in front of the customer how rude he was",
        [1, 1, 2, 1, 1, 1],
        "escalated",
        False,
        82.4,
        {"procedure": 57.1, "composure": 83.3},
        blockers=["no_blame"],
    ),
    # -- sexual harassment on the phone -----------------------------------------------------------
    Transcript(
        HARASSMENT,
        "one warning with the consequence, ends as announced, reports, rests",
        [1, 1, 1, 1, 1, 1, 1],
        "escalated",
        True,
        100.0,
        {"composure": 100.0, "attitude": 100.0, "skill": 100.0},
    ),
    Transcript(
        HARASSMENT,
        "laughs it off, then keeps selling through the remarks",
        [1, 1, 3, 3],
        "lost",
        False,
        72.5,
        {"composure": 11.1, "habit": 50.0},
    ),
    Transcript(
        HARASSMENT,
        "ends the call well but tells the manager it was nothing",
        [1, 1, 1, 1, 2, 1, 1],
        "neutral",
        False,
        86.3,
        {"knowledge": 33.3, "composure": 76.5},
    ),
    Transcript(
        HARASSMENT,
        "reports it but turns down the break",
        [1, 1, 1, 1, 1, 2, 1],
        "neutral",
        False,
        89.6,
        {"composure": 76.5, "smile": 75.0},
    ),
    # -- the fifth call: a repeat complaint demanding compensation --------------------------------
    Transcript(
        REPEAT,
        "apologises, says what can and cannot be given, hands over to the dedicated team, reports, rests",
        [1, 1, 1, 1, 1, 1, 1],
        "escalated",
        True,
        100.0,
        {"procedure": 100.0, "composure": 100.0, "knowledge": 100.0},
    ),
    Transcript(
        REPEAT,
        "soothes with a promise beyond their authority: the dedicated team has to take it back",
        [1, 1, 2, 1, 1, 1, 1],
        "escalated",
        False,
        84.3,
        {"knowledge": 60.0, "procedure": 45.5},
    ),
    Transcript(
        REPEAT,
        "reads the dispute-resolution rules aloud: correct, cold, and still a pass",
        [1, 1, 3, 1, 1, 1, 1],
        "escalated",
        True,
        82.8,
        {"service": 0.0, "smile": 75.0, "knowledge": 100.0},
    ),
    Transcript(
        REPEAT,
        "apologises for the abuse and keeps listening after the warning",
        [1, 1, 1, 3, 3, 1, 1],
        "lost",
        False,
        86.2,
        {"composure": 52.9, "habit": 71.4},
    ),
]


@pytest.mark.parametrize("t", TRANSCRIPTS, ids=lambda t: f"{t.file}: {t.name}")
def test_transcript(t: Transcript) -> None:
    check(FOLDER, t)


def test_every_scenario_of_part_three_has_a_best_and_a_failing_transcript() -> None:
    check_best_and_failing(PART_C, TRANSCRIPTS)


def test_every_difficult_scenario_belongs_to_a_transcript_group() -> None:
    part_b_files = {t.file for t in part_b.TRANSCRIPTS}
    for path in FOLDER.glob("*.yaml"):
        grouped = path.name.startswith(part_a.GROUP_PREFIXES) or path.name in part_b_files | set(PART_C)
        assert grouped, f"{path.name} has no transcripts"


@pytest.mark.parametrize("file", PART_C)
def test_the_best_path_ends_with_a_break_not_endurance(file: str) -> None:
    """The model answer draws a boundary and takes the recovery break the manager offers."""
    scenario, rubric = load(FOLDER, file)
    session = play(scenario, rubric, [1] * (6 if file == SHOUTING else 7))
    cited = {c.principle for d in session.result().decisions for c in d.chosen.citations if c.followed}
    assert "calm_boundary" in cited
    assert session.result().passed
