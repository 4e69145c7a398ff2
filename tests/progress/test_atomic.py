from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from game.progress.atomic import FileLock, SaveError, backup_path, read_json, write_json

ROOT = Path(__file__).resolve().parents[2]


def test_a_write_keeps_the_previous_good_copy(tmp_path):
    path = tmp_path / "profile.json"
    write_json(path, {"n": 1})
    write_json(path, {"n": 2})
    assert json.loads(path.read_text("utf-8")) == {"n": 2}
    assert json.loads(backup_path(path).read_text("utf-8")) == {"n": 1}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_corrupt_file_is_moved_aside_and_the_last_good_copy_loaded(tmp_path):
    path = tmp_path / "profile.json"
    write_json(path, {"n": 1})
    write_json(path, {"n": 2})
    path.write_bytes(b'{"n": 3, "trunc')  # a torn write by some other tool, or a disk error
    outcome = read_json(path)
    assert outcome.data == {"n": 1}
    assert outcome.recovered
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == b'{"n": 3, "trunc'
    assert any(aside[0].name in notice for notice in outcome.notices)


def test_a_file_refused_by_the_shape_check_counts_as_corrupt(tmp_path):
    path = tmp_path / "settings.json"
    write_json(path, {"version": 2})
    write_json(path, {"version": 2, "x": 1})
    path.write_text('["not", "an", "object"]', encoding="utf-8")
    assert read_json(path).data == {"version": 2}
    path.write_text('{"version": "two"}', encoding="utf-8")
    write_json(path, {"version": 2, "y": 1})
    assert read_json(path, check=lambda d: isinstance(d.get("version"), int)).data == {"version": 2, "y": 1}


def test_corrupt_with_no_good_copy_gives_nothing_and_says_so(tmp_path):
    path = tmp_path / "profile.json"
    path.write_bytes(b"\xff\xfe garbage")
    outcome = read_json(path)
    assert outcome.data is None
    assert len(outcome.notices) == 2
    assert not path.exists()  # moved aside, not deleted


def test_a_missing_file_with_a_backup_comes_back(tmp_path):
    path = tmp_path / "p.json"
    write_json(path, {"n": 1})
    write_json(path, {"n": 2})
    path.unlink()
    assert read_json(path).data == {"n": 1}
    assert read_json(tmp_path / "never.json").data is None


def test_a_write_that_cannot_happen_is_a_save_error_with_a_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SaveError, match="저장하지 못했습니다"):
        write_json(blocker / "sub" / "p.json", {"n": 1})


def test_the_lock_excludes_a_second_holder_until_released(tmp_path):
    lock_path = tmp_path / ".lock"
    order: list[str] = []
    with FileLock(lock_path):
        with pytest.raises(SaveError, match="다른 창"), FileLock(lock_path, timeout=0.05):
            pass

        def other() -> None:
            with FileLock(lock_path):
                order.append("other")

        thread = threading.Thread(target=other)
        thread.start()
        time.sleep(0.1)
        order.append("first")
    thread.join(5)
    assert order == ["first", "other"]


def _completed(lines: bytes) -> list[int]:
    return [int(x) for x in lines.split()]


def test_sigkill_at_random_moments_never_leaves_an_unreadable_or_stale_save(tmp_path):
    """50 writer processes killed mid-loop: the save is always whole and at least the last completed write."""
    path = tmp_path / "profile.json"
    rng = random.Random(20250303)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    last_completed = 0
    for round_ in range(50):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.progress.writer", str(path)],
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
        )
        assert proc.stdout is not None
        # wait until the writer is in its loop (first completed write), then kill at a random moment
        ready, _, _ = select.select([proc.stdout], [], [], 20)
        assert ready, "writer did not start"
        first = proc.stdout.readline()
        time.sleep(rng.uniform(0, 0.03))
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        reported = _completed(first + proc.stdout.read())
        proc.stdout.close()
        assert reported == list(range(last_completed + 1, last_completed + 1 + len(reported))), round_
        last_completed = reported[-1]
        outcome = read_json(path)
        assert outcome.data is not None and not outcome.recovered, round_
        saved = outcome.data["counter"]
        assert outcome.data["check"] == saved * 7
        # the write in flight may have landed before its report; never an older one
        assert last_completed <= saved <= last_completed + 1, (round_, saved, last_completed)
        last_completed = saved
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def test_temporary_files_of_a_killed_writer_are_cleared_by_the_next_write(tmp_path):
    path = tmp_path / "p.json"
    (tmp_path / ".p.json.999.1.tmp").write_bytes(b'{"half')
    write_json(path, {"n": 1})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json"]
