"""Judging a typed reply: did it contain what the node asks for, did it contain what it forbids.

The outcome routes the conversation (good / partial / poor), so the customer reacts to what was typed,
and the coaching quotes the trainee's own words with their place in the reply, names the principle and
offers the author's example as the better line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.appraisal import Appraisal
from game.language import Analysis, Finding
from game.language.findings import KIND_TITLES
from game.scenario.model import TYPED_HARM, TypedReply
from game.scenario.rubric import Rubric

OUTCOME_TITLES = {"good": "좋음", "partial": "일부 부족", "poor": "미흡"}
OUTCOME_MOOD = {"good": 1, "partial": 0, "poor": -1}  # how the customer takes the reply, on top of its words


@dataclass
class Verdict:
    outcome: str
    met: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    violations: list[Finding] = field(default_factory=list)


def _forbidden(name: str, analysis: Analysis, appraisal: Appraisal, rubric: Rubric) -> list[Finding]:
    if name == TYPED_HARM:
        return [f for rule, found in rubric.judge(analysis) if rule.harmful for f in found]
    by_rule = [f for rule, found in rubric.judge(analysis) if rule.id == name for f in found]
    judged = {(f.kind, f.start, f.end): f for f in rubric.findings(analysis)}
    return by_rule or [judged.get((f.kind, f.start, f.end), f) for f in analysis.of(name)]


def judge(typed: TypedReply, analysis: Analysis, appraisal: Appraisal, rubric: Rubric) -> Verdict:
    """good: every ``must`` and no ``must_not``; partial: some of ``must``; poor: none, or anything forbidden."""
    taken = set(appraisal.steps) | analysis.kinds
    met = [m for m in typed.must if m in taken]
    missing = [m for m in typed.must if m not in taken]
    violations: list[Finding] = []
    for name in typed.must_not:
        for f in _forbidden(name, analysis, appraisal, rubric):
            if all((f.kind, f.start, f.end) != (v.kind, v.start, v.end) for v in violations):
                violations.append(f)
    outcome = "poor" if violations or (typed.must and not met) else "good" if not missing else "partial"
    return Verdict(outcome, met, missing, sorted(violations, key=lambda f: f.start))


def title(rubric: Rubric, name: str) -> str:
    """What a requirement is called for a trainee: the rubric's step title or the analyser's kind title."""
    if rubric.complaint and name in rubric.complaint.step_titles:
        return rubric.complaint.step_titles[name]
    return KIND_TITLES.get(name, name)


def principle_of(rubric: Rubric, name: str) -> str | None:
    """The principle that explains a missing requirement: the rule that would have recognised it."""
    for rule in rubric.wording:
        if rule.step == name or name in rule.findings:
            return rule.principle
    if rubric.complaint and name in rubric.complaint.all_steps:
        return rubric.complaint.order_principle
    return None


def coaching(verdict: Verdict, rubric: Rubric, customer_type: str, better: str) -> list[str]:
    lines = [f"판정: {OUTCOME_TITLES[verdict.outcome]}"]
    rules = {r.id: r for r in rubric.wording}
    for f in verdict.violations:
        principle = rubric.principles.get(f.principle or "")
        rule = rules.get(f.rule or "")
        why = (rule.feedback if rule and rule.feedback else "") or (
            principle.explanation(customer_type) if principle else ""
        )
        named = f"[{principle.title}] " if principle else ""
        lines.append(f"「{f.text}」({f.start + 1}–{f.end}번째 글자) {named}{why}".rstrip())
    for name in verdict.missing:
        pid = principle_of(rubric, name)
        principle = rubric.principles.get(pid or "")
        explain = f" [{principle.title}] {principle.explanation(customer_type)}" if principle else ""
        lines.append(f"빠진 것: {title(rubric, name)}.{explain}")
    if verdict.met:
        lines.append("담긴 것: " + ", ".join(title(rubric, m) for m in verdict.met))
    if verdict.outcome != "good":
        lines.append(f"이렇게 말해 보세요: {better}")
    return lines
