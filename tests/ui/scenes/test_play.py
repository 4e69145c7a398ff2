"""The play scene driven by events: keys, mouse, the clock, undo, exam mode, typed replies."""

import pygame

from game.ui.scenes.coaching import CoachingScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.play import CHOICES, DIALOGUE, METERS, PlayScene
from game.ui.theme import NORMAL
from tests.ui.helpers import centre, click, colours, make_app, play_scene, press, region


def test_number_key_chooses_and_practice_shows_coaching():
    app = make_app()
    scene = play_scene(app)
    assert scene.ringing
    press(app, pygame.K_1)
    assert scene.session.decisions[0].choice_id == "full-greeting"
    assert isinstance(app.stack.top, CoachingScene)
    assert app.ctx.progress.autosaves == 1
    press(app, pygame.K_RETURN)
    assert app.stack.top is scene
    assert scene.session.node.id == "complaint" and not scene.ringing


def test_mouse_click_on_the_second_option_chooses_it():
    app = make_app()
    scene = play_scene(app)
    second = scene.menu.buttons[1]
    click(app, centre(second.rect))
    assert scene.session.decisions[0].number == 2
    assert scene.session.decisions[0].say == "여보세요?"


def test_clicking_the_line_finishes_the_typewriter_first():
    app = make_app()
    scene = play_scene(app)
    assert not scene.typewriter.done
    click(app, centre(DIALOGUE))
    assert scene.typewriter.done and not scene.session.decisions


def test_timer_expiry_warns_and_the_late_answer_costs_speed():
    app = make_app()
    scene = play_scene(app)
    before = region(app, METERS)
    app.step(7.0)  # the ring node allows 6 s
    assert scene.expired
    assert scene.session.patience() < 0.2
    assert region(app, METERS) != before
    assert colours(app, METERS) & {NORMAL.bad, NORMAL.warn}
    press(app, pygame.K_1)
    decision = scene.session.decisions[0]
    assert decision.lateness == "late" and decision.seconds == 7.0
    assert any(b.text.startswith("응답이 늦었습니다") for b in app.stack.top.blocks())


def test_practice_undo_takes_the_choice_back():
    app = make_app()
    scene = play_scene(app)
    press(app, pygame.K_2)
    assert isinstance(app.stack.top, CoachingScene)
    press(app, pygame.K_BACKSPACE)
    assert app.stack.top is scene
    assert scene.session.decisions == [] and scene.session.node.id == "ring"
    assert [e.speaker for e in scene.backlog] == ["narrator"]
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_BACKSPACE)  # undo from the play screen too
    assert scene.session.node.id == "ring"


def test_exam_has_no_coaching_no_undo_and_no_hint():
    app = make_app(mode="exam")
    scene = play_scene(app)
    press(app, pygame.K_1)
    press(app, pygame.K_SPACE)
    press(app, pygame.K_1)  # apologise: the customer reacts
    assert app.stack.top is scene
    assert scene.segments[0].kind == "reaction"
    press(app, pygame.K_BACKSPACE)
    assert len(scene.session.decisions) == 2
    assert "Backspace" not in app.ctx.t("play.hint")


def test_typed_reply_draws_the_ime_composition_and_submits_on_enter():
    app = make_app()
    scene = play_scene(app)
    for number in (1, 1, 1, 1):
        press(app, pygame.K_SPACE)
        press(app, getattr(pygame, f"K_{number}"))
        press(app, pygame.K_RETURN)  # close coaching
    assert scene.session.node.typed is not None and scene.input.active
    box = scene.input.rect
    empty = region(app, box)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="감사합니다. 김하늘이었습니"))
    pygame.event.post(pygame.event.Event(pygame.TEXTEDITING, text="다", start=1, length=1))
    app.step(0.0)
    assert scene.input.text == "감사합니다. 김하늘이었습니" and scene.input.composition == "다"
    assert region(app, box) != empty
    assert NORMAL.accent in colours(app, box)  # the syllable being composed is drawn in the accent colour
    press(app, pygame.K_1, unicode="1")  # typed digits are text, not a choice
    assert not scene.session.decisions[4:]
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="다"))
    press(app, pygame.K_RETURN)
    decision = scene.session.decisions[-1]
    assert decision.typed and decision.say == "감사합니다. 김하늘이었습니다"


def test_ending_goes_to_the_debrief_and_records_the_attempt():
    app = make_app()
    scene = play_scene(app, "phone-late-delivery")
    for number in (1, 4, 3):
        press(app, pygame.K_SPACE)
        press(app, getattr(pygame, f"K_{number}"))
        press(app, pygame.K_RETURN)
    press(app, pygame.K_SPACE)
    assert scene.session.finished
    assert scene.menu.buttons[0].action == "debrief"
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, DebriefScene)
    assert app.ctx.progress.recorded == ["phone-late-delivery"]
    assert app.ctx.progress.resumable("테스트") is None


def test_backlog_opens_with_l_and_closes():
    app = make_app()
    scene = play_scene(app)
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    before = region(app, CHOICES)
    press(app, pygame.K_l)
    assert scene.show_backlog
    assert region(app, CHOICES) != before
    press(app, pygame.K_1)  # no choice while reading the log
    assert len(scene.session.decisions) == 1
    press(app, pygame.K_l)
    assert not scene.show_backlog


def test_face_to_face_stage_draws_the_customer_with_the_mood():
    app = make_app()
    scene = play_scene(app, "f2f-five-stage-reception")
    assert not scene.scenario.customer_on_phone
    calm = region(app, (200, 120, 200, 200))
    scene.session.state.mood = -5  # an angry customer looks different
    scene.session.node = scene.session.node.__class__(
        id="x", customer="!", choices=scene.session.node.choices
    )
    app.step(0.0)
    assert scene.session.emotion == "angry"
    assert region(app, (200, 120, 200, 200)) != calm


def test_resumed_play_continues_from_the_autosave():
    app = make_app()
    scene = play_scene(app)
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    saved = app.ctx.progress.resumable("테스트")
    again = PlayScene(app.ctx, scene.scenario, scene.rubric, saved=saved)
    assert [d.choice_id for d in again.session.decisions] == ["full-greeting"]
    assert again.session.node.id == "complaint"
