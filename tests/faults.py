"""Real faults for the fault suites: a read-only mount, a full tmpfs, an opener that fails.

CI runs as root, where file modes stop nothing, so a fault is made the way a classroom makes it: a
bind mount remounted read-only (a read-only share), a tiny tmpfs filled to the last byte (a full
disk). Mounting needs root (CAP_SYS_ADMIN); where it is impossible the test is skipped with the
reason, never passed silently.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here ({done.stderr.strip() or 'mount failed'}); the fault needs root")


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """``folder`` (with what is in it) made read-only by a bind mount onto itself."""
    if shutil.which("mount") is None:
        pytest.skip("no mount command: a read-only folder cannot be made")
    _mount("--bind", str(folder), str(folder))
    try:
        done = subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(folder)], capture_output=True, text=True, timeout=30
        )
        if done.returncode != 0:
            pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
        with pytest.raises(OSError) as refused:  # the fault is real, even for root
            (folder / ".write-test").write_bytes(b"x")
        assert refused.value.errno == errno.EROFS
        yield folder
    finally:
        _umount(folder)


@contextlib.contextmanager
def tmpfs(folder: Path, size: str = "64k") -> Iterator[Path]:
    """A small tmpfs on ``folder`` (made empty); unmounted afterwards."""
    if shutil.which("mount") is None:
        pytest.skip("no mount command: a small disk cannot be made")
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _umount(folder)


def fill(folder: Path) -> Path:
    """Fill the file system under ``folder`` to the last byte; returns the filler file."""
    filler = folder / ".filler"
    with open(filler, "wb", buffering=0) as handle:
        for size in (65536, 4096, 1):  # big steps, then the last partial block
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    with pytest.raises(OSError) as full, open(folder / ".probe", "wb") as handle:
        handle.write(b"x" * 4096)
        handle.flush()
        os.fsync(handle.fileno())
    (folder / ".probe").unlink(missing_ok=True)
    assert full.value.errno == errno.ENOSPC
    return filler


def failing_opener(code: int):
    """An ``open`` that refuses every write with ``code`` (EACCES, ENOSPC) and reads as usual."""

    def opener(path, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            raise OSError(code, os.strerror(code), str(path))
        return open(path, mode, *args, **kwargs)

    return opener


def files_under(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: what "nothing lost" is checked against."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
