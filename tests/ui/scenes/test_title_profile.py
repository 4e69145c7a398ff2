import pygame

from game.ui.scenes.play import PlayScene
from game.ui.scenes.select import SelectScene
from game.ui.scenes.title_profile import TitleScene
from game.ui.theme import NORMAL
from tests.ui.helpers import colours, make_app, press, region


def start(app, then=None):
    scene = TitleScene(app.ctx, then=then)
    app.start(scene)
    app.step(0.0)
    return scene


def test_a_korean_name_is_composed_then_created():
    app = make_app(profile=None)
    scene = start(app)
    empty = region(app, scene.input.rect)
    pygame.event.post(pygame.event.Event(pygame.TEXTEDITING, text="ㄱ", start=0, length=1))
    app.step(0.0)
    assert scene.input.composition == "ㄱ"
    assert region(app, scene.input.rect) != empty
    pygame.event.post(pygame.event.Event(pygame.TEXTEDITING, text="김", start=0, length=1))
    app.step(0.0)
    assert NORMAL.accent in colours(app, scene.input.rect)
    press(app, pygame.K_RETURN)  # Enter while composing does not create half a name
    assert app.ctx.progress.profiles() == []
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="김"))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="하늘"))
    press(app, pygame.K_RETURN)
    assert app.ctx.progress.profiles() == ["김하늘"]
    assert app.ctx.profile == "김하늘"
    assert isinstance(app.stack.top, SelectScene)


def test_existing_profile_by_keys_and_straight_into_a_scenario():
    app = make_app(profile=None)
    app.ctx.progress.create_profile("이수진")
    start(app, then="phone-late-delivery")
    press(app, pygame.K_RETURN)
    assert app.ctx.profile == "이수진"
    assert isinstance(app.stack.top, PlayScene)


def test_duplicate_name_shows_the_error_and_backspace_edits():
    app = make_app(profile=None)
    scene = start(app)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="  "))
    press(app, pygame.K_RETURN)
    assert scene.error == "" and app.ctx.progress.profiles() == []
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="가나다"))
    press(app, pygame.K_BACKSPACE)
    assert scene.input.text == "  가나"


def test_escape_quits():
    app = make_app(profile=None)
    start(app)
    press(app, pygame.K_ESCAPE)
    assert not app.running
