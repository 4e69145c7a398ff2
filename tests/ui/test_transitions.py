"""Where a chosen profile leads, and that every kind of scene can be built by the app's factory."""

from game.ui.scenes import SCENES, build
from game.ui.transitions import Replace, SceneKind, first_screen
from tests.ui.helpers import library, make_app


def test_first_screen_is_the_asked_scenario_else_select():
    lib = library()
    found = first_screen(lib, "phone-late-delivery")
    assert found.kind is SceneKind.PLAY and found.args["scenario"].id == "phone-late-delivery"
    assert first_screen(lib, "no-such-scenario") == Replace(SceneKind.SELECT)
    assert first_screen(lib, None) == Replace(SceneKind.SELECT)


def test_the_factory_knows_every_kind_and_builds_the_named_scene():
    assert set(SCENES) == set(SceneKind)
    app = make_app()
    for kind in (SceneKind.TITLE, SceneKind.SELECT, SceneKind.PAUSE, SceneKind.SETTINGS):
        scene = build(app.ctx, kind, {})
        assert scene.name == kind.value
    lib = library()
    found = lib.get("phone-late-delivery")
    play = build(app.ctx, SceneKind.PLAY, {"scenario": found, "rubric": lib.rubric_for(found)})
    assert play.name == "play" and play.scenario is found
