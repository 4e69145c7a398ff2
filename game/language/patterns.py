"""A small pattern language over morphemes, shared by the analyser's rules and the rubric's YAML.

A pattern is a space-separated sequence of items, matched against consecutive morphemes of one
sentence::

    죄송/XR|VA 하/XSA? ..3 지만/EC        form/TAGS, '?' optional, '..N' skips up to N morphemes
    _/VV 시/EP                           '_' any form; a TAG ending in '*' is a prefix (V* = VV, VA, VX…)
    *니다/EF                             a form with '*' is a glob (ends in 니다)
    ^네|예/IC ?/SF$                      '^' / '$': at the start / end of the whole reply

Forms are Kiwi's (ᆸ니다 starts with the jamo ᆸ, U+11B8). Trainers write these in the rubric, so a
bad pattern is reported with its place like any other YAML mistake (``PatternError``).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass

from game.language.morphs import Morph


class PatternError(ValueError):
    """A pattern a trainer wrote that cannot be read; the message says how to fix it."""


# The forms present in the sequence scanned last. Every act asks for the same sentence in turn and
# most of its patterns cannot match it at all (a form they require is absent), which one set test says
# before any scan. One tuple swapped whole, so threads sharing the analyser are safe.
_present: tuple[Sequence[Morph] | None, frozenset[str], int] = (None, frozenset(), 0)


def _forms_in(morphs: Sequence[Morph]) -> frozenset[str]:
    global _present
    cached = _present
    if cached[0] is not morphs or len(morphs) != cached[2]:
        cached = (morphs, frozenset(m.form for m in morphs), len(morphs))
        _present = cached
    return cached[1]


@dataclass(frozen=True)
class Item:
    forms: tuple[str, ...]  # empty: any form
    tags: tuple[str, ...]  # empty: any tag
    optional: bool = False
    gap: int = 0  # > 0: skip 0..gap morphemes instead of matching one

    def __post_init__(self) -> None:
        # Sets and prefixes worked out once: matching runs for every rule on every sentence.
        object.__setattr__(self, "_form_set", frozenset(f for f in self.forms if "*" not in f))
        object.__setattr__(self, "_globs", tuple(f for f in self.forms if "*" in f))
        object.__setattr__(self, "_tag_set", frozenset(t for t in self.tags if not t.endswith("*")))
        object.__setattr__(self, "_tag_prefixes", tuple(t[:-1] for t in self.tags if t.endswith("*")))

    def positions(self, morphs: Sequence[Morph], start: int) -> list[int]:
        """Where this item accepts a morpheme, from ``start`` on. Every rule searches every sentence for
        its first item, so the common heads (plain forms, plain tags) are screened in one comprehension
        before the full test: the analyser's time was mostly this loop (benchmarks: assess)."""
        at = range(start, len(morphs))
        wanted_forms, wanted_tags = self._form_set, self._tag_set  # type: ignore[attr-defined]
        if wanted_forms and not self._globs:  # type: ignore[attr-defined]
            at = [i for i in at if morphs[i].form in wanted_forms]  # type: ignore[assignment]
            if not self.tags:
                return list(at)
        elif self.tags and not self.forms and not self._tag_prefixes:  # type: ignore[attr-defined]
            return [i for i in at if morphs[i].tag in wanted_tags]
        return [i for i in at if self.accepts(morphs[i])]

    def accepts(self, morph: Morph) -> bool:
        form_ok = not self.forms or morph.form in self._form_set  # type: ignore[attr-defined]
        if not form_ok and not any(fnmatch.fnmatchcase(morph.form, g) for g in self._globs):  # type: ignore[attr-defined]
            return False
        if not self.tags or morph.tag in self._tag_set:  # type: ignore[attr-defined]
            return True
        return morph.tag.startswith(self._tag_prefixes)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Pattern:
    source: str
    items: tuple[Item, ...]
    anchored_start: bool = False
    anchored_end: bool = False

    def __post_init__(self) -> None:
        # The plain form sets of the items every match must use: a sentence lacking any one is skipped.
        needs = tuple(
            i._form_set  # type: ignore[attr-defined]
            for i in self.items
            if not i.optional and not i.gap and i.forms and not i._globs  # type: ignore[attr-defined]
        )
        object.__setattr__(self, "_needs", needs)

    def possible(self, morphs: Sequence[Morph]) -> bool:
        """False when a form the pattern requires is nowhere in ``morphs`` (no match can exist)."""
        if not self._needs:  # type: ignore[attr-defined]
            return True
        present = _forms_in(morphs)
        return all(not forms.isdisjoint(present) for forms in self._needs)  # type: ignore[attr-defined]

    def anchored(self, morphs: Sequence[Morph]) -> list[tuple[int, int]]:
        """Character spans of a match honouring ^ and $ over the whole reply (punctuation at the end is free)."""
        words = list(morphs)
        if self.anchored_end:
            while words and words[-1].is_punct and not self._ends_with_punct():
                words.pop()
        starts = [0] if self.anchored_start else range(len(words))
        for i in starts:
            end = self._match(words, i, 0, whole=self.anchored_end)
            if end is not None and end > i:
                return [(words[i].start, words[end - 1].end)]
        return []

    def _ends_with_punct(self) -> bool:
        last = self.items[-1]
        return bool(last.tags) and all(t.startswith("S") for t in last.tags)

    def search(self, morphs: Sequence[Morph], start: int = 0) -> tuple[int, int] | None:
        """The first match at or after ``start`` as (first index, index after the last), or None."""
        if not self.possible(morphs):
            return None
        for i in self._starts(morphs, start):
            end = self._match(morphs, i, 0)
            if end is not None and end > i:
                return i, end
        return None

    def _starts(self, morphs: Sequence[Morph], start: int) -> Sequence[int]:
        """Where a match may begin: every place if the first item may be skipped, else where it fits."""
        head = self.items[0]
        return range(start, len(morphs)) if head.optional or head.gap else head.positions(morphs, start)

    def at(self, morphs: Sequence[Morph], i: int = 0) -> int | None:
        """Anchored: the index after a match starting exactly at ``i``, or None."""
        end = self._match(morphs, i, 0)
        return end if end is not None and end > i else None

    def find_all(self, morphs: Sequence[Morph]) -> list[tuple[int, int]]:
        """Every match, left to right, none overlapping (the head's places are screened once)."""
        if not self.possible(morphs):
            return []
        found: list[tuple[int, int]] = []
        after = 0
        for i in self._starts(morphs, 0):
            if i < after:
                continue
            end = self._match(morphs, i, 0)
            if end is not None and end > i:
                found.append((i, end))
                after = end
        return found

    def fullmatch(self, morphs: Sequence[Morph]) -> bool:
        return self._match(morphs, 0, 0, whole=True) == len(morphs)

    def _match(self, morphs: Sequence[Morph], i: int, k: int, whole: bool = False) -> int | None:
        if k == len(self.items):
            return i if not whole or i == len(morphs) else None
        item = self.items[k]
        if item.gap:
            for skip in range(item.gap + 1):
                if i + skip > len(morphs):
                    break
                end = self._match(morphs, i + skip, k + 1, whole)
                if end is not None:
                    return end
            return None
        if i < len(morphs) and item.accepts(morphs[i]):
            end = self._match(morphs, i + 1, k + 1, whole)
            if end is not None:
                return end
        return self._match(morphs, i, k + 1, whole) if item.optional else None


