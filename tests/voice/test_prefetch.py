"""The prefetcher: ``ready`` never waits, lines come in order of need, failures mean subtitles."""

import threading

from game.voice.backends import OFFLINE, BackendError
from game.voice.korean import pronounce
from game.voice.prefetch import Prefetcher
from game.voice.reach import lines_ahead
from game.voice.service import VoiceService
from game.voice.text import synth_text
from tests.voice.fakes import CountingEspeak, FakeOnline


def make(cache, gate=None):
    espeak = CountingEspeak(gate)
    service = VoiceService(cache, online=FakeOnline(BackendError(OFFLINE, "down")), offline=espeak)
    return Prefetcher(service), espeak


def test_ready_returns_at_once_while_the_synthesiser_is_busy(cache, scenario):
    gate = threading.Event()
    prefetcher, espeak = make(cache, gate)
    line = scenario.spoken_lines()[1]
    try:
        prefetcher.prefetch([line])
        # The worker is held inside the synthesiser; the frame loop's call still returns.
        assert prefetcher.ready(line) is None
        assert not prefetcher.idle()
    finally:
        gate.set()
    assert prefetcher.wait_idle(10)
    path = prefetcher.ready(line)
    assert path is not None and path.exists()
    assert espeak.calls == [synth_text(line)]  # espeak-ng is given the pronunciation
    prefetcher.close()


def test_lines_are_prepared_nearest_first_and_newest_request_first(cache, scenario):
    gate = threading.Event()
    prefetcher, espeak = make(cache, gate)
    try:
        prefetcher.prefetch(lines_ahead(scenario, "ring", depth=0))
        assert espeak.entered.wait(10)  # the worker holds the first line at the gate
        prefetcher.prefetch(lines_ahead(scenario, "calm", depth=0), urgent=False)
        prefetcher.prefetch(lines_ahead(scenario, "complaint", depth=0))
    finally:
        gate.set()
    assert prefetcher.wait_idle(10)
    assert espeak.calls == [
        pronounce(text)
        for text in (
            "전화벨이 울립니다.",
            scenario.nodes["complaint"].customer,
            "네, 빨리 좀 확인해 주세요.",
            "알겠어요. 기다릴게요.",
        )
    ]
    prefetcher.close()


def test_asking_for_a_line_moves_it_to_the_front(cache, scenario):
    gate = threading.Event()
    prefetcher, espeak = make(cache, gate)
    lines = scenario.spoken_lines()
    try:
        prefetcher.prefetch(lines)
        assert espeak.entered.wait(10)
        assert prefetcher.ready(lines[-1]) is None
    finally:
        gate.set()
    assert prefetcher.wait_idle(10)
    assert espeak.calls[:2] == [synth_text(lines[0]), synth_text(lines[-1])]
    assert len(espeak.calls) == len(lines)  # nothing twice
    prefetcher.close()


def test_cached_lines_are_ready_at_first_ask(cache, scenario):
    warm, _ = make(cache)
    warm.prefetch(scenario.spoken_lines())
    assert warm.wait_idle(20)
    warm.close()
    assert (cache.root / "manifest.json").exists()

    cold, espeak = make(cache)
    assert all(cold.ready(line) is not None for line in scenario.spoken_lines())
    assert espeak.calls == []
    cold.close()


def test_a_line_that_cannot_be_voiced_is_reported_failed(cache, scenario):
    service = VoiceService(cache, mode="gtts", online=FakeOnline(BackendError(OFFLINE, "down")))
    prefetcher = Prefetcher(service)
    line = scenario.spoken_lines()[1]
    prefetcher.prefetch([line])
    assert prefetcher.wait_idle(10)
    assert prefetcher.failed(line) and prefetcher.ready(line) is None
    prefetcher.close()


def test_warm_runs_on_the_worker_before_a_line_is_ready(cache, scenario):
    warmed: list[tuple[str, str]] = []
    service = VoiceService(cache, mode="espeak")
    line = scenario.spoken_lines()[1]
    service.prepare(line)  # on disk already: still warmed before ``ready`` hands it out
    prefetcher = Prefetcher(service, warm=lambda p: warmed.append((p.name, threading.current_thread().name)))
    first = prefetcher.ready(line)
    assert prefetcher.wait_idle(10)
    path = prefetcher.ready(line)
    assert path is not None and warmed == [(path.name, "voice-prefetch")]
    assert first in (None, path)
    prefetcher.close()


def test_an_evicted_line_is_reloaded_on_the_worker(cache, scenario):
    warmed: list = []
    espeak = CountingEspeak()
    service = VoiceService(cache, online=FakeOnline(BackendError(OFFLINE, "down")), offline=espeak)
    prefetcher = Prefetcher(service, warm=warmed.append)
    line = scenario.spoken_lines()[1]
    prefetcher.prefetch([line])
    assert prefetcher.wait_idle(20)
    path = prefetcher.ready(line)
    prefetcher.reload(line)  # the player dropped its decoded sound
    assert prefetcher.wait_idle(20)
    assert prefetcher.ready(line) == path
    assert warmed == [path, path] and len(espeak.calls) == 1  # decoded again, not synthesised again
    prefetcher.close()


def test_synthesis_runs_in_a_child_process(cache, scenario):
    """With a builder the worker thread only waits: espeak-ng and the DSP run in another process, which
    writes the same cache."""
    import os

    from game.voice.builder import ProcessBuilder

    espeak = CountingEspeak()
    service = VoiceService(cache, online=FakeOnline(BackendError(OFFLINE, "down")), offline=espeak)
    builder = ProcessBuilder(cache.root, cache.shipped, mode="espeak")
    builder.start()  # the game starts it while the trainee chooses a scenario
    assert builder.ready()
    prefetcher = Prefetcher(service, builder=builder)
    lines = scenario.spoken_lines()
    prefetcher.prefetch(lines)
    assert prefetcher.wait_idle(120)
    paths = [prefetcher.ready(line) for line in lines]
    assert all(p is not None and p.exists() for p in paths)
    assert espeak.calls == []  # nothing synthesised in this process
    assert service.find(lines[1]) == paths[1]  # the parent finds what the child built
    child = builder._pool.submit(os.getpid).result()
    assert child != os.getpid()
    prefetcher.close()


def test_until_the_child_is_up_lines_are_built_here(cache, scenario):
    from game.voice.builder import ProcessBuilder

    espeak = CountingEspeak()
    service = VoiceService(cache, online=FakeOnline(BackendError(OFFLINE, "down")), offline=espeak)
    builder = ProcessBuilder(cache.root, cache.shipped, mode="espeak")
    prefetcher = Prefetcher(service, builder=builder)
    line = scenario.spoken_lines()[1]
    prefetcher.prefetch([line])
    assert prefetcher.wait_idle(60) and prefetcher.ready(line) is not None
    assert espeak.calls == [synth_text(line)]  # not kept waiting for the child to start
    prefetcher.close()
