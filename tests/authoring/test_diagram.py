"""The graph a trainer reads: valid SVG, one box per node, no box over another, labels clear of boxes,
the best path marked, options named as in play, conditions as text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from game.authoring.diagram import BOX_H, BOX_W, drawing, edges, to_svg
from game.scenario.library import load_library, load_one

SVG = "{http://www.w3.org/2000/svg}"


def generated(folder: Path, decisions: int = 30, endings: int = 10) -> Path:
    """A scenario of decisions + endings nodes: each decision goes on, skips one, or ends."""
    lines = [
        "id: generated-forty",
        "title: 생성된 마흔 개 노드",
        "category: phone",
        "customer: {name: 손님}",
        "start: n0",
        "nodes:",
    ]
    for i in range(decisions):
        targets = [f"n{i + 1}" if i + 1 < decisions else f"e{i % endings}", f"e{i % endings}"]
        if i + 2 < decisions:
            targets.append(f"n{i + 2}")
        lines += [f"  n{i}:", f"    customer: {i}번째 질문입니다. 어떻게 하시겠어요?", "    choices:"]
        for k, target in enumerate(targets):
            lines += [
                f"      - id: go-{k}",
                f"        say: {i}번 상황에서 {k}번째로 답합니다.",
                f"        next: {target}",
            ]
    for e in range(endings):
        outcome = ("delighted", "satisfied", "neutral", "lost", "escalated")[e % 5]
        lines += [f"  e{e}:", f"    customer: 끝 {e}", f"    ending: {{outcome: {outcome}}}"]
    path = folder / "generated.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rects(root: ET.Element, cls: str) -> list[tuple[float, float, float, float]]:
    return [
        tuple(float(r.get(k)) for k in ("x", "y", "width", "height"))
        for r in root.iter(f"{SVG}rect")
        if r.get("class") == cls
    ]


def overlap(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_a_forty_node_scenario_draws_as_valid_svg_with_no_overlapping_boxes(tmp_path):
    library = load_library([str(generated(tmp_path))])
    assert not library.errors, [d.format() for d in library.errors]
    (scenario,) = library.scenarios
    assert len(scenario.nodes) == 40
    root = ET.fromstring(to_svg(scenario, library.rubric_for(scenario)))  # raises if not well-formed XML
    assert root.tag == f"{SVG}svg"
    boxes = rects(root, "node")
    assert len(boxes) == 40
    assert {r.get("data-node") for r in root.iter(f"{SVG}rect") if r.get("class") == "node"} == set(
        scenario.nodes
    )
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not overlap(a, b), (a, b)
    for label in rects(root, "label"):
        assert not any(overlap(label, box) for box in boxes), label
    width, height = float(root.get("width")), float(root.get("height"))
    assert all(x >= 0 and y >= 0 and x + w <= width and y + h <= height for x, y, w, h in boxes)
    assert height > width  # it grows downwards and wraps, not into a strip
    assert width < 1400


def crosses(segment, box) -> bool:
    """A horizontal or vertical segment passes through the inside of a box (touching an edge is fine)."""
    (x1, y1), (x2, y2) = segment
    bx, by, bw, bh = box
    inside_x = max(min(x1, x2), bx) < min(max(x1, x2), bx + bw) or bx < x1 < bx + bw
    inside_y = max(min(y1, y2), by) < min(max(y1, y2), by + bh) or by < y1 < by + bh
    return inside_x and inside_y


def test_no_edge_runs_under_a_box(tmp_path):
    library = load_library([str(generated(tmp_path))])
    (scenario,) = library.scenarios
    picture = drawing(scenario, library.rubric_for(scenario))
    boxes = [(b.x, b.y, BOX_W, BOX_H) for b in picture.boxes]
    for wire in picture.wires:
        for segment in zip(wire.points, wire.points[1:], strict=False):
            assert not any(crosses(segment, box) for box in boxes), (wire.edge, segment)
    # the check itself: through a box counts, ending at its top edge or passing beside it does not
    assert crosses(((10, 50), (10, 150)), (0, 100, 20, 20))
    assert not crosses(((10, 50), (10, 100)), (0, 100, 20, 20))
    assert not crosses(((30, 50), (30, 150)), (0, 100, 20, 20))


def test_best_path_options_and_conditions_are_shown_as_in_play():
    scenario, rubric = load_one("phone-late-delivery")
    picture = drawing(scenario, rubric)
    best = [w.edge for w in picture.wires if w.edge.best]
    assert [(e.source, e.target) for e in best][:2] == [("ring", "complaint"), ("complaint", "listen")]
    assert {b.node.id for b in picture.boxes if b.best} >= {
        "ring",
        "complaint",
        "listen",
        "solve",
        "delighted",
    }
    labels = {(e.source, e.target): e.label for e in edges(scenario)}
    assert labels[("ring", "complaint")] == "full-greeting; hello; name-only"  # option ids, as authored
    assert "mood >= 1" in labels[("solve", "report")] and "not blamed_courier" in labels[("solve", "report")]
    assert "else" in labels[("solve", "doubtful")]
