"""A worker thread that prepares lines before they are needed, so the frame loop never waits.

The UI calls ``prefetch(lines)`` when a node is entered (``reach.lines_ahead`` gives the lines) and
``ready(line)`` each frame until it returns a path (play it) or ``failed(line)`` is true (subtitles only):
``ready`` only reads a dict (and, without ``warm``, once per line stats the cache), and a line asked for
but not ready jumps the queue. Newer requests go first because the trainee is *there* now;
older ones stay queued behind them, since a retry or a back-step may need them yet.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from game.scenario.model import SpokenLine
from game.voice.builder import ProcessBuilder
from game.voice.profile import normalise_text
from game.voice.service import VoiceService
from game.voice.text import part_lines

log = logging.getLogger(__name__)

_Key = tuple[str, str, str, str]


def _key(line: SpokenLine) -> _Key:
    return (line.line_id, normalise_text(line.text), line.emotion, repr(line.voice))


class Prefetcher:
    """``warm`` (e.g. ``VoicePlayer.preload``) runs on the worker for each prepared file, so that what
    ``ready`` returns can start playing without decoding on the frame loop. ``builder`` (a
    ``ProcessBuilder``) synthesises and shapes in a child process, so that the DSP never competes with
    the frame loop for the GIL; without one, lines are built on the worker thread."""

    def __init__(
        self,
        service: VoiceService,
        warm: Callable[[Path], None] | None = None,
        builder: ProcessBuilder | None = None,
    ) -> None:
        self.service = service
        self.warm = warm
        self.builder = builder
        self._queue: OrderedDict[_Key, SpokenLine] = OrderedDict()
        self._done: dict[_Key, Path | None] = {}
        self._looked: set[_Key] = set()
        self._current: _Key | None = None
        self._closed = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="voice-prefetch", daemon=True)
        self._thread.start()

    def prefetch(self, lines: Iterable[SpokenLine], urgent: bool = True) -> None:
        """Queue lines in the order given; ``urgent`` puts them ahead of everything already queued."""
        with self._cond:
            skip = {*self._done, self._current}
            fresh = [(k, line) for line in lines if (k := _key(line)) not in skip]
            if urgent:
                for k, line in reversed(fresh):
                    self._queue[k] = line
                    self._queue.move_to_end(k, last=False)
            else:
                for k, line in fresh:
                    self._queue.setdefault(k, line)
            if fresh:
                self._cond.notify_all()

    def ready(self, line: SpokenLine) -> Path | None:
        """The audio if prepared, else ``None`` at once (and the line moves to the front of the queue)."""
        k = _key(line)
        with self._cond:
            if k in self._done:
                return self._done[k]
            first_look = k not in self._looked
            self._looked.add(k)
        if first_look and self.warm is None:
            path = self.service.find(line)
            if path is not None:
                with self._cond:
                    self._done[k] = path
                return path
        # Not prepared (or not yet warmed): the worker takes it next; a cache hit is back in a frame or two.
        self.prefetch([line], urgent=True)
        return None

    def reload(self, line: SpokenLine) -> None:
        """Prepare (and warm) ``line`` again on the worker: its decoded sound was evicted from the player.
        The file is cached, so this costs a stat and a decode, off the frame loop."""
        k = _key(line)
        with self._cond:
            if k == self._current:
                return
            self._done.pop(k, None)
        self.prefetch([line], urgent=True)

    def failed(self, line: SpokenLine) -> bool:
        """True once the worker gave up on this line: the UI can stop waiting and show subtitles."""
        k = _key(line)
        with self._cond:
            return k in self._done and self._done[k] is None

    def idle(self) -> bool:
        with self._cond:
            return not self._queue and self._current is None

    def wait_idle(self, timeout: float | None = None) -> bool:
        """For tools and tests only: the game itself never blocks on the worker."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._queue and self._current is None, timeout)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._queue.clear()
            self._cond.notify_all()
        self._thread.join(timeout=5)
        if self.builder is not None:
            self.builder.close()
        self.service.flush()

    def _prepare(self, line: SpokenLine) -> Path | None:
        if self.builder is None or not part_lines(line):
            return self.service.prepare(line)
        path = self.service.find(line)  # a cache hit costs a stat here: no child needed
        if path is not None:
            return path
        if not self.builder.ready():
            # Still starting (or gone): speak now from this thread rather than wait ~1.5 s for it.
            self.builder.start_soon()
            return self.service.prepare(line)
        built = self.builder.build(line)
        if built is None:
            return self.service.prepare(line)
        if built.error is not None:
            self.service.errors[line.line_id] = built.error
        for notice in built.notices:
            self.service.notice(notice)
        return built.path

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._queue or self._closed)
                if self._closed:
                    return
                k, line = self._queue.popitem(last=False)
                self._current = k
            try:
                path = self._prepare(line)
                if path is not None and self.warm is not None:
                    self.warm(path)
            except Exception:  # a bug must not kill the thread the whole game's audio depends on
                log.exception("voice prefetch failed for %s", line.line_id)
                path = None
            with self._cond:
                self._done[k] = path
                drained = not self._queue
            if drained:
                self.service.flush()
            with self._cond:
                self._current = None
                self._cond.notify_all()
