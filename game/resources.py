"""Where the files the game ships with live: scenarios and rubrics, fonts, art, shipped voices, templates.

A source checkout keeps them in the project folder beside ``game/``; the PyInstaller bundle
(``packaging/eungdae.spec``) lays out the same tree under ``sys._MEIPASS``. Every reader of a shipped
file starts from here, so the two layouts cannot drift apart. These folders are read-only to the game:
a frozen app never writes beside its own code (progress and caches go to the user's folders).
"""

from __future__ import annotations

import sys
from pathlib import Path

#: True inside the PyInstaller bundle (and other freezers that follow the ``sys.frozen`` convention).
FROZEN = bool(getattr(sys, "frozen", False))
ROOT = Path(getattr(sys, "_MEIPASS", "")) if FROZEN else Path(__file__).resolve().parents[1]

SCENARIOS = ROOT / "scenarios"
ASSETS = ROOT / "assets"
FONTS = ASSETS / "fonts"
SHIPPED_VOICES = ASSETS / "voices"
TEMPLATES = ROOT / "game" / "templates"


def with_builtin(extra: list[str] | None) -> list[str] | None:
    """Paths that add a trainer's files and folders to the built-in library (``--scenarios``): theirs
    first, so a copy of a built-in scenario under the same id is the one played. Here, not beside the
    loader, so the game's start can name the library without importing the loader (first_frame)."""
    return [*extra, str(SCENARIOS)] if extra else None
