"""Sound effects on their own mixer channel: the desk phone's ring and the click of a choice.

The sounds are synthesised once, when first needed (``game.ui.tones``: numpy is imported only then, which
keeps it out of the game's start-up), into ``pygame.mixer.Sound`` buffers in the mixer's own format. The voice keeps channel 0 (``game.voice.player``); effects play on channel 1,
reserved as well, so neither can cut the other. Their volume is the settings' effects level (master ×
effects) and follows the settings the moment they change. With no sound device this is silent and
says nothing: the voice layer already tells the trainee once. The game holds ``DeferredEffects``, which
opens the mixer and the channel on the first ring or click, so the title screen never waits for them.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

EFFECTS_CHANNEL = 1


class SilentEffects:
    """The same interface doing nothing: autoplay, tests, machines without sound."""

    def ring(self) -> None:
        """No phone to ring."""

    def stop_ring(self) -> None:
        """Nothing ringing."""

    def click(self) -> None:
        """No click."""

    def set_volume(self, volume: float) -> None:
        """No output to scale."""

    @property
    def ringing(self) -> bool:
        return False


class Effects(SilentEffects):
    def __init__(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        self._ringing = False
        self.channel: pygame.mixer.Channel | None = None
        self._sounds: dict[str, pygame.mixer.Sound] | None = None
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            if pygame.mixer.get_num_channels() <= EFFECTS_CHANNEL:
                pygame.mixer.set_num_channels(EFFECTS_CHANNEL + 8)
            pygame.mixer.set_reserved(EFFECTS_CHANNEL + 1)
            self.channel = pygame.mixer.Channel(EFFECTS_CHANNEL)
        except pygame.error:
            self.channel = None

    @property
    def sounds(self) -> dict[str, pygame.mixer.Sound]:
        """Synthesised on first use, then kept."""
        if self._sounds is None:
            self._sounds = {}
            if self.channel is not None:
                from game.ui import tones

                rate, size, channels = pygame.mixer.get_init()
                try:
                    self._sounds = {
                        "ring": pygame.mixer.Sound(
                            buffer=tones.to_mixer_bytes(tones.ring_cycle(rate), size, channels)
                        ),
                        "click": pygame.mixer.Sound(
                            buffer=tones.to_mixer_bytes(tones.click(rate), size, channels)
                        ),
                    }
                except (pygame.error, ValueError):
                    self.channel = None
            self.set_volume(self._volume)
        return self._sounds

    def ring(self) -> None:
        """Ring until ``stop_ring``: one cycle looped (a second call while ringing changes nothing)."""
        if self.channel is None or self._ringing or "ring" not in self.sounds:
            return
        self.channel.play(self.sounds["ring"], loops=-1)
        self._ringing = True

    def stop_ring(self) -> None:
        if self._ringing and self.channel is not None:
            self.channel.stop()
        self._ringing = False

    def click(self) -> None:
        if self.channel is None or "click" not in self.sounds:
            return
        self._ringing = False  # the click takes the channel: answering the phone stops its ring
        self.channel.play(self.sounds["click"])

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        for sound in (self._sounds or {}).values():
            sound.set_volume(self._volume)

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def ringing(self) -> bool:
        return self._ringing


class DeferredEffects(SilentEffects):
    """``Effects`` opened on the first ring or click; until then stopping has nothing to stop and the
    volume is only remembered."""

    def __init__(self, volume: float, open_effects: Callable[[float], SilentEffects] = Effects) -> None:
        self._volume = max(0.0, min(1.0, volume))
        self._open = open_effects
        self.effects: SilentEffects | None = None

    def _effects(self) -> SilentEffects:
        if self.effects is None:
            self.effects = self._open(self._volume)
        return self.effects

    def ring(self) -> None:
        self._effects().ring()

    def click(self) -> None:
        self._effects().click()

    def stop_ring(self) -> None:
        if self.effects is not None:
            self.effects.stop_ring()

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        if self.effects is not None:
            self.effects.set_volume(volume)

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def ringing(self) -> bool:
        return self.effects is not None and self.effects.ringing
