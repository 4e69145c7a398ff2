"""Statements kept on disk until the LRS acknowledges them: never lost while offline, never sent twice.

    <saves>/xapi/outbox/<attempt id>.json   built, not yet acknowledged
    <saves>/xapi/sent/<attempt id>.json     acknowledged (kept as the delivery record)
    <saves>/xapi/.lock                      held for a moment to queue a batch or mark one sent
    <saves>/xapi/.deliver.lock              one delivery at a time, across processes and PCs

An attempt's statements are built once, when it is first queued, and written atomically; their ids
never change afterwards. A batch moves to ``sent/`` only after the LRS answered 2xx. If the process
dies or the acknowledgement is lost between the two, the batch is sent again next time with the same
ids and content, which the LRS stores once (xAPI's idempotent statement ids) — so each statement is
stored exactly once at the LRS even though the client delivers at least once.

The queue lock is never held across a network wait: a slow LRS must not stop a game from queueing the
attempt just finished. Deliveries are serialised by their own lock instead, so two deliverers (a
trainer's push and a game's background sender) never send the same batch at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from game.progress.atomic import FileLock, read_json, write_json
from game.progress.migrate import iso_utc
from game.progress.reports.figures import Labels
from game.progress.store import ProgressStore
from game.progress.xapi import statements as xs
from game.progress.xapi.push import PushError

BATCH_FORMAT = "eungdae-xapi-batch"


@dataclass
class Delivery:
    batches: int = 0
    statements: int = 0
    waiting: int = 0
    error: str | None = None
    notices: list[str] = field(default_factory=list)


class Outbox:
    def __init__(self, saves_dir: Path, now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)):
        self.root = Path(saves_dir) / "xapi"
        self.now = now

    @property
    def queue_dir(self) -> Path:
        return self.root / "outbox"

    @property
    def sent_dir(self) -> Path:
        return self.root / "sent"

    def _name(self, attempt_id: str) -> str:
        return xs.registration(attempt_id) + ".json"

    def _lock(self) -> FileLock:
        return FileLock(self.root / ".lock", timeout=60)

    def _delivery_lock(self, wait: float) -> FileLock:
        return FileLock(self.root / ".deliver.lock", timeout=wait)

    def known(self, attempt_id: str) -> bool:
        name = self._name(attempt_id)
        return (self.queue_dir / name).exists() or (self.sent_dir / name).exists()

    def enqueue(self, profile: str, attempt: dict[str, Any], statements: list[dict[str, Any]]) -> bool:
        """Queue an attempt's statements once; ``False`` if that attempt is already queued or sent."""
        with self._lock():
            if self.known(attempt["id"]):
                return False
            write_json(
                self.queue_dir / self._name(attempt["id"]),
                {
                    "format": BATCH_FORMAT,
                    "version": 1,
                    "attempt": attempt["id"],
                    "profile": profile,
                    "created_at": iso_utc(self.now()),
                    "queued_ns": time.time_ns(),  # queue order within one second
                    "statements": statements,
                },
            )
            return True

    def fill(self, store: ProgressStore) -> int:
        """Queue every recorded attempt not queued before; returns how many attempts were added."""
        labels = Labels.from_library(store.library)
        added = 0
        for profile, attempt in store.all_attempts():
            if self.known(attempt["id"]):
                continue
            options = {
                node: opts for (sid, node), opts in labels.choices.items() if sid == attempt["scenario"]
            }
            title = labels.scenarios.get(attempt["scenario"], attempt.get("title", ""))
            added += self.enqueue(profile, attempt, xs.build(profile, attempt, title=title, options=options))
        return added

    def pending(self) -> list[dict[str, Any]]:
        batches = []
        for path in sorted(self.queue_dir.glob("*.json")) if self.queue_dir.is_dir() else ():
            data = read_json(path).data
            if data is not None:
                batches.append(data)
        return sorted(batches, key=lambda b: (b["created_at"], b.get("queued_ns", 0), b["attempt"]))

    def deliver(self, send: Callable[[list[dict[str, Any]]], None], wait: float = 60.0) -> Delivery:
        """Send queued batches oldest first; stop at the first failure and keep the rest for later.

        Batches queued while this runs are sent too. ``wait``: how long to wait for another delivery
        to finish (``SaveError`` after that: it is sending the same outbox)."""
        report = Delivery()
        tried: set[str] = set()
        with self._delivery_lock(wait):
            while True:
                with self._lock():
                    batch = next((b for b in self.pending() if b["attempt"] not in tried), None)
                if batch is None:
                    break
                tried.add(batch["attempt"])
                name = self._name(batch["attempt"])
                if (self.sent_dir / name).exists():  # acknowledged, then interrupted before the move
                    (self.queue_dir / name).unlink(missing_ok=True)
                    continue
                try:
                    send(batch["statements"])  # no queue lock held: the game may queue meanwhile
                except PushError as exc:
                    report.error = str(exc)
                    break
                with self._lock():
                    write_json(self.sent_dir / name, {**batch, "sent_at": iso_utc(self.now())})
                    (self.queue_dir / name).unlink(missing_ok=True)
                report.batches += 1
                report.statements += len(batch["statements"])
            report.waiting = len(list(self.queue_dir.glob("*.json"))) if self.queue_dir.is_dir() else 0
        return report
