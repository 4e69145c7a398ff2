import csv
import io

from game.progress.reports import csv as csv_report
from game.progress.reports.figures import compute, select
from tests.progress.helpers import ARGUE, BEST, LIBRARY, record, small_class, store_at


def test_one_row_per_attempt_readable_by_excel(tmp_path):
    figs = compute(select(small_class(tmp_path).all_attempts()), LIBRARY, "전체")
    text = csv_report.render(figs)
    assert text.startswith("\ufeff")  # Excel needs the BOM to read Korean as UTF-8
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == 4
    assert [r["profile"] for r in rows] == ["김하늘", "김하늘", "박서준", "이도윤"]
    argue = rows[2]
    assert argue["overall"] == "45.0" and argue["passed"] == "False" and argue["blockers"] == "no_argument"
    # ARGUE = 1, 4, 3 in authored order: kept by option id, which means the same under any shuffle
    assert ARGUE == [1, 4, 3] and argue["path"] == "full-greeting argue defend"
    assert argue["title"] == "배송이 늦어진 고객의 항의 전화"
    assert rows[3]["fw:3S"] == "97.8" and rows[3]["dim:habit"] != ""


def test_a_profile_named_like_a_formula_lands_as_text(tmp_path):
    store = store_at(tmp_path)
    for name in ('=HYPERLINK("http://evil.example","보기")', "+82", "-1+1", "@SUM(A1)"):
        record(store, name, BEST)
    text = csv_report.render(compute(select(store.all_attempts()), LIBRARY, "전체"))
    profiles = sorted(r["profile"] for r in csv.DictReader(io.StringIO(text[1:])))
    # a leading apostrophe: the spreadsheet shows the text and runs nothing
    assert profiles == ["'+82", "'-1+1", '\'=HYPERLINK("http://evil.example","보기")', "'@SUM(A1)"]
    assert csv_report.uncell(profiles[2]) == '=HYPERLINK("http://evil.example","보기")'
    assert csv_report.cell("김하늘") == "김하늘" and csv_report.uncell("'김") == "'김"
