"""Latin letters in a Korean line, read as a Korean speaker reads them: VIP → 브이아이피, OK → 오케이.

A Korean voice given "VIP" either spells it with English letter names in an English accent or skips
it. Known words get their usual Korean form (외래어); anything else is read letter by letter.
"""

from __future__ import annotations

import re

from game.voice.korean.numbers import KEEP_CLOSE, KEEP_OPEN

LETTERS = {
    "a": "에이", "b": "비", "c": "씨", "d": "디", "e": "이", "f": "에프", "g": "지", "h": "에이치",
    "i": "아이", "j": "제이", "k": "케이", "l": "엘", "m": "엠", "n": "엔", "o": "오", "p": "피",
    "q": "큐", "r": "알", "s": "에스", "t": "티", "u": "유", "v": "브이", "w": "더블유", "x": "엑스",
    "y": "와이", "z": "제트",
}  # fmt: skip
# Words said as words, not spelled (acronyms are spelled: VIP → 브이아이피) (lower case; hyphens and dots removed before lookup).
WORDS = {
    "ok": "오케이", "okay": "오케이", "app": "앱", "email": "이메일", "mail": "메일", "wifi": "와이파이", "online": "온라인",
    "offline": "오프라인", "login": "로그인", "logout": "로그아웃", "password": "패스워드", "id": "아이디", "pin": "핀",
    "tv": "티비", "cctv": "씨씨티비", "service": "서비스", "card": "카드", "coupon": "쿠폰", "point": "포인트",
    "checkin": "체크인", "checkout": "체크아웃", "hotel": "호텔", "lobby": "로비", "size": "사이즈", "sale": "세일",
    "cafe": "카페", "menu": "메뉴", "set": "세트", "mobile": "모바일", "internet": "인터넷", "web": "웹", "site": "사이트",
    "code": "코드", "page": "페이지", "kakao": "카카오", "kakaotalk": "카카오톡", "naver": "네이버", "google": "구글",
    "iphone": "아이폰", "galaxy": "갤럭시", "no": "노", "yes": "예스", "kg": "킬로그램", "km": "킬로미터", "cm": "센티미터",
    "mm": "밀리미터", "ml": "밀리리터",
}  # fmt: skip
_LATIN = re.compile(r"[A-Za-z]+(?:[-.][A-Za-z]+)*\.?")


def read_latin(text: str) -> str:
    """Latin words and acronyms as Hangul."""
    return _LATIN.sub(_word, text)


def _word(m: re.Match[str]) -> str:
    raw = m.group()
    trailing = "." if raw.endswith(".") and raw.count(".") == 1 else ""
    key = re.sub(r"[-.]", "", raw).lower()
    if key in WORDS:
        return WORDS[key] + trailing
    # Spelled out, and kept out of the sound rules so each letter stays distinct (에이알에스, not 에이아레스).
    return KEEP_OPEN + "".join(LETTERS[ch] for ch in key) + KEEP_CLOSE + trailing
