"""The customer's voice as the scenes see it: say these lines, stop, replay, volume, a notice.

``VoiceLink`` wires the voice layer (``game.voice``: a prefetch worker and the mixer player) to the
frame loop without ever blocking it: ``poll`` each frame starts a line only once the worker has it
ready, and a line the worker gave up on is skipped (its subtitles are on screen anyway).
``SilentSpeech`` is the same interface doing nothing, for autoplay, tests and machines without sound.
``DeferredVoice`` is what the game holds: it opens the ``VoiceLink`` (the ``game.voice`` imports, the
mixer, the worker) the first time a play needs a voice, so none of that delays the title screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.scenario.model import Scenario, SpokenLine


class SilentSpeech:
    available = False

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
    def __init__(self, volume: float) -> None:
        from game.voice.cache import VoiceCache
        from game.voice.player import VoicePlayer
        from game.voice.prefetch import Prefetcher
        from game.voice.service import VoiceService

        self.player = VoicePlayer(volume)
        self.available = self.player.available
        self.service = VoiceService(VoiceCache())
        # warm: the worker also decodes each line into the mixer, so starting it on the frame loop is a blit
        self.prefetcher = Prefetcher(self.service, warm=self.player.preload) if self.available else None
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
                self.prefetcher.prefetch(scenario.spoken_lines(), urgent=False)

    def say(self, lines: list[SpokenLine]) -> None:
        self.player.stop()
        self._queue = list(lines)

    def poll(self) -> None:
        if self.prefetcher is None or not self._queue or self.player.is_playing():
            return
        line = self._queue[0]
        path = self.prefetcher.ready(line)
        if path is not None:
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
    """A ``VoiceLink`` opened on the first call that needs a voice (prepare, say, replay, available);
    until then stop, poll, notices and close have nothing to do, and the volume is only remembered."""

    def __init__(self, volume: float, open_link: Callable[[float], SilentSpeech] = VoiceLink) -> None:
        self._volume = volume
        self._open = open_link
        self.link: SilentSpeech | None = None

    def _link(self) -> SilentSpeech:
        if self.link is None:
            self.link = self._open(self._volume)
        return self.link

    @property
    def available(self) -> bool:  # type: ignore[override]
        return self._link().available

    def prepare(self, scenario: Scenario, node_id: str) -> None:
        self._link().prepare(scenario, node_id)

    def say(self, lines: list[SpokenLine]) -> None:
        self._link().say(lines)

    def replay(self) -> bool:
        return self._link().replay()

    def poll(self) -> None:
        if self.link is not None:
            self.link.poll()

    def stop(self) -> None:
        if self.link is not None:
            self.link.stop()

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        if self.link is not None:
            self.link.set_volume(volume)

    def take_notice(self) -> str | None:
        return self.link.take_notice() if self.link is not None else None

    def close(self) -> None:
        if self.link is not None:
            self.link.close()
