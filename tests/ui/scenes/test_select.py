from pathlib import Path

import pygame

from game.engine.session import play as replay
from game.progress.atomic import SaveError
from game.progress.migrate import NewerSaveError
from game.progress.port import Recommendation
from game.progress.store import ProgressStore
from game.scenario.library import load_library
from game.scenario.model import CATEGORIES
from game.ui.autoplay import Autoplay
from game.ui.scenes.play import PlayScene
from game.ui.scenes.reload_errors import ReloadErrorsScene
from game.ui.scenes.select import SelectScene
from game.ui.theme import NORMAL
from tests.ui.fakes import FakeProgress
from tests.ui.helpers import (
    centre,
    click,
    colours,
    library,
    make_app,
    onboarding,
    press,
    region,
    scenario,
    submit_typed,
)

SOURCE = Path(__file__).resolve().parents[3] / "scenarios" / "phone" / "late-delivery-call.yaml"
TITLE = "배송이 늦어진 고객의 항의 전화"


def start(app, selected=None):
    scene = SelectScene(app.ctx, selected=selected)
    app.start(scene)
    app.step(0.0)
    return scene


def test_categories_and_rows_by_keys():
    app = make_app()
    scene = start(app)
    assert CATEGORIES[scene.category] == "face_to_face"
    press(app, pygame.K_RIGHT)
    assert CATEGORIES[scene.category] == "phone"
    assert all(s.category == "phone" for s in scene.in_category())
    press(app, pygame.K_DOWN)
    assert scene.index == 1
    press(app, pygame.K_LEFT)
    press(app, pygame.K_LEFT)
    assert CATEGORIES[scene.category] == "difficult_customer"


def test_row_shows_type_difficulty_best_and_completion():
    app = make_app()
    scene = start(app, selected="phone-late-delivery")
    detail = scene.row_detail(scene.current)
    assert "빨리빨리형" in detail and "★★☆" in detail and "기록 없음" in detail
    press(app, pygame.K_RETURN)
    play = app.stack.top
    for number in (1, 1, 1, 1):
        press(app, pygame.K_SPACE)
        press(app, getattr(pygame, f"K_{number}"))
        press(app, pygame.K_RETURN)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="감사합니다"))
    submit_typed(app, play)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_SPACE)
    press(app, pygame.K_RETURN)
    assert play.session.finished
    press(app, pygame.K_ESCAPE)  # debrief → menu
    again = app.stack.top
    assert isinstance(again, SelectScene)
    detail = again.row_detail(app.ctx.library.get("phone-late-delivery"))
    assert "최고" in detail and "1회" in detail


def test_recommendations_and_mode_toggle():
    progress = FakeProgress([Recommendation("phone-bad-line", "약한 원칙: 정중하게 되묻기")])
    app = make_app(progress=progress)
    scene = start(app)
    assert scene.recommendations[0].scenario_id == "phone-bad-line"
    press(app, pygame.K_m)
    assert app.ctx.mode == "exam"
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, PlayScene) and app.stack.top.mode == "exam"


def test_click_a_row_then_click_it_again_to_start():
    app = make_app()
    scene = start(app)
    click(app, centre(scene._row_rect(1)))
    assert scene.index == 1
    click(app, centre(scene._row_rect(1)))
    assert isinstance(app.stack.top, PlayScene)
    assert app.stack.top.scenario.id == scene.in_category()[1].id


# -- onboarding sessions -------------------------------------------------------------------------------


def test_the_assigned_set_comes_first_in_the_trainers_order(tmp_path):
    session = onboarding(tmp_path, scenarios=("phone-late-delivery", "f2f-five-stage-reception"))
    app = make_app(onboarding=session)
    scene = start(app)
    assert scene.tabs[0] == "assigned" and scene.category == 0
    assert [s.id for s in scene.in_category()] == ["phone-late-delivery", "f2f-five-stage-reception"]
    assert scene.current.id == "phone-late-delivery"
    assert scene.row_detail(scene.current).startswith("아직 안 함")
    press(app, pygame.K_RIGHT)
    assert scene.tabs[scene.category] == "face_to_face"


