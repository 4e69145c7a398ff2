from __future__ import annotations

from datetime import date

import pytest

from game.progress.reports.figures import compute, select
from game.progress.sessions import OnboardingSession
from tests.progress.helpers import LATE, LIBRARY, small_class


@pytest.fixture
def figs(tmp_path):
    return compute(select(small_class(tmp_path).all_attempts()), LIBRARY, "전체")


def test_trainee_profiles_and_class_averages_by_hand(figs):
    people = figs.trainees
    assert people["김하늘"].overall == pytest.approx((100.0 + 45.0) / 2)  # 72.5
    assert people["이도윤"].overall == pytest.approx(87.4)
    assert people["박서준"].overall == pytest.approx(45.0)
    # every trainee weighs the same: (72.5 + 87.4 + 45.0) / 3 = 68.3
    assert figs.average.overall == pytest.approx(204.9 / 3)
    # 3S: 김하늘 (100 + 76.7) / 2 = 88.35, 이도윤 97.8, 박서준 76.7 -> 87.6166…
    assert people["김하늘"].frameworks["3S"] == pytest.approx(88.35)
    assert figs.average.frameworks["3S"] == pytest.approx((88.35 + 97.8 + 76.7) / 3)
    # complaint: 김하늘 (100 + 0) / 2 = 50, 이도윤 72.3, 박서준 0 -> 40.77
    assert figs.average.frameworks["complaint"] == pytest.approx((50 + 72.3 + 0) / 3, abs=0.05)


def test_pass_rates_by_hand(figs):
    assert figs.pass_rate == pytest.approx(2 / 4)
    assert figs.trainees_passed == {"김하늘": True, "박서준": False, "이도윤": True}
    assert figs.scenarios[LATE]["attempts"] == 4 and figs.scenarios[LATE]["pass_rate"] == 0.5


def test_heatmap_counts_each_option_chosen_at_each_decision(figs):
    rows = {row.node: row for row in figs.heat}
    assert rows["ring"].counts["full-greeting"] == 4
    assert rows["complaint"].counts == {"apologise-ask": 1, "excuse": 1, "number-first": 0, "argue": 2}
    assert rows["complaint"].best == "apologise-ask"
    assert rows["angrier"].counts == {"recover": 1, "transfer": 0, "defend": 2, "warm-transfer": 0}
    assert [row.node for row in figs.heat][:3] == ["ring", "complaint", "angrier"]  # scenario order


def test_a_profile_scope_and_a_session_pass_mark(tmp_path):
    pairs = small_class(tmp_path).all_attempts()
    assert {e.profile for e in select(pairs, profile="이도윤")} == {"이도윤"}
    strict = OnboardingSession("1일차", date(2025, 3, 3), (LATE,), "exam", pass_mark=90)
    entries = select(pairs, session=strict)
    assert len(entries) == 4  # played on the session's date, untagged
    # at 90, 이도윤's 87.4 no longer passes: only 김하늘's 100 does
    assert compute(entries, LIBRARY, "s", strict.scenarios).pass_rate == pytest.approx(1 / 4)
    other_day = OnboardingSession("2일차", date(2025, 3, 4), (LATE,), "exam")
    assert select(pairs, session=other_day) == []
