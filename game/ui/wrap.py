"""Line breaking for Korean and English by measured width.

Korean breaks between words (어절) like English; a word too wide for the line (a long URL, an order
number, a narrow window at a large font scale) breaks between syllables instead of being clipped.
Pure: the caller passes ``measure`` (a font's width function), so this is tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable

Measure = Callable[[str], int]


def wrap(text: str, width: int, measure: Measure) -> list[str]:
    """Lines no wider than ``width`` (unless one character alone is wider); explicit newlines kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, measure))
    return lines


def _wrap_paragraph(paragraph: str, width: int, measure: Measure) -> list[str]:
    words = paragraph.split()
    if not words:
        return [""]
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
        if measure(word) <= width:
            current = word
            continue
        for ch in word:
            if current and measure(current + ch) > width:
                lines.append(current)
                current = ""
            current += ch
    lines.append(current)
    return lines
