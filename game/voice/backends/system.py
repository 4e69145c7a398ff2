"""The operating system's own Korean voice through pyttsx3: Windows SAPI "Microsoft Heami", macOS "Yuna".

Where a machine has one, it is far more natural than espeak-ng and needs no network, so ``auto`` tries it
after gTTS and before espeak-ng. pyttsx3 is optional (the game works without it) and on Linux it only
wraps espeak, which we already drive better ourselves, so there it is not used. The driver is injected:
tests give a stand-in that writes a real WAV, the game gets ``pyttsx3.init()``.

A system voice reads spelling with its own Korean text analysis: it gets the words, not the
pronunciation front end's output.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.voice.backends import FAILED, UNAVAILABLE, BackendError, RawAudio
from game.voice.profile import VoiceProfile

KOREAN_VOICE_NAMES = ("heami", "yuna", "korean")  # SAPI, macOS, and generic names
PLATFORMS = ("win32", "darwin")  # where pyttsx3 reaches a real system voice
RATE_WPM = 170


def default_driver() -> Any:
    """``pyttsx3.init()`` on Windows/macOS; ``BackendError(UNAVAILABLE)`` elsewhere or without pyttsx3."""
    if sys.platform not in PLATFORMS:
        raise BackendError(UNAVAILABLE, "시스템 한국어 음성은 Windows와 macOS에만 있습니다")
    try:
        import pyttsx3
    except ImportError as exc:
        raise BackendError(UNAVAILABLE, "pyttsx3가 설치되어 있지 않습니다 (pip install pyttsx3)") from exc
    try:
        return pyttsx3.init()
    except Exception as exc:  # pyttsx3 surfaces COM/Objective-C errors as anything
        raise BackendError(UNAVAILABLE, f"시스템 음성을 열 수 없습니다: {exc}") from exc


def korean_voice_id(voices: list[Any]) -> str | None:
    """The id of an installed Korean voice (Heami, Yuna, or any voice tagged ko/ko_KR)."""
    for voice in voices:
        name = f"{getattr(voice, 'name', '')} {getattr(voice, 'id', '')}".lower()
        languages = [str(lang).lower() for lang in getattr(voice, "languages", []) or []]
        if any(n in name for n in KOREAN_VOICE_NAMES) or any("ko" in lang[:5] for lang in languages):
            return voice.id
    return None


class SystemBackend:
    name = "system"

    def __init__(self, driver_factory: Callable[[], Any] = default_driver) -> None:
        self._factory = driver_factory
        self._driver: Any = None
        self._voice: str | None = None
        self._error: BackendError | None = None
        self._lock = threading.Lock()

    def token(self, profile: VoiceProfile) -> str:
        return f"os={sys.platform}"  # fixed before the driver opens: keys must not change once it does

    def available(self) -> bool:
        """Open the driver once; False (remembered) when there is no Korean system voice."""
        with self._lock:
            try:
                self._open()
            except BackendError:
                return False
            return True

    def _open(self) -> None:
        if self._error is not None:
            raise self._error
        if self._driver is not None:
            return
        try:
            driver = self._factory()
            voice = korean_voice_id(list(driver.getProperty("voices") or []))
        except BackendError as exc:
            self._error = exc
            raise
        if voice is None:
            self._error = BackendError(UNAVAILABLE, "설치된 한국어 시스템 음성이 없습니다 (Heami/Yuna)")
            raise self._error
        driver.setProperty("voice", voice)
        driver.setProperty("rate", RATE_WPM)
        self._driver, self._voice = driver, voice

    def synthesize(self, text: str, profile: VoiceProfile) -> RawAudio:
        with self._lock:
            self._open()
            fd, name = tempfile.mkstemp(suffix=".wav", prefix="eungdae-voice-")
            os.close(fd)
            path = Path(name)
            try:
                self._driver.save_to_file(text, str(path))
                self._driver.runAndWait()
                data = path.read_bytes() if path.exists() else b""
            except BackendError:
                raise
            except Exception as exc:
                raise BackendError(FAILED, f"시스템 음성 오류: {exc}") from exc
            finally:
                path.unlink(missing_ok=True)
        if not data:
            raise BackendError(FAILED, "시스템 음성이 오디오를 만들지 않았습니다")
        # SAPI writes WAV; macOS writes AIFF whatever the suffix: both decode (AIFF through SDL).
        return RawAudio(data, "wav" if data[:4] == b"RIFF" else "aiff")
