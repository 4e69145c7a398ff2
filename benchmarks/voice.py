"""Voice benchmarks for benchmarks/run.py: how fast a cached line starts, how often a line is ready.

``voice_start`` — the game starting a cached line (``Prefetcher.ready`` + ``VoicePlayer.play``, as the UI
does when the line is needed; it was prefetched, and preloaded into the mixer's format on the worker,
when the node before was entered) against the floor of a bare ``pygame.mixer.Sound(path).play()`` of the
same file, which decodes and resamples on the spot. Medians over up to ``START_ROUNDS`` lines, mixer at
pygame's default format. Target ratio 1.5 (lower is better).

``voice_ready`` — the share of lines whose audio was ready at the moment the game needed it, in an
autoplayed scenario from an *empty* cache with no network (the worst first run: every line is synthesised
offline while the trainee plays), as the game runs it: the whole scenario queued for the background
build, synthesis in the builder process (started before the scenario, as the select screen does), each
line decoded into the player on the worker. ``ours`` is the mean of that share over ``READY_SCENARIOS``
scenarios spread over the library (``per_scenario`` lists them). The pace is faster than any trainee: the scenario's first line is
needed ``START_DELAY`` after the scenario is chosen, each node is left ``DWELL`` seconds after it is
entered (a trainee must at least hear the line, which takes longer), and a choice's reaction line is
needed the instant the choice is made. ``floor`` is the target (0.95) and ``ratio`` = ours / target, so
ratio ≥ 1 meets it. Both run headless (SDL dummy audio driver).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame

from game.engine.session import NodeEntered, Session
from game.scenario.library import load_library
from game.scenario.model import Scenario, SpokenLine
from game.voice.backends import OFFLINE, BackendError
from game.voice.backends.gtts_backend import GttsBackend
from game.voice.builder import ProcessBuilder
from game.voice.cache import VoiceCache
from game.voice.player import VoicePlayer
from game.voice.prefetch import Prefetcher
from game.voice.reach import lines_ahead, lines_by_node
from game.voice.service import VoiceService

START_TARGET_RATIO = 1.5
READY_TARGET = 0.95
START_DELAY = 0.3
DWELL = 0.6
START_ROUNDS = 30
READY_SCENARIOS = 5


def _no_network(text: str, language: str, timeout: float) -> bytes:
    raise BackendError(OFFLINE, "benchmark: offline")


def _service(root: Path) -> VoiceService:
    online = GttsBackend(transport=_no_network)
    return VoiceService(VoiceCache(root, shipped=None), online=online)


def _library():
    library = load_library()
    return library, [s for s in library.scenarios if s.spoken_lines()]


def voice_start() -> dict:
    _, scenarios = _library()
    lines = [line for s in scenarios for line in s.spoken_lines()][:START_ROUNDS]
    with tempfile.TemporaryDirectory() as tmp:
        service = _service(Path(tmp))
        paths = [service.prepare(line) for line in lines]
        ours: list[float] = []
        floor: list[float] = []
        for line, path in zip(lines, paths, strict=True):
            if path is None:
                continue
            # The game: the line was prefetched on entering the node before; now it is needed.
            player = VoicePlayer()
            prefetcher = Prefetcher(service, warm=player.preload)
            prefetcher.prefetch([line])
            prefetcher.wait_idle(10)
            t0 = time.perf_counter()
            player.play(prefetcher.ready(line))
            ours.append(time.perf_counter() - t0)
            player.stop()
            prefetcher.close()
            # The floor: the bare pygame call on the same file.
            t0 = time.perf_counter()
            channel = pygame.mixer.Sound(str(path)).play()
            floor.append(time.perf_counter() - t0)
            if channel is not None:
                channel.stop()
    ours_s, floor_s = statistics.median(ours), statistics.median(floor)
    return {"ours": ours_s, "floor": floor_s, "ratio": ours_s / floor_s, "target": START_TARGET_RATIO}


def _autoplay(scenario: Scenario, rubric, prefetcher: Prefetcher) -> tuple[int, int]:
    """Play choice 1 everywhere at the benchmark pace; count lines ready when needed."""
    grouped = lines_by_node(scenario)
    needed = ready = 0

    def need(line: SpokenLine) -> None:
        nonlocal needed, ready
        needed += 1
        ready += prefetcher.ready(line) is not None

    def on_event(event) -> None:
        if isinstance(event, NodeEntered):
            prefetcher.prefetch(lines_ahead(scenario, event.node.id))

    prefetcher.prefetch(lines_ahead(scenario, scenario.start))
    prefetcher.prefetch(scenario.spoken_lines(), urgent=False)
    time.sleep(START_DELAY)
    session = Session(scenario, rubric)
    session.subscribe(on_event)
    for line in grouped[session.node.id]:
        need(line)
    while not session.finished:
        time.sleep(DWELL)
        if session.needs_advance:
            session.advance()
        else:
            choice = session.available()[0] if session.available() else None
            if choice is None and session.node.typed is not None:
                session.answer(session.node.typed.examples[0])
            elif choice is not None:
                reaction = f"{scenario.id}/{session.node.id}/{choice.id}/reaction"
                session.choose(1)
                for line in scenario.spoken_lines():
                    if line.line_id == reaction:
                        need(line)
        for line in grouped[session.node.id]:
            if not line.line_id.endswith("/reaction"):
                need(line)
    return needed, ready


def voice_ready() -> dict:
    library, scenarios = _library()
    step = max(1, len(scenarios) // READY_SCENARIOS)
    chosen = scenarios[::step][:READY_SCENARIOS]
    shares: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for scenario in chosen:
            root = Path(tmp) / scenario.id
            builder = ProcessBuilder(root, None, mode="espeak")  # no network: what auto falls back to
            builder.start()
            player = VoicePlayer()
            player.keep_at_least(len(scenario.spoken_lines()) + 8)
            prefetcher = Prefetcher(_service(root), warm=player.preload, builder=builder)
            n, r = _autoplay(scenario, library.rubric_for(scenario), prefetcher)
            prefetcher.close()
            shares[scenario.id] = r / n if n else 1.0
    ours = statistics.mean(shares.values())
    return {
        "ours": ours,
        "floor": READY_TARGET,
        "ratio": ours / READY_TARGET,
        "target": READY_TARGET,
        "per_scenario": {k: round(v, 3) for k, v in shares.items()},
    }


if __name__ == "__main__":
    print("voice_start", voice_start())
    print("voice_ready", voice_ready())
