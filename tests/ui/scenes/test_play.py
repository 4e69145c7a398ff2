"""The play scene driven by events: keys, mouse, the clock, undo, exam mode, typed replies."""

from pathlib import Path

import pygame

from game.progress.atomic import SaveError
from game.scenario.library import load_library
from game.ui.app import TOAST_SECONDS
from game.ui.scenes.coaching import CoachingScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.play import CHOICES, DIALOGUE, METERS, STAGE, PlayScene
from game.ui.scenes.reload_errors import ReloadErrorsScene
from game.ui.scenes.select import SelectScene
from game.ui.speech import SilentSpeech
from game.ui.theme import NORMAL
from tests.ui.fakes import FakeEffects, FakeProgress
from tests.ui.helpers import (
    centre,
    click,
    colours,
    library,
    make_app,
    onboarding,
    play_scene,
    press,
    region,
    scenario,
    type_text,
)

LATE = Path(__file__).resolve().parents[3] / "scenarios" / "phone" / "late-delivery-call.yaml"


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


class SaidLines(SilentSpeech):
    """Records what the scene asks the voice to say, line ids in order."""

    available = True

    def __init__(self) -> None:
        self.said: list[list[str]] = []

    def say(self, lines) -> None:
        self.said.append([line.line_id for line in lines])


def test_exam_speaks_the_customers_reaction_before_the_next_line():
    app = make_app(mode="exam")
    app.ctx.speech = speech = SaidLines()
    scene = play_scene(app)
    press(app, pygame.K_1)
    press(app, pygame.K_SPACE)
    node = scene.session.node
    choice = scene.session.available()[0]
    assert choice.reaction
    press(app, pygame.K_1)
    expected = f"{scene.scenario.id}/{node.id}/{choice.id}/reaction"
    assert speech.said[-1][0] == expected
    assert speech.said[-1][1:] == [
        line.line_id
        for line in scene.scenario.spoken_lines()
        if line.line_id.startswith(f"{scene.scenario.id}/{scene.session.node.id}/")
        and not line.line_id.endswith("/reaction")
    ]


def _at_the_typed_close(app):
    """The late-delivery call played to its typed close (the first option at each decision)."""
    scene = play_scene(app)
    for number in (1, 1, 1, 1):
        press(app, pygame.K_SPACE)
        press(app, getattr(pygame, f"K_{number}"))
        press(app, pygame.K_RETURN)  # close coaching
    return scene


def test_typed_reply_draws_the_ime_composition_and_submits_on_enter():
    app = make_app()
    scene = _at_the_typed_close(app)
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
    if scene.judging is not None:
        assert scene.judging.wait(30)
        app.step(0.0)
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


# -- sound effects, onboarding pass mark, F5 ------------------------------------------------------------


def test_the_phone_rings_while_the_ringing_node_waits_and_stops_when_answered():
    effects = FakeEffects()
    app = make_app(effects=effects)
    scene = play_scene(app)
    app.step(0.1)
    assert scene.ringing and effects.ringing
    press(app, pygame.K_ESCAPE)  # pause: the game stops, so does the ring
    assert not effects.ringing
    press(app, pygame.K_ESCAPE)
    app.step(0.1)
    assert effects.ringing and effects.rings == 2
    press(app, pygame.K_1)
    assert effects.clicks == 1 and not effects.ringing
    press(app, pygame.K_RETURN)  # coaching → the call goes on
    app.step(0.5)
    assert not effects.ringing


def test_a_face_to_face_scenario_never_rings_but_clicks():
    effects = FakeEffects()
    app = make_app(effects=effects)
    scene = play_scene(app, "f2f-five-stage-reception")
    app.step(0.5)
    press(app, pygame.K_SPACE)
    while not scene.session.node.choices:
        press(app, pygame.K_RETURN)
    press(app, pygame.K_1)
    assert effects.rings == 0 and effects.clicks == 1


