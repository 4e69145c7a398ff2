import pygame

from game.progress.port import Recommendation
from game.scenario.model import CATEGORIES
from game.ui.scenes.play import PlayScene
from game.ui.scenes.select import SelectScene
from tests.ui.fakes import FakeProgress
from tests.ui.helpers import centre, click, make_app, press


def start(app, selected=None):
    scene = SelectScene(app.ctx, selected=selected)
    app.start(scene)
    app.step(0.0)
    return scene


def test_categories_and_rows_by_keys():
    app = make_app()
    scene = start(app)
    assert CATEGORIES[scene.category] == "face_to_face"
    press(app, pygame.K_RIGHT)
    assert CATEGORIES[scene.category] == "phone"
    assert all(s.category == "phone" for s in scene.in_category())
    press(app, pygame.K_DOWN)
    assert scene.index == 1
    press(app, pygame.K_LEFT)
    press(app, pygame.K_LEFT)
    assert CATEGORIES[scene.category] == "difficult_customer"


def test_row_shows_type_difficulty_best_and_completion():
    app = make_app()
    scene = start(app, selected="phone-late-delivery")
    detail = scene.row_detail(scene.current)
    assert "빨리빨리형" in detail and "★★☆" in detail and "기록 없음" in detail
    press(app, pygame.K_RETURN)
    play = app.stack.top
    for number in (1, 1, 1, 1):
        press(app, pygame.K_SPACE)
        press(app, getattr(pygame, f"K_{number}"))
        press(app, pygame.K_RETURN)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="감사합니다"))
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_SPACE)
    press(app, pygame.K_RETURN)
    assert play.session.finished
    press(app, pygame.K_ESCAPE)  # debrief → menu
    again = app.stack.top
    assert isinstance(again, SelectScene)
    detail = again.row_detail(app.ctx.library.get("phone-late-delivery"))
    assert "최고" in detail and "1회" in detail


def test_recommendations_and_mode_toggle():
    progress = FakeProgress([Recommendation("phone-bad-line", "약한 원칙: 정중하게 되묻기")])
    app = make_app(progress=progress)
    scene = start(app)
    assert scene.recommendations[0].scenario_id == "phone-bad-line"
    press(app, pygame.K_m)
    assert app.ctx.mode == "exam"
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, PlayScene) and app.stack.top.mode == "exam"


def test_click_a_row_then_click_it_again_to_start():
    app = make_app()
    scene = start(app)
    click(app, centre(scene._row_rect(1)))
    assert scene.index == 1
    click(app, centre(scene._row_rect(1)))
    assert isinstance(app.stack.top, PlayScene)
    assert app.stack.top.scenario.id == scene.in_category()[1].id
