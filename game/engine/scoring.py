"""Scoring: every decision judged against the best option available at that decision.

For each dimension a path earns, over its decisions, how far the chosen option stood above the worst
option at that decision, out of how far the best option stood above it:

    score(dim) = 100 × Σ (chosen − worst) / Σ (best − worst)      (clamped to 0..100)

"Best" is the option with the highest rubric-weighted total at that decision (ties: the first listed);
"worst" is the lowest value any option there has in that dimension, and for a timed decision the
worst also includes answering very late. So the best path scores 100 in every dimension it exercises, a
percentage means the same in every scenario, and a dimension no decision on the path could move is
"not assessed" (None) rather than a free 100. The method and a worked example are in docs/scoring.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from game.engine.appraisal import Appraisal
from game.scenario.model import Ending
from game.scenario.rubric import Rubric

EPSILON = 1e-9


@dataclass
class Decision:
    """One decision as played, with everything the debrief and the reports need to explain it."""

    node: str
    number: int  # 1-based among the options as the trainee saw them (displayed order)
    choice_id: str
    say: str
    best_number: int
    best_choice_id: str
    best_say: str
    seconds: float
    time_limit: float | None
    lateness: str  # "none" | "on_time" | "late" | "very_late"
    chosen: Appraisal
    best: Appraisal
    worst: dict[str, float]
    feedback: list[str]
    mood_before: int
    mood_after: int
    typed: bool = False
    chosen_value: float = 0.0
    best_value: float = 0.0
    shown: tuple[str, ...] = ()  # the option ids in displayed order (empty for a typed reply)
    outcome: str | None = None  # a typed reply's verdict: good | partial | poor

    @property
    def is_best(self) -> bool:
        """The best option, answered in time: the habit measure counts these."""
        return self.chosen_value >= self.best_value - EPSILON

    @property
    def right_but_late(self) -> bool:
        """The best words, said too late: the coaching says so instead of offering the same line again."""
        return self.choice_id == self.best_choice_id and self.lateness in ("late", "very_late")

    def to_json(self, rubric: Rubric) -> dict:
        return {
            "node": self.node,
            "chosen": {"number": self.number, "id": self.choice_id, "say": self.say},
            "best": {"number": self.best_number, "id": self.best_choice_id, "say": self.best_say},
            "shown": list(self.shown),
            "is_best": self.is_best,
            "typed": self.typed,
            "seconds": round(self.seconds, 3),
            "time_limit": self.time_limit,
            "lateness": self.lateness,
            "effects": {k: v for k, v in sorted(self.chosen.effects.items()) if v},
            "best_effects": {k: v for k, v in sorted(self.best.effects.items()) if v},
            "principles": [c.to_json() for c in self.chosen.citations],
            "wording": list(self.chosen.wording),
            "steps": list(self.chosen.steps),
            "blockers": list(self.chosen.blockers),
            "mood": {"before": self.mood_before, "after": self.mood_after},
            "feedback": list(self.feedback),
            **({"outcome": self.outcome} if self.outcome else {}),
            "findings": [f.to_json() for f in self.chosen.findings],
        }


class HabitHistory(Protocol):
    """What progress tells scoring about earlier attempts: their share of best decisions (0..1)."""

    def recent_consistency(self, scenario_id: str, limit: int) -> list[float]: ...


@dataclass
class Result:
    scenario: str
    overall: float
    passed: bool
    pass_mark: float
    dimensions: dict[str, float | None]
    frameworks: dict[str, float | None]
    blockers: list[str]
    ending: str | None
    resolved: bool
    decisions: list[Decision]
    mood_trace: list[int]
    handle_seconds: float
    consistency: float
    complaint: dict = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # required principles never followed on the path

    def to_json(self, rubric: Rubric) -> dict:
        return {
            "scenario": self.scenario,
            "choices": [d.number for d in self.decisions],  # as displayed; "path" is what to keep
            "path": [d.choice_id for d in self.decisions],
            "seconds": [round(d.seconds, 3) for d in self.decisions],
            "ending": self.ending,
            "resolved": self.resolved,
            "passed": self.passed,
            "pass_mark": self.pass_mark,
            "overall": _round(self.overall),
            "frameworks": {k: _round(v) for k, v in self.frameworks.items()},
            "dimensions": {k: _round(v) for k, v in self.dimensions.items()},
            "blockers": list(self.blockers),
            "missing": list(self.missing),
            "consistency": _round(self.consistency * 100),
            "mood": list(self.mood_trace),
            "handle_seconds": round(self.handle_seconds, 3),
            "complaint": self.complaint,
            "decisions": [d.to_json(rubric) for d in self.decisions],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def worst_values(options: list[Appraisal], timing_worst: dict[str, float]) -> dict[str, float]:
    """The worst value in each dimension among the options (plus answering very late, if timed)."""
    dims = {d for a in options for d in a.effects}
    worst = {d: min(a.effects.get(d, 0.0) for a in options) for d in dims}
    for dim, penalty in timing_worst.items():
        worst[dim] = worst.get(dim, 0.0) + penalty
    return worst


def dimension_scores(rubric: Rubric, decisions: list[Decision]) -> dict[str, float | None]:
    scores: dict[str, float | None] = {}
    for dim in rubric.effect_dimensions:
        earned = possible = 0.0
        for d in decisions:
            low = d.worst.get(dim, 0.0)
            earned += d.chosen.effects.get(dim, 0.0) - low
            possible += d.best.effects.get(dim, 0.0) - low
        scores[dim] = None if possible <= EPSILON else max(0.0, min(100.0, 100.0 * earned / possible))
    return scores


def consistency(decisions: list[Decision]) -> float:
    return sum(d.is_best for d in decisions) / len(decisions) if decisions else 1.0


def habit_score(rubric: Rubric, scenario_id: str, current: float, history: HabitHistory | None) -> float:
    """This attempt's consistency, blended with recent attempts' when a history is available."""
    assert rubric.habit is not None
    prior = history.recent_consistency(scenario_id, rubric.habit.history_attempts) if history else []
    if not prior:
        return 100.0 * current
    weight = rubric.habit.history_weight
    return 100.0 * ((1 - weight) * current + weight * sum(prior) / len(prior))


def compute_result(
    rubric: Rubric,
    scenario_id: str,
    pass_mark: float,
    decisions: list[Decision],
    mood_trace: list[int],
    ending: Ending | None,
    history: HabitHistory | None = None,
    required: tuple[str, ...] = (),
) -> Result:
    dims = dimension_scores(rubric, decisions)
    share = consistency(decisions)
    if rubric.habit is not None:
        dims[rubric.habit.dimension] = habit_score(rubric, scenario_id, share, history) if decisions else None
    ordered = {d: dims.get(d) for d in rubric.dimensions}
    frameworks: dict[str, float | None] = {}
    for fw in rubric.frameworks.values():
        members = [
            d for d in rubric.dimensions.values() if d.framework == fw.id and ordered[d.id] is not None
        ]
        weight = sum(d.weight for d in members)
        frameworks[fw.id] = sum(ordered[d.id] * d.weight for d in members) / weight if weight else None  # type: ignore[operator]
    assessed = [(rubric.weight(d), v) for d, v in ordered.items() if v is not None]
    total_weight = sum(w for w, _ in assessed)
    overall = sum(w * v for w, v in assessed) / total_weight if total_weight else 0.0
    blockers = list(dict.fromkeys(b for d in decisions for b in d.chosen.blockers))
    followed = {c.principle for d in decisions for c in d.chosen.citations if c.followed}
    missing = [p for p in required if p not in followed]
    return Result(
        scenario=scenario_id,
        overall=overall,
        passed=ending is not None
        and not ending.fails_attempt
        and not blockers
        and not missing
        and overall >= pass_mark - EPSILON,
        pass_mark=pass_mark,
        dimensions=ordered,
        frameworks=frameworks,
        blockers=blockers,
        ending=ending.outcome if ending else None,
        resolved=bool(ending and ending.resolved),
        decisions=decisions,
        mood_trace=mood_trace,
        handle_seconds=sum(d.seconds for d in decisions),
        consistency=share,
        complaint=_complaint_summary(rubric, decisions),
        missing=missing,
    )


def _complaint_summary(rubric: Rubric, decisions: list[Decision]) -> dict:
    """The procedure over the whole path, for the debrief: steps in the order they were taken, and the
    steps missed — those the better reply at one of the trainee's own decisions would have taken.
    Not every step the rubric knows: a call ended by process after abuse never reaches "find the
    cause", and listing it as missed beside a full procedure score read as a contradiction."""
    taken = [s for d in decisions for s in d.chosen.steps]
    offered = {s for d in decisions for s in d.best.steps}
    if not rubric.complaint or not (taken or offered):
        return {}
    notes = [n for d in decisions for n in d.chosen.notes]
    argued = [
        c.principle
        for d in decisions
        for c in d.chosen.citations
        if not c.followed and rubric.principles[c.principle].blocker
    ]
    return {
        "steps": list(dict.fromkeys(taken)),
        "missing": [s for s in rubric.complaint.all_steps if s in offered and s not in taken],
        "apologised_first": "apologised_first" in notes,
        "out_of_order": [n.split(":", 1)[1] for n in notes if n.startswith("out_of_order:")],
        "blockers": list(dict.fromkeys(argued)),
    }
