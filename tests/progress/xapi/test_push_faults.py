"""`xapi push` against LRSs that misbehave, and addresses that must never be opened.

Stub servers on 127.0.0.1 refuse, answer 500, half-accept or drip a byte every few seconds; each
asserts the exit status, the words, that the outbox keeps every unsent batch, and that a slow LRS
neither holds the push past its deadline nor stops a game from queueing meanwhile.
"""

from __future__ import annotations

import io
import json
import threading

import pytest

from game.cli import main
from game.progress.xapi.outbox import Outbox
from game.progress.xapi.push import EndpointError, Lrs, check_endpoint
from tests.progress.helpers import ARGUE, BEST, EXCUSE, record, store_at
from tests.progress.xapi.stubs import StubLrs, refused_endpoint


@pytest.fixture
def saves(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    store = store_at(folder)
    store.create_profile("alice")
    for choices in (BEST, EXCUSE, ARGUE):
        record(store, "alice", choices)
    monkeypatch.setenv("EUNGDAE_LRS_SETTINGS", str(tmp_path / "no-settings.json"))
    monkeypatch.setenv("EUNGDAE_LRS_USERNAME", "trainer")
    monkeypatch.setenv("EUNGDAE_LRS_PASSWORD", "s3cret")
    for name in ("EUNGDAE_LRS_ENDPOINT", "EUNGDAE_LRS_INSECURE"):
        monkeypatch.delenv(name, raising=False)
    return folder


def _push(saves, endpoint: str, *extra: str) -> int:
    return main(["xapi", "push", "--endpoint", endpoint, "--saves", str(saves), *extra])


def _waiting(saves) -> int:
    return len(list((saves / "xapi" / "outbox").glob("*.json")))


@pytest.mark.parametrize(
    "endpoint, words",
    [
        ("file:///etc/passwd#/statements", "http:// 또는 https://"),
        ("ftp://127.0.0.1/xAPI/", "http:// 또는 https://"),
        ("http://[::1", "읽을 수 없습니다"),
        ("", "비어 있습니다"),
        ("https:///xAPI/", "서버 이름이 없습니다"),
    ],
)
def test_4_only_http_and_https_and_nothing_is_opened_first(saves, capsys, monkeypatch, endpoint, words):
    opened = []
    real_open = open

    def watching_open(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", watching_open)
    assert _push(saves, endpoint) == 2
    monkeypatch.setattr("builtins.open", real_open)
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not any("passwd" in path or str(saves) in path for path in opened)
    assert not (saves / "xapi").exists()  # refused before the outbox was even filled


def test_basic_auth_over_plain_http_goes_only_to_loopback_unless_insecure(saves, capsys):
    with pytest.raises(EndpointError, match="--insecure"):
        check_endpoint("http://lrs.example.com/xAPI/")
    assert check_endpoint("http://lrs.example.com/xAPI/", insecure=True)
    for local in ("http://127.0.0.1:8100/xAPI/", "http://localhost/xAPI/", "http://[::1]:8100/xAPI/"):
        assert check_endpoint(local) == local
    assert _push(saves, "http://lrs.example.com/xAPI/") == 2
    assert "https://" in capsys.readouterr().err
    assert not (saves / "xapi").exists()


def test_refused_errored_and_half_accepting_lrss_keep_the_outbox(saves, capsys):
    assert _push(saves, refused_endpoint()) == 1
    captured = capsys.readouterr()
    assert "연결할 수 없습니다" in captured.err and "3 attempts waiting" in captured.out
    with StubLrs([500]) as failing:
        assert _push(saves, failing.endpoint) == 1
    assert "500" in capsys.readouterr().err and _waiting(saves) == 3
    with StubLrs([200, 500]) as half:
        assert _push(saves, half.endpoint) == 1
        first = half.received[0]
    captured = capsys.readouterr()
    assert "sent 8 statements (1 attempts); 2 attempts waiting" in captured.out
    with StubLrs([204]) as fine:
        assert _push(saves, fine.endpoint) == 0
        resent = [s["id"] for batch in fine.received for s in batch]
    assert _waiting(saves) == 0
    assert not {s["id"] for s in first} & set(resent)  # the accepted batch is not sent again
    assert len(resent) == len(set(resent))


def test_5_a_dripping_lrs_is_cut_at_the_deadline_and_the_game_can_queue_meanwhile(saves, capsys):
    with StubLrs([200], drip=2.0, body=100) as slow:  # 100 bytes at one per 2 s: 200 s if not cut
        result: list[int] = []
        push = threading.Thread(target=lambda: result.append(_push(saves, slow.endpoint, "--timeout", "4")))
        push.start()
        assert slow.connected.wait(60)
        # while the push waits on the network, a game records and queues an attempt without waiting
        store = store_at(saves)
        record(store, "alice", BEST)
        attempt = store.attempts("alice")[-1]
        assert Outbox(saves).enqueue("alice", attempt, [{"id": "x"}]) is True
        assert push.is_alive()  # the enqueue did not wait for the push
        push.join(120)
    assert result == [1]
    captured = capsys.readouterr()
    assert "제한 시간" in captured.err and "sent 0 statements" in captured.out
    assert _waiting(saves) == 4  # nothing lost: the three, and the one queued during the push


def test_a_deadline_already_past_sends_nothing():
    lrs = Lrs("http://127.0.0.1:9/xAPI/", "u", "p", deadline=0.0)
    with pytest.raises(Exception, match="시간"):
        lrs.post([])


def test_no_password_on_the_command_line(saves, capsys, monkeypatch):
    with pytest.raises(SystemExit):
        main(["xapi", "push", "--endpoint", "http://127.0.0.1:1/", "--password", "p"])
    monkeypatch.delenv("EUNGDAE_LRS_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO())  # not a terminal: no prompt possible
    assert _push(saves, "http://127.0.0.1:1/xAPI/") == 2
    err = capsys.readouterr().err
    assert "EUNGDAE_LRS_PASSWORD" in err and "명령줄" in err


def test_the_settings_file_is_used_and_a_readable_one_warned_about(saves, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("EUNGDAE_LRS_PASSWORD")
    monkeypatch.delenv("EUNGDAE_LRS_USERNAME")
    settings = tmp_path / "lrs.json"
    with StubLrs([204]) as fine:
        settings.write_text(
            json.dumps({"endpoint": fine.endpoint, "username": "trainer", "password": "from-file"}), "utf-8"
        )
        settings.chmod(0o644)
        monkeypatch.setenv("EUNGDAE_LRS_SETTINGS", str(settings))
        assert main(["xapi", "push", "--saves", str(saves)]) == 0
        assert len(fine.received) == 3
    err = capsys.readouterr().err
    assert f"chmod 600 {settings}" in err
    settings.chmod(0o600)
    assert main(["xapi", "push", "--saves", str(saves)]) == 0  # nothing left, and no warning now
    assert "chmod" not in capsys.readouterr().err
