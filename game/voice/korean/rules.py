"""Standard Korean pronunciation (표준 발음법) of Hangul spelling, as Hangul: 합니다 → 함니다.

espeak-ng reads Korean letter by letter, so it says *hap-ni-da*; given the pronunciation it says
*ham-ni-da*. The rules run over each word (어절) left to right, one syllable boundary at a time, in the
order the standard gives them (and g2pk used): ㅎ rules, palatalisation and liaison (연음), then the
final-sound rule (7 representative finals), tensing (경음화), nasalisation (비음화) and lateralisation
(유음화). What needs a dictionary or morphology (ㄴ insertion in compounds, 사이시옷 tensing, tensing after
a ㄴ/ㅁ verb stem) is left out, except the common bound nouns after a future modifier (할 수 → 할쑤).
"""

from __future__ import annotations

import itertools
import re

from game.voice.korean.hangul import Syllable, decompose

# Final consonant → the sound it makes at the end of a syllable (받침의 대표음, 제8-11항).
NEUTRAL = {
    "ㄱ": "ㄱ", "ㄲ": "ㄱ", "ㅋ": "ㄱ", "ㄳ": "ㄱ", "ㄺ": "ㄱ",
    "ㄴ": "ㄴ", "ㄵ": "ㄴ", "ㄶ": "ㄴ",
    "ㄷ": "ㄷ", "ㅅ": "ㄷ", "ㅆ": "ㄷ", "ㅈ": "ㄷ", "ㅊ": "ㄷ", "ㅌ": "ㄷ", "ㅎ": "ㄷ",
    "ㄹ": "ㄹ", "ㄼ": "ㄹ", "ㄽ": "ㄹ", "ㄾ": "ㄹ", "ㅀ": "ㄹ",
    "ㅁ": "ㅁ", "ㄻ": "ㅁ",
    "ㅂ": "ㅂ", "ㅍ": "ㅂ", "ㅄ": "ㅂ", "ㄿ": "ㅂ",
    "ㅇ": "ㅇ",
}  # fmt: skip
# A cluster before a vowel: the first letter stays, the second moves on (제14항: 읽어 → 일거, 값이 → 갑씨).
CLUSTERS = {
    "ㄳ": ("ㄱ", "ㅆ"), "ㄵ": ("ㄴ", "ㅈ"), "ㄺ": ("ㄹ", "ㄱ"), "ㄻ": ("ㄹ", "ㅁ"), "ㄼ": ("ㄹ", "ㅂ"),
    "ㄽ": ("ㄹ", "ㅆ"), "ㄾ": ("ㄹ", "ㅌ"), "ㄿ": ("ㄹ", "ㅍ"), "ㅄ": ("ㅂ", "ㅆ"),
}  # fmt: skip
ASPIRATE = {"ㄱ": "ㅋ", "ㄷ": "ㅌ", "ㅂ": "ㅍ", "ㅈ": "ㅊ"}
TENSE = {"ㄱ": "ㄲ", "ㄷ": "ㄸ", "ㅂ": "ㅃ", "ㅅ": "ㅆ", "ㅈ": "ㅉ"}
NASAL = {"ㄱ": "ㅇ", "ㄷ": "ㄴ", "ㅂ": "ㅁ"}
# A final that meets ㅎ (제12항 4): 축하 → 추카, 입학 → 이팍, 따뜻한 → 따뜨탄, 맞히다 → 마치다, 밝히다 → 발키다.
BEFORE_H = {
    "ㄱ": ("", "ㅋ"), "ㄲ": ("", "ㅋ"), "ㅋ": ("", "ㅋ"), "ㄷ": ("", "ㅌ"), "ㅅ": ("", "ㅌ"),
    "ㅆ": ("", "ㅌ"), "ㅌ": ("", "ㅌ"), "ㅈ": ("", "ㅊ"), "ㅊ": ("", "ㅊ"), "ㅂ": ("", "ㅍ"),
    "ㅍ": ("", "ㅍ"), "ㄺ": ("ㄹ", "ㅋ"), "ㄼ": ("ㄹ", "ㅍ"), "ㄵ": ("ㄴ", "ㅊ"), "ㄳ": ("ㄱ", "ㅌ"),
}  # fmt: skip
H_FINALS = {"ㅎ": "", "ㄶ": "ㄴ", "ㅀ": "ㄹ"}
# Words where ㄴ+ㄹ is read ㄴ+ㄴ, not ㄹ+ㄹ (제20항 붙임): 의견란 → 의견난, 생산량 → 생산냥.
N_N_WORDS = (
    "의견란",
    "생산량",
    "결단력",
    "공권력",
    "입원료",
    "상견례",
    "횡단로",
    "이원론",
    "동원령",
    "음운론",
)
# Bound nouns after a future modifier in -ㄹ are tensed (제27항): 할 수 → 할쑤, 갈 거예요 → 갈꺼에요.
BOUND_AFTER_L = ("수", "거", "것", "게", "걸", "데", "줄", "지", "적", "바", "듯")
_WORD = re.compile(r"[\uac00-\ud7a3]+")


