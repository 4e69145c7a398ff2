"""`eungdae new` gives a trainer a scenario that already passes lint; `eungdae graph` draws one."""

from __future__ import annotations

import re

import pygame
import pytest

from game.cli import main
from game.scenario.library import PROJECT_ROOT, load_library


@pytest.mark.parametrize("template", ["face_to_face", "phone", "difficult"])
def test_new_from_each_template_is_valid_and_lint_clean(tmp_path, template, capsys):
    target = tmp_path / "mine.yaml"
    assert main(["new", "my-first", "--template", template, "-o", str(target)]) == 0
    assert main(["lint", "--strict", str(target)]) == 0
    library = load_library([str(target)])
    assert [s.id for s in library.scenarios] == ["my-first"]
    assert main(["new", "my-first", "-o", str(target)]) == 1  # never overwrites
    assert "already exists" in capsys.readouterr().err


def test_new_refuses_a_bad_id(capsys):
    assert main(["new", "My Scenario"]) == 2
    assert "not a valid id" in capsys.readouterr().err


def test_the_authoring_guide_example_is_a_valid_lint_clean_scenario(tmp_path):
    page = (PROJECT_ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", page, re.S).group(1)
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    assert main(["lint", "--strict", str(path)]) == 0


def test_graph_writes_dot_svg_and_png(tmp_path, capsys):
    for suffix in ("dot", "svg", "png"):
        assert main(["graph", "phone-late-delivery", "-o", str(tmp_path / f"g.{suffix}")]) == 0
    dot = (tmp_path / "g.dot").read_text(encoding="utf-8")
    assert '"ring" -> "complaint" [label="full-greeting; hello; name-only"];' in dot  # ids, as in play
    svg = (tmp_path / "g.svg").read_text(encoding="utf-8")
    assert svg.count('<rect class="node"') == 16  # one box per node
    image = pygame.image.load(str(tmp_path / "g.png"))
    assert image.get_width() > 500 and image.get_height() > 200
    assert main(["graph", "phone-late-delivery", "-o", str(tmp_path / "g.txt")]) == 2


def test_new_points_the_schema_line_at_the_schema_from_where_the_file_goes(tmp_path):
    from game.cli.scaffold import schema_reference
    from game.scenario.library import BUILTIN_SCENARIOS

    assert schema_reference(BUILTIN_SCENARIOS / "phone" / "new.yaml") == "../scenario.schema.json"
    target = tmp_path / "deep" / "er" / "mine.yaml"
    assert main(["new", "my-first", "--template", "phone", "-o", str(target)]) == 0
    first = target.read_text(encoding="utf-8").splitlines()[0]
    reference = first.removeprefix("# yaml-language-server: $schema=")
    assert reference.startswith("../") and reference.endswith("scenarios/scenario.schema.json")
    assert (target.parent / reference).resolve() == (BUILTIN_SCENARIOS / "scenario.schema.json").resolve()
