"""Autoplay through the real scenes gives the engine's own score, and a screenshot per screen."""

import pygame

from game.engine.session import play
from game.ui.autoplay import Autoplay
from game.ui.scenes.select import SelectScene
from tests.ui.helpers import library, make_app


def drive(scenario_id, choices, seconds=(), mode="practice", shots=None):
    app = make_app(mode=mode)
    app.start(SelectScene(app.ctx, selected=scenario_id))
    auto = Autoplay(app, scenario_id, list(choices), list(seconds), shots)
    return auto, auto.run()


def test_same_score_as_the_engine_replay_with_late_answers():
    choices, seconds = [1, 2, 1, 1, 1, 1], [2.0, 14.0, 3.0, 3.0, 3.0, 2.0]
    _, result = drive("phone-late-delivery", choices, seconds)
    scenario = library().get("phone-late-delivery")
    expected = play(scenario, library().rubric_for(scenario), choices, seconds).result()
    assert result.to_json(library().rubric_for(scenario)) == expected.to_json(library().rubric_for(scenario))
    assert result.decisions[1].lateness == "late"  # 14 s against a 10 s limit


def test_screenshots_are_named_in_order(tmp_path):
    auto, _ = drive("phone-late-delivery", [1, 1, 1, 1, 1], shots=tmp_path)
    names = [p.name for p in auto.shots]
    assert names[0] == "01-select.png" and names[-1].endswith("-debrief.png")
    assert names[1:4] == ["02-decision-1.png", "03-coaching-1.png", "04-decision-2.png"]
    image = pygame.image.load(str(auto.shots[-1]))
    assert image.get_size() == (1280, 720)


def test_exam_mode_passes_no_coaching(tmp_path):
    auto, result = drive("f2f-five-stage-reception", [1] * 7, mode="exam", shots=tmp_path)
    assert not any("coaching" in p.name for p in auto.shots)
    assert result.passed
