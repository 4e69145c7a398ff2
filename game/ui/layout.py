"""The 1280x720 design space mapped onto whatever window the trainee has.

Scenes place everything in design coordinates; ``Layout`` scales them uniformly (aspect kept) so a
screen composed once reads the same from 1024x576 to 4K. A window wider than 16:9 is pillarboxed; a
taller one (1280x800, 4:3) gets a taller design space instead of bands above and below: ``extra`` is
the design height beyond 720, which scenes give to what gains from room (the play scene to its stage,
its lines and its options) — a scene that ignores it simply has room below. Text is rendered at the
scaled pixel size rather than scaled as a bitmap, so it stays sharp on large screens.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

DESIGN_W, DESIGN_H = 1280, 720
MIN_W, MIN_H = 1024, 576

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class Layout:
    width: int = DESIGN_W
    height: int = DESIGN_H

    @cached_property
    def scale(self) -> float:
        return min(self.width / DESIGN_W, self.height / DESIGN_H)

    @cached_property
    def design_height(self) -> float:
        """The design space's height: 720, or more in a window taller than 16:9."""
        return max(float(DESIGN_H), self.height / self.scale)

    @property
    def extra(self) -> float:
        """Design pixels of height beyond 720 (0 at 16:9 and wider)."""
        return self.design_height - DESIGN_H

    @cached_property
    def offset(self) -> tuple[float, float]:
        s = self.scale
        return (self.width - DESIGN_W * s) / 2, (self.height - self.design_height * s) / 2

    def px(self, value: float) -> int:
        """A design length in window pixels (never below one pixel for a non-zero length)."""
        scaled = round(value * self.scale)
        return max(1, scaled) if value > 0 else scaled

    def point(self, x: float, y: float) -> tuple[int, int]:
        ox, oy = self.offset
        return round(ox + x * self.scale), round(oy + y * self.scale)

    def rect(self, r: Rect) -> tuple[int, int, int, int]:
        """A design rectangle in window pixels; edges are rounded so neighbours never overlap or gap."""
        x, y, w, h = r
        left, top = self.point(x, y)
        right, bottom = self.point(x + w, y + h)
        return left, top, right - left, bottom - top

    def to_design(self, pos: tuple[float, float]) -> tuple[float, float]:
        ox, oy = self.offset
        return (pos[0] - ox) / self.scale, (pos[1] - oy) / self.scale


def fit_window(width: int, height: int) -> tuple[int, int]:
    """The window size actually used: never smaller than the smallest supported one."""
    return max(MIN_W, int(width)), max(MIN_H, int(height))


def contains(r: Rect, pos: tuple[float, float]) -> bool:
    x, y, w, h = r
    return x <= pos[0] < x + w and y <= pos[1] < y + h
