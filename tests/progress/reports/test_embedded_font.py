"""The report carries its own Korean font: only the glyphs it uses, so it reads the same on any machine."""

from __future__ import annotations

import base64
import io
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from game.progress.reports import html as html_report
from game.progress.reports.embedded_font import FAMILY, font_face_css
from game.progress.reports.figures import compute, select
from game.resources import FONTS
from tests.progress.helpers import LIBRARY, small_class
from tests.progress.reports.chromium import CHROMIUM, screenshot


def _fonts(css: str):
    from fontTools.ttLib import TTFont

    blobs = re.findall(r'url\("data:font/woff;base64,([A-Za-z0-9+/=]+)"\)', css)
    return [TTFont(io.BytesIO(base64.b64decode(blob))) for blob in blobs]


def _hangul(text: str) -> set[str]:
    return {ch for ch in text if "\uac00" <= ch <= "\ud7a3"}


def test_the_subset_has_every_glyph_of_the_text_and_no_other_syllable():
    text = "응대 훈련 결과 · 합격률 72.5%"
    regular, bold = _fonts(font_face_css(text))
    for font in (regular, bold):
        mapped = {chr(code) for code in font.getBestCmap()}
        assert _hangul(text) <= mapped
        assert _hangul("".join(mapped)) == _hangul(text)  # 11,172 syllables in the font, 7 kept
        assert set("0123456789.%") <= mapped


def test_the_page_embeds_both_weights_and_stays_small(tmp_path):
    store = small_class(tmp_path)
    page = html_report.render(compute(select(store.all_attempts()), LIBRARY, "전체"))
    assert page.count("@font-face") == 2 and "font-weight: 700" in page
    assert f"font-family: {FAMILY}, " in page  # the embedded face first, the system stack after
    body = page.split("</style>", 1)[1]
    for font in _fonts(page):
        assert _hangul(body) <= {chr(code) for code in font.getBestCmap()}
    assert len(page.encode("utf-8")) < 600_000  # the whole font would be 9 MB of base64


def test_a_name_the_font_lacks_still_renders_the_rest():
    css = font_face_css("김하늘 \U0001f600")  # an emoji: not in NanumGothic, left to the system
    regular, _ = _fonts(css)
    assert 0x1F600 not in regular.getBestCmap() and ord("김") in regular.getBestCmap()


def _screenshot(page: Path, shot: Path) -> np.ndarray:
    """``page`` in headless Chromium; the pixels, rows × columns × RGB."""
    import pygame

    image = screenshot(page, shot, 900)
    return np.frombuffer(pygame.image.tobytes(image, "RGB"), np.uint8).reshape(image.get_height(), -1, 3)


def _heading_ink(pixels: np.ndarray) -> np.ndarray:
    """The columns with dark ink on the h1 line."""
    region = pixels[10:70, :700].astype(int).sum(axis=2)
    return np.nonzero((region < 300).any(axis=0))[0]


def _korean_system_fonts() -> int:
    done = subprocess.run(["fc-list", ":lang=ko"], capture_output=True, text=True, timeout=60)
    return len(done.stdout.splitlines()) if done.returncode == 0 else -1


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_headless_chromium_sets_the_heading_in_the_embedded_font(tmp_path):
    """The heading is as wide as NanumGothic Bold sets it, whatever fonts the machine has; on a machine
    without a Korean font (CI) the same page without its embedded font draws something else (boxes)."""
    import pygame

    store = small_class(tmp_path / "saves")
    page = html_report.render(compute(select(store.all_attempts()), LIBRARY, "전체"))
    embedded, bare = tmp_path / "embedded.html", tmp_path / "bare.html"
    embedded.write_text(page, "utf-8")
    bare.write_text(re.sub(r"@font-face \{[^}]*\}", "", page), "utf-8")
    pygame.font.init()
    heading = page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    expected = pygame.font.Font(str(FONTS / "NanumGothicBold.ttf"), 24).size(heading)[0]

    columns = _heading_ink(_screenshot(embedded, tmp_path / "embedded.png"))
    drawn = columns.max() - columns.min()
    assert abs(drawn - expected) < 0.08 * expected
    if _korean_system_fonts() == 0:
        boxes = _heading_ink(_screenshot(bare, tmp_path / "bare.png"))
        assert abs((boxes.max() - boxes.min()) - expected) > 0.2 * expected
