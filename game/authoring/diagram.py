"""A picture of a scenario's branching, for trainers: Graphviz DOT text, or a laid-out diagram.

The layout is a simple layered one (each node in the column of its shortest distance from the start),
which is what a trainer needs to see at a glance: where play starts, how it fans out, which endings it
reaches. No Graphviz install is required; the DOT output is there for those who have it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from game.scenario.graph import successors
from game.scenario.model import Node, Scenario

OUTCOME_COLOURS = {
    "delighted": "#2e7d32",
    "satisfied": "#558b2f",
    "neutral": "#8d6e00",
    "escalated": "#6a1b9a",
    "lost": "#c62828",
}
KIND_COLOURS = {"decision": "#1565c0", "typed": "#00838f", "passage": "#546e7a"}

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 220, 64, 70, 24, 24


@dataclass(frozen=True)
class Box:
    node: Node
    x: int
    y: int
    colour: str
    label: str
    detail: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str


def kind(node: Node) -> str:
    if node.ending:
        return node.ending.outcome
    if node.typed:
        return "typed"
    return "decision" if node.choices else "passage"


def edges(scenario: Scenario) -> list[Edge]:
    """One arrow per pair of nodes, labelled with every choice number that takes it ('?': conditional)."""
    labels: dict[tuple[str, str], list[str]] = {}
    for node in scenario.nodes.values():
        for index, choice in enumerate(node.choices, 1):
            for branch in choice.next:
                labels.setdefault((node.id, branch.target), []).append(
                    str(index) + ("?" if branch.when else "")
                )
        for branch in (node.typed.next if node.typed else ()) + node.next:
            labels.setdefault((node.id, branch.target), []).append("?" if branch.when else "")
    return [Edge(a, b, ",".join(dict.fromkeys(x for x in found if x))) for (a, b), found in labels.items()]


def layout(scenario: Scenario) -> tuple[list[Box], int, int]:
    depth = {scenario.start: 0}
    queue = deque([scenario.start])
    while queue:
        current = queue.popleft()
        for target in successors(scenario.nodes[current]):
            if target not in depth:
                depth[target] = depth[current] + 1
                queue.append(target)
    columns: dict[int, list[Node]] = {}
    for node in scenario.nodes.values():
        columns.setdefault(depth.get(node.id, max(depth.values()) + 1), []).append(node)
    boxes = []
    for col, nodes in sorted(columns.items()):
        for row, node in enumerate(nodes):
            text = node.customer or node.narration or (node.typed.prompt if node.typed else "")
            k = kind(node)
            boxes.append(
                Box(
                    node=node,
                    x=MARGIN + col * (BOX_W + GAP_X),
                    y=MARGIN + row * (BOX_H + GAP_Y),
                    colour=OUTCOME_COLOURS.get(k, KIND_COLOURS.get(k, "#455a64")),
                    label=f"{node.id} · {k}",
                    detail=text[:18] + ("…" if len(text) > 18 else ""),
                )
            )
    width = MARGIN * 2 + len(columns) * (BOX_W + GAP_X) - GAP_X
    height = MARGIN * 2 + max(len(n) for n in columns.values()) * (BOX_H + GAP_Y) - GAP_Y
    return boxes, width, height


def to_dot(scenario: Scenario) -> str:
    lines = [
        f'digraph "{scenario.id}" {{',
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fontcolor=white];',
    ]
    for node in scenario.nodes.values():
        k = kind(node)
        colour = OUTCOME_COLOURS.get(k, KIND_COLOURS.get(k, "#455a64"))
        label = f"{node.id}\\n{k}".replace('"', "'")
        lines.append(f'  "{node.id}" [label="{label}", fillcolor="{colour}"];')
    for edge in edges(scenario):
        lines.append(f'  "{edge.source}" -> "{edge.target}" [label="{edge.label}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def to_svg(scenario: Scenario) -> str:
    boxes, width, height = layout(scenario)
    at = {b.node.id: b for b in boxes}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        " font-family=\"NanumGothic, 'Noto Sans KR', 'Malgun Gothic', sans-serif\">",
        f"<title>{_escape(scenario.title)}</title>",
        '<defs><marker id="arrow" markerWidth="8" markerHeight="8" refX="8" refY="4" orient="auto">'
        '<path d="M0,0 L8,4 L0,8 z" fill="#607d8b"/></marker></defs>',
        f'<rect width="{width}" height="{height}" fill="#fafafa"/>',
    ]
    for edge in edges(scenario):
        a, b = at[edge.source], at[edge.target]
        x1, y1 = a.x + BOX_W, a.y + BOX_H // 2
        x2, y2 = b.x, b.y + BOX_H // 2
        if b.x <= a.x:  # a back edge: loop under the boxes
            x1, x2 = a.x + BOX_W // 2, b.x + BOX_W // 2
            y1, y2 = a.y + BOX_H, b.y + BOX_H
        mid_x = (x1 + x2) // 2
        parts.append(
            f'<path d="M{x1},{y1} C{mid_x},{y1} {mid_x},{y2} {x2},{y2}" fill="none" stroke="#90a4ae"'
            ' stroke-width="1.5" marker-end="url(#arrow)"/>'
        )
        if edge.label:
            parts.append(
                f'<text x="{mid_x}" y="{(y1 + y2) // 2 - 4}" font-size="12" fill="#37474f" text-anchor="middle">'
                f"{_escape(edge.label)}</text>"
            )
    for box in boxes:
        parts.append(
            f'<rect x="{box.x}" y="{box.y}" width="{BOX_W}" height="{BOX_H}" rx="8" fill="{box.colour}"/>'
            f'<text x="{box.x + 10}" y="{box.y + 24}" font-size="14" font-weight="bold" fill="#ffffff">'
            f"{_escape(box.label)}</text>"
            f'<text x="{box.x + 10}" y="{box.y + 46}" font-size="13" fill="#ffffff">{_escape(box.detail)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
