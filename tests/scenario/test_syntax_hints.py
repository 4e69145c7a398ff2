"""Syntax errors name their cause at its line: an unclosed quote where it opens, a full-width colon
typed with the Korean input method after a key, on the line where it was typed."""

from __future__ import annotations

from game.scenario.library import BUILTIN_SCENARIOS, load_library

SEED = (BUILTIN_SCENARIOS / "phone" / "late-delivery-call.yaml").read_text(encoding="utf-8")
GREETING = "say: 감사합니다. 한빛쇼핑 고객센터 김하늘입니다. 무엇을 도와드릴까요?"
LINES = [line.strip() for line in SEED.splitlines()]
GREETING_LINE = LINES.index(GREETING) + 1  # the first choice's say: in late-delivery-call.yaml
TIME_LIMIT_LINE = LINES.index("time_limit: 6") + 1


def errors_of(tmp_path, text: str) -> list[str]:
    path = tmp_path / "call.yaml"
    path.write_text(text, encoding="utf-8")
    return [d.format().removeprefix(str(path)) for d in load_library([str(path)]).errors]


def test_an_unclosed_double_quote_is_reported_where_it_opens(tmp_path):
    # PyYAML itself gives up 38 lines later, at the next '"' in the file
    (error,) = errors_of(tmp_path, SEED.replace(GREETING, GREETING.replace("say: ", 'say: "'), 1))
    assert error.startswith(f':{GREETING_LINE}:14: error: E002 YAML syntax: the double quote " opened here')
    assert 'end the text with " on the same line' in error


def test_an_unclosed_single_quote_is_reported_where_it_opens(tmp_path):
    (error,) = errors_of(tmp_path, SEED.replace(GREETING, GREETING.replace("say: ", "say: '"), 1))
    assert error.startswith(f":{GREETING_LINE}:14: error: E002 YAML syntax: the single quote ' opened here")


def test_quotes_closed_on_their_line_are_not_blamed(tmp_path):
    broken = SEED.replace(GREETING, f'say: "{GREETING[5:]}"', 1).replace(
        "start: ring", "start: ring\n  bad", 1
    )
    (error,) = errors_of(tmp_path, broken)
    assert "quote" not in error


def test_a_full_width_colon_after_a_key_is_named_with_the_fix(tmp_path):
    text = SEED.replace(
        "        follows: [identify_on_phone, warm_greeting]",
        "        follows： [identify_on_phone, warm_greeting]",
        1,
    )
    (error,) = errors_of(tmp_path, text)
    assert error == (
        f":{GREETING_LINE + 1}:16: error: E009 'follows' is followed by a fullwidth colon '：' (U+FF1A), not ':'"
        " — type ':' with the input method in English mode: 'follows:'"
    )


def test_other_full_width_punctuation_after_a_key(tmp_path):
    (error,) = errors_of(tmp_path, SEED.replace("    time_limit: 6", "    time_limit， 6", 1))
    assert error.startswith(
        f":{TIME_LIMIT_LINE}:15: error: E009 'time_limit' is followed by a fullwidth comma '，'"
    )
    assert "'time_limit:'" in error


def test_an_unknown_principle_in_a_rubric_gets_a_suggestion(tmp_path):
    rubric = (BUILTIN_SCENARIOS / "rubrics" / "default.yaml").read_text(encoding="utf-8")
    assert "principle: no_blame" in rubric
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "mine.yaml").write_text(
        rubric.replace("principle: no_blame", "principle: no_blam", 1), encoding="utf-8"
    )
    text = SEED.replace("id: phone-late-delivery", "id: mine\nrubric: mine", 1)
    found = [e for e in errors_of(tmp_path, text) if "E205" in e]
    assert found and found[0].endswith("unknown principle 'no_blam' — did you mean 'no_blame'?")
