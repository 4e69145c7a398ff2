"""The cache: hits cost no synthesis; empty, truncated or corrupt entries are rebuilt; writes are atomic."""

import os

import pytest

from game.voice import atomic
from game.voice.audio import to_wav_bytes
from game.voice.backends import OFFLINE, BackendError, RawAudio
from game.voice.cache import ENV_VAR, VoiceCache, default_cache_dir, wav_is_whole
from game.voice.profile import VoiceProfile
from game.voice.service import VoiceService
from tests.voice.fakes import CountingEspeak, FakeOnline
from tests.voice.voice_metrics import duration, load


def offline_service(cache: VoiceCache, **kw) -> tuple[VoiceService, CountingEspeak]:
    espeak = CountingEspeak()
    online = FakeOnline(BackendError(OFFLINE, "down"))
    return VoiceService(cache, online=online, offline=espeak, **kw), espeak


def test_a_hit_returns_the_file_without_synthesising_again(cache, scenario):
    service, espeak = offline_service(cache)
    line = scenario.spoken_lines()[1]
    first = service.prepare(line)
    again = service.prepare(line)
    assert first == again and len(espeak.calls) == 1
    assert service.find(line) == first
    # A fresh process (new service, same directory) hits too.
    other, other_espeak = offline_service(VoiceCache(cache.root, shipped=cache.shipped))
    assert other.prepare(line) == first and other_espeak.calls == []


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "header_only"])
def test_a_broken_entry_is_rebuilt(cache, scenario, damage):
    service, espeak = offline_service(cache)
    line = scenario.spoken_lines()[1]
    path = service.prepare(line)
    good = path.read_bytes()
    broken = {
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "garbage": b"\x00" * len(good),
        "header_only": good[:44],
    }[damage]
    path.write_bytes(broken)
    fresh, espeak = offline_service(VoiceCache(cache.root, shipped=cache.shipped))
    assert fresh.find(line) is None
    rebuilt = fresh.prepare(line)
    assert rebuilt == path and len(espeak.calls) == 1
    assert wav_is_whole(rebuilt) and duration(load(rebuilt)) > 1.0


def test_a_download_that_does_not_decode_is_dropped_and_the_line_still_speaks(cache, scenario):
    espeak = CountingEspeak()
    service = VoiceService(cache, online=FakeOnline(b"<html>captcha</html>"), offline=espeak)
    line = scenario.spoken_lines()[1]
    assert service.prepare(line) is not None and len(espeak.calls) == 1
    assert list((cache.root / "raw").glob("*")) == []  # the junk was not kept as a "hit"
    gtts_only = VoiceService(cache, mode="gtts", online=FakeOnline(b"<html>captcha</html>"))
    assert gtts_only.prepare(line, "gtts") is None
    assert "읽을 수 없습니다" in gtts_only.errors[line.line_id]


def test_a_zero_byte_raw_file_is_not_a_hit(cache):
    cache.store_raw("k" * 32, RawAudio(b"ID3", "mp3"))
    (cache.root / "raw" / ("k" * 32 + ".mp3")).write_bytes(b"")
    assert cache.lookup_raw("k" * 32) is None
    assert not (cache.root / "raw" / ("k" * 32 + ".mp3")).exists()


def test_shipped_gtts_audio_is_shaped_into_the_user_cache_without_network(cache, scenario):
    """A trainer's committed gTTS file plays on a machine with no internet (WAV bytes stand in for mp3)."""
    speech = CountingEspeak().synthesize("배송이 늦어요", VoiceProfile()).data
    builder = VoiceService(cache, online=FakeOnline(speech, ext="wav"), ship=True)
    line = scenario.spoken_lines()[1]
    assert builder.prepare(line) is not None
    shipped = list(cache.shipped.glob("*.wav"))
    assert len(shipped) == 1
    builder.flush()
    assert (cache.shipped / "manifest.json").exists()

    player_side = VoiceCache(cache.root.parent / "trainee", shipped=cache.shipped)
    service, espeak = offline_service(player_side)
    assert service.state(line) == "cached"
    path = service.prepare(line)
    assert path is not None and path.parent == player_side.root / "lines" and espeak.calls == []


def test_atomic_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "line.wav"
    target.write_bytes(b"old")

    def fail(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", fail)  # the shared writer (game.progress.atomic) fsyncs
    with pytest.raises(OSError):
        atomic.write_atomic(target, b"new and longer")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["line.wav"]


def test_an_unwritable_cache_means_subtitles_not_a_crash(tmp_path, scenario):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    service, _ = offline_service(VoiceCache(blocker / "cache", shipped=None))
    assert service.prepare(scenario.spoken_lines()[1]) is None
    assert any("캐시" in n for n in service.notices)


def test_default_cache_dir_honours_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "voices"))
    assert default_cache_dir() == tmp_path / "voices"
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "eungdae" / "voices"


def test_wav_check_accepts_what_we_write(tmp_path):
    from pydub import AudioSegment

    path = tmp_path / "a.wav"
    path.write_bytes(to_wav_bytes(AudioSegment.silent(200, frame_rate=22050)))
    assert wav_is_whole(path)
