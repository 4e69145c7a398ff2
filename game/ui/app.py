"""The window and the frame loop: events to the top scene, time, drawing, resize and fullscreen.

``step(dt)`` is one frame and takes its time step from the caller, so tests, the soak run and autoplay
drive the very same loop with whatever time they like; ``run`` is the real-time loop around it.
A ``target`` surface replaces the window for offscreen drawing (tests, benchmarks).
"""

from __future__ import annotations

import pygame

from game.ui.context import Context
from game.ui.layout import Layout
from game.ui.scene import Scene, SceneStack
from game.ui.scenes import build
from game.ui.widgets.panel import draw_panel
from game.ui.widgets.text import draw_text

CAPTION = "응대 — 고객 응대 롤플레이 훈련"
TOAST_SECONDS = 5.0
MAX_DT = 0.25  # a stall (window dragged, debugger) must not count as the trainee's hesitation


class App:
    def __init__(
        self, ctx: Context, size: tuple[int, int] = (1280, 720), target: pygame.Surface | None = None
    ) -> None:
        self.ctx = ctx
        self.stack = SceneStack(lambda kind, args: build(ctx, kind, args))
        self.toast: str | None = None
        self.toast_left = 0.0
        self.frames = 0
        self.windowed_size = size
        ctx.on_fullscreen = self.set_fullscreen
        if target is not None:
            self.surface = target
        else:
            pygame.display.init()
            pygame.display.set_caption(CAPTION)
            self.surface = self._open(size, ctx.settings.fullscreen)
        ctx.layout = Layout(*self.surface.get_size())

    def _open(self, size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        if fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(size, pygame.RESIZABLE)

    @property
    def windowed(self) -> bool:
        return pygame.display.get_init() and self.surface is pygame.display.get_surface()

    def set_fullscreen(self, on: bool) -> None:
        if not self.windowed:
            return
        if not on:
            self.surface = self._open(self.windowed_size, False)
        else:
            self.windowed_size = self.surface.get_size()
            self.surface = self._open(self.windowed_size, True)
        self.ctx.layout = Layout(*self.surface.get_size())

    def resize(self, width: int, height: int) -> None:
        if self.windowed and not self.ctx.settings.fullscreen and self.surface.get_size() != (width, height):
            self.surface = pygame.display.set_mode((width, height), pygame.RESIZABLE)
        elif not self.windowed:
            self.surface = pygame.Surface((width, height))
        self.ctx.layout = Layout(*self.surface.get_size())

    def start(self, scene: Scene) -> None:
        self.stack.reset(scene)

    @property
    def running(self) -> bool:
        return not self.ctx.quit_requested and self.stack.top is not None

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.ctx.quit_requested = True
        elif event.type == pygame.VIDEORESIZE:
            self.resize(event.w, event.h)
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            from dataclasses import replace

            self.ctx.apply_settings(replace(self.ctx.settings, fullscreen=not self.ctx.settings.fullscreen))
        else:
            self.stack.process_event(event)

    def step(self, dt: float) -> bool:
        """One frame: input, time, picture. False once the game should close."""
        for event in pygame.event.get():
            self.handle(event)
            if not self.running:
                return False
        self.update(dt)
        self.draw()
        if self.windowed:
            pygame.display.flip()
        self.frames += 1
        return self.running

    def update(self, dt: float) -> None:
        self.ctx.poll_library()
        self.stack.update(dt)
        notice = self.ctx.speech.take_notice()
        if notice:
            self.ctx.notify(notice)
        self.toast_left -= dt
        if self.toast_left <= 0:
            self.toast = self.ctx.notices.pop(0) if self.ctx.notices else None
            self.toast_left = TOAST_SECONDS if self.toast else 0.0

    def draw(self) -> None:
        self.ctx.frame += 1
        drawn = self.stack.draw(self.surface)
        over: tuple[pygame.Rect, ...] = ()
        top = self.stack.top
        if self.toast and top is not None:
            th = self.ctx.theme
            x, y, w, h = top.notice_area
            over = (draw_panel(self.ctx, self.surface, (x, y, w, h), th.panel_alt, th.warn, radius=8),)
            draw_text(
                self.ctx,
                self.surface,
                self.toast,
                (x + 12, y + 4, w - 24, h - 8),
                15,
                th.text,
                valign="middle",
            )
        self.ctx.painted = (drawn[0] if len(drawn) == 1 else None, self.ctx.frame, over)

    def run(self) -> None:
        clock = pygame.time.Clock()
        while self.step(min(clock.tick(60) / 1000.0, MAX_DT)):
            pass

    def screenshot(self, path: str) -> None:
        pygame.image.save(self.surface, path)
