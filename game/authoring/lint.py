"""Warnings about scenarios that load but would teach badly: what `eungdae lint` adds to validate.

Each node's options are appraised in a conversation state that really reaches it (along the best path
where it passes, else the shortest play there), so complaint-order and apology rules read them as the
engine will; the same exploration tells which endings play can reach.
"""

from __future__ import annotations

from game.engine.analysis import representatives
from game.engine.appraisal import appraise
from game.engine.session import Session
from game.scenario.diagnostics import Diagnostic
from game.scenario.directions import quoted_in_directions
from game.scenario.model import Node, Pos, Scenario
from game.scenario.rubric import Rubric

EPSILON = 1e-9
LONGEST_SHARE = 0.5  # W410 when the best option is the longest line at more than this share of decisions


def lint_scenario(scenario: Scenario, rubric: Rubric) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    plays = representatives(scenario, rubric)
    for node in scenario.nodes.values():
        where = node.pos or Pos(scenario.path, 1, 1)
        if node.event == "phone_ringing" and node.time_limit is None:
            out.append(
                Diagnostic(
                    "W406",
                    f"node '{node.id}' rings without a time limit",
                    "add time_limit: (seconds, about 2 per ring) so answering late costs Speed",
                    where,
                )
            )
        if node.second_speaker is None:
            for text in (node.customer, *(c.reaction for c in node.choices)):
                for quote in quoted_in_directions(text):
                    out.append(
                        Diagnostic(
                            "W420",
                            f"«{quote}» is quoted inside a direction of node '{node.id}', so nobody says it",
                            "add second_speaker: {name: ..., voice: {...}} to the node to have it spoken, "
                            "or move the words out of the brackets if the customer says them",
                            where,
                        )
                    )
        if node.fixed_order and len(node.choices) > 1:
            out.append(
                Diagnostic(
                    "N409",
                    f"node '{node.id}' shows its options in the order written (order: fixed)",
                    "keep it only where the order is the point (a menu read out); otherwise the "
                    "position of the best answer gives it away",
                    where,
                )
            )
        if node.choices and node.id in plays:
            out.extend(_choices(node, rubric, plays[node.id], where))
    out.extend(_longest_best(scenario, rubric, plays))
    for ending in scenario.endings:
        if ending.id not in plays:
            out.append(
                Diagnostic(
                    "W405",
                    f"ending '{ending.id}' is never reached in play (conditions rule it out)",
                    "check the 'if' conditions that lead to it",
                    ending.pos or Pos(scenario.path, 1, 1),
                )
            )
    return out


def _longest_best(scenario: Scenario, rubric: Rubric, plays: dict[str, Session]) -> list[Diagnostic]:
    """W410: a trainee who always picks the longest line should not pass by that habit alone."""
    decisions = longest = 0
    for node in scenario.nodes.values():
        play = plays.get(node.id)
        if play is None or not node.choices:
            continue
        shown = play.available()
        if len(shown) < 2:
            continue
        values = [appraise(rubric, c.say, c, play.state, play.complaint_active).value(rubric) for c in shown]
        best = shown[values.index(max(values))]
        decisions += 1
        longest += all(len(best.say) > len(c.say) for c in shown if c is not best)
    if not decisions or longest <= LONGEST_SHARE * decisions:
        return []
    return [
        Diagnostic(
            "W410",
            f"the best option is the longest line at {longest} of {decisions} decisions",
            "a trainee could pass by picking the longest line: make some weaker options long "
            "(a wordy excuse, an over-explanation) and some model answers short",
            scenario.pos or Pos(scenario.path, 1, 1),
        )
    ]


def _choices(node: Node, rubric: Rubric, play: Session, where: Pos) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    shown = play.available()
    if len(node.choices) == 1:
        out.append(
            Diagnostic(
                "W401",
                f"node '{node.id}' offers only one choice",
                "add the mistakes people really make as further options, or use next: for a passage",
                where,
            )
        )
        return out
    # Only the options shown in this state compete: an 'if:' may offer alternative wordings for
    # different situations, which must not be compared with each other.
    appraisals = [appraise(rubric, c.say, c, play.state, play.complaint_active) for c in shown]
    values = [a.value(rubric) for a in appraisals]
    top = max(values)
    leaders = [c for c, v in zip(shown, values, strict=True) if v >= top - EPSILON]
    if len(leaders) > 1:
        names = ", ".join(c.id for c in leaders)
        out.append(
            Diagnostic(
                "W403",
                f"node '{node.id}': options {names} tie for best",
                "make one option clearly better (effects or follows) so the coaching can name it",
                leaders[1].pos or where,
            )
        )
    best = leaders[0]
    best_appraisal = appraisals[shown.index(best)]
    broken = [c.principle for c in best_appraisal.citations if not c.followed]
    if broken:
        out.append(
            Diagnostic(
                "W404",
                f"the best option '{best.id}' in node '{node.id}' breaks {', '.join(broken)}",
                "the model answer should not break a principle; reword it or change its effects",
                best.pos or where,
            )
        )
    for choice, appraisal, value in zip(shown, appraisals, values, strict=True):
        if value >= top - EPSILON or choice.feedback:
            continue
        explained = any(rule.feedback for rule in rubric.wording if rule.id in appraisal.wording) or any(
            not c.followed and rubric.principles[c.principle].explain for c in appraisal.citations
        )
        if not explained:
            out.append(
                Diagnostic(
                    "W402",
                    f"option '{choice.id}' in node '{node.id}' is weaker than '{best.id}' but says nothing why",
                    "add feedback: naming the principle and the better line",
                    choice.pos or where,
                )
            )
    return out
