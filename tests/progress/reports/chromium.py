"""Headless Chromium for the report tests: the page as a reader's browser draws it, as pixels."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def screenshot(page: Path, shot: Path, height: int):
    """``page`` rendered 1280 wide and ``height`` tall into ``shot``; the picture as a pygame Surface.

    The flags keep Chromium off this machine's closed network (its background fetches are refused
    many at a time otherwise) and out of any profile but a fresh one."""
    import pygame

    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tempfile.mkdtemp()}",
            f"--screenshot={shot}",
            f"--window-size=1280,{height}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return pygame.image.load(str(shot))
