from __future__ import annotations

import json

import pytest

from game.progress.atomic import SaveError, write_json
from game.progress.migrate import NewerSaveError, migrate
from game.progress.schema import CURRENT_VERSION, problems
from tests.progress.helpers import BEST, LATE, record, store_at

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
