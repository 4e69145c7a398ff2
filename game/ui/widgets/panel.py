"""Rounded panels and the dimmed veil behind overlays."""

from __future__ import annotations

import pygame

from game.ui.context import Context
from game.ui.layout import Rect


def draw_panel(
    ctx: Context,
    surface: pygame.Surface,
    rect: Rect,
    color: tuple,
    border: tuple | None = None,
    radius: float = 12,
    width: float = 2,
) -> pygame.Rect:
    box = pygame.Rect(ctx.layout.rect(rect))
    r = ctx.layout.px(radius)
    pygame.draw.rect(surface, color, box, border_radius=r)
    if border is not None:
        pygame.draw.rect(surface, border, box, width=ctx.layout.px(width), border_radius=r)
    return box


class Veil:
    """A translucent sheet over the whole window; one surface reused while the size stays the same."""

    def __init__(self) -> None:
        self._surface: pygame.Surface | None = None
        self._key: tuple | None = None

    def draw(self, surface: pygame.Surface, color: tuple[int, int, int, int]) -> None:
        key = (surface.get_size(), color)
        if self._key != key or self._surface is None:
            self._surface = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            self._surface.fill(color)
            self._key = key
        surface.blit(self._surface, (0, 0))
