"""A horizontal meter (patience, answer time) whose colour says how urgent it is."""

from __future__ import annotations

import pygame

from game.ui.context import Context
from game.ui.layout import Rect


def level_color(ctx: Context, fraction: float) -> tuple:
    th = ctx.theme
    if fraction > 0.5:
        return th.good
    return th.warn if fraction > 0.25 else th.bad


def draw_meter(
    ctx: Context, surface: pygame.Surface, rect: Rect, fraction: float, color: tuple | None = None
) -> None:
    fraction = max(0.0, min(1.0, fraction))
    box = pygame.Rect(ctx.layout.rect(rect))
    radius = box.height // 2
    pygame.draw.rect(surface, ctx.theme.meter_back, box, border_radius=radius)
    if fraction > 0:
        filled = box.copy()
        filled.width = max(box.height, round(box.width * fraction))
        pygame.draw.rect(surface, color or level_color(ctx, fraction), filled, border_radius=radius)
    pygame.draw.rect(surface, ctx.theme.border, box, width=1, border_radius=radius)
