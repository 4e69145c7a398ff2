"""A Korean pronunciation front end for the offline synthesiser: spelling in, what to say out (Hangul).

espeak-ng reads Korean as it is spelt (합니다 → *hap-ni-da*), numbers as bare Sino cardinals and
Latin letters in English. ``pronounce`` turns a line into the Hangul of its standard pronunciation, with
numbers read by their counter and Latin in its Korean reading; espeak-ng then reads that. gTTS and
system voices do their own text analysis and get the spelling. Pure string rules (no dictionary, no
analyser, nothing loaded): a few hundred microseconds per line, nothing at start-up.

No offline library does this (g2pk/g2pk2 install software and download dictionaries at run time), so the
rules are written here and pinned by tests/voice/korean/test_pronounce.py, a table of words and numbers
with their standard pronunciation.
"""

from __future__ import annotations

import re
import unicodedata

from game.voice.korean.latin import read_latin
from game.voice.korean.numbers import KEEP_CLOSE, KEEP_OPEN, read_numbers
from game.voice.korean.rules import pronounce_hangul

# Bump when a rule changes: it is part of the offline voice's cache key, so old audio is rebuilt.
FRONT_END_VERSION = "p1"
# Typed laughter and crying are said, not spelled: ㅎㅎ → 흐흐, ㅋㅋ → 크크; lone vowels are dropped.
_JAMO_SAID = {"ㅎ": "흐", "ㅋ": "크"}


def pronounce(text: str) -> str:
    """The line as a Korean speaker says it, in Hangul, ready for espeak-ng."""
    text = unicodedata.normalize("NFC", text)
    text = read_numbers(text)
    text = read_latin(text)
    text = text.replace("~", "").replace("-", " ")  # 안녕하세요~ is a tone, HB-2024 → 에이치비 이공이사
    text = re.sub(r"[\u3131-\u318e]", lambda m: _JAMO_SAID.get(m.group(), ""), text)
    text = pronounce_hangul(text, (KEEP_OPEN, KEEP_CLOSE))
    return " ".join(text.split())
