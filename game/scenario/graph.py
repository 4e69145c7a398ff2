"""The branching as a graph: what can be reached, what can end, where play would get stuck.

These checks ignore conditions (every arm is taken as possible), which makes them cheap and safe in one
direction: a node reported unreachable or trapped really is. Whether conditions make an ending
unreachable in actual play is the analyser's job (``game.engine.analysis``), reported by ``lint``.
"""

from __future__ import annotations

from collections import deque

from game.scenario.diagnostics import Diagnostic
from game.scenario.model import Node, Scenario
from game.scenario.source import Located


def successors(node: Node) -> list[str]:
    targets = [b.target for c in node.choices for b in c.next]
    if node.typed:
        targets.extend(b.target for _, branches in node.typed.all_branches() for b in branches)
    targets.extend(b.target for b in node.next)
    return list(dict.fromkeys(targets))


def reachable(scenario: Scenario) -> set[str]:
    seen = {scenario.start}
    queue = deque([scenario.start])
    while queue:
        for target in successors(scenario.nodes[queue.popleft()]):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def can_end(scenario: Scenario) -> set[str]:
    """Nodes from which some ending is reachable (a backward search from the endings)."""
    incoming: dict[str, list[str]] = {nid: [] for nid in scenario.nodes}
    for nid, node in scenario.nodes.items():
        for target in successors(node):
            incoming[target].append(nid)
    done = {n.id for n in scenario.endings}
    queue = deque(done)
    while queue:
        for source in incoming[queue.popleft()]:
            if source not in done:
                done.add(source)
                queue.append(source)
    return done


def graph_diagnostics(scenario: Scenario, located: Located) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    nodes = scenario.nodes
    if not scenario.endings:
        out.append(
            Diagnostic(
                "E304",
                "the scenario has no ending",
                "add a node with 'ending: {outcome: satisfied}'",
                located.pos(("nodes",), key=True),
            )
        )
        return out
    for node in nodes.values():
        if node.ending is None and not node.is_decision and not node.next:
            out.append(
                Diagnostic(
                    "E302",
                    f"node '{node.id}' is a dead end: no choices, no next and no ending",
                    "add choices:, a next: or an ending:",
                    node.pos or located.pos(("nodes", node.id)),
                )
            )
    live = reachable(scenario)
    for node in nodes.values():
        if node.id not in live:
            out.append(
                Diagnostic(
                    "E301",
                    f"node '{node.id}' cannot be reached from '{scenario.start}'",
                    "point a next: at it or remove it",
                    node.pos or located.pos(("nodes", node.id)),
                )
            )
    ending_ok = can_end(scenario)
    trapped = [n for n in nodes.values() if n.id in live and n.id not in ending_ok and successors(n)]
    if trapped:
        first = trapped[0]
        names = ", ".join(n.id for n in trapped)
        out.append(
            Diagnostic(
                "E303",
                f"play can loop forever without an ending through: {names}",
                "give one of these nodes a choice or next that leads to an ending",
                first.pos or located.pos(("nodes", first.id)),
            )
        )
    return out
