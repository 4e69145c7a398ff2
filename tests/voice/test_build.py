"""``voices build``/``status`` logic and the lint hook, on scenario objects."""

import io

from game.voice.backends import OFFLINE, BackendError
from game.voice.build import audio_diagnostics, build, status
from game.voice.cache import VoiceCache
from game.voice.service import VoiceService
from tests.voice.fakes import CountingEspeak, FakeOnline, make_scenario


def espeak_service(cache: VoiceCache) -> tuple[VoiceService, CountingEspeak]:
    espeak = CountingEspeak()
    online = FakeOnline(BackendError(OFFLINE, "down"))
    return VoiceService(cache, mode="espeak", online=online, offline=espeak), espeak


def test_build_then_a_second_build_is_a_no_op(cache, scenario):
    service, _ = espeak_service(cache)
    out = io.StringIO()
    first = build([scenario], service, "espeak", stream=out)
    n = len(scenario.spoken_lines())
    assert (first.lines, first.built, first.already, first.failed) == (n, n, 0, {})
    assert f"] {n}/{n} " in out.getvalue() and "[" + "#" * 28 + "]" in out.getvalue()

    again_service, again_espeak = espeak_service(VoiceCache(cache.root, shipped=cache.shipped))
    second = build([scenario], again_service, "espeak", stream=io.StringIO())
    assert (second.built, second.already) == (0, n) and again_espeak.calls == []
    assert status([scenario], again_service) == {
        "lines": n,
        "cached": n,
        "missing": 0,
        "stale": 0,
        "silent": 0,
    }


def test_status_tells_missing_from_stale(cache, scenario):
    service, _ = espeak_service(cache)
    n = len(scenario.spoken_lines())
    assert status([scenario], service) == {"lines": n, "cached": 0, "missing": n, "stale": 0, "silent": 0}
    build([scenario], service, "espeak", stream=io.StringIO())

    edited = make_scenario(complaint="벌써 열흘째예요! 도대체 언제 와요?")
    fresh, _ = espeak_service(VoiceCache(cache.root, shipped=cache.shipped))
    assert status([edited], fresh) == {"lines": n, "cached": n - 1, "missing": 0, "stale": 1, "silent": 0}
    problems = audio_diagnostics([edited], VoiceCache(cache.root, shipped=cache.shipped))
    assert [(p.line_id, p.kind) for p in problems] == [("phone-late/complaint/customer", "stale")]

    # The same words in another scenario share the audio; another customer type needs its own.
    same = make_scenario(scenario_id="copy")
    assert audio_diagnostics([same], VoiceCache(cache.root, shipped=cache.shipped)) == []
    quiet = make_scenario(scenario_id="quiet", customer_type="quiet")
    kinds = {p.kind for p in audio_diagnostics([quiet], VoiceCache(cache.root, shipped=cache.shipped))}
    assert kinds == {"missing"}


def test_failed_lines_are_reported_not_raised(cache, scenario):
    online = FakeOnline(BackendError(OFFLINE, "오프라인"))
    service = VoiceService(cache, mode="gtts", online=online)
    report = build([scenario], service, "gtts", stream=io.StringIO())
    assert report.built == 0 and len(report.failed) == len(scenario.spoken_lines())
    assert set(report.failed.values()) == {"오프라인"}
    assert len(online.calls) == 1  # a dead network costs one timeout per build, not one per line


def test_progress_in_a_log_is_a_few_lines_not_hundreds(cache):
    scenarios = [make_scenario(scenario_id=f"s{i}", complaint=f"{i}번 고객입니다.") for i in range(8)]
    service, _ = espeak_service(cache)
    out = io.StringIO()
    build(scenarios, service, "espeak", stream=out)
    assert len(out.getvalue().splitlines()) <= 11
