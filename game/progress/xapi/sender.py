"""The game sends each finished attempt's statements to the class's LRS by itself, in the background.

A worker thread queues what is recorded and not yet queued, then delivers the outbox; play never waits
for it. While the LRS is away the statements stay in the outbox (``game.progress.xapi.outbox``) and go
out on the next start or the next finished attempt; the outbox's idempotent ids make that exactly once
at the LRS. A delivery has a total deadline, and one already running elsewhere (a trainer's push,
another PC on the class folder) is not waited for: it is sending the same outbox.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.progress.xapi.config import LrsSettings

if TYPE_CHECKING:  # the outbox and statements load on the worker: the game's start stays light
    from game.scenario.library import Library

BACKGROUND_DEADLINE = 30.0


class BackgroundSender:
    def __init__(
        self,
        saves_dir: Path,
        settings: LrsSettings,
        library: Callable[[], Library | None],
        deadline: float = BACKGROUND_DEADLINE,
    ) -> None:
        self.saves_dir = Path(saves_dir)
        self.settings = settings
        self.library = library  # the game's current library (None while it is still loading)
        self.deadline = deadline
        self.problem: str | None = None  # why the last round sent nothing (for a notice)
        self._lock = threading.Lock()
        self._wanted = False
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()

    def kick(self) -> None:
        """Ask for a round (queue new attempts, deliver); returns at once."""
        with self._lock:
            self._wanted = True
            self._idle.clear()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="xapi-sender", daemon=True)
                self._thread.start()

    def wait(self, seconds: float) -> bool:
        """Give a round in progress up to ``seconds`` to finish (at exit); True if nothing is left to do."""
        return self._idle.wait(seconds)

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    if not self._wanted:
                        return
                    self._wanted = False
                self._round()
        finally:
            with self._lock:
                self._thread = None
                if self._wanted:  # kicked while this thread was ending (or a round failed)
                    self._thread = threading.Thread(target=self._run, name="xapi-sender", daemon=True)
                    self._thread.start()
                else:
                    self._idle.set()

    def _round(self) -> None:
        from game.progress.atomic import SaveError
        from game.progress.store import ProgressStore
        from game.progress.xapi.outbox import Outbox
        from game.progress.xapi.push import EndpointError, Lrs

        library = self.library()
        if library is None:  # kicked again once the library has loaded
            return
        outbox = Outbox(self.saves_dir)
        try:
            lrs = Lrs(
                self.settings.endpoint or "",
                self.settings.username or "",
                self.settings.password or "",
                deadline=time.monotonic() + self.deadline,
                insecure=self.settings.insecure,
            )
            outbox.fill(ProgressStore(self.saves_dir, library))
            self.problem = outbox.deliver(lrs.post, wait=0).error
        except (EndpointError, SaveError, OSError) as exc:
            self.problem = str(exc)
