"""A real LRS for the tests: Ralph (from PyPI) started on loopback with its file-system backend.

Start-up is bounded (the port must answer within ``START_TIMEOUT``) and the server's process group is
ended when the test is done.

Ralph 5.1's file-system LRS writes every POST with the data backend's default operation, ``create``,
which refuses to touch a file that exists: the first POST works, every later one answers 500
("Statements bulk indexation failed"). ``ralph runserver`` cannot change that, so the server is run
as ``ralph runserver`` does it (uvicorn on ``ralph.api:app``, configured by environment) with that
backend switched to ``append``; request handling, validation and the duplicate-id checks are Ralph's own.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from game.progress.xapi.push import Lrs

START_TIMEOUT = 60.0
USER, PASSWORD = "trainer", "s3cret-pass"
_SERVE = """
import sys
import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""
SKIP_REASON = "Ralph LRS is not installed (pip install 'ralph-malph[cli,lrs]' requests, or the dev extra)"


def available() -> bool:
    return shutil.which("ralph") is not None and importlib.util.find_spec("ralph") is not None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, deadline: float) -> bool:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
        time.sleep(0.2)
    return False


@contextlib.contextmanager
def running_lrs(folder: Path, port: int | None = None) -> Iterator[Lrs]:
    """Ralph on loopback, storing under ``folder``; the same ``folder`` and ``port`` again is the same LRS
    back after an outage."""
    folder.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(folder / "app"),
        "RALPH_RUNSERVER_BACKEND": "fs",
    }
    ralph = shutil.which("ralph")
    assert ralph is not None
    if not (folder / "app" / "auth.json").exists():  # the same LRS started again keeps its users
        subprocess.run(
            [
                ralph,
                "auth",
                "-u",
                USER,
                "-p",
                PASSWORD,
                "-s",
                "all",
                "-M",
                f"mailto:{USER}@example.com",
                "-w",
            ],
            env=env,
            cwd=folder,
            check=True,
            capture_output=True,
            timeout=120,
        )
    port = port or free_port()
    env["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = str(folder / "data")
    (folder / "data").mkdir(exist_ok=True)
    log = open(folder / "ralph.log", "wb")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(
        [sys.executable, "-c", _SERVE, str(port)],
        env=env,
        cwd=folder,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        if not _wait_for_port(port, proc, time.monotonic() + START_TIMEOUT):
            raise RuntimeError(
                "Ralph did not start:\n" + (folder / "ralph.log").read_text("utf-8", "replace")[-2000:]
            )
        yield Lrs(f"http://127.0.0.1:{port}/xAPI/", USER, PASSWORD, timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
        log.close()
