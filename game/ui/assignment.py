"""Where a trainee stands in an onboarding session: which assigned scenarios are done and passed.

An attempt counts for the session when ``game.progress.sessions.belongs`` says so (tagged with the
session's name, or one of its scenarios finished on its date), so a scenario played the week before
does not show as done today. "Passed" is the attempt's own verdict, which the engine gave against the
session's pass mark.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from game.progress.sessions import OnboardingSession, belongs


@dataclass(frozen=True)
class Assigned:
    scenario_id: str
    done: bool = False
    passed: bool = False
    best: float | None = None


def assignment(session: OnboardingSession, attempts: Iterable[dict[str, Any]]) -> list[Assigned]:
    """The session's scenarios in the trainer's order, each with this trainee's standing."""
    counted = [a for a in attempts if _well_formed(a) and belongs(session, a)]
    rows = []
    for scenario_id in session.scenarios:
        mine = [a for a in counted if a["scenario"] == scenario_id]
        scores = [a["result"]["overall"] for a in mine if a["result"].get("overall") is not None]
        rows.append(
            Assigned(
                scenario_id,
                done=bool(mine),
                passed=any(a["result"].get("passed") for a in mine),
                best=max(scores) if scores else None,
            )
        )
    return rows


def next_assigned(rows: list[Assigned], after: str | None = None) -> str | None:
    """The first scenario not done yet, looking after ``after`` first (the one just played)."""
    ids = [r.scenario_id for r in rows]
    start = ids.index(after) + 1 if after in ids else 0
    for row in rows[start:] + rows[:start]:
        if not row.done and row.scenario_id != after:
            return row.scenario_id
    return None


def _well_formed(attempt: dict[str, Any]) -> bool:
    return isinstance(attempt.get("result"), dict) and "scenario" in attempt and "finished_at" in attempt
