"""The CLI in a real training room: every fault injected for real, every answer a sentence and an exit code.

Reproductions 1-3 and 6-9 of issue 15, run through ``eungdae`` itself: a read-only class folder (a bind
mount remounted read-only), a full disk (a filled tmpfs), saves from a newer game, two windows creating
one profile, and files where folders belong. Each asserts the exit status, the words (the path and the
fix, never ``[Errno …]``), that nothing was lost, and that nothing was written outside the folders given.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

from game.cli import main
from game.cli.play import EXIT_NOT_SAVED, _use_profile
from game.progress.atomic import write_json
from tests.faults import files_under, fill, read_only, tmpfs
from tests.progress.helpers import BEST, EXCUSE, played, record, store_at

ROOT = Path(__file__).resolve().parents[2]
PLAY = ["play", "phone-late-delivery", "--autoplay", "1,1,1,1,1", "--size", "640x360"]


def _class(folder: Path):
    """alice: two attempts and a play in progress; bob: one attempt (the issue's folder S)."""
    store = store_at(folder)
    for name in ("alice", "bob"):
        store.create_profile(name)
    record(store, "alice", BEST)
    record(store, "alice", EXCUSE)
    record(store, "bob", BEST)
    store.autosave("alice", played([1, 1]))
    return store


def _attempts(folder: Path, name: str) -> int:
    return len(store_at(folder).attempts(name))


def test_1_read_only_saves_play_goes_on_and_reports_read(tmp_path, capsys, monkeypatch):
    saves = tmp_path / "saves"
    _class(saves)
    before = files_under(saves)
    out = tmp_path / "out"
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    for folder in (home, cwd):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(cwd)
    with read_only(saves):
        assert main([*PLAY, "--profile", "alice", "--saves", str(saves)]) == EXIT_NOT_SAVED
        captured = capsys.readouterr()
        assert "phone-late-delivery: " in captured.out and "/ 100 합격" in captured.out  # it went on
        assert "결과를 저장하지 못했습니다" in captured.err and str(saves) in captured.err
        assert "--saves DIR" in captured.err and "Errno" not in captured.err
        report = out / "r.json"
        assert main(["report", "--all", "--format", "json", "-o", str(report), "--saves", str(saves)]) == 0
        assert json.loads(report.read_text("utf-8"))["summary"]["attempts"] == 3
        assert files_under(saves) == before
    assert files_under(home) == {} and files_under(cwd) == {}  # nothing written outside the folders given


def test_2_a_newer_autosave_is_set_aside_and_the_play_recorded(tmp_path, capsys):
    saves = tmp_path / "saves"
    store = _class(saves)
    autosave = store.profile_dir("alice") / "autosave.json"
    newer = json.loads(autosave.read_text("utf-8")) | {"version": 3}
    write_json(autosave, newer)
    assert main([*PLAY, "--profile", "alice", "--saves", str(saves)]) == 0
    assert _attempts(saves, "alice") == 3
    aside = list(autosave.parent.glob("autosave.json.newer-*"))
    assert len(aside) == 1 and json.loads(aside[0].read_text("utf-8")) == newer
    assert aside[0].name in capsys.readouterr().err


def test_3_a_newer_profile_locks_out_only_its_owner(tmp_path, capsys):
    saves = tmp_path / "saves"
    store = _class(saves)
    profile = store.profile_dir("alice") / "profile.json"
    write_json(profile, json.loads(profile.read_text("utf-8")) | {"version": 99})
    assert main([*PLAY, "--profile", "bob", "--saves", str(saves)]) == 0
    assert _attempts(saves, "bob") == 2
    capsys.readouterr()
    report = tmp_path / "r.csv"
    assert main(["report", "--all", "--format", "csv", "-o", str(report), "--saves", str(saves)]) == 0
    out = capsys.readouterr().out
    assert "2 attempts, 1 trainees" in out
    assert f"skipped profile folder {profile.parent.name}" in out and "업데이트" in out
    report = tmp_path / "r.json"
    assert main(["report", "--all", "--format", "json", "-o", str(report), "--saves", str(saves)]) == 0
    skipped = json.loads(report.read_text("utf-8"))["skipped_profiles"]
    assert [s["folder"] for s in skipped] == [profile.parent.name] and "업데이트" in skipped[0]["reason"]
    assert main([*PLAY, "--profile", "alice", "--saves", str(saves)]) == 1
    err = capsys.readouterr().err
    assert str(profile) in err and "업데이트" in err


def test_6_headless_play_on_a_full_disk_says_so_and_exits_3(tmp_path, capsys):
    saves = tmp_path / "saves"
    with tmpfs(saves, size="1m"):
        _class(saves)
        before = files_under(saves)
        fill(saves)
        assert main([*PLAY, "--profile", "alice", "--saves", str(saves)]) == EXIT_NOT_SAVED
        captured = capsys.readouterr()
        assert "/ 100 합격" in captured.out
        assert "결과를 저장하지 못했습니다" in captured.err and "디스크가 가득" in captured.err
        # the new play replaced the old resume point (as it always does); the record is untouched
        after = files_under(saves)
        profile_files = [name for name in before if "profile.json" in name]
        assert profile_files and all(after[name] == before[name] for name in profile_files)
        assert _attempts(saves, "alice") == 2


def test_7_two_windows_creating_one_new_profile_both_play_into_it(tmp_path):
    """Both windows see no 'fresh' and both create it: the loser must use the winner's profile."""
    saves = tmp_path / "saves"
    both_looked = threading.Barrier(2)
    errors: list[BaseException] = []

    class Racing:
        """The real store, with both windows checking the list before either creates."""

        def __init__(self):
            self.store = store_at(saves)
            self.first = True

        def profiles(self):
            names = self.store.profiles()
            if self.first:
                self.first = False
                both_looked.wait(10)
            return names

        def create_profile(self, name):
            self.store.create_profile(name)

    def window():
        try:
            _use_profile(Racing(), "fresh")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=window) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert store_at(saves).profiles() == ["fresh"]


