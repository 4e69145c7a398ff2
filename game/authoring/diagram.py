"""A picture of a scenario's branching that a trainer can read: SVG, PNG (same drawing) or DOT.

Nodes are laid out top to bottom in layers (a node's layer is its shortest distance from the start),
a layer wider than ``MAX_COLUMNS`` wraps onto further rows, so a long scenario grows downwards instead
of into a strip no screen shows. Boxes sit on a grid, and every edge runs only through the gaps between
rows and the corridors between grid columns, so no line passes under a box and no label is covered by
one: a label sits beside its edge just below the box it leaves. Edges are labelled as play shows the
options (the option's id, or its authored number where the author gave none) with any condition as
text, and the best path (what scores 100) is drawn thick.

``drawing`` computes the picture once as plain shapes; ``to_svg`` and ``render_png`` only paint it.
"""

from __future__ import annotations

import itertools
import re
from collections import deque
from dataclasses import dataclass, field

from game.engine.session import NodeEntered, play
from game.scenario.graph import successors
from game.scenario.model import Condition, Node, Scenario
from game.scenario.rubric import Rubric

OUTCOME_COLOURS = {
    "delighted": "#2e7d32",
    "satisfied": "#558b2f",
    "neutral": "#8d6e00",
    "escalated": "#6a1b9a",
    "lost": "#c62828",
}
KIND_COLOURS = {"decision": "#1565c0", "typed": "#00838f", "passage": "#546e7a"}
EDGE, BEST, TEXT, PAPER = "#90a4ae", "#2e7d32", "#263238", "#fafafa"

BOX_W, BOX_H = 230, 78
GAP_X = 56  # the corridor between grid columns, where long edges run
MAX_COLUMNS = 4
MARGIN = 28
HEADER = 56  # title and legend
LABEL_LINE = 14
LANE = 5  # spacing of parallel edges in a gap or corridor
AUTO_ID = re.compile(r"^c\d+$")  # ids the loader gives options the author did not name


@dataclass(frozen=True)
class Box:
    node: Node
    x: int
    y: int
    colour: str
    title: str
    lines: tuple[str, ...]
    best: bool


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str  # one entry per option or arm, joined by "; "
    best: bool = False


@dataclass(frozen=True)
class Wire:
    """An edge as drawn: a polyline ending in an arrowhead at a box's top, and its label's place."""

    edge: Edge
    points: tuple[tuple[int, int], ...]
    label_lines: tuple[str, ...]
    label_at: tuple[int, int]


@dataclass
class Drawing:
    title: str
    width: int
    height: int
    boxes: list[Box] = field(default_factory=list)
    wires: list[Wire] = field(default_factory=list)


def kind(node: Node) -> str:
    if node.ending:
        return node.ending.outcome
    if node.typed:
        return "typed"
    return "decision" if node.choices else "passage"


def describe(cond: Condition | None) -> str:
    """A condition as a trainer reads it: ``mood >= 1 & flag apologised``."""
    if cond is None:
        return ""
    parts = []
    if cond.mood_at_least is not None:
        parts.append(f"mood >= {cond.mood_at_least}")
    if cond.mood_below is not None:
        parts.append(f"mood < {cond.mood_below}")
    parts += [f"flag {f}" for f in cond.flags]
    parts += [f"not {f}" for f in cond.not_flags]
    parts += [f"{s} done" for s in cond.steps_done]
    parts += [f"{s} not done" for s in cond.steps_not_done]
    parts += [f"{d} >= {v:g}%" for d, v in cond.score_at_least.items()]
    return " & ".join(parts)


def option_label(index: int, choice_id: str) -> str:
    """As play names the option: the author's id, or its authored number when it has none."""
    return str(index) if AUTO_ID.match(choice_id) else choice_id


def edges(scenario: Scenario, best: set[tuple[str, str]] | None = None) -> list[Edge]:
    """One arrow per pair of nodes, labelled with every option or arm that takes it."""
    labels: dict[tuple[str, str], list[str]] = {}

    def arms(prefix: str, branches, source: str) -> None:
        conditional = any(b.when for b in branches)
        for branch in branches:
            when = describe(branch.when) if branch.when else ("else" if conditional else "")
            text = f"{prefix}: {when}" if prefix and when else prefix or when
            labels.setdefault((source, branch.target), []).append(text)

    for node in scenario.nodes.values():
        for index, choice in enumerate(node.choices, 1):
            name = option_label(index, choice.id)
            if choice.when:
                name += f" (if {describe(choice.when)})"
            arms(name, choice.next, node.id)
        if node.typed:
            for label, branches in node.typed.all_branches():
                if label == "next":
                    arms("typed", branches, node.id)
                elif label.startswith("fallback:"):
                    arms(f"typed fallback {label.removeprefix('fallback:')}", branches, node.id)
                else:
                    arms(f"typed {label}", branches, node.id)
        arms("", node.next, node.id)
    return [
        Edge(a, b, "; ".join(dict.fromkeys(x for x in found if x)), (a, b) in (best or set()))
        for (a, b), found in labels.items()
    ]


