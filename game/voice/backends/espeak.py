"""Offline Korean voice: libespeak-ng from the ``espeakng-loader`` wheel, through ctypes.

It installs with the project from PyPI (no system package), needs no network and takes a few
milliseconds per line, so a first run with no cache and no internet still speaks. It sounds robotic;
gTTS audio, when a trainer has built it, is preferred. espeak-ng is GPL-3.0: we only load the shared
library that the wheel ships, unmodified (see docs/voices.md).

libespeak-ng keeps global state and is not thread-safe: one process-wide engine, one lock.
"""

from __future__ import annotations

import ctypes
import io
import threading
import wave

from game.voice.backends import FAILED, UNAVAILABLE, BackendError, RawAudio
from game.voice.profile import VoiceProfile

AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_CHARS_UTF8 = 1
ESPEAK_RATE = 1
DEFAULT_WPM = 165  # espeak's 175 is hurried for Korean; shaping sets the pace per customer
VOICES = {"female": "+f3", "male": "+m3"}

_SynthCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class _Engine:
    """The loaded library and its callback; created once, on first use."""

    def __init__(self) -> None:
        import espeakng_loader

        self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
        self.lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        self.lib.espeak_Initialize.restype = ctypes.c_int
        self.lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self.lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self.lib.espeak_Synth.argtypes = [
            ctypes.c_void_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]
        data_path = espeakng_loader.get_data_path().encode()
        self.rate = self.lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, data_path, 0)
        if self.rate <= 0:
            raise OSError(f"espeak_Initialize returned {self.rate}")
        self._chunks: list[bytes] = []
        self._callback = _SynthCallback(self._collect)  # kept referenced: C holds the pointer
        self.lib.espeak_SetSynthCallback(self._callback)

    def _collect(self, wav, n: int, _events) -> int:
        if n > 0 and wav:
            self._chunks.append(ctypes.string_at(wav, n * 2))
        return 0

    def synth(self, text: str, voice: str) -> bytes:
        self._chunks = []
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise BackendError(FAILED, f"espeak-ng has no voice {voice!r}")
        self.lib.espeak_SetParameter(ESPEAK_RATE, DEFAULT_WPM, 0)
        encoded = text.encode("utf-8")
        buf = ctypes.create_string_buffer(encoded)
        status = self.lib.espeak_Synth(buf, len(encoded) + 1, 0, 0, 0, ESPEAK_CHARS_UTF8, None, None)
        self.lib.espeak_Synchronize()
        if status != 0:
            raise BackendError(FAILED, f"espeak_Synth returned {status}")
        return b"".join(self._chunks)


_engine: _Engine | None = None
_engine_error: str | None = None
_lock = threading.Lock()


def _get_engine() -> _Engine:
    global _engine, _engine_error
    if _engine is None and _engine_error is None:
        try:
            _engine = _Engine()
        except (ImportError, OSError, RuntimeError, AttributeError) as exc:
            _engine_error = f"espeak-ng를 불러올 수 없습니다 (espeakng-loader): {exc}"
    if _engine is None:
        raise BackendError(UNAVAILABLE, _engine_error or "espeak-ng unavailable")
    return _engine


class EspeakBackend:
    name = "espeak"

    def token(self, profile: VoiceProfile) -> str:
        return self._voice(profile)

    def _voice(self, profile: VoiceProfile) -> str:
        return profile.language + VOICES.get(profile.gender, VOICES["female"])

    def synthesize(self, text: str, profile: VoiceProfile) -> RawAudio:
        with _lock:
            engine = _get_engine()
            pcm = engine.synth(text, self._voice(profile))
            rate = engine.rate
        if not pcm:
            raise BackendError(FAILED, "espeak-ng produced no audio")
        buf = io.BytesIO()
        with wave.open(buf, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rate)
            w.writeframes(pcm)
        return RawAudio(buf.getvalue(), "wav")
