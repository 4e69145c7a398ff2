"""Settings: every change is applied at once and saved through progress (``Context.apply_settings``)."""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.ui.context import Context
from game.ui.layout import contains
from game.ui.scene import Scene
from game.ui.settings import FONT_SCALES, TEXT_SPEEDS, VOLUME_STEP, Settings, step_choice
from game.ui.transitions import Pop
from game.ui.widgets.button import Button
from game.ui.widgets.panel import Veil, draw_panel
from game.ui.widgets.text import draw_text

ROWS = (
    "master_volume",
    "voice_volume",
    "effects_volume",
    "text_speed",
    "subtitles",
    "font_scale",
    "high_contrast",
    "fullscreen",
    "language",
)
PANEL = (240, 40, 800, 640)
ROW_TOP, ROW_H = 76, 50
SPEED_NAMES = {20.0: ("느리게", "Slow"), 40.0: ("보통", "Normal"), 80.0: ("빠르게", "Fast")}


def changed(settings: Settings, row: str, delta: int) -> Settings:
    """The settings with one row moved one step (``delta`` -1/+1; toggles flip either way)."""
    value = getattr(settings, row)
    if row.endswith("_volume"):
        return replace(settings, **{row: round(max(0.0, min(1.0, value + delta * VOLUME_STEP)), 2)})
    if row == "text_speed":
        return replace(settings, text_speed=step_choice(TEXT_SPEEDS, value, delta))
    if row == "font_scale":
        return replace(settings, font_scale=step_choice(FONT_SCALES, value, delta))
    if row == "language":
        return replace(settings, language="en" if value == "ko" else "ko")
    return replace(settings, **{row: not value})


class SettingsScene(Scene):
    name = "settings"
    notice_area = (240, 682, 800, 36)  # under the panel
    opaque = False

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.focus = 0
        self.veil = Veil()

    def _row_rect(self, index: int) -> tuple[float, float, float, float]:
        x, y, w, _ = PANEL
        return (x + 30, y + ROW_TOP + index * ROW_H, w - 60, ROW_H - 6)

    def _back(self) -> Button:
        x, y, w, h = PANEL
        return Button((x + w / 2 - 150, y + h - 68, 300, 54), self.ctx.t("settings.back"), "back")

    def value_text(self, row: str) -> str:
        s, t = self.ctx.settings, self.ctx.t
        value = getattr(s, row)
        if row.endswith("_volume"):
            return f"{round(value * 100)}%"
        if row == "text_speed":
            return t("settings.instant") if value <= 0 else SPEED_NAMES[value][self.ctx.strings.lang == "en"]
        if row == "font_scale":
            return f"{round(value * 100)}%"
        if row == "language":
            return "한국어" if value == "ko" else "English"
        return t("settings.on") if value else t("settings.off")

    def change(self, row: str, delta: int) -> None:
        self.ctx.apply_settings(changed(self.ctx.settings, row, delta))

    def process_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
                self.emit(Pop())
            elif event.key == pygame.K_UP:
                self.focus = (self.focus - 1) % (len(ROWS) + 1)
            elif event.key in (pygame.K_DOWN, pygame.K_TAB):
                self.focus = (self.focus + 1) % (len(ROWS) + 1)
            elif self.focus == len(ROWS):
                if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                    self.emit(Pop())
            elif event.key == pygame.K_LEFT:
                self.change(ROWS[self.focus], -1)
            elif event.key in (pygame.K_RIGHT, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.change(ROWS[self.focus], +1)
        elif event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP):
            pos = self.ctx.layout.to_design(event.pos)
            click = event.type == pygame.MOUSEBUTTONUP and event.button == 1
            if contains(self._back().rect, pos):
                self.focus = len(ROWS)
                if click:
                    self.emit(Pop())
                return
            for index, row in enumerate(ROWS):
                x, y, w, h = self._row_rect(index)
                if contains((x, y, w, h), pos):
                    self.focus = index
                    if click:
                        self.change(row, -1 if pos[0] < x + w - 130 else +1)
                    return

    def draw(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        self.veil.draw(surface, th.shade)
        draw_panel(ctx, surface, PANEL, th.panel, th.border)
        x, y, w, h = PANEL
        draw_text(ctx, surface, ctx.t("settings.title"), (x + 30, y + 18, w - 60, 44), 30, th.text, bold=True)
        for index, row in enumerate(ROWS):
            rx, ry, rw, rh = self._row_rect(index)
            focused = index == self.focus
            draw_panel(
                ctx,
                surface,
                (rx, ry, rw, rh),
                th.panel_alt,
                th.focus if focused else th.border,
                radius=8,
                width=3 if focused else 1,
            )
            draw_text(
                ctx,
                surface,
                ctx.t(f"settings.{row}"),
                (rx + 18, ry, rw - 300, rh),
                19,
                th.text,
                bold=focused,
                valign="middle",
            )
            draw_text(
                ctx,
                surface,
                f"◀  {self.value_text(row)}  ▶",
                (rx + rw - 280, ry, 262, rh),
                19,
                th.accent if focused else th.text,
                bold=True,
                align="right",
                valign="middle",
            )
        self._back().draw(ctx, surface, focused=self.focus == len(ROWS))
        draw_text(
            ctx,
            surface,
            ctx.t("settings.hint"),
            (x + 30, y + h - 108, w - 60, 32),
            15,
            th.text_dim,
            align="center",
            valign="middle",
        )
