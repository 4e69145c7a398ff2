"""Every option of every scenario in the library can be read whole on the play screen at 1280x720:
no option is cut off with an ellipsis or shrunk below a readable size, with as many options as its
decision shows. Wrong options are long on purpose (a wordy excuse, a lecture), so this is where a
scenario author's long line would first go unread."""

from __future__ import annotations

import pytest

from game.engine.analysis import representatives
from game.ui.context import Context
from game.ui.scenes.play import areas
from game.ui.widgets.text import fit
from tests.ui.helpers import library, make_app

READABLE = 15  # design pixels: the option text may shrink from 19 to this, no further
GAP = 8  # between option buttons, as the play scene lays them out


@pytest.fixture(scope="module")
def ctx():
    return make_app().ctx


def unreadable(ctx: Context, text: str, options: int) -> bool:
    """The option's text, in a button of a decision with ``options`` options, is cut or too small."""
    x, y, w, h = areas(0.0).choices
    height = min(64.0, (h - GAP * (options - 1)) / options)
    box = (x + 52, y + 6, w - 52 - 12, height - 12)  # where Button draws a numbered label
    fitted = fit(ctx, text, box, 19, bold=True)
    whole = ctx.fonts.lines(text, fitted.size, ctx.layout.rect(box)[2], True)
    return fitted.size < ctx.size(READABLE) or fitted.lines != whole


def test_the_check_tells_a_cut_option_from_a_whole_one(ctx):
    assert not unreadable(ctx, "네, 바로 확인해 드리겠습니다. 잠시만 기다려 주시겠어요?", 4)
    assert unreadable(ctx, "고객님, 말씀하신 내용은 충분히 이해합니다. " * 12, 4)


@pytest.mark.parametrize("scenario_id", [s.id for s in library().scenarios])
def test_every_option_fits_its_button(ctx, scenario_id):
    scenario = library().get(scenario_id)
    cut = [
        f"{node_id}/{option.id} ({len(option.say)} chars)"
        for node_id, play in representatives(scenario, library().rubric_for(scenario)).items()
        for options in [play.available()]  # a typed node's fallback choices too
        for option in options
        if unreadable(ctx, option.say, len(options))
    ]
    assert cut == []
