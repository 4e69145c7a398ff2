"""`eungdae new` and `eungdae graph`: start a scenario from a template, and draw its branching."""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from pathlib import Path

from game.authoring.diagram import to_dot, to_svg
from game.cli.output import write_output
from game.resources import FONTS, TEMPLATES
from game.scenario.diagnostics import ScenarioError
from game.scenario.library import BUILTIN_SCENARIOS, load_one
from game.scenario.model import Scenario
from game.scenario.rubric import Rubric
from game.scenario.schema import ID_PATTERN

TEMPLATE_NAMES = ("face_to_face", "phone", "difficult")
TEMPLATE_SCHEMA_LINE = "# yaml-language-server: $schema=../scenario.schema.json"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="템플릿으로 새 시나리오 만들기")
    p.add_argument("id", help="the new scenario's id (lower-case, - and _)")
    p.add_argument("--template", choices=TEMPLATE_NAMES, default="face_to_face")
    p.add_argument("-o", "--output", help="file to write (default: print)")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("graph", help="시나리오 분기도 그리기 (.svg, .png, .dot)")
    p.add_argument("scenario", help="scenario id or file")
    p.add_argument("-o", "--output", required=True, help="FILE.svg, FILE.png or FILE.dot")
    p.set_defaults(func=cmd_graph)


def cmd_new(args: argparse.Namespace) -> int:
    if not re.match(ID_PATTERN, args.id):
        print(
            f"error: '{args.id}' is not a valid id — use lower-case letters, digits, '-' and '_'",
            file=sys.stderr,
        )
        return 2
    text = (TEMPLATES / f"{args.template}.yaml").read_text(encoding="utf-8").replace("__ID__", args.id)
    target = Path(args.output) if args.output else Path.cwd() / "new.yaml"
    text = text.replace(
        TEMPLATE_SCHEMA_LINE, f"# yaml-language-server: $schema={schema_reference(target)}", 1
    )
    if not args.output:
        sys.stdout.write(text)
        return 0
    if target.exists():
        print(f"error: {target} already exists — choose another file name", file=sys.stderr)
        return 1
    problem = write_output(target, text)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    print(f"wrote {target} — edit it, then: eungdae lint --strict {target}")
    return 0


def schema_reference(target: Path) -> str:
    """The schema as the editor finds it from where the file goes: relative (it works in a clone on any
    machine), or a file URI where no relative path exists (another drive on Windows)."""
    schema = BUILTIN_SCENARIOS / "scenario.schema.json"
    try:
        return Path(os.path.relpath(schema, target.resolve().parent)).as_posix()
    except ValueError:
        return schema.as_uri()


def cmd_graph(args: argparse.Namespace) -> int:
    try:
        scenario, rubric = load_one(args.scenario)
    except ScenarioError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
        return 1
    target = Path(args.output)
    suffix = target.suffix.lower()
    if suffix == ".dot":
        data: str | bytes = to_dot(scenario)
    elif suffix == ".svg":
        data = to_svg(scenario, rubric)
    elif suffix == ".png":
        data = render_png(scenario, rubric)
    else:
        print(f"error: cannot write '{suffix}' — use .svg, .png or .dot", file=sys.stderr)
        return 2
    problem = write_output(target, data)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    return 0


def render_png(scenario: Scenario, rubric: Rubric) -> bytes:
    """The SVG's drawing painted with pygame and the bundled Korean font, as PNG bytes."""
    import pygame

    from game.authoring import diagram as d

    pygame.font.init()
    picture = d.drawing(scenario, rubric)
    surface = pygame.Surface((picture.width, picture.height))
    surface.fill(pygame.Color(d.PAPER))

    def font(size: int, bold: bool = False) -> pygame.font.Font:
        return pygame.font.Font(str(FONTS / ("NanumGothicBold.ttf" if bold else "NanumGothic.ttf")), size)

    title, legend, head, body, small = font(18, True), font(12), font(14, True), font(12), font(11)
    surface.blit(title.render(picture.title, True, pygame.Color(d.TEXT)), (d.MARGIN, d.MARGIN))
    surface.blit(legend.render(d.LEGEND, True, pygame.Color("#546e7a")), (d.MARGIN, d.MARGIN + 26))
    for wire in sorted(picture.wires, key=lambda w: w.edge.best):
        colour = pygame.Color(d.BEST if wire.edge.best else d.EDGE)
        pygame.draw.lines(surface, colour, False, wire.points, 3 if wire.edge.best else 2)
        x, y = wire.points[-1]
        pygame.draw.polygon(surface, colour, [(x - 5, y - 9), (x + 5, y - 9), (x, y)])
    for box in picture.boxes:
        rect = pygame.Rect(box.x, box.y, d.BOX_W, d.BOX_H)
        pygame.draw.rect(surface, pygame.Color(box.colour), rect, border_radius=8)
        if box.best:
            pygame.draw.rect(surface, pygame.Color(d.BEST), rect.inflate(6, 6), width=4, border_radius=10)
        surface.blit(head.render(box.title, True, (255, 255, 255)), (box.x + 10, box.y + 8))
        for i, line in enumerate(box.lines):
            surface.blit(body.render(line, True, (255, 255, 255)), (box.x + 10, box.y + 32 + 18 * i))
    for wire in picture.wires:
        x, y = wire.label_at
        colour = pygame.Color(d.BEST if wire.edge.best else d.TEXT)
        for i, line in enumerate(wire.label_lines):
            text = small.render(line, True, colour)
            top = y + d.LABEL_LINE * i
            surface.fill(pygame.Color(d.PAPER), (x - 2, top, text.get_width() + 4, d.LABEL_LINE - 1))
            surface.blit(text, (x, top))
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "graph.png")
    return buffer.getvalue()
