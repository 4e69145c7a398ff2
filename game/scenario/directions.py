"""What of a line is *spoken*, and by whom: stage directions out, a quoted second speaker split off.

Authors write directions in the line itself — ``(고개만 끄덕이고 나간다)``, ``이 (욕설)…``, ``[전화 소음]`` —
because the subtitle should show them. A synthesiser must never read them: the abusive caller would
literally say "욕설" and a silent nod would become two seconds of speech. Words in double quotes *inside*
a direction belong to someone else in the scene (``(아이가 저금통을 내밀며 "이거 다 내 돈이에요!")``);
when the node names a ``second_speaker`` they are spoken in that speaker's voice, otherwise they stay
silent like the rest of the direction. Pure string work: no pygame, no synthesiser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CUSTOMER = "customer"
SECOND = "second"

# Opening → closing bracket of a stage direction (ASCII and full-width forms).
_DIRECTION_PAIRS = {"(": ")", "[": "]", "（": "）", "［": "］"}
_QUOTE = re.compile(r'"([^"]*)"|“([^”]*)”')
_SPEAKABLE = re.compile(r"[0-9A-Za-z\uac00-\ud7a3\u3131-\u318e]")
_QUOTE_MARKS = str.maketrans("", "", "\"“”'‘’「」『』")


@dataclass(frozen=True)
class Part:
    """One stretch of speech by one voice, in the order it is heard."""

    speaker: str  # CUSTOMER (the line's own speaker) | SECOND (the node's second speaker)
    text: str


def directions(text: str) -> list[str]:
    """The stage directions in ``text``, brackets included, in order (for lint and tests)."""
    return [text[a:b] for a, b in _direction_spans(text)]


def quoted_in_directions(text: str) -> list[str]:
    """Words in double quotes inside directions: what a second speaker says."""
    found: list[str] = []
    for a, b in _direction_spans(text):
        found.extend(m.group(1) or m.group(2) or "" for m in _QUOTE.finditer(text[a:b]))
    return [q.strip() for q in found if _SPEAKABLE.search(q)]


def split(text: str, second_speaker: bool = False) -> list[Part]:
    """The spoken parts of a line; ``[]`` means nothing is said (subtitle only).

    ``second_speaker``: the node names one, so quoted words inside a direction are theirs.
    """
    parts: list[Part] = []
    pos = 0
    for a, b in _direction_spans(text):
        _add(parts, CUSTOMER, text[pos:a])
        if second_speaker:
            for q in quoted_in_directions(text[a:b]):
                _add(parts, SECOND, q)
        pos = b
    _add(parts, CUSTOMER, text[pos:])
    return parts


def spoken_text(text: str) -> str:
    """Everything the line's own speaker says, directions removed ("" when nothing is said)."""
    return " ".join(p.text for p in split(text) if p.speaker == CUSTOMER)


def _add(parts: list[Part], speaker: str, raw: str) -> None:
    text = _tidy(raw)
    if not _SPEAKABLE.search(text):
        return
    if parts and parts[-1].speaker == speaker:
        parts[-1] = Part(speaker, f"{parts[-1].text} {text}")
    else:
        parts.append(Part(speaker, text))


def _tidy(text: str) -> str:
    """Quote marks are not spoken; whitespace and pause marks left around a removed direction collapse."""
    text = " ".join(text.translate(_QUOTE_MARKS).split())
    text = re.sub(r"(…|\.\.\.)(\s*(…|\.\.\.))+", "…", text)
    return text.strip(" ,")


def _direction_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level bracketed direction; an unclosed bracket runs to the end of the
    line (better silent than reading a direction aloud)."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        close = _DIRECTION_PAIRS.get(text[i])
        if close is None:
            i += 1
            continue
        depth, j = 1, i + 1
        while j < len(text) and depth:
            if text[j] == text[i]:
                depth += 1
            elif text[j] == close:
                depth -= 1
            j += 1
        spans.append((i, j))
        i = j
    return spans
