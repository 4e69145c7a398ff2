"""Transcripts of the phone scenarios.

Each case replays one path of a scenario in scenarios/phone/ under the default rubric and pins what the
debrief shows a trainee: the ending, pass or fail, the overall score, the dimensions the path is about
and any blocker. The numbers were taken from the scenarios as designed and checked against
``eungdae replay ID --choices ... --json``; when a change to the engine, the rubric or a scenario moves
one of them, this test says which call and which dimension moved.
"""

from __future__ import annotations

import pytest

from game.scenario.library import BUILTIN_SCENARIOS
from tests.scenarios.transcripts import Transcript, check, check_best_and_failing

FOLDER = BUILTIN_SCENARIOS / "phone"


CALLS = [
    # The complaint call (written with the scenario language).
    Transcript(
        "late-delivery-call.yaml",
        "apologise, find the cause, express re-send, promise a call back",
        [1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"procedure": 100.0, "composure": 100.0, "speed": 100.0},
    ),
    Transcript(
        "late-delivery-call.yaml",
        "excuse about courier volume, then hands over to the manager",
        [1, 2, 2],
        "escalated",
        False,
        47.3,
        {"service": 0.0, "attitude": 14.3, "procedure": 0.0, "composure": 40.0},
    ),
    # Answering a call.
    Transcript(
        "answering-call.yaml",
        "company, team and name; owns the stock check; reads back; hangs up after the caller",
        [1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"skill": 100.0, "attitude": 100.0, "service": 100.0},
    ),
    Transcript(
        "answering-call.yaml",
        "the same words, but the phone rang for 13 seconds",
        [1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        90.7,
        {"speed": 42.9, "habit": 83.3, "skill": 100.0},
        seconds=[13.0],
    ),
    Transcript(
        "answering-call.yaml",
        "a good call spoiled by a remark about the caller before she hung up",
        [1, 1, 1, 1, 1, 3],
        "lost",
        False,
        71.7,
        {"attitude": 58.3, "composure": 0.0, "service": 81.8},
        blockers=["no_blame"],
    ),
    Transcript(
        "answering-call.yaml",
        "demands the order number, says stock is not my job, gives out another number",
        [1, 2, 2, 2],
        "neutral",
        False,
        61.8,
        {"service": 25.0, "attitude": 12.5, "habit": 25.0},
    ),
    # Transferring a call and taking a message.
    Transcript(
        "transfer-and-message.yaml",
        "asks before the hold, comes back with options, reads the memo back, delivers it",
        [1, 1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"speed": 100.0, "knowledge": 100.0, "procedure": 100.0},
    ),
    Transcript(
        "transfer-and-message.yaml",
        "lets it ring, asks the name again, 'not here', 'nothing I can do'",
        [2, 3, 2, 2],
        "lost",
        False,
        15.2,
        {"service": 0.0, "knowledge": 0.0, "speed": 69.2, "procedure": 0.0},
    ),
    # An outbound call.
    Transcript(
        "outbound-call.yaml",
        "plans the call, has the documents, identifies both sides, states the purpose, reads back",
        [1, 1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"knowledge": 100.0, "skill": 100.0, "service": 100.0},
    ),
    Transcript(
        "outbound-call.yaml",
        "dials unprepared, launches in, blurts the news, defends the company",
        [2, 3, 3, 2, 2, 2],
        "lost",
        False,
        4.7,
        {"knowledge": 0.0, "skill": 0.0, "composure": 0.0, "smile": 33.3},
        blockers=["no_argument"],
    ),
    # Not hearing the caller.
    Transcript(
        "bad-line.yaml",
        "asks politely, reads back what was heard, calls back, checks the digits",
        [1, 1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"skill": 100.0, "knowledge": 100.0, "attitude": 100.0},
    ),
    Transcript(
        "bad-line.yaml",
        "a bare '네?', then 'you said 305 earlier' when she corrects herself",
        [1, 2, 1, 1, 1, 2, 1],
        "satisfied",
        False,
        73.2,
        {"attitude": 60.0, "skill": 85.7, "composure": 0.0},
        blockers=["no_blame"],
    ),
    # A regular caller put on hold.
    Transcript(
        "regular-on-hold.yaml",
        "greets her by name, asks before the hold, comes back when the minute is up",
        [1, 1, 1, 1, 1, 1],
        "delighted",
        True,
        100.0,
        {"smile": 100.0, "speed": 100.0, "service": 100.0},
    ),
    Transcript(
        "regular-on-hold.yaml",
        "holds without asking, leaves her on hold, blames the installation team",
        [1, 1, 2, 2, 2],
        "neutral",
        False,
        55.6,
        {"speed": 61.5, "attitude": 60.0, "composure": 60.0},
    ),
    Transcript(
        "regular-on-hold.yaml",
        "puts the receiver down unheld and talks about her",
        [1, 1, 4],
        "lost",
        False,
        52.0,
        {"attitude": 44.4, "composure": 0.0},
        blockers=["no_blame"],
    ),
]


@pytest.mark.parametrize("call", CALLS, ids=lambda c: f"{c.file}: {c.name}")
def test_transcript(call: Transcript) -> None:
    check(FOLDER, call)


def test_every_phone_scenario_has_a_best_and_a_failing_transcript() -> None:
    check_best_and_failing(sorted(p.name for p in FOLDER.glob("*.yaml")), CALLS)
