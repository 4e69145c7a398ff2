"""Save files that survive a killed process, a full disk, a bad edit and a second game window.

A write goes to a temporary file in the same folder, is flushed and fsynced, and is renamed over the
target; the folder is fsynced so the rename itself is durable. Before that, the current file (if it
still parses) is copied the same way to ``<name>.bak``: the target always exists and is always whole,
and the copy before it is kept for when the target is later damaged by something we do not control
(a disk error, a hand edit, a sync tool). A reader that finds the target unreadable moves it aside as
``<name>.corrupt-<UTC timestamp>`` (never deleted: a trainer may want it) and loads the ``.bak``.

Every read-modify-write of a profile runs under ``FileLock``, an OS lock on a separate lock file
(``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows), so two game windows on one profile take
turns instead of overwriting each other's attempts. The OS releases it when a process dies, so a
crash never leaves a profile locked. Reading never needs write access: a lock taken only to read
(``FileLock(..., reading=True)``) goes on without the lock when the folder is read-only (a shared
class folder mounted read-only); no writer can change it from here, and atomic renames keep what
other machines write whole.

``write_bytes`` is the one way anything is written — saves, the voice cache, and every file the CLI
produces (reports, graphs, exports, coverage tables) — so a full disk or a killed process never
leaves a half file in place of a good one.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from game.progress.io_messages import explain, is_read_only

Check = Callable[[dict[str, Any]], bool]

LOCK_TIMEOUT_SECONDS = 10.0


class SaveError(Exception):
    """A save that cannot be read or written; the message says what to do (Korean, for the trainee)."""


@dataclass
class ReadOutcome:
    """What a read found: the data (``None`` when there is nothing usable) and what to tell the user."""

    data: dict[str, Any] | None
    notices: list[str] = field(default_factory=list)
    recovered: bool = False  # the data came from the .bak copy


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def encode(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _parse(raw: bytes, check: Check | None = None) -> dict[str, Any] | None:
    """The JSON object in ``raw``, or ``None`` if it is damaged (or fails ``check``)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    if not isinstance(data, dict) or (check is not None and not check(data)):
        return None
    return data


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable; Windows has no directory handles and makes renames durable itself."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


Opener = Callable[[Path, str], IO[bytes]]


def _replace_with(path: Path, raw: bytes, opener: Opener = open) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.{time.monotonic_ns()}.tmp")
    try:
        with opener(tmp, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, raw: bytes, opener: Opener = open) -> None:
    """Replace ``path`` with ``raw`` atomically: the old file stays whole if anything fails.

    Raises ``OSError`` (``io_messages.explain`` words it); ``opener`` lets tests inject a failing disk.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    _replace_with(path, raw, opener)
    _fsync_dir(path.parent)


def write_json(path: Path, data: dict[str, Any], check: Check | None = None) -> None:
    """Replace ``path`` with ``data`` so that a reader sees the old content or the new, never a mix.

    Call it holding the file's ``FileLock`` when other processes may write the same file. ``check``
    decides whether the current content is good enough to become the ``.bak`` copy.
    """
    raw = encode(data)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            current = None
        for stale in path.parent.glob(f".{path.name}.*.tmp"):  # left by a writer killed mid-write
            stale.unlink(missing_ok=True)
        if current is not None and _parse(current, check) is not None:
            _replace_with(backup_path(path), current)
        write_bytes(path, raw)
    except OSError as exc:
        raise SaveError(f"저장하지 못했습니다. {explain(exc, path)}") from exc


def _aside(path: Path) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, target)
    return target


def read_json(path: Path, check: Check | None = None) -> ReadOutcome:
    """Read ``path``; if it is damaged, move it aside and fall back to the last good copy.

    Damaged means: not UTF-8 JSON, not an object, or refused by ``check`` (the caller's shape test).
    Call it holding the file's lock when the caller will write back what it read.
    """
    notices: list[str] = []
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raw = None
    except OSError as exc:
        raise SaveError(f"저장 파일을 읽을 수 없습니다. {explain(exc, path)}") from exc
    if raw is not None:
        data = _parse(raw, check)
        if data is not None:
            return ReadOutcome(data)
        try:
            moved = _aside(path)
        except OSError:  # a read-only folder: leave it, and say so
            notices.append(f"저장 파일이 손상되었지만 폴더에 쓸 수 없어 그대로 두었습니다: {path}")
        else:
            notices.append(f"저장 파일이 손상되어 {moved.name}(으)로 옮겨 두었습니다.")
    backup = backup_path(path)
    try:
        data = _parse(backup.read_bytes(), check)
    except OSError:
        data = None
    if data is None:
        if notices:
            notices.append("복구할 이전 사본이 없어 빈 상태로 시작합니다. 옮겨 둔 파일은 지우지 않았습니다.")
        return ReadOutcome(None, notices)
    if raw is None:
        notices.append(f"{path.name} 파일이 없어 마지막 정상 사본({backup.name})을 불러왔습니다.")
    else:
        notices.append(f"마지막 정상 사본({backup.name})을 불러왔습니다.")
    return ReadOutcome(data, notices, recovered=True)


class FileLock:
    """An exclusive, cross-process lock held while a save is read, changed and written back.

    ``reading``: the holder only reads. Then a folder that cannot be written (or does not exist) is
    no reason to fail: the lock file is opened read-only if it is there, else the read goes on
    unlocked.
    """

    def __init__(self, path: Path, timeout: float = LOCK_TIMEOUT_SECONDS, *, reading: bool = False):
        self.path = path
        self.timeout = timeout
        self.reading = reading
        self._handle: Any = None

    def _open(self) -> Any:
        try:
            if not self.reading:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            return open(self.path, "a+b")
        except OSError as exc:
            if not self.reading:
                raise SaveError(f"저장 폴더를 열 수 없습니다. {explain(exc, self.path.parent)}") from exc
            if not (is_read_only(exc) or isinstance(exc, FileNotFoundError)):
                raise SaveError(f"저장 폴더를 읽을 수 없습니다. {explain(exc, self.path.parent)}") from exc
        try:
            return open(self.path, "rb")
        except OSError:
            return None

    def __enter__(self) -> FileLock:
        handle = self._open()
        if handle is None:
            return self
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                _lock(handle)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    handle.close()
                    raise SaveError(
                        f"다른 창이 저장 파일을 쓰고 있습니다({self.path.parent.name}). 잠시 후 다시 시도하세요."
                    ) from None
                time.sleep(0.01)
        self._handle = handle
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            _unlock(handle)
        finally:
            handle.close()


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: Any) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: Any) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: Any) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: Any) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
