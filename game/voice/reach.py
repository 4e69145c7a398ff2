"""Which lines a trainee may hear next, nearest first: the order the prefetcher prepares them in.

Built on the scenario graph alone (every branch counted as possible), so it needs no engine state and
never misses a line the engine could take; preparing one line too many costs a few milliseconds.
"""

from __future__ import annotations

from collections import deque

from game.scenario.graph import successors
from game.scenario.model import Scenario, SpokenLine


def lines_by_node(scenario: Scenario) -> dict[str, list[SpokenLine]]:
    """Spoken lines grouped by node id, in the order they are heard inside the node."""
    grouped: dict[str, list[SpokenLine]] = {node_id: [] for node_id in scenario.nodes}
    prefix = f"{scenario.id}/"
    for line in scenario.spoken_lines():
        node_id = line.line_id.removeprefix(prefix).split("/", 1)[0]
        grouped.setdefault(node_id, []).append(line)
    return grouped


def lines_ahead(scenario: Scenario, node_id: str, depth: int = 2) -> list[SpokenLine]:
    """Lines of ``node_id`` and of the nodes up to ``depth`` steps after it, breadth first."""
    grouped = lines_by_node(scenario)
    if node_id not in scenario.nodes:
        return []
    order: list[SpokenLine] = []
    seen = {node_id}
    queue = deque([(node_id, 0)])
    while queue:
        current, distance = queue.popleft()
        order.extend(grouped.get(current, []))
        if distance == depth:
            continue
        for target in successors(scenario.nodes[current]):
            if target not in seen and target in scenario.nodes:
                seen.add(target)
                queue.append((target, distance + 1))
    return order
