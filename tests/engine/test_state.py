"""The face the customer shows: the author's emotion, unless the mood says the opposite."""

from __future__ import annotations

import pytest

from game.engine.state import emotion_for, shown_emotion


@pytest.mark.parametrize(
    ("authored", "mood", "shown"),
    [
        (None, 2, "pleased"),  # nothing written: the mood shows
        ("pleased", 1, "pleased"),  # as written
        ("pleased", -4, "angry"),  # a smile at -4 would teach the wrong cue
        ("delighted", -2, "annoyed"),
        ("pleased", -1, "pleased"),  # a little below calm is still within what the line says
        ("angry", 3, "pleased"),  # thanking the trainee with a scowl
        ("annoyed", 2, "annoyed"),
        ("sad", -5, "sad"),  # feelings with no side stay as written
        ("confused", 4, "confused"),
        ("calm", -4, "calm"),
    ],
)
def test_the_mood_overrides_an_authored_emotion_only_when_it_says_the_opposite(authored, mood, shown):
    assert shown_emotion(authored, mood) == shown


def test_without_an_authored_emotion_the_mood_decides():
    assert [shown_emotion(None, m) for m in range(-5, 6)] == [emotion_for(m) for m in range(-5, 6)]
