"""The voice channel under SDL's dummy driver, a real render under the disk driver, and no device."""

import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.voice.player import VOICE_CHANNEL, VoicePlayer
from tests.voice.voice_metrics import duration, load

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def line_wav(service, scenario) -> Path:
    return service.prepare(scenario.spoken_lines()[1])


def test_play_stop_replay_and_volume(line_wav):
    player = VoicePlayer(volume=0.5)
    assert player.available and player.take_notice() is None
    assert player.play(line_wav) and player.is_playing()
    assert pygame.mixer.Channel(VOICE_CHANNEL).get_sound() is not None
    player.set_volume(2.0)
    assert player.volume == 1.0
    assert pygame.mixer.Channel(VOICE_CHANNEL).get_sound().get_volume() == pytest.approx(1.0, abs=0.01)
    player.stop()  # the trainee skipped
    assert not player.is_playing()
    assert player.replay() and player.is_playing()
    player.stop()


def test_voice_channel_is_reserved_from_sound_effects(line_wav):
    VoicePlayer()
    effect = pygame.mixer.Sound(str(line_wav))
    channels = {pygame.mixer.find_channel() for _ in range(3)}
    assert pygame.mixer.Channel(VOICE_CHANNEL) not in channels
    effect.stop()


def test_nothing_to_play_means_subtitles(tmp_path):
    player = VoicePlayer()
    assert not player.play(None)
    assert not player.play(tmp_path / "missing.wav")
    assert not player.replay()


def test_no_sound_device_is_said_once(monkeypatch, line_wav):
    def no_device(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    player = VoicePlayer()
    assert not player.available
    notice = player.take_notice()
    assert notice is not None and "자막" in notice
    assert player.take_notice() is None
    assert not player.play(line_wav)
    player.stop()
    player.set_volume(0.3)
    assert not player.is_playing()


def test_a_line_really_reaches_the_sound_card(tmp_path, service, scenario):
    """SDL's disk driver writes what is mixed to a file; the voice must be there and audible."""
    line_wav = service.prepare(replace(scenario.spoken_lines()[1], text="네, 알겠어요."))
    out = tmp_path / "mixed.raw"
    script = textwrap.dedent(
        f"""
        import time, pygame
        pygame.mixer.init(frequency=22050, size=-16, channels=1)
        from game.voice.player import VoicePlayer
        player = VoicePlayer()
        assert player.play({str(line_wav)!r})
        deadline = time.monotonic() + 10
        while player.is_playing() and time.monotonic() < deadline:
            time.sleep(0.05)
        pygame.mixer.quit()
        """
    )
    env = {**os.environ, "SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(out), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60, cwd=ROOT)
    mixed = np.frombuffer(out.read_bytes(), dtype=np.int16).astype(float) / 32768
    assert len(mixed) / 22050 >= 0.9 * duration(load(line_wav))
    assert 20 * np.log10(np.sqrt(np.mean(mixed**2))) > -40


def test_preloaded_line_is_the_sound_that_plays(line_wav):
    player = VoicePlayer()
    player.preload(line_wav)
    loaded = player._sounds[line_wav]
    assert player.play(line_wav)
    assert pygame.mixer.Channel(VOICE_CHANNEL).get_sound() is loaded
    player.stop()


def test_a_whole_scenarios_lines_stay_decoded(service, scenario, tmp_path):
    """Scenarios have up to ~30 lines; the player keeps them all once told how many, so none is
    evicted and decoded again when needed."""
    from game.voice.audio import from_samples, to_wav_bytes

    paths = []
    for i in range(40):
        path = tmp_path / f"line{i}.wav"
        path.write_bytes(to_wav_bytes(from_samples(np.zeros(2205))))
        paths.append(path)
    player = VoicePlayer()
    for path in paths[:30]:
        player.preload(path)
    assert not player.loaded(paths[0])  # the default holds 24
    player.keep_at_least(38)
    for path in paths[:38]:
        player.preload(path)
    assert all(player.loaded(path) for path in paths[:38])
    player.preload(paths[38])
    assert not player.loaded(paths[0]) and player.loaded(paths[38])  # the oldest goes first
