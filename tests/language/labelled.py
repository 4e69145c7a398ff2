"""The labelled agent sentences (tests/data/language/) and the accuracy table computed from them.

Each sentence is scored per label: a label is a finding kind the sentence should contain, or the
reply's speech level. Precision and recall are over sentences (does the sentence have it or not).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.language import Analysis
from game.language.findings import KINDS, LEVELS

DATA = Path(__file__).resolve().parents[1] / "data" / "language"
DEVELOPMENT = DATA / "agent-sentences.txt"
HELD_OUT = DATA / "held-out-2.txt"
LABELS = (*LEVELS, *(k for k in KINDS if k != "banmal"))


@dataclass(frozen=True)
class Labelled:
    text: str
    labels: frozenset[str]
    line: int


def read(path: Path) -> list[Labelled]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        level, labels, text = (part.strip() for part in line.split("|", 2))
        kinds = set() if labels == "-" else set(labels.split())
        unknown = kinds - set(KINDS)
        assert not unknown, f"{path.name}:{number}: unknown label {sorted(unknown)}"
        if level != "-":
            kinds.add(level)
        out.append(Labelled(text, frozenset(kinds), number))
    return out


def predicted(analysis: Analysis) -> frozenset[str]:
    got = set(analysis.kinds) - {"banmal"}
    if analysis.speech_level:
        got.add(analysis.speech_level)
    return frozenset(got)


@dataclass(frozen=True)
class Score:
    label: str
    support: int
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def scores(items: list[Labelled], analyse: Callable[[str], Analysis]) -> list[Score]:
    got = [predicted(analyse(item.text)) for item in items]
    table = []
    for label in LABELS:
        tp = sum(label in g and label in i.labels for g, i in zip(got, items, strict=True))
        fp = sum(label in g and label not in i.labels for g, i in zip(got, items, strict=True))
        fn = sum(label not in g and label in i.labels for g, i in zip(got, items, strict=True))
        table.append(Score(label, tp + fn, tp, fp, fn))
    return table


def markdown(table: list[Score], title: str, sentences: int) -> str:
    rows = [
        f"{title} ({sentences} sentences)",
        "",
        "| label | sentences | precision | recall |",
        "|---|---|---|---|",
    ]
    rows += [f"| `{s.label}` | {s.support} | {s.precision:.2f} | {s.recall:.2f} |" for s in table]
    return "\n".join(rows) + "\n"
