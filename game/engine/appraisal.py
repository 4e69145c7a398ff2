"""What one line is worth under a rubric, in the situation it is said in.

An appraisal adds up, per dimension: the author's effects, the principles the author says the line
follows or breaks, the rubric's wording rules matched on the words themselves, and the complaint
procedure (is this step in order, was there an apology first). Appraising every available option the
same way is what lets a decision be judged against the best option at that decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.state import ConversationState
from game.scenario.model import Choice
from game.scenario.rubric import Rubric


@dataclass
class Citation:
    """A principle that a line followed or broke, and why the trainee is told about it."""

    principle: str
    followed: bool
    reason: str  # "author" | "wording:<rule id>" | "complaint:order" | "complaint:apology" | "timing"

    def to_json(self) -> dict:
        return {"principle": self.principle, "followed": self.followed, "reason": self.reason}


@dataclass
class Appraisal:
    effects: dict[str, float] = field(default_factory=dict)
    mood: int = 0
    citations: list[Citation] = field(default_factory=list)
    wording: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)

    def copy(self) -> Appraisal:
        return Appraisal(
            dict(self.effects),
            self.mood,
            list(self.citations),
            list(self.wording),
            list(self.steps),
            list(self.blockers),
            list(self.notes),
            list(self.broken),
        )

    def add(self, effects: dict[str, float] | object) -> None:
        for name, value in effects.items():  # type: ignore[attr-defined]
            self.effects[name] = self.effects.get(name, 0.0) + float(value)

    def value(self, rubric: Rubric) -> float:
        """One number to find the best option: effects weighted by the rubric's dimension weights."""
        return sum(
            rubric.weight(dim) * points for dim, points in self.effects.items() if dim in rubric.dimensions
        )


def appraise(
    rubric: Rubric,
    text: str,
    choice: Choice | None,
    state: ConversationState,
    complaint_active: bool,
) -> Appraisal:
    result = Appraisal()
    steps: list[str] = []
    if choice is not None:
        result.add(choice.effects)
        result.mood += choice.mood
        for name in choice.follows:
            result.add(rubric.principles[name].follow)
            result.citations.append(Citation(name, True, "author"))
        for name in choice.breaks:
            result.citations.append(Citation(name, False, "author"))
            _breach(rubric, name, result)
        steps.extend(choice.steps)
    for rule in rubric.wording_hits(text):
        result.wording.append(rule.id)
        result.mood += rule.mood
        result.citations.append(Citation(rule.principle, not rule.breaks, f"wording:{rule.id}"))
        if rule.breaks:
            _breach(rubric, rule.principle, result)
        else:
            result.add(rule.effects)
        if rule.step and rule.step not in steps:
            steps.append(rule.step)
    if complaint_active and rubric.complaint:
        _complaint(rubric, steps, state, result)
    order = {name: i for i, name in enumerate(rubric.steps)}
    result.steps = sorted(dict.fromkeys(steps), key=lambda s: order.get(s, len(order)))
    return result


def _breach(rubric: Rubric, name: str, result: Appraisal) -> None:
    """Charge a broken principle once per line, whether the author annotated it or a rule caught it.

    The breach is recorded in ``broken`` so a line annotated ``breaks: [no_blame]`` that also says
    "고객님 탓" costs what either would alone, not twice.
    """
    if name in result.broken:
        return
    result.broken.append(name)
    principle = rubric.principles[name]
    result.add(principle.breach)
    if principle.blocker:
        result.blockers.append(name)


def _complaint(rubric: Rubric, steps: list[str], state: ConversationState, result: Appraisal) -> None:
    procedure = rubric.complaint
    assert procedure is not None
    done = set(state.steps_done)
    apology = procedure.apology_step
    any_step_done = any(s in done for s in procedure.steps)
    new_steps = [s for s in procedure.steps if s in steps and s not in done]
    if apology in steps and apology not in done and not any_step_done:
        result.add(procedure.apology_first)
        result.notes.append("apologised_first")
        if procedure.apology_principle:
            result.citations.append(Citation(procedure.apology_principle, True, "complaint:apology"))
    if new_steps and apology not in done and apology not in steps and not any_step_done:
        result.add(procedure.step_before_apology)
        result.notes.append("step_before_apology")
        if procedure.apology_principle:
            result.citations.append(Citation(procedure.apology_principle, False, "complaint:apology"))
    taken = set(done)
    for step in new_steps:
        earlier = procedure.steps[: procedure.steps.index(step)]
        in_order = all(s in taken for s in earlier)
        result.add(procedure.in_order if in_order else procedure.out_of_order)
        if not in_order:
            result.notes.append(f"out_of_order:{step}")
            if procedure.order_principle:
                result.citations.append(Citation(procedure.order_principle, False, "complaint:order"))
        taken.add(step)
