"""The game sends to the class's LRS by itself: in the background, and exactly once across an outage.

The end-to-end tests play headless with only the three EUNGDAE_LRS_* variables set (no push) against
the real Ralph LRS; the outage test stops it between plays and starts it again on the same port.
"""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.progress.xapi.config import LrsSettings
from game.progress.xapi.sender import BackgroundSender
from tests.progress.helpers import BEST, LIBRARY, record, store_at
from tests.progress.xapi import lrs as ralph
from tests.progress.xapi.stubs import StubLrs

PLAY = ["play", "phone-late-delivery", "--autoplay", "1,1,1,1,1", "--size", "640x360"]


@pytest.fixture
def configured(tmp_path, monkeypatch):
    """Point the game at an LRS through the environment alone; returns a setter for the endpoint."""
    monkeypatch.setenv("EUNGDAE_LRS_SETTINGS", str(tmp_path / "none.json"))
    monkeypatch.setenv("EUNGDAE_LRS_USERNAME", ralph.USER)
    monkeypatch.setenv("EUNGDAE_LRS_PASSWORD", ralph.PASSWORD)
    return lambda endpoint: monkeypatch.setenv("EUNGDAE_LRS_ENDPOINT", endpoint)


def _built(saves) -> list[str]:
    """Every statement id the game built, from the outbox and the sent folder."""
    ids = []
    for path in (saves / "xapi").rglob("*.json"):
        ids += [s["id"] for s in json.loads(path.read_text("utf-8"))["statements"]]
    return ids


def test_sending_never_waits_on_the_lrs(tmp_path):
    """A dripping LRS holds the worker, not the caller: kick returns and recording goes on."""
    saves = tmp_path / "saves"
    store = store_at(saves)
    store.create_profile("alice")
    with StubLrs([200], drip=1.0, body=100) as slow:
        settings = LrsSettings(slow.endpoint, "u", "p")
        sender = BackgroundSender(saves, settings, lambda: LIBRARY, deadline=3)
        store.on_recorded = sender.kick
        record(store, "alice", BEST)  # kicks the sender
        assert slow.connected.wait(60)
        assert not sender.wait(0)  # the worker is still waiting on the LRS ...
        record(store, "alice", BEST)  # ... and the game records (and kicks) meanwhile
        assert len(store.attempts("alice")) == 2
        assert sender.wait(120)
    assert sender.problem and "제한 시간" in sender.problem
    assert len(list((saves / "xapi" / "outbox").glob("*.json"))) == 2  # kept for the next round


@pytest.mark.skipif(not ralph.available(), reason=ralph.SKIP_REASON)
def test_play_alone_delivers_and_an_outage_loses_nothing_and_doubles_nothing(tmp_path, configured, capsys):
    saves = tmp_path / "saves"
    port = ralph.free_port()
    configured(f"http://127.0.0.1:{port}/xAPI/")

    with ralph.running_lrs(tmp_path / "lrs", port) as lrs:  # 1. play, no push: statements arrive
        assert main([*PLAY, "--profile", "alice", "--saves", str(saves)]) == 0
        first = _built(saves)
        at_lrs = [s["id"] for s in lrs.get(limit="1000")["statements"]]
    assert first and sorted(at_lrs) == sorted(first)

    capsys.readouterr()  # 2. the LRS is away: the play is kept in the outbox
    assert main([*PLAY, "--profile", "alice", "--saves", str(saves)]) == 0
    assert "outbox" in capsys.readouterr().err
    assert len(list((saves / "xapi" / "outbox").glob("*.json"))) == 1

    with ralph.running_lrs(tmp_path / "lrs", port) as lrs:  # 3. back: the next play sends both
        assert main([*PLAY, "--profile", "alice", "--saves", str(saves)]) == 0
        at_lrs = [s["id"] for s in lrs.get(limit="1000")["statements"]]
    built = _built(saves)
    assert len(built) == 3 * len(first)
    assert sorted(at_lrs) == sorted(built)  # every statement, each exactly once
    assert not list((saves / "xapi" / "outbox").glob("*.json"))
