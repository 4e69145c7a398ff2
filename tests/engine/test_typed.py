"""Typed replies that branch: good, partial and harmful replies through real scenario files, with the
decision's effects and the path's scores worked by hand from scenarios/rubrics/default.yaml.

Per dimension, score = 100 × Σ(chosen − worst) / Σ(best − worst) over the path's decisions; at a typed
node the candidates are the author's examples and the worst is the lower of the example and the reply.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.engine.session import Session, SessionError, play
from game.language import Analyser, Loader
from game.scenario.diagnostics import ScenarioError
from game.scenario.library import load_one

LATE = "scenarios/phone/late-delivery-call.yaml"


def at_report():
    scenario, rubric = load_one(LATE)
    return play(scenario, rubric, [1, 1, 1, 1])  # greeting, apology + order number, the cause, express


def test_the_authors_example_is_good_and_delights():
    session = at_report()
    decision = session.answer(session.node.typed.examples[0], 0)
    # apology +1 attitude (its step was taken already), report_back +1 service and in order (hear, cause,
    # solve done) +2 procedure, thanks +1 smile; a good reply moves the customer +1
    assert decision.outcome == "good"
    assert decision.chosen.effects == {"attitude": 1, "service": 1, "smile": 1, "procedure": 2}
    assert session.result().ending == "delighted" and session.result().overall == pytest.approx(100)


def test_a_partial_reply_satisfies_and_costs_the_missing_apology_point():
    session = at_report()
    decision = session.answer("네, 출고되면 문자로 알려 드리겠습니다. 감사합니다.", 0)
    # a call back and when, no name: partial (give_name has no break: price, so no cost)
    assert decision.outcome == "partial"
    assert decision.chosen.effects == {"service": 1, "smile": 1, "procedure": 2}
    result = session.result()
    assert result.ending == "satisfied"
    # attitude, chosen − worst per decision: ring 0, complaint 1−(−2)=3, listen 2, solve 2, report 0−0=0 → 7
    # best − worst: 0 + 3 + 2 + 2 + (1 − 0) = 8 → 7 / 8 = 87.5
    assert result.dimensions["attitude"] == pytest.approx(87.5)
    assert any("빠진 것: 소속·이름 밝히기" in line for line in decision.feedback)


def test_a_harmful_reply_is_poor_quoted_and_costs_its_principles():
    session = at_report()
    decision = session.answer("알았어요. 수고하세요.", 0)
    # 수고하세요 breaks courtesy (attitude −2); the missing next step breaks resolve_fast (speed −1)
    assert decision.outcome == "poor"
    assert decision.chosen.effects == {"attitude": -2, "speed": -1}
    result = session.result()
    assert result.ending == "neutral"
    # attitude: earned 0 + 3 + 2 + 2 + (−2 − (−2)) = 7, possible 0 + 3 + 2 + 2 + (1 − (−2)) = 10 → 70
    assert result.dimensions["attitude"] == pytest.approx(70.0)
    # speed: earned 4 + 5 + 0 + 5 + 0 = 14, possible 4 + 5 + 0 + 5 + (0 − (−1)) = 15 → 93.33
    assert result.dimensions["speed"] == pytest.approx(1400 / 15)
    quote = next(line for line in decision.feedback if line.startswith("「수고하세요」"))
    assert "(7–11번째 글자)" in quote and "[예의와 경어]" in quote
    assert (
        decision.feedback[-1].startswith("이렇게 말해 보세요: ")
        and decision.best_say in decision.feedback[-1]
    )


@pytest.mark.parametrize(
    "text, outcome, ending",
    [
        (
            "네, 감사합니다. 처음에 오래 기다리시게 해서 다시 한번 죄송합니다. 안녕히 가십시오.",
            "good",
            "delighted",
        ),
        ("네, 감사합니다. 안녕히 가세요.", "partial", "satisfied"),
        ("수고하세요.", "poor", "neutral"),
    ],
)
def test_the_face_to_face_farewell_branches_on_what_is_typed(text, outcome, ending):
    scenario, rubric = load_one("scenarios/face_to_face/late-greeting.yaml")
    session = Session(scenario, rubric, clock=lambda: 0.0)
    for option in ("apologise-short", "restate-brisk", "ask-before-wait", "brisk-total"):
        while session.needs_advance:
            session.advance()
        session.choose(session.number_of(option), 0)
    while session.needs_advance:
        session.advance()
    decision = session.answer(text, 0)
    assert decision.outcome == outcome and session.result().ending == ending


@pytest.mark.parametrize(
    "text, outcome, ending, effects",
    [
        # thanks +1 smile; the reply is as good as the example
        (
            "네, 결제 끝났습니다. 영수증은 문자로 보내 드렸습니다. 조심히 가세요. 감사합니다!",
            "good",
            "delighted",
            {"smile": 1},
        ),
        # 시 but no thanks: partial (gratitude has no break: price); the mood (3) still satisfies
        ("네, 결제 끝났습니다. 조심히 가세요.", "partial", "satisfied", {}),
        # a question that holds a hurried customer and 수고하세요 (courtesy: attitude −2)
        ("가시기 전에 설문 하나만 해 주실 수 있나요? 수고하세요.", "poor", "neutral", {"attitude": -2}),
    ],
)
def test_the_difficult_customers_close_branches_on_what_is_typed(text, outcome, ending, effects):
    scenario, rubric = load_one("scenarios/difficult/hurried-repair-pickup.yaml")
    session = Session(scenario, rubric, clock=lambda: 0.0)
    for option in ("brisk-start", "ready-and-id", "other-check", "pay-brief"):
        while session.needs_advance:
            session.advance()
        session.choose(session.number_of(option), 0)
    while session.needs_advance:
        session.advance()
    decision = session.answer(text, 0)
    assert decision.outcome == outcome and session.result().ending == ending
    assert {k: v for k, v in decision.chosen.effects.items() if v} == effects


def test_without_the_analyser_the_fallback_choices_stand_in_and_say_so():
    def broken():
        raise OSError("kiwipiepy_model is not installed")

    scenario, rubric = load_one("scenarios/face_to_face/late-greeting.yaml")
    session = Session(scenario, rubric, clock=lambda: 0.0, analyser=Analyser(Loader(broken)))
    for option in ("apologise-short", "restate-brisk", "ask-before-wait", "brisk-total"):
        while session.needs_advance:
            session.advance()
        session.choose(session.number_of(option), 0)
    while session.needs_advance:
        session.advance()
    assert session.node.id == "close" and session.typing_unavailable
    # apologise-at-last-close is for one who never apologised: its if: hides it here
    assert [c.id for c in session.available()] == ["apologise-again-close", "plain-bye", "back-to-boxes"]
    with pytest.raises(SessionError, match="fallback choices"):
        session.answer("감사합니다", 0)
    decision = session.choose(session.number_of("apologise-again-close"), 0)
    assert "선택지로 답했습니다" in decision.feedback[-1]
    assert session.finished


def test_a_typed_node_names_only_what_can_be_judged(tmp_path):
    text = (tmp_path / "call.yaml").write_text(
        Path(LATE)
        .read_text(encoding="utf-8")
        .replace("must: [report_back, next_step, self_intro]", "must: [report_back, polite_vibes]"),
        encoding="utf-8",
    )
    assert text
    with pytest.raises(ScenarioError) as caught:
        load_one(str(tmp_path / "call.yaml"))
    message = "\n".join(d.format() for d in caught.value.diagnostics)
    assert "E215" in message and "polite_vibes" in message and "call.yaml:" in message
    assert textwrap.dedent(message).count("error") == 1
