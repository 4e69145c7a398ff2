"""Korean analysis of what the trainee says: morphemes (Kiwi) → findings with spans.

The API is small on purpose (the engine, the CLI, the game and the voice front end share it):

    from game import language
    analysis = language.analyse("커피 나오셨습니다.")     # Analysis: .findings, .sentences, .speech_level
    morphs = language.tokenize("국물이 좋아요")             # [Morph(form, tag, start, end)], NFC spans
    language.shared().loader.start()                       # begin loading Kiwi in the background
    language.shared().state                                # idle | loading | ready | failed
    language.use_loader(Loader(factory))                   # another backend (the game's helper process)

Loading happens once per process, on first use or when ``start()`` is called; everything raises
``AnalyserUnavailable`` if Kiwi cannot be loaded, so a caller can fall back. Importing this package
does not import kiwipiepy. What each finding means: docs/language.md.
"""

from __future__ import annotations

from game.language.analysis import Analyser, Analysis, analyse_morphs, shared, use_loader
from game.language.findings import KINDS, LEVELS, Finding, Sentence
from game.language.loader import KIWI_OPTIONS, AnalyserUnavailable, Loader, kiwi_tokenizer
from game.language.morphs import Morph, normalise

__all__ = [
    "KINDS",
    "KIWI_OPTIONS",
    "LEVELS",
    "Analyser",
    "AnalyserUnavailable",
    "Analysis",
    "Finding",
    "Loader",
    "Morph",
    "Sentence",
    "analyse",
    "analyse_morphs",
    "kiwi_tokenizer",
    "normalise",
    "shared",
    "tokenize",
    "use_loader",
]


def analyse(text: str) -> Analysis:
    return shared().analyse(text)


def tokenize(text: str) -> list[Morph]:
    return shared().tokenize(text)
