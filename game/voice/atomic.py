"""Write a file so that a reader sees the old content or the new, never half of either.

A killed process or a failed download must not leave a 0-byte or truncated file that the cache would
later take for a hit (gTTS's own ``save()`` does exactly that). The writing itself is the game's one
atomic writer, shared with saves and every file the CLI produces.
"""

from __future__ import annotations

from pathlib import Path

from game.progress.atomic import write_bytes


def write_atomic(path: Path, data: bytes) -> None:
    write_bytes(path, data)
