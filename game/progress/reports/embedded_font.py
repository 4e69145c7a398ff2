"""The bundled Korean font, cut down to the glyphs one report uses, as base64 ``@font-face`` rules.

A report is opened on whatever machine a trainer has: one without a Korean font (a fresh Linux, a
locked-down kiosk) shows a box for every Hangul syllable. Embedding the whole of NanumGothic would make
a 9 MB page; a subset of only the characters on the page (a class report uses a few hundred) keeps it
small and reads the same everywhere, offline. The subset is WOFF (zlib: no extra dependency) and is
made with fontTools, the maintained library for this; the glyph outlines are unchanged, and the font's
licence (SIL OFL, ``assets/fonts/OFL.txt``) allows embedding and subsetting.
"""

from __future__ import annotations

import base64
import io
import string
from pathlib import Path

from game.resources import FONTS

FAMILY = "EungdaeReport"
#: (file, CSS font-weight): bold is used for headings, the big numbers and the verdicts
FACES = (("NanumGothic.ttf", 400), ("NanumGothicBold.ttf", 700))
#: always kept, whatever the page says: digits, Latin letters and punctuation for numbers and names
ALWAYS = string.printable.strip() + " ·—…×%·–"


def subset_woff(font_file: Path, text: str) -> bytes:
    """``font_file`` reduced to the characters of ``text`` (that it has), as WOFF bytes."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.notdef_outline = True
    options.drop_tables += ["TSI0", "TSI1", "TSI2", "TSI3", "TSI5"]  # the hinting tool's sources
    font = TTFont(str(font_file), lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff"
    font.save(out)
    return out.getvalue()


def font_face_css(text: str, fonts: Path = FONTS) -> str:
    """``@font-face`` rules (family ``FAMILY``) carrying only the glyphs needed for ``text``."""
    chars = "".join(sorted(set(text) | set(ALWAYS)))
    rules = []
    for name, weight in FACES:
        data = base64.b64encode(subset_woff(fonts / name, chars)).decode("ascii")
        rules.append(
            f"@font-face {{ font-family: {FAMILY}; font-weight: {weight}; font-style: normal; "
            f'src: url("data:font/woff;base64,{data}") format("woff"); }}'
        )
    return "\n".join(rules)