def test_the_onboarding_pass_mark_applies_to_assigned_scenarios_only(tmp_path):
    session = onboarding(tmp_path, scenarios=("phone-late-delivery",), pass_mark=95)
    app = make_app(onboarding=session)
    assigned = play_scene(app)
    assert assigned.session.pass_mark == 95 and assigned.mode == "exam"
    other = play_scene(app, "phone-bad-line")
    own = scenario("phone-bad-line").pass_mark
    assert other.session.pass_mark == (own if own is not None else other.rubric.pass_mark) != 95


def test_history_that_cannot_be_read_is_reported_and_the_play_goes_on():
    class Unreadable(FakeProgress):
        def history(self, profile):
            raise SaveError("기록 파일이 손상되었습니다. 관리자에게 알리세요.")

    app = make_app(progress=Unreadable())
    scene = play_scene(app)
    assert scene.session.history is None
    assert "관리자에게 알리세요" in app.toast


def _from_folder(tmp_path, **app_options):
    """An app playing a copy of the late-delivery scenario from a temp folder (``--scenarios``)."""
    path = tmp_path / "late.yaml"
    path.write_text(LATE.read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app(**app_options)
    app.ctx.scenario_paths = [str(tmp_path)]
    app.ctx.library = load_library([str(tmp_path)])
    found = app.ctx.library.get("phone-late-delivery")
    scene = PlayScene(app.ctx, found, app.ctx.library.rubric_for(found))
    app.start(scene)
    app.step(0.0)
    return path, app, scene


def test_f5_keeps_the_trainee_at_the_same_node_on_the_edited_scenario(tmp_path):
    path, app, scene = _from_folder(tmp_path)
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    assert scene.session.node.id == "complaint"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("주문한 지 일주일이 넘었는데", "주문한 지 열흘이 넘었는데"), encoding="utf-8"
    )
    press(app, pygame.K_F5)
    fresh = app.stack.top
    assert isinstance(fresh, PlayScene) and fresh is not scene
    assert fresh.session.node.id == "complaint" and len(fresh.session.decisions) == 1  # replayed
    assert fresh.session.start is None
    assert "열흘" in fresh.scenario.nodes["complaint"].customer


def test_f5_starts_at_the_node_when_the_old_path_no_longer_leads_there(tmp_path):
    path, app, scene = _from_folder(tmp_path)
    for key in (pygame.K_1, pygame.K_RETURN, pygame.K_1, pygame.K_RETURN):  # greet, apologise
        press(app, key)
    assert scene.session.node.id == "listen"
    text = path.read_text(encoding="utf-8")
    head, tail = text.split("      - id: apologise-ask", 1)
    path.write_text(
        head + "      - id: apologise-ask" + tail.replace("next: listen", "next: angrier", 1), "utf-8"
    )
    press(app, pygame.K_F5)
    fresh = app.stack.top
    assert fresh.session.node.id == "listen" and fresh.session.start == "listen"
    assert fresh.session.decisions == []


def test_f5_starts_over_when_the_node_is_gone(tmp_path):
    path, app, _scene = _from_folder(tmp_path)
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    text = path.read_text(encoding="utf-8").replace("complaint", "complaint2")
    path.write_text(text, encoding="utf-8")
    press(app, pygame.K_F5)
    fresh = app.stack.top
    assert fresh.session.node.id == "ring" and fresh.session.decisions == []


def test_a_play_from_a_node_starts_there_and_is_not_recorded():
    app = make_app()
    found = scenario()
    scene = PlayScene(app.ctx, found, library().rubric_for(found), start="doubtful")
    app.start(scene)
    app.step(0.0)
    assert scene.session.node.id == "doubtful" and scene.session.start == "doubtful"
    scene.choose(1)
    assert scene.session.finished
    scene.finish()
    assert "기록에 남기지 않았습니다" in " ".join(app.ctx.notices)
    assert app.ctx.progress.recorded == []  # a part's score is not an attempt


