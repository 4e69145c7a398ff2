"""The store in a real training room: read-only and full folders, newer files, files in the way.

Every fault is real (a read-only mount, a full tmpfs, an opener that refuses): CI runs as root, where
file modes stop nothing. For each: a sentence naming the path and the fix, nothing lost, and nothing
written outside the saves folder.
"""

from __future__ import annotations

import errno
import json

import pytest

from game.progress.atomic import SaveError, write_bytes, write_json
from game.progress.io_messages import explain
from tests.faults import failing_opener, files_under, fill, read_only, tmpfs
from tests.progress.helpers import BEST, EXCUSE, played, record, store_at


def _class(folder):
    """alice: two attempts and a play in progress; bob: one attempt."""
    store = store_at(folder)
    for name in ("alice", "bob"):
        store.create_profile(name)
    record(store, "alice", BEST)
    record(store, "alice", EXCUSE)
    record(store, "bob", BEST)
    unfinished = played([1, 1])
    store.autosave("alice", unfinished)
    store.save_settings({"language": "ko"})
    return store


def test_a_read_only_folder_is_read_without_writing_and_refuses_saves_in_words(tmp_path):
    saves = tmp_path / "saves"
    _class(saves)
    before = files_under(saves)
    with read_only(saves):
        store = store_at(saves)
        assert store.profiles() == ["alice", "bob"]
        assert len(store.attempts("alice")) == 2
        assert store.resumable("alice") is not None
        assert store.load_settings() == {"language": "ko"}
        problem = store.write_problem()
        assert problem is not None and str(saves) in problem and "--saves" in problem
        with pytest.raises(SaveError) as refused:
            record(store, "alice", BEST)
        message = str(refused.value)
        assert "읽기 전용" in message and "EUNGDAE_SAVES" in message and "Errno" not in message
        assert files_under(saves) == before  # nothing lost, nothing added
    assert len(store_at(saves).attempts("alice")) == 2


def test_a_full_disk_keeps_the_last_save_whole_and_says_so(tmp_path):
    saves = tmp_path / "saves"
    with tmpfs(saves, size="1m"):
        store = _class(saves)
        profile = store.profile_dir("alice") / "profile.json"
        good = profile.read_bytes()
        fill(saves)
        assert "공간" in (store.write_problem() or "")
        with pytest.raises(SaveError) as full:
            record(store, "alice", BEST)
        assert "디스크가 가득" in str(full.value) and str(profile) in str(full.value)
        assert profile.read_bytes() == good
        assert not list(profile.parent.glob(".*.tmp"))  # no half-written temporary left behind
        assert len(store.attempts("alice")) == 2


@pytest.mark.parametrize("code, words", [(errno.EACCES, "읽기 전용"), (errno.ENOSPC, "가득")])
def test_a_refusing_disk_leaves_the_old_file_and_a_sentence(tmp_path, code, words):
    target = tmp_path / "report.html"
    target.write_bytes(b"the good report")
    with pytest.raises(OSError) as refused:
        write_bytes(target, b"a new report", opener=failing_opener(code))
    assert target.read_bytes() == b"the good report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    message = explain(refused.value, target)
    assert str(target) in message and words in message


def test_an_autosave_from_a_newer_game_is_set_aside_and_the_attempt_kept(tmp_path):
    store = _class(tmp_path)
    folder = store.profile_dir("alice")
    newer = {"version": 3, "kind": "autosave", "session": {"from": "the future"}}
    write_json(folder / "autosave.json", newer)
    record(store, "alice", BEST)
    assert len(store.attempts("alice")) == 3
    aside = list(folder.glob("autosave.json.newer-*"))
    assert len(aside) == 1 and json.loads(aside[0].read_text("utf-8")) == newer
    assert any("새로운 버전" in n and aside[0].name in n for n in store.notices)


def test_one_newer_profile_makes_only_that_profile_unavailable(tmp_path):
    store = _class(tmp_path)
    path = store.profile_dir("alice") / "profile.json"
    newer = {"version": 99, "kind": "profile", "name": "alice", "attempts": []}
    write_json(path, newer)
    fresh = store_at(tmp_path)
    assert fresh.profiles() == ["bob"]
    assert list(fresh.unavailable) == [path.parent.name]
    assert str(path) in fresh.unavailable[path.parent.name]
    record(fresh, "bob", BEST)
    assert len(fresh.attempts("bob")) == 2
    assert [name for name, _ in fresh.all_attempts()] == ["bob", "bob"]
    assert json.loads(path.read_text("utf-8")) == newer  # never overwritten


def test_a_file_where_a_folder_belongs_is_a_sentence(tmp_path):
    store = _class(tmp_path / "saves")
    folder = store.profile_dir("bob")
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()
    folder.write_text("not a folder", "utf-8")
    with pytest.raises(SaveError) as in_the_way:
        store.create_profile("bob")
    assert str(folder) in str(in_the_way.value) and "파일을 옮기거나" in str(in_the_way.value)
    assert store.profiles() == ["alice"]

    saves_file = tmp_path / "saves-file"
    saves_file.write_text("oops", "utf-8")
    wrong = store_at(saves_file)
    with pytest.raises(SaveError) as not_a_folder:
        wrong.create_profile("carol")
    assert "Errno" not in str(not_a_folder.value) and str(saves_file) in str(not_a_folder.value)
    assert saves_file.read_text("utf-8") == "oops"
