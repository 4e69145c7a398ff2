"""What `lint` adds for a trainer's traps: answers given away by their length, options pinned in order."""

from __future__ import annotations

from game.authoring.lint import lint_scenario
from game.scenario.library import load_one

STORY = """\
id: lengths
title: 길이
category: face_to_face
customer: {name: 손님}
start: a
nodes:
  a:
    customer: 안녕하세요.
    choices:
      - say: 어서 오세요. 찾아 주셔서 감사합니다. 무엇을 도와드릴까요?
        follows: [warm_greeting]
        next: b
      - say: 네.
        feedback: 밝게 먼저 인사하세요.
        next: b
  b:
    customer: 화장실이 어디예요?
    choices:
      - say: 복도 끝 오른쪽입니다. 제가 안내해 드리겠습니다.
        follows: [customer_perspective]
        next: c
      - say: 저쪽이요.
        feedback: 직접 안내해 드리세요.
        next: c
  c:
    customer: 고마워요.
    choices:
      - say: 감사합니다.
        follows: [confirm_and_close]
        next: done
      - say: 네, 뭐 그럼 다음에 또 필요하신 거 있으면 저기 안내 데스크에 물어보시든가 하세요.
        feedback: 짧고 밝게 감사 인사로 마무리하세요.
        next: done
  done:
    ending: {outcome: satisfied, resolved: true}
"""


def codes(tmp_path, text):
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    scenario, rubric = load_one(str(path))
    return lint_scenario(scenario, rubric)


def test_the_best_option_being_the_longest_at_most_decisions_is_a_warning_with_the_count(tmp_path):
    # a and b: the best line is the longest; c: the best line ("감사합니다.") is the shortest → 2 of 3
    found = [d for d in codes(tmp_path, STORY) if d.code == "W410"]
    assert len(found) == 1
    assert "the best option is the longest line at 2 of 3 decisions" in found[0].message
    # 1 of 3 is no pattern: make b's best line the short one
    fair = STORY.replace("저쪽이요.", "저쪽이요. 잘 모르겠으면 그냥 아무한테나 물어보시면 돼요, 다들 알아요.")
    assert not [d for d in codes(tmp_path, fair) if d.code == "W410"]


def test_a_pinned_order_is_noted(tmp_path):
    pinned = STORY.replace("  b:\n", "  b:\n    order: fixed\n")
    notes = [d for d in codes(tmp_path, pinned) if d.code == "N409"]
    assert len(notes) == 1 and "node 'b'" in notes[0].message and not notes[0].is_error
