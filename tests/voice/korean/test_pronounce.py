"""The pronunciation front end, pinned by a table of words and numbers with their standard pronunciation
(표준 발음법 articles in the comments). Each row is what a Korean speaker says, written in Hangul."""

import pytest

from game.voice.korean import pronounce

TABLE = [
    # 비음화 (제18항): ㄱ/ㄷ/ㅂ before ㄴ/ㅁ
    ("합니다", "함니다"),
    ("감사합니다", "감사함니다"),
    ("죄송합니다", "죄송함니다"),
    ("국물", "궁물"),
    ("작년", "장년"),
    ("있는", "인는"),
    ("받는", "반는"),
    ("앞마당", "암마당"),
    ("입니다", "임니다"),
    # ㄹ → ㄴ after ㅁ/ㅇ/ㄱ/ㅂ (제19항)
    ("종로", "종노"),
    ("침략", "침냑"),
    ("국립", "궁닙"),
    ("협력", "혐녁"),
    ("대통령", "대통녕"),
    # 유음화 (제20항), and its ㄴㄴ exceptions
    ("신라", "실라"),
    ("연락", "열락"),
    ("설날", "설랄"),
    ("칼날", "칼랄"),
    ("관리", "괄리"),
    ("의견란", "의견난"),
    ("생산량", "생산냥"),
    # 연음 (제13-14항)
    ("음악", "으막"),
    ("읽어요", "일거요"),
    ("값이", "갑씨"),
    ("앉아", "안자"),
    ("있어요", "이써요"),
    ("깎아", "까까"),
    # ㅎ (제12항): 격음화, 탈락, ㅎ+ㅅ, ㅎ+ㄴ
    ("축하해요", "추카해요"),
    ("입학", "이팍"),
    ("놓고", "노코"),
    ("좋다", "조타"),
    ("않던", "안턴"),
    ("좋아요", "조아요"),
    ("싫어요", "시러요"),
    ("닿소", "다쏘"),
    ("놓는", "논는"),
    ("따뜻한", "따뜨탄"),
    ("밝히다", "발키다"),
    # 구개음화 (제17항)
    ("같이", "가치"),
    ("굳이", "구지"),
    ("닫히다", "다치다"),
    # 경음화 (제23-25항, 제27항)
    ("학교", "학꾜"),
    ("있다", "읻따"),
    ("옆집", "엽찝"),
    ("맑게", "말께"),
    ("앉고", "안꼬"),
    ("할 수 있어요", "할 쑤 이써요"),
    ("갈 거예요", "갈 꺼예요"),
    # 모음 (제5항)
    ("희망", "히망"),
    ("시계", "시게"),
    ("가져요", "가저요"),
    # 받침의 대표음 (제9-11항)
    ("닭", "닥"),
    ("부엌", "부억"),
    # numbers by counter: native (시, 개, 명, 살, 번째, 번 counting)
    ("11시", "열한시"),
    ("3개", "세개"),
    ("5명", "다선명"),
    ("20살", "스무살"),
    ("1번째", "첟뻔째"),
    ("2번째", "두번째"),
    ("3번 물어봤어요", "세번 무러봐써요"),
    ("12시 50분", "열두시 오십뿐"),
    ("100명", "뱅명"),
    # Sino (분, 원, 층, 호, 년, 월, 일) and labels
    ("10분", "십뿐"),
    ("43,500원", "사만 삼처노배권"),
    ("5층", "오층"),
    ("1102호", "천배기호"),
    ("6월", "유월"),
    ("10월", "시월"),
    ("71년 3월 12일", "칠시빌련 사뭘 시비일"),
    ("16층", "심뉵층"),
    ("3번 창구", "삼번 창구"),
    ("번호표 87번", "번호표 팔십칠번"),
    ("1만 원", "만 원"),
    ("3.5", "삼 점 오"),
    ("4~5분", "사오분"),
    ("14:00~15:00", "열레 시에서 열다섣 시"),
    # digits one by one in phone and order numbers
    ("010-4821-3307", "공일공 사팔이일 삼삼공칠"),
    ("HB-2024-1187", "에이치비 이공이사 일일팔칠"),
    ("주문 번호는 7352입니다", "주문 번호는 칠삼오이임니다"),
    # Latin in Korean reading
    ("VIP", "브이아이피"),
    ("OK", "오케이"),
    ("ATM", "에이티엠"),
    ("QR 코드", "큐알 코드"),
    ("S 사이즈", "에스 사이즈"),
    ("wifi", "와이파이"),
    ("ARS", "에이알에스"),
]


def test_the_table_is_large_enough():
    assert len(TABLE) >= 60


@pytest.mark.parametrize(("spelled", "said"), TABLE)
def test_standard_pronunciation(spelled, said):
    assert pronounce(spelled) == said


def test_punctuation_and_spacing_survive():
    assert pronounce("네, 감사합니다. 잠시만요!") == "네, 감사함니다. 잠시마뇨!"


def test_a_tone_mark_and_typed_laughter_are_not_read_as_symbols():
    assert pronounce("안녕하세요~!") == "안녕하세요!"
    assert pronounce("ㅎㅎ 좋아요") == "흐흐 조아요"


def test_text_without_hangul_changes_only_numbers_and_latin():
    assert pronounce("…!") == "…!"
