"""Full-screen surfaces that scenes borrow for their caches and give back when they close.

A new 1280x720 surface costs little to allocate but a lot to touch the first time: its memory comes
fresh from the operating system, so the first fill or copy page-faults through all 3.5 MB (about 3 ms,
several times a whole frame). A scene that caches layers (the play scene's base and frame) would pay
that on its first frame and again after every node change; borrowing from this pool pays it once per
process. Only a cache may live here: what is painted on a canvas is never state a scene reads.
"""

from __future__ import annotations

import pygame


class CanvasPool:
    def __init__(self) -> None:
        self._spare: dict[tuple[int, int], list[pygame.Surface]] = {}

    def take(self, like: pygame.Surface) -> pygame.Surface:
        """A surface of ``like``'s size and pixel format, reused if one was given back."""
        size = like.get_size()
        spare = self._spare.get(size, [])
        while spare:
            canvas = spare.pop()
            if canvas.get_bitsize() == like.get_bitsize():
                return canvas
        return pygame.Surface(size, 0, like)

    def fit(self, canvas: pygame.Surface | None, like: pygame.Surface) -> pygame.Surface:
        """``canvas`` if it has ``like``'s size and format; else it is given back and another lent."""
        same = canvas is not None and canvas.get_size() == like.get_size()
        if same and canvas.get_bitsize() == like.get_bitsize():
            return canvas
        self.give(canvas)
        return self.take(like)

    def give(self, *canvases: pygame.Surface | None) -> None:
        for canvas in canvases:
            if canvas is not None:
                self._spare.setdefault(canvas.get_size(), []).append(canvas)


CANVASES = CanvasPool()
