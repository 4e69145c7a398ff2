"""Loading Kiwi once, in the background, and failing as a value the caller can act on."""

import threading

import pytest

from game.language import Analyser, AnalyserUnavailable, Loader
from game.language.morphs import Morph


def test_a_failing_loader_reports_failed_and_raises_a_usable_error():
    def broken():
        raise OSError("model file missing")

    loader = Loader(broken)
    assert loader.state == "idle"
    with pytest.raises(AnalyserUnavailable, match="model file missing"):
        Analyser(loader).analyse("안녕하세요")
    assert loader.state == "failed"


def test_start_loads_once_on_a_worker_and_get_waits_for_it():
    calls, release = [], threading.Event()

    def slow():
        calls.append(threading.current_thread().name)
        release.wait(5)
        return lambda text: [Morph(text, "NNG", 0, len(text))]

    loader = Loader(slow)
    loader.start()
    loader.start()
    assert loader.state == "loading"
    with pytest.raises(AnalyserUnavailable, match="still loading"):
        loader.get(timeout=0.01)
    release.set()
    assert loader.get(timeout=5)("고객")[0].form == "고객"
    assert loader.state == "ready" and calls == ["kiwi-loader"]
