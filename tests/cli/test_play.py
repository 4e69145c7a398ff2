"""`eungdae play`: exit codes and messages for autoplay, the contract scripts rely on."""

import json

from game.cli import main


def test_autoplay_exits_0_after_the_debrief(tmp_path, capsys):
    code = main(
        [
            "play",
            "phone-late-delivery",
            "--autoplay",
            "1,1,1,1,1",
            "--screenshots",
            str(tmp_path),
            "--size",
            "1024x576",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "phone-late-delivery: 100.0 / 100 합격" in out
    assert sorted(p.name for p in tmp_path.iterdir())[-1] == "12-debrief.png"


def test_unknown_id_is_exit_1_with_the_known_ids(capsys):
    assert main(["play", "no-such-id", "--autoplay", "1"]) == 1
    err = capsys.readouterr().err
    assert "no scenario with id 'no-such-id'" in err and "phone-late-delivery" in err


def test_bad_choice_lists_are_exit_1(capsys):
    assert main(["play", "phone-late-delivery", "--autoplay", "9"]) == 1
    assert "choice 9 is not between 1 and 3" in capsys.readouterr().err
    assert main(["play", "phone-late-delivery", "--autoplay", "1,1"]) == 1
    assert "before the scenario ends" in capsys.readouterr().err
    assert main(["play", "phone-late-delivery", "--autoplay", "0,1,1,1,1"]) == 1
    assert "1-based" in capsys.readouterr().err


def test_autoplay_needs_an_id_and_seconds_need_autoplay(capsys):
    assert main(["play", "--autoplay", "1"]) == 1
    assert "needs a scenario id" in capsys.readouterr().err
    assert main(["play", "--seconds", "1"]) == 2


def test_typed_example_number_out_of_range_is_exit_1(capsys):
    assert main(["play", "phone-late-delivery", "--autoplay", "1,1,1,1,2"]) == 1
    assert "example 2 does not exist" in capsys.readouterr().err


def test_autoplay_can_save_to_a_given_folder(tmp_path):
    assert (
        main(
            [
                "play",
                "phone-late-delivery",
                "--autoplay",
                "1,1,1,1,1",
                "--saves",
                str(tmp_path),
                "--profile",
                "자동",
            ]
        )
        == 0
    )
    assert any(tmp_path.rglob("*.json"))


def test_autoplay_saves_to_the_class_folder_named_by_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("EUNGDAE_SAVES", str(tmp_path / "class"))
    assert main(["play", "phone-late-delivery", "--autoplay", "1,1,1,1,1", "--profile", "자동"]) == 0
    assert any((tmp_path / "class").rglob("*.json"))


def _session(tmp_path, text):
    path = tmp_path / "session.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


SESSION = "name: 1일차\ndate: 2025-03-03\nmode: exam\npass_mark: 90\nscenarios: [phone-late-delivery]\n"


def test_a_bad_session_file_is_exit_1_with_positioned_lines(tmp_path, capsys):
    bad = _session(tmp_path, "name: x\ndate: 2025-13-01\nmode: exam\nscenarios: [phone-late-deliveri]\n")
    assert main(["play", "--session", bad]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:7: error: S001" in err
    assert f"{bad}:4:13: error: S002" in err and "did you mean 'phone-late-delivery'?" in err
    assert "Traceback" not in err


def test_the_session_sets_the_mode_and_a_different_mode_is_a_usage_error(tmp_path, capsys):
    assert main(["play", "--session", _session(tmp_path, SESSION), "--mode", "practice"]) == 2
    assert "conflicts with the session" in capsys.readouterr().err


def test_autoplay_under_a_session_uses_its_pass_mark_and_tags_the_attempt(tmp_path, capsys):
    saves = tmp_path / "saves"
    argv = ["play", "phone-late-delivery", "--autoplay", "2,1,1,1,1", "--saves", str(saves)]
    code = main([*argv, "--profile", "김하늘", "--session", _session(tmp_path, SESSION)])
    assert code == 0
    assert "84.6 / 100 불합격" in capsys.readouterr().out  # the scenario's own mark is 80
    (profile,) = saves.glob("profiles/*/profile.json")
    (attempt,) = json.loads(profile.read_text(encoding="utf-8"))["attempts"]
    assert attempt["onboarding"] == "1일차" and attempt["mode"] == "exam"
    assert attempt["result"]["passed"] is False


def test_the_plain_start_prints_ready_after_its_first_frame_for_benchmarks(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EUNGDAE_SAVES", str(tmp_path))
    monkeypatch.setenv("EUNGDAE_EXIT_AFTER_FIRST_FRAME", "1")
    assert main([]) == 0
    assert capsys.readouterr().out.splitlines() == ["ready"]


def test_the_plain_start_reports_a_broken_library_when_it_has_loaded(tmp_path, monkeypatch, capsys):
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    bad = scenarios / "bad.yaml"
    bad.write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("EUNGDAE_SAVES", str(tmp_path / "saves"))
    # --scenarios adds to the built-in library: without one, the broken folder is all there is
    monkeypatch.setattr("game.scenario.library.BUILTIN_SCENARIOS", tmp_path / "no-builtin")
    monkeypatch.setattr("game.resources.SCENARIOS", tmp_path / "no-builtin")
    assert main(["--scenarios", str(scenarios)]) == 1  # the title screen opens, then closes
    err = capsys.readouterr().err
    assert f"{bad}:3:1: error: E002 YAML syntax" in err
    assert "error: no scenario could be loaded" in err and "Traceback" not in err


def test_the_game_context_opens_no_voice_or_effects_before_a_play(tmp_path):
    from game.cli import build_parser
    from game.cli.play import _context
    from game.ui.memory_progress import MemoryProgress

    args = build_parser("play").parse_args(["play"])
    args.onboarding = None
    ctx = _context(args, None, MemoryProgress(), False, voice=True)
    assert ctx.speech.link is None and ctx.effects.effects is None


def _my_call(folder, scenario_id: str = "my-late-call"):
    """A trainer's own copy of the late-delivery call, under their own id, outside the library."""
    from game.scenario.library import BUILTIN_SCENARIOS

    seed = (BUILTIN_SCENARIOS / "phone" / "late-delivery-call.yaml").read_text(encoding="utf-8")
    path = folder / "my-call.yaml"
    path.write_text(seed.replace("id: phone-late-delivery", f"id: {scenario_id}", 1), encoding="utf-8")
    return path


def test_play_a_file_headless(tmp_path, capsys):
    path = _my_call(tmp_path)
    assert main(["play", str(path), "--autoplay", "1,1,1,1,1", "--size", "640x360"]) == 0
    assert "my-late-call: 100.0 / 100 합격" in capsys.readouterr().out


def test_scenarios_folder_adds_to_the_builtin_library(tmp_path, capsys):
    _my_call(tmp_path)
    for scenario in ("my-late-call", "phone-answering-call"):  # the trainer's, and a built-in one still there
        choices = "1,1,1,1,1" if scenario == "my-late-call" else "1,1,1,1,1,1"
        code = main(
            ["play", scenario, "--scenarios", str(tmp_path), "--autoplay", choices, "--size", "640x360"]
        )
        assert code == 0, capsys.readouterr().err
        assert f"{scenario}: 100.0 / 100 합격" in capsys.readouterr().out


def test_a_copy_under_a_builtin_id_is_the_one_played(tmp_path, capsys):
    path = _my_call(tmp_path, "phone-late-delivery")
    text = path.read_text(encoding="utf-8").replace(
        "title: 배송이 늦어진 고객의 항의 전화", "title: 내 사본", 1
    )
    path.write_text(text, encoding="utf-8")
    from game.resources import with_builtin
    from game.scenario.library import load_library

    library = load_library(with_builtin([str(tmp_path)]))
    assert library.errors == []
    assert library.get("phone-late-delivery").title == "내 사본"


def test_a_broken_file_is_exit_1_with_its_errors(tmp_path, capsys):
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\ntitle: [\n", encoding="utf-8")
    assert main(["play", str(path), "--autoplay", "1"]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and "could not be loaded" in err


def test_from_needs_a_scenario_and_a_node_it_has(capsys):
    assert main(["play", "--from", "solve"]) == 2
    assert "give the scenario" in capsys.readouterr().err
    assert main(["play", "phone-late-delivery", "--from", "solve", "--autoplay", "1"]) == 2
    assert main(["play", "phone-late-delivery", "--from", "solv"]) == 1
    assert "no node 'solv' — did you mean 'solve'?" in capsys.readouterr().err


def test_autoplay_takes_option_ids_and_a_seed(tmp_path, capsys):
    path = "full-greeting,apologise-ask,confirm-cause,express,1"
    code = main(["play", "phone-late-delivery", "--autoplay", path, "--seed", "7"])
    assert code == 0 and "100.0 / 100 합격" in capsys.readouterr().out
    # numbers are as displayed under the seed: 1,3,3,1,1 is the best path under seed 7 (see test_replay)
    code = main(["play", "phone-late-delivery", "--autoplay", "1,3,3,1,1", "--seed", "7"])
    assert code == 0 and "100.0 / 100 합격" in capsys.readouterr().out
    assert main(["play", "phone-late-delivery", "--autoplay", "1,apologize"]) == 1
    assert "option 'apologize' is not offered" in capsys.readouterr().err
