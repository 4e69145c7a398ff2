"""Natural Korean from Google Translate's TTS endpoint via gTTS: best effort, never trusted to be there.

gTTS's defaults are unsafe for a game: no timeout (waits forever), and ``save()`` leaves a 0-byte file on
failure. So: we always pass a timeout, download into memory (the cache does the atomic write), space
requests out, and back off on HTTP 429. The HTTP call is an injected ``Transport`` so the failure modes
are testable without a network.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from game.voice.backends import OFFLINE, RATE_LIMITED, REJECTED, TIMEOUT, BackendError, RawAudio
from game.voice.profile import VoiceProfile

# (text, language, timeout seconds) → mp3 bytes, or raises BackendError.
Transport = Callable[[str, str, float], bytes]

TLD = "com"


def gtts_transport(text: str, language: str, timeout: float) -> bytes:
    """The real endpoint. Translates gTTS's one exception type into our failure kinds."""
    import requests
    from gtts import gTTS, gTTSError

    buf = io.BytesIO()
    try:
        gTTS(text=text, lang=language, tld=TLD, timeout=timeout).write_to_fp(buf)
    except gTTSError as exc:
        rsp = getattr(exc, "rsp", None)
        if rsp is None:
            cause = exc.__cause__ or exc.__context__
            if isinstance(cause, requests.exceptions.Timeout):
                raise BackendError(TIMEOUT, f"gTTS: 응답 시간 초과 ({timeout:.0f}s)") from exc
            raise BackendError(OFFLINE, "gTTS: 인터넷에 연결할 수 없습니다") from exc
        if rsp.status_code == 429:
            raise BackendError(RATE_LIMITED, "gTTS: 요청이 너무 많습니다 (HTTP 429)") from exc
        raise BackendError(REJECTED, f"gTTS: HTTP {rsp.status_code}") from exc
    except ValueError as exc:  # unsupported language, empty text
        raise BackendError(REJECTED, f"gTTS: {exc}") from exc
    return buf.getvalue()


@dataclass
class GttsBackend:
    """Throttled, retrying gTTS. ``sleep``/``clock`` are injectable so tests never really wait."""

    transport: Transport = gtts_transport
    timeout: float = 8.0
    min_interval: float = 0.4
    backoff: tuple[float, ...] = (2.0, 5.0, 12.0)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    name: str = "gtts"
    _last_request: float = field(default=float("-inf"), repr=False)

    def token(self, profile: VoiceProfile) -> str:
        """One Google voice per language: gender and pace are left to shaping."""
        return f"tld={TLD}"

    def synthesize(self, text: str, profile: VoiceProfile) -> RawAudio:
        for attempt in range(len(self.backoff) + 1):
            wait = self._last_request + self.min_interval - self.clock()
            if wait > 0:
                self.sleep(wait)
            self._last_request = self.clock()
            try:
                data = self.transport(text, profile.language, self.timeout)
            except BackendError as exc:
                if exc.kind != RATE_LIMITED or attempt == len(self.backoff):
                    raise
                self.sleep(self.backoff[attempt])
                continue
            if not data:
                raise BackendError(REJECTED, "gTTS: 빈 응답")
            return RawAudio(data, "mp3")
        raise AssertionError("unreachable: the loop returns or raises")
