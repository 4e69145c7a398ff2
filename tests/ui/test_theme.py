import pytest

from game.ui.theme import HIGH_CONTRAST, NORMAL, contrast_ratio, theme_for


@pytest.mark.parametrize("theme", [NORMAL, HIGH_CONTRAST], ids=lambda t: t.name)
def test_every_text_colour_reads_on_every_surface(theme):
    weak = [(label, round(contrast_ratio(fg, bg), 2)) for label, fg, bg in theme.pairs()]
    assert [w for w in weak if w[1] < 4.5] == []


def test_high_contrast_is_higher_than_normal():
    assert contrast_ratio(HIGH_CONTRAST.text, HIGH_CONTRAST.panel) > contrast_ratio(NORMAL.text, NORMAL.panel)
    assert theme_for(True) is HIGH_CONTRAST and theme_for(False) is NORMAL


def test_contrast_ratio_extremes():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((120, 120, 120), (120, 120, 120)) == pytest.approx(1.0)
