"""Transcripts of the difficult-customer scenarios, part 1 (hurried, fault-finding, arrogant, cheerful).

Each case replays a path through the real scenario file and the default rubric and pins what a trainer
would read on the debrief: the ending, pass or fail, the overall score and the dimensions the path is
about. The numbers come from the scenarios as designed (checked against ``eungdae replay --json``), so
a change to the engine, the rubric or a scenario that moves a score shows up here.
"""

from __future__ import annotations

import pytest

from game.scenario.library import BUILTIN_SCENARIOS
from tests.scenarios.transcripts import Transcript, check, check_best_and_failing

FOLDER = BUILTIN_SCENARIOS / "difficult"
GROUP_PREFIXES = ("hurried-", "fault-finding-", "arrogant-", "cheerful-")  # part 2 has the other types


TRANSCRIPTS = [
    Transcript(
        "hurried-repair-pickup.yaml",
        "best",
        [1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"speed": 100.0, "skill": 100.0, "service": 100.0},
    ),
    Transcript(
        "hurried-repair-pickup.yaml",
        "best words, answered late",
        [1, 1, 1, 1, 1],
        "satisfied",
        True,
        91.7,
        {"speed": 80.0, "skill": 100.0, "habit": 60.0},
        seconds=[9.0, 3.0, 25.0, 4.0, 2.0],
    ),
    Transcript(
        "hurried-repair-pickup.yaml",
        "chat, recite, refuse, let go",
        [4, 2, 2, 2],
        "lost",
        False,
        53.2,
        {"skill": 0.0, "service": 33.3, "attitude": 40.0},
    ),
    Transcript(
        "fault-finding-dining-table-call.yaml",
        "best",
        [1, 1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"procedure": 100.0, "composure": 100.0, "skill": 100.0},
    ),
    Transcript(
        "fault-finding-dining-table-call.yaml",
        "a comforting untruth: high points, but the unkept promise fails",
        [1, 1, 1, 3, 1, 1, 1],
        "neutral",
        False,
        91.4,
        {"knowledge": 25.0, "procedure": 100.0, "skill": 85.7},
    ),
    Transcript(
        "fault-finding-dining-table-call.yaml",
        "explain early, compare with others, talk back",
        [2, 2, 4, 3],
        "lost",
        False,
        30.6,
        {"composure": 16.7, "procedure": 28.6, "attitude": 30.0},
        blockers=["no_argument"],
    ),
    Transcript(
        "arrogant-hotel-early-check-in.yaml",
        "best",
        [1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"attitude": 100.0, "skill": 100.0, "composure": 100.0},
    ),
    Transcript(
        "arrogant-hotel-early-check-in.yaml",
        "promise the room at once, then own the mistake",
        [1, 4, 1, 1, 1, 1],
        "satisfied",
        True,
        86.2,
        {"knowledge": 42.9, "attitude": 91.7, "service": 83.3},
    ),
    Transcript(
        "arrogant-hotel-early-check-in.yaml",
        "stay seated, correct his tier, win the argument",
        [4, 2, 2],
        "lost",
        False,
        22.4,
        {"attitude": 14.3, "composure": 0.0, "smile": 0.0},
        blockers=["no_argument"],
    ),
    Transcript(
        "cheerful-birthday-cake-order.yaml",
        "best",
        [1, 1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"skill": 100.0, "knowledge": 100.0, "smile": 100.0},
    ),
    Transcript(
        "cheerful-birthday-cake-order.yaml",
        "carried away: chat back, say maybe, promise to try",
        [1, 2, 1, 2, 2, 1, 1],
        "neutral",
        False,
        71.8,
        {"skill": 40.0, "service": 50.0, "smile": 100.0},
    ),
    Transcript(
        "cheerful-birthday-cake-order.yaml",
        "say 'I will check' about the photo: high points, but the vague promise fails",
        [1, 1, 1, 2, 1, 1, 1],
        "neutral",
        False,
        92.2,
        {"skill": 76.0, "knowledge": 76.0, "service": 100.0},
    ),
    Transcript(
        "cheerful-birthday-cake-order.yaml",
        "promise the photo: high points, but a lost customer fails the attempt",
        [1, 1, 1, 4, 1, 1, 1],
        "lost",
        False,
        83.9,
        {"service": 50.0, "knowledge": 76.0, "skill": 76.0},
    ),
    Transcript(
        "cheerful-birthday-cake-order.yaml",
        "maybe, bare 네?, flat no, wrong no, let her go",
        [1, 3, 2, 3, 3, 2],
        "lost",
        False,
        47.9,
        {"attitude": 14.3, "knowledge": 39.1, "skill": 28.6},
    ),
]


@pytest.mark.parametrize("case", TRANSCRIPTS, ids=lambda c: f"{c.file.removesuffix('.yaml')}: {c.name}")
def test_transcript(case: Transcript):
    check(FOLDER, case)


def test_every_scenario_of_the_group_has_a_best_and_a_failing_transcript():
    files = sorted(path.name for path in FOLDER.glob("*.yaml") if path.name.startswith(GROUP_PREFIXES))
    check_best_and_failing(files, TRANSCRIPTS)
