"""Transcript tests: a trainer's file of paths through a scenario and what the debrief must say.

A scenario ``late-delivery-call.yaml`` has its tests beside it in ``late-delivery-call.test.yaml``.
Paths name options by id (stable when options are reordered or shuffled) or by authored number, so
the file reads like the scenario it tests. ``eungdae test`` and the pytest suite run these files
through the same code, so a trainer and the test suite cannot disagree about what a path scores.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.engine.scoring import Result
from game.engine.session import Session, SessionError
from game.scenario.diagnostics import Diagnostic
from game.scenario.model import Pos, Scenario
from game.scenario.rubric import Rubric
from game.scenario.source import Located, load_located

SUFFIX = ".test.yaml"
DEFAULT_TOLERANCE = 0.05  # the debrief shows one decimal
_FILE_KEYS = ("scenario", "tolerance", "cases")
_CASE_KEYS = ("name", "path", "seconds", "ending", "pass", "overall", "dimensions", "blockers", "tolerance")


@dataclass(frozen=True)
class Step:
    """One decision: an option id, an authored number (1-based), or typed words."""

    option: str | int | None
    typed: str | None
    pos: Pos

    def __str__(self) -> str:
        return repr(self.typed) if self.typed is not None else str(self.option)


@dataclass(frozen=True)
class Case:
    name: str
    steps: tuple[Step, ...]
    seconds: tuple[float, ...]
    ending: str
    passed: bool
    overall: float
    pos: Pos
    dimensions: dict[str, float] = field(default_factory=dict)
    blockers: tuple[str, ...] = ()
    tolerance: float = DEFAULT_TOLERANCE


@dataclass(frozen=True)
class TranscriptFile:
    path: str
    scenario: str  # the scenario file the cases play
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class Mismatch:
    what: str
    expected: Any
    got: Any


@dataclass
class Outcome:
    """How one case came out: it passed, failed (mismatches), or could not be played (error)."""

    case: Case
    mismatches: list[Mismatch] = field(default_factory=list)
    error: str = ""
    error_pos: Pos | None = None
    result: Result | None = None

    @property
    def ok(self) -> bool:
        return not self.mismatches and not self.error


def scenario_for(test_path: str) -> str:
    """``x.test.yaml`` tests ``x.yaml`` beside it."""
    return str(Path(test_path).with_name(Path(test_path).name.removesuffix(SUFFIX) + ".yaml"))


def transcript_file_for(scenario_path: str) -> str:
    return str(Path(scenario_path).with_suffix("").with_name(Path(scenario_path).stem + SUFFIX))


def transcript_files(paths: list[str]) -> list[str]:
    """Test files under folders, given directly, or beside a scenario file that was given."""
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(str(p) for p in sorted(path.rglob(f"*{SUFFIX}")))
        elif path.name.endswith(SUFFIX):
            found.append(raw)
        else:  # a scenario: its tests beside it ("cannot be read" names that file when there are none)
            found.append(transcript_file_for(raw))
    return list(dict.fromkeys(found))


def _error(message: str, hint: str, pos: Pos, code: str = "E501") -> Diagnostic:
    return Diagnostic(code, message, hint, pos)


def _unknown_keys(raw: dict, allowed: tuple[str, ...], located: Located, path: tuple) -> list[Diagnostic]:
    out = []
    for key in raw:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
            out.append(
                _error(f"unknown key '{key}' in a transcript test", hint, located.pos((*path, key), key=True))
            )
    return out


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _steps(raw: Any, located: Located, path: tuple, out: list[Diagnostic]) -> tuple[Step, ...]:
    if not isinstance(raw, list) or not raw:
        out.append(
            _error(
                "'path' must be a list of option ids or numbers",
                "e.g. path: [greet, apologise, 2]",
                located.pos(path),
            )
        )
        return ()
    steps = []
    for index, item in enumerate(raw):
        here = (*path, index)
        if isinstance(item, bool) or item is None:
            out.append(
                _error(
                    f"step {index + 1} is {item!r}, not an option", "write the option's id", located.pos(here)
                )
            )
        elif isinstance(item, (str, int)):
            steps.append(Step(item, None, located.pos(here)))
        elif isinstance(item, dict) and set(item) == {"type"} and isinstance(item["type"], str):
            steps.append(Step(None, item["type"], located.pos(here)))
        else:
            out.append(
                _error(
                    f"step {index + 1} is not an option id, a number or {{type: words}}",
                    "at a typed reply write {type: 말씀하실 문장} or the example's number",
                    located.pos(here),
                )
            )
    return tuple(steps)


def _case(raw: Any, index: int, located: Located, tolerance: float, out: list[Diagnostic]) -> Case | None:
    path = ("cases", index)
    if not isinstance(raw, dict):
        out.append(
            _error(
                "a case must be a mapping with name, path and what must come out",
                "see docs/authoring.md",
                located.pos(path),
            )
        )
        return None
    before = len(out)
    out.extend(_unknown_keys(raw, _CASE_KEYS, located, path))
    for key in ("path", "ending", "pass", "overall"):
        if key not in raw:
            out.append(_error(f"case {index + 1} has no '{key}'", f"add '{key}:'", located.pos(path)))
    steps = _steps(raw.get("path"), located, (*path, "path"), out) if "path" in raw else ()
    seconds = raw.get("seconds", [])
    if not isinstance(seconds, list) or not all(_number(s) and s >= 0 for s in seconds):
        out.append(
            _error(
                "'seconds' must be a list of response times",
                "e.g. seconds: [13, 2.5]",
                located.pos((*path, "seconds")),
            )
        )
        seconds = []
    if "pass" in raw and not isinstance(raw["pass"], bool):
        out.append(
            _error(
                "'pass' must be true or false",
                "write pass: true or pass: false",
                located.pos((*path, "pass")),
            )
        )
    if "overall" in raw and not _number(raw["overall"]):
        out.append(
            _error("'overall' must be a number", "e.g. overall: 72.5", located.pos((*path, "overall")))
        )
    dimensions = raw.get("dimensions", {})
    if not isinstance(dimensions, dict) or not all(_number(v) for v in dimensions.values()):
        out.append(
            _error(
                "'dimensions' must map dimension ids to scores",
                "e.g. dimensions: {speed: 42.9}",
                located.pos((*path, "dimensions")),
            )
        )
        dimensions = {}
    blockers = raw.get("blockers", [])
    if not isinstance(blockers, list) or not all(isinstance(b, str) for b in blockers):
        out.append(
            _error(
                "'blockers' must be a list of principle ids",
                "e.g. blockers: [no_blame]",
                located.pos((*path, "blockers")),
            )
        )
        blockers = []
    own = raw.get("tolerance", tolerance)
    if not _number(own) or own < 0:
        out.append(
            _error(
                "'tolerance' must be a number of points, 0 or more",
                "e.g. tolerance: 0.5",
                located.pos((*path, "tolerance")),
            )
        )
        own = tolerance
    if len(out) > before:
        return None
    return Case(
        name=str(raw.get("name", f"case {index + 1}")),
        steps=steps,
        seconds=tuple(float(s) for s in seconds),
        ending=str(raw["ending"]),
        passed=raw["pass"],
        overall=float(raw["overall"]),
        dimensions={str(k): float(v) for k, v in dimensions.items()},
        blockers=tuple(blockers),
        tolerance=float(own),
        pos=located.pos(path),
    )


def load_tests(path: str) -> tuple[TranscriptFile | None, list[Diagnostic]]:
    """Read and check a test file; every problem comes back as a positioned diagnostic."""
    located, problems = load_located(path)
    if located is None or any(p.is_error for p in problems):
        return None, problems
    data = located.data
    out = list(problems) + _unknown_keys(data, _FILE_KEYS, located, ())
    tolerance = data.get("tolerance", DEFAULT_TOLERANCE)
    if not _number(tolerance) or tolerance < 0:
        out.append(
            _error(
                "'tolerance' must be a number of points, 0 or more",
                "e.g. tolerance: 0.05",
                located.pos(("tolerance",)),
            )
        )
        tolerance = DEFAULT_TOLERANCE
    scenario = data.get("scenario")
    if scenario is None:
        scenario_path = scenario_for(path)
    elif isinstance(scenario, str):
        scenario_path = os.path.join(os.path.dirname(path), scenario)
    else:
        out.append(
            _error(
                "'scenario' must be a file name", "e.g. scenario: my-call.yaml", located.pos(("scenario",))
            )
        )
        scenario_path = scenario_for(path)
    raw_cases = data.get("cases")
    if not isinstance(raw_cases, list) or not raw_cases:
        out.append(
            _error(
                "no 'cases:' list",
                "add cases: with at least one case (name, path, ending, pass, overall)",
                located.pos(("cases",)),
            )
        )
        raw_cases = []
    cases = [_case(raw, i, located, float(tolerance), out) for i, raw in enumerate(raw_cases)]
    if not os.path.isfile(scenario_path):
        where = located.pos(("scenario",)) if scenario is not None else Pos(path, 1, 1)
        out.append(
            _error(
                f"no scenario file {scenario_path} for these tests",
                f"name the test file <scenario>{SUFFIX} beside the scenario, or set 'scenario:'",
                where,
                code="E502",
            )
        )
    if any(d.is_error for d in out):
        return None, out
    return TranscriptFile(path, scenario_path, tuple(c for c in cases if c is not None)), out


def _option_number(session: Session, step: Step) -> int:
    """The position among the options shown now of the option a step names; SessionError if none."""
    node = session.node
    shown = session.available()
    if isinstance(step.option, int):
        if not 1 <= step.option <= len(node.choices):
            raise SessionError(f"node '{node.id}' has {len(node.choices)} options, not {step.option}")
        wanted = node.choices[step.option - 1].id
    else:
        wanted = str(step.option)
    for number, choice in enumerate(shown, 1):
        if choice.id == wanted:
            return number
    ids = [c.id for c in shown]
    if any(c.id == wanted for c in node.choices):
        raise SessionError(
            f"option '{wanted}' is not offered at node '{node.id}' on this path (its 'if' does not hold)"
        )
    close = difflib.get_close_matches(wanted, ids, n=1)
    hint = f" — did you mean '{close[0]}'?" if close else ""
    raise SessionError(f"node '{node.id}' has no option '{wanted}' (options: {', '.join(ids)}){hint}")


def _take(session: Session, step: Step, seconds: float) -> None:
    typed = session.node.typed
    if typed is None and step.typed is None:
        session.choose(_option_number(session, step), seconds)
        return
    if typed is None:
        raise SessionError(f"node '{session.node.id}' offers options, not a typed reply")
    if step.typed is not None:
        session.answer(step.typed, seconds)
        return
    option = step.option
    if isinstance(option, str) and option.startswith("example") and option[7:].isdigit():
        option = int(option[7:])
    if not isinstance(option, int) or not 1 <= option <= len(typed.examples):
        raise SessionError(
            f"node '{session.node.id}' asks for a typed reply: write {{type: words}} "
            f"or an example number 1..{len(typed.examples)}"
        )
    session.answer(typed.examples[option - 1], seconds)


def play_case(scenario: Scenario, rubric: Rubric, case: Case) -> Session:
    """Play a case's path; SessionError (with the step's position in ``args[1]``) when it does not fit."""
    session = Session(scenario, rubric, clock=lambda: 0.0)
    for index, step in enumerate(case.steps):
        while session.needs_advance:
            session.advance()
        if session.finished:
            raise SessionError(
                f"the scenario ended after {index} decisions; the path has {len(case.steps)}", step.pos
            )
        seconds = case.seconds[index] if index < len(case.seconds) else 0.0
        try:
            _take(session, step, seconds)
        except SessionError as exc:
            raise SessionError(f"step {index + 1} ({step}): {exc}", step.pos) from None
    while session.needs_advance:
        session.advance()
    return session


def check_case(scenario: Scenario, rubric: Rubric, case: Case) -> Outcome:
    outcome = Outcome(case)
    try:
        session = play_case(scenario, rubric, case)
    except SessionError as exc:
        outcome.error = str(exc.args[0])
        outcome.error_pos = exc.args[1] if len(exc.args) > 1 else case.pos
        return outcome
    if not session.finished:
        outcome.error = f"the path stops at node '{session.node.id}' before an ending: next is the {next_decision(session)}"
        outcome.error_pos = case.pos
        return outcome
    result = outcome.result = session.result()
    found = outcome.mismatches

    def near(got: float | None, expected: float) -> bool:
        return got is not None and abs(got - expected) <= case.tolerance + 1e-9

    if result.ending != case.ending:
        found.append(Mismatch("ending", case.ending, result.ending))
    if result.passed is not case.passed:
        found.append(Mismatch("pass", case.passed, result.passed))
    if not near(result.overall, case.overall):
        found.append(Mismatch("overall", case.overall, round(result.overall, 2)))
    for dimension, expected in case.dimensions.items():
        if dimension not in result.dimensions:
            found.append(Mismatch(f"dimensions.{dimension}", expected, "(no such dimension in the rubric)"))
            continue
        got = result.dimensions[dimension]
        if not near(got, expected):
            found.append(
                Mismatch(f"dimensions.{dimension}", expected, None if got is None else round(got, 2))
            )
    if list(result.blockers) != list(case.blockers):
        found.append(Mismatch("blockers", list(case.blockers), list(result.blockers)))
    return outcome


def next_decision(session: Session) -> str:
    """What the trainee would decide next, named so a trainer can extend the path."""
    node = session.node
    if node.typed is not None:
        return f"typed reply at '{node.id}' ({node.typed.prompt})"
    shown = ", ".join(f"{n} {c.id}" for n, c in enumerate(session.available(), 1))
    return f"decision at '{node.id}' (options: {shown})"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def describe(outcome: Outcome, test_path: str) -> list[str]:
    """A failure in the shape of a test runner's diff: what was expected (-) and what came out (+)."""
    if outcome.error:
        pos = outcome.error_pos or outcome.case.pos
        return [f"{pos}: error: {outcome.error}"]
    lines = [f"{outcome.case.pos}: {len(outcome.mismatches)} difference(s)"]
    for m in outcome.mismatches:
        lines.append(f"    - {m.what}: {_show(m.expected)}")
        lines.append(f"    + {m.what}: {_show(m.got)}")
    return lines
