"""`eungdae replay`: the engine alone, with the JSON other tools rely on."""

from __future__ import annotations

import json

from game.cli import main


def test_replay_json_contract(capsys):
    assert (
        main(["replay", "phone-late-delivery", "--choices", "1,1,1,1,1", "--seconds", "2,3,4,4,5", "--json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert {
        "scenario",
        "choices",
        "ending",
        "passed",
        "overall",
        "frameworks",
        "dimensions",
        "blockers",
        "decisions",
    } <= set(data)
    assert data["overall"] == 100 and data["passed"] and data["ending"] == "delighted"
    assert set(data["frameworks"]) == {"3S", "KASH", "complaint"}
    assert data["choices"] == [1, 1, 1, 1, 1]
    first = data["decisions"][0]
    assert {"chosen", "best", "feedback"} <= set(first)


def test_replay_blocker_path_fails_and_explains(capsys):
    assert main(["replay", "phone-late-delivery", "--choices", "1,4,3"]) == 0
    out = capsys.readouterr().out
    assert "불합격" in out and "실격 사유: 고객과 논쟁하지 않기 (불논쟁)" in out
    assert "더 나은 응대:" in out


def test_replay_bad_choice_is_a_clear_error(capsys):
    assert main(["replay", "phone-late-delivery", "--choices", "1,9"]) == 1
    assert "at node 'complaint' choice 9 is not between 1 and 4" in capsys.readouterr().err


def test_replay_unknown_id(capsys):
    assert main(["replay", "no-such-scenario", "--choices", "1"]) == 1
    assert "no scenario with id 'no-such-scenario'" in capsys.readouterr().err


def test_replay_too_many_choices(capsys):
    assert main(["replay", "phone-late-delivery", "--choices", "2,4,2,1"]) == 1
    assert "ended after 3 choices; 4 were given" in capsys.readouterr().err


def test_too_few_choices_exit_1_naming_the_next_decision(capsys):
    assert main(["replay", "phone-late-delivery", "--choices", "1"]) == 1
    out, err = capsys.readouterr()
    assert out == ""  # no half-scored "100.0/100 불합격" to mistake for a result
    assert "stop at node 'complaint' before an ending" in err
    assert "1 apologise-ask, 2 excuse" in err


def test_json_keeps_hangul_readable(capsys):
    assert main(["replay", "phone-late-delivery", "--choices", "1,1,1,1,1", "--json"]) == 0
    out = capsys.readouterr().out
    assert "\\u" not in out and "감사합니다" in out


BEST_IDS = "full-greeting,apologise-ask,confirm-cause,express,example1"


def test_replay_by_id_gives_the_same_play_under_any_seed(capsys):
    """--path names options by id; --seed numbers them as a trainee with that seed saw them."""
    assert main(["replay", "phone-late-delivery", "--path", BEST_IDS, "--json"]) == 0
    authored = json.loads(capsys.readouterr().out)
    assert main(["replay", "phone-late-delivery", "--path", BEST_IDS, "--seed", "7", "--json"]) == 0
    shuffled = json.loads(capsys.readouterr().out)
    assert authored["overall"] == shuffled["overall"] == 100 and shuffled["seed"] == 7
    assert authored["path"] == shuffled["path"] == [*BEST_IDS.split(",")[:4], "typed"]
    # under seed 7 the complaint's options are shown excuse, number-first, apologise-ask, argue
    complaint = shuffled["decisions"][1]
    assert complaint["shown"] == ["excuse", "number-first", "apologise-ask", "argue"]
    assert (
        complaint["chosen"]
        == {
            "number": 3,
            "id": "apologise-ask",
            "say": complaint["chosen"]["say"],
        }
        and complaint["best"]["id"] == "apologise-ask"
        and complaint["best"]["number"] == 3
    )
    assert authored["decisions"][1]["chosen"]["number"] == 1  # first as written in the file
    # and the displayed numbers under seed 7 replay the same play with --choices --seed 7
    numbers = ",".join(str(d["chosen"]["number"]) for d in shuffled["decisions"])
    assert main(["replay", "phone-late-delivery", "--choices", numbers, "--seed", "7", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == shuffled["path"]


def test_replay_unknown_option_id_names_the_options(capsys):
    assert main(["replay", "phone-late-delivery", "--path", "full-greeting,apologize"]) == 1
    err = capsys.readouterr().err
    assert "option 'apologize' is not offered" in err and "apologise-ask" in err


def test_replay_takes_choices_or_a_path_not_both(capsys):
    try:
        main(["replay", "phone-late-delivery", "--choices", "1", "--path", "full-greeting"])
    except SystemExit as exc:
        assert exc.code == 2
    else:
        raise AssertionError("expected a usage error")
