import pytest

from game.engine.session import play
from game.ui.memory_progress import MemoryProgress
from tests.ui.helpers import library


def test_profiles_stats_autosave_and_history():
    progress = MemoryProgress()
    progress.create_profile("민지")
    with pytest.raises(ValueError):
        progress.create_profile("민지")
    with pytest.raises(ValueError):
        progress.create_profile("  ")
    scenario = library().get("phone-late-delivery")
    session = play(scenario, library().rubric_for(scenario), [1, 2, 1, 1, 1, 1])
    progress.autosave("민지", session)
    assert progress.resumable("민지")["scenario"] == "phone-late-delivery"
    progress.record_attempt("민지", session, session.result())
    assert progress.resumable("민지") is None
    stats = progress.stats("민지", "phone-late-delivery")
    assert stats.attempts == 1 and stats.best == pytest.approx(session.result().overall)
    assert progress.history("민지").recent_consistency("phone-late-delivery", 5) == [
        session.result().consistency
    ]
    assert progress.stats("민지", "other").attempts == 0
