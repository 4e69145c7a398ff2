"""A one-line text box that takes Korean through the IME.

SDL sends ``TEXTEDITING`` while a syllable is being composed (ㅎ → 하 → 한) and ``TEXTINPUT`` when it
is committed; pygame draws neither, so this box draws the composition itself, underlined, after the
committed text. Backspace deletes committed text only when nothing is being composed (during
composition the IME itself edits the syllable and tells us through ``TEXTEDITING``).
"""

from __future__ import annotations

import pygame

from game.ui.context import Context
from game.ui.layout import Rect
from game.ui.widgets.panel import draw_panel
from game.ui.widgets.text import draw_text


class TextInput:
    def __init__(self, rect: Rect, max_length: int = 200, placeholder: str = "") -> None:
        self.rect = rect
        self.max_length = max_length
        self.placeholder = placeholder
        self.text = ""
        self.composition = ""
        self.active = False

    def activate(self, ctx: Context) -> None:
        """Ask the OS for text input and place its candidate window under the box."""
        self.active = True
        pygame.key.start_text_input()
        pygame.key.set_text_input_rect(pygame.Rect(ctx.layout.rect(self.rect)))

    def deactivate(self) -> None:
        self.active = False
        self.composition = ""
        pygame.key.stop_text_input()

    def clear(self) -> None:
        self.text = ""
        self.composition = ""

    def process_event(self, event: pygame.event.Event) -> bool:
        """True if the event was text editing that this box consumed."""
        if not self.active:
            return False
        if event.type == pygame.TEXTEDITING:
            self.composition = event.text
            return True
        if event.type == pygame.TEXTINPUT:
            self.composition = ""
            room = self.max_length - len(self.text)
            self.text += event.text[: max(0, room)]
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            if not self.composition:
                self.text = self.text[:-1]
            return True
        # A typing key (Space too) brings its text as TEXTINPUT; it must not also press a button.
        return event.type == pygame.KEYDOWN and bool(event.unicode) and event.unicode.isprintable()

    def draw(self, ctx: Context, surface: pygame.Surface, size: float = 22) -> None:
        th = ctx.theme
        draw_panel(ctx, surface, self.rect, th.panel, th.focus if self.active else th.border, radius=8)
        x, y, w, h = self.rect
        inner = (x + 14, y + 6, w - 28, h - 12)
        if not self.text and not self.composition:
            draw_text(ctx, surface, self.placeholder, inner, size, th.text_dim, valign="middle")
            self._draw_caret(ctx, surface, inner, 0, size)
            return
        font = ctx.fonts.font(ctx.size(size))
        box = pygame.Rect(ctx.layout.rect(inner))
        composing = font.size(self.composition)[0]
        shown = self.text
        if font.size(shown)[0] + composing > box.width:
            # Keep the end (where the caret is) in view: drop whole characters from the front behind an
            # ellipsis rather than cutting a syllable in half at the edge.
            room = box.width - composing - font.size("… ")[0]
            cut = 0
            while cut < len(shown) and font.size(shown[cut:])[0] > room:
                cut += 1
            shown = "…" + shown[cut:]
        committed = font.size(shown)[0]
        top = box.y + (box.height - font.get_linesize()) // 2
        if shown:
            surface.blit(ctx.fonts.render(shown, ctx.size(size), th.text), (box.x, top))
        if self.composition:
            left = box.x + committed
            surface.blit(ctx.fonts.render(self.composition, ctx.size(size), th.accent), (left, top))
            underline = top + font.get_linesize() - ctx.layout.px(2)
            pygame.draw.line(
                surface, th.accent, (left, underline), (left + composing, underline), ctx.layout.px(2)
            )
        if self.active:
            caret_x = box.x + committed + composing + 2
            pygame.draw.line(surface, th.focus, (caret_x, top), (caret_x, top + font.get_linesize()), 2)

    def _draw_caret(
        self, ctx: Context, surface: pygame.Surface, inner: Rect, offset: int, size: float
    ) -> None:
        if not self.active:
            return
        box = pygame.Rect(ctx.layout.rect(inner))
        height = ctx.fonts.font(ctx.size(size)).get_linesize()
        top = box.y + (box.height - height) // 2
        pygame.draw.line(surface, ctx.theme.focus, (box.x + offset, top), (box.x + offset, top + height), 2)
