"""``--backend auto``: gTTS while it works, the offline voice otherwise, and no retrying a dead network.

One failed connection (or timeout) marks gTTS as down for the rest of the run: probing a dead network
for every line would make a game with 200 lines wait 200 timeouts. A rate limit only pauses gTTS for a
while. Every fallback is recorded so the game and ``voices build`` can tell the trainer why.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from game.voice.backends import OFFLINE, RATE_LIMITED, TIMEOUT, Backend, BackendError, RawAudio
from game.voice.profile import VoiceProfile

RATE_LIMIT_PAUSE = 120.0


@dataclass
class AutoBackend:
    online: Backend
    offline: Backend
    clock: Callable[[], float] = time.monotonic
    outage: str | None = None  # the message of the failure that took the online backend out
    _paused_until: float = field(default=float("-inf"), repr=False)

    def choose(self) -> Backend:
        """The backend the next line will try first."""
        if self.outage is None and self.clock() >= self._paused_until:
            return self.online
        return self.offline

    def synthesize(self, text: str, profile: VoiceProfile) -> tuple[Backend, RawAudio]:
        """Returns which backend actually spoke, because the cache key depends on it."""
        backend = self.choose()
        if backend is self.online:
            try:
                return backend, backend.synthesize(text, profile)
            except BackendError as exc:
                if exc.kind in (OFFLINE, TIMEOUT):
                    self.outage = exc.message
                elif exc.kind == RATE_LIMITED:
                    self._paused_until = self.clock() + RATE_LIMIT_PAUSE
        return self.offline, self.offline.synthesize(text, profile)
