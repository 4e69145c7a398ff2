from __future__ import annotations

from game.progress.xapi.outbox import Outbox
from game.progress.xapi.push import PushError
from tests.progress.helpers import ARGUE, BEST, record, store_at


class FakeLrs:
    """Keeps statements by id like an LRS; can be down, or lose the acknowledgement after storing."""

    def __init__(self):
        self.stored: dict[str, dict] = {}
        self.posts = 0
        self.down = False
        self.lose_ack = False

    def post(self, statements):
        if self.down:
            raise PushError("LRS에 연결할 수 없습니다")
        self.posts += 1
        for s in statements:
            assert self.stored.get(s["id"], s) == s  # a retry must send the very same statement
            self.stored[s["id"]] = s
        if self.lose_ack:
            raise PushError("응답을 받지 못했습니다")


def _store(tmp_path):
    store = store_at(tmp_path)
    store.create_profile("김하늘")
    record(store, "김하늘", BEST)
    record(store, "김하늘", ARGUE)
    return store


def test_offline_keeps_everything_and_later_delivers_each_once(tmp_path):
    store = _store(tmp_path)
    outbox = Outbox(tmp_path)
    assert outbox.fill(store) == 2
    assert outbox.fill(store) == 0  # queued once
    lrs = FakeLrs()
    lrs.down = True
    report = outbox.deliver(lrs.post)
    assert (report.batches, report.waiting) == (0, 2) and "연결" in report.error
    lrs.down = False
    report = outbox.deliver(lrs.post)
    assert (report.batches, report.statements, report.waiting, report.error) == (2, 14, 0, None)
    assert len(lrs.stored) == 14  # best path 1+5+1+1, argument 1+3+1+1
    assert outbox.deliver(lrs.post).batches == 0 and lrs.posts == 2
    assert outbox.fill(store) == 0  # sent attempts are not queued again


def test_a_lost_acknowledgement_resends_the_same_statements(tmp_path):
    store = _store(tmp_path)
    outbox = Outbox(tmp_path)
    outbox.fill(store)
    before = outbox.pending()
    lrs = FakeLrs()
    lrs.lose_ack = True
    assert outbox.deliver(lrs.post).waiting == 2
    lrs.lose_ack = False
    assert outbox.pending() == before
    assert outbox.deliver(lrs.post).batches == 2
    assert len(lrs.stored) == 14  # best path 1+5+1+1, argument 1+3+1+1


def test_a_new_attempt_after_a_push_is_queued_alone(tmp_path):
    store = _store(tmp_path)
    outbox = Outbox(tmp_path)
    outbox.fill(store)
    outbox.deliver(FakeLrs().post)
    record(store, "김하늘", BEST)
    assert outbox.fill(store) == 1
    assert [b["attempt"] for b in outbox.pending()] == [store.attempts("김하늘")[-1]["id"]]


def test_batches_go_out_in_the_order_they_were_queued(tmp_path):
    store = _store(tmp_path)
    outbox = Outbox(tmp_path)
    outbox.fill(store)
    assert [b["attempt"] for b in outbox.pending()] == [a["id"] for a in store.attempts("김하늘")]
