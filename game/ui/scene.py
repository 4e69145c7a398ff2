"""The scene contract and the stack of scenes (after Tuxemon's state manager).

A scene handles input in ``process_event``, moves time on in ``update(dt)`` and paints in ``draw`` —
and ``draw`` never changes state, so a frame can be drawn any number of times (screenshots, resize)
without altering the play. Only the top scene gets events and time; overlays (pause, coaching) are
drawn over the scenes below them, which is also why the game clock stops while the pause menu is up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.ui.context import Context


class Scene:
    #: An opaque scene covers the whole window, so the scenes under it need not be drawn.
    opaque = True
    #: A short name for screenshots and logs.
    name = "scene"

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.stack: SceneStack | None = None

    def process_event(self, event: pygame.event.Event) -> None:
        """React to one input event."""

    def update(self, dt: float) -> None:
        """Advance animations and timers by ``dt`` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the current state; must not change it."""

    def resume(self) -> None:
        """Called when the scene above this one is popped (settings may have changed meanwhile)."""

    def close(self) -> None:
        """Called when the scene leaves the stack for good."""


class SceneStack:
    def __init__(self) -> None:
        self.scenes: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        scene.stack = self
        self.scenes.append(scene)

    def pop(self) -> Scene:
        scene = self.scenes.pop()
        scene.close()
        scene.stack = None
        if self.scenes:
            self.scenes[-1].resume()
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another (the one below does not resume in between)."""
        if self.scenes:
            old = self.scenes.pop()
            old.close()
            old.stack = None
        self.push(scene)

    def reset(self, scene: Scene) -> None:
        """Clear everything and start again from ``scene`` (quit to menu)."""
        while self.scenes:
            old = self.scenes.pop()
            old.close()
            old.stack = None
        self.push(scene)

    def find(self, kind: type) -> Scene | None:
        return next((s for s in reversed(self.scenes) if isinstance(s, kind)), None)

    def process_event(self, event: pygame.event.Event) -> None:
        if self.top is not None:
            self.top.process_event(event)

    def update(self, dt: float) -> None:
        if self.top is not None:
            self.top.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        start = 0
        for index in range(len(self.scenes) - 1, -1, -1):
            if self.scenes[index].opaque:
                start = index
                break
        for scene in self.scenes[start:]:
            scene.draw(surface)
