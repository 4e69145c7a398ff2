from __future__ import annotations

import re

import pytest

from game.progress.reports import html as html_report
from game.progress.reports.figures import compute, select
from tests.progress.helpers import BEST, LIBRARY, record, small_class
from tests.progress.reports.chromium import CHROMIUM, screenshot


@pytest.fixture
def page(tmp_path) -> str:
    store = small_class(tmp_path)
    store.create_profile("<b>해커</b>")
    return html_report.render(compute(select(store.all_attempts()), LIBRARY, "전체"))


def test_the_page_is_self_contained_and_names_a_korean_font(page):
    assert "<script" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing to download
    assert "Malgun Gothic" in page and "Noto Sans KR" in page
    assert '<html lang="ko">' in page


def test_it_draws_a_profile_chart_per_trainee_and_the_heatmap(page):
    assert page.count('class="panel trainee"') == 3  # the profile without attempts has no chart
    assert page.count("<svg") == 1 + 3 + 1 + 1  # class average, trainees, pass rate, one scenario heatmap
    assert ">72.5<" in page and ">68.3<" in page  # 김하늘's and the class's overall
    assert "50%" in page  # pass rate of attempts


def test_names_from_saves_are_escaped(tmp_path):
    store = small_class(tmp_path)
    store.create_profile("<img src=x>")
    record(store, "<img src=x>", BEST)
    page = html_report.render(compute(select(store.all_attempts()), LIBRARY, "전체"))
    assert "<img" not in page and "&lt;img src=x&gt;" in page


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_headless_chromium_renders_the_charts(tmp_path, page):
    """The screenshot shows the bar colours of 3S and KASH and the heatmap's red cells."""
    np = pytest.importorskip("numpy")
    import pygame

    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    image = screenshot(report, tmp_path / "report.png", 2600)
    pixels = np.frombuffer(pygame.image.tobytes(image, "RGB"), np.uint8).reshape(-1, 3)

    def count(rgb: tuple[int, int, int]) -> int:
        return int(np.all(np.abs(pixels.astype(int) - rgb) <= 6, axis=1).sum())

    assert count((0x25, 0x63, 0xEB)) > 2000  # 3S bars
    assert count((0x05, 0x96, 0x69)) > 2000  # KASH bars
    assert count((0xD9, 0x77, 0x06)) > 500  # complaint bars
    reds = np.sum((pixels[:, 0] > 200) & (pixels[:, 1] < 120) & (pixels[:, 2] < 120))
    assert reds > 1000  # heatmap cells chosen most often
