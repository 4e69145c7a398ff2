"""Tiny inline stories for engine tests (in the spirit of ink's tests): a small rubric with round
weights and a three-decision scenario whose scores are worked out by hand in the tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

from game.scenario.library import load_one
from game.scenario.model import Scenario
from game.scenario.rubric import Rubric

# 3S = smile + speed, KASH = attitude + habit, complaint = procedure; every framework weight 1 and every
# dimension weight 1, so smile, speed, attitude and habit each weigh 0.5 and procedure weighs 1.
TINY_RUBRIC = """
id: tiny
title: 작은 루브릭
pass_mark: 80
frameworks:
  3S: {title: 3S}
  KASH: {title: KASH}
  complaint: {title: 불만 처리}
dimensions:
  smile: {title: 스마일, framework: 3S}
  speed: {title: 스피드, framework: 3S}
  attitude: {title: 태도, framework: KASH}
  habit: {title: 습관, framework: KASH}
  procedure: {title: 절차, framework: complaint}
principles:
  polite: {title: 공손, source: test, explain: 공손하게., follow: {attitude: 2}, break: {attitude: -2}}
  no_argument: {title: 불논쟁, source: test, explain: 다투지 않기., break: {attitude: -3}, blocker: true}
  apologise_first: {title: 우선 사과, source: test, explain: 먼저 사과.}
  order: {title: 순서, source: test, explain: 순서대로.}
  fast: {title: 신속, source: test, explain: 빨리.}
  habit: {title: 습관, source: test}
wording:
  - id: refusal
    patterns: ['안 ?돼요']
    principle: polite
    breaks: true
    feedback: 거절하지 마세요.
  - id: apology
    patterns: ['죄송합니다']
    principle: apologise_first
    effects: {smile: 1}
    step: apologise
timing: {dimension: speed, late: -2, very_late: -4, mood_late: -1, principle: fast}
complaint:
  steps: [hear_reason, solve]
  apology_step: apologise
  in_order: {procedure: 2}
  out_of_order: {procedure: -2}
  apology_first: {procedure: 1}
  step_before_apology: {procedure: -1}
  order_principle: order
  apology_principle: apologise_first
habit: {dimension: habit, history_attempts: 3, history_weight: 0.5, principle: habit}
required: {complaint: [apologise_first]}
"""

TINY_SCENARIO = """
id: tiny-counter
title: 작은 창구
category: face_to_face
rubric: tiny
customer: {name: 손님, mood: 0}
start: greet
nodes:
  greet:
    customer: 저기요.
    time_limit: 5
    choices:
      - say: 어서 오세요.
        effects: {smile: 2}
        follows: [polite]
        mood: 1
        next: complaint
      - say: 네, 무슨 일이에요?
        next: complaint
      - say: 지금은 안 돼요.
        mood: -1
        next: complaint
  complaint:
    customer: 주문이 잘못 왔어요.
    choices:
      - say: 불편을 드려 죄송합니다. 어떻게 된 일인지 말씀해 주시겠어요?
        steps: [hear_reason]
        mood: 2
        next: close
      - say: 해결해 드릴게요.
        steps: [solve]
        next: close
      - say: 규정이라 어쩔 수 없어요.
        breaks: [no_argument]
        mood: -2
        next: close
  close:
    customer: 알겠어요.
    choices:
      - say: 이용해 주셔서 고맙습니다.
        effects: {smile: 1}
        next:
          - if: {mood_at_least: 2}
            goto: happy
          - goto: okay
      - say: 제 말이 맞다니까요. 이용해 주셔서 고맙습니다.
        effects: {smile: 1}
        breaks: [no_argument]
        next: okay
  happy:
    customer: 고마워요!
    ending: {outcome: delighted, resolved: true}
  okay:
    customer: 네.
    ending: {outcome: neutral}
"""


def write_story(folder: Path, scenario: str = TINY_SCENARIO, rubric: str = TINY_RUBRIC) -> Path:
    """Write a scenario and its rubric beside it, the way a company keeps its own rubric."""
    (folder / "rubrics").mkdir(parents=True, exist_ok=True)
    (folder / "rubrics" / "tiny.yaml").write_text(textwrap.dedent(rubric), encoding="utf-8")
    path = folder / "story.yaml"
    path.write_text(textwrap.dedent(scenario), encoding="utf-8")
    return path


def load_story(folder: Path, scenario: str = TINY_SCENARIO) -> tuple[Scenario, Rubric]:
    return load_one(str(write_story(folder, scenario)))
