"""The customer's voice on its own mixer channel: play, cut on skip, volume, replay.

The voice gets a reserved channel (``VOICE_CHANNEL``) so sound effects can never steal it and a skip
stops exactly the voice. With no sound device the player stays usable and silent: the game shows
subtitles, and the trainee is told so once (``take_notice``), not on every line.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from pathlib import Path

import pygame

log = logging.getLogger(__name__)

VOICE_CHANNEL = 0
KEEP_SOUNDS = 24  # at least: lines ahead (preloaded) and recent ones (replay); ~0.5 MB each at 44.1 kHz


class VoicePlayer:
    def __init__(self, volume: float = 1.0) -> None:
        self.available = False
        self._notice: str | None = None
        self._volume = max(0.0, min(1.0, volume))
        self._sounds: OrderedDict[Path, pygame.mixer.Sound] = OrderedDict()
        self._last: Path | None = None
        self._keep = KEEP_SOUNDS
        self._channel: pygame.mixer.Channel | None = None
        self._lock = threading.Lock()
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            if pygame.mixer.get_num_channels() <= VOICE_CHANNEL:
                pygame.mixer.set_num_channels(VOICE_CHANNEL + 8)
            pygame.mixer.set_reserved(VOICE_CHANNEL + 1)
            self._channel = pygame.mixer.Channel(VOICE_CHANNEL)
            self.available = True
        except pygame.error as exc:
            self._say_once(f"소리 장치를 찾을 수 없어 자막만 표시합니다 ({exc})")

    def keep_at_least(self, count: int) -> None:
        """Hold ``count`` decoded lines: a whole scenario's, so none is evicted and decoded again on the
        frame loop (scenarios have up to ~30 lines, ~15 MB)."""
        with self._lock:
            self._keep = max(KEEP_SOUNDS, count)

    def loaded(self, path: Path | str) -> bool:
        """Decoded and ready: ``play`` will only start it, not decode it."""
        with self._lock:
            return Path(path) in self._sounds

    def play(self, path: Path | str | None) -> bool:
        """Start a line, cutting whatever the voice was saying. False: nothing plays (subtitles only).

        A line not ``loaded`` is decoded here, on the caller's thread: the game asks the worker to load it
        instead (``VoiceLink.poll``)."""
        if path is None or self._channel is None:
            return False
        path = Path(path)
        sound = self._load(path)
        if sound is None:
            return False
        sound.set_volume(self._volume)
        self._channel.play(sound)
        self._last = path
        return True

    def preload(self, path: Path | str) -> None:
        """Decode a line into the mixer's format ahead of need; called on the prefetch worker.

        Loading resamples to the mixer's rate (~18 ms for a 5 s line at 44.1 kHz), more than a frame;
        pygame releases the GIL meanwhile, so doing it here keeps the frame loop smooth.
        """
        if self._channel is not None:
            self._load(Path(path))

    def replay(self) -> bool:
        return self.play(self._last)

    def stop(self) -> None:
        """Cut the voice now (the trainee skipped or chose before the customer finished)."""
        if self._channel is not None:
            self._channel.stop()

    def set_volume(self, volume: float) -> None:
        """0.0-1.0 from the settings; applies to the line already playing too."""
        self._volume = max(0.0, min(1.0, volume))
        if self._channel is not None:
            sound = self._channel.get_sound()
            if sound is not None:
                sound.set_volume(self._volume)

    @property
    def volume(self) -> float:
        return self._volume

    def is_playing(self) -> bool:
        return self._channel is not None and self._channel.get_busy()

    def take_notice(self) -> str | None:
        """A message for the trainee, returned once; then ``None``."""
        notice, self._notice = self._notice, None
        return notice

    def _load(self, path: Path) -> pygame.mixer.Sound | None:
        with self._lock:
            sound = self._sounds.get(path)
            if sound is not None:
                self._sounds.move_to_end(path)
                return sound
        try:
            sound = pygame.mixer.Sound(str(path))
        except (pygame.error, OSError) as exc:
            log.info("voice file %s unreadable: %s", path, exc)
            return None
        with self._lock:
            self._sounds[path] = sound
            while len(self._sounds) > self._keep:
                self._sounds.popitem(last=False)
        return sound

    def _say_once(self, message: str) -> None:
        log.warning(message)
        self._notice = message