def test_done_and_passed_marks_follow_this_profiles_session_attempts(tmp_path):
    session = onboarding(tmp_path, scenarios=("phone-late-delivery", "f2f-five-stage-reception"))
    app = make_app(onboarding=session)
    scene = start(app)
    Autoplay(app, "phone-late-delivery", [1, 1, 1, 1, 1]).run()
    press(app, pygame.K_ESCAPE)  # debrief → select
    again = app.stack.top
    late = app.ctx.library.get("phone-late-delivery")
    assert isinstance(again, SelectScene) and again is not scene
    assert again.row_detail(late).startswith("완료 · 합격 · 최고 100점")
    assert again.current.id == "f2f-five-stage-reception"  # the next one not done
    assert not again.all_assigned_done


def test_the_session_fixes_the_mode(tmp_path):
    app = make_app(onboarding=onboarding(tmp_path, mode="exam"))
    scene = start(app)
    press(app, pygame.K_m)
    click(app, centre(scene._buttons()[0].rect))
    assert app.ctx.mode == "exam"
    assert not scene._buttons()[0].enabled
    press(app, pygame.K_RETURN)
    assert app.stack.top.mode == "exam"


def test_session_name_and_date_are_drawn_on_select(tmp_path):
    plain = make_app()
    start(plain)
    header = region(plain, (16, 12, 816, 44))  # the window is shared: read it before the next app
    app = make_app(onboarding=onboarding(tmp_path))
    start(app)
    assert region(app, (16, 12, 816, 44)) != header
    assert NORMAL.text in colours(app, (16, 12, 456, 44))


# -- progress messages ---------------------------------------------------------------------------------


def test_progress_notices_are_shown_once_on_select():
    progress = FakeProgress()
    progress.notices.append("profile.json: 손상된 파일을 옮기고 마지막 정상 사본을 불러왔습니다.")
    app = make_app(progress=progress)
    start(app)
    assert app.toast and "마지막 정상 사본" in app.toast
    assert progress.notices == []
    start(app)
    app.step(6.0)  # the toast's time is up
    assert app.toast is None


def test_a_save_error_is_shown_not_raised():
    class NewerSaves(FakeProgress):
        def stats(self, profile, scenario_id):
            raise NewerSaveError("새 버전의 게임이 만든 저장 파일입니다. 게임을 업데이트하세요.")

        def autosave(self, profile, session):
            raise SaveError("저장 폴더에 쓸 수 없습니다. 폴더 권한을 확인하세요.")

    app = make_app(progress=NewerSaves())
    scene = start(app)
    assert "게임을 업데이트하세요" in app.toast
    assert scene.row_detail(scene.current).endswith("기록 없음")
    press(app, pygame.K_RETURN)
    press(app, pygame.K_SPACE)
    press(app, pygame.K_1)
    assert any("폴더 권한을 확인하세요" in n for n in app.ctx.notices)


def test_a_damaged_profile_restored_by_the_real_store_is_reported(tmp_path):
    store = ProgressStore(tmp_path, library())
    store.create_profile("김하늘")
    played = replay(scenario(), library().rubric_for(scenario()), [1, 1, 1, 1, 1])
    store.record_attempt("김하늘", played, played.result())  # a second write: a last good copy exists
    (store.profile_dir("김하늘") / "profile.json").write_text("{broken", encoding="utf-8")
    app = make_app(progress=store, profile="김하늘")
    scene = start(app, selected="phone-late-delivery")
    assert scene.stats["phone-late-delivery"] is not None
    assert app.toast and "profile.json" in app.toast


# -- F5 reload -----------------------------------------------------------------------------------------


def test_f5_reloads_edited_scenarios_and_keeps_the_last_good_library_on_errors(tmp_path):
    path = tmp_path / "late.yaml"
    path.write_text(SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app()
    app.ctx.scenario_paths = [str(tmp_path)]
    app.ctx.library = load_library([str(tmp_path)])
    scene = start(app, selected="phone-late-delivery")
    path.write_text(path.read_text(encoding="utf-8").replace(TITLE, "고친 제목"), encoding="utf-8")
    press(app, pygame.K_F5)
    assert app.ctx.library.get("phone-late-delivery").title == "고친 제목"
    assert scene.current.id == "phone-late-delivery"
    path.write_text(path.read_text(encoding="utf-8").replace("start: ring", "start: nowhere"), "utf-8")
    press(app, pygame.K_F5)
    overlay = app.stack.top
    assert isinstance(overlay, ReloadErrorsScene)
    assert overlay.lines[0].startswith(f"{path}:") and ": error: " in overlay.lines[0]
    assert app.ctx.library.get("phone-late-delivery").title == "고친 제목"
    press(app, pygame.K_SPACE)
    assert app.stack.top is scene
