from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine.session import Session
from game.progress.atomic import write_json
from game.progress.migrate import NewerSaveError
from game.progress.store import ProgressStore, profile_slug
from tests.progress.helpers import ARGUE, BEST, EXCUSE, LATE, LIBRARY, Clock, late, played, record, store_at

ROOT = Path(__file__).resolve().parents[2]


def test_profiles_are_created_once_with_korean_messages_for_bad_names(tmp_path):
    store = store_at(tmp_path)
    store.create_profile("김하늘")
    store.create_profile(" 이도윤 ")
    assert store.profiles() == ["김하늘", "이도윤"]
    with pytest.raises(ValueError, match="이미 있습니다"):
        store.create_profile("김하늘")
    with pytest.raises(ValueError, match="이름을 입력"):
        store.create_profile("   ")
    with pytest.raises(ValueError, match="30자"):
        store.create_profile("가" * 31)


def test_folder_names_are_safe_and_distinct_for_any_name():
    assert profile_slug("김 하늘") != profile_slug("김_하늘")
    assert "/" not in profile_slug("../../etc") and ".." not in profile_slug("../../etc")
    assert profile_slug("김하늘").startswith("김하늘-")


def test_attempts_are_recorded_with_best_and_first_scores(tmp_path):
    clock = Clock()
    store = store_at(tmp_path, clock)
    store.create_profile("김하늘")
    excuse = record(store, "김하늘", EXCUSE, [2, 3, 3, 4, 5, 6])
    clock.advance(days=1)
    record(store, "김하늘", BEST)
    clock.advance(days=1)
    record(store, "김하늘", ARGUE)
    stats = store.stats("김하늘", LATE)
    first = round(excuse.result().overall, 1)
    assert (stats.attempts, stats.first, stats.best, stats.passed) == (3, first, 100.0, True)
    assert stats.last_played == "2025-03-05T01:00:00Z"
    assert store.stats("김하늘", "phone-answering-call").attempts == 0
    attempt = store.attempts("김하늘")[0]
    assert attempt["result"]["choices"] == EXCUSE
    assert attempt["result"]["seconds"] == [2, 3, 3, 4, 5, 6]
    assert attempt["mode"] == "practice" and attempt["finished_at"] == "2025-03-03T01:00:00Z"
    assert attempt["started_at"] == "2025-03-03T00:59:37Z"  # 23 s of answering before the end


def test_a_resumed_session_equals_the_interrupted_one(tmp_path):
    """Autosave after each decision, 'crash', a new store (a new game) resumes: same node, same result."""
    scenario, rubric = late()
    store = store_at(tmp_path)
    store.create_profile("김하늘")
    session = Session(scenario, rubric, clock=lambda: 0.0, history=store.history("김하늘"))
    for number, seconds in ((1, 2.5), (2, 7.0), (1, 4.0)):
        session.choose(number, seconds)
        store.autosave("김하늘", session)
    del store  # the game closes without finishing
    again = store_at(tmp_path)
    resumed = again.resume("김하늘", clock=lambda: 0.0)
    assert resumed is not None
    assert resumed.node.id == session.node.id
    assert resumed.to_json() == session.to_json()
    assert resumed.result().to_json(rubric) == session.result().to_json(rubric)
    for s in (session, resumed):
        while not s.finished:
            s.choose(1, 3.0) if s.node.typed is None else s.answer(s.node.typed.examples[0], 3.0)
    assert resumed.finished and resumed.result().to_json(rubric) == session.result().to_json(rubric)


def test_recording_clears_the_autosave_and_a_late_autosave_is_ignored(tmp_path):
    store = store_at(tmp_path)
    store.create_profile("김하늘")
    session = played(BEST)
    store.autosave("김하늘", session)
    save_id = json.loads((store.profile_dir("김하늘") / "autosave.json").read_text("utf-8"))["play_id"]
    store.record_attempt("김하늘", session, session.result())
    assert store.resumable("김하늘") is None
    assert store.attempts("김하늘")[0]["id"] == save_id  # the play keeps one id from autosave to record
    store.autosave("김하늘", session)  # a UI that autosaves after the end must not offer it again
    assert store.resumable("김하늘") is None
    store.discard_autosave("김하늘")
    assert len(store.attempts("김하늘")) == 1


