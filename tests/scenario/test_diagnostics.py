"""Each diagnostic code is documented, and messages have the shape trainers' editors understand."""

from __future__ import annotations

import re

from game.scenario.diagnostics import CODES, Diagnostic
from game.scenario.library import PROJECT_ROOT
from game.scenario.model import Pos


def test_every_code_is_documented_and_every_documented_code_exists():
    page = (PROJECT_ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| ([EWN]\d{3}) \|", page, flags=re.M))
    assert documented == set(CODES)


def test_format_is_path_line_col_severity_code_message_hint():
    d = Diagnostic("E202", "next goes to 'x', which is not a node", "did you mean 'y'?", Pos("a.yaml", 3, 7))
    assert d.format() == "a.yaml:3:7: error: E202 next goes to 'x', which is not a node — did you mean 'y'?"
    w = Diagnostic("W401", "only one choice", "", Pos("a.yaml", 1, 1))
    assert w.format() == "a.yaml:1:1: warning: W401 only one choice"
