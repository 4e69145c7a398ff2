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

# How coaching and the debrief name each kind to a trainee.
KIND_TITLES = {
    "banmal": "반말",
    "honorific": "높임 '-시-'",
    "honorific_word": "높임말·겸양어",
    "honorific_error": "잘못된 높임 (사물 존대·낮춤말 권하기)",
    "apology": "사과",
    "thanks": "감사 인사",
    "cushion": "쿠션 화법",
    "refusal": "단정적인 거절",
    "alternative": "대안 제시",
    "dont_know": "모른다는 말",
    "find_out": "확인하겠다는 약속",
    "blame": "고객 탓",
    "argument": "고객과 논쟁",
    "calm_down": "진정하라는 말",
    "excuse": "변명",
    "rule_hiding": "규정 뒤에 숨기",
    "question": "되묻기",
    "hear_reason": "사유 청취",
    "find_cause": "원인 설명",
    "solve": "해결책 제시",
    "report_back": "결과를 다시 알리겠다는 약속",
    "self_intro": "소속·이름 밝히기",
    "next_step": "구체적인 다음 조치·시간",
}


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
