import pygame

from game.scenario.diagnostics import Diagnostic, Pos
from game.ui.scenes.reload_errors import FOOT, HEAD, PANEL, SHOWN, ReloadErrorsScene
from game.ui.scenes.select import SelectScene
from game.ui.widgets.text import flow_scale, measure
from tests.ui.helpers import make_app, press


def errors(count):
    path = "/tmp/훈련/시나리오/아주-긴-폴더-이름/phone/late-delivery-call.yaml"
    return [
        Diagnostic(
            "E201", f"start node 'ring{i}' does not exist", "did you mean 'ring'?", Pos(path, 20 + i, 8)
        )
        for i in range(count)
    ]


def test_the_first_errors_are_listed_whole_and_the_rest_counted():
    app = make_app()
    app.start(SelectScene(app.ctx))
    scene = ReloadErrorsScene(app.ctx, errors(SHOWN + 3))
    app.stack.push(scene)
    app.step(0.0)
    blocks = scene.blocks()
    assert [b.text for b in blocks[:SHOWN]] == [d.format() for d in errors(SHOWN)]
    assert blocks[-1].text.startswith("외 3개")
    _x, _y, w, h = scene.panel(blocks)
    room = h - HEAD - FOOT
    factor = flow_scale(app.ctx, blocks, w - 56, room)
    used = sum(b.gap * factor + measure(app.ctx, b.text, w - 56, b.size * factor) for b in blocks)
    assert used <= room  # wrapped and fitted: nothing cut
    one = ReloadErrorsScene(app.ctx, errors(1))
    assert one.panel(one.blocks())[3] < h <= PANEL[3]  # the panel fits its lines


def test_any_key_closes_the_panel():
    app = make_app()
    below = SelectScene(app.ctx)
    app.start(below)
    app.stack.push(ReloadErrorsScene(app.ctx, errors(1)))
    app.step(0.0)
    press(app, pygame.K_SPACE)
    assert app.stack.top is below
