"""Against a real LRS (Ralph) on loopback: statements arrive, are valid, and each is stored once."""

from __future__ import annotations

import pytest

from game.cli import main
from game.progress.xapi.outbox import Outbox
from game.progress.xapi.push import Lrs, PushError
from tests.progress.helpers import ARGUE, BEST, EXCUSE, record, store_at
from tests.progress.xapi import lrs as ralph

pytestmark = pytest.mark.skipif(not ralph.available(), reason=ralph.SKIP_REASON)


@pytest.fixture(scope="module")
def lrs(tmp_path_factory):
    with ralph.running_lrs(tmp_path_factory.mktemp("ralph")) as server:
        yield server


def _ids_at(lrs: Lrs) -> list[str]:
    return [s["id"] for s in lrs.get(limit="1000")["statements"]]


def test_offline_then_online_delivers_each_statement_exactly_once(tmp_path, lrs):
    store = store_at(tmp_path)
    for name in ("김하늘", "이도윤"):
        store.create_profile(name)
    record(store, "김하늘", BEST, [2, 3, 4, 5, 6])
    record(store, "이도윤", ARGUE)
    record(store, "이도윤", EXCUSE)
    outbox = Outbox(tmp_path)
    assert outbox.fill(store) == 3
    built = [s for batch in outbox.pending() for s in batch["statements"]]

    down = Lrs(f"http://127.0.0.1:{ralph.free_port()}/xAPI/", ralph.USER, ralph.PASSWORD, timeout=2)
    report = outbox.deliver(down.post)
    assert report.batches == 0 and report.waiting == 3 and "연결할 수 없습니다" in report.error

    def post_then_lose_ack(statements):  # stored at the LRS, but the answer never arrives
        lrs.post(statements)
        raise PushError("응답을 받지 못했습니다")

    assert outbox.deliver(post_then_lose_ack).waiting == 3
    report = outbox.deliver(lrs.post)
    assert (report.batches, report.statements, report.waiting, report.error) == (3, len(built), 0, None)
    assert outbox.deliver(lrs.post).batches == 0

    at_lrs = _ids_at(lrs)
    for statement in built:
        assert at_lrs.count(statement["id"]) == 1
    fetched = lrs.statement(built[-1]["id"])
    assert fetched["verb"]["id"].endswith("/passed") or fetched["verb"]["id"].endswith("/failed")
    assert fetched["result"]["score"]["scaled"] == built[-1]["result"]["score"]["scaled"]
    assert fetched["context"]["registration"] == built[-1]["context"]["registration"]
    first_answer = next(
        s for s in built if s["actor"]["name"] == "김하늘" and s["verb"]["id"].endswith("answered")
    )
    answered = lrs.statement(first_answer["id"])
    assert answered["object"]["definition"]["interactionType"] == "choice"
    assert answered["result"]["duration"] == "PT2.00S"


def test_the_lrs_accepts_them_as_valid_xapi(tmp_path, lrs):
    """Ralph validates statements on POST; its models also validate each one here."""
    models = pytest.importorskip("ralph.models.xapi.base.statements")
    store = store_at(tmp_path)
    store.create_profile("최지우")
    record(store, "최지우", BEST)
    outbox = Outbox(tmp_path)
    outbox.fill(store)
    for statement in outbox.pending()[0]["statements"]:
        models.BaseXapiStatement(**statement)
    bad = {k: v for k, v in outbox.pending()[0]["statements"][0].items() if k != "actor"}
    with pytest.raises(PushError, match="거부"):
        lrs.post([bad])


def test_wrong_password_is_a_clear_error(lrs):
    wrong = Lrs(lrs.endpoint, ralph.USER, "nope")
    with pytest.raises(PushError, match="인증"):
        wrong.post([])


def test_cli_push_sends_and_then_has_nothing_left(tmp_path, lrs, capsys, monkeypatch):
    store = store_at(tmp_path)
    store.create_profile("박서준")
    record(store, "박서준", BEST)
    monkeypatch.setenv("EUNGDAE_LRS_SETTINGS", str(tmp_path / "none.json"))
    monkeypatch.setenv("EUNGDAE_LRS_PASSWORD", ralph.PASSWORD)
    args = ["xapi", "push", "--endpoint", lrs.endpoint, "--username", ralph.USER]
    assert main([*args, "--saves", str(tmp_path)]) == 0
    assert "sent 8 statements (1 attempts); 0 attempts waiting" in capsys.readouterr().out
    assert main([*args, "--saves", str(tmp_path)]) == 0
    assert "sent 0 statements" in capsys.readouterr().out
    down = [
        "xapi",
        "push",
        "--endpoint",
        f"http://127.0.0.1:{ralph.free_port()}/xAPI/",
        "--username",
        "u",
        "--saves",
        str(tmp_path),
    ]
    record(store, "박서준", ARGUE)
    assert main(down) == 1
    captured = capsys.readouterr()
    assert "1 attempts waiting" in captured.out and "stay in the outbox" in captured.err
