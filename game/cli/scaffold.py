"""`eungdae new` and `eungdae graph`: start a scenario from a template, and draw its branching."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from game.authoring.diagram import BOX_H, BOX_W, edges, layout, to_dot, to_svg
from game.scenario.diagnostics import ScenarioError
from game.scenario.library import BUILTIN_SCENARIOS, load_one
from game.scenario.model import Scenario
from game.scenario.schema import ID_PATTERN

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
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
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
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
        scenario, _ = load_one(args.scenario)
    except ScenarioError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
        return 1
    target = Path(args.output)
    suffix = target.suffix.lower()
    if suffix == ".dot":
        target.write_text(to_dot(scenario), encoding="utf-8")
    elif suffix == ".svg":
        target.write_text(to_svg(scenario), encoding="utf-8")
    elif suffix == ".png":
        render_png(scenario, target)
    else:
        print(f"error: cannot write '{suffix}' — use .svg, .png or .dot", file=sys.stderr)
        return 2
    print(f"wrote {target}")
    return 0


def render_png(scenario: Scenario, target: Path) -> None:
    """The same layout as the SVG, drawn with pygame and the bundled Korean font."""
    import pygame

    from game.scenario.library import PROJECT_ROOT

    pygame.font.init()
    boxes, width, height = layout(scenario)
    at = {b.node.id: b for b in boxes}
    surface = pygame.Surface((width, height))
    surface.fill((250, 250, 250))
    fonts = PROJECT_ROOT / "assets" / "fonts"
    bold = pygame.font.Font(str(fonts / "NanumGothicBold.ttf"), 14)
    regular = pygame.font.Font(str(fonts / "NanumGothic.ttf"), 13)
    for edge in edges(scenario):
        a, b = at[edge.source], at[edge.target]
        start = (a.x + BOX_W, a.y + BOX_H // 2)
        end = (b.x, b.y + BOX_H // 2)
        pygame.draw.line(surface, (144, 164, 174), start, end, 2)
        pygame.draw.circle(surface, (96, 125, 139), end, 4)
        if edge.label:
            text = regular.render(edge.label, True, (55, 71, 79))
            surface.blit(text, ((start[0] + end[0]) // 2, (start[1] + end[1]) // 2 - 16))
    for box in boxes:
        pygame.draw.rect(surface, pygame.Color(box.colour), (box.x, box.y, BOX_W, BOX_H), border_radius=8)
        surface.blit(bold.render(box.label, True, (255, 255, 255)), (box.x + 10, box.y + 10))
        surface.blit(regular.render(box.detail, True, (255, 255, 255)), (box.x + 10, box.y + 34))
    pygame.image.save(surface, str(target))
