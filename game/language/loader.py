"""Loading Kiwi once per process, on whichever thread needs it first or on a worker started early.

Kiwi's model takes about a second and a few hundred MiB to load, and its constructor holds Python's
GIL the whole time, so a thread alone does not keep a frame loop smooth: the game passes a factory
that loads it in a helper process instead (``game.language.remote``). The CLI and the tests use the
in-process default. Either way the result is a *tokenizer*: ``text -> list[Morph]``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from game.language.morphs import Morph, from_kiwi

Tokenizer = Callable[[str], list[Morph]]

# Measured on the labelled set (docs/language.md): the typo and multi-word dictionaries change no
# label there and cost ~190 MiB and ~0.5 s of loading, so they stay off.
KIWI_OPTIONS: dict[str, bool] = {"load_typo_dict": False, "load_multi_dict": False}


class AnalyserUnavailable(RuntimeError):
    """Kiwi could not be loaded (not installed, model missing, out of memory); the message says which."""


def kiwi_tokenizer(**options: bool) -> Tokenizer:
    """An in-process Kiwi; imported here so that importing the language package stays instant."""
    from kiwipiepy import Kiwi

    kiwi = Kiwi(**{**KIWI_OPTIONS, **options})
    # Kiwi finishes building its model on the first sentence (~0.5 s here). Done now, while loading, it
    # is part of the load; left to the first real reply, it froze the frame that judged it
    # (benchmarks/language.py frame_p99_typing, max_coaching_frame 0.6 s).
    kiwi.tokenize("안녕하세요, 고객님.")
    lock = threading.Lock()

    def tokenize(text: str) -> list[Morph]:
        with lock:
            return from_kiwi(kiwi.tokenize(text))

    return tokenize


class Loader:
    """A tokenizer built at most once; ``start`` builds it on a daemon thread, ``get`` waits for it."""

    def __init__(self, factory: Callable[[], Tokenizer] = kiwi_tokenizer):
        self._factory = factory
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._tokenizer: Tokenizer | None = None
        self._error: str | None = None

    def start(self) -> None:
        """Begin loading in the background (idempotent): the game calls this after its title screen."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._load, name="kiwi-loader", daemon=True)
                self._thread.start()

    def _load(self) -> None:
        try:
            self._tokenizer = self._factory()
        except Exception as exc:  # any failure means "no analyser": the game falls back, the CLI says why
            self._error = f"{type(exc).__name__}: {exc}"
        finally:
            self._done.set()

    @property
    def state(self) -> str:
        """``idle`` (not asked yet), ``loading``, ``ready`` or ``failed``."""
        if not self._done.is_set():
            return "idle" if self._thread is None else "loading"
        return "ready" if self._tokenizer is not None else "failed"

    @property
    def error(self) -> str | None:
        return self._error

    def get(self, timeout: float | None = None) -> Tokenizer:
        """The tokenizer, loading it now if nobody has; raises ``AnalyserUnavailable`` if it cannot."""
        self.start()
        if not self._done.wait(timeout):
            raise AnalyserUnavailable("the analyser is still loading")
        if self._tokenizer is None:
            raise AnalyserUnavailable(f"Kiwi could not be loaded ({self._error})")
        return self._tokenizer
