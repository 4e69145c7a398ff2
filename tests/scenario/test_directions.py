"""Stage directions are shown, never spoken; a quoted second speaker is split off in order."""

from game.scenario.directions import (
    CUSTOMER,
    SECOND,
    Part,
    directions,
    quoted_in_directions,
    split,
    spoken_text,
)


def test_a_direction_anywhere_in_the_line_is_removed():
    assert spoken_text("(작은 목소리로) 매일 들고 다녀요…") == "매일 들고 다녀요…"
    assert (
        spoken_text("그럼 나는 어디로 가야 되나… (엘리베이터 앞에서 한참을 서성인다)")
        == "그럼 나는 어디로 가야 되나…"
    )
    assert spoken_text("이 (욕설)… 당신 같은 사람들한테!") == "이 … 당신 같은 사람들한테!"
    assert spoken_text("여보세요? 저… (지직) …밥솥을") == "여보세요? 저… …밥솥을"


def test_square_and_full_width_brackets_are_directions_too():
    assert spoken_text("[전화 소음] 네, 여보세요?") == "네, 여보세요?"
    assert spoken_text("（웃으며）감사합니다") == "감사합니다"


def test_a_line_that_is_only_a_direction_says_nothing():
    assert split("(말없이 고개만 끄덕인다)") == []
    assert split("(고개만 끄덕이고 나간다) …") == []


def test_an_unclosed_bracket_runs_to_the_end_rather_than_being_read_aloud():
    assert spoken_text("네. (한숨을 쉬며") == "네."


def test_nested_brackets_stay_one_direction():
    assert directions("(아이가 (울먹이며) 운다) 죄송해요.") == ["(아이가 (울먹이며) 운다)"]


def test_quoted_words_in_a_direction_are_the_second_speakers_in_order():
    text = '(아이가 저금통을 내밀며 "이거 다 내 돈이에요!") 얘 이름으로 통장을 만들려고요.'
    assert quoted_in_directions(text) == ["이거 다 내 돈이에요!"]
    assert split(text, second_speaker=True) == [
        Part(SECOND, "이거 다 내 돈이에요!"),
        Part(CUSTOMER, "얘 이름으로 통장을 만들려고요."),
    ]
    # Without a second speaker the quote stays silent, like the rest of the direction.
    assert split(text) == [Part(CUSTOMER, "얘 이름으로 통장을 만들려고요.")]


def test_quotes_outside_directions_are_the_customers_own_words_without_the_marks():
    assert spoken_text("글씨는 '사랑하는 엄마'로 해 주세요.") == "글씨는 사랑하는 엄마로 해 주세요."
