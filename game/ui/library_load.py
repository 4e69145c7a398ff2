"""The scenario library read on a worker thread, so the title screen is up before the files are parsed.

``python main.py`` starts on the title/profile screen, which needs progress but not the scenarios; the
select screen is the first to need them. ``LibraryLoad`` runs ``load_library`` on a daemon thread
(closing the window mid-load must not wait for it) and the frame loop asks ``done`` each frame. A
thread rather than a slice of frames: the C YAML parser holds the GIL while it parses a file, but the
frame loop sleeps in ``Clock.tick`` most of each frame, so the load gets that time and the title screen
keeps answering keys; loading on the frame loop itself would freeze it for the whole load instead.
An exception on the worker is raised again from ``result`` on the frame loop, as if loaded there.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.scenario.library import Library


class LibraryLoad:
    def __init__(self, paths: list[str] | None) -> None:
        self.paths = paths
        self._library: Library | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, name="library-load", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        try:
            from game.scenario.library import load_library

            self._library = load_library(self.paths)
        except BaseException as exc:  # handed to the frame loop by result()
            self._error = exc

    def done(self) -> bool:
        return not self._thread.is_alive()

    def result(self) -> Library:
        """The library; blocks until the worker is done (tests, and a caller that cannot go on without)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._library is not None
        return self._library
