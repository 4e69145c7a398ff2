"""Hangul syllables as (initial, vowel, final) jamo and back: the unit the pronunciation rules work on."""

from __future__ import annotations

from dataclasses import dataclass

BASE, LAST = 0xAC00, 0xD7A3
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]


@dataclass
class Syllable:
    initial: str
    vowel: str
    final: str = ""

    def compose(self) -> str:
        return chr(
            BASE
            + (INITIALS.index(self.initial) * 21 + VOWELS.index(self.vowel)) * 28
            + FINALS.index(self.final)
        )


def is_syllable(ch: str) -> bool:
    return BASE <= ord(ch) <= LAST


def decompose(ch: str) -> Syllable:
    code = ord(ch) - BASE
    return Syllable(INITIALS[code // 588], VOWELS[(code % 588) // 28], FINALS[code % 28])


def final_of(ch: str) -> str:
    """The final consonant of a syllable ("" for an open syllable or a non-Hangul character)."""
    return decompose(ch).final if is_syllable(ch) else ""
