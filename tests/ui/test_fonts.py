"""Every character the UI draws is in the bundled font and keeps its shape at the sizes text is drawn.

What the UI draws: every interface string in both languages, every string literal in the UI's code
(arrows, stars, separators), and every text of the built-in library (titles, descriptions, lines,
choices, coaching). A missing character shows as a box; worse, NanumGothic's hinting collapses some
characters it has ("→" below 22 px) into a speck, so each non-Hangul character is also rendered at
the small sizes and its inked box compared with the same character drawn large.
"""

import ast
from pathlib import Path

import pygame
import pygame.freetype

from game.ui.fonts import BOLD, REGULAR, SUBSTITUTES, Fonts
from game.ui.i18n import STRINGS
from tests.ui.helpers import library

UI = Path(__file__).resolve().parents[2] / "game" / "ui"
SMALL_SIZES = range(11, 22)
LARGE = 48


def library_texts() -> list[str]:
    texts: list[str] = []
    for s in library().scenarios:
        customer = s.customer
        texts += [s.title, s.title_en, s.description, customer.name, customer.description, *s.goals]
        if customer.companion is not None:
            texts.append(customer.companion.name)
        for node in s.nodes.values():
            texts += [node.customer, node.narration]
            if node.ending:
                texts.append(node.ending.summary)
            for choice in node.choices:
                texts += [choice.say, choice.feedback, choice.reaction]
            if node.typed:
                texts += [node.typed.prompt, *node.typed.examples]
    return texts


def code_literals() -> list[str]:
    """String literals in the UI's code, docstrings left out (they are never drawn)."""
    found = []
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        found += [
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
        ]
    return found


def drawn_characters() -> set[str]:
    texts = [text for pair in STRINGS.values() for text in pair] + code_literals() + library_texts()
    return {c for c in "".join(texts).translate(SUBSTITUTES) if c.isprintable() and not c.isspace()}


def inked(font: pygame.font.Font, char: str) -> tuple[int, int]:
    box = font.render(char, True, (255, 255, 255)).get_bounding_rect(min_alpha=60)
    return box.width, box.height


def test_every_drawn_character_is_in_both_bundled_fonts():
    pygame.freetype.init()
    chars = drawn_characters()
    assert "→" not in chars and "⇒" in chars  # the library's step arrows, drawn through the substitute
    for path in (REGULAR, BOLD):
        face = pygame.freetype.Font(str(path), 20)
        missing = sorted(c for c in chars if face.get_metrics(c)[0] is None)
        assert missing == [], f"{path.name} lacks {[f'{c} U+{ord(c):04X}' for c in missing]}"


def test_no_drawn_character_collapses_at_text_sizes():
    pygame.font.init()
    symbols = sorted(c for c in drawn_characters() if not "가" <= c <= "힣")
    for path in (REGULAR, BOLD):
        large = pygame.font.Font(str(path), LARGE)
        reference = {c: inked(large, c) for c in symbols}
        for size in SMALL_SIZES:
            font = pygame.font.Font(str(path), size)
            k = size / LARGE
            for char in symbols:
                big_w, big_h = reference[char]
                w, h = inked(font, char)
                ratio = min((w + 1) / (big_w * k + 1), (h + 1) / (big_h * k + 1))
                assert ratio >= 0.5, f"{path.name} {size}px draws {char!r} (U+{ord(char):04X}) as a speck"


def test_the_substitute_is_drawn_but_the_text_is_kept():
    pygame.font.init()
    fonts = Fonts()
    arrow = fonts.render("가 → 나", 16, (255, 255, 255))
    double = fonts.render("가 ⇒ 나", 16, (255, 255, 255))
    assert pygame.image.tobytes(arrow, "RGBA") == pygame.image.tobytes(double, "RGBA")
    assert fonts.lines("맞이하기 → 상대 확인", 16, 2000) == ["맞이하기 → 상대 확인"]
