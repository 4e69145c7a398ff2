import pygame

from game.engine.session import play
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.select import SelectScene
from tests.ui.helpers import library, make_app, press, region


def debrief(app, choices=(1, 2, 1, 1, 1, 1)):
    scenario = library().get("phone-late-delivery")
    rubric = library().rubric_for(scenario)
    session = play(scenario, rubric, list(choices))
    scene = DebriefScene(app.ctx, scenario, rubric, session, session.result())
    app.start(scene)
    app.step(0.0)
    return scene


def test_shows_the_engine_result_and_scrolls():
    app = make_app()
    scene = debrief(app)
    assert scene.result.decisions[1].is_best is False
    blocks = scene.entry_blocks(1)
    assert any(b.text.startswith("더 나은 응대") for b in blocks)
    top = region(app, (848, 64, 416, 570))
    press(app, pygame.K_DOWN)
    assert scene.scroll == 1 and region(app, (848, 64, 416, 570)) != top


def test_retry_next_and_menu():
    app = make_app()
    debrief(app)
    press(app, pygame.K_r)
    assert isinstance(app.stack.top, PlayScene) and app.stack.top.scenario.id == "phone-late-delivery"
    debrief(app)
    press(app, pygame.K_n)
    assert isinstance(app.stack.top, PlayScene) and app.stack.top.scenario.id != "phone-late-delivery"
    debrief(app)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, SelectScene)


def test_english_interface_keeps_the_korean_content():
    app = make_app()
    app.ctx.apply_settings(app.ctx.settings.__class__(language="en"))
    scene = debrief(app)
    assert app.ctx.t("debrief.fail") == "Not passed"
    assert scene._title(app.ctx.library.get("phone-late-delivery")).startswith("A complaint call")
