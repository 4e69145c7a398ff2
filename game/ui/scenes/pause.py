"""The pause menu (Esc): resume, restart, settings, quit to menu. The game clock stands still under it."""

from __future__ import annotations

import pygame

from game.ui.context import Context
from game.ui.scene import Scene
from game.ui.transitions import RESTART, Pop, Push, Reset, SceneKind
from game.ui.widgets.button import Button, Menu
from game.ui.widgets.panel import Veil, draw_panel
from game.ui.widgets.text import draw_text

PANEL = (400, 150, 480, 420)


class PauseScene(Scene):
    name = "pause"
    opaque = False

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.veil = Veil()
        self._build()

    def _build(self) -> None:
        x, y, w, _h = PANEL
        actions = ("resume", "restart", "settings", "quit")
        self.menu = Menu(
            [
                Button((x + 40, y + 90 + i * 74, w - 80, 60), self.ctx.t(f"pause.{a}"), a)
                for i, a in enumerate(actions)
            ],
            focus=self.menu.focus if hasattr(self, "menu") else 0,
        )

    def resume(self, result: str | None = None) -> None:
        self._build()  # the language may have changed in settings

    def process_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.emit(Pop())
            return
        button = self.menu.handle(self.ctx, event)
        if button is None:
            return
        if button.action == "resume":
            self.emit(Pop())
        elif button.action == "restart":
            self.emit(Pop(RESTART))
        elif button.action == "settings":
            self.emit(Push(SceneKind.SETTINGS))
        elif button.action == "quit":
            self.emit(Reset(SceneKind.SELECT))

    def draw(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        self.veil.draw(surface, th.shade)
        draw_panel(ctx, surface, PANEL, th.panel, th.border)
        x, y, w, _ = PANEL
        draw_text(
            ctx, surface, ctx.t("pause.title"), (x, y + 24, w, 44), 30, th.text, bold=True, align="center"
        )
        self.menu.draw(ctx, surface)
