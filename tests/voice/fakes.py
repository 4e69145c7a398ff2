"""Test doubles: a small phone scenario, the real offline voice with a call counter, a scripted online one."""

from __future__ import annotations

import threading
from types import MappingProxyType

from game.scenario.model import Branch, Choice, Customer, Ending, Node, Scenario, Voice
from game.voice.backends import OFFLINE, BackendError, RawAudio
from game.voice.backends.espeak import EspeakBackend
from game.voice.profile import VoiceProfile


class CountingEspeak(EspeakBackend):
    """Real espeak-ng audio; counts calls, and can be held at a gate to stand for a slow synthesiser."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.calls: list[str] = []
        self.gate = gate
        self.entered = threading.Event()

    def synthesize(self, text: str, profile: VoiceProfile) -> RawAudio:
        self.calls.append(text)
        self.entered.set()
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


ANGRY_LINE = "주문한 지 일주일이 넘었는데 아직도 안 왔어요! 어떻게 된 거예요?"


def make_scenario(
    scenario_id: str = "phone-late",
    category: str = "phone",
    customer_type: str = "hurried",
    complaint: str = ANGRY_LINE,
) -> Scenario:
    """ring → complaint → (calm | angrier) → end, with a narration, customer lines and a reaction."""
    nodes = {
        "ring": Node(
            id="ring",
            narration="전화벨이 울립니다.",
            event="phone_ringing",
            choices=(Choice(id="c1", say="감사합니다. 한빛쇼핑입니다.", next=(Branch("complaint"),)),),
        ),
        "complaint": Node(
            id="complaint",
            customer=complaint,
            emotion="angry",
            choices=(
                Choice(
                    id="c1",
                    say="정말 죄송합니다. 주문 번호를 알려 주시겠어요?",
                    next=(Branch("calm"),),
                    reaction="네, 빨리 좀 확인해 주세요.",
                    reaction_emotion="impatient",
                ),
                Choice(id="c2", say="택배사 사정입니다.", next=(Branch("angrier"),)),
            ),
        ),
        "calm": Node(id="calm", customer="알겠어요. 기다릴게요.", emotion="calm", next=(Branch("end"),)),
        "angrier": Node(id="angrier", customer="지금 장난하세요?", emotion="angry", next=(Branch("end"),)),
        "end": Node(id="end", ending=Ending("neutral", True)),
    }
    return Scenario(
        id=scenario_id,
        title="배송 지연",
        category=category,
        customer=Customer(name="박정호", type=customer_type, voice=Voice(speed="fast")),
        start="ring",
        nodes=MappingProxyType(nodes),
    )


def offline_transport(text: str, language: str, timeout: float) -> bytes:
    raise BackendError(OFFLINE, "gTTS: 인터넷에 연결할 수 없습니다")