def test_f12_shows_node_mood_flags_and_running_scores():
    app = make_app()
    scene = play_scene(app)
    stage = (16, 64, 544, 356)
    hidden = region(app, stage)
    press(app, pygame.K_F12)
    assert scene.show_inspector
    lines = scene.inspector_lines()
    assert lines[0] == "node: ring" and lines[1].startswith("mood: -2")
    assert any("speed: -" in line for line in lines)  # nothing scored yet
    assert region(app, stage) != hidden
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    lines = scene.inspector_lines()
    assert lines[0] == "node: complaint" and any("speed: 100" in line for line in lines)
    press(app, pygame.K_F12)
    assert not scene.show_inspector


def test_f5_with_errors_in_the_played_file_goes_back_to_select_and_shows_them(tmp_path):
    path, app, _scene = _from_folder(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("start: ring", "start: ring2"), "utf-8")
    press(app, pygame.K_F5)
    assert isinstance(app.stack.top, ReloadErrorsScene)
    assert isinstance(app.stack.scenes[0], SelectScene)
    assert app.ctx.library.get("phone-late-delivery").start == "ring"  # the last good version
    path.unlink()
    press(app, pygame.K_F5)  # F5 on the error panel reloads again: the file is gone
    assert isinstance(app.stack.top, SelectScene)
    assert app.ctx.library.scenarios == []


def test_the_counter_stays_in_front_of_the_moving_customer_frame_after_frame():
    app = make_app()
    play_scene(app, "f2f-five-stage-reception")
    counter = (16, 64 + 356 * 0.72, 544, 356 * 0.28)
    face = (16 + 172, 64 + 60, 200, 140)
    seen = {region(app, counter)}
    faces = {region(app, face)}
    for dt in (0.3, 0.7, 1.1, 2.9):
        app.step(dt)
        seen.add(region(app, counter))
        faces.add(region(app, face))
    assert len(seen) == 1 and len(faces) > 1  # the customer breathes and blinks behind a still counter


def test_hovering_an_option_repaints_it():
    app = make_app()
    scene = play_scene(app)
    second = scene.menu.buttons[1]
    before = region(app, second.rect)
    pos = app.ctx.layout.point(*centre(second.rect))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.step(0.0)
    assert scene.menu.focus == 1 and region(app, second.rect) != before


def test_at_1280x800_the_play_fills_the_height():
    """16:10 used to leave 40 px bands above and below; the stage, the lines and the options grow."""
    from game.ui.scenes.play import areas

    app = make_app(size=(1280, 800))
    scene = play_scene(app, "difficult-with-children-bankbook")
    at = scene.areas
    assert at == areas(80) and at.choices[1] + at.choices[3] == 800 - 16
    assert at.stage[3] == STAGE[3] + 40 and at.choices[1] == CHOICES[1] + 40
    assert len(set(region(app, (0, 0, 1280, 30)))) > 1  # the title is at the top, not 40 px down
    assert len(set(region(app, (16, 420, 544, 40)))) > 1  # the stage reaches into the extra height
    assert all(b.rect[1] >= at.choices[1] for b in scene.menu.buttons)


def _look(app, button):
    """(fill, frame, label pixels) of an option: what would tell one option from another."""
    x, y, w, h = button.rect
    fill = colours(app, (x + w - 40, y + 12, 30, h - 24))
    frame = colours(app, (x + w / 2, y, 40, 2))
    label = region(app, (x + 60, y + 8, w - 120, h - 16))
    return fill, frame, label


def test_before_any_input_no_option_is_highlighted_in_practice_or_exam():
    for mode in ("practice", "exam"):
        app = make_app(mode=mode, shuffle=True)
        scene = play_scene(app)
        assert scene.menu.focus is None
        looks = [_look(app, b)[:2] for b in scene.menu.buttons]
        assert all(look == looks[0] for look in looks), mode  # same fill, same frame for every option
        press(app, pygame.K_SPACE)  # the line shown in full
        assert scene.typewriter.done
        press(app, pygame.K_RETURN)  # Enter with nothing focused chooses nothing
        assert not scene.session.decisions


