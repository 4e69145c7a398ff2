"""Every kind of authoring problem gets a code, a position and a fix — checked on tiny files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.scenario.library import load_library

GOOD = """\
id: tiny
title: 작은 시나리오
category: face_to_face
customer: {name: 손님}
start: greet
nodes:
  greet:
    customer: 안녕하세요.
    choices:
      - say: 어서 오세요.
        next: done
      - say: 네.
        next: done
  done:
    ending: {outcome: satisfied}
"""


def problems(tmp_path: Path, text: str, name: str = "s.yaml") -> list[str]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    library = load_library([str(path)])
    return [d.format() for d in library.diagnostics if d.is_error]


def only(tmp_path: Path, text: str) -> str:
    found = problems(tmp_path, text)
    assert len(found) == 1, found
    return found[0].replace(str(tmp_path) + "/", "")


def test_good_file_loads(tmp_path):
    assert problems(tmp_path, GOOD) == []


def test_syntax_error_points_at_the_line(tmp_path):
    text = GOOD.replace("    customer: 안녕하세요.", "    customer: [안녕하세요.")
    message = only(tmp_path, text)
    assert message.startswith("s.yaml:9:")
    assert "error: E002 YAML syntax" in message


def test_tab_indentation_hint(tmp_path):
    message = only(tmp_path, GOOD.replace("  done:\n    ending", "  done:\n\tending"))
    assert "E002" in message and "tabs" in message


def test_unknown_key_suggests_the_intended_one(tmp_path):
    message = only(
        tmp_path, GOOD.replace("      - say: 네.\n", "      - say: 네.\n        feedbak: 짧아요.\n")
    )
    assert message.startswith("s.yaml:13:9: error: E101 unknown key 'feedbak'")
    assert "did you mean 'feedback'?" in message


def test_wrong_type(tmp_path):
    message = only(tmp_path, GOOD.replace("start: greet", "start: [greet]"))
    assert message.startswith("s.yaml:5:8: error: E103 start must be text")


def test_yes_no_becomes_boolean_and_the_hint_says_quote_it(tmp_path):
    message = only(tmp_path, GOOD.replace("      - say: 네.", "      - say: yes"))
    assert message.startswith("s.yaml:12:14: error: E103")
    assert "put the text in quotes" in message


def test_missing_required_key(tmp_path):
    message = only(tmp_path, GOOD.replace("title: 작은 시나리오\n", ""))
    assert message.startswith("s.yaml:1:1: error: E102 'title' is missing")


def test_value_not_allowed(tmp_path):
    message = only(tmp_path, GOOD.replace("category: face_to_face", "category: phonee"))
    assert message.startswith("s.yaml:3:11: error: E104")
    assert "did you mean 'phone'?" in message


def test_duplicate_key(tmp_path):
    text = GOOD.replace(
        "  done:\n    ending: {outcome: satisfied}\n",
        "  done:\n    ending: {outcome: satisfied}\n  greet:\n    ending: {outcome: lost}\n",
    )
    found = problems(tmp_path, text)
    assert any(
        m.endswith("the last one; rename or merge them")
        and ":16:3: error: E006 duplicate key 'greet' (first at line 7)" in m
        for m in found
    ), found


def test_duplicate_choice_id(tmp_path):
    text = GOOD.replace("      - say: 어서 오세요.\n", "      - id: a\n        say: 어서 오세요.\n").replace(
        "      - say: 네.\n", "      - id: a\n        say: 네.\n"
    )
    message = only(tmp_path, text)
    assert ":13:13: error: E203 choice id 'a' is used twice in node 'greet'" in message


def test_duplicate_scenario_id_across_files(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    library = load_library([str(tmp_path)])
    [message] = [d.format() for d in library.errors]
    assert "b.yaml:1:5: error: E203 scenario id 'tiny' is already used by" in message
    assert "a.yaml:1:5" in message


def test_dangling_next(tmp_path):
    message = only(
        tmp_path, GOOD.replace("      - say: 네.\n        next: done", "      - say: 네.\n        next: dnoe")
    )
    assert message.startswith("s.yaml:13:15: error: E202 next goes to 'dnoe', which is not a node")
    assert "did you mean 'done'?" in message


def test_missing_start(tmp_path):
    message = only(tmp_path, GOOD.replace("start: greet", "start: hello"))
    assert message.startswith("s.yaml:5:8: error: E201 start node 'hello' does not exist")


def test_unknown_dimension_principle_and_step(tmp_path):
    text = GOOD.replace(
        "      - say: 네.\n",
        "      - say: 네.\n        effects: {smiles: 1}\n        follows: [courtsey]\n        steps: [listen]\n",
    )
    found = problems(tmp_path, text)
    assert any(
        ":13:19: error: E204 unknown dimension 'smiles'" in m and "did you mean 'smile'?" in m for m in found
    ), found
    assert any(
        ":14:19: error: E205 unknown principle 'courtsey'" in m and "'courtesy'" in m for m in found
    ), found
    assert any(":15:17: error: E206 unknown complaint step 'listen'" in m for m in found), found


def test_unreachable_node(tmp_path):
    text = GOOD + "  orphan:\n    ending: {outcome: lost}\n"
    message = only(tmp_path, text)
    assert message.startswith("s.yaml:16:3: error: E301 node 'orphan' cannot be reached from 'greet'")


def test_dead_end(tmp_path):
    text = (
        GOOD.replace("      - say: 네.\n        next: done", "      - say: 네.\n        next: stuck")
        + "  stuck:\n    customer: ...\n"
    )
    message = only(tmp_path, text)
    assert message.startswith("s.yaml:16:3: error: E302 node 'stuck' is a dead end")


def test_cycle_with_no_way_out(tmp_path):
    text = GOOD.replace("      - say: 네.\n        next: done", "      - say: 네.\n        next: loop_a") + (
        "  loop_a:\n    customer: 또요?\n    next: loop_b\n  loop_b:\n    customer: 또!\n    next: loop_a\n"
    )
    message = only(tmp_path, text)
    assert message.startswith(
        "s.yaml:16:3: error: E303 play can loop forever without an ending through: loop_a, loop_b"
    )


def test_conditional_next_needs_a_fallback(tmp_path):
    text = GOOD.replace(
        "        next: done\n      - say: 네.",
        "        next:\n          - if: {mood_at_least: 1}\n            goto: done\n      - say: 네.",
    )
    message = only(tmp_path, text)
    assert ":13:19: error: E209" in message


def test_node_kind_conflict(tmp_path):
    message = only(
        tmp_path,
        GOOD.replace("    ending: {outcome: satisfied}", "    ending: {outcome: satisfied}\n    next: greet"),
    )
    assert "E208 node 'done' has both ending and next" in message


def test_all_problems_of_a_file_in_one_run(tmp_path):
    text = GOOD.replace("category: face_to_face", "category: shop").replace(
        "      - say: 네.\n", "      - say: 네.\n        colour: red\n"
    )
    found = problems(tmp_path, text)
    assert len(found) == 2 and {"E104", "E101"} == {m.split("error: ")[1][:4] for m in found}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("x" * 1_000_001, "E003"),
        ("a: " + "[" * 100 + "]" * 100, "E004"),
        ("a: &a [1]\n" + "".join(f"b{i}: *a\n" for i in range(150)), "E005"),
        ("- just a list\n", "E007"),
        ("", "E007"),
        ("id: !!python/object:os.system x\n", "E008"),
        ("a: 1\n<<: {b: 2}\n", "E008"),
    ],
)
def test_hostile_or_malformed_files_are_refused_with_a_position(tmp_path, text, code):
    found = problems(tmp_path, text)
    assert found and f"error: {code}" in found[0], found
    assert found[0].startswith(str(tmp_path / "s.yaml") + ":")


def test_billion_laughs_is_bounded(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]"
        for i in range(1, 9)
    ]
    found = problems(tmp_path, "\n".join(lines) + "\n")
    assert found and "E005" in found[0]


def test_not_utf8_is_explained(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_bytes("id: 한글\n".encode("cp949"))
    library = load_library([str(path)])
    [message] = [d.format() for d in library.errors]
    assert "E001 the file is not UTF-8 text" in message and "CP949" in message


def test_deep_block_nesting_without_brackets_is_refused(tmp_path):
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(60)) + "  " * 60 + "end\n"
    found = problems(tmp_path, text)
    assert found and "error: E004 nesting is deeper than 40 levels" in found[0], found


PEOPLE = GOOD.replace(
    "customer: {name: 손님}",
    "customer:\n  name: 손님\n  age: 34\n  gender: female\n  look: {hair: bun, clothing: pink}\n"
    "  companion: {name: 도윤, age: 6, gender: male}",
).replace("    customer: 안녕하세요.", "    customer: 안녕하세요.\n    companion: {emotion: sad}")


def test_age_gender_look_and_a_companion_load_into_the_model(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(
        PEOPLE.replace("category: face_to_face", "category: face_to_face\nsetting: bank"), "utf-8"
    )
    scenario = load_library([str(path)]).get("tiny")
    customer = scenario.customer
    assert (customer.age, customer.gender, customer.look.hair, customer.look.clothing) == (
        34,
        "female",
        "bun",
        "pink",
    )
    assert customer.companion is not None and (customer.companion.name, customer.companion.age) == ("도윤", 6)
    assert scenario.nodes["greet"].companion_emotion == "sad" and scenario.stage == "bank"


def test_gender_defaults_to_the_voice_and_the_stage_to_the_channel(tmp_path):
    text = GOOD.replace("customer: {name: 손님}", "customer: {name: 손님, voice: {gender: male}}")
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    scenario = load_library([str(path)]).get("tiny")
    assert scenario.customer.gender == "male" and scenario.stage == "office"


def test_an_unknown_hair_style_is_pointed_at_with_the_closest_name(tmp_path):
    message = only(tmp_path, PEOPLE.replace("hair: bun", "hair: bunn"))
    assert message.startswith("s.yaml:8:")
    assert "E104" in message and "did you mean 'bun'?" in message


def test_a_colour_on_an_ink_drawn_style_is_an_error_at_the_colour(tmp_path):
    message = only(tmp_path, PEOPLE.replace("hair: bun,", "hair: long, hair_color: grey,"))
    assert message.startswith("s.yaml:8:")
    assert "E211 hair 'long' is always drawn black" in message


def test_a_companion_emotion_without_a_companion_is_an_error_at_the_node(tmp_path):
    text = PEOPLE.replace("\n  companion: {name: 도윤, age: 6, gender: male}", "")
    message = only(tmp_path, text)
    assert message.startswith("s.yaml:13:5: error: E212 node 'greet' sets the companion's emotion")


def test_an_age_out_of_range_is_reported(tmp_path):
    message = only(tmp_path, PEOPLE.replace("age: 34", "age: 340"))
    assert message.startswith("s.yaml:6:") and "E105" in message


SECOND = GOOD.replace(
    "    customer: 안녕하세요.\n",
    '    customer: (아이가 손을 흔들며 "안녕하세요!") 안녕하세요.\n'
    "    second_speaker: {name: 아이, voice: {gender: female, pitch: high}}\n",
)


def test_a_second_speaker_is_loaded_with_its_voice_and_given_to_the_nodes_lines(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(SECOND, encoding="utf-8")
    scenario = load_library([str(path)]).scenarios[0]
    second = scenario.nodes["greet"].second_speaker
    assert second.name == "아이" and second.voice.pitch == "high"
    assert [line.second for line in scenario.spoken_lines()] == [second]


def test_a_second_speaker_with_no_quoted_words_is_an_error_at_its_key(tmp_path):
    message = only(tmp_path, SECOND.replace('"안녕하세요!"', "안녕하세요!"))
    assert message.startswith("s.yaml:9:5: error: E220 second_speaker '아이' says nothing in node 'greet'")
    assert "double quotes inside a direction" in message


def test_a_second_speakers_voice_is_checked_by_the_schema(tmp_path):
    message = only(tmp_path, SECOND.replace("pitch: high", "pitch: squeaky"))
    assert message.startswith("s.yaml:9:63: error: E104 nodes.greet.second_speaker.voice.pitch")


def test_a_condition_on_a_flag_nothing_sets_is_an_error_with_did_you_mean(tmp_path):
    text = GOOD.replace(
        "      - say: 어서 오세요.\n        next: done\n",
        "      - say: 어서 오세요.\n        set: [apologised]\n        next: done\n"
        "      - say: 또 오셨네요.\n        if: {flag: apologized}\n        next: done\n",
    )
    message = only(tmp_path, text)
    assert "error: E213 the condition reads flag 'apologized', which no option sets" in message
    assert "did you mean 'apologised'?" in message


def test_score_at_least_on_a_dimension_nothing_moves_is_an_error(tmp_path):
    # In GOOD no line earns or loses composure (no principle, no wording rule, no complaint steps),
    # so its running score is never assessed and the condition could never hold; Habit is never a
    # running score at all.
    for dim in ("composure", "habit"):
        text = GOOD.replace(
            "      - say: 네.\n        next: done\n",
            "      - say: 네.\n        next: done\n"
            f"      - say: 잠시만요.\n        if: {{score_at_least: {{{dim}: 50}}}}\n        next: done\n",
        )
        message = only(tmp_path, text)
        assert f"error: E214 score_at_least on '{dim}', which cannot be assessed here" in message
    # a line that says "안 돼요" breaks positive_language (attitude −2, skill −1): attitude can be assessed
    text = GOOD.replace("      - say: 네.\n", "      - say: 안 돼요.\n").replace(
        "  done:\n",
        "        if: {score_at_least: {attitude: 50}}\n  done:\n",
    )
    assert not any("E214" in p for p in problems(tmp_path, text))
