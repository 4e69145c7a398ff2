from __future__ import annotations

import json

import pytest

from game.progress.atomic import SaveError, write_json
from game.progress.migrate import NewerSaveError, migrate
from game.progress.schema import CURRENT_VERSION, problems
from tests.progress.helpers import BEST, EXCUSE, LATE, LIBRARY, record, store_at

# The first save format: a flat score per attempt, epoch times (2025-03-03 10:00:00 KST = 01:00:00 UTC).
V1_PROFILE = {
    "version": 1,
    "name": "김하늘",
    "attempts": [
        {
            "scenario": LATE,
            "mode": "practice",
            "choices": [1, 2, 1],
            "seconds": [2.0, 3.5, 4.5],
            "score": 72.5,
            "passed": False,
            "time": 1740963600,
        },
        {
            "scenario": LATE,
            "mode": "exam",
            "choices": [1, 1, 1, 1, 1],
            "seconds": [1, 1, 1, 1, 1],
            "score": 100,
            "passed": True,
            "time": 1741050000,
        },
    ],
}


def test_a_v1_profile_becomes_v2_with_times_ids_and_scores_kept():
    data = migrate("profile", V1_PROFILE)
    assert data["version"] == CURRENT_VERSION == 2
    assert problems("profile", data) == []
    first, second = data["attempts"]
    assert first["finished_at"] == "2025-03-03T01:00:00Z"
    assert first["started_at"] == "2025-03-03T00:59:50Z"  # 2 + 3.5 + 4.5 s before
    assert first["result"]["overall"] == 72.5 and first["result"]["passed"] is False
    assert first["result"]["choices"] == [1, 2, 1] and first["migrated_from"] == 1
    assert second["mode"] == "exam" and second["result"]["overall"] == 100.0
    assert data["created_at"] == "2025-03-03T00:59:50Z"
    assert migrate("profile", V1_PROFILE)["attempts"][0]["id"] == first["id"]  # deterministic
    assert first["id"] != second["id"]
    assert V1_PROFILE["version"] == 1  # the input is not changed


def test_v1_autosave_and_settings_migrate():
    session = {"format": "eungdae-session", "version": 1, "scenario": LATE, "actions": [], "node": "ring"}
    assert migrate("autosave", {"version": 1, "session": session})["session"] == session
    assert migrate("settings", {"version": 1, "volume": 0.3}) == {
        "version": 2,
        "kind": "settings",
        "settings": {"volume": 0.3},
    }


def test_unreadable_versions_are_errors_with_messages():
    with pytest.raises(NewerSaveError, match="더 새로운 버전"):
        migrate("profile", {"version": 3, "name": "x"})
    with pytest.raises(SaveError, match="version"):
        migrate("profile", {"name": "x"})
    with pytest.raises(SaveError, match="변환하지 못했습니다"):
        migrate("profile", {"version": 1, "name": "x", "attempts": [{"scenario": LATE}]})


def test_the_store_migrates_a_v1_file_on_first_use_and_keeps_the_original(tmp_path):
    store = store_at(tmp_path)
    folder = store.profile_dir("김하늘")
    write_json(folder / "profile.json", V1_PROFILE)
    assert store.profiles() == ["김하늘"]
    assert store.stats("김하늘", LATE).first == 72.5
    record(store, "김하늘", BEST)
    on_disk = json.loads((folder / "profile.json").read_text("utf-8"))
    assert on_disk["version"] == 2 and len(on_disk["attempts"]) == 3
    assert json.loads((folder / "profile.json.v1").read_text("utf-8")) == V1_PROFILE
    assert any("1 → 2" in n for n in store.notices)
    # migrated attempts carry no consistency: Habit history skips them rather than guessing
    assert store.history("김하늘").recent_consistency(LATE, 5) == [1.0]


def _before_shuffling(folder):
    """A profile and an autosave as the game wrote them before options were shuffled (save format 2,
    session format 1): the attempt has no seed and no path, the autosave's actions are authored numbers."""
    store = store_at(folder)
    store.create_profile("김하늘")
    record(store, "김하늘", EXCUSE)
    profile_path = store.profile_dir("김하늘") / "profile.json"
    profile = json.loads(profile_path.read_text("utf-8"))
    attempt = profile["attempts"][0]
    del attempt["seed"], attempt["result"]["path"]
    for decision in attempt["result"]["decisions"]:
        del decision["shown"]
    attempt["actions"] = [{"choose": 1, "seconds": 0.0}, {"choose": 2, "seconds": 0.0}]
    write_json(profile_path, profile)
    autosave = {
        "version": 2,
        "kind": "autosave",
        "saved_at": "2025-03-03T01:00:00Z",
        "play_id": "0b7c6f1e-3d0c-4c38-9a4e-0b1a2c3d4e5f",
        "session": {
            "format": "eungdae-session",
            "version": 1,
            "scenario": LATE,
            "rubric": "default",
            "mode": "practice",
            "pass_mark": None,
            "actions": [{"choose": 1, "seconds": 2.0}, {"choose": 1, "seconds": 3.0}],
            "node": "listen",
        },
    }
    write_json(store.profile_dir("김하늘") / "autosave.json", autosave)
    return attempt


def test_saves_from_before_shuffling_keep_their_results_and_read_as_authored_order(tmp_path):
    old = _before_shuffling(tmp_path)
    store = store_at(tmp_path)  # a new game reads the old files
    attempt = store.attempts("김하늘")[0]
    assert attempt["result"]["overall"] == old["result"]["overall"]  # 86.4: kept, not re-scored
    assert store.stats("김하늘", LATE).first == round(old["result"]["overall"], 1)
    resumed = store.resume("김하늘", clock=lambda: 0.0)
    assert resumed is not None and resumed.seed is None and resumed.node.id == "listen"
    assert [d.choice_id for d in resumed.decisions] == ["full-greeting", "apologise-ask"]
    scenario = LIBRARY.get(LATE)
    assert [c.id for c in resumed.available()] == [c.id for c in scenario.nodes["listen"].choices]
    # finishing it records an attempt that names its options by id
    while not resumed.finished:
        if resumed.node.typed is not None:
            resumed.answer(resumed.node.typed.examples[0], 1.0)
        else:
            resumed.choose(1, 1.0)
    store.record_attempt("김하늘", resumed, resumed.result())
    new = store.attempts("김하늘")[-1]
    assert new["seed"] is None and new["result"]["path"][:2] == ["full-greeting", "apologise-ask"]
    # the resumed numbers were read in authored order and are recorded from then on by id
    assert not any("choose" in a for a in new["actions"])
    assert [a["option"] for a in new["actions"] if "option" in a] == new["result"]["path"][:4]
