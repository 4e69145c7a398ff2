"""Speech synthesisers behind one shape: text + profile → raw audio bytes, or a ``BackendError``.

A backend never writes files and never shapes: the cache and the recipe own that, so every backend gets
the same atomic writes and the same loudness.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from game.voice.profile import VoiceProfile

# Why a backend failed, so ``auto`` can decide whether to try it again this run.
OFFLINE = "offline"  # no connection: assume it stays down for the run
TIMEOUT = "timeout"  # as bad as offline for a game that must not wait
RATE_LIMITED = "rate_limited"  # HTTP 429 after backing off
REJECTED = "rejected"  # other HTTP errors, bad responses
UNAVAILABLE = "unavailable"  # the synthesiser cannot load on this machine
FAILED = "failed"  # this text failed; others may work


class BackendError(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class RawAudio:
    data: bytes
    ext: str  # "mp3" | "wav": the file suffix the cache stores it under


class Backend(Protocol):
    name: str

    def token(self, profile: VoiceProfile) -> str:
        """What of the profile changes this backend's output (part of the raw cache key)."""
        ...

    def synthesize(self, text: str, profile: VoiceProfile) -> RawAudio: ...