def best_route(scenario: Scenario, rubric: Rubric) -> list[str]:
    """The nodes the best path (the best option at every decision, on time) passes, in order."""
    from game.engine.analysis import best_path

    route = [scenario.start]
    play(
        scenario,
        rubric,
        list(best_path(scenario, rubric).choices),
        listener=lambda event: route.append(event.node.id) if isinstance(event, NodeEntered) else None,
    )
    return route


def _depths(scenario: Scenario) -> dict[str, int]:
    depth = {scenario.start: 0}
    queue = deque([scenario.start])
    while queue:
        current = queue.popleft()
        for target in successors(scenario.nodes[current]):
            if target not in depth:
                depth[target] = depth[current] + 1
                queue.append(target)
    last = max(depth.values()) + 1
    return {n: depth.get(n, last) for n in scenario.nodes}


def _rows(scenario: Scenario) -> list[list[str]]:
    """Layers in order, each sorted under its parents (fewer crossings), wrapped at MAX_COLUMNS."""
    depth = _depths(scenario)
    layers: dict[int, list[str]] = {}
    for node_id in scenario.nodes:
        layers.setdefault(depth[node_id], []).append(node_id)
    parents: dict[str, list[str]] = {n: [] for n in scenario.nodes}
    for node in scenario.nodes.values():
        for target in successors(node):
            parents[target].append(node.id)
    place: dict[str, float] = {}
    rows: list[list[str]] = []
    for level in sorted(layers):
        members = layers[level]
        order = {n: i for i, n in enumerate(members)}
        members = sorted(members, key=lambda n, order=order: _centre(n, parents, place, order))
        for start in range(0, len(members), MAX_COLUMNS):
            row = members[start : start + MAX_COLUMNS]
            for i, node_id in enumerate(row):
                place[node_id] = i + (MAX_COLUMNS - len(row)) / 2
            rows.append(row)
    return rows


def _centre(node_id: str, parents: dict, place: dict, order: dict) -> tuple[float, int]:
    """Where a node's parents sit (their mean column); nodes without placed parents keep file order."""
    known = [place[p] for p in parents[node_id] if p in place]
    return (sum(known) / len(known) if known else 99.0, order[node_id])


def _wrap(text: str, width: int) -> list[str]:
    """Cut text into lines of about ``width`` columns (Hangul counts two)."""
    lines, current, used = [], "", 0
    for char in text:
        cost = 2 if ord(char) > 0x2E7F else 1
        if used + cost > width and current:
            cut = current.rfind(" ") + 1 if " " in current.strip() else len(current)
            lines.append(current[:cut].rstrip())
            current = current[cut:]
            used = sum(2 if ord(c) > 0x2E7F else 1 for c in current)
        current += char
        used += cost
    if current:
        lines.append(current)
    return lines


def text_width(text: str, size: int) -> int:
    """An estimate good enough to size a label's background (wide characters about a full em)."""
    return int(sum(size if ord(c) > 0x2E7F else size * 0.6 for c in text)) + 8