def compile_pattern(source: str) -> Pattern:
    items: list[Item] = []
    body = source.strip()
    start, end = body.startswith("^"), body.endswith("$")
    body = body[1 if start else 0 : len(body) - 1 if end else len(body)]
    for word in body.split():
        if word.startswith(".."):
            try:
                gap = int(word[2:] or 3)
            except ValueError:
                raise PatternError(f"'{word}': a gap is '..' followed by a number, e.g. ..3") from None
            items.append(Item((), (), gap=max(1, gap)))
            continue
        optional = word.endswith("?") and len(word) > 1 and word != "?/SF"
        if optional:
            word = word[:-1]
        form, slash, tags = word.rpartition("/") if "/" in word else (word, "", "")
        if slash and not form:
            raise PatternError(f"'{word}': write a form before the '/' (use _ for any form)")
        if slash and not tags:
            raise PatternError(f"'{word}': write a tag after the '/' (e.g. VV, EF, V*)")
        forms = () if form in ("_", "") else tuple(f for f in form.split("|") if f)
        tag_list = tuple(t for t in tags.split("|") if t)
        for tag in tag_list:
            if not tag.rstrip("*").isalpha() or not tag.rstrip("*").isupper():
                raise PatternError(f"'{word}': '{tag}' is not a Kiwi tag such as NNG, VV, EF, JKS")
        items.append(Item(forms, tag_list, optional))
    if not items or all(i.optional or i.gap for i in items):
        raise PatternError(f"'{source}': a pattern needs at least one morpheme it must match")
    return Pattern(source, tuple(items), start, end)
