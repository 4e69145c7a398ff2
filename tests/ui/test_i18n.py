"""Every interface string in both languages draws with the bundled font: no empty boxes for a glyph."""

import pygame
import pytest

from game.ui.fonts import REGULAR
from game.ui.i18n import STRINGS, Strings


@pytest.fixture(scope="module")
def font():
    pygame.font.init()
    return pygame.font.Font(str(REGULAR), 20)


def missing_glyphs(font, text: str) -> set[str]:
    box = pygame.image.tobytes(font.render("\ue000", True, (255, 255, 255)), "RGBA")
    return {
        ch
        for ch in set(text)
        if not ch.isspace() and pygame.image.tobytes(font.render(ch, True, (255, 255, 255)), "RGBA") == box
    }


def test_every_string_renders_with_nanumgothic(font):
    used = "".join(ko + en for ko, en in STRINGS.values()) + "○×★☆◀▶▲▼·…“”"
    assert missing_glyphs(font, used) == set()


def test_english_falls_back_to_korean_and_formats():
    assert Strings("en")("mode.exam") == "Exam"
    assert Strings("ko")("debrief.score", score=86) == "86점"
    assert Strings("xx").lang == "ko"
    assert Strings("ko")("no.such.key") == "no.such.key"
