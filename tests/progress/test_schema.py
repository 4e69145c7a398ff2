from game.progress.schema import problems


def test_a_current_profile_passes_and_a_damaged_one_says_where():
    good = {"version": 2, "kind": "profile", "name": "김하늘", "created_at": None, "attempts": []}
    assert problems("profile", good) == []
    bad = {**good, "attempts": [{"id": "a", "scenario": "s", "mode": "drill", "result": {}}]}
    found = problems("profile", bad)
    assert any(p.startswith("attempts/0/mode:") for p in found)
    assert any("started_at" in p for p in found)


def test_settings_need_their_wrapper():
    assert problems("settings", {"version": 2, "kind": "settings", "settings": {}}) == []
    assert problems("settings", {"version": 2, "volume": 1})
