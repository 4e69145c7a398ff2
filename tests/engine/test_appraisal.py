"""What single lines are worth under the default rubric, worked by hand.

Default weights: 3S, KASH and complaint weigh 1 each, shared by their dimensions: smile, service, speed
1/3 each; knowledge, attitude, skill, habit 1/4 each; procedure, composure 1/2 each.
"""

from __future__ import annotations

import pytest

from game.engine.appraisal import appraise
from game.engine.state import ConversationState
from game.scenario.library import BUILTIN_SCENARIOS
from game.scenario.model import Choice
from game.scenario.rubric import load_rubric


@pytest.fixture(scope="module")
def rubric():
    return load_rubric(str(BUILTIN_SCENARIOS / "rubrics" / "default.yaml"))


def worth(rubric, say, **annotations):
    choice = Choice(id="c", say=say, next=(), **annotations)
    return appraise(rubric, say, choice, ConversationState(mood=0), False)


def test_honest_dont_know_never_scores_below_confidently_wrong_information(rubric):
    # "잘 모르겠습니다." breaks positive_language (the don't-know rule): attitude −2, skill −1 →
    # −2/4 − 1/4 = −0.75.
    bare = worth(rubric, "잘 모르겠습니다.")
    assert bare.wording == ["dont_know"]
    assert bare.effects == {"attitude": -2, "skill": -1}
    assert bare.value(rubric) == pytest.approx(-0.75)
    # a confident wrong answer the author marks breaks: [accurate_information]: knowledge −4 → −1.0.
    wrong = worth(rubric, "그 모델은 내일 입고됩니다.", breaks=("accurate_information",))
    assert wrong.effects == {"knowledge": -4}
    assert wrong.value(rubric) == pytest.approx(-1.0)
    assert bare.value(rubric) > wrong.value(rubric)


@pytest.mark.parametrize(
    "line",
    [
        "잘 모르겠습니다. 바로 확인해 드리겠습니다.",
        "제가 지금은 모르겠는데요, 확인하고 바로 알려 드리겠습니다.",
        "모르겠어요. 담당 부서에 여쭤보고 다시 연락드릴게요.",
    ],
)
def test_the_dont_know_rule_does_not_fire_when_the_line_commits_to_finding_out(rubric, line):
    honest = worth(rubric, line)
    assert "dont_know" not in honest.wording
    assert all(v >= 0 for v in honest.effects.values())


def test_the_same_breach_costs_the_same_annotated_or_caught_by_the_words(rubric):
    # no_blame breaks: composure −3, attitude −2 → −3/2 − 2/4 = −2.0, and it is a blocker.
    annotated = worth(rubric, "다음부터는 주의해 주세요.", breaks=("no_blame",))
    caught = worth(rubric, "고객님이 잘못 누르신 거예요.")
    both = worth(rubric, "고객님이 잘못 누르신 거예요.", breaks=("no_blame",))
    assert caught.wording == ["blame_customer"]
    for appraisal in (annotated, caught, both):
        assert appraisal.effects == {"composure": -3, "attitude": -2}
        assert appraisal.value(rubric) == pytest.approx(-2.0)
        assert appraisal.blockers == ["no_blame"]
