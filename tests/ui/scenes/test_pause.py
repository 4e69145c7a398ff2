import pygame

from game.ui.scenes.pause import PauseScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.select import SelectScene
from game.ui.scenes.settings import SettingsScene
from tests.ui.helpers import make_app, play_scene, press


def open_pause(app):
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, PauseScene)
    return app.stack.top


def test_escape_pauses_and_the_clock_stops():
    app = make_app()
    scene = play_scene(app)
    app.step(1.0)
    open_pause(app)
    app.step(30.0)
    assert scene.session.waited() == 1.0
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is scene


def test_resume_is_the_first_item():
    app = make_app()
    scene = play_scene(app)
    open_pause(app)
    press(app, pygame.K_RETURN)
    assert app.stack.top is scene


def test_restart_starts_over_and_drops_the_autosave():
    app = make_app()
    scene = play_scene(app)
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    open_pause(app)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    fresh = app.stack.top
    assert isinstance(fresh, PlayScene) and fresh is not scene
    assert fresh.session.decisions == [] and len(app.stack.scenes) == 1
    assert app.ctx.progress.resumable("테스트") is None


def test_settings_from_pause_and_back():
    app = make_app()
    play_scene(app)
    pause = open_pause(app)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, SettingsScene)
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is pause


def test_quit_to_menu_keeps_the_play_resumable():
    app = make_app()
    play_scene(app)
    press(app, pygame.K_2)
    press(app, pygame.K_RETURN)
    open_pause(app)
    press(app, pygame.K_UP)  # wraps to the last item: quit
    press(app, pygame.K_RETURN)
    select = app.stack.top
    assert isinstance(select, SelectScene) and len(app.stack.scenes) == 1
    assert select.saved is not None
    press(app, pygame.K_r, mod=pygame.KMOD_CTRL)
    resumed = app.stack.top
    assert isinstance(resumed, PlayScene)
    assert [d.number for d in resumed.session.decisions] == [2]
