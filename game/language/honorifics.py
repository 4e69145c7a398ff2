"""The honorific 시, honorific and humble vocabulary, and the honorific errors agents make.

사물 존대 (honouring a thing): 시 on a predicate whose subject is a thing, not the customer — 커피
나오셨습니다, 주소가 맞으십니까, 만 원이세요, 품절되셨습니다. Only predicates that describe their subject
(adjectives, 이다, verbs of appearing or being done) are checked: with an agentive verb (결제는 카드로
하시겠어요?) the doer is the customer whatever the topic is. The subject is found by its particle (이/가,
은/는, 께서), else a bare noun right before the predicate; with none the implicit subject is the customer.
Humble verbs (여쭙다, 드리다, 뵙다) carry 시 only when the customer is told to humble themselves
(담당자에게 여쭤보세요): that is an error too, as is 시 on the agent (제가 확인하시겠습니다).
"""

from __future__ import annotations

from game.language.findings import Finding, Sentence
from game.language.morphs import Morph

_SI_EF = (
    "세요",
    "으세요",
    "십시오",
    "으십시오",
    "셔요",
    "으셔요",
    "셔",
    "으셔",
    "시죠",
    "으시죠",
    "세",
    "으세",
)
_PERSON = {
    "고객",
    "손님",
    "분",
    "본인",
    "회원",
    "어르신",
    "아버님",
    "어머님",
    "부모님",
    "아드님",
    "따님",
    "자녀",
    "아이",
    "가족",
    "선생님",
    "사장님",
    "사모님",
    "당신",
    "그분",
    "이분",
    "저분",
    "누구",
    "남편",
    "아내",
    "부인",
    "할머님",
    "할아버님",
    "할머니",
    "할아버지",
    "친구",
    "동생",
    "담당자",
    "기사님",
    "엄마",
    "아빠",
    "어머니",
    "아버지",
    "아들",
    "딸",
    "형",
    "누나",
    "언니",
    "오빠",
}
# Nouns that belong so closely to the customer that honouring them honours the customer (간접 존대).
_OWN = {
    "말씀",
    "연세",
    "성함",
    "댁",
    "생신",
    "건강",
    "마음",
    "기분",
    "몸",
    "생각",
    "시간",
    "일정",
    "걱정",
    "안목",
    "눈",
    "목소리",
    "얼굴",
    "손",
    "발",
    "다리",
    "허리",
    "키",
    "성격",
    "표정",
    "취향",
    "솜씨",
    "감각",
    "실력",
    "질문",
    "의견",
    "말",
    "귀",
    "목",
    "도움",
}
_DESCRIBING_VERBS = {"나오", "나가", "오", "들어오", "도착하", "있", "없", "맞", "남", "다르", "같"}
_ARRIVING = {"도착", "출발", "입고", "도달"}  # 택배가 도착하셨어요: 도착+하 describes its subject
# Feelings and needs: their experiencer is the customer (통화 괜찮으십니까? 어느 쪽이 편하시겠습니까?).
_EXPERIENCER = {
    "괜찮",
    "편하",
    "좋",
    "불편하",
    "힘들",
    "궁금하",
    "필요하",
    "어렵",
    "바쁘",
    "급하",
    "싫",
    "괴롭",
    "필요",
    "불편",
    "궁금",
    "급",
    "피곤",
    "걱정",
    "편",
    "답답",
    "속상",
    "어떻",
}
_BARE_SUBJECT_VERBS = {"나오", "맞", "다르", "같"}  # 커피 나오셨습니다, 7301번 맞으시죠
# 통화 가능하십니까: the bare noun is what the customer would do, not the subject; a thing is honoured
# only when it is marked as the subject (이 카드는 사용 가능하세요).
_ABLE = {"가능", "불가능"}
_PRICE = {"원", "개", "가지", "장", "벌", "대", "권", "병", "잔", "번", "호", "층", "퍼센트", "달러"}
_PRICE_WORDS = {"가격", "금액", "요금", "총액", "합계", "할인가", "정가", "수수료", "배송비"}
_THING_ONLY = {
    "품절",
    "매진",
    "입고",
    "재입고",
    "출고",
    "발송",
    "배송",
    "배달",
    "결제",
    "환불",
    "교환",
    "취소",
    "완료",
    "처리",
    "접수",
    "수리",
    "적립",
    "할인",
    "인상",
    "변경",
    "마감",
    "포장",
    "주문",
}
_HUMBLE = {"여쭈", "여쭙", "뵙", "뵈"}
_WORDS = {
    ("드리", "VV"),
    ("드리", "VX"),
    ("여쭈", "VV"),
    ("여쭙", "VV"),
    ("뵙", "VV"),
    ("성함", "NNG"),
    ("말씀", "NNG"),
    ("계시", "VV"),
    ("계시", "VX"),
    ("드시", "VV"),
    ("잡수시", "VV"),
    ("주무시", "VV"),
    ("댁", "NNG"),
    ("연세", "NNG"),
    ("께서", "JKS"),
    ("께", "JKB"),
    ("진지", "NNG"),
    ("모시", "VV"),
    ("생신", "NNG"),
}
_SUBJECT_PARTICLES = {("이", "JKS"), ("가", "JKS"), ("께서", "JKS"), ("은", "JX"), ("는", "JX"), ("ᆫ", "JX")}