def pronounce_hangul(text: str, keep: tuple[str, str] = ("\x02", "\x03")) -> str:
    """Every run of Hangul syllables in ``text`` rewritten as pronounced; everything else untouched,
    and so is what lies between the ``keep`` marks (which are removed)."""
    out = []
    for i, piece in enumerate(re.split(f"[{keep[0]}{keep[1]}]", text)):
        out.append(piece if i % 2 else _WORD.sub(lambda m: _word(m.group()), _tense_after_modifier(piece)))
    return "".join(out)


def _word(word: str) -> str:
    for spelled in N_N_WORDS:
        if spelled in word:
            word = word.replace(spelled, _n_n(spelled))
    syl = [decompose(ch) for ch in word]
    for i, s in enumerate(syl):
        _vowel(s, i)
    for left, right in itertools.pairwise(syl):
        _boundary(left, right)
    if syl:
        syl[-1].final = NEUTRAL.get(syl[-1].final, syl[-1].final)
    return "".join(s.compose() for s in syl)


def _n_n(word: str) -> str:
    syl = [decompose(ch) for ch in word]
    for left, right in itertools.pairwise(syl):
        if left.final == "ㄴ" and right.initial == "ㄹ":
            right.initial = "ㄴ"
    return "".join(s.compose() for s in syl)


def _vowel(s: Syllable, index: int) -> None:
    """ㅢ after a consonant is ㅣ (희망 → 히망), and ㅣ later in a word (회의 → 회이); ㅖ after a consonant
    other than ㄹ is ㅔ (시계 → 시게); 져/쪄/쳐 are 저/쩌/처 (제5항)."""
    if s.vowel == "ㅢ" and (s.initial != "ㅇ" or index > 0):
        s.vowel = "ㅣ"
    elif s.vowel == "ㅖ" and s.initial not in ("ㅇ", "ㄹ"):
        s.vowel = "ㅔ"
    elif s.vowel == "ㅕ" and s.initial in ("ㅈ", "ㅉ", "ㅊ"):
        s.vowel = "ㅓ"


