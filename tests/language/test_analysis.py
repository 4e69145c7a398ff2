"""The analyser on the hard cases the issue names (the labelled set in tests/data covers the rest)."""

import pytest

from game.language import analyse


def kinds(text: str) -> set[str]:
    return set(analyse(text).kinds)


@pytest.mark.parametrize(
    "text, level",
    [
        ("주문 번호를 말씀해 주시겠습니까?", "hapsyo"),
        ("잠시만 기다려 주세요.", "haeyo"),
        ("안 되는데요", "haeyo"),
        ("그거 안 돼.", "banmal"),
        ("확인해 드리겠습니다. 잠깐 기다려.", "banmal"),  # the reply takes its lowest sentence
        ("네.", None),
    ],
)
def test_speech_level_is_the_lowest_sentence(text, level):
    assert analyse(text).speech_level == level


@pytest.mark.parametrize(
    "text",
    ["커피 나오셨습니다.", "주소가 맞으십니까?", "만 원이세요.", "품절되셨습니다.", "담당자에게 여쭤보세요."],
)
def test_honorific_errors(text):
    assert "honorific_error" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "고객님, 주문하신 분이 맞으세요?",
        "성함이 어떻게 되십니까?",
        "예약 번호 있으세요?",
        "고객님 따님이 참 귀여우시네요.",
    ],
)
def test_si_on_the_customer_is_no_error(text):
    found = kinds(text)
    assert "honorific_error" not in found and "honorific" in found


def test_a_normative_an_doenda_is_not_a_refusal_but_the_agents_own_is():
    assert "refusal" not in kinds("이런 일이 다시 있어서는 안 됩니다.")
    assert "refusal" in kinds("그건 안 됩니다.")


def test_blame_needs_the_customer_at_fault_and_a_negation_cancels_it():
    assert "blame" not in kinds("고객님이 잘못 알고 계신 게 아니라, 저희 안내가 부족했습니다.")
    assert "blame" not in kinds("저희가 잘못 안내해 드렸습니다.")
    assert "blame" in kinds("주문하실 때 주소를 잘못 쓰셨네요.")
    assert "blame" in kinds("그러게 왜 확인을 안 하셨어요?")


def test_calm_down_orders_in_any_conjugation_but_not_sincerity():
    for text in (
        "고객님, 일단 진정하시고요.",
        "진정하세요.",
        "진정 좀 하세요.",
        "진정하십시오.",
        "흥분하지 마시고요.",
    ):
        assert "calm_down" in kinds(text), text
    assert "calm_down" not in kinds("진정으로 사과드립니다.")


def test_a_cushion_is_not_an_apology():
    found = kinds("죄송하지만 주문 번호를 한 번 더 불러 주시겠어요?")
    assert "cushion" in found and "apology" not in found
    assert "apology" in kinds("기다리시게 해서 정말 죄송합니다.")


def test_rule_hiding_and_excuses():
    assert "rule_hiding" in kinds("저도 규정이라 어쩔 수 없어요.")
    assert "excuse" in kinds("택배 물량이 많아서 어쩔 수 없었어요.")


def test_spans_point_into_the_text():
    analysis = analyse("네, 고객님. 커피 나오셨습니다.")
    error = analysis.of("honorific_error")[0]
    assert analysis.text[error.start : error.end] == error.text == "커피 나오셨"


def test_stage_directions_are_not_speech():
    assert analyse("(말없이 수화기를 내려놓는다)").findings == ()
