"""A trainee's options are drawn at one size: a long option shrunk alone would stand out."""

from __future__ import annotations

from game.ui.widgets.button import Button, Menu
from game.ui.widgets.text import fit
from tests.ui.helpers import make_app

SHORT = "네, 바로 확인해 드리겠습니다."
LONG = "고객님, 정말 죄송합니다. 저희 쪽 사정을 말씀드리자면 요즘 물량이 워낙 많아서 택배사에도 계속 요청을 드리고 있는데, 이번 주 안에는 꼭 받으실 수 있도록 최선을 다하겠습니다. 혹시 그래도 늦어지면 다시 연락 주시면 제가 한 번 더 택배사에 확인해 보고 말씀드리겠습니다. 오늘 기다리시게 해서 다시 한번 정말 죄송하다는 말씀 드립니다."


def _menu(outline: bool) -> Menu:
    rects = [(16, 432 + i * 72, 1248, 64) for i in range(3)]
    labels = [SHORT, LONG, SHORT]
    buttons = [
        Button(r, text, f"choose:{i + 1}", number=i + 1)
        for i, (r, text) in enumerate(zip(rects, labels, strict=True))
    ]
    return Menu(buttons, outline=outline)


def test_every_option_is_drawn_at_the_size_the_longest_needs():
    ctx = make_app().ctx
    menu = _menu(outline=True)
    alone = [fit(ctx, b.label, b.label_rect(), 19).size for b in menu.buttons]
    assert alone[0] > alone[1]  # left alone, the long option would be smaller than the others
    common = menu.common_size(ctx, 19)
    assert common < 19
    assert all(fit(ctx, b.label, b.label_rect(), common).size == ctx.size(common) for b in menu.buttons)


def test_a_menu_of_options_that_all_fit_keeps_the_asked_size():
    ctx = make_app().ctx
    menu = _menu(outline=True)
    menu.buttons[1].label = SHORT
    assert menu.common_size(ctx, 19) == 19
