"""The game's link to the voice layer: a first run with no network and an empty cache still speaks."""

from __future__ import annotations

import threading
import time

import pygame
import pytest

from game.scenario.library import load_one
from game.ui.speech import DeferredVoice, SilentSpeech, VoiceLink


@pytest.fixture
def link(tmp_path, monkeypatch):
    monkeypatch.setenv("EUNGDAE_VOICE_CACHE", str(tmp_path / "voices"))
    pygame.mixer.quit()
    voice = VoiceLink(volume=0.5)
    if not voice.available:
        pytest.skip("no audio output, not even SDL's dummy driver")
    yield voice
    voice.close()
    pygame.mixer.quit()


def test_entering_a_scenario_prepares_all_its_lines_in_the_background(link):
    scenario, _ = load_one("phone-late-delivery")
    lines = scenario.spoken_lines()
    link.prepare(scenario, scenario.start)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not all(link.prefetcher.ready(line) for line in lines):
        time.sleep(0.05)
    assert all(link.prefetcher.ready(line) for line in lines), "every line of the scenario was built offline"


def test_a_shown_line_plays_once_ready_and_stop_cuts_it(link):
    scenario, _ = load_one("phone-late-delivery")
    line = next(x for x in scenario.spoken_lines() if x.speaker == "customer")
    link.prepare(scenario, scenario.start)
    link.say([line])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not link.player.is_playing():
        link.poll()
        time.sleep(0.02)
    assert link.player.is_playing()
    link.stop()
    assert not link.player.is_playing()


class CountingVoice(SilentSpeech):
    available = True

    def __init__(self, volume: float) -> None:
        self.volume = volume
        self.calls: list[str] = []

    def prepare(self, scenario, node_id) -> None:
        self.calls.append(f"prepare:{node_id}")

    def stop(self) -> None:
        self.calls.append("stop")

    def close(self) -> None:
        self.calls.append("close")


def test_the_deferred_voice_opens_only_when_a_play_needs_it():
    opened: list[CountingVoice] = []

    def open_link(volume):
        opened.append(CountingVoice(volume))
        return opened[-1]

    voice = DeferredVoice(0.8, open_link)
    voice.poll()
    voice.stop()
    voice.set_volume(0.4)
    assert voice.take_notice() is None
    voice.close()
    assert opened == []  # title, select and closing without a play never open the voice layer
    scenario, _ = load_one("phone-late-delivery")
    voice.prepare(scenario, scenario.start)
    assert voice.wait_open(10) and voice.available
    voice.stop()
    voice.close()
    (link,) = opened
    assert link.volume == 0.4
    assert link.calls == [f"prepare:{scenario.start}", "stop", "close"]


def test_the_voice_layer_opens_off_the_calling_thread_and_gets_what_was_asked_meanwhile():
    gate = threading.Event()
    opened: list[CountingVoice] = []
    threads: list[threading.Thread] = []

    def slow_open(volume):
        threads.append(threading.current_thread())
        gate.wait(10)  # stands for the imports and the mixer: 60-90 ms on this machine
        opened.append(CountingVoice(volume))
        return opened[-1]

    voice = DeferredVoice(1.0, slow_open)
    scenario, _ = load_one("phone-late-delivery")
    voice.prepare(scenario, scenario.start)  # returns at once: the frame goes on
    assert voice.available  # optimistic while opening: no flash of subtitles
    voice.poll()
    assert opened == []
    gate.set()
    assert voice.wait_open(10)
    assert threads and threads[0] is not threading.main_thread()
    assert opened[0].calls == [f"prepare:{scenario.start}"]
    voice.close()
