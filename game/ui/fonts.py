"""The bundled NanumGothic (OFL), loaded by path, and a cache of rendered text.

Never ``SysFont``: most systems have no Korean font pygame can find, and the default font draws Hangul
as boxes. Rendering is the costly part of a frame, so rendered lines are kept (LRU) and wrapped layouts
are computed once per text, width and size.
"""

from __future__ import annotations

from collections import OrderedDict

import pygame

from game.resources import FONTS
from game.ui.wrap import wrap

#: Characters NanumGothic has but draws wrongly at text sizes: its hinting collapses "→" into a speck
#: below 22 px (tests/ui/test_fonts.py checks every character the UI draws). Each is drawn as a
#: look-alike of the same width class; the text itself is never changed, only its picture.
SUBSTITUTES = str.maketrans({"→": "⇒"})

REGULAR = FONTS / "NanumGothic.ttf"
BOLD = FONTS / "NanumGothicBold.ttf"
_MAX_SURFACES = 600
_MAX_LAYOUTS = 400


class Fonts:
    def __init__(self) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self._fonts: dict[tuple[bool, int], pygame.font.Font] = {}
        self._surfaces: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._layouts: OrderedDict[tuple, list[str]] = OrderedDict()

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        size = max(6, int(size))
        key = (bold, size)
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = pygame.font.Font(str(BOLD if bold else REGULAR), size)
        return font

    def render(self, text: str, size: int, color: tuple, bold: bool = False) -> pygame.Surface:
        key = (text, int(size), tuple(color), bold)
        surface = self._surfaces.get(key)
        if surface is not None:
            self._surfaces.move_to_end(key)
            return surface
        surface = self.font(size, bold).render(text.translate(SUBSTITUTES), True, color)
        self._surfaces[key] = surface
        while len(self._surfaces) > _MAX_SURFACES:
            self._surfaces.popitem(last=False)
        return surface

    def lines(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        key = (text, int(size), int(width), bold)
        found = self._layouts.get(key)
        if found is not None:
            self._layouts.move_to_end(key)
            return found
        font = self.font(size, bold)
        found = self._layouts[key] = wrap(text, width, lambda s: font.size(s.translate(SUBSTITUTES))[0])
        while len(self._layouts) > _MAX_LAYOUTS:
            self._layouts.popitem(last=False)
        return found

    def line_height(self, size: int, bold: bool = False) -> int:
        return self.font(size, bold).get_linesize()

    def clear(self) -> None:
        """Drop rendered lines and layouts (the soak test measures memory outside these bounded caches)."""
        self._surfaces.clear()
        self._layouts.clear()

    def cached(self) -> int:
        """How many rendered surfaces are held (the soak test checks this stays bounded)."""
        return len(self._surfaces)
