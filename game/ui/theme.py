"""Colours for the normal and the high-contrast theme, with the contrast arithmetic that checks them.

Text must stay readable for a trainee at a shared PC in a bright room: every text colour is paired with
the surfaces it is drawn on and checked against WCAG's 4.5:1 (``pairs`` lists them; a test checks all).
"""

from __future__ import annotations

from dataclasses import dataclass

Color = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
    name: str
    background: Color
    stage: Color
    panel: Color
    panel_alt: Color
    border: Color
    text: Color
    text_dim: Color
    accent: Color
    on_accent: Color
    focus: Color
    good: Color
    bad: Color
    warn: Color
    on_status: Color
    meter_back: Color
    shade: tuple[int, int, int, int]

    def pairs(self) -> list[tuple[str, Color, Color]]:
        """Every (label, text colour, surface colour) combination the scenes draw."""
        surfaces = {"background": self.background, "panel": self.panel, "panel_alt": self.panel_alt}
        texts = {"text": self.text, "text_dim": self.text_dim, "good": self.good, "bad": self.bad}
        texts["warn"] = self.warn
        found = [(f"{t} on {s}", tc, sc) for s, sc in surfaces.items() for t, tc in texts.items()]
        found.append(("on_accent on accent", self.on_accent, self.accent))
        found.append(("on_status on good", self.on_status, self.good))
        found.append(("on_status on bad", self.on_status, self.bad))
        return found


NORMAL = Theme(
    name="normal",
    background=(24, 30, 42),
    stage=(58, 72, 96),
    panel=(36, 44, 60),
    panel_alt=(46, 56, 76),
    border=(96, 112, 140),
    text=(240, 242, 246),
    text_dim=(184, 194, 210),
    accent=(255, 196, 92),
    on_accent=(28, 24, 16),
    focus=(255, 214, 130),
    good=(120, 220, 150),
    bad=(255, 138, 128),
    warn=(255, 206, 110),
    on_status=(16, 20, 28),
    meter_back=(70, 80, 100),
    shade=(8, 10, 16, 190),
)

HIGH_CONTRAST = Theme(
    name="high_contrast",
    background=(0, 0, 0),
    stage=(20, 20, 20),
    panel=(0, 0, 0),
    panel_alt=(26, 26, 26),
    border=(255, 255, 255),
    text=(255, 255, 255),
    text_dim=(230, 230, 230),
    accent=(255, 230, 0),
    on_accent=(0, 0, 0),
    focus=(0, 255, 255),
    good=(90, 255, 120),
    bad=(255, 120, 120),
    warn=(255, 230, 0),
    on_status=(0, 0, 0),
    meter_back=(70, 70, 70),
    shade=(0, 0, 0, 220),
)


def theme_for(high_contrast: bool) -> Theme:
    return HIGH_CONTRAST if high_contrast else NORMAL


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: Color) -> float:
    r, g, b = (_channel(v) for v in color[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio, 1..21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
