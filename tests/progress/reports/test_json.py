import json
from datetime import datetime, timezone

from game.progress.reports import json as json_report
from game.progress.reports.figures import compute, select
from tests.progress.helpers import LIBRARY, small_class


def test_the_json_report_carries_the_same_figures(tmp_path):
    figs = compute(select(small_class(tmp_path).all_attempts()), LIBRARY, "전체")
    data = json.loads(json_report.render(figs, datetime(2025, 3, 4, tzinfo=timezone.utc)))
    assert data["format"] == "eungdae-report" and data["generated_at"] == "2025-03-04T00:00:00Z"
    assert data["summary"] == {
        "trainees": 3,
        "attempts": 4,
        "pass_rate": 0.5,
        "trainees_passed": {"김하늘": True, "박서준": False, "이도윤": True},
    }
    assert data["class_average"]["overall"] == 68.0
    assert data["trainees"]["김하늘"]["overall"] == 72.5
    assert len(data["attempts"]) == 4 and data["attempts"][0]["profile"] == "김하늘"
    complaint = next(r for r in data["heatmap"] if r["node"] == "complaint")
    assert complaint["counts"]["argue"] == 2
