"""Everything pictured around the dialogue: the stage of each setting, the people on it, the desk phone.

The stages (bank counter, hotel front desk, shop, office lobby, phone desk) are drawn by the program in
the theme's stage colour, so they scale to any window and follow high contrast. The people are Open
Peeps faces (``game.ui.faces``, CC0) showing the emotion the session reports; a companion (a child)
stands beside the customer, smaller, with their own emotion. On the phone the customer is heard, not
seen, and only a small face on the caller card shows the mood.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import pygame

from game.scenario.appearance import Appearance
from game.ui.context import Context
from game.ui.faces import FACES
from game.ui.layout import Layout, Rect

DESIGN_W = 544  # the stage's design width; drawings are laid out in it and scaled by the window
COUNTER_TOP = 0.70  # the counter's top, as a fraction of the stage's height
ADULT, CHILD = 236, 150  # the people's design sizes (square pictures, the bust at the bottom)

#: Per setting: wall, floor/desk wood, counter top, counter front (normal theme).
PALETTES: dict[str, tuple[tuple[int, int, int], ...]] = {
    "bank": ((92, 112, 140), (70, 84, 104), (196, 200, 206), (120, 132, 150)),
    "hotel": ((112, 86, 70), (84, 62, 50), (176, 134, 96), (110, 74, 52)),
    "shop": ((84, 116, 110), (66, 88, 84), (214, 196, 160), (150, 110, 80)),
    "office": ((86, 100, 124), (66, 78, 98), (190, 150, 110), (150, 110, 80)),
    "phone_desk": ((86, 100, 124), (66, 78, 98), (150, 112, 80), (120, 90, 64)),
}


@dataclass(frozen=True)
class Person:
    """Someone on the stage: how they look and what they feel now."""

    look: Appearance
    emotion: str


class _Pen:
    """Draws in the stage's design coordinates (544x356), scaled and offset to the window."""

    def __init__(self, layout: Layout, surface: pygame.Surface | None, rect: Rect) -> None:
        self.surface = surface  # None: only measuring
        self.box = pygame.Rect(layout.rect(rect))
        self.s = self.box.width / DESIGN_W
        self.h = self.box.height / self.s  # 356, or more in a taller window (Layout.extra)

    @property
    def counter_top(self) -> float:
        return self.h * COUNTER_TOP

    def r(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        s = self.s
        return pygame.Rect(self.box.x + round(x * s), self.box.y + round(y * s), round(w * s), round(h * s))

    def p(self, x: float, y: float) -> tuple[int, int]:
        return self.box.x + round(x * self.s), self.box.y + round(y * self.s)

    def n(self, v: float) -> int:
        return max(1, round(v * self.s))

    def rect(self, colour, x, y, w, h, width: int = 0, radius: float = 0) -> None:
        pygame.draw.rect(self.surface, colour, self.r(x, y, w, h), width, self.n(radius) if radius else -1)


def _palette(ctx: Context, setting: str) -> tuple[tuple[int, int, int], ...]:
    if ctx.theme.name != "normal":  # high contrast: the theme's dark stage, outlines do the work
        stage = ctx.theme.stage
        return (stage, tuple(min(255, c + 20) for c in stage), (90, 90, 90), (50, 50, 50))
    return PALETTES.get(setting, PALETTES["office"])


def draw_backdrop(ctx: Context, surface: pygame.Surface, rect: Rect, setting: str) -> None:
    """The wall and what hangs on it for ``setting``; the counter is drawn after the people."""
    pen = _Pen(ctx.layout, surface, rect)
    wall, floor, _top, _front = _palette(ctx, setting)
    line = ctx.theme.border
    pygame.draw.rect(surface, floor, pen.box, border_radius=pen.n(12))
    pygame.draw.rect(
        surface,
        wall,
        pen.r(0, 0, DESIGN_W, pen.counter_top),
        border_top_left_radius=pen.n(12),
        border_top_right_radius=pen.n(12),
    )
    {"bank": _bank, "hotel": _hotel, "shop": _shop, "phone_desk": _phone_desk}.get(setting, _office)(
        pen, line
    )


def _clock(pen: _Pen, x: float, y: float, r: float, line) -> None:
    centre = pen.p(x, y)
    pygame.draw.circle(pen.surface, (245, 245, 240), centre, pen.n(r))
    pygame.draw.circle(pen.surface, line, centre, pen.n(r), pen.n(3))
    pygame.draw.line(pen.surface, (40, 30, 30), centre, pen.p(x, y - r * 0.62), pen.n(3))
    pygame.draw.line(pen.surface, (40, 30, 30), centre, pen.p(x + r * 0.42, y), pen.n(3))


def _plant(pen: _Pen, x: float, floor: float) -> None:
    pen.rect((150, 100, 70), x - 18, floor - 40, 36, 40)
    for dx, dy in ((-20, -70), (0, -90), (20, -72), (-8, -58), (12, -56)):
        pygame.draw.circle(pen.surface, (70, 140, 90), pen.p(x + dx, floor + dy), pen.n(18))


def _bank(pen: _Pen, line) -> None:
    """A teller's window: the queue-number display, a rate board and a glass partition."""
    pen.rect((30, 34, 40), 392, 18, 132, 50, radius=6)  # queue-number display
    for i in range(3):
        pen.rect((255, 90, 70), 408 + i * 38, 28, 26, 30, radius=3)
    pen.rect((230, 232, 236), 392, 78, 132, 86, radius=6)  # rate board
    for row in range(4):
        pen.rect((150, 160, 176), 402, 90 + row * 18, 62, 7)
        pen.rect((90, 110, 150), 472, 90 + row * 18, 40, 7)
    for x in (6, 538):  # the glass partition's posts
        pen.rect((200, 210, 220), x - 3, 96, 6, 154)
    pygame.draw.line(pen.surface, (200, 215, 230), pen.p(6, 96), pen.p(538, 96), pen.n(3))


def _hotel(pen: _Pen, line) -> None:
    """A front desk: three world clocks and the key rack behind."""
    for x in (60, 126, 192):  # below the name tag
        _clock(pen, x, 96, 22, line)
        pen.rect((220, 200, 160), x - 24, 124, 48, 8, radius=3)
    pen.rect((84, 60, 46), 370, 24, 150, 130, radius=6)  # key rack
    for row in range(4):
        for col in range(5):
            pen.rect((226, 190, 90), 384 + col * 27, 36 + row * 29, 12, 18, radius=3)
    for x in range(0, DESIGN_W, 68):  # wood panelling
        pygame.draw.line(pen.surface, (96, 72, 60), pen.p(x, 0), pen.p(x, pen.counter_top), pen.n(2))


def _shop(pen: _Pen, line) -> None:
    """Shelves of boxes on both sides of the till."""
    colours = ((230, 120, 100), (120, 180, 220), (240, 200, 90), (150, 200, 130), (200, 150, 210))
    for x0 in (14, 380):
        for row in range(3):
            y = 52 + row * 58
            pen.rect((140, 110, 80), x0, y + 44, 150, 8)
            for i in range(5):
                pen.rect(
                    colours[(i + row + x0) % 5], x0 + 6 + i * 29, y + 12 + (i % 2) * 8, 24, 32 - (i % 2) * 8
                )
    pen.rect((240, 220, 120), 276, 14, 100, 32, radius=6)  # the shop's sign


def _office(pen: _Pen, line) -> None:
    """An office lobby: the company plate, a clock and a plant."""
    pen.rect((220, 222, 226), 190, 30, 164, 46, radius=6)
    pen.rect((90, 120, 170), 204, 42, 22, 22, radius=4)
    pen.rect((120, 130, 150), 236, 44, 104, 8)
    pen.rect((160, 168, 182), 236, 58, 76, 6)
    _clock(pen, 454, 60, 26, line)
    _plant(pen, 474, pen.counter_top)


def _phone_desk(pen: _Pen, line) -> None:
    """A window onto the city behind the call-centre desk, and the desk itself."""
    win = pen.r(300, 22, 220, 100)
    pygame.draw.rect(pen.surface, (120, 160, 200), win)
    for i in range(5):
        bh = 30 + (i * 37) % 50
        pen.rect((80, 100, 130), 312 + i * 42, 122 - bh, 28, bh)
    pygame.draw.rect(pen.surface, line, win, pen.n(4))
    top = pen.h * 0.72 - 10
    pygame.draw.rect(
        pen.surface,
        (120, 90, 64),
        pen.r(0, top, DESIGN_W, pen.h - top),
        border_bottom_left_radius=pen.n(12),
        border_bottom_right_radius=pen.n(12),
    )


def draw_counter(ctx: Context, surface: pygame.Surface, rect: Rect, setting: str) -> None:
    """The counter in front of the people (drawn after them so it hides all below the shoulders)."""
    pen = _Pen(ctx.layout, surface, rect)
    _wall, _floor, top_colour, front = _palette(ctx, setting)
    top = pen.counter_top
    pygame.draw.rect(
        surface,
        front,
        pen.r(0, top, DESIGN_W, pen.h - top),
        border_bottom_left_radius=pen.n(12),
        border_bottom_right_radius=pen.n(12),
    )
    pen.rect(top_colour, 0, top, DESIGN_W, 16)
    if setting == "hotel":  # the desk bell
        pygame.draw.circle(
            surface, (220, 190, 90), pen.p(90, top), pen.n(14), draw_top_left=True, draw_top_right=True
        )
    elif setting == "bank":  # the name plate and the slot under the glass
        pen.rect((236, 236, 230), 70, top + 30, 120, 26, radius=4)
        pen.rect((40, 40, 50), 210, top + 4, 124, 8, radius=3)
    elif setting == "shop":  # the till
        pen.rect((60, 64, 76), 400, top - 30, 90, 34, radius=6)
        pen.rect((150, 220, 170), 412, top - 24, 44, 14, radius=2)
    else:  # a visitor's sign-in sheet
        pen.rect((244, 244, 240), 80, top - 6, 70, 10, radius=2)
    if ctx.theme.name != "normal":
        pygame.draw.line(surface, ctx.theme.border, pen.p(0, top), pen.p(DESIGN_W, top), pen.n(3))


def counter_rects(ctx: Context, rect: Rect, setting: str) -> list[pygame.Rect]:
    """Where ``draw_counter`` may paint over the people (the counter to the stage's bottom, and what
    stands on it): the play scene restores these from its cached base layer after drawing them."""
    return [pygame.Rect(r) for r in _counter_rects(ctx.layout, rect, setting)]


@functools.lru_cache(maxsize=32)
def _counter_rects(layout: Layout, rect: Rect, setting: str) -> tuple[tuple[int, int, int, int], ...]:
    pen = _Pen(layout, None, rect)
    top = pen.counter_top
    areas = [pen.r(0, top, DESIGN_W, pen.h - top + 1)]
    on_top = {"hotel": (75, 15, 30), "shop": (400, 30, 90), "office": (80, 6, 70), "bank": None}
    place = on_top.get(setting, on_top["office"])
    if place is not None:
        x, height, width = place
        areas.append(pen.r(x - 1, top - height - 1, width + 2, height + 2))
    return tuple(tuple(a) for a in areas)


def people_rects(ctx: Context, rect: Rect, count: int) -> list[pygame.Rect]:
    """Where the customer (and a companion) stand: the customer a little left of centre when someone is
    beside them, the companion smaller and lower, at the customer's side."""
    return [pygame.Rect(r) for r in _people_rects(ctx.layout, rect, count)]


@functools.lru_cache(maxsize=32)
def _people_rects(layout: Layout, rect: Rect, count: int) -> tuple[tuple[int, int, int, int], ...]:
    pen = _Pen(layout, None, rect)
    bottom = pen.counter_top + 30  # the counter hides them from the chest down
    if count < 2:
        return (tuple(pen.r((DESIGN_W - ADULT) / 2, bottom - ADULT, ADULT, ADULT)),)
    return (
        tuple(pen.r(DESIGN_W / 2 - ADULT * 0.8, bottom - ADULT, ADULT, ADULT)),
        tuple(pen.r(DESIGN_W / 2 + 40, bottom + 4 - CHILD, CHILD, CHILD)),
    )


def placed_people(
    ctx: Context, rect: Rect, people: list[Person], t: float
) -> list[tuple[pygame.Surface, tuple[int, int]]]:
    """Each face and where it goes at time ``t``: breathing, and shaking when angry. The play scene keys
    its frame cache on this, so the stage is repainted only when a face moves by a whole pixel."""
    s = pygame.Rect(ctx.layout.rect(rect)).width / DESIGN_W
    placed = []
    for i, (person, area) in enumerate(zip(people, people_rects(ctx, rect, len(people)), strict=False)):
        bob = math.sin(t * 2.0 + i * 1.3) * 2.5 * s
        shake = math.sin(t * 40) * 3 * s if person.emotion == "angry" else 0.0
        face = FACES.get(person.look, person.emotion, area.width)
        placed.append((face, (round(area.x + shake), round(area.y + bob))))
    return placed


def draw_people(
    ctx: Context, surface: pygame.Surface, rect: Rect, placed: list[tuple[pygame.Surface, tuple[int, int]]]
) -> None:
    """The customer (first) and any companion, as ``placed_people`` put them, clipped to the stage."""
    box = pygame.Rect(ctx.layout.rect(rect))
    clip = surface.get_clip()
    surface.set_clip(box.clip(clip))
    for face, position in placed:
        surface.blit(face, position)
    surface.set_clip(clip)


def draw_caller(
    ctx: Context, surface: pygame.Surface, centre: tuple[int, int], size: int, person: Person
) -> None:
    """The caller's small face on the caller card: a round frame with the bust inside."""
    frame = pygame.Rect(0, 0, size, size)
    frame.center = centre
    pygame.draw.circle(surface, ctx.theme.panel_alt, centre, size // 2)
    clip = surface.get_clip()
    surface.set_clip(frame.clip(clip))
    surface.blit(FACES.get(person.look, person.emotion, size), frame.topleft)
    surface.set_clip(clip)
    pygame.draw.circle(surface, ctx.theme.border, centre, size // 2, max(1, size // 30))


def phone_jiggle(t: float, ringing: bool) -> float:
    """How far (design pixels) a ringing phone is shaken sideways at time ``t``: bursts of ringing."""
    return math.sin(t * 50) * 4 if ringing and (t % 1.2) < 0.8 else 0.0


def draw_phone(
    ctx: Context, surface: pygame.Surface, rect: Rect, ringing: bool, connected: bool, t: float
) -> None:
    """A desk phone: shaking with ring waves while it rings, handset lifted once answered."""
    box = pygame.Rect(ctx.layout.rect(rect))
    s = box.width / 260
    cx, base_y = box.centerx, box.bottom - 20 * s
    jiggle = phone_jiggle(t, ringing) * s
    body = pygame.Rect(0, 0, round(190 * s), round(90 * s))
    body.midbottom = (round(cx + jiggle), round(base_y))
    pygame.draw.rect(surface, (44, 48, 58), body, border_radius=round(16 * s))
    for row in range(3):
        for col in range(3):
            key = (body.x + round((62 + col * 26) * s), body.y + round((22 + row * 22) * s))
            pygame.draw.circle(surface, (200, 204, 214), key, round(7 * s))
    handset = pygame.Rect(0, 0, round(210 * s), round(40 * s))
    if connected:  # lifted off the cradle, cord hanging down to the base
        handset.midbottom = (round(cx), body.y - round(46 * s))
        pygame.draw.line(
            surface,
            (60, 64, 76),
            (handset.left + round(20 * s), handset.bottom),
            (body.x + round(16 * s), body.centery),
            max(2, round(3 * s)),
        )
    else:
        handset.midbottom = (round(cx + jiggle), body.y + round(6 * s))
    pygame.draw.rect(surface, (60, 64, 76), handset, border_radius=round(18 * s))
    if ringing:
        phase = (t * 2.5) % 1.0
        for i in range(3):
            radius = round((60 + 30 * ((i + phase) % 3)) * s)
            arc = pygame.Rect(0, 0, radius * 2, radius * 2)
            arc.center = body.center
            color = ctx.theme.accent
            pygame.draw.arc(surface, color, arc, math.pi * 0.15, math.pi * 0.4, max(2, round(4 * s)))
            pygame.draw.arc(surface, color, arc, math.pi * 0.6, math.pi * 0.85, max(2, round(4 * s)))
