"""KASH Habit from practice history: how consistently the trainee picked the best option, attempt after attempt.

An attempt's consistency is ``Result.consistency``: the share of its decisions where the best option
was chosen in time. Scoring blends the current attempt's consistency with the mean of up to
``habit.history_attempts`` earlier attempts of the same scenario (newest first), weighted by
``habit.history_weight``; the formula is in docs/progress.md. Attempts migrated from save version 1
have no consistency and are skipped rather than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AttemptHistory:
    """A snapshot of a profile's attempts (oldest first), taken when a play starts."""

    attempts: Sequence[dict[str, Any]]

    def recent_consistency(self, scenario_id: str, limit: int) -> list[float]:
        values: list[float] = []
        for attempt in reversed(self.attempts):
            if len(values) >= limit:
                break
            share = attempt.get("consistency")
            if attempt.get("scenario") == scenario_id and isinstance(share, (int, float)):
                values.append(float(share))
        return values
