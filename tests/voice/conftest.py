"""Shared fixtures for the voice tests: headless SDL, a throwaway cache, a small phone scenario."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path

import pytest

from game.scenario.model import Scenario
from game.voice.backends.gtts_backend import GttsBackend
from game.voice.cache import VoiceCache
from game.voice.service import VoiceService
from tests.voice.fakes import make_scenario, offline_transport


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
