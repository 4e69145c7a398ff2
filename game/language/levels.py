"""Sentences and speech levels, read from the final ending (EF) of each sentence.

합쇼체 ends in 니다/니까/시오; 해요체 ends in 요 (an ending, or a separate 요/JX after one) or 죠; any
other predicate ending is 반말. A sentence with no predicate ("네.", "고객님,") has no level and does not
lower the reply's.
"""

from __future__ import annotations

from game.language.findings import Sentence
from game.language.morphs import Morph

_HAPSYO = ("니다", "니까", "시오", "십시다", "ᆸ시다", "습니까", "습니다")


_QUOTES = {'"', "“", "”", "'", "‘", "’"}


def spoken(morphs: list[Morph]) -> list[Morph]:
    """What the agent says in their own voice: stage directions "(말없이 수화기를 내려놓는다)" are acted,
    and words in quotation marks ("환불은 안 된다"고 들으셨다고요?) are someone else's."""
    out, depth, quoted = [], 0, False
    for m in morphs:
        if m.form in ("(", "（"):
            depth += 1
        elif m.form in (")", "）") and depth:
            depth -= 1
        elif m.form in _QUOTES and not depth:
            quoted = not quoted
        elif not depth and not quoted:
            out.append(m)
    return out


def split(text: str, morphs: list[Morph]) -> list[Sentence]:
    """Sentences end at . ? ! and, in unpunctuated typing, after a final ending followed by more words."""
    bounds: list[tuple[int, int]] = []
    first = 0
    for i, m in enumerate(morphs):
        nxt = morphs[i + 1] if i + 1 < len(morphs) else None
        end_here = m.tag == "SF" and (nxt is None or nxt.tag != "SF")
        if m.tag == "EF" and nxt is not None and nxt.tag not in ("SF", "JX", "SP", "SE", "SO", "SSC", "JKQ"):
            end_here = True
        if nxt is None or end_here:
            bounds.append((first, i + 1))
            first = i + 1
    sentences = []
    for a, b in bounds:
        start, end = morphs[a].start, morphs[b - 1].end
        sentences.append(Sentence(start, end, text[start:end], level(morphs[a:b]), a, b))
    return sentences


def level(morphs: list[Morph]) -> str | None:
    words = [m for m in morphs if not m.is_punct]
    tail = [m for m in morphs if m.tag != "SF"] or morphs
    if not words or tail[-1].form in ("…", "...", "⋯") or tail[-1].tag == "SE":
        return None  # cut off mid-sentence: the customer interrupted
    if any(m.tag == "JKV" for m in morphs):
        return None  # 도윤아, …: said to a child, not to the customer
    finals = [
        i
        for i, m in enumerate(words)
        if m.tag == "EF" or (m.tag == "EC" and m.form.endswith(("요", "니다", "죠")))
    ]
    if finals and finals[-1] < len(words) - 1 and words[finals[-1] + 1].form != "요":
        words = words[: finals[-1] + 1]  # 진정해요, 고객님.: a vocative after the ending does not change it
    last = words[-1]
    if last.form == "뭐" and any(m.form == "?" for m in morphs):
        return "banmal"
    if (last.form in ("요", "죠") or last.form.endswith(("요", "죠"))) and last.tag in ("JX", "EF", "EC"):
        return "haeyo"
    if last.tag == "EF" and last.form in ("ᆷ", "음"):
        return None  # 접수했음, 안내함: a written note (개조식), not something said to the customer
    if last.tag in ("EF", "EC"):
        if last.form.endswith(_HAPSYO):
            return "hapsyo"
        return "banmal"
    if last.is_predicate:
        return "banmal"  # a stem with no ending is Kiwi's reading of a clipped, casual word
    if last.tag == "NP" and last.form in ("뭐", "누구", "어디") and morphs[-1].form == "?":
        return "banmal"
    return None


def lowest(levels: list[str | None]) -> str | None:
    order = {"banmal": 0, "haeyo": 1, "hapsyo": 2}
    known = [lv for lv in levels if lv is not None]
    return min(known, key=order.__getitem__) if known else None
