"""The morpheme pattern language, on hand-made morphemes (no Kiwi needed)."""

import pytest

from game.language.morphs import Morph
from game.language.patterns import PatternError, compile_pattern


def morphs(*pairs: str) -> list[Morph]:
    out, at = [], 0
    for pair in pairs:
        form, tag = pair.rsplit("/", 1)
        out.append(Morph(form, tag, at, at + len(form)))
        at += len(form)
    return out


REFUSAL = morphs("그거/NP", "ᆫ/JX", "안/MAG", "되/VV", "어요/EF", "./SF")


def test_a_sequence_with_alternatives_optional_items_and_gaps():
    assert compile_pattern("안/MAG 되/VV").search(REFUSAL) == (2, 4)
    assert compile_pattern("그거|이거/NP ..2 되/V*").search(REFUSAL) == (0, 4)
    assert compile_pattern("안/MAG 시/EP? 되/VV").search(REFUSAL) == (2, 4)
    assert compile_pattern("*요/EF").search(REFUSAL) == (4, 5)
    assert compile_pattern("되/VA").search(REFUSAL) is None


def test_anchors_hold_against_the_whole_reply():
    bare = compile_pattern("^네|예/IC ?/SF$")
    assert bare.anchored(morphs("네/IC", "?/SF")) == [(0, 2)]
    assert bare.anchored(morphs("네/IC", "?/SF", "다시/MAG")) == []
    assert compile_pattern("^없/VA 어요/EF$").anchored(morphs("없/VA", "어요/EF", "./SF")) == [(0, 3)]


@pytest.mark.parametrize("bad", ["/VV", "안/", "안/mag", "..x", "안/MAG?"])
def test_a_pattern_that_cannot_be_read_says_how_to_fix_it(bad):
    with pytest.raises(PatternError):
        compile_pattern(bad)


def test_a_sentence_without_a_required_form_is_skipped_and_a_changed_one_is_seen_again() -> None:
    from game.language.morphs import Morph
    from game.language.patterns import compile_pattern

    pattern = compile_pattern("죄송/XR 하/XSA")
    words = [Morph("네", "IC", 0, 1)]
    assert not pattern.possible(words) and pattern.find_all(words) == []
    words += [Morph("죄송", "XR", 2, 4), Morph("하", "XSA", 4, 5)]  # the same list, grown
    assert pattern.possible(words) and pattern.find_all(words) == [(1, 3)]
