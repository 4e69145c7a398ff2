"""A text progress bar for ``voices build``: redrawn in place on a terminal, sparse lines in a log.

A build of a few hundred lines over gTTS takes minutes; the trainer needs to see it move and where it
is. Piped output (CI, a log file) gets one line per tenth instead of hundreds of carriage returns.
"""

from __future__ import annotations

import sys
from typing import TextIO

WIDTH = 28


class ProgressBar:
    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = max(total, 0)
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_tenth = -1

    def update(self, done: int, label: str = "") -> None:
        fraction = done / self.total if self.total else 1.0
        filled = round(WIDTH * fraction)
        text = f"[{'#' * filled}{'-' * (WIDTH - filled)}] {done}/{self.total} {label}"
        if self.tty:
            self.stream.write("\r" + text[:100].ljust(100))
        else:
            tenth = int(fraction * 10)
            if tenth == self._last_tenth and done != self.total:
                return
            self._last_tenth = tenth
            self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
