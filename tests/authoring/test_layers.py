"""Imports flow one way: the scenario model knows nothing of play, the engine nothing of tooling."""

from __future__ import annotations

import ast

import pytest

from game.scenario.library import PROJECT_ROOT

BELOW = {
    "game.scenario": ("game.engine", "game.authoring", "game.cli", "game.ui"),
    "game.engine": ("game.authoring", "game.cli", "game.ui"),
    "game.authoring": ("game.cli", "game.ui"),
}


def imported(path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("package", sorted(BELOW))
def test_package_does_not_import_the_layers_above(package):
    folder = PROJECT_ROOT.joinpath(*package.split("."))
    modules = sorted(folder.glob("*.py"))
    assert modules
    for module in modules:
        wrong = {n for n in imported(module) if n.startswith(BELOW[package])}
        assert not wrong, f"{module.relative_to(PROJECT_ROOT)} imports {sorted(wrong)}"
