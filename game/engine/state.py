"""What the customer and the conversation are like at one moment, and the conditions that read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from game.scenario.model import MOOD_MAX, MOOD_MIN, Branch, Condition


@dataclass
class ConversationState:
    mood: int = 0
    flags: set[str] = field(default_factory=set)
    steps_done: list[str] = field(default_factory=list)

    def apply_mood(self, delta: int) -> None:
        self.mood = max(MOOD_MIN, min(MOOD_MAX, self.mood + delta))


ScoreLookup = Callable[[str], "float | None"]


def holds(cond: Condition | None, state: ConversationState, score: ScoreLookup) -> bool:
    """A missing condition always holds; a score that is not assessed yet counts as 0."""
    if cond is None:
        return True
    if cond.mood_at_least is not None and state.mood < cond.mood_at_least:
        return False
    if cond.mood_below is not None and state.mood >= cond.mood_below:
        return False
    if any(f not in state.flags for f in cond.flags) or any(f in state.flags for f in cond.not_flags):
        return False
    done = set(state.steps_done)
    if any(s not in done for s in cond.steps_done) or any(s in done for s in cond.steps_not_done):
        return False
    return all((score(dim) or 0.0) >= needed for dim, needed in cond.score_at_least.items())


def pick(branches: tuple[Branch, ...], state: ConversationState, score: ScoreLookup) -> str:
    """The first arm whose condition holds; the loader guarantees the last arm has none."""
    for branch in branches:
        if holds(branch.when, state, score):
            return branch.target
    return branches[-1].target


def emotion_for(mood: int) -> str:
    """How a mood shows on the customer's face when the author did not say."""
    if mood >= 4:
        return "delighted"
    if mood >= 1:
        return "pleased"
    if mood >= 0:
        return "calm"
    if mood >= -1:
        return "impatient"
    if mood >= -3:
        return "annoyed"
    return "angry"


_GLAD = ("pleased", "delighted")
_CROSS = ("impatient", "annoyed", "angry")


def shown_emotion(authored: str | None, mood: int) -> str:
    """The face the customer shows: the author's emotion for the line, unless the mood the trainee
    brought them to says the opposite. A node's line is written for the way most plays reach it; a
    customer smiling at mood -4, or scowling at +3 while thanking the trainee, teaches the wrong cue,
    and reading the customer is the skill being trained. Feelings with no side (sad, confused, calm)
    stay as written."""
    if authored is None:
        return emotion_for(mood)
    if (authored in _GLAD and mood <= -2) or (authored in _CROSS and mood >= 3):
        return emotion_for(mood)
    return authored
