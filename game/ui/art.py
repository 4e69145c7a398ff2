"""Everything pictured is drawn here by the program: the customer, the counter, the phone.

Nothing is downloaded or shipped as an image, so there is no licence to track and the art scales to any
window. The customer's face carries the emotion the session reports (calm, pleased, delighted,
impatient, annoyed, angry) so a trainee can read the customer as they would at a real counter; on the
phone the customer is heard, not seen, and only a small face on the caller card shows the mood.
"""

from __future__ import annotations

import math
import zlib

import pygame

from game.ui.context import Context
from game.ui.layout import Rect

SKIN = (244, 206, 172)
SKIN_ANGRY = (238, 160, 140)
INK = (40, 30, 30)
BLUSH = (240, 140, 150)
SHIRTS = {
    "ordinary": (90, 130, 190),
    "hurried": (70, 90, 120),
    "fault_finding": (150, 90, 120),
    "arrogant": (60, 60, 70),
    "cheerful": (240, 170, 60),
    "quiet": (130, 150, 130),
    "suspicious": (110, 100, 80),
    "with_children": (90, 170, 160),
    "abusive": (120, 50, 50),
}
HAIRS = ((50, 40, 35), (90, 60, 40), (30, 30, 35), (130, 110, 90))


def draw_backdrop(ctx: Context, surface: pygame.Surface, rect: Rect, phone: bool) -> None:
    """A service counter (face to face) or a call-centre desk (phone), in the theme's stage colour."""
    th = ctx.theme
    box = pygame.Rect(ctx.layout.rect(rect))
    pygame.draw.rect(surface, th.stage, box, border_radius=ctx.layout.px(12))
    s = box.width / 544
    floor = box.y + round(box.height * 0.72)
    wall = tuple(min(255, c + 14) for c in th.stage)
    pygame.draw.rect(
        surface,
        wall,
        (box.x, box.y, box.width, floor - box.y),
        border_top_left_radius=ctx.layout.px(12),
        border_top_right_radius=ctx.layout.px(12),
    )
    if phone:
        # A window onto the city behind the call-centre desk.
        win = pygame.Rect(box.x + round(300 * s), box.y + round(22 * s), round(220 * s), round(100 * s))
        pygame.draw.rect(surface, (120, 160, 200) if th.name == "normal" else (40, 40, 60), win)
        for i in range(5):
            bx = win.x + round((12 + i * 42) * s)
            bh = round((30 + (i * 37) % 50) * s)
            pygame.draw.rect(surface, (80, 100, 130), (bx, win.bottom - bh, round(28 * s), bh))
        pygame.draw.rect(surface, th.border, win, max(2, round(4 * s)))
        desk = pygame.Rect(box.x, floor - round(10 * s), box.width, box.bottom - floor + round(10 * s))
        pygame.draw.rect(
            surface,
            (120, 90, 64),
            desk,
            border_bottom_left_radius=ctx.layout.px(12),
            border_bottom_right_radius=ctx.layout.px(12),
        )
        return
    # A lobby wall with a clock and a plant; the counter is drawn in front of the customer.
    clock = (box.right - round(90 * s), box.y + round(60 * s))
    pygame.draw.circle(surface, (245, 245, 240), clock, round(26 * s))
    pygame.draw.circle(surface, th.border, clock, round(26 * s), max(2, round(3 * s)))
    pygame.draw.line(surface, INK, clock, (clock[0], clock[1] - round(16 * s)), max(2, round(3 * s)))
    pygame.draw.line(surface, INK, clock, (clock[0] + round(11 * s), clock[1]), max(2, round(3 * s)))
    plant = (box.right - round(70 * s), floor)
    pygame.draw.rect(
        surface,
        (150, 100, 70),
        (plant[0] - round(18 * s), plant[1] - round(40 * s), round(36 * s), round(40 * s)),
    )
    for dx, dy in ((-20, -70), (0, -90), (20, -72), (-8, -58), (12, -56)):
        pygame.draw.circle(
            surface, (70, 140, 90), (plant[0] + round(dx * s), plant[1] + round(dy * s)), round(18 * s)
        )


