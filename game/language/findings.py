"""What the analyser reports: findings with the span they came from, and sentences with their level.

A finding is language, not judgement: ``kind`` says what was recognised (an apology, a refusal, 사물
존대); the rubric decides what it is worth and adds its ``rule`` and ``principle`` when it judges a line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# The analyser's vocabulary, in the order the docs list it. Each kind is one label of the labelled set.
KINDS = (
    "banmal",
    "honorific",
    "honorific_word",
    "honorific_error",
    "apology",
    "thanks",
    "cushion",
    "refusal",
    "alternative",
    "dont_know",
    "find_out",
    "blame",
    "argument",
    "calm_down",
    "excuse",
    "rule_hiding",
    "question",
    "hear_reason",
    "find_cause",
    "solve",
    "report_back",
    "self_intro",
    "next_step",
)
LEVELS = ("banmal", "haeyo", "hapsyo")  # lowest first


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    detail: str = ""
    rule: str | None = None
    principle: str | None = None

    def judged(self, rule: str, principle: str) -> Finding:
        return replace(self, rule=rule, principle=principle)

    def to_json(self) -> dict:
        out: dict = {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end}
        if self.detail:
            out["detail"] = self.detail
        if self.rule:
            out["rule"] = self.rule
        if self.principle:
            out["principle"] = self.principle
        return out


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    level: str | None  # hapsyo | haeyo | banmal | None (a fragment such as "네." or "고객님,")
    first: int  # index of its first morpheme in the analysis
    last: int  # index after its last morpheme
