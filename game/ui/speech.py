"""The customer's voice as the scenes see it: say these lines, stop, replay, volume, a notice.

``VoiceLink`` wires the voice layer (``game.voice``: a prefetch worker and the mixer player) to the
frame loop without ever blocking it: ``poll`` each frame starts a line only once the worker has it
ready, and a line the worker gave up on is skipped (its subtitles are on screen anyway).
``SilentSpeech`` is the same interface doing nothing, for autoplay, tests and machines without sound.
``DeferredVoice`` is what the game holds: it opens the ``VoiceLink`` (the ``game.voice`` imports, the
mixer, the worker: 60-90 ms) on a thread the first time a play needs a voice, so none of that delays the
title screen or stalls a frame; what the play asks for meanwhile is handed over once it is open.

The frame loop never decodes or synthesises: a whole scenario's lines stay decoded in the player, a
line evicted anyway is reloaded by the worker, and synthesis runs in a child process
(``game.voice.builder``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.scenario.model import Scenario, SpokenLine

log = logging.getLogger(__name__)


class SilentSpeech:
    available = False

    def warm(self) -> None:
        """Nothing to open ahead of need."""

    def prepare(self, scenario: Scenario, node_id: str) -> None:
        """Nothing to prefetch."""

    def say(self, lines: list[SpokenLine]) -> None:
        """Subtitles only."""

    def poll(self) -> None:
        """Nothing is playing."""

    def stop(self) -> None:
        """Nothing to cut."""

    def replay(self) -> bool:
        return False

    def set_volume(self, volume: float) -> None:
        """No output to scale."""

    def take_notice(self) -> str | None:
        return None

    def close(self) -> None:
        """No worker to stop."""


class VoiceLink(SilentSpeech):
    def __init__(self, volume: float, build_in_child: bool = True) -> None:
        from game.voice.builder import ProcessBuilder
        from game.voice.cache import VoiceCache
        from game.voice.player import VoicePlayer
        from game.voice.prefetch import Prefetcher
        from game.voice.service import VoiceService

        self.player = VoicePlayer(volume)
        self.available = self.player.available
        self.service = VoiceService(VoiceCache())
        self.prefetcher = None
        if self.available:
            cache = self.service.cache
            builder = ProcessBuilder(cache.root, cache.shipped) if build_in_child else None
            # warm: the worker also decodes each line into the mixer, so starting it on the frame loop is
            # a blit; builder: synthesis in a child process, so it never holds this process's GIL
            self.prefetcher = Prefetcher(self.service, warm=self.player.preload, builder=builder)
            if builder is not None:
                builder.start_soon()
        self._queue: list[SpokenLine] = []
        self._shown: set[str] = set()
        self._warmed: str | None = None

    def prepare(self, scenario: Scenario, node_id: str) -> None:
        """The lines reachable next first; on a scenario's first node, the rest of it behind them, so a
        first run with no network and an empty cache still speaks (offline synthesis, in order of need)."""
        if self.prefetcher is not None:
            from game.voice.reach import lines_ahead

            self.prefetcher.prefetch(lines_ahead(scenario, node_id))
            if self._warmed != scenario.id:
                self._warmed = scenario.id
                lines = scenario.spoken_lines()
                self.player.keep_at_least(len(lines) + 8)  # the whole scenario, and a few for replay
                self.prefetcher.prefetch(lines, urgent=False)

    def say(self, lines: list[SpokenLine]) -> None:
        self.player.stop()
        self._queue = list(lines)

    def poll(self) -> None:
        if self.prefetcher is None or not self._queue or self.player.is_playing():
            return
        line = self._queue[0]
        path = self.prefetcher.ready(line)
        if path is not None:
            if not self.player.loaded(path):
                self.prefetcher.reload(line)  # decoding is the worker's job, never the frame's
                return
            self.player.play(path)
            self._queue.pop(0)
        elif self.prefetcher.failed(line):
            self._queue.pop(0)

    def stop(self) -> None:
        self._queue = []
        self.player.stop()

    def replay(self) -> bool:
        return self.player.replay()

    def set_volume(self, volume: float) -> None:
        self.player.set_volume(volume)

    def take_notice(self) -> str | None:
        notice = self.player.take_notice()
        if notice is not None:
            return notice
        for message in list(self.service.notices):
            if message not in self._shown:
                self._shown.add(message)
                return message
        return None

    def close(self) -> None:
        self.player.stop()
        if self.prefetcher is not None:
            self.prefetcher.close()


class DeferredVoice(SilentSpeech):
    """A ``VoiceLink`` opened on a thread on the first call that needs a voice (prepare, say, replay,
    available). Until it is open, ``available`` is optimistic (so subtitles do not flash), ``prepare`` and
    ``say`` are remembered and handed over by ``poll`` once it is, and stop, notices and close have
    nothing to do; the volume is only remembered."""

    def __init__(self, volume: float, open_link: Callable[[float], SilentSpeech] = VoiceLink) -> None:
        self._volume = volume
        self._open = open_link
        self.link: SilentSpeech | None = None
        self._opening: threading.Thread | None = None
        self._opened: SilentSpeech | None = None
        self._prepared: tuple[Scenario, str] | None = None
        self._said: list[SpokenLine] | None = None
        self._lock = threading.Lock()

    def _start(self) -> None:
        if self._opening is None:
            self._opening = threading.Thread(target=self._open_now, name="voice-open", daemon=True)
            self._opening.start()

    def _open_now(self) -> None:
        try:
            link = self._open(self._volume)
        except Exception:  # a voice layer that cannot open must not take the game with it
            log.exception("voice layer failed to open")
            link = SilentSpeech()
        with self._lock:
            self._opened = link

    def _ready(self) -> SilentSpeech | None:
        """The link once open; on the first call after it opened, what was asked meanwhile is handed over."""
        if self.link is None:
            with self._lock:
                link, prepared, said = self._opened, self._prepared, self._said
            if link is None:
                return None
            self.link = link
            link.set_volume(self._volume)
            if prepared is not None:
                link.prepare(*prepared)
            if said is not None:
                link.say(said)
        return self.link

    def warm(self) -> None:
        """Start opening now (the select screen calls this: the trainee is choosing, the voice layer and
        its builder process start meanwhile, not when the first line is needed)."""
        self._start()

    def wait_open(self, timeout: float | None = None) -> bool:
        """For tools and tests: block until the link is open (the game never calls this)."""
        self._start()
        assert self._opening is not None
        self._opening.join(timeout)
        return self._ready() is not None

    @property
    def available(self) -> bool:  # type: ignore[override]
        self._start()
        link = self._ready()
        return True if link is None else link.available

    def prepare(self, scenario: Scenario, node_id: str) -> None:
        self._start()
        link = self._ready()
        if link is None:
            with self._lock:
                self._prepared = (scenario, node_id)
        else:
            link.prepare(scenario, node_id)

    def say(self, lines: list[SpokenLine]) -> None:
        self._start()
        link = self._ready()
        if link is None:
            with self._lock:
                self._said = list(lines)
        else:
            link.say(lines)

    def replay(self) -> bool:
        self._start()
        link = self._ready()
        return link.replay() if link is not None else False

    def poll(self) -> None:
        if self._opening is not None:
            link = self._ready()
            if link is not None:
                link.poll()

    def stop(self) -> None:
        with self._lock:
            self._said = None
        if self.link is not None:
            self.link.stop()

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        if self.link is not None:
            self.link.set_volume(volume)

    def take_notice(self) -> str | None:
        return self.link.take_notice() if self.link is not None else None

    def close(self) -> None:
        if self._opening is not None:
            self._opening.join(10)
            link = self._ready()
            if link is not None:
                link.close()
