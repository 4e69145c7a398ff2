"""Synthesis and shaping in a child process, so the game's own process never runs the DSP.

The WSOLA stretch and espeak-ng's callbacks are Python holding the GIL for tens of milliseconds per
line; on a worker *thread* they starved the frame loop (frame p99 4.3 → 12.7 ms while lines were being
built). A child process has its own GIL: the prefetch thread only waits for its answer. The child
writes into the same content-addressed cache (atomic writes; the manifest merges on flush), so what it
builds is found by the parent with a stat.

Started once, with ``spawn`` (never ``fork`` a process that runs SDL and threads), ideally while the
trainee is still choosing a scenario: it takes ~1.5 s to import the voice layer. Until it is up, and if
it cannot start or dies, the caller builds in-process instead — worse for the frame, but speaking.
"""

from __future__ import annotations

import concurrent.futures
import logging
import multiprocessing
import threading
from dataclasses import dataclass
from pathlib import Path

from game.scenario.model import SpokenLine

log = logging.getLogger(__name__)

_service = None  # the child's VoiceService


@dataclass(frozen=True)
class Built:
    path: Path | None
    error: str | None
    notices: tuple[str, ...]


def _start(root: str, shipped: str | None, mode: str) -> None:
    global _service
    import os

    # The child only decodes (gTTS mp3 through SDL_mixer): it must not open the sound card the game plays on.
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    # And it yields the CPU to the game: on a busy machine the frame loop must not queue behind the DSP.
    if hasattr(os, "nice"):
        os.nice(10)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.voice.cache import VoiceCache
    from game.voice.service import VoiceService

    _service = VoiceService(VoiceCache(Path(root), shipped=Path(shipped) if shipped else None), mode=mode)
    _warm_up(_service)


def _warm_up(service) -> None:
    """Load espeak-ng and the DSP now (~1 s), while the trainee is choosing, not on the first line."""
    from game.voice.audio import decode
    from game.voice.backends import BackendError
    from game.voice.profile import VoiceProfile
    from game.voice.shaping import ShapeParams, shape

    try:
        raw = service.offline.synthesize("네", VoiceProfile())
        shape(decode(raw.data), ShapeParams(tempo=1.1, semitones=1.0, phone=True))
    except (BackendError, OSError, ValueError) as exc:
        log.info("voice builder warm-up failed (lines will say why): %s", exc)


def _build(line: SpokenLine) -> Built:
    assert _service is not None
    path = _service.prepare(line)
    _service.flush()
    return Built(path, _service.errors.get(line.line_id), tuple(_service.notices))


class ProcessBuilder:
    def __init__(self, root: Path, shipped: Path | None, mode: str = "auto") -> None:
        self._args = (str(root), str(shipped) if shipped is not None else None, mode)
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._broken = False
        self._ready = threading.Event()
        self._lock = threading.Lock()

    def ready(self) -> bool:
        """The child is up: ``build`` will not wait for it to start."""
        return self._ready.is_set()

    def start_soon(self) -> None:
        """Start the child on a thread of its own; returns at once."""
        threading.Thread(target=self.start, name="voice-builder-start", daemon=True).start()

    def start(self) -> None:
        """Start the child now (it takes ~0.5 s to import the voice layer), so the first line does not
        wait for it."""
        with self._lock:
            if self._pool is None and not self._broken:
                try:
                    self._pool = concurrent.futures.ProcessPoolExecutor(
                        max_workers=1,
                        mp_context=multiprocessing.get_context("spawn"),
                        initializer=_start,
                        initargs=self._args,
                    )
                    self._pool.submit(int).result(timeout=60)  # the child is up and initialised
                    self._ready.set()
                except (OSError, RuntimeError, concurrent.futures.process.BrokenProcessPool) as exc:
                    log.warning("voice builder process unavailable, building in-process: %s", exc)
                    self._broken = True
                    self._pool = None
                except concurrent.futures.TimeoutError:
                    log.warning("voice builder process did not start in time, building in-process")
                    self._broken = True

    def build(self, line: SpokenLine) -> Built | None:
        """The built line, or ``None`` when no child process can be used (the caller builds it)."""
        self.start()
        pool = self._pool
        if pool is None:
            return None
        try:
            return pool.submit(_build, line).result()
        except (concurrent.futures.process.BrokenProcessPool, RuntimeError) as exc:
            log.warning("voice builder process failed, building in-process from now on: %s", exc)
            with self._lock:
                self._broken = True
                self._pool = None
                self._ready.clear()
            return None

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
            self._ready.clear()
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
