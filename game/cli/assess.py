"""`eungdae assess`: what the analyser and the rubric make of an agent's sentence.

One sentence from the command line, or ``-`` for one sentence per line of standard input (one analyser
load for all of them; with ``--json`` one JSON object per output line). Trainers use it to check a line
before putting it in a scenario; the content team runs it over every best line.
"""

from __future__ import annotations

import argparse
import json
import sys

from game.language import AnalyserUnavailable, Analysis, shared
from game.scenario.diagnostics import ScenarioError
from game.scenario.library import BUILTIN_SCENARIOS
from game.scenario.rubric import Rubric, load_rubric

LEVEL_NAMES = {"hapsyo": "합쇼체", "haeyo": "해요체", "banmal": "반말", None: "판단할 서술어 없음"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("assess", help="상담원 문장 분석 (말씨·높임·사과·쿠션·금지 표현)")
    p.add_argument("sentence", help="the sentence, or - to read one sentence per line from standard input")
    p.add_argument("--json", action="store_true", help="print JSON (one object per input line)")
    p.add_argument("--rubric", help="rubric file whose wording rules judge the sentence (default: built-in)")
    p.set_defaults(func=cmd_assess)


def assessment(analysis: Analysis, rubric: Rubric) -> dict:
    """The JSON a trainer's script reads: the issue's fields, then every finding with its span."""
    findings = rubric.findings(analysis)
    kinds = analysis.kinds
    harmful = [rule.id for rule, _ in rubric.judge(analysis) if rule.harmful]
    return {
        "text": analysis.text,
        "speech_level": analysis.speech_level,
        "sentences": [
            {"text": s.text, "start": s.start, "end": s.end, "level": s.level} for s in analysis.sentences
        ],
        "honorific": bool(kinds & {"honorific", "honorific_word"}),
        "apology": "apology" in kinds,
        "thanks": "thanks" in kinds,
        "cushion": "cushion" in kinds,
        "blame": "blame" in kinds,
        "self_intro": "self_intro" in kinds,
        "forbidden": harmful,
        "honorific_errors": [f.to_json() for f in findings if f.kind == "honorific_error"],
        "findings": [f.to_json() for f in findings],
    }


def _text(result: dict) -> str:
    lines = [
        result["text"],
        f"  말씨: {LEVEL_NAMES[result['speech_level']]} ({result['speech_level'] or '-'})",
    ]
    flags = [k for k in ("honorific", "apology", "thanks", "cushion", "blame", "self_intro") if result[k]]
    lines.append(f"  있음: {', '.join(flags) or '-'}")
    lines.append(f"  금지 표현: {', '.join(result['forbidden']) or '없음'}")
    for f in result["findings"]:
        judged = f" [{f['rule']} → {f['principle']}]" if f.get("rule") else ""
        lines.append(f"  {f['kind']:<16} 「{f['text']}」 {f['start']}–{f['end']}{judged}")
    return "\n".join(lines)


def cmd_assess(args: argparse.Namespace) -> int:
    try:
        rubric = load_rubric(args.rubric or str(BUILTIN_SCENARIOS / "rubrics" / "default.yaml"))
    except ScenarioError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
        return 1
    sentences = [line.strip() for line in sys.stdin] if args.sentence == "-" else [args.sentence]
    try:
        for sentence in sentences:
            if not sentence:
                continue
            result = assessment(shared().analyse(sentence), rubric)
            print(json.dumps(result, ensure_ascii=False) if args.json else _text(result), flush=True)
    except AnalyserUnavailable as exc:
        print(
            f"error: {exc} — install it with: python -m pip install kiwipiepy kiwipiepy-model",
            file=sys.stderr,
        )
        return 1
    return 0
