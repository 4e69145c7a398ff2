"""``--backend auto``: gTTS while it works, then the system's Korean voice if the machine has one, then
espeak-ng; and no retrying a dead network.

One failed connection (or timeout) marks gTTS as down for the rest of the run: probing a dead network
for every line would make a game with 200 lines wait 200 timeouts. A rate limit only pauses gTTS for a
while. A machine without a Korean system voice is found out once. Every fallback is recorded so the
game and ``voices build`` can tell the trainer why.

Each backend may need its own text (espeak-ng gets the pronunciation, the others the spelling):
``said(backend name, text)`` gives it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from game.voice.backends import OFFLINE, RATE_LIMITED, TIMEOUT, UNAVAILABLE, Backend, BackendError, RawAudio
from game.voice.profile import VoiceProfile

RATE_LIMIT_PAUSE = 120.0


def _as_is(backend: str, text: str) -> str:
    return text


@dataclass
class AutoBackend:
    online: Backend
    offline: Backend
    clock: Callable[[], float] = time.monotonic
    system: Backend | None = None
    outage: str | None = None  # the message of the failure that took the online backend out
    system_missing: str | None = None  # why the system voice cannot be used on this machine
    _paused_until: float = field(default=float("-inf"), repr=False)

    def chain(self) -> list[Backend]:
        """The backends the next line will try, in order."""
        out: list[Backend] = []
        if self.outage is None and self.clock() >= self._paused_until:
            out.append(self.online)
        if self.system is not None and self.system_missing is None:
            out.append(self.system)
        out.append(self.offline)
        return out

    def choose(self) -> Backend:
        return self.chain()[0]

    def synthesize(
        self, text: str, profile: VoiceProfile, said: Callable[[str, str], str] = _as_is
    ) -> tuple[Backend, RawAudio]:
        """Returns which backend actually spoke, because the cache key depends on it."""
        *better, last = self.chain()
        for backend in better:
            try:
                return backend, backend.synthesize(said(backend.name, text), profile)
            except BackendError as exc:
                if backend is self.online:
                    if exc.kind in (OFFLINE, TIMEOUT):
                        self.outage = exc.message
                    elif exc.kind == RATE_LIMITED:
                        self._paused_until = self.clock() + RATE_LIMIT_PAUSE
                elif exc.kind == UNAVAILABLE:
                    self.system_missing = exc.message
        return last, last.synthesize(said(last.name, text), profile)
