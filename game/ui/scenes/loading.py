"""A short wait for the scenario library: a trainee who picks a profile before it is read sees
"불러오는 중…" until it is, then the screen they asked for.

The library loads in the background while the title screen is up (``game.ui.library_load``); this is
the only place a trainee can get ahead of it. The app installs the library (``Context.poll_library``)
before scenes update, so the frame it arrives is the frame the next screen opens.
"""

from __future__ import annotations

import pygame

from game.ui.context import Context
from game.ui.scene import Scene
from game.ui.transitions import first_screen
from game.ui.widgets.text import draw_text


class LoadingScene(Scene):
    name = "loading"

    def __init__(self, ctx: Context, then: str | None = None) -> None:
        super().__init__(ctx)
        self.then = then  # the scenario to open once the library is there (None: select)
        self.done = False

    def update(self, dt: float) -> None:
        if self.ctx.library is not None and not self.done:
            self.done = True
            self.emit(first_screen(self.ctx.library, self.then))

    def draw(self, surface: pygame.Surface) -> None:
        th = self.ctx.theme
        surface.fill(th.background)
        draw_text(
            self.ctx,
            surface,
            self.ctx.t("loading"),
            (0, 320, 1280, 60),
            28,
            th.text,
            align="center",
            valign="middle",
        )