def draw_counter(ctx: Context, surface: pygame.Surface, rect: Rect) -> None:
    """The counter top in front of the customer (drawn after the customer so it hides their legs)."""
    box = pygame.Rect(ctx.layout.rect(rect))
    s = box.width / 544
    top = box.y + round(box.height * 0.70)
    counter = pygame.Rect(box.x, top, box.width, box.bottom - top)
    pygame.draw.rect(
        surface,
        (150, 110, 80),
        counter,
        border_bottom_left_radius=ctx.layout.px(12),
        border_bottom_right_radius=ctx.layout.px(12),
    )
    pygame.draw.rect(surface, (190, 150, 110), (box.x, top, box.width, round(16 * s)))
    bell = (box.x + round(90 * s), top)
    pygame.draw.circle(surface, (220, 190, 90), bell, round(14 * s), draw_top_left=True, draw_top_right=True)


def counter_rects(ctx: Context, rect: Rect) -> list[pygame.Rect]:
    """Where ``draw_counter`` paints (the counter top to the stage's bottom, and the bell above it):
    the play scene restores these from its cached base layer after drawing the customer."""
    box = pygame.Rect(ctx.layout.rect(rect))
    s = box.width / 544
    top = box.y + round(box.height * 0.70)
    bell = round(14 * s)
    return [
        pygame.Rect(box.x, top, box.width, box.bottom - top),
        pygame.Rect(box.x + round(90 * s) - bell - 1, top - bell - 1, 2 * bell + 2, bell + 1),
    ]


def draw_customer(
    ctx: Context, surface: pygame.Surface, rect: Rect, emotion: str, t: float, customer_type: str, seed: str
) -> None:
    """The customer from the waist up, centred in ``rect``; ``t`` drives breathing, blinking, shaking."""
    box = pygame.Rect(ctx.layout.rect(rect))
    clip = surface.get_clip()
    surface.set_clip(box.clip(clip))
    s = box.width / 544
    bob = math.sin(t * 2.0) * 3 * s
    shake = math.sin(t * 40) * 3 * s if emotion == "angry" else 0.0
    cx = box.centerx + shake
    head_y = box.y + box.height * 0.36 + bob
    radius = 70 * s
    hue = zlib.crc32(seed.encode("utf-8"))
    hair = HAIRS[hue % len(HAIRS)]
    shirt = SHIRTS.get(customer_type, SHIRTS["ordinary"])
    body = pygame.Rect(0, 0, round(240 * s), round(200 * s))
    body.midtop = (round(cx), round(head_y + radius * 0.8))
    pygame.draw.ellipse(surface, shirt, body)
    pygame.draw.polygon(
        surface,
        (245, 245, 245),
        [(cx - 24 * s, body.y + 6 * s), (cx + 24 * s, body.y + 6 * s), (cx, body.y + 44 * s)],
    )
    if hue % 2:  # longer hair behind the head, down to the jaw
        pygame.draw.ellipse(
            surface, hair, (cx - radius * 1.1, head_y - radius * 1.05, radius * 2.2, radius * 1.8)
        )
    draw_face(surface, (cx, head_y), radius, emotion, t, hair)
    surface.set_clip(clip)


def draw_face(
    surface: pygame.Surface,
    centre: tuple[float, float],
    radius: float,
    emotion: str,
    t: float,
    hair: tuple | None = None,
) -> None:
    """A face whose brows, eyes and mouth show ``emotion``; also used small on the caller card."""
    cx, cy = centre
    r = radius
    skin = SKIN_ANGRY if emotion == "angry" else SKIN
    pygame.draw.circle(surface, skin, (round(cx), round(cy)), round(r))
    if hair is not None:
        pygame.draw.ellipse(surface, hair, (cx - r, cy - r * 1.05, r * 2, r * 1.0))
        pygame.draw.circle(
            surface,
            skin,
            (round(cx), round(cy + r * 0.12)),
            round(r * 0.86),
            draw_bottom_left=True,
            draw_bottom_right=True,
        )
    width = max(2, round(r / 18))
    eye_y = cy + r * 0.08
    blink = (t % 3.7) < 0.12
    for side in (-1, 1):
        ex = cx + side * r * 0.36
        if emotion == "delighted" or blink:
            arc = pygame.Rect(0, 0, r * 0.34, r * 0.26)
            arc.center = (round(ex), round(eye_y + (r * 0.06 if blink else 0)))
            start, stop = (0, math.pi) if emotion == "delighted" else (math.pi, 2 * math.pi)
            pygame.draw.arc(surface, INK, arc, start, stop, width)
        else:
            pygame.draw.circle(surface, INK, (round(ex), round(eye_y)), max(2, round(r * 0.085)))
            if emotion in ("annoyed",):
                pygame.draw.line(
                    surface,
                    skin,
                    (ex - r * 0.12, eye_y - r * 0.07),
                    (ex + r * 0.12, eye_y - r * 0.07),
                    max(2, round(r * 0.07)),
                )
        _brow(surface, ex, eye_y, r, side, emotion, width)
    _mouth(surface, cx, cy + r * 0.5, r, emotion, t, width)
    if emotion in ("pleased", "delighted"):
        for side in (-1, 1):
            pygame.draw.circle(
                surface, BLUSH, (round(cx + side * r * 0.55), round(cy + r * 0.36)), max(2, round(r * 0.11))
            )
    if emotion == "impatient":
        drop = [(cx + r * 0.86, cy - r * 0.52), (cx + r * 0.76, cy - r * 0.3), (cx + r * 0.96, cy - r * 0.3)]
        pygame.draw.polygon(surface, (120, 190, 240), drop)
        pygame.draw.circle(
            surface, (120, 190, 240), (round(cx + r * 0.86), round(cy - r * 0.28)), max(2, round(r * 0.1))
        )
    if emotion == "angry":
        mx, my = cx + r * 0.7, cy - r * 0.78
        k = r * 0.16
        for dx, dy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
            pygame.draw.arc(
                surface,
                (220, 40, 40),
                (mx + dx * k - k, my + dy * k - k, 2 * k, 2 * k),
                0,
                math.pi * 2,
                max(2, width),
            )


