"""Text in a box: wrapped by measured width, shrunk to fit rather than clipped, revealed letter by letter.

A box never lets Korean spill over its edge: if the wrapped text is taller than the box at the asked
size, the size steps down (to ``min_size``); only past that is the last line cut with an ellipsis.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.context import Context
from game.ui.layout import Rect

ELLIPSIS = "…"


@dataclass(frozen=True)
class Fitted:
    size: int  # pixel size actually used
    lines: list[str]
    line_height: int


def fit(ctx: Context, text: str, rect: Rect, size: float, bold: bool = False, min_size: float = 12) -> Fitted:
    _x, _y, w, h = ctx.layout.rect(rect)
    px = ctx.size(size)
    floor = min(px, ctx.size(min_size))
    while True:
        lines = ctx.fonts.lines(text, px, max(1, w), bold)
        step = ctx.fonts.line_height(px, bold)
        if len(lines) * step <= h or px <= floor:
            break
        px = max(floor, px - max(1, px // 12))
    if len(lines) * step > h:
        keep = max(1, h // step)
        lines = [*lines[: keep - 1], lines[keep - 1] + ELLIPSIS] if keep < len(lines) else lines
    return Fitted(px, lines, step)


def draw_text(
    ctx: Context,
    surface: pygame.Surface,
    text: str,
    rect: Rect,
    size: float,
    color: tuple,
    *,
    bold: bool = False,
    align: str = "left",
    valign: str = "top",
    min_size: float = 12,
    reveal: int | None = None,
) -> float:
    """Draw ``text`` inside ``rect`` (design units); returns the height used, in design units.

    ``reveal`` shows only the first that many characters (the typewriter), laid out as the whole text
    would be so that lines do not jump as letters appear.
    """
    fitted = fit(ctx, text, rect, size, bold, min_size)
    x, y, w, h = ctx.layout.rect(rect)
    total = len(fitted.lines) * fitted.line_height
    top = y + (h - total) // 2 if valign == "middle" else (y + h - total if valign == "bottom" else y)
    remaining = reveal
    for index, line in enumerate(fitted.lines):
        shown = line
        if remaining is not None:
            if remaining <= 0:
                break
            shown = line[:remaining]
            remaining -= len(line) + 1
        if not shown:
            continue
        image = ctx.fonts.render(shown, fitted.size, color, bold)
        if align == "center":
            full = ctx.fonts.font(fitted.size, bold).size(line)[0]
            left = x + (w - full) // 2
        elif align == "right":
            left = x + w - image.get_width()
        else:
            left = x
        surface.blit(image, (left, top + index * fitted.line_height))
    return total / ctx.layout.scale


def draw_line(
    ctx: Context,
    surface: pygame.Surface,
    text: str,
    pos: tuple[float, float],
    size: float,
    color: tuple,
    *,
    bold: bool = False,
    anchor: str = "topleft",
) -> pygame.Rect:
    """One short line (a label, a number) at a design point; returns its window rectangle."""
    image = ctx.fonts.render(text, ctx.size(size), color, bold)
    box = image.get_rect(**{anchor: ctx.layout.point(*pos)})
    surface.blit(image, box)
    return box


class Typewriter:
    """Reveals a line at the trainee's text speed; Enter/Space/click shows the rest at once."""

    def __init__(self, text: str = "", speed: float = 40.0) -> None:
        self.text = text
        self.speed = speed
        self.shown = float(len(text)) if speed <= 0 else 0.0

    @property
    def done(self) -> bool:
        return self.shown >= len(self.text)

    @property
    def count(self) -> int:
        return int(self.shown)

    def update(self, dt: float) -> None:
        if not self.done:
            self.shown = min(float(len(self.text)), self.shown + dt * self.speed)

    def skip(self) -> None:
        self.shown = float(len(self.text))


@dataclass(frozen=True)
class Block:
    """One paragraph in a flow of paragraphs (a coaching panel, a dialogue box)."""

    text: str
    size: float
    color: tuple
    bold: bool = False
    gap: float = 0.0  # design space above the block
    indent: float = 0.0
    reveal: int | None = None


def measure(ctx: Context, text: str, width: float, size: float, bold: bool = False) -> float:
    """The design height ``text`` takes at ``size`` when wrapped to ``width`` (design units)."""
    px = ctx.size(size)
    lines = ctx.fonts.lines(text, px, max(1, ctx.layout.px(width)), bold)
    return len(lines) * ctx.fonts.line_height(px, bold) / ctx.layout.scale


def flow_scale(ctx: Context, blocks: list[Block], width: float, height: float) -> float:
    """The largest common shrink factor (1.0 down to 0.55) at which every block fits the height."""
    factor = 1.0
    while True:
        total = sum(
            b.gap * factor + measure(ctx, b.text, width - b.indent, b.size * factor, b.bold) for b in blocks
        )
        if total <= height or factor <= 0.55:
            return factor
        factor = round(factor - 0.05, 2)


def draw_blocks(ctx: Context, surface: pygame.Surface, rect: Rect, blocks: list[Block]) -> float:
    """Paragraphs one under another inside ``rect``, all shrunk alike if they would not fit."""
    x, y, w, h = rect
    factor = flow_scale(ctx, blocks, w, h)
    top = y
    for b in blocks:
        top += b.gap * factor
        need = measure(ctx, b.text, w - b.indent, b.size * factor, b.bold)
        room = min(need + 2, y + h - top)
        if room <= 0:
            break
        draw_text(
            ctx,
            surface,
            b.text,
            (x + b.indent, top, w - b.indent, room + 1),
            b.size * factor,
            b.color,
            bold=b.bold,
            reveal=b.reveal,
            min_size=8,
        )
        top += need
    return top - y
