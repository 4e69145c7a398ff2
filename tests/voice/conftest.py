"""Shared fixtures for the voice tests: headless SDL, a throwaway cache, a small phone scenario."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path
from types import MappingProxyType

import pytest

from game.scenario.model import Branch, Choice, Customer, Ending, Node, Scenario, Voice
from game.voice.backends import OFFLINE, BackendError
from game.voice.backends.gtts_backend import GttsBackend
from game.voice.cache import VoiceCache
from game.voice.service import VoiceService

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


@pytest.fixture
def cache(tmp_path: Path) -> VoiceCache:
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    return VoiceCache(tmp_path / "cache", shipped=shipped)


@pytest.fixture
def service(cache: VoiceCache) -> VoiceService:
    """auto mode with a network that is down: the offline voice speaks, as on this machine."""
    online = GttsBackend(transport=offline_transport, sleep=lambda s: None)
    return VoiceService(cache, online=online)


@pytest.fixture
def scenario() -> Scenario:
    return make_scenario()