def test_7_two_real_processes_both_record(tmp_path):
    saves = tmp_path / "saves"
    command = [sys.executable, "-m", "game", *PLAY, "--profile", "fresh", "--saves", str(saves)]
    env = {
        "PYTHONPATH": str(ROOT),
        "PATH": "/usr/bin:/bin",
        "SDL_VIDEODRIVER": "dummy",
        "HOME": str(tmp_path),
    }
    procs = [
        subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert _attempts(saves, "fresh") == 2


def test_8_a_failed_report_write_keeps_the_previous_report(tmp_path, capsys):
    saves = tmp_path / "saves"
    _class(saves)
    disk = tmp_path / "disk"
    with tmpfs(disk, size="256k"):
        report = disk / "report.html"
        args = ["report", "--all", "--format", "html", "-o", str(report), "--saves", str(saves)]
        assert main(args) == 0
        good = report.read_bytes()
        fill(disk)
        record(store_at(saves), "bob", BEST)  # a new attempt, so the next report differs
        capsys.readouterr()
        assert main(args) == 1
        err = capsys.readouterr().err
        assert str(report) in err and "이전 파일은 그대로" in err and "디스크가 가득" in err
        assert report.read_bytes() == good
        assert sorted(p.name for p in disk.iterdir()) == [".filler", "report.html"]


def test_8_graphs_and_coverage_go_through_the_atomic_writer(tmp_path, capsys):
    disk = tmp_path / "disk"
    scenario = next((ROOT / "scenarios" / "phone").glob("late-delivery*.yaml"), None) or next(
        (ROOT / "scenarios").rglob("*late-delivery*.yaml")
    )
    with tmpfs(disk, size="64k"):
        graph = disk / "graph.svg"
        graph.write_text("<svg>the good one</svg>", "utf-8")
        fill(disk)
        assert main(["graph", str(scenario), "-o", str(graph)]) == 1
        assert "디스크가 가득" in capsys.readouterr().err
        assert graph.read_text("utf-8") == "<svg>the good one</svg>"


def test_9_files_where_folders_belong_are_sentences(tmp_path, capsys):
    saves_file = tmp_path / "saves.txt"
    saves_file.write_text("not a folder", "utf-8")
    assert main([*PLAY, "--profile", "alice", "--saves", str(saves_file)]) == 1
    err = capsys.readouterr().err
    assert str(saves_file) in err and "Errno" not in err and "옮기거나" in err
    report = str(tmp_path / "r.json")
    assert main(["report", "--all", "--format", "json", "-o", report, "--saves", str(saves_file)]) == 1
    err = capsys.readouterr().err
    assert str(saves_file) in err and "--saves DIR" in err and "Errno" not in err

    saves = tmp_path / "saves"
    store = _class(saves)
    folder = store.profile_dir("bob")
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()
    folder.write_text("a file in the way", "utf-8")
    assert main([*PLAY, "--profile", "bob", "--saves", str(saves)]) == 1
    err = capsys.readouterr().err
    assert str(folder) in err and "Errno" not in err and "옮기거나" in err
    assert folder.read_text("utf-8") == "a file in the way"
    assert main(["report", "--all", "--format", "json", "-o", report, "--saves", str(saves)]) == 0
