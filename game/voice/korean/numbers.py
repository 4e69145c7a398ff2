"""Digits as Korean words, read the way a speaker would: by the counter that follows them.

Korean has two number systems. Native numbers count things and hours (열한 시, 세 개, 다섯 명, 스무 살,
두 번째), Sino-Korean numbers measure and label (삼십 분, 만 원, 오 층, 삼 호, 칠십일 년, 삼월 십이 일).
Phone and order numbers are read digit by digit in groups (010-4821-3307 → 공일공 사팔이일 삼삼공칠),
clock times by hour and minute (14:00 → 열네 시). The output is spelling; the rules module then gives
its pronunciation (십일 → 시빌).
"""

from __future__ import annotations

import re

SINO_DIGITS = ["", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
DIGIT_BY_DIGIT = ["공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
NATIVE_ONES = ["", "하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉"]
NATIVE_TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]
# Before a counter some native numbers shorten: 하나 → 한, 둘 → 두, 셋 → 세, 넷 → 네, 스물 → 스무.
PRENOMINAL = {"하나": "한", "둘": "두", "셋": "세", "넷": "네", "스물": "스무"}

# Counters that take native numbers (up to 99; beyond that Sino numbers are used: 백이십 명).
NATIVE_COUNTERS = (
    "번째", "시간", "시", "개", "명", "살", "번", "마리", "잔", "장", "권", "병", "벌", "곳", "군데",
    "가지", "달", "켤레", "송이", "그릇", "사람", "통", "척",
)  # fmt: skip
# Counters that take Sino numbers (listed so that 분 is never mistaken for the start of another word).
SINO_COUNTERS = (
    "분", "초", "원", "층", "호", "동", "년", "월", "일", "주", "회", "박", "대", "퍼센트", "km", "kg",
    "개월", "인분", "등", "점", "번지", "세", "차",
)  # fmt: skip
# 번 labels a place or a ticket (3번 창구, 대기 번호 127번) unless it counts (세 번 물어봤어요).
LABELLED_BY_BUN = (
    "창구",
    "상담실",
    "출구",
    "게이트",
    "테이블",
    "자리",
    "방",
    "버스",
    "홀",
    "카운터",
    "라인",
    "선",
)
NUMBER_WORDS_BEFORE = ("번호", "번호표", "대기", "호출")

_PHONE = re.compile(r"(?<![\d.,])\d+(?:-\d+)+(?![\d,])")
_TIME = re.compile(r"(?<![\d:])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])")
_RANGE = re.compile(r"(?<!\d)(\d)\s*~\s*(\d)(?!\d)")
_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_COUNTER = re.compile(
    "|".join(sorted((re.escape(c) for c in (*NATIVE_COUNTERS, *SINO_COUNTERS)), key=len, reverse=True))
)


def sino(n: int) -> str:
    """1234 → 천이백삼십사, 43500 → 사만 삼천오백, 10 → 십 (never 일십), 0 → 영."""
    if n == 0:
        return "영"
    words = []
    for unit, name in ((10**12, "조"), (10**8, "억"), (10**4, "만"), (1, "")):
        chunk, n = divmod(n, unit)
        if chunk:
            text = _below_10000(chunk)
            if name == "만" and text == "일":
                text = ""  # 만 원, not 일만 원
            words.append(text + name)
    return " ".join(words)


def _below_10000(n: int) -> str:
    out = ""
    for value, name in ((1000, "천"), (100, "백"), (10, "십"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            out += ("" if digit == 1 and name else SINO_DIGITS[digit]) + name
    return out


def native(n: int, before_counter: bool = True) -> str:
    """1-99 in native numbers (열한, 스무, 아흔아홉); other values fall back to Sino numbers."""
    if not 1 <= n <= 99:
        return sino(n)
    tens, ones = divmod(n, 10)
    if before_counter and ones == 0 and tens == 2:
        return "스무"
    one = NATIVE_ONES[ones]
    if before_counter:
        one = PRENOMINAL.get(one, one)
    return NATIVE_TENS[tens] + one


# Digit-by-digit readings are kept out of the sound rules: each digit stays distinct (사팔이일, not 사파리일).
KEEP_OPEN, KEEP_CLOSE = "\x02", "\x03"


def digits(text: str) -> str:
    """Digit by digit, 0 as 공: how phone, account and order numbers are read."""
    return KEEP_OPEN + "".join(DIGIT_BY_DIGIT[int(d)] for d in text if d.isdigit()) + KEEP_CLOSE


def read_numbers(text: str) -> str:
    """Every number in ``text`` as Korean words chosen by its context."""
    text = _PHONE.sub(lambda m: " ".join(digits(group) for group in m.group().split("-")), text)
    text = _RANGE.sub(lambda m: SINO_DIGITS[int(m.group(1))] + SINO_DIGITS[int(m.group(2))], text)
    text = re.sub(r"(?<=\d)\s*~\s*(?=\d)", "에서 ", text)  # 14:00~15:00 → 열네 시에서 열다섯 시
    text = _TIME.sub(_time, text)
    text = text.replace("%", "퍼센트")
    return _NUMBER.sub(lambda m: _number(m, text), text)


def _time(m: re.Match[str]) -> str:
    hour, minute = int(m.group(1)), int(m.group(2))
    spoken = f"{native(hour) if hour else '영'} 시"
    return spoken + (f" {sino(minute)} 분" if minute else "")


def _number(m: re.Match[str], text: str) -> str:
    raw, fraction = m.group(1), m.group(2)
    value = int(raw.replace(",", ""))
    after = text[m.end() :]
    counter_match = _COUNTER.match(after[1:] if after.startswith(" ") else after)
    counter = counter_match.group() if counter_match else ""
    if fraction is not None:
        return f"{sino(value)} 점 {''.join(DIGIT_BY_DIGIT[int(d)] for d in fraction)}"
    if not counter and "," not in raw and (len(raw) >= 4 or raw.startswith("0")):
        return digits(raw)  # a bare code: order number 7352, last digits 5821, 0 as 공
    if value == 1 and re.match(r" ?[십백천만]", after):
        return ""  # 1만 원 is 만 원
    if counter == "월" and value in (6, 10):
        return {6: "유", 10: "시"}[value]  # 유월, 시월
    if counter == "번째" and value == 1:
        return "첫"
    if counter in NATIVE_COUNTERS and _counts(counter, value, text[: m.start()], after):
        return native(value)
    return _sino_spaced(value, counter)


def _counts(counter: str, value: int, before: str, after: str) -> bool:
    if value > 99:
        return False
    if counter == "번":
        rest = after.lstrip(" ")[1:].lstrip(" ")
        if rest.startswith("째"):
            return True
        labelled = any(rest.startswith(noun) for noun in LABELLED_BY_BUN)
        numbered = any(before.rstrip().endswith(word) for word in NUMBER_WORDS_BEFORE)
        return not (labelled or numbered)
    return True


def _sino_spaced(value: int, counter: str) -> str:
    """십육 is said 심뉵: ㄴ is inserted before 육 after a consonant (표준 발음법 제29항)."""
    words = sino(value)
    return re.sub(r"(?<=[십백천만억])육", "뉵", words)