def drawing(scenario: Scenario, rubric: Rubric | None = None) -> Drawing:
    route = best_route(scenario, rubric) if rubric is not None else []
    best_pairs = set(itertools.pairwise(route))
    all_edges = edges(scenario, best_pairs)
    rows = _rows(scenario)
    slot: dict[str, tuple[int, int]] = {}  # node -> (row, column)
    for r, row in enumerate(rows):
        offset = (MAX_COLUMNS - len(row)) // 2
        for c, node_id in enumerate(row):
            slot[node_id] = (r, c + offset)
    leftmost = min(c for _, c in slot.values())
    slot = {n: (r, c - leftmost) for n, (r, c) in slot.items()}
    out_of: dict[str, list[Edge]] = {n: [] for n in scenario.nodes}
    into: dict[str, list[Edge]] = {n: [] for n in scenario.nodes}
    for edge in all_edges:
        out_of[edge.source].append(edge)
        into[edge.target].append(edge)
    for edge_list in out_of.values():
        edge_list.sort(key=lambda e: slot[e.target][1])
    label_lines = {id(e): tuple(_wrap(e.label, 40)) if e.label else () for e in all_edges}

    def x_of(column: int) -> int:
        return GAP_X + column * (BOX_W + GAP_X)

    # Gap below each row: the stacked labels of the edges leaving it, their lanes, then the lanes of
    # the edges arriving at the row below.
    def gap_below(r: int) -> tuple[int, int, int]:
        leaving = [e for n in rows[r] for e in out_of[n]]
        labels = max((sum(len(label_lines[id(e)]) for e in out_of[n]) for n in rows[r]), default=0)
        arriving = [e for n in rows[r + 1] for e in into[n]] if r + 1 < len(rows) else []
        label_block = 12 + LABEL_LINE * labels
        return label_block, LANE * (len(leaving) + 1), LANE * (len(arriving) + 1) + 12

    gaps = [gap_below(r) for r in range(len(rows))]
    tops, y = [], MARGIN + HEADER
    for r in range(len(rows)):
        tops.append(y)
        y += BOX_H + sum(gaps[r])
    back = sum(1 for e in all_edges if slot[e.target][0] < slot[e.source][0])
    columns = max(c for _, c in slot.values()) + 1
    corridor_right = x_of(columns) - GAP_X // 2
    width = max(corridor_right + LANE * (back + 2) + MARGIN, text_width(LEGEND, 12) + 2 * MARGIN)
    # the last row's gap holds only edges that turn back up, which run beside the boxes
    bottom = tops[-1] + BOX_H + (sum(gaps[-1]) if back or any(out_of[n] for n in rows[-1]) else 0)
    picture = Drawing(f"{scenario.title} ({scenario.id})", width, bottom + MARGIN)
    on_route = set(route)
    for node_id, (r, c) in slot.items():
        node = scenario.nodes[node_id]
        k = kind(node)
        text = node.customer or node.narration or (node.typed.prompt if node.typed else "")
        wrapped = _wrap(text, 32)
        lines = wrapped[:2]
        if len(wrapped) > 2:
            lines[-1] = lines[-1][:-1] + "…"
        picture.boxes.append(
            Box(
                node,
                x_of(c),
                tops[r],
                OUTCOME_COLOURS.get(k, KIND_COLOURS.get(k, "#455a64")),
                f"{node_id} · {k}" + (f" · {node.time_limit:g}s" if node.time_limit else ""),
                tuple(lines),
                node_id in on_route,
            )
        )

    lanes: dict[tuple[str, int], int] = {}

    def lane(key: tuple[str, int]) -> int:
        lanes[key] = lanes.get(key, 0) + 1
        return lanes[key]

    for node_id in scenario.nodes:
        r, c = slot[node_id]
        leaving = out_of[node_id]
        bottom = tops[r] + BOX_H
        label_y = bottom + 6
        band_end = x_of(c) + BOX_W + GAP_X - 6  # labels stay in their column's band
        for i, edge in enumerate(leaving):
            tr, tc = slot[edge.target]
            start_x = x_of(c) + BOX_W * (i + 1) // (len(leaving) + 1)
            arriving = into[edge.target]
            end_x = x_of(tc) + BOX_W * (arriving.index(edge) + 1) // (len(arriving) + 1)
            run_y = bottom + gaps[r][0] + LANE * lane(("out", r))
            points = [(start_x, bottom), (start_x, run_y)]
            if tr == r:  # beside it: along the gap below, up into its bottom edge
                side_x = x_of(tc) + 10 + LANE * lane(("side", tc))
                points += [(side_x, run_y), (side_x, bottom)]
                text = label_lines[id(edge)]
                widest = max((text_width(t, 11) for t in text), default=0)
                label_x = min(start_x + 4, band_end - widest)
                picture.wires.append(Wire(edge, tuple(_dedupe(points)), text, (label_x, label_y)))
                label_y += LABEL_LINE * len(text)
                continue
            if tr == r + 1:
                enter_y = run_y
            else:
                enter_y = tops[tr] - 12 - LANE * lane(("in", tr))
                if tr > r:  # down the corridor left of the target's column
                    corridor = x_of(tc) - GAP_X // 2 + LANE * (lane(("corridor", tc)) % 9 - 4)
                else:  # back up the right-hand side
                    corridor = corridor_right + LANE * lane(("back", 0))
                points += [(corridor, run_y), (corridor, enter_y)]
            points += [(end_x, enter_y), (end_x, tops[tr])]
            text = label_lines[id(edge)]
            widest = max((text_width(t, 11) for t in text), default=0)
            label_x = min(start_x + 4, band_end - widest)
            picture.wires.append(Wire(edge, tuple(_dedupe(points)), text, (label_x, label_y)))
            label_y += LABEL_LINE * len(text)
    return picture


