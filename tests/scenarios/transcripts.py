"""The shared shape of a transcript test: a path through a real scenario file and what the debrief
must say about it. Each group's module holds only its transcripts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from game.engine.session import play
from game.scenario.library import load_one
from game.scenario.model import Scenario
from game.scenario.rubric import Rubric

TOLERANCE = 0.05  # scores are pinned to one decimal


@dataclass(frozen=True)
class Transcript:
    file: str
    name: str
    choices: list[int]
    ending: str
    passed: bool
    overall: float
    dimensions: dict[str, float | None]
    seconds: list[float] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)


@cache
def load(folder: Path, file: str) -> tuple[Scenario, Rubric]:
    """Loaded once per file: loading validates against the schema, which is the slow part."""
    return load_one(str(folder / file))


def check(folder: Path, case: Transcript) -> None:
    scenario, rubric = load(folder, case.file)
    session = play(scenario, rubric, case.choices, case.seconds or None)
    result = session.result()
    assert session.finished, f"stopped at '{session.node.id}'"
    assert result.ending == case.ending
    assert result.passed is case.passed
    assert result.overall == pytest.approx(case.overall, abs=TOLERANCE)
    for dimension, expected in case.dimensions.items():
        assert result.dimensions[dimension] == pytest.approx(expected, abs=TOLERANCE), dimension
    assert result.blockers == case.blockers


def check_best_and_failing(files: list[str], cases: list[Transcript]) -> None:
    """Every scenario of a group has its best path (100, passed) and a failing path pinned."""
    assert files
    for file in files:
        mine = [c for c in cases if c.file == file]
        assert any(c.passed and c.overall == 100.0 for c in mine), f"{file}: no best-path transcript"
        assert any(not c.passed for c in mine), f"{file}: no failing transcript"