def test_focus_is_a_plain_outline_that_appears_only_when_the_trainee_moves_it():
    app = make_app()
    scene = play_scene(app)
    press(app, pygame.K_SPACE)  # the line shown in full
    first = scene.menu.buttons[0]
    fill, frame, label = _look(app, first)
    press(app, pygame.K_DOWN)
    assert scene.menu.focus == 0
    fill_now, frame_now, label_now = _look(app, first)
    assert fill_now == fill and label_now == label  # the option itself looks the same: not bold, not yellow
    assert frame_now == {NORMAL.text} and frame_now != frame  # a neutral outline around it
    press(app, pygame.K_RETURN)
    assert scene.session.decisions[0].choice_id == "full-greeting"


def test_options_are_shown_in_the_attempts_order_and_recorded_by_id():
    app = make_app(seed=7)
    scene = play_scene(app)
    shown = [b.label for b in scene.menu.buttons]
    ids = [c.id for c in scene.session.available()]
    assert ids == ["full-greeting", "name-only", "hello"]  # seed 7 at 'ring' (authored: full, hello, name)
    says = {c.id: c.say for c in scenario().nodes["ring"].choices}
    assert shown == [says[i] for i in ids]
    press(app, pygame.K_2)
    assert scene.session.decisions[0].choice_id == "name-only" and scene.session.decisions[0].number == 2


def test_f5_keeps_the_attempts_option_order(tmp_path):
    _path, app, scene = _from_folder(tmp_path, shuffle=True)  # a fresh seed, as the game draws one
    before = [c.id for c in scene.session.available()]
    press(app, pygame.K_F5)
    fresh = app.stack.top
    assert isinstance(fresh, PlayScene) and fresh is not scene
    assert fresh.session.seed == scene.session.seed is not None
    assert [c.id for c in fresh.session.available()] == before


def test_a_new_attempt_draws_a_new_order():
    app = make_app(shuffle=True)
    seeds = {play_scene(app).session.seed for _ in range(6)}
    assert None not in seeds and len(seeds) > 1


def test_the_right_answer_given_late_is_called_right_but_late_with_no_better_reply():
    app = make_app()
    scene = play_scene(app)
    app.step(7.0)  # past the ring node's 6 s
    press(app, pygame.K_1)  # the model answer, late
    decision = scene.session.decisions[0]
    assert decision.right_but_late and not decision.is_best
    texts = [b.text for b in app.stack.top.blocks()]
    assert texts[0] == "옳은 응대였지만 늦었습니다"
    assert "더 나은 응대" not in texts and f"“{decision.say}”" == texts[1]
    assert texts.count(f"“{decision.best_say}”") == 1  # only as what was said, never as "better"


def _cold_paint(scene: PlayScene, size: tuple[int, int]) -> bytes:
    """The same moment drawn with no frame cache: what the trainee must see however the frame was built."""
    scene._frame, scene._layer_keys = None, {}
    surface = pygame.Surface(size)
    scene.draw(surface)
    return pygame.image.tobytes(surface, "RGB")


def test_the_frame_cache_shows_exactly_what_a_full_repaint_shows():
    # Layers repaint only when their picture changes; after a run of frames in which the face breathes,
    # letters appear, the meters drain and (on the phone) the set rings and is answered, every frame
    # must equal a repaint from nothing.
    for scenario_id, keys in (("f2f-five-stage-reception", ()), ("phone-late-delivery", (pygame.K_1,))):
        app = make_app(settings=None)
        scene = play_scene(app, scenario_id)
        for step in range(40):
            if step == 20:
                for key in keys:
                    press(app, key)
                    press(app, pygame.K_RETURN)
            app.step(0.05)
            if step % 7 == 0:
                shown = pygame.image.tobytes(app.surface, "RGB")
                assert shown == _cold_paint(scene, app.surface.get_size()), (scenario_id, step)


