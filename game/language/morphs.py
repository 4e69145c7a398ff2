"""Morphemes as the analyser sees them: Kiwi's tokens reduced to plain, picklable values.

Kiwi's own ``Token`` objects stay inside the tokenizer backend, so the rules (and a backend running in
another process) deal only in ``Morph``: surface form, a base tag (``VA-I`` and ``VV-R`` become ``VA``
and ``VV``: irregular conjugation classes never matter to politeness) and the character span in the
NFC text the trainee typed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Morph:
    form: str
    tag: str
    start: int
    end: int

    @property
    def is_punct(self) -> bool:
        return self.tag.startswith("S") and self.tag not in ("SL", "SH", "SN")

    @property
    def is_noun(self) -> bool:
        return self.tag in ("NNG", "NNP", "NNB", "NP", "NR", "SL", "SH")

    @property
    def is_predicate(self) -> bool:
        return self.tag in ("VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA")

    def __str__(self) -> str:
        return f"{self.form}/{self.tag}"


def normalise(text: str) -> str:
    """NFC and single spaces: what every span and every cache key refers to."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def from_kiwi(tokens) -> list[Morph]:
    """Kiwi tokens to morphs (duck-typed so this module never imports kiwipiepy)."""
    return [Morph(t.form, t.tag.split("-", 1)[0], t.start, t.start + t.len) for t in tokens]