def _is_person(morphs: list[Morph], i: int) -> bool:
    m = morphs[i]
    if m.tag == "XSN" and m.form == "님":
        return True
    if m.tag == "NNP":
        return True
    return m.form in _PERSON or m.form.endswith("님")


def _markers(morphs: list[Morph], a: int, b: int) -> list[int]:
    """Indices of honorific 시: 시/EP, or an ending that has merged it (세요, 십시오)."""
    out = []
    for i in range(a, b):
        m = morphs[i]
        if (m.tag == "EP" and m.form in ("시", "으시")) or (m.tag == "EF" and m.form.startswith(_SI_EF)):
            out.append(i)
    return out


def _predicate(morphs: list[Morph], marker: int, a: int) -> int | None:
    i = marker - 1
    while i >= a and morphs[i].tag == "EP":
        i -= 1
    return i if i >= a and morphs[i].is_predicate else None


def _main_verb(morphs: list[Morph], p: int, a: int) -> int:
    """Through auxiliaries: 여쭤 보세요 → 여쭈, 해 주시겠어요 → 하."""
    while morphs[p].tag == "VX" and p - 2 >= a and morphs[p - 1].tag == "EC" and morphs[p - 2].is_predicate:
        p -= 2
    return p


def _stem_start(morphs: list[Morph], p: int, a: int) -> int:
    """Include a noun fused into the predicate: 품절+되, 주문+하, 불편+하."""
    fused = morphs[p].tag in ("XSV", "XSA") or (morphs[p].form in ("되", "하") and morphs[p].tag == "VV")
    return p - 1 if fused and p - 1 >= a and morphs[p - 1].tag in ("NNG", "XR", "MAG") else p


def _subject(morphs: list[Morph], stem: int, a: int, bare: bool = True) -> int | None:
    """The head noun of the clause's subject, or None when it is left implicit (the customer)."""
    i = stem - 1
    while i >= a:
        m = morphs[i]
        if (m.form, m.tag) in _SUBJECT_PARTICLES or (m.tag == "JX" and m.form == "도"):
            return i - 1 if i - 1 >= a else None
        if m.tag in ("EC", "EF", "ETM", "SF", "SSO", "SSC", "SE") or (m.tag == "SP" and i < stem - 1):
            return None
        if bare and m.is_noun and i == stem - 1:
            return i
        i -= 1
    return None


def honorific_findings(text: str, morphs: list[Morph], sentence: Sentence) -> list[Finding]:
    a, b = sentence.first, sentence.last
    out: list[Finding] = []
    for marker in _markers(morphs, a, b):
        p = _predicate(morphs, marker, a)
        if p is None:
            continue
        main = _main_verb(morphs, p, a)
        stem = _stem_start(morphs, main, a)
        span = (morphs[stem].start, morphs[marker].end)
        error = _error(morphs, main, stem, a)
        if error:
            subj = _subject(morphs, stem, a)
            start = morphs[subj].start if subj is not None and error != "humble_to_customer" else span[0]
            out.append(Finding("honorific_error", start, span[1], text[start : span[1]], error))
        else:
            out.append(Finding("honorific", span[0], span[1], text[span[0] : span[1]]))
    for i in range(a, b):
        m = morphs[i]
        if (m.form, m.tag) in _WORDS:
            out.append(Finding("honorific_word", m.start, m.end, text[m.start : m.end], m.form))
        elif m.form == "계" and i + 1 < b and morphs[i + 1].tag == "VCP":  # Kiwi reads 계세요 as 계 + 이다
            end = morphs[i + 1].end
            out.append(Finding("honorific_word", m.start, end, text[m.start : end], "계시"))
    return out


