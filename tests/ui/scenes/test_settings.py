"""Settings change at once, are saved through progress and come back on the next start."""

import pygame

from game.ui.scenes.settings import ROWS, SettingsScene, changed
from game.ui.settings import Settings
from game.ui.theme import HIGH_CONTRAST, NORMAL
from tests.ui.fakes import FakeProgress
from tests.ui.helpers import centre, click, make_app, play_scene, press


def open_settings(app):
    scene = SettingsScene(app.ctx)
    app.stack.push(scene)
    app.step(0.0)
    return scene


def go_to(app, scene, row):
    while scene.focus >= len(ROWS) or ROWS[scene.focus] != row:
        press(app, pygame.K_DOWN)


def test_high_contrast_applies_at_once_and_is_saved():
    app = make_app()
    play_scene(app)
    assert app.surface.get_at((2, 2))[:3] == NORMAL.background
    scene = open_settings(app)
    go_to(app, scene, "high_contrast")
    press(app, pygame.K_RIGHT)
    assert app.ctx.theme is HIGH_CONTRAST
    assert app.surface.get_at((2, 2))[:3] == HIGH_CONTRAST.background
    assert app.ctx.progress.saved_settings[-1]["high_contrast"] is True


def test_language_switches_the_interface_strings():
    app = make_app()
    scene = open_settings(app)
    go_to(app, scene, "language")
    press(app, pygame.K_RETURN)
    assert app.ctx.t("pause.resume") == "Resume"
    assert app.ctx.progress.saved_settings[-1]["language"] == "en"


def test_font_scale_and_volume_change_by_steps():
    app = make_app()
    scene = open_settings(app)
    before = app.ctx.size(20)
    go_to(app, scene, "font_scale")
    press(app, pygame.K_RIGHT)
    assert app.ctx.size(20) > before
    go_to(app, scene, "master_volume")
    press(app, pygame.K_LEFT)
    assert app.ctx.settings.master_volume == 0.7
    assert scene.value_text("master_volume") == "70%"


def test_clicking_a_row_changes_it_and_back_closes():
    app = make_app()
    scene = open_settings(app)
    x, y, w, h = scene._row_rect(ROWS.index("subtitles"))
    click(app, (x + w - 20, y + h / 2))
    assert app.ctx.settings.subtitles is False
    click(app, centre(scene._back().rect))
    assert app.stack.top is not scene


def test_saved_settings_are_loaded_on_the_next_start():
    progress = FakeProgress()
    progress.save_settings(changed(Settings(), "high_contrast", +1).to_dict())
    app = make_app(progress=progress, settings=Settings.from_dict(progress.load_settings()))
    assert app.ctx.theme is HIGH_CONTRAST


def test_text_speed_instant_shows_the_whole_line():
    app = make_app()
    scene = open_settings(app)
    go_to(app, scene, "text_speed")
    for _ in range(3):
        press(app, pygame.K_RIGHT)
    assert app.ctx.settings.text_speed == 0.0
    assert scene.value_text("text_speed") == "즉시"
    play = play_scene(app)
    assert play.typewriter.done