def _boundary(left: Syllable, right: Syllable) -> None:
    t, n = left.final, right.initial  # final of the left syllable, initial of the next
    # ㅎ rules (제12항).
    if t in H_FINALS:
        rest = H_FINALS[t]
        if n in ASPIRATE:  # 놓고 → 노코, 않던 → 안턴, 닳지 → 달치
            left.final, right.initial = rest, ASPIRATE[n]
        elif n == "ㅅ":  # 닿소 → 다쏘
            left.final, right.initial = rest, "ㅆ"
        elif n == "ㄴ":  # 놓는 → 논는, 않네 → 안네, 뚫는 → 뚤는 (→ 뚤른 below)
            left.final = rest or "ㄴ"
        elif n == "ㅇ":  # 좋아 → 조아, 않아 → 아나, 싫어 → 시러
            left.final = rest
        else:
            left.final = NEUTRAL[t]
        t, n = left.final, right.initial
    elif n == "ㅎ" and t in BEFORE_H:
        rest, aspirated = BEFORE_H[t]
        left.final, right.initial = rest, aspirated
        if t in ("ㄷ",) and right.vowel == "ㅣ":  # 닫히다 → 다치다 (제17항)
            right.initial = "ㅊ"
        t, n = left.final, right.initial
    # Palatalisation (제17항): 같이 → 가치, 굳이 → 구지, 핥이 → 할치.
    if n == "ㅇ" and right.vowel == "ㅣ" and t in ("ㄷ", "ㅌ", "ㄾ"):
        left.final = "ㄹ" if t == "ㄾ" else ""
        right.initial = "ㅈ" if t == "ㄷ" else "ㅊ"
        return
    # Liaison (제13-14항): the final moves onto a following vowel.
    if n == "ㅇ" and t and t != "ㅇ":
        left.final, right.initial = CLUSTERS.get(t, ("", t))
        return
    # Tensing of a cluster stem before an ending (제24-25항): 앉고 → 안꼬, 젊지 → 점찌, 넓게 → 널께.
    cluster_tenses = t in ("ㄵ", "ㄻ", "ㄼ", "ㄾ", "ㄺ") and n in TENSE
    t = "ㄹ" if t == "ㄺ" and n == "ㄱ" else NEUTRAL.get(t, t)  # 맑게 → 말께 (제11항 다만)
    left.final = t
    if cluster_tenses:
        right.initial = TENSE[n]
        return
    # ㄹ after a consonant other than ㄴ/ㄹ is ㄴ (제19항): 종로 → 종노, 국립 → 국닙 (→ 궁닙 below).
    if n == "ㄹ" and t in ("ㅁ", "ㅇ", "ㄱ", "ㄷ", "ㅂ"):
        right.initial = n = "ㄴ"
    # Nasalisation (제18항): 합니다 → 함니다, 국물 → 궁물, 있는 → 인는.
    if t in NASAL and n in ("ㄴ", "ㅁ"):
        left.final = NASAL[t]
    # Lateralisation (제20항): 신라 → 실라, 설날 → 설랄.
    elif (t == "ㄴ" and n == "ㄹ") or (t == "ㄹ" and n == "ㄴ"):
        left.final, right.initial = "ㄹ", "ㄹ"
    # Tensing after an obstruent (제23항): 학교 → 학꾜, 있다 → 읻따, 옆집 → 엽찝.
    elif t in ("ㄱ", "ㄷ", "ㅂ") and n in TENSE:
        right.initial = TENSE[n]


def _tense_after_modifier(text: str) -> str:
    """할 수 → 할 쑤: a word ending in a ㄹ-final syllable followed by a bound noun (제27항)."""

    def tense(m: re.Match[str]) -> str:
        noun = decompose(m.group(2)[0])
        noun.initial = TENSE.get(noun.initial, noun.initial)
        return m.group(1) + noun.compose() + m.group(2)[1:]

    return _AFTER_MODIFIER.sub(tense, text)


# Any syllable with the final ㄹ (index 8) ends the modifier: 할, 갈, 볼, 드릴, 있을, 될…
_L_FINAL = "".join(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == 8)
# Nouns that merely start like a bound noun: 수요일, 수수료, 거리, 지금, 지역, 적극, 데이터, 게임.
_NOT_BOUND = (
    "수요",
    "수수",
    "수리",
    "거리",
    "지금",
    "지역",
    "지원",
    "지난",
    "적극",
    "적용",
    "데이",
    "게임",
    "바로",
)
_AFTER_MODIFIER = re.compile(
    rf"((?<![\uac00-\ud7a3])[\uac00-\ud7a3]*(?!를)[{_L_FINAL}] )"
    rf"((?!{'|'.join(_NOT_BOUND)})(?:{'|'.join(BOUND_AFTER_L)}))"
)
