"""`eungdae play`: exit codes and messages for autoplay, the contract scripts rely on."""

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
