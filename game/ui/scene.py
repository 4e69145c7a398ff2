"""The scene contract and the stack of scenes (after Tuxemon's state manager).

A scene handles input in ``process_event``, moves time on in ``update(dt)`` and paints in ``draw`` —
and ``draw`` never changes state, so a frame can be drawn any number of times (screenshots, resize)
without altering the play. Only the top scene gets events and time; overlays (pause, coaching) are
drawn over the scenes below them, which is also why the game clock stops while the pause menu is up.

Scenes do not reach the stack: they ``emit`` transitions (``game.ui.transitions``) and the stack
resolves them once the scene's handler has returned, building new scenes through its factory. A
transition is resolved before the next event is handed on, so the next key goes to the new top scene.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

from game.ui.transitions import Pop, Push, Replace, Reset, SceneKind, Transition

if TYPE_CHECKING:
    from game.ui.context import Context

#: Builds the scene of a kind from a transition's arguments (the app's is ``game.ui.scenes.build``).
Factory = Callable[[SceneKind, dict[str, Any]], "Scene"]


class Scene:
    #: An opaque scene covers the whole window, so the scenes under it need not be drawn.
    opaque = True
    #: A short name for screenshots and logs.
    name = "scene"
    #: Where a notice (no sound device, a save that failed) may be shown over this scene without
    #: covering its title or its content: by default the key hints at the top right.
    notice_area: tuple[float, float, float, float] = (696, 2, 568, 48)

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.outbox: list[Transition] = []

    def emit(self, transition: Transition) -> None:
        """Ask for another screen; the stack resolves it when this scene's handler returns."""
        self.outbox.append(transition)

    def process_event(self, event: pygame.event.Event) -> None:
        """React to one input event."""

    def update(self, dt: float) -> None:
        """Advance animations and timers by ``dt`` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the current state; must not change it (nor emit a transition)."""

    def prepare(self) -> None:
        """Called each frame while this scene is directly under the top one: time to get ready for
        being shown again (paint a cache), where a frame of its own would have to pay for it."""

    def resume(self, result: str | None = None) -> None:
        """Called when the scene above this one is popped (settings may have changed meanwhile), with
        what that scene asked of this one (``Pop.result``)."""

    def close(self) -> None:
        """Called when the scene leaves the stack for good."""


class TransitionError(RuntimeError):
    """A scene asked for something the stack cannot do (a pop with nothing below, a draw that emits)."""


class SceneStack:
    def __init__(self, factory: Factory | None = None) -> None:
        self.scenes: list[Scene] = []
        self.factory = factory

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    # -- the primitives transitions resolve to ----------------------------------------------------

    def push(self, scene: Scene) -> None:
        self.scenes.append(scene)

    def pop(self, result: str | None = None) -> Scene:
        scene = self.scenes.pop()
        scene.close()
        if self.scenes:
            self.scenes[-1].resume(result)
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another (the one below does not resume in between)."""
        if self.scenes:
            self.scenes.pop().close()
        self.push(scene)

    def reset(self, scene: Scene) -> None:
        """Clear everything and start again from ``scene`` (quit to menu)."""
        while self.scenes:
            self.scenes.pop().close()
        self.push(scene)

    def find(self, kind: type) -> Scene | None:
        return next((s for s in reversed(self.scenes) if isinstance(s, kind)), None)

    # -- transitions ------------------------------------------------------------------------------

    def apply(self, transition: Transition) -> None:
        if isinstance(transition, Pop):
            if not self.scenes:
                raise TransitionError("Pop with no scene on the stack")
            self.pop(transition.result)
            return
        if self.factory is None:
            raise TransitionError(f"no factory to build a {transition.kind.value} scene")
        scene = self.factory(transition.kind, dict(transition.args))
        if isinstance(transition, Push):
            self.push(scene)
        elif isinstance(transition, Replace):
            self.replace(scene)
        elif isinstance(transition, Reset):
            self.reset(scene)

    def settle(self) -> None:
        """Resolve what the scenes have emitted, in order, and then whatever resolving them made a
        scene emit (a pop that resumes a play that asks to restart)."""
        pending = [s for s in self.scenes if s.outbox]
        while pending:
            queue: list[Transition] = []
            for scene in pending:
                queue.extend(scene.outbox)
                scene.outbox.clear()
            for transition in queue:
                self.apply(transition)
            pending = [s for s in self.scenes if s.outbox]

    # -- the frame --------------------------------------------------------------------------------

    def process_event(self, event: pygame.event.Event) -> None:
        top = self.top
        if top is not None:
            top.process_event(event)
            self.settle()

    def update(self, dt: float) -> None:
        top = self.top
        if top is not None:
            top.update(dt)
            self.settle()
        if len(self.scenes) >= 2:
            self.scenes[-2].prepare()

    def draw(self, surface: pygame.Surface) -> list[Scene]:
        """Draw the top opaque scene and everything above it; returns the scenes drawn, bottom first."""
        start = 0
        for index in range(len(self.scenes) - 1, -1, -1):
            if self.scenes[index].opaque:
                start = index
                break
        for scene in self.scenes[start:]:
            scene.draw(surface)
            if scene.outbox:
                raise TransitionError(f"the {scene.name} scene emitted a transition while drawing")
        return self.scenes[start:]
