"""Property: whatever bytes a trainer's editor produces, loading ends in a scenario or in positioned
diagnostics — never in an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.library import BUILTIN_SCENARIOS, load_library

SEED = (BUILTIN_SCENARIOS / "phone" / "late-delivery-call.yaml").read_text(encoding="utf-8")
LINES = SEED.splitlines(keepends=True)
TOKENS = [
    ":",
    "- ",
    "&a ",
    "*a",
    "!!str ",
    "{",
    "}",
    "[",
    "]",
    "\t",
    "'",
    '"',
    "#",
    "? ",
    "|",
    ">",
    "<<: ",
    "null",
    "yes",
    "-1e999",
    "\x00",
    "\ufeff",
    "ㄱ",
]


@st.composite
def mutated(draw) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "token", "indent", "dedent", "truncate", "swap"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "token":
            col = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:col] + draw(st.sampled_from(TOKENS)) + lines[i][col:]
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][2:]
        elif op == "truncate":
            lines = lines[:i]
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines)


def check(tmp: Path, text: str) -> None:
    path = tmp / "fuzz.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    library = load_library([str(path)])
    if library.scenarios:
        assert not library.errors
        return
    assert library.errors, "a file that did not load must say why"
    for d in library.errors:
        assert d.pos.path == str(path) and d.pos.line >= 1 and d.pos.col >= 1
        assert d.format().startswith(f"{path}:{d.pos.line}:{d.pos.col}: error: {d.code} ")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mutated())
def test_mutated_scenarios_load_or_report_positions(tmp_path, text):
    check(tmp_path, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_random_text_loads_or_reports_positions(tmp_path, text):
    check(tmp_path, text)
