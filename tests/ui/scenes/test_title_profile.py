import pygame

from game.ui.scenes.play import PlayScene
from game.ui.scenes.select import SelectScene
from game.ui.scenes.title_profile import TitleScene
from game.ui.theme import NORMAL
from tests.ui.helpers import centre, click, colours, make_app, onboarding, press, region


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


def many_profiles(count=11):
    app = make_app(profile=None)
    for i in range(count):
        app.ctx.progress.create_profile(f"교육생{i + 1:02d}")
    return app


def shown(scene):
    return [b.label for b in scene.menu.buttons if b.action.startswith("profile:")]


def test_more_than_eight_profiles_scroll_by_arrow_keys():
    app = many_profiles()
    scene = start(app)
    assert shown(scene) == [f"교육생{i:02d}" for i in range(1, 9)]
    for _ in range(8):
        press(app, pygame.K_DOWN)
    assert shown(scene)[0] == "교육생05" and scene.menu.buttons[scene.menu.focus].label == "교육생09"
    for _ in range(2):
        press(app, pygame.K_DOWN)
    assert shown(scene)[-1] == scene.menu.buttons[scene.menu.focus].label == "교육생11"
    press(app, pygame.K_DOWN)  # past the last profile: on to the buttons below
    assert scene.menu.buttons[scene.menu.focus].action == "settings"
    press(app, pygame.K_UP)
    press(app, pygame.K_RETURN)
    assert app.ctx.profile == "교육생11"


def test_page_keys_and_the_wheel_scroll_and_clicks_pick_what_is_shown():
    app = many_profiles()
    scene = start(app)
    press(app, pygame.K_PAGEDOWN)
    assert shown(scene)[0] == "교육생05"
    press(app, pygame.K_PAGEDOWN)  # already at the end
    assert shown(scene)[0] == "교육생05"
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False))
    app.step(0.0)
    assert shown(scene)[0] == "교육생01"
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    app.step(0.0)
    assert shown(scene) == [f"교육생{i:02d}" for i in range(5, 12)]
    click(app, centre(scene.menu.buttons[6].rect))
    assert app.ctx.profile == "교육생11"


def test_eight_or_fewer_do_not_scroll():
    app = many_profiles(8)
    scene = start(app)
    press(app, pygame.K_PAGEDOWN)
    assert shown(scene)[0] == "교육생01" and len(shown(scene)) == 8


def test_the_session_name_and_date_are_on_the_title(tmp_path):
    plain = make_app(profile=None)
    start(plain)
    line = region(plain, (100, 164, 1080, 30))
    app = make_app(profile=None, onboarding=onboarding(tmp_path))
    start(app)
    assert region(app, (100, 164, 1080, 30)) != line
    assert NORMAL.accent in colours(app, (100, 164, 1080, 30))


def _still_loading(app):
    """The app as ``python main.py`` starts it: no library yet, its load held until released."""
    from tests.ui.fakes import HeldLoad

    load = HeldLoad(app.ctx.library)
    app.ctx.library, app.ctx.loading = None, load
    return load


def test_the_title_takes_a_name_before_the_library_is_loaded_and_select_follows_it():
    from game.ui.scenes.loading import LoadingScene

    app = make_app(profile=None)
    load = _still_loading(app)
    arrived = []
    app.ctx.on_library = arrived.append
    scene = start(app)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="박서연"))
    app.step(0.0)
    assert scene.input.text == "박서연" and app.ctx.library is None
    press(app, pygame.K_RETURN)
    assert app.ctx.progress.profiles() == ["박서연"] and app.ctx.profile == "박서연"
    assert isinstance(app.stack.top, LoadingScene)  # "불러오는 중…" while the files are read
    app.step(0.1)
    assert isinstance(app.stack.top, LoadingScene) and app.ctx.library is None
    load.released = True
    app.step(0.0)
    assert app.ctx.library is load.library and app.ctx.progress.library is load.library
    assert arrived == [load.library]
    assert isinstance(app.stack.top, SelectScene)
    press(app, pygame.K_DOWN)  # the select screen works on the library that arrived
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, PlayScene)


def test_a_scenario_asked_for_opens_once_the_library_arrives():
    app = make_app(profile=None)
    load = _still_loading(app)
    app.ctx.progress.create_profile("이수진")
    start(app, then="phone-late-delivery")
    press(app, pygame.K_RETURN)
    load.released = True
    app.step(0.0)
    assert isinstance(app.stack.top, PlayScene) and app.stack.top.scenario.id == "phone-late-delivery"


def test_a_space_in_a_new_name_is_typed_and_never_presses_a_button():
    """Space used to reach the focused button (settings, with no profiles yet) while typing a name."""
    from game.ui.scenes.settings import SettingsScene

    app = make_app(profile=None)
    scene = start(app)
    for text in ("김", " ", "하늘"):
        if text == " ":
            press(app, pygame.K_SPACE, unicode=" ")
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
        app.step(0.0)
    assert app.stack.top is scene and not app.stack.find(SettingsScene)
    assert scene.input.text == "김 하늘"
    press(app, pygame.K_RETURN)
    assert app.ctx.progress.profiles() == ["김 하늘"]
