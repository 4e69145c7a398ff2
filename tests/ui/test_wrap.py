from game.ui.wrap import wrap


def width(text: str) -> int:
    return len(text) * 10  # every character 10 px wide


def test_korean_wraps_between_words():
    lines = wrap("많이 기다리셨을 텐데 정말 죄송합니다", 120, width)
    assert lines == ["많이 기다리셨을 텐데", "정말 죄송합니다"]
    assert all(width(line) <= 120 for line in lines)


def test_a_word_wider_than_the_line_breaks_between_syllables():
    lines = wrap("주문번호HB-2024-1187을확인했습니다", 60, width)
    assert "".join(lines) == "주문번호HB-2024-1187을확인했습니다"
    assert all(width(line) <= 60 for line in lines)


def test_newlines_are_kept_and_empty_text_is_one_line():
    assert wrap("가\n\n나", 100, width) == ["가", "", "나"]
    assert wrap("", 100, width) == [""]
