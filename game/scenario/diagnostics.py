"""Authoring diagnostics: one numbered code per kind of problem, each with a place and a fix.

The codes are documented in docs/diagnostics.md; a test keeps that page and this table in step, so a
trainer who searches for ``E107`` always finds what it means.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.scenario.model import Pos

# code -> (severity, short name). Errors make a file unusable; warnings are what `lint` adds; notes
# inform without failing `lint --strict` (audio not built yet is normal on a fresh checkout).
CODES: dict[str, tuple[str, str]] = {
    "E001": ("error", "file cannot be read"),
    "E002": ("error", "YAML syntax error"),
    "E003": ("error", "file too large"),
    "E004": ("error", "nesting too deep"),
    "E005": ("error", "too many aliases"),
    "E006": ("error", "duplicate key"),
    "E007": ("error", "not a YAML mapping at the top"),
    "E008": ("error", "unsupported YAML tag"),
    "E009": ("error", "full-width punctuation after a key"),
    "E101": ("error", "unknown key"),
    "E102": ("error", "missing required key"),
    "E103": ("error", "wrong type"),
    "E104": ("error", "value not allowed"),
    "E105": ("error", "value out of range"),
    "E106": ("error", "invalid id"),
    "E201": ("error", "missing start node"),
    "E202": ("error", "dangling next"),
    "E203": ("error", "duplicate id"),
    "E204": ("error", "unknown dimension"),
    "E205": ("error", "unknown principle"),
    "E206": ("error", "unknown complaint step"),
    "E207": ("error", "unknown rubric"),
    "E208": ("error", "node kind conflict"),
    "E209": ("error", "conditional next without a fallback"),
    "E210": ("error", "every choice is conditional"),
    "E211": ("error", "hair colour on a style drawn in ink"),
    "E212": ("error", "companion emotion without a companion"),
    "E213": ("error", "condition reads a flag nothing sets"),
    "E214": ("error", "score condition on a dimension never assessed"),
    "E215": ("error", "typed reply names what cannot be judged"),
    "E220": ("error", "second speaker with no words"),
    "E301": ("error", "unreachable node"),
    "E302": ("error", "dead end"),
    "E303": ("error", "cycle with no way out"),
    "E304": ("error", "no ending"),
    "W401": ("warning", "only one choice"),
    "W402": ("warning", "weaker option without feedback"),
    "W403": ("warning", "tie for the best option"),
    "W404": ("warning", "best option breaks a principle"),
    "W405": ("warning", "ending not reachable in play"),
    "W406": ("warning", "phone ringing without a time limit"),
    "N407": ("note", "voice audio not built yet"),
    "W408": ("warning", "stale voice audio"),
    "N409": ("note", "options shown in a fixed order"),
    "W410": ("warning", "the best option is the longest line at most decisions"),
    "W420": ("warning", "quoted words in a direction nobody speaks"),
    "W421": ("warning", "recorded take does not match its line"),
    "E501": ("error", "transcript test file malformed"),
    "E502": ("error", "transcript test without its scenario"),
    "E601": ("error", "line sheet cannot be read"),
    "E602": ("error", "unknown line id in a sheet"),
    "E603": ("error", "empty line in a sheet"),
    "E604": ("error", "line cannot be written back"),
}


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    hint: str
    pos: Pos

    @property
    def severity(self) -> str:
        return CODES[self.code][0]

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def is_note(self) -> bool:
        return self.severity == "note"

    def format(self) -> str:
        """``path:line:col: error: E202 what is wrong — how to fix it``."""
        text = f"{self.pos}: {self.severity}: {self.code} {self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.pos.path, self.pos.line, self.pos.col, self.code)


class ScenarioError(Exception):
    """Raised where a caller wants one scenario and it cannot be had; carries every diagnostic."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(d.format() for d in diagnostics))