def _brow(
    surface: pygame.Surface, ex: float, ey: float, r: float, side: int, emotion: str, width: int
) -> None:
    inner, outer = ex - side * r * 0.16, ex + side * r * 0.16
    base = ey - r * 0.26
    tilt = {"angry": 0.16, "annoyed": 0.09, "impatient": -0.06}.get(emotion, 0.0)
    lift = -r * 0.05 if emotion == "delighted" else 0.0
    pygame.draw.line(
        surface, INK, (inner, base + tilt * r + lift), (outer, base - tilt * r + lift), width + 1
    )


def _mouth(
    surface: pygame.Surface, cx: float, my: float, r: float, emotion: str, t: float, width: int
) -> None:
    w = r * 0.5
    if emotion == "delighted":
        pygame.draw.ellipse(surface, (170, 50, 60), (cx - w / 2, my - r * 0.12, w, r * 0.3))
        pygame.draw.rect(surface, SKIN, (cx - w / 2, my - r * 0.14, w, r * 0.14))
    elif emotion == "pleased":
        pygame.draw.arc(
            surface, INK, (cx - w / 2, my - r * 0.2, w, r * 0.3), math.pi * 1.1, math.pi * 1.9, width
        )
    elif emotion == "calm":
        pygame.draw.line(surface, INK, (cx - w * 0.3, my), (cx + w * 0.3, my), width)
    elif emotion == "impatient":
        wobble = math.sin(t * 6) * r * 0.03
        points = [
            (cx - w * 0.35, my),
            (cx - w * 0.1, my - r * 0.04 + wobble),
            (cx + w * 0.1, my + r * 0.04),
            (cx + w * 0.35, my - wobble),
        ]
        pygame.draw.lines(surface, INK, False, points, width)
    elif emotion == "annoyed":
        pygame.draw.arc(
            surface,
            INK,
            (cx - w * 0.4, my - r * 0.02, w * 0.8, r * 0.24),
            math.pi * 0.15,
            math.pi * 0.85,
            width,
        )
    else:  # angry: an open, shouting frown
        pygame.draw.ellipse(surface, (150, 40, 50), (cx - w * 0.35, my - r * 0.06, w * 0.7, r * 0.26))
        pygame.draw.arc(
            surface,
            INK,
            (cx - w * 0.45, my - r * 0.08, w * 0.9, r * 0.4),
            math.pi * 0.1,
            math.pi * 0.9,
            width,
        )


def draw_phone(
    ctx: Context, surface: pygame.Surface, rect: Rect, ringing: bool, connected: bool, t: float
) -> None:
    """A desk phone: shaking with ring waves while it rings, handset lifted once answered."""
    box = pygame.Rect(ctx.layout.rect(rect))
    s = box.width / 260
    cx, base_y = box.centerx, box.bottom - 20 * s
    jiggle = math.sin(t * 50) * 4 * s if ringing and (t % 1.2) < 0.8 else 0.0
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