def test_a_corrupt_profile_brings_back_the_last_good_copy(tmp_path):
    store = store_at(tmp_path)
    store.create_profile("김하늘")
    record(store, "김하늘", BEST)
    record(store, "김하늘", ARGUE)
    path = store.profile_dir("김하늘") / "profile.json"
    path.write_text(
        '{"version": 2, "kind": "profile", "name": "김하늘", "attempts": [{"id": ', encoding="utf-8"
    )
    assert len(store.attempts("김하늘")) == 1  # the copy before the last write
    assert any("손상" in n for n in store.notices)
    assert json.loads(path.read_text("utf-8"))["attempts"][0]["result"]["choices"] == BEST  # repaired on disk
    assert len(list(path.parent.glob("profile.json.corrupt-*"))) == 1


def test_a_newer_save_is_never_overwritten(tmp_path):
    store = store_at(tmp_path)
    store.create_profile("김하늘")
    path = store.profile_dir("김하늘") / "profile.json"
    newer = {"version": 99, "kind": "profile", "name": "김하늘", "attempts": [], "future": True}
    write_json(path, newer)
    with pytest.raises(NewerSaveError, match="업데이트"):
        record(store, "김하늘", BEST)
    assert json.loads(path.read_text("utf-8")) == newer


def test_settings_round_trip(tmp_path):
    store = store_at(tmp_path)
    assert store.load_settings() == {}
    store.save_settings({"volume": 0.5, "lang": "ko"})
    assert store_at(tmp_path).load_settings() == {"volume": 0.5, "lang": "ko"}


def test_history_feeds_the_habit_score(tmp_path):
    scenario, rubric = late()
    store = store_at(tmp_path)
    store.create_profile("김하늘")
    first = record(store, "김하늘", EXCUSE)
    second = Session(scenario, rubric, clock=lambda: 0.0, history=store.history("김하늘"))
    for number in BEST:
        second.choose(number, 0) if second.node.typed is None else second.answer(
            second.node.typed.examples[0], 0
        )
    # habit = 100 × (0.5 × this attempt's consistency + 0.5 × the earlier one's)
    expected = 100 * (0.5 * 1.0 + 0.5 * first.result().consistency)
    assert second.result().dimensions["habit"] == pytest.approx(expected)


_RECORDER = """
import sys
from pathlib import Path
from tests.progress.helpers import BEST, LIBRARY, played
from game.progress.store import ProgressStore
store = ProgressStore(Path(sys.argv[1]), LIBRARY)
for _ in range(int(sys.argv[2])):
    session = played(BEST)
    store.record_attempt("김하늘", session, session.result())
"""


def test_two_game_windows_on_one_profile_lose_no_attempt(tmp_path):
    ProgressStore(tmp_path, LIBRARY).create_profile("김하늘")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    windows = [
        subprocess.Popen([sys.executable, "-c", _RECORDER, str(tmp_path), "15"], cwd=ROOT, env=env)
        for _ in range(2)
    ]
    assert [w.wait(120) for w in windows] == [0, 0]
    attempts = ProgressStore(tmp_path, LIBRARY).attempts("김하늘")
    assert len(attempts) == 30
    assert len({a["id"] for a in attempts}) == 30


def test_a_shuffled_attempt_keeps_its_order_through_autosave_and_is_recorded_by_id(tmp_path):
    scenario, rubric = late()
    store = store_at(tmp_path)
    store.create_profile("김하늘")
    session = Session(scenario, rubric, clock=lambda: 0.0, seed=20250303)
    shown = [c.id for c in session.available()]
    session.choose(session.number_of("full-greeting"), 1.0)
    store.autosave("김하늘", session)
    resumed = store_at(tmp_path).resume("김하늘", clock=lambda: 0.0)
    assert resumed is not None and resumed.seed == 20250303
    assert [c.id for c in resumed.available()] == [c.id for c in session.available()]
    assert list(resumed.decisions[0].shown) == shown
    for step in ("apologise-ask", "confirm-cause", "express"):
        resumed.choose(resumed.number_of(step), 1.0)
    resumed.answer(resumed.node.typed.examples[0], 1.0)
    store.record_attempt("김하늘", resumed, resumed.result())
    attempt = store.attempts("김하늘")[0]
    assert attempt["seed"] == 20250303
    assert attempt["result"]["path"] == [
        "full-greeting",
        "apologise-ask",
        "confirm-cause",
        "express",
        "typed",
    ]
    assert attempt["result"]["overall"] == 100.0
