"""gTTS through an injected transport, and the real gTTS library against a faked HTTP layer.

No test here touches the network. The success case returns real mp3 bytes (pygame-ce's example file),
so the mp3 → WAV path the game takes with gTTS audio is exercised end to end.
"""

from pathlib import Path

import pygame
import pytest
import requests

from game.voice.backends import OFFLINE, RATE_LIMITED, REJECTED, TIMEOUT, BackendError
from game.voice.backends.gtts_backend import GttsBackend, gtts_transport
from game.voice.profile import VoiceProfile

MP3 = Path(pygame.__file__).parent / "examples" / "data" / "house_lo.mp3"
PROFILE = VoiceProfile()


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


class Scripted:
    """A transport that plays back a script of results (bytes) and failures (BackendError)."""

    def __init__(self, *script) -> None:
        self.script = list(script)
        self.calls: list[tuple[str, str, float]] = []

    def __call__(self, text: str, language: str, timeout: float) -> bytes:
        self.calls.append((text, language, timeout))
        item = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(item, BackendError):
            raise item
        return item


def backend(transport, clock: FakeClock | None = None, **kw) -> GttsBackend:
    clock = clock or FakeClock()
    return GttsBackend(transport=transport, sleep=clock.sleep, clock=clock, **kw)


@pytest.mark.skipif(not MP3.exists(), reason="pygame-ce example data not installed")
def test_success_returns_mp3_with_a_timeout_always_set():
    transport = Scripted(MP3.read_bytes())
    audio = backend(transport).synthesize("안녕하세요", PROFILE)
    assert (audio.ext, audio.data[:3]) == ("mp3", MP3.read_bytes()[:3])
    assert transport.calls == [("안녕하세요", "ko", 8.0)]


def test_no_connection_fails_at_once_without_retrying():
    transport = Scripted(BackendError(OFFLINE, "down"))
    clock = FakeClock()
    with pytest.raises(BackendError) as err:
        backend(transport, clock).synthesize("네", PROFILE)
    assert err.value.kind == OFFLINE
    assert len(transport.calls) == 1 and clock.slept == []


def test_timeout_is_reported_as_timeout():
    with pytest.raises(BackendError) as err:
        backend(Scripted(BackendError(TIMEOUT, "slow"))).synthesize("네", PROFILE)
    assert err.value.kind == TIMEOUT


def test_http_429_backs_off_then_succeeds():
    limited = BackendError(RATE_LIMITED, "429")
    transport, clock = Scripted(limited, limited, b"ID3 fake mp3"), FakeClock()
    audio = backend(transport, clock, backoff=(2.0, 5.0, 12.0)).synthesize("네", PROFILE)
    assert audio.data == b"ID3 fake mp3"
    assert clock.slept == [2.0, 5.0] and len(transport.calls) == 3


def test_http_429_gives_up_after_the_last_backoff():
    transport, clock = Scripted(BackendError(RATE_LIMITED, "429")), FakeClock()
    with pytest.raises(BackendError) as err:
        backend(transport, clock, backoff=(2.0, 5.0)).synthesize("네", PROFILE)
    assert err.value.kind == RATE_LIMITED
    assert clock.slept == [2.0, 5.0] and len(transport.calls) == 3


def test_requests_are_spaced_out():
    transport, clock = Scripted(b"x"), FakeClock()
    gtts = backend(transport, clock, min_interval=0.4)
    gtts.synthesize("하나", PROFILE)
    clock.now += 0.1
    gtts.synthesize("둘", PROFILE)
    assert clock.slept == [0.3]


def test_empty_response_is_rejected():
    with pytest.raises(BackendError) as err:
        backend(Scripted(b"")).synthesize("네", PROFILE)
    assert err.value.kind == REJECTED


# -- the real gTTS library, HTTP faked at requests.Session.send -----------------------------------------


def _response(status: int) -> requests.Response:
    rsp = requests.Response()
    rsp.status_code = status
    rsp._content = b""
    rsp.url = "https://translate.google.com/"
    rsp.request = requests.Request("POST", rsp.url).prepare()
    return rsp


@pytest.mark.parametrize(
    ("behaviour", "kind"),
    [
        (requests.exceptions.ConnectionError("no route"), OFFLINE),
        (requests.exceptions.ConnectTimeout("slow"), TIMEOUT),
        (requests.exceptions.ReadTimeout("slow"), TIMEOUT),
        (429, RATE_LIMITED),
        (403, REJECTED),
    ],
)
def test_real_gtts_failures_map_to_kinds(monkeypatch, behaviour, kind):
    seen: dict[str, object] = {}

    def send(self, request, **kwargs):
        seen["timeout"] = kwargs.get("timeout")
        if isinstance(behaviour, Exception):
            raise behaviour
        return _response(behaviour)

    monkeypatch.setattr(requests.Session, "send", send)
    with pytest.raises(BackendError) as err:
        gtts_transport("안녕하세요", "ko", 3.0)
    assert err.value.kind == kind
    assert seen["timeout"] == 3.0  # gTTS's default of None would wait forever
