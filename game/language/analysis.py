"""One analysed reply, and the analyser that makes them (memoised, thread-safe, sharing one Kiwi)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, replace

from game.language import acts, honorifics, levels
from game.language.findings import Finding, Sentence
from game.language.loader import Loader
from game.language.morphs import Morph, normalise


@dataclass(frozen=True)
class Analysis:
    text: str  # NFC, single-spaced: every span refers to this
    morphs: tuple[Morph, ...]
    sentences: tuple[Sentence, ...]
    findings: tuple[Finding, ...]

    @property
    def speech_level(self) -> str | None:
        """The reply's level is its lowest sentence's: one 반말 sentence makes a 반말 reply."""
        return levels.lowest([s.level for s in self.sentences])

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(f.kind for f in self.findings)

    def has(self, kind: str) -> bool:
        return kind in self.kinds

    def of(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def sentence_morphs(self) -> list[tuple[Morph, ...]]:
        return [self.morphs[s.first : s.last] for s in self.sentences]


def analyse_morphs(text: str, morphs: list[Morph]) -> Analysis:
    """The pure half: from morphemes to findings (no Kiwi needed, so tests can feed morphemes)."""
    acted = bool(morphs) and morphs[0].form in ("(", "（")
    morphs = levels.spoken(morphs)
    sentences = levels.split(text, morphs)
    if acted and all(s.level in ("banmal", None) for s in sentences):
        # "(다시 건다) 넘긴 내가 다시 걸어야지.": after a stage direction, 반말 is the agent thinking aloud
        sentences = [replace(s, level=None) for s in sentences]
    found: list[Finding] = []
    for sentence in sentences:
        if sentence.level == "banmal":
            found.append(Finding("banmal", sentence.start, sentence.end, sentence.text))
        found.extend(honorifics.honorific_findings(text, morphs, sentence))
        for rule in acts.RULES:
            found.extend(rule(text, morphs, sentence))
    found.sort(key=lambda f: (f.start, f.end, f.kind))
    return Analysis(text, tuple(morphs), tuple(sentences), tuple(found))


class Analyser:
    """Turns replies into ``Analysis``; analyses are memoised, since replay and search ask again and again."""

    MEMO = 8192

    def __init__(self, loader: Loader | None = None):
        self.loader = loader or Loader()
        self._memo: OrderedDict[str, Analysis] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def state(self) -> str:
        return self.loader.state

    def tokenize(self, text: str) -> list[Morph]:
        """Morphemes of NFC text (raises ``AnalyserUnavailable``)."""
        return self.loader.get()(normalise(text))

    def analyse(self, text: str) -> Analysis:
        norm = normalise(text)
        with self._lock:
            hit = self._memo.get(norm)
            if hit is not None:
                self._memo.move_to_end(norm)
                return hit
        analysis = analyse_morphs(norm, self.loader.get()(norm)) if norm else Analysis("", (), (), ())
        with self._lock:
            self._memo[norm] = analysis
            if len(self._memo) > self.MEMO:
                self._memo.popitem(last=False)
        return analysis


_shared = Analyser()
_shared_lock = threading.Lock()


def shared() -> Analyser:
    """The process's analyser: one Kiwi for the CLI, the tests, the engine and the voice front end."""
    return _shared


def use_loader(loader: Loader) -> Analyser:
    """Replace the shared analyser's loader (the game's out-of-process loader; tests' failing one)."""
    global _shared
    with _shared_lock:
        _shared = Analyser(loader)
    return _shared
