"""Files the CLI writes for a user (reports, graphs, exports, coverage tables): whole or not at all.

Everything goes through ``game.progress.atomic.write_bytes`` (temporary file, fsync, rename), so a
full disk or a killed process leaves the previous report in place instead of a 0-byte or cut-off one.
A failure comes back as a sentence naming the path and the fix, for the command to print.
"""

from __future__ import annotations

from pathlib import Path

from game.progress.atomic import write_bytes
from game.progress.io_messages import explain


def write_output(path: Path | str, data: str | bytes) -> str | None:
    """Write ``data`` (text as UTF-8) to ``path`` atomically; ``None``, or why it could not be written."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        write_bytes(Path(path), raw)
    except OSError as exc:
        return f"{path}을(를) 쓰지 못했습니다(이전 파일은 그대로입니다). {explain(exc, path)}"
    return None
