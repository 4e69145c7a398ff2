"""Kiwi in a helper process, for the game: its load never stalls the frame loop.

Kiwi's constructor holds the GIL for its whole load (about a second, measured as one 1.4 s frame when
loaded on a thread), so the game starts ``python -m game.language.worker`` instead: the helper loads
Kiwi and answers one JSON line per text with the morphemes. The waiting is done by a loader thread
blocked on a pipe, which releases the GIL, and a tokenize call costs a pipe round trip (well under a
millisecond). A frozen build has no ``python -m``; it falls back to loading in process.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from game.language.analysis import use_loader
from game.language.loader import Loader, Tokenizer, kiwi_tokenizer
from game.language.morphs import Morph

READY = "ready"


def process_tokenizer() -> Tokenizer:
    """Start the helper and wait (on the calling thread) until Kiwi is loaded in it."""
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    child = subprocess.Popen(
        [sys.executable, "-m", "game.language.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    atexit.register(_stop, child)
    assert child.stdout is not None and child.stdin is not None
    first = child.stdout.readline().strip()
    if first != READY:
        problem = (child.stderr.read() if child.stderr else "").strip().splitlines()
        _stop(child)
        raise RuntimeError(problem[-1] if problem else f"the analyser helper said {first!r}")
    lock = threading.Lock()
    in_process: list[Tokenizer] = []

    def tokenize(text: str) -> list[Morph]:
        """One round trip to the helper; should it die (killed, out of memory), the play goes on with
        Kiwi loaded in this process instead: one stall of about a second, never a lost reply."""
        with lock:
            if not in_process:
                try:
                    child.stdin.write(json.dumps(text, ensure_ascii=False) + "\n")  # type: ignore[union-attr]
                    child.stdin.flush()  # type: ignore[union-attr]
                    line = child.stdout.readline()  # type: ignore[union-attr]
                except (OSError, ValueError):  # a broken pipe, or a pipe already closed
                    line = ""
                if line:
                    return [Morph(*item) for item in json.loads(line)]
                _stop(child)
                in_process.append(kiwi_tokenizer())
            return in_process[0](text)

    return tokenize


def _stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.kill()
        child.wait()


def start_in_background() -> Loader:
    """The game's analyser: a helper process (in process when frozen), loading from now on."""
    factory = kiwi_tokenizer if getattr(sys, "frozen", False) else process_tokenizer
    loader = Loader(factory)
    use_loader(loader)
    loader.start()
    return loader
