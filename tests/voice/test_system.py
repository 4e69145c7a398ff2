"""The system voice (pyttsx3: SAPI Heami, macOS Yuna) through an injected driver: found, used in auto
after gTTS and before espeak-ng, given the spelling; a machine without it is found out once."""

from pathlib import Path
from types import SimpleNamespace

from game.voice.backends import OFFLINE, UNAVAILABLE, BackendError
from game.voice.backends.espeak import EspeakBackend
from game.voice.backends.system import SystemBackend, default_driver, korean_voice_id
from game.voice.profile import VoiceProfile
from game.voice.service import VoiceService
from game.voice.takes import RecordedTakes
from tests.voice.fakes import CountingEspeak, FakeOnline
from tests.voice.voice_metrics import duration, load

HEAMI = SimpleNamespace(
    id=r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Speech\Voices\Tokens\TTS_MS_KO-KR_HEAMI_11.0",
    name="Microsoft Heami Desktop - Korean",
    languages=[],
)
ZIRA = SimpleNamespace(id="TTS_MS_EN-US_ZIRA_11.0", name="Microsoft Zira Desktop", languages=["en_US"])
YUNA = SimpleNamespace(id="com.apple.voice.compact.ko-KR.Yuna", name="Yuna", languages=["ko_KR"])


class FakeDriver:
    """pyttsx3's engine as the backend uses it; ``save_to_file`` writes real speech (espeak-ng stands
    for the OS voice) when ``runAndWait`` runs, as pyttsx3 does."""

    def __init__(self, voices):
        self.voices = voices
        self.props: dict = {}
        self.said: list[str] = []
        self._pending: list[tuple[str, str]] = []

    def getProperty(self, name):
        return self.voices if name == "voices" else self.props.get(name)

    def setProperty(self, name, value):
        self.props[name] = value

    def save_to_file(self, text, filename):
        self._pending.append((text, filename))

    def runAndWait(self):
        for text, filename in self._pending:
            self.said.append(text)
            Path(filename).write_bytes(EspeakBackend().synthesize(text, VoiceProfile()).data)
        self._pending = []


def test_a_korean_voice_is_found_by_name_or_language():
    assert korean_voice_id([ZIRA, HEAMI]) == HEAMI.id
    assert korean_voice_id([ZIRA, YUNA]) == YUNA.id
    assert korean_voice_id([ZIRA]) is None


def test_the_system_voice_speaks_real_audio_with_the_korean_voice_selected():
    driver = FakeDriver([ZIRA, HEAMI])
    audio = SystemBackend(lambda: driver).synthesize("감사합니다", VoiceProfile())
    assert driver.props["voice"] == HEAMI.id and driver.said == ["감사합니다"]
    assert duration(load(audio.data)) > 0.5


def test_auto_tries_gtts_then_the_system_voice_then_espeak(cache, scenario):
    driver = FakeDriver([HEAMI])
    espeak = CountingEspeak()
    service = VoiceService(
        cache,
        online=FakeOnline(BackendError(OFFLINE, "down")),
        offline=espeak,
        system=SystemBackend(lambda: driver),
        takes=RecordedTakes(None),
    )
    line = scenario.spoken_lines()[1]
    path = service.prepare(line)
    assert espeak.calls == [] and driver.said == [line.text]  # the spelling: the OS voice reads Korean itself
    assert service.cache.manifest.get(line.line_id).backend == "system"
    assert service.find(line) == path


def test_without_a_korean_system_voice_espeak_speaks_and_the_driver_is_opened_once(cache, scenario):
    opened = []

    def factory():
        opened.append(1)
        return FakeDriver([ZIRA])

    espeak = CountingEspeak()
    service = VoiceService(
        cache,
        online=FakeOnline(BackendError(OFFLINE, "down")),
        offline=espeak,
        system=SystemBackend(factory),
        takes=RecordedTakes(None),
    )
    lines = scenario.spoken_lines()[:3]
    assert all(service.prepare(line) is not None for line in lines)
    assert len(espeak.calls) == 3 and opened == [1]


def test_on_linux_or_without_pyttsx3_the_default_driver_is_unavailable(monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    try:
        default_driver()
    except BackendError as exc:
        assert exc.kind == UNAVAILABLE
    else:
        raise AssertionError("expected UNAVAILABLE")
