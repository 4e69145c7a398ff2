"""What F5 found wrong in the scenario files, over the screen it was pressed on.

A trainer editing YAML presses F5 and reads the first few problems exactly as ``eungdae validate``
prints them (``path:line:col: error: CODE message — fix``), wrapped to the panel and shrunk to fit,
never cut. The last good library stays in use meanwhile. Any key or click closes the panel; F5 reloads
again straight away (the scene below is asked to, ``Pop(RELOAD)``).
"""

from __future__ import annotations

import pygame

from game.scenario.diagnostics import Diagnostic
from game.ui.context import Context
from game.ui.scene import Scene
from game.ui.transitions import RELOAD, Pop
from game.ui.widgets.panel import Veil, draw_panel
from game.ui.widgets.text import Block, draw_blocks, draw_text, measure

PANEL = (120, 90, 1040, 540)  # the largest the panel grows; it shrinks to fit fewer lines
HEAD, FOOT = 96, 64
SHOWN = 5


class ReloadErrorsScene(Scene):
    opaque = False
    name = "reload-errors"

    def __init__(self, ctx: Context, errors: list[Diagnostic]) -> None:
        super().__init__(ctx)
        self.lines = [d.format() for d in errors]
        self.veil = Veil()

    def process_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN or (event.type == pygame.MOUSEBUTTONUP and event.button == 1):
            again = event.type == pygame.KEYDOWN and event.key == pygame.K_F5
            self.emit(Pop(RELOAD if again else None))

    def blocks(self) -> list[Block]:
        th = self.ctx.theme
        blocks = [Block(line, 17, th.text, gap=10 if i else 0) for i, line in enumerate(self.lines[:SHOWN])]
        if len(self.lines) > SHOWN:
            blocks.append(
                Block(self.ctx.t("reload.more", n=len(self.lines) - SHOWN), 16, th.text_dim, gap=12)
            )
        return blocks

    def panel(self, blocks: list[Block]) -> tuple[float, float, float, float]:
        """The panel, as tall as its lines need (up to ``PANEL``), centred on the screen."""
        x, _y, w, most = PANEL
        need = sum(b.gap + measure(self.ctx, b.text, w - 56, b.size, b.bold) for b in blocks)
        h = min(most, HEAD + need + FOOT + 8)
        return (x, (self.ctx.layout.design_height - h) / 2, w, h)

    def draw(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        self.veil.draw(surface, th.shade)
        blocks = self.blocks()
        x, y, w, h = self.panel(blocks)
        draw_panel(ctx, surface, (x, y, w, h), th.panel, th.bad)
        draw_text(ctx, surface, ctx.t("reload.title"), (x + 28, y + 20, w - 56, 64), 22, th.bad, bold=True)
        draw_blocks(ctx, surface, (x + 28, y + HEAD, w - 56, h - HEAD - FOOT), blocks)
        draw_text(
            ctx,
            surface,
            ctx.t("reload.hint"),
            (x + 28, y + h - 52, w - 56, 32),
            16,
            th.text_dim,
            align="right",
        )
