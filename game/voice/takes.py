"""Recorded human takes: a WAV or MP3 named by line id in assets/voices/recorded/ is played instead of
any synthesiser.

A take for ``f2f-late-greeting/purpose/customer`` is ``recorded/f2f-late-greeting/purpose/customer.wav``
(or ``.mp3``: decoded by pygame's SDL_mixer, no ffmpeg). ``recorded/manifest.json`` remembers the text
each take was recorded for, because an actor's take of an earlier wording must not be played under a
new subtitle: such a take is ignored (the line is synthesised) and lint reports it (W421) until it is
re-recorded or the manifest is updated. A take with no manifest entry is played and reported too, since
nobody can tell what it says.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

from game.scenario.model import SpokenLine
from game.voice.cache import SHIPPED_DIR
from game.voice.profile import normalise_text

RECORDED_DIR = SHIPPED_DIR / "recorded"
MANIFEST = "manifest.json"
EXTS = ("wav", "mp3")
CHANGED = "changed"  # the take was recorded for another text: not played
UNLISTED = "unlisted"  # no manifest entry: played, but nobody can tell it matches


@dataclass(frozen=True)
class TakeProblem:
    line_id: str
    kind: str  # CHANGED | UNLISTED
    recorded_for: str = ""


class RecordedTakes:
    def __init__(self, root: Path | None = RECORDED_DIR) -> None:
        self.root = Path(root) if root is not None else None
        self._texts: dict[str, str] | None = None
        self._lock = threading.Lock()

    def file(self, line_id: str) -> Path | None:
        """The take's file, whatever its text (a stat or two per line)."""
        if self.root is None:
            return None
        for ext in EXTS:
            path = self.root / f"{line_id}.{ext}"
            try:
                if path.stat().st_size > 0:
                    return path
            except OSError:
                continue
        return None

    def recorded_for(self, line_id: str) -> str | None:
        """The text the manifest says this take was recorded for (``None``: not listed)."""
        with self._lock:
            if self._texts is None:
                self._texts = self._read()
            return self._texts.get(line_id)

    def take(self, line: SpokenLine) -> Path | None:
        """The take to play for ``line``: present, and not recorded for a different text."""
        path = self.file(line.line_id)
        if path is None:
            return None
        said = self.recorded_for(line.line_id)
        if said is not None and normalise_text(said) != normalise_text(line.text):
            return None
        return path

    def problem(self, line: SpokenLine) -> TakeProblem | None:
        if self.file(line.line_id) is None:
            return None
        said = self.recorded_for(line.line_id)
        if said is None:
            return TakeProblem(line.line_id, UNLISTED)
        if normalise_text(said) != normalise_text(line.text):
            return TakeProblem(line.line_id, CHANGED, said)
        return None

    def _read(self) -> dict[str, str]:
        if self.root is None:
            return {}
        try:
            raw = json.loads((self.root / MANIFEST).read_text(encoding="utf-8"))
            return {str(k): str(v["text"]) for k, v in raw["takes"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}