def _vcp_error(morphs: list[Morph], main: int, a: int) -> str | None:
    """만 원이세요, 품절이세요: a price, a count or a state of stock honoured; 과제용이시군요 is the customer."""
    complement = main
    while complement - 1 >= a and (morphs[complement - 1].is_noun or morphs[complement - 1].tag == "XSN"):
        complement -= 1
    subj = _subject(morphs, complement, a, bare=False)
    if subj is not None and (_is_person(morphs, subj) or morphs[subj].tag == "NP"):
        return None
    noun = main - 1
    if noun < a or not morphs[noun].is_noun:
        return None
    m = morphs[noun]
    counted = m.tag == "NNB" and m.form in _PRICE and noun - 1 >= a and morphs[noun - 1].tag in ("SN", "NR")
    if counted or m.form in _PRICE_WORDS or m.form in _THING_ONLY:
        return "thing_subject"
    if subj is not None and morphs[subj].is_noun and morphs[subj].form not in _OWN:
        return "thing_subject"
    return None


def _asks_or_supposes(morphs: list[Morph], main: int) -> bool:
    rest = morphs[main + 1 : main + 5]
    return any(m.form == "?" or (m.tag == "EC" and m.form.endswith("면")) for m in rest) or any(
        m.tag == "EF" and m.form.endswith(("니까", "까요", "나요", "가요")) for m in rest
    )


def _error(morphs: list[Morph], main: int, stem: int, a: int) -> str | None:
    verb = morphs[main]
    if verb.form in _HUMBLE or (verb.form == "드리" and verb.tag == "VV"):
        return "humble_to_customer"
    bare = (verb.form in _BARE_SUBJECT_VERBS or verb.tag in ("VA", "XSA")) and morphs[stem].form not in _ABLE
    subj = _subject(morphs, stem, a, bare=bare)
    j = main + 1
    while j < len(morphs) and morphs[j].tag == "EP":
        j += 1
    relative = j < len(morphs) and morphs[j].tag == "ETM"
    if (
        subj is not None
        and morphs[subj].tag == "NP"
        and morphs[subj].form in ("저", "저희", "제")
        and not relative
    ):
        return "self_subject"
    thing_verb = stem < main and (
        (morphs[stem].form in _THING_ONLY and verb.form == "되") or morphs[stem].form in _ARRIVING
    )
    if stem < main and verb.form == "되" and not relative and not _asks_or_supposes(morphs, main):
        # 케이크 준비되셨어요: a thing named bare right before noun+되 is what got ready, not the customer
        # (준비되셨으면 말씀해 주세요 and 서류 준비되셨어요? ask the customer)
        thing = _subject(morphs, stem, a)
        if (
            thing is not None
            and morphs[thing].tag == "NNG"
            and not _is_person(morphs, thing)
            and morphs[thing].form not in _OWN
        ):
            return "thing_subject"
    describing = verb.tag in ("VA", "XSA", "VCP") or verb.form in _DESCRIBING_VERBS or thing_verb
    if not describing or verb.form in _EXPERIENCER or morphs[stem].form in _EXPERIENCER:
        return None
    if verb.tag == "VCP":
        return _vcp_error(morphs, main, a)
    if verb.form in ("있", "없"):
        marked = _subject(morphs, stem, a, bare=False)
        if _asks_or_supposes(morphs, main) or marked is None:
            return None  # 예약 번호 있으세요? 권한 없으시잖아요: the customer has (or lacks) it
        subj = marked
    if subj is not None:
        if _is_person(morphs, subj) or morphs[subj].form in _OWN or morphs[subj].tag == "NP":
            return None
        if morphs[subj].is_noun:
            return "thing_subject"
        return None
    if stem < main and morphs[stem].form in _THING_ONLY:
        return "thing_subject"
    return None