def _dedupe(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for point in points:
        if not out or out[-1] != point:
            out.append(point)
    return out


def to_dot(scenario: Scenario) -> str:
    lines = [
        f'digraph "{scenario.id}" {{',
        "  rankdir=TB;",
        '  node [shape=box, style="rounded,filled", fontcolor=white];',
    ]
    for node in scenario.nodes.values():
        k = kind(node)
        colour = OUTCOME_COLOURS.get(k, KIND_COLOURS.get(k, "#455a64"))
        label = f"{node.id}\\n{k}".replace('"', "'")
        lines.append(f'  "{node.id}" [label="{label}", fillcolor="{colour}"];')
    for edge in edges(scenario):
        lines.append(f'  "{edge.source}" -> "{edge.target}" [label="{_dot(edge.label)}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


LEGEND = "굵은 초록 선·테두리: 최고 점수 경로 (100점)   선 옆 글: 선택지 id 또는 번호와 조건"


def to_svg(scenario: Scenario, rubric: Rubric | None = None) -> str:
    picture = drawing(scenario, rubric)
    w, h = picture.width, picture.height
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"'
        " font-family=\"NanumGothic, 'Noto Sans KR', 'Malgun Gothic', sans-serif\">",
        f"<title>{_escape(scenario.title)}</title>",
        '<defs><marker id="arrow" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto">'
        f'<path d="M0,0 L8,4 L0,8 z" fill="{EDGE}"/></marker>'
        '<marker id="arrow-best" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto">'
        f'<path d="M0,0 L8,4 L0,8 z" fill="{BEST}"/></marker></defs>',
        f'<rect class="paper" width="{w}" height="{h}" fill="{PAPER}"/>',
        f'<text x="{MARGIN}" y="{MARGIN + 16}" font-size="18" font-weight="bold" fill="{TEXT}">'
        f"{_escape(picture.title)}</text>",
        f'<text x="{MARGIN}" y="{MARGIN + 38}" font-size="12" fill="#546e7a">{_escape(LEGEND)}</text>',
    ]
    for wire in sorted(picture.wires, key=lambda w: w.edge.best):
        colour, stroke = (BEST, 3) if wire.edge.best else (EDGE, 1.5)
        marker = "arrow-best" if wire.edge.best else "arrow"
        points = " ".join(f"{x},{y}" for x, y in wire.points)
        parts.append(
            f'<polyline class="edge" points="{points}" fill="none" stroke="{colour}" stroke-width="{stroke}"'
            f' stroke-linejoin="round" marker-end="url(#{marker})"/>'
        )
    for box in picture.boxes:
        outline = f' stroke="{BEST}" stroke-width="4"' if box.best else ""
        parts.append(
            f'<rect class="node" data-node="{_escape(box.node.id)}" x="{box.x}" y="{box.y}" width="{BOX_W}"'
            f' height="{BOX_H}" rx="8" fill="{box.colour}"{outline}/>'
            f'<text x="{box.x + 10}" y="{box.y + 22}" font-size="14" font-weight="bold" fill="#ffffff">'
            f"{_escape(box.title)}</text>"
        )
        for i, line in enumerate(box.lines):
            parts.append(
                f'<text x="{box.x + 10}" y="{box.y + 44 + 18 * i}" font-size="12" fill="#ffffff">'
                f"{_escape(line)}</text>"
            )
    for wire in picture.wires:
        x, y = wire.label_at
        for i, line in enumerate(wire.label_lines):
            top = y + LABEL_LINE * i
            parts.append(
                f'<rect class="label" x="{x - 2}" y="{top}" width="{text_width(line, 11)}" height="{LABEL_LINE - 1}"'
                f' fill="{PAPER}" opacity="0.9"/>'
                f'<text x="{x + 2}" y="{top + 10}" font-size="11" fill="{BEST if wire.edge.best else TEXT}">'
                f"{_escape(line)}</text>"
            )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
