"""Backends for tests: the real offline voice with a call counter, and a scripted online one."""

from __future__ import annotations

import threading

from game.voice.backends import BackendError, RawAudio
from game.voice.backends.espeak import EspeakBackend
from game.voice.profile import VoiceProfile


class CountingEspeak(EspeakBackend):
    """Real espeak-ng audio; counts calls, and can be held at a gate to stand for a slow synthesiser."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.calls: list[str] = []
        self.gate = gate

    def synthesize(self, text: str, profile: VoiceProfile) -> RawAudio:
        self.calls.append(text)
        if self.gate is not None:
            self.gate.wait(10)
        return super().synthesize(text, profile)


class FakeOnline:
    """Stands in for gTTS: raises the given error, or returns the given bytes (e.g. real WAV audio)."""

    name = "gtts"

    def __init__(self, result: bytes | BackendError, ext: str = "mp3") -> None:
        self.result = result
        self.ext = ext
        self.calls: list[str] = []

    def token(self, profile: VoiceProfile) -> str:
        return "tld=com"

    def synthesize(self, text: str, profile: VoiceProfile) -> RawAudio:
        self.calls.append(text)
        if isinstance(self.result, BackendError):
            raise self.result
        return RawAudio(self.result, self.ext)
