import pygame

from game.engine.session import play
from game.ui.assignment import assignment
from game.ui.autoplay import Autoplay
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.select import SelectScene
from game.ui.scenes.title_profile import TitleScene
from tests.ui.helpers import library, make_app, onboarding, press, region, type_text


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


def test_trainees_take_turns_through_the_session_on_one_pc(tmp_path):
    session = onboarding(tmp_path, scenarios=("phone-late-delivery", "phone-answering-call"), pass_mark=90)
    app = make_app(onboarding=session, profile=None)
    app.start(TitleScene(app.ctx))
    app.step(0.0)
    type_text(app, "김하늘")
    press(app, pygame.K_RETURN)
    select = app.stack.top
    assert isinstance(select, SelectScene) and select.current.id == "phone-late-delivery"
    first = Autoplay(app, "phone-late-delivery", [2, 1, 1, 1, 1]).run()
    assert first.overall < 90 and not first.passed  # 82.8 passes the scenario's 80, not the session's 90
    scene = app.stack.top
    assert scene.menu.buttons[1].label == "다음 과제 (N)"
    press(app, pygame.K_n)
    assert isinstance(app.stack.top, PlayScene) and app.stack.top.scenario.id == "phone-answering-call"
    Autoplay(app, "phone-answering-call", [1] * 6).run()
    assert app.stack.top.menu.buttons[1].label == "다음 교육생 (N)"
    press(app, pygame.K_n)
    assert isinstance(app.stack.top, TitleScene) and app.ctx.profile is None
    assert [r.done for r in assignment(session, app.ctx.progress.attempts("김하늘"))] == [True, True]
    type_text(app, "이수진")
    press(app, pygame.K_RETURN)
    select = app.stack.top
    assert app.ctx.profile == "이수진" and not any(a.done for a in select.assigned)
    assert select.row_detail(select.current).startswith("아직 안 함")


def test_escape_on_select_hands_the_pc_to_the_next_trainee(tmp_path):
    app = make_app(onboarding=onboarding(tmp_path), profile="김하늘")
    app.start(SelectScene(app.ctx))
    app.step(0.0)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, TitleScene) and app.ctx.profile is None
    press(app, pygame.K_RETURN)  # the existing profile, by keys
    assert isinstance(app.stack.top, SelectScene) and app.ctx.profile == "김하늘"


def _summary(app, scenario_id, choices):
    scenario = library().get(scenario_id)
    rubric = library().rubric_for(scenario)
    session = play(scenario, rubric, choices)
    scene = DebriefScene(app.ctx, scenario, rubric, session, session.result())
    app.start(scene)
    app.step(0.0)
    return [b.text for b in scene.summary_blocks()]


def test_complaint_steps_are_listed_only_where_the_procedure_was_assessed():
    app = make_app()
    cafe = _summary(app, "f2f-honorific-cafe", [1, 1, 1, 1, 1, 1])  # an order at a counter: no complaint
    assert not any("빠진 단계" in t or "불만 처리 단계" in t for t in cafe)
    late = _summary(app, "phone-late-delivery", [1, 1, 1, 1, 1])  # a complaint call
    assert any("불만 처리 단계" in t for t in late)


def test_a_right_close_that_leaves_the_problem_open_is_called_right():
    app = make_app()
    texts = _summary(app, "difficult-harassment-call", [1, 1, 1, 1, 1, 1, 1])  # ended by process, reported
    assert any(t.startswith("결말: 상급자에게 이관 — 이 상황에서 옳은 마무리") for t in texts)
