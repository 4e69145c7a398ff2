"""What to practise next: the scenarios that train the trainee's weakest principles, spaced over time.

    weakness(p)  = breaches of p / (breaches + times p was followed), over the last RECENT attempts
    need(s)      = the largest weakness among the principles scenario s exercises (0 if none is weak)
    interval(s)  = 2 ** min(streak, 5) days, streak = passes in a row of s, newest first
    due(s)       = 1 for a scenario never played, else min(1.5, days since last played / interval(s))
    priority(s)  = need(s) + due(s)

A weak principle pulls forward every scenario that trains it; a scenario passed again and again waits
longer and longer before it comes back (spaced practice, as in a Leitner box). Ties go to the easier
scenario, then the id, so the list is stable. The reason text is Korean and names the weakest principle
and how long ago the scenario was last played.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from game.progress.port import Recommendation
from game.scenario.library import Library
from game.scenario.model import Scenario
from game.scenario.rubric import Rubric

RECENT = 10
MAX_STREAK = 5
MAX_DUE = 1.5


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def principle_weakness(attempts: Sequence[dict[str, Any]], recent: int = RECENT) -> dict[str, float]:
    """Principle id -> share of its citations that were breaches, over the newest ``recent`` attempts."""
    followed: dict[str, int] = {}
    broken: dict[str, int] = {}
    for attempt in list(attempts)[-recent:]:
        for decision in attempt.get("result", {}).get("decisions", []):
            for citation in decision.get("principles", []):
                table = followed if citation.get("followed") else broken
                name = citation.get("principle")
                if isinstance(name, str):
                    table[name] = table.get(name, 0) + 1
    return {p: n / (n + followed.get(p, 0)) for p, n in broken.items()}


def scenario_principles(scenario: Scenario, rubric: Rubric) -> set[str]:
    """Every principle a play of the scenario can cite: the author's, the wording rules', timing's."""
    found: set[str] = set()
    complaint = rubric.complaint
    for node in scenario.nodes.values():
        if node.time_limit and rubric.timing and rubric.timing.principle:
            found.add(rubric.timing.principle)
        lines = [c.say for c in node.choices] + list(node.typed.examples if node.typed else ())
        for choice in node.choices:
            found.update(choice.follows)
            found.update(choice.breaks)
            if choice.steps and complaint is not None:
                found.update(p for p in (complaint.order_principle, complaint.apology_principle) if p)
        for line in lines:
            found.update(rule.principle for rule in rubric.wording_hits(line))
    return found & set(rubric.principles)


def _streak(attempts: list[dict[str, Any]]) -> int:
    streak = 0
    for attempt in reversed(attempts):
        if not attempt.get("result", {}).get("passed"):
            break
        streak += 1
    return streak


def rank(
    scenario: Scenario,
    rubric: Rubric,
    played: Sequence[dict[str, Any]],
    weakness: dict[str, float],
    now: datetime,
) -> tuple[float, Recommendation]:
    """One scenario's priority (higher first) and the reason shown for it."""
    weak = sorted(
        ((weakness[p], p) for p in scenario_principles(scenario, rubric) if weakness.get(p, 0) > 0),
        key=lambda item: (-item[0], item[1]),
    )
    need, principle = weak[0] if weak else (0.0, None)
    parts = [f"약한 원칙: {rubric.principles[principle].title}"] if principle else []
    if not played:
        due = 1.0
        parts.append("아직 연습하지 않은 시나리오")
    else:
        days = max(0.0, (now - parse_time(played[-1]["finished_at"])).total_seconds() / 86400)
        due = min(MAX_DUE, days / 2 ** min(_streak(list(played)), MAX_STREAK))
        parts.append("오늘 연습함" if days < 1 else f"{math.floor(days)}일 전 마지막 연습")
    return need + due, Recommendation(scenario.id, " · ".join(parts), principle)


def recommend(
    attempts: Sequence[dict[str, Any]], library: Library, now: datetime, limit: int = 3
) -> list[Recommendation]:
    weakness = principle_weakness(attempts)
    ranked = []
    for scenario in library.scenarios:
        played = [a for a in attempts if a.get("scenario") == scenario.id]
        priority, item = rank(scenario, library.rubric_for(scenario), played, weakness, now)
        ranked.append((-priority, scenario.difficulty, scenario.id, item))
    ranked.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in ranked[:limit]]
