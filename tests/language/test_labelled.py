"""The analyser against the labelled agent sentences: every label at least 0.9 precision and recall.

Run with -s to see the table; docs/language.md carries the same table (kept current by this test).
"""

from pathlib import Path

from game.language import analyse
from tests.language.labelled import DEVELOPMENT, HELD_OUT, markdown, read, scores

DOC = Path(__file__).resolve().parents[2] / "docs" / "language.md"
BAR = 0.9


def test_every_label_reaches_the_bar_on_the_labelled_set():
    items = read(DEVELOPMENT)
    assert len(items) >= 150
    table = scores(items, analyse)
    print("\n" + markdown(table, "Labelled set", len(items)))
    assert all(s.support >= 3 for s in table), [s.label for s in table if s.support < 3]
    low = [
        (s.label, round(s.precision, 2), round(s.recall, 2))
        for s in table
        if min(s.precision, s.recall) < BAR
    ]
    assert not low, low


def test_the_docs_carry_the_current_tables():
    development, held_out = read(DEVELOPMENT), read(HELD_OUT)
    text = DOC.read_text(encoding="utf-8")
    print("\n" + markdown(scores(held_out, analyse), "Held-out set", len(held_out)))
    for table in (
        markdown(scores(development, analyse), "Labelled set", len(development)),
        markdown(scores(held_out, analyse), "Held-out set", len(held_out)),
    ):
        assert table in text, "regenerate the tables in docs/language.md (see the comment there)"
