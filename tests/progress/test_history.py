from game.progress.history import AttemptHistory


def test_recent_consistency_is_newest_first_per_scenario_and_skips_unknowns():
    attempts = [
        {"scenario": "a", "consistency": 0.2},
        {"scenario": "b", "consistency": 0.9},
        {"scenario": "a", "consistency": None},  # migrated from v1
        {"scenario": "a", "consistency": 0.5},
        {"scenario": "a", "consistency": 1.0},
    ]
    history = AttemptHistory(attempts)
    assert history.recent_consistency("a", 5) == [1.0, 0.5, 0.2]
    assert history.recent_consistency("a", 2) == [1.0, 0.5]
    assert history.recent_consistency("c", 5) == []
