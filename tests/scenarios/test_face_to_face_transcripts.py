"""Transcripts of the face-to-face scenarios.

Each case replays one path through the real scenario file under the default rubric and pins what a
trainer reads on the debrief: the ending, pass or fail, the overall score, the dimensions the path is
about and any blocker. The numbers come from the scenarios as designed (checked against
``eungdae replay --json``), so a change to the engine, the rubric or a scenario that moves a score is
noticed here rather than by a trainee.
"""

from __future__ import annotations

import pytest

from game.scenario.library import BUILTIN_SCENARIOS
from tests.scenarios.transcripts import Transcript, check, check_best_and_failing

FOLDER = BUILTIN_SCENARIOS / "face_to_face"


TRANSCRIPTS = [
    Transcript(
        "five-stage-reception.yaml",
        "best: all five stages",
        [1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"smile": 100.0, "speed": 100.0, "skill": 100.0},
    ),
    Transcript(
        "five-stage-reception.yaml",
        "best words, slow to stand up",
        [1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        95.7,
        {"speed": 80.0, "habit": 83.3, "smile": 100.0},
        seconds=[8.0, 3.0, 3.0, 3.0, 3.0, 3.0],
    ),
    Transcript(
        "five-stage-reception.yaml",
        "lectures the customer about losing the card, then apologises",
        [1, 1, 1, 1, 3, 1, 1],
        "satisfied",
        False,
        81.3,
        {"service": 71.4, "composure": 50.0, "attitude": 81.8},
        blockers=["no_blame"],
    ),
    Transcript(
        "five-stage-reception.yaml",
        "keeps typing, skips the ID, not my job, lectures and argues",
        [3, 3, 3, 3, 2, 3, 3],
        "lost",
        False,
        11.9,
        {"smile": 16.7, "skill": 0.0, "composure": 0.0},
        blockers=["no_blame", "no_argument"],
    ),
    Transcript(
        "business-card-and-guide.yaml",
        "best: card, guide, seat of honour, tea",
        [1, 1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"attitude": 100.0, "service": 100.0, "knowledge": 100.0},
    ),
    Transcript(
        "business-card-and-guide.yaml",
        "good card, then rushes ahead, seats by the door, silent coffee",
        [1, 1, 1, 2, 2, 2, 1],
        "satisfied",
        False,
        68.0,
        {"service": 40.0, "knowledge": 50.0, "smile": 85.7},
    ),
    Transcript(
        "business-card-and-guide.yaml",
        "asks from the seat, pockets the card, points the way, leaves without a word",
        [3, 2, 2, 2, 3, 3, 3],
        "lost",
        False,
        15.6,
        {"service": 0.0, "knowledge": 0.0, "attitude": 33.3},
    ),
    Transcript(
        "late-greeting.yaml",
        "best: apologise at once, short reason, never wait unasked",
        [1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"composure": 100.0, "speed": 100.0, "skill": 100.0},
    ),
    Transcript(
        "late-greeting.yaml",
        "right words, but a beat too slow to come out",
        [1, 1, 1, 1, 1],
        "satisfied",
        True,
        96.5,
        {"speed": 88.9, "habit": 80.0, "composure": 100.0},
        seconds=[6.0, 2.0, 2.0, 2.0, 2.0],
    ),
    Transcript(
        "late-greeting.yaml",
        "no apology until the goodbye",
        [2, 2, 1, 1, 1, 1],
        "satisfied",
        False,
        75.4,
        {"composure": 33.3, "smile": 75.0, "habit": 66.7},
    ),
    Transcript(
        "late-greeting.yaml",
        "blames the customer for not ringing the bell",
        [4],
        "lost",
        False,
        34.3,
        {"attitude": 0.0, "composure": 0.0},
        blockers=["no_blame"],
    ),
    Transcript(
        "mixed-up-visitors.yaml",
        "best: own the mix-up, protect her face, report back",
        [1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"procedure": 100.0, "composure": 100.0, "attitude": 100.0},
    ),
    Transcript(
        "mixed-up-visitors.yaml",
        "right words, but stands frozen at the desk",
        [1, 1, 1, 1, 1],
        "satisfied",
        True,
        95.2,
        {"speed": 71.4, "habit": 80.0, "procedure": 100.0},
        seconds=[10.0, 3.0, 3.0, 3.0, 3.0],
    ),
    Transcript(
        "mixed-up-visitors.yaml",
        'blames her "yes", then wins her back',
        [1, 2, 1, 1, 1, 1],
        "satisfied",
        False,
        82.3,
        {"procedure": 50.0, "composure": 75.0, "attitude": 83.3},
        blockers=["no_blame"],
    ),
    Transcript(
        "mixed-up-visitors.yaml",
        "doubts the second guest, blames a colleague, blames the system",
        [2, 3, 3],
        "lost",
        False,
        22.9,
        {"attitude": 0.0, "procedure": 0.0, "composure": 38.5},
    ),
    Transcript(
        "wrong-floor-elder.yaml",
        "best: draw the purpose out, escort her, hand over",
        [1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"service": 100.0, "attitude": 100.0, "skill": 100.0},
    ),
    Transcript(
        "wrong-floor-elder.yaml",
        "right words, slow to notice her at the door",
        [1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        93.8,
        {"speed": 75.0, "habit": 83.3, "service": 100.0},
        seconds=[9.0, 2.0, 2.0, 2.0, 2.0, 2.0],
    ),
    Transcript(
        "wrong-floor-elder.yaml",
        "finds the floor but only gives directions, twice",
        [1, 1, 1, 1, 2, 2],
        "neutral",
        False,
        82.5,
        {"service": 45.0, "attitude": 66.7, "knowledge": 100.0},
    ),
    Transcript(
        "wrong-floor-elder.yaml",
        "waits at the desk, not insurance, bare 네?, not my department",
        [3, 2, 2, 3],
        "lost",
        False,
        15.6,
        {"attitude": 0.0, "smile": 0.0, "service": 22.2},
    ),
    # The honorific drill at a café counter (issue #12).
    Transcript(
        "honorific-drill-cafe.yaml",
        "plain honorifics: 9,000원입니다, 점장은, 여쭤봐도 될까요, 나왔습니다",
        [1, 1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"attitude": 100.0, "knowledge": 100.0, "skill": 100.0},
    ),
    Transcript(
        "honorific-drill-cafe.yaml",
        "friendly but every line honours the coffee, the price or the manager",
        [1, 2, 2, 2, 2, 2, 1],
        "satisfied",
        False,
        65.1,
        {"attitude": 5.3, "skill": 0.0, "knowledge": 100.0, "habit": 28.6},
    ),
    Transcript(
        "honorific-drill-cafe.yaml",
        "perfect wording, but asks the customer to come back for the group order",
        [1, 1, 1, 1, 3, 1, 1],
        "neutral",
        False,
        91.6,
        {"service": 80.0, "attitude": 73.7},
    ),
]


@pytest.mark.parametrize("case", TRANSCRIPTS, ids=lambda c: f"{c.file}: {c.name}")
def test_transcript(case: Transcript) -> None:
    check(FOLDER, case)


def test_every_face_to_face_scenario_has_a_best_and_a_failing_transcript() -> None:
    check_best_and_failing(sorted(p.name for p in FOLDER.glob("*.yaml")), TRANSCRIPTS)
