"""Charts for the debrief, drawn with pygame.draw: dimension bars and the customer's mood over time.

They show the ``Result`` as given; a dimension the path never assessed is drawn as such, not as zero.
"""

from __future__ import annotations

import pygame

from game.scenario.model import MOOD_MAX, MOOD_MIN
from game.ui.context import Context
from game.ui.layout import Rect
from game.ui.widgets.meter import level_color
from game.ui.widgets.text import draw_line, draw_text

Bar = tuple[str, float | None]


def draw_bars(ctx: Context, surface: pygame.Surface, rect: Rect, groups: list[tuple[str, list[Bar]]]) -> None:
    """Horizontal bars grouped under headings: (heading, [(label, 0..100 or None)])."""
    th = ctx.theme
    x, y, w, h = rect
    rows = sum(len(bars) + 1 for _, bars in groups)
    step = h / max(1, rows)
    label_w = min(150.0, w * 0.38)
    value_w = 64.0
    row = 0
    for heading, bars in groups:
        draw_line(
            ctx,
            surface,
            heading,
            (x, y + row * step + step * 0.15),
            min(17, step * 0.62),
            th.accent,
            bold=True,
        )
        row += 1
        for label, value in bars:
            top = y + row * step
            draw_text(
                ctx,
                surface,
                label,
                (x + 12, top, label_w - 20, step),
                min(16, step * 0.6),
                th.text,
                valign="middle",
                min_size=9,
            )
            track = (x + label_w, top + step * 0.25, w - label_w - value_w, step * 0.5)
            if value is None:  # not assessed on this path: say so instead of drawing an empty bar
                draw_text(
                    ctx,
                    surface,
                    ctx.t("debrief.not_assessed"),
                    (track[0], top, w - label_w, step),
                    min(14, step * 0.55),
                    th.text_dim,
                    valign="middle",
                    min_size=9,
                )
                row += 1
                continue
            box = pygame.Rect(ctx.layout.rect(track))
            pygame.draw.rect(surface, th.meter_back, box, border_radius=box.height // 3)
            filled = box.copy()
            filled.width = round(box.width * max(0.0, min(100.0, value)) / 100)
            if filled.width:
                pygame.draw.rect(
                    surface, level_color(ctx, value / 100), filled, border_radius=box.height // 3
                )
            draw_line(
                ctx,
                surface,
                f"{value:.0f}",
                (x + w, top + step / 2),
                min(16, step * 0.6),
                th.text,
                anchor="midright",
            )
            row += 1


def draw_mood(ctx: Context, surface: pygame.Surface, rect: Rect, trace: list[int]) -> None:
    """The mood after each decision as a line from the start (left) to the end (right), -5..+5."""
    th = ctx.theme
    x, y, w, h = rect
    left = x + 30
    box = pygame.Rect(ctx.layout.rect((left, y, w - 30, h)))
    pygame.draw.rect(surface, th.panel_alt, box, border_radius=ctx.layout.px(6))
    zero = box.y + box.height * MOOD_MAX / (MOOD_MAX - MOOD_MIN)
    pygame.draw.line(surface, th.border, (box.x, round(zero)), (box.right - 1, round(zero)), 1)
    draw_line(ctx, surface, "+5", (x + 24, y), 13, th.text_dim, anchor="topright")
    draw_line(ctx, surface, "0", (x + 24, y + h / 2), 13, th.text_dim, anchor="midright")
    draw_line(ctx, surface, "-5", (x + 24, y + h), 13, th.text_dim, anchor="bottomright")
    if not trace:
        return
    span = max(1, len(trace) - 1)
    pad = ctx.layout.px(10)

    def point(i: int, mood: int) -> tuple[int, int]:
        px = box.x + pad + (box.width - 2 * pad) * i / span
        py = box.y + pad + (box.height - 2 * pad) * (MOOD_MAX - mood) / (MOOD_MAX - MOOD_MIN)
        return round(px), round(py)

    points = [point(i, m) for i, m in enumerate(trace)]
    if len(points) > 1:
        pygame.draw.lines(surface, th.accent, False, points, max(2, ctx.layout.px(3)))
    for (px, py), mood in zip(points, trace, strict=False):
        color = th.good if mood > 0 else (th.bad if mood < 0 else th.text)
        pygame.draw.circle(surface, color, (px, py), max(3, ctx.layout.px(5)))
