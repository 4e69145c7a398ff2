"""The window: resize keeps the layout in step, fullscreen toggles, notices show once."""

import pygame

from game.ui.layout import Layout
from game.ui.scenes.play import CHOICES
from tests.ui.helpers import centre, click, make_app, play_scene, press, region


def test_resize_rescales_layout_and_clicks_still_land():
    app = make_app()
    scene = play_scene(app)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1024, h=576, size=(1024, 576)))
    app.step(0.0)
    assert app.surface.get_size() == (1024, 576)
    assert app.ctx.layout == Layout(1024, 576)
    click(app, centre(scene.menu.buttons[2].rect))
    assert scene.session.decisions[0].number == 3


def test_draws_from_the_smallest_window_to_4k():
    for size in ((1024, 576), (1920, 1080), (3840, 2160), (1600, 1200)):
        app = make_app(size=size)
        play_scene(app)
        assert app.surface.get_size() == size
        assert len(set(region(app, CHOICES))) > 1


def test_f11_toggles_fullscreen_and_saves_it():
    app = make_app()
    play_scene(app)
    press(app, pygame.K_F11)
    assert app.ctx.settings.fullscreen is True
    assert app.ctx.progress.saved_settings[-1]["fullscreen"] is True
    press(app, pygame.K_F11)
    assert app.ctx.settings.fullscreen is False
    assert app.surface.get_size() == (1280, 720)


def test_a_notice_is_shown_once_then_goes():
    app = make_app()
    play_scene(app)
    app.ctx.notify("소리 장치가 없어 자막으로 진행합니다.")
    app.ctx.notify("소리 장치가 없어 자막으로 진행합니다.")
    app.step(0.0)
    assert app.toast and app.ctx.notices == []
    app.step(6.0)
    app.step(0.0)
    assert app.toast is None


def test_window_close_stops_the_loop():
    app = make_app()
    play_scene(app)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert app.step(0.0) is False


def test_a_notice_leaves_the_title_of_each_screen_clear():
    """The voice-outage notice used to cover the scenario's title; each screen now says where it goes."""
    from game.ui.scenes.select import SelectScene
    from game.ui.scenes.title_profile import TitleScene

    message = (
        "소리 장치를 열 수 없어 음성 없이 자막으로 진행합니다. 스피커나 헤드폰을 연결한 뒤 다시 시작하세요."
    )
    screens = {
        "play": (lambda app: play_scene(app), (16, 12, 560, 40)),
        "select": (lambda app: app.start(SelectScene(app.ctx)), (16, 12, 480, 44)),
        "title": (lambda app: app.start(TitleScene(app.ctx)), (0, 40, 1280, 126)),
    }
    for name, (open_screen, title) in screens.items():
        app = make_app()
        open_screen(app)
        app.step(0.0)
        before, area = region(app, title), region(app, app.stack.top.notice_area)
        app.ctx.notify(message)
        app.step(0.0)
        assert app.toast == message
        assert region(app, title) == before, f"the notice covers the title of {name}"
        assert region(app, app.stack.top.notice_area) != area  # and it is shown