def test_a_typed_reply_is_judged_off_the_frame_loop_and_answered_when_ready():
    import threading

    from game.language import Analyser, Loader, shared

    app = make_app()
    scene = _at_the_typed_close(app)
    assert scene.session.node.typed is not None
    release = threading.Event()
    tokenize = shared().loader.get()

    def slow(text):  # the helper process busy: the pipe answers only when released
        release.wait(30)
        return tokenize(text)

    scene.session.analyser = Analyser(Loader(lambda: slow))
    scene.session.analyser.loader.get()
    type_text(app, "늦어져서 죄송합니다. 내일 오전에 다시 전화드리겠습니다.")
    press(app, pygame.K_RETURN)
    decided = len(scene.session.decisions)
    assert scene.judging is not None  # the Enter frame returned without the analysis
    for _ in range(3):
        app.step(1 / 60)  # frames go on while it is judged; typing more does nothing
        type_text(app, "더")
    assert len(scene.session.decisions) == decided and scene.input.text.endswith("전화드리겠습니다.")
    release.set()
    assert scene.judging.wait(30)
    app.step(0.0)
    assert scene.judging is None and len(scene.session.decisions) == decided + 1
    assert scene.session.decisions[-1].say == "늦어져서 죄송합니다. 내일 오전에 다시 전화드리겠습니다."


def _whole_picture(app) -> bytes:
    """What the window shows if the play is presented whole, as on a first frame."""
    app.ctx.painted = (None, -1, ())
    app.draw()
    return pygame.image.tobytes(app.surface, "RGB")


def test_repainting_only_what_changed_shows_the_same_picture_as_presenting_it_whole():
    app = make_app()
    scene = play_scene(app)
    seen, partial_frames = 0, 0
    for frame in range(90):  # letters appear, the meters drain, the phone rings and is answered
        if frame == 30:
            press(app, pygame.K_1)  # a decision: coaching over the play, then back
            press(app, pygame.K_RETURN)
        if frame == 10:
            app.ctx.notify("음성을 쓸 수 없어 자막으로 진행합니다")  # a notice over the play for a while
        if frame == 40:
            app.step(TOAST_SECONDS)  # the notice goes: the play shows again where it was
        if frame == 50:
            press(app, pygame.K_l)  # the log over the play, then closed
            press(app, pygame.K_l)
        partial_frames += app.ctx.painted[:2] == (scene, app.ctx.frame)  # this step repaints only changes
        app.step(1 / 60)
        partial = pygame.image.tobytes(app.surface, "RGB")
        if app.stack.top is scene and frame % 10 == 9:
            assert partial == _whole_picture(app), f"frame {frame}"
            seen += 1
    assert seen >= 6 and partial_frames >= 60


def test_where_the_customer_has_gone_the_counter_is_empty_and_the_call_ended():
    app = make_app()
    counter = library().get("difficult-shouting-at-counter")
    scene = PlayScene(app.ctx, counter, library().rubric_for(counter), start="break")
    app.start(scene)
    app.step(0.0)
    assert scene.session.node.customer_gone and scene.people() == []
    assert scene._counter_label() == "고객이 떠났습니다"
    call = library().get("difficult-harassment-call")
    meter = (METERS[0] + 16, METERS[1] + 40, 320, 28)  # where the patience bar is drawn
    live = PlayScene(app.ctx, call, library().rubric_for(call), start="request")
    live.connected_at = 0.0
    app.start(live)
    app.step(1.0)
    assert len(colours(app, meter)) > 2  # a live call: the bar and its fill on the panel
    ended = PlayScene(app.ctx, call, library().rubric_for(call), start="report")
    app.start(ended)
    app.step(1.0)
    assert len(colours(app, meter)) <= 2  # the call has ended: no patience bar
    assert ended.people() == []
