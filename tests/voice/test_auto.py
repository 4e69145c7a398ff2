"""``auto``: gTTS when it works, the offline voice otherwise, and play never stops."""

from game.voice.backends import OFFLINE, RATE_LIMITED, REJECTED, TIMEOUT, BackendError
from game.voice.backends.auto import RATE_LIMIT_PAUSE, AutoBackend
from game.voice.profile import VoiceProfile
from game.voice.service import VoiceService
from tests.voice.fakes import CountingEspeak, FakeOnline

PROFILE = VoiceProfile()


def test_online_is_used_while_it_works():
    online, offline = FakeOnline(b"mp3"), CountingEspeak()
    used, audio = AutoBackend(online, offline).synthesize("네", PROFILE)
    assert used is online and audio.data == b"mp3" and offline.calls == []


def test_no_connection_falls_back_and_is_remembered_for_the_run():
    for kind in (OFFLINE, TIMEOUT):
        online, offline = FakeOnline(BackendError(kind, "down")), CountingEspeak()
        auto = AutoBackend(online, offline)
        for text in ("하나", "둘", "셋"):
            used, audio = auto.synthesize(text, PROFILE)
            assert used is offline and audio.ext == "wav"
        assert len(online.calls) == 1  # a dead network is probed once, not per line
        assert auto.outage == "down"


def test_rate_limit_pauses_online_for_a_while():
    now = [0.0]
    online, offline = FakeOnline(BackendError(RATE_LIMITED, "429")), CountingEspeak()
    auto = AutoBackend(online, offline, clock=lambda: now[0])
    auto.synthesize("하나", PROFILE)
    auto.synthesize("둘", PROFILE)
    assert len(online.calls) == 1
    now[0] += RATE_LIMIT_PAUSE + 1
    online.result = b"mp3"
    used, _ = auto.synthesize("셋", PROFILE)
    assert used is online and auto.outage is None


def test_a_rejected_line_falls_back_for_that_line_only():
    online, offline = FakeOnline(BackendError(REJECTED, "HTTP 500")), CountingEspeak()
    auto = AutoBackend(online, offline)
    auto.synthesize("하나", PROFILE)
    auto.synthesize("둘", PROFILE)
    assert len(online.calls) == 2 and auto.outage is None


def test_service_keeps_playing_and_tells_the_trainee_once(cache, scenario):
    online = FakeOnline(BackendError(OFFLINE, "gTTS: 인터넷에 연결할 수 없습니다"))
    service = VoiceService(cache, online=online, offline=CountingEspeak())
    paths = [service.prepare(line) for line in scenario.spoken_lines()]
    assert all(p is not None and p.exists() for p in paths)
    assert len(service.notices) == 1 and "오프라인" in service.notices[0]
    assert len(online.calls) == 1
