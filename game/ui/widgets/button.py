"""Buttons and a keyboard-and-mouse menu of them.

Every button can be reached three ways, because a new hire at a shared PC may use any of them: a
click, its number key (choices), or arrow keys and Enter (focus). The label wraps and shrinks inside
the button instead of spilling.

A menu of a trainee's options is different from a menu of commands: a filled, bold, coloured first
option reads as "the answer", so such a menu (``outline=True``) starts with no focus at all and shows
focus, once the trainee moves it, only as a neutral outline with the label unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.context import Context
from game.ui.layout import Rect, contains
from game.ui.widgets.panel import draw_panel
from game.ui.widgets.text import draw_text, fit

MIN_LABEL_SIZE = 12  # design px: below this a label is left to shrink (and cut) on its own


@dataclass
class Button:
    rect: Rect
    label: str
    action: str
    number: int | None = None
    enabled: bool = True

    def draw(
        self,
        ctx: Context,
        surface: pygame.Surface,
        focused: bool = False,
        size: float = 20,
        outline: bool = False,
    ) -> None:
        th = ctx.theme
        if outline:  # focus as a neutral frame: the option looks exactly like the others inside it
            self._draw(ctx, surface, False, size)
            if focused:
                frame = pygame.Rect(ctx.layout.rect(self.rect))
                px = ctx.layout.px
                pygame.draw.rect(surface, th.text, frame, width=px(3), border_radius=px(10))
            return
        self._draw(ctx, surface, focused, size)

    def label_rect(self) -> Rect:
        """Where the label goes: beside the number badge, if the button has one."""
        x, y, w, h = self.rect
        left = x + (52 if self.number is not None else 14)
        return (left, y + 6, x + w - left - 12, h - 12)

    def _draw(self, ctx: Context, surface: pygame.Surface, focused: bool, size: float) -> None:
        th = ctx.theme
        back = th.accent if focused else th.panel_alt
        fore = th.on_accent if focused else th.text
        if not self.enabled:
            fore = th.text_dim
        draw_panel(ctx, surface, self.rect, back, th.focus if focused else th.border, radius=10)
        x, y, _w, h = self.rect
        if self.number is not None:
            badge = (x + 10, y + h / 2 - 16, 32, 32)
            draw_panel(ctx, surface, badge, th.on_accent if focused else th.accent, None, radius=16)
            draw_text(
                ctx,
                surface,
                str(self.number),
                badge,
                18,
                th.accent if focused else th.on_accent,
                bold=True,
                align="center",
                valign="middle",
            )
        draw_text(
            ctx,
            surface,
            self.label,
            self.label_rect(),
            size,
            fore,
            bold=focused,
            valign="middle",
            align="left" if self.number is not None else "center",
        )


class Menu:
    """A column (or row) of buttons with at most one focused; Enter or a click activates.

    ``focus=None`` starts with nothing focused: the first arrow key focuses the first (Down) or last
    (Up) button, and Enter does nothing until then.
    """

    def __init__(self, buttons: list[Button], focus: int | None = 0, outline: bool = False) -> None:
        self.buttons = buttons
        self.outline = outline
        self.focus = None if focus is None else min(focus, max(0, len(buttons) - 1))

    def at(self, pos: tuple[float, float]) -> int | None:
        for index, button in enumerate(self.buttons):
            if button.enabled and contains(button.rect, pos):
                return index
        return None

    def handle(self, ctx: Context, event: pygame.event.Event) -> Button | None:
        """The button activated by this event, if any; moves the focus on arrows and hover."""
        if not self.buttons:
            return None
        if event.type == pygame.KEYDOWN:
            count = len(self.buttons)
            if event.key in (pygame.K_DOWN, pygame.K_RIGHT, pygame.K_TAB):
                self.focus = 0 if self.focus is None else (self.focus + 1) % count
            elif event.key in (pygame.K_UP, pygame.K_LEFT):
                self.focus = count - 1 if self.focus is None else (self.focus - 1) % count
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if self.focus is None:
                    return None
                button = self.buttons[self.focus]
                return button if button.enabled else None
        elif event.type == pygame.MOUSEMOTION:
            index = self.at(ctx.layout.to_design(event.pos))
            if index is not None:
                self.focus = index
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            index = self.at(ctx.layout.to_design(event.pos))
            if index is not None:
                self.focus = index
                return self.buttons[index]
        return None

    def draw(self, ctx: Context, surface: pygame.Surface, size: float = 20) -> None:
        if self.outline:
            size = self.common_size(ctx, size)
        for index, button in enumerate(self.buttons):
            button.draw(ctx, surface, focused=index == self.focus, size=size, outline=self.outline)

    def common_size(self, ctx: Context, size: float) -> float:
        """The largest size at which every label fits unshrunk: a trainee's options are drawn alike,
        or the one long option shrunk to fit would stand out (and long is often the wrong one)."""
        while size > MIN_LABEL_SIZE and not all(
            fit(ctx, b.label, b.label_rect(), size).size == ctx.size(size) for b in self.buttons
        ):
            size -= 0.5
        return size
