"""Finding and loading scenario files and the rubrics they name.

Rubrics are looked up beside the scenario first (``rubrics/<id>.yaml`` in its folder or the folder
above), then in the built-in library, so a company can keep its own rubric next to its own scenarios.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from game.resources import ROOT, SCENARIOS
from game.scenario.diagnostics import Diagnostic, ScenarioError
from game.scenario.loader import build_scenario
from game.scenario.model import Pos, Scenario
from game.scenario.rubric import Rubric, build_rubric
from game.scenario.schema import ID_PATTERN
from game.scenario.source import load_located

PROJECT_ROOT = ROOT
BUILTIN_SCENARIOS = SCENARIOS
SKIPPED_FOLDERS = {"rubrics", "sessions"}
TRANSCRIPT_SUFFIXES = (".test.yaml", ".test.yml")  # trainers' transcript tests live beside scenarios


@dataclass
class Library:
    scenarios: list[Scenario] = field(default_factory=list)
    rubrics: dict[str, Rubric] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def rubric_for(self, scenario: Scenario) -> Rubric:
        return self.rubrics[rubric_key(scenario)]

    def get(self, scenario_id: str) -> Scenario:
        for scenario in self.scenarios:
            if scenario.id == scenario_id:
                return scenario
        raise KeyError(scenario_id)


def rubric_key(scenario: Scenario) -> str:
    return f"{scenario.rubric}@{_rubric_path(scenario.path, scenario.rubric)}"


def scenario_files(paths: list[str]) -> list[str]:
    """YAML files under the given files and folders, in a stable order.

    ``rubrics/`` and ``sessions/`` folders hold other kinds of YAML (rubrics, trainers' session plans), and
    ``*.test.yaml`` files are transcript tests.
    """
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for candidate in sorted(path.rglob("*.y*ml")):
                folders = set(candidate.relative_to(path).parts[:-1])
                if (
                    not folders & SKIPPED_FOLDERS
                    and candidate.suffix in (".yaml", ".yml")
                    and not candidate.name.endswith(TRANSCRIPT_SUFFIXES)
                ):
                    found.append(str(candidate))
        else:
            found.append(str(path))
    return found


def _rubric_path(scenario_path: str, rubric_id: str) -> str:
    here = Path(scenario_path).resolve().parent
    for folder in (here, here.parent):
        candidate = folder / "rubrics" / f"{rubric_id}.yaml"
        if candidate.is_file():
            return str(candidate)
    return str(BUILTIN_SCENARIOS / "rubrics" / f"{rubric_id}.yaml")


def _display(path: str) -> str:
    """Built-in files relative to where the trainer stands (short, and editors can jump to them)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def _builtin(file: str) -> bool:
    return Path(file).resolve().is_relative_to(BUILTIN_SCENARIOS)


def load_library(paths: list[str] | None = None) -> Library:
    """Load every scenario under ``paths`` (default: the built-in library), collecting all problems.

    A file listed twice (a scenario given beside the folder holding it) is read once; a built-in scenario
    whose id a trainer's own file already took is left out quietly (their edited copy shadows it).
    """
    library = Library()
    rubric_cache: dict[str, Rubric | None] = {}
    seen_ids: dict[str, Pos] = {}
    seen_files: set[Path] = set()
    for file in scenario_files(paths or [str(BUILTIN_SCENARIOS)]):
        if Path(file).resolve() in seen_files:
            continue
        seen_files.add(Path(file).resolve())
        display = file if not os.path.isabs(file) else _display(file)
        located, problems = load_located(display)
        library.diagnostics.extend(problems)
        if located is None or any(p.is_error for p in problems):
            continue
        taken = seen_ids.get(located.data["id"]) if isinstance(located.data.get("id"), str) else None
        if taken is not None and _builtin(file) and not _builtin(taken.path):
            continue
        rubric_id = located.data.get("rubric", "default")
        rubric = None
        # Only a valid id becomes a file name: the schema reports a bad one (E106), and it must never be
        # opened as a path ("../../../../etc/passwd").
        if isinstance(rubric_id, str) and re.fullmatch(ID_PATTERN, rubric_id):
            rubric_file = _rubric_path(display, rubric_id)
            if rubric_file not in rubric_cache:
                rubric_cache[rubric_file] = _load_rubric(rubric_file, library)
            rubric = rubric_cache[rubric_file]
            if rubric is None:
                library.diagnostics.append(
                    Diagnostic(
                        "E207",
                        f"rubric '{rubric_id}' could not be loaded from {_display(rubric_file)}",
                        "create scenarios/rubrics/<id>.yaml or fix the errors reported for it",
                        located.pos(("rubric",)),
                    )
                )
        scenario, problems = build_scenario(located, rubric)
        library.diagnostics.extend(problems)
        if scenario is None or rubric is None:
            continue
        if scenario.id in seen_ids:
            library.diagnostics.append(
                Diagnostic(
                    "E203",
                    f"scenario id '{scenario.id}' is already used by {seen_ids[scenario.id]}",
                    "give each scenario its own id",
                    located.pos(("id",)),
                )
            )
            continue
        seen_ids[scenario.id] = located.pos(("id",))
        library.scenarios.append(scenario)
        library.rubrics[rubric_key(scenario)] = rubric
    library.diagnostics.sort(key=Diagnostic.sort_key)
    return library


def _load_rubric(path: str, library: Library) -> Rubric | None:
    located, problems = load_located(_display(path))
    library.diagnostics.extend(problems)
    if located is None or any(p.is_error for p in problems):
        return None
    rubric, problems = build_rubric(located)
    library.diagnostics.extend(problems)
    return rubric


def load_one(path_or_id: str, paths: list[str] | None = None) -> tuple[Scenario, Rubric]:
    """One scenario by file path or by id in the library; ``ScenarioError`` if it has problems."""
    by_path = os.path.isfile(path_or_id)
    library = load_library([path_or_id] if by_path else paths)
    if by_path and library.scenarios:
        scenario = library.scenarios[0]
    else:
        try:
            scenario = library.get(path_or_id)
        except KeyError:
            errors = library.errors or [
                Diagnostic(
                    "E001",
                    f"no scenario with id '{path_or_id}'",
                    "run 'eungdae analyze' to list the ids",
                    Pos("<command line>", 1, 1),
                )
            ]
            raise ScenarioError(errors) from None
    return scenario, library.rubric_for(scenario)
