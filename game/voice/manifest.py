"""line id → hash of the text its audio was made from: how ``voices status`` and lint tell *stale* audio.

Content addressing alone cannot say "this line's text was edited" (an edited line simply has a new key,
which looks like any missing line); the manifest remembers what each line id said when it was built.
It is an index, not the audio: a lost or corrupt manifest only turns "stale" into "missing".
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

from game.voice.atomic import write_atomic

FILENAME = "manifest.json"


@dataclass(frozen=True)
class Entry:
    text_hash: str
    backend: str
    key: str


class Manifest:
    def __init__(self, directory: Path) -> None:
        self.path = directory / FILENAME
        self._lock = threading.Lock()
        self._pending: dict[str, Entry] = {}
        self._entries = self._read()

    def _read(self) -> dict[str, Entry]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return {k: Entry(v["text"], v["backend"], v["key"]) for k, v in raw["lines"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}

    def get(self, line_id: str) -> Entry | None:
        with self._lock:
            return self._pending.get(line_id) or self._entries.get(line_id)

    def record(self, line_id: str, entry: Entry) -> None:
        with self._lock:
            if self._entries.get(line_id) != entry:
                self._pending[line_id] = entry

    def flush(self) -> None:
        """Merge with what is on disk now (another process may have built lines) and write atomically."""
        with self._lock:
            if not self._pending:
                return
            merged = self._read()
            merged.update(self._pending)
            payload = {
                "version": 1,
                "lines": {
                    k: {"text": e.text_hash, "backend": e.backend, "key": e.key}
                    for k, e in sorted(merged.items())
                },
            }
            data = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
            write_atomic(self.path, data)
            self._entries = merged
            self._pending = {}
