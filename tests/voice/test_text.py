"""What synthesisers are given, across the whole built-in library: never a stage direction."""

import re

import pytest

from game.scenario.directions import directions
from game.scenario.library import load_library
from game.voice.text import PART_SEPARATOR, part_lines, synth_text

BRACKETS = re.compile(r"[()\[\]（）［］]")


@pytest.fixture(scope="module")
def lines():
    library = load_library()
    return [line for scenario in library.scenarios for line in scenario.spoken_lines()]


@pytest.mark.parametrize("backend", ["espeak", "gtts", "system"])
def test_no_text_for_any_synthesiser_contains_a_direction(lines, backend):
    with_directions = [line for line in lines if directions(line.text)]
    assert len(with_directions) >= 27  # the lines issue #11 found reading their directions aloud
    for line in lines:
        said = synth_text(line, backend)
        assert not BRACKETS.search(said), (line.line_id, said)
        for direction in directions(line.text):
            words = [w for w in re.findall(r"[가-힣]{2,}", direction) if '"' not in direction]
            for word in words:
                assert word not in said, (line.line_id, word, said)


def test_the_abusive_caller_never_says_the_word_for_abuse(lines):
    abusive = [line for line in lines if "(욕설)" in line.text]
    assert len(abusive) >= 6  # the abusive card-block caller and the repeat complainer
    assert all("욕설" not in synth_text(line) and "욕썰" not in synth_text(line) for line in abusive)


def test_lines_that_are_only_directions_are_silent(lines):
    silent = {line.line_id for line in lines if synth_text(line) == ""}
    assert {
        "f2f-business-card-and-guide/neutral/customer",
        "f2f-late-greeting/neutral/customer",
        "f2f-mixed-up-visitors/neutral/customer",
    } <= silent


def test_the_child_is_voiced_apart_from_the_mother(lines):
    line = next(line for line in lines if line.line_id == "difficult-with-children-bankbook/purpose/customer")
    child, mother = part_lines(line)
    assert child.text == "이거 다 내 돈이에요!" and child.voice == line.second.voice
    assert mother.voice == line.voice and mother.text.startswith("얘 이름으로")
    assert synth_text(line, "gtts") == f"{child.text}{PART_SEPARATOR}{mother.text}"
    assert (
        synth_text(line)
        == "이거 다 내 도니에요! / 얘 이르므로 통장을 하나 만드러 주려고요. 세밷똔 모은 거 너어 주려고요."
    )


def test_espeak_gets_the_pronunciation_and_the_others_the_spelling(lines):
    line = next(line for line in lines if "감사합니다" in line.text and not directions(line.text))
    assert "감사함니다" in synth_text(line, "espeak")
    assert "감사합니다" in synth_text(line, "gtts") and "감사합니다" in synth_text(line, "system")
