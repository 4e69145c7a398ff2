import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.ui import tones
from game.ui.context import Context
from game.ui.effects import EFFECTS_CHANNEL, Effects
from game.ui.memory_progress import MemoryProgress
from game.ui.settings import Settings
from game.voice.player import VOICE_CHANNEL
from tests.ui.helpers import library

ROOT = Path(__file__).resolve().parents[2]

# Ring for 0.6 s through SDL's disk driver (a real mixer writing its output to a file).
DISK_RING = """
import time
import pygame
from game.ui.effects import Effects
from game.ui.settings import Settings
pygame.mixer.init(frequency=44100, size=-16, channels=2)
effects = Effects(Settings(master_volume=0.5, effects_volume=0.5).effects_level)
effects.ring()
time.sleep(0.6)
effects.stop_ring()
pygame.mixer.quit()
"""


@pytest.fixture
def mixer():
    pygame.mixer.init()
    yield
    pygame.mixer.quit()


def test_the_ring_reaches_the_sound_card_at_440_and_480_hz_at_the_effects_level(tmp_path):
    out = tmp_path / "ring.raw"
    env = {**os.environ, "SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(out)}
    subprocess.run([sys.executable, "-c", DISK_RING], cwd=ROOT, env=env, check=True, capture_output=True)
    left = np.frombuffer(out.read_bytes(), dtype=np.int16).reshape(-1, 2)[:, 0] / 32768
    heard = left[np.abs(left) > 0]
    assert len(heard) > 44100 // 4
    spectrum = np.abs(np.fft.rfft(heard))
    freqs = np.fft.rfftfreq(len(heard), 1 / 44100)
    assert sorted(freqs[np.argsort(spectrum)[-2:]]) == pytest.approx([440, 480], abs=3)
    assert np.abs(heard).max() == pytest.approx(tones.RING_LEVEL * 0.25, rel=0.1)  # master 0.5 × effects 0.5


def test_effects_have_their_own_channel_and_the_ring_stops_when_told(mixer):
    effects = Effects(0.6)
    assert effects.channel.id == EFFECTS_CHANNEL != VOICE_CHANNEL
    assert effects.sounds["click"].play().id > EFFECTS_CHANNEL  # any other sound plays elsewhere
    effects.ring()
    effects.ring()
    assert effects.ringing and effects.channel.get_sound() is effects.sounds["ring"]
    effects.stop_ring()
    assert not effects.ringing and not effects.channel.get_busy()
    effects.click()
    assert effects.channel.get_sound() is effects.sounds["click"]


def test_volume_follows_the_settings_master_times_effects(mixer):
    effects = Effects(0.5)
    ctx = Context(library=library(), progress=MemoryProgress(), effects=effects)
    ctx.apply_settings(Settings(master_volume=0.5, effects_volume=0.4), save=False)
    assert effects.volume == pytest.approx(0.2)
    assert effects.sounds["ring"].get_volume() == pytest.approx(0.2, abs=0.01)


def test_no_audio_device_is_silent_and_quiet(monkeypatch):
    def no_device(*_args, **_kwargs):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    effects = Effects(1.0)
    effects.ring()
    effects.click()
    assert effects.channel is None and not effects.ringing


def test_deferred_effects_open_on_the_first_ring_at_the_volume_last_set():
    from game.ui.effects import DeferredEffects
    from tests.ui.fakes import FakeEffects

    opened = []

    def open_effects(volume):
        opened.append(volume)
        return FakeEffects()

    effects = DeferredEffects(0.6, open_effects)
    effects.stop_ring()
    effects.set_volume(0.3)
    assert opened == [] and not effects.ringing and effects.volume == pytest.approx(0.3)
    effects.ring()
    assert opened == [0.3] and effects.ringing
    effects.click()
    effects.set_volume(0.5)
    assert opened == [0.3] and effects.effects.clicks == 1 and effects.effects.volume == 0.5
