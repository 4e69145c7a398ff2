"""What an agent's sentence does: apologise, thank, cushion, refuse, admit not knowing, blame, argue,
order calm, make excuses, hide behind rules, ask back, introduce themselves, promise a next step.

Each act is recognised from morphemes, with a guard for the hard case that surface text gets wrong: a
normative 안 됩니다 (다시 있어서는 안 됩니다) is not a refusal; 죄송하지만 is a cushion, not an apology;
blame needs a fault whose doer is the customer (시 on a fault verb, or 고객님 때문에/탓/잘못) and a
following 아니 cancels it (고객님이 잘못 아신 게 아니라…); 진정 is an order only as a directive (진정으로
사과드립니다 is sincerity); 모르시면 is the customer not knowing. Nothing here judges: the rubric does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from game.language.findings import Finding, Sentence
from game.language.morphs import Morph
from game.language.patterns import Pattern, compile_pattern

Rule = Callable[[str, list[Morph], Sentence], list[Finding]]
_P = compile_pattern


def _span(text: str, morphs: Sequence[Morph], i: int, j: int, kind: str, detail: str = "") -> Finding:
    while j < len(morphs) and morphs[j].tag in ("EP", "EF") and j - 1 >= i and morphs[j - 1].tag != "EF":
        j += 1  # 죄송합 → 죄송합니다: the span ends with the word
    start, end = morphs[i].start, morphs[j - 1].end
    return Finding(kind, start, end, text[start:end], detail)


_last_seg: tuple[list[Morph] | None, int, int, list[Morph]] = (None, 0, 0, [])


def _seg(morphs: list[Morph], s: Sentence) -> list[Morph]:
    """The sentence's morphemes. Every act asks for the same sentence in turn, so the last slice is
    handed out again: the pattern matcher then knows it (see ``patterns._forms_in``). One tuple
    swapped whole, so threads are safe; callers never change the list."""
    global _last_seg
    cached = _last_seg
    if cached[0] is not morphs or cached[1] != s.first or cached[2] != s.last:
        cached = (morphs, s.first, s.last, morphs[s.first : s.last])
        _last_seg = cached
    return cached[3]


def _first(seg: list[Morph], patterns: Sequence[Pattern]) -> tuple[int, int] | None:
    hits = [h for p in patterns if (h := p.search(seg))]
    return min(hits) if hits else None


def _starts(seg: Sequence[Morph], at: int, pattern: Pattern) -> bool:
    return pattern.at(seg, at) is not None


def is_question(seg: Sequence[Morph]) -> bool:
    if any(m.form == "?" for m in seg):
        return True
    finals = [m for m in seg if m.tag == "EF"]
    return bool(finals) and finals[-1].form.endswith(("니까", "까요", "나요", "가요", "ᆯ까", "을까", "냐"))


def _skip_ep(seg: Sequence[Morph], i: int) -> int:
    while i < len(seg) and seg[i].tag == "EP":
        i += 1
    return i


def _has_si(seg: Sequence[Morph], a: int, b: int) -> bool:
    return any(m.tag == "EP" and m.form in ("시", "으시") for m in seg[a:b])


def _final(seg: Sequence[Morph], i: int) -> bool:
    """The predicate ending at ``i`` closes the sentence: an EF (or 는데 + 요) after any EPs."""
    j = _skip_ep(seg, i)
    if j >= len(seg):
        return False
    if seg[j].tag == "EF":
        return True
    return seg[j].tag == "EC" and j + 1 < len(seg) and seg[j + 1].form == "요"


# -- apology, thanks, cushion ---------------------------------------------------------------------------

_SORRY = [
    _P("죄송|미안|송구/XR|NNG 하/XSA|XSV"),
    _P("죄송하|미안하|송구하/VA"),
    _P("사과/NNG 의/JKG? 말씀/NNG? 을|를/JKO? 드리|하/VV|VX|XSV"),
    _P("면목/NNG 이/JKS? 없/VA"),
]
_NOT_NEEDED = _P("ᆯ|을/ETM 것|거|일|필요|이유/NNB|NNG ..2 없|아니/VA|VCN")
_BUT = _P("시|으시|겠/EP? 시|으시|겠/EP? 지만|다만|ᆫ데|는데/EC")
_BUT_MAN = _P("*니다/EC|EF 만/JX")


def _sorry_uses(seg: list[Morph]) -> list[tuple[int, int, str]]:
    """Each 죄송/미안/송구/사과 with its use: ``apology``, ``cushion`` (죄송하지만) or ``none`` (죄송할 건 없다)."""
    out = []
    for p in _SORRY:
        for a, b in p.find_all(seg):
            tail = _BUT.at(seg, b) or _BUT_MAN.at(seg, b)
            if tail:
                use, b = "cushion", tail
            elif _starts(seg, b, _NOT_NEEDED) or (b < len(seg) and seg[b].form == "라고"):
                use = "none"
            else:
                use = "apology"
            out.append((a, b, use))
    return out


def apology(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    hits = [(a, b) for a, b, use in _sorry_uses(_seg(morphs, s)) if use == "apology"]
    return [_span(text, morphs, s.first + a, s.first + b, "apology") for a, b in sorted(hits)[:1]]


_THANKS = [_P("감사/NNG|XR 하|드리/XSV|XSA|VV"), _P("감사하|고맙/VA")]


def thanks(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    for p in _THANKS:
        for a, b in p.find_all(seg):
            if not _starts(seg, b, _NOT_NEEDED):
                return [_span(text, morphs, s.first + a, s.first + b, "thanks")]
    return []


_CUSHIONS = [
    _P(
        "실례|번거롭|수고스럽|바쁘|불편하|괜찮|곤란하/VA|NNG|XR|VCP 하|이|스럽/XSA|VCP|XSV? 시|으시|겠/EP? 시|으시|겠/EP? 지만/EC"
    ),
    _P("수고/NNG 스럽/XSA 시|으시|겠/EP? 시|으시|겠/EP? 지만/EC"),
    _P("불편|곤란|번거/NNG|XR 하|롭/XSA 시|으시|겠/EP? 시|으시|겠/EP? 지만/EC"),
    _P("공교/XR 롭/XSA 게/EC 도/JX"),
    _P("괜찮|편하/VA 시|으시/EP? 다면|면|으면|시다면/EC"),
    _P("가능/NNG|XR 하/XSA 시|으시/EP? 다면|면|으면/EC"),
    _P("실례/NNG 이|하/VCP|XSV 지만|*니다/EC 만/JX?"),
    _P("양해/NNG"),
    _P("혹시/MAG"),
    _P("공교롭|아쉽|유감스럽/VA 게/EC 도/JX"),
    _P("유감/NNG 스럽/XSA 게/EC 도/JX"),
]
_JUST_IN_CASE = _P("혹시/MAG 모르/VV")


def cushion(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    spans = [(a, b) for a, b, use in _sorry_uses(seg) if use == "cushion"]
    for p in _CUSHIONS:
        if p.source.startswith("혹시") and _JUST_IN_CASE.search(seg):
            continue
        spans.extend(p.find_all(seg))
    return [_span(text, morphs, s.first + a, s.first + b, "cushion") for a, b in _outermost(spans)]


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for a, b in sorted(set(spans), key=lambda h: (h[0], -h[1])):
        if not any(x <= a and b <= y for x, y in kept):
            kept.append((a, b))
    return kept


# -- refusal and alternatives ---------------------------------------------------------------------------

_AN_DOE = [_P("안/MAG 되/VV"), _P("안되/VV|VA")]
_MOT = _P("못/MAG _/VV|XSV ..2 드리/VX?")
_CANNOT = _P("_/VV|VX|XSV ᆯ|을/ETM 수/NNB 가|는/JKS|JX? 없/VA")
_IMPOSSIBLE = [_P("불가/NNG|XR 하|이/XSA|VCP"), _P("불/XPN 가능/NNG 하/XSA")]


def refusal(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    """The agent's own refusal as the sentence's predicate; not a rule (…어서는 안 됩니다), not a question."""
    seg = _seg(morphs, s)
    if is_question(seg):
        return []
    for p in _AN_DOE:
        for a, b in p.find_all(seg):
            before = seg[a - 1] if a else None
            # -어서는/-면 안 되다 states a rule (다시 있어서는 안 됩니다); -라 안 됩니다 is a reason for refusing
            normative = before is not None and (
                (before.tag == "EC" and before.form.endswith("면"))
                or (
                    before.tag == "JX"
                    and a >= 2
                    and seg[a - 2].tag == "EC"
                    and seg[a - 2].form in ("어서", "아서", "면", "으면")
                )
            )
            if normative and before.form.endswith("면") and a >= 2 and seg[a - 2].form in ("없", "아니"):
                normative = False  # 증명서가 없으면 안 돼요: a requirement held against the customer
            if not normative and _final(seg, b):
                return [_span(text, morphs, s.first + a, s.first + b, "refusal")]
    for a, b in _MOT.find_all(seg):
        end = b if seg[b - 1].form == "드리" else _verb_end(seg, b)
        past = end < len(seg) and seg[end].form == "었"
        if (a and seg[a - 1].form == "잘") or past or _has_si(seg, a, len(seg)):
            continue  # 잘 못 들었어요: not catching a word is no refusal
        if _final(seg, end):
            return [_span(text, morphs, s.first + a, s.first + b, "refusal")]
    for a, b in _CANNOT.find_all(seg):
        # 해 드릴 수 없습니다 is the agent refusing; 쓸 수 없습니다 (the card) is a fact
        doer = seg[a].form == "드리" or (
            seg[a].form == "하" and any(m.form in ("저", "저희") for m in seg[:a])
        )
        if doer and _final(seg, b):
            return [_span(text, morphs, s.first + a, s.first + b, "refusal")]
    for p in _IMPOSSIBLE:
        for a, b in p.find_all(seg):
            if _final(seg, b):
                return [_span(text, morphs, s.first + a, s.first + b, "refusal")]
    return []


def _verb_end(seg: Sequence[Morph], b: int) -> int:
    """After 못 + verb, the ending may come after an auxiliary (못 해 드려요)."""
    while b + 1 < len(seg) and seg[b].tag == "EC" and seg[b + 1].tag == "VX":
        b += 2
    return b


_ALTERNATIVES = [
    _P("대신/NNG|MAG"),
    _P("다른/MM 방법|방안|상품|제품|날짜|모델|색상|지점|매장/NNG"),
    _P("드리|하|보/VV|VX ᆯ|을/ETM 수/NNB 가|는/JKS|JX? 있/VA"),
    _P("가능/NNG 하/XSA *니다|*요|*죠/EF"),
    _P("어떻/VA 시|으시/EP? 으세요|세요|ᆯ까요|을까요|습니까/EF"),
]


def alternative(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    offered = is_question(seg) or any(m.form in ("드리", "추천", "권하", "가능", "어떻", "있") for m in seg)
    for p in _ALTERNATIVES:
        for a, b in p.find_all(seg):
            if a and seg[a - 1].form in ("불", "안", "못"):
                continue
            if p is _ALTERNATIVES[1] and not offered:
                continue  # 저희 실수로 다른 상품이 발송되었습니다: a fact, not an offer
            return [_span(text, morphs, s.first + a, s.first + b, "alternative")]
    return []


# -- not knowing, finding out ---------------------------------------------------------------------------

_DONT_KNOW = [_P("모르/VV 겠/EP?"), _P("알/VV ᆯ|을/ETM 수/NNB 가|는/JKS|JX? 없/VA")]
_DK_ENDINGS = ("는데", "지만", "고", "어서", "아서", "니까", "으니까")


def dont_know(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    for p in _DONT_KNOW:
        for a, b in p.find_all(seg):
            if a and seg[a - 1].form == "혹시":
                continue
            if _has_si(seg, b, len(seg)) or any(m.form == "께서" for m in seg[:a]):
                continue  # 아버님께서 모르고 누르셨나 봐요: someone else did not know
            nxt = seg[b] if b < len(seg) else None
            but = nxt is not None and nxt.tag == "EC" and nxt.form.endswith("니다")  # 모르겠습니다만
            if nxt is None or nxt.tag in ("EF", "SF") or (nxt.tag == "EC" and nxt.form in _DK_ENDINGS) or but:
                return [_span(text, morphs, s.first + a, s.first + b, "dont_know")]
            if nxt.tag == "EP" and nxt.form == "었" and _final(seg, b):
                return [_span(text, morphs, s.first + a, s.first + b, "dont_know")]
    return []


_FIND_OUT = _P("확인|조회|파악|문의|검토|점검|알아보|살펴보|찾아보|여쭈|여쭙/NNG|VV")
_HALF_FIND_OUT = _P("알/VV 어/EC 는|도/JX? 보/VX")
_PROMISES = ("ᆯ게요", "을게요", "ᆯ게", "을게", "ᆯ께요", "을께요")


def _promise_after(seg: Sequence[Morph], a: int) -> int | None:
    """Index of the first promise marker after ``a`` (겠, ㄹ게요, 드립니다) unless 시 makes it the customer's."""
    for i in range(a, len(seg)):
        m = seg[i]
        if m.tag == "EP" and m.form in ("시", "으시"):
            return None
        if (m.tag == "EP" and m.form == "겠") or (m.tag == "EF" and m.form in _PROMISES):
            return i
        if m.tag == "EF" and m.form.endswith("니다") and i and seg[i - 1].form == "드리":
            return i
        if m.tag == "EF":
            return None
    return None


def find_out(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    if is_question(seg):
        return []
    for a, b in [*_FIND_OUT.find_all(seg), *_HALF_FIND_OUT.find_all(seg)]:
        if b < len(seg) and seg[b].form == "전화":
            continue  # 확인 전화를 드리겠습니다 is calling back, not finding out
        end = _promise_after(seg, b)
        if end is not None:
            return [_span(text, morphs, s.first + a, s.first + end + 1, "find_out")]
    return []


# -- blame and argument ---------------------------------------------------------------------------------

_BLAME = [
    _P("잘못/MAG ..2 _/VV|XSV|VX 시|으시/EP"),
    _P("잘못/MAG ..2 _/VV 어|고/EC 계시/VX"),
    _P("고객|손님|그쪽|본인|당신/NNG|NP 님/XSN? 께서|의/JKS|JKG? 잘못|실수|탓|때문/NNG|NNB"),
    _P("실수/NNG 하/XSV 시|으시/EP"),
    _P("안|못/MAG 확인하|읽|보|챙기|입력하|적|쓰|신청하|체크하|살피|듣|하/VV|XSV 시|으시/EP 었/EP"),
    _P("시|으시/EP 었/EP 어야|어야죠|어야지/EC|EF"),
    _P("그러게/MAG"),
    _P("왜/MAG ..4 시|으시/EP 었/EP"),
]
_DILIGENCE = {
    "확인",
    "입력",
    "기재",
    "신청",
    "체크",
    "숙지",
    "말씀",
    "공지",
    "안내문",
    "주의",
    "설명서",
    "약관",
}
_CANCEL = [_P("..3 것|거|게/NNB ..2 아니/VCN"), _P("이|가/JKC|JKS 아니/VCN"), _P("..2 아니/VCN")]


_COLLEAGUES = {"실장", "팀장", "과장", "대리", "부장", "주임", "선배", "차장", "점장", "매니저"}


def _to_colleague(seg: list[Morph]) -> bool:
    """실장님, 예약표 안 보셨어요?: addressed to a colleague (a title + 님 before a comma), not the customer."""
    return any(m.form == "," and any(x.form in _COLLEAGUES for x in seg[:i]) for i, m in enumerate(seg[:4]))


def blame(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    if _to_colleague(seg):
        return []
    for index, p in enumerate(_BLAME):
        for a, b in p.find_all(seg):
            if (
                index == 4
                and seg[a + 1].form == "하"
                and not any(m.form in _DILIGENCE for m in seg[max(0, a - 2) : a])
            ):
                continue
            if any(c.at(seg, b) is not None for c in _CANCEL):
                continue
            j = _skip_ep(seg, b)
            if (
                j < len(seg)
                and seg[j].tag == "ETM"
                and not (j + 1 < len(seg) and seg[j + 1].form in ("거", "것", "게"))
            ):
                continue  # 잘못 내리시는 분이 많으세요: a general remark, not this customer's fault
            return [_span(text, morphs, s.first + a, s.first + b, "blame")]
    return []


_ARGUMENT = [
    _P(
        "분명히|분명|이미|아까|미리|전에/MAG|NNG ..4 안내|말씀|설명|공지|고지|말|얘기/NNG ..3 드리|하/VV|VX|XSV 었/EP"
    ),
    _P("시|으시/EP 었/EP? 잖*/EF"),
    _P("드리|말하|하/VV|VX|XSV 었/EP 잖*/EF"),
    _P("수/NNB 는|가/JX|JKS? 없/VA 잖*/EF"),
    _P("생각/NNG 이/VCP 시/EP 고/EC"),
    _P("사실/NNG 과|와/JKB 다르/VA"),
    _P("저/NP 의/JKG? 말/NNG 이|가/JKS 맞/VV"),
    _P("규정|원칙|절차|안내/NNG 대로/JX ..4 ᆫ|은/ETM 거|것/NNB"),
    _P("그렇/VA 지/EC 않/VX *니다|어요/EF"),
]


def argument(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    for a, b in (h for p in _ARGUMENT for h in p.find_all(seg)):
        if b < len(seg) and seg[b].form.startswith("어야"):
            continue  # 분명히 안내해 드렸어야 했는데: the agent's own fault, said against themselves
        return [_span(text, morphs, s.first + a, s.first + b, "argument")]
    return []


# -- calm-down orders -----------------------------------------------------------------------------------

_CALM = [_P("진정/NNG|MAG|XR 들/XSN? 좀|일단/MAG? 하/XSV|VV|XSA"), _P("진정하/VA|VV")]
_DIRECTIVES = (
    "세요",
    "으세요",
    "십시오",
    "ᆸ시오",
    "어",
    "아",
    "어요",
    "라",
    "죠",
    "지요",
    "자",
    "고",
    "라고",
    "어야",
    "라니까",
    "시라니까",
)
_DONT = [
    _P("흥분|화|언성|소리|짜증/NNG ..2 _/VV|XSV 지/EC 말/VX"),
    _P("화내|흥분하/VV 지/EC 말/VX"),
    _P("목소리|언성/NNG 좀/MAG? 낮추/VV"),
]


def calm_down(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    for p in _CALM:
        for a, b in p.find_all(seg):
            j = b
            while j < len(seg) and seg[j].tag == "EP" and seg[j].form in ("시", "으시", "었"):
                j += 1
            if j < len(seg) and seg[j].tag in ("EF", "EC") and seg[j].form.startswith(_DIRECTIVES):
                return [_span(text, morphs, s.first + a, s.first + j + 1, "calm_down")]
    hit = _first(seg, _DONT)
    return [_span(text, morphs, s.first + hit[0], s.first + hit[1], "calm_down")] if hit else []


# -- excuses and rules ----------------------------------------------------------------------------------

_SHRUG = [
    _P("어쩌/VV ᆯ/ETM 수/NNB 가|는/JKS|JX? 없/VA"),
    _P("저희/NP 잘못/NNG 은|는/JX 아니/VCN"),
    _P("저|저희/NP ..3 도/JX ..3 방법/NNG 이|가/JKS 없/VA"),
]
_CIRCUMSTANCE = _P(
    "물량|택배사|택배|시스템|전산|인력|사람|주말|명절|연휴|날씨|기사|본사|협력사|물류|신입|일손|주문량|손님/NNG "
    "..4 어서|아서|니까|으니까|라서|이라서|때문/EC|NNB"
)
_BUSY = _P("저희|저/NP ..2 바쁘/VA 어서|니까/EC")
_FAILURE = {
    "늦",
    "지연",
    "못",
    "안",
    "없",
    "어렵",
    "밀리",
    "누락",
    "많",
    "부족",
    "바쁘",
    "어쩌",
    "정신없",
    "모르",
}
_RULES = _P("규정|규칙|방침|정책|원칙|지침|매뉴얼|약관/NNG")
_RULE_SAYS_SO = [
    _P("규정|방침|원칙|정책|약관/NNG 이|가|상/JKS|XSN? 그렇/VA"),
    _P("원래/MAG ..3 그렇/VA 게/EC 되/VV 어/EC 있/VX"),
]


def rule_hiding(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    """A rule given as the reason the agent cannot help: 규정이라 어쩔 수 없어요, 방침상 안 됩니다."""
    seg = _seg(morphs, s)
    hit = _first(seg, _RULE_SAYS_SO)
    if hit:
        return [_span(text, morphs, s.first + hit[0], s.first + hit[1], "rule_hiding")]
    rule = _RULES.search(seg)
    if rule and (refusal(text, morphs, s) or _first(seg, _SHRUG)):
        end = s.last - (1 if seg[-1].is_punct else 0)
        return [_span(text, morphs, s.first + rule[0], end, "rule_hiding")]
    return []


def excuse(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    if rule_hiding(text, morphs, s):
        return []
    hit = _first(seg, _SHRUG)
    failed = any(m.form in _FAILURE for m in seg)
    if hit is None and failed and not apology(text, morphs, s):
        hit = _first(seg, [_CIRCUMSTANCE, _BUSY])
    return [_span(text, morphs, s.first + hit[0], s.first + hit[1], "excuse")] if hit else []


# -- questions and the complaint steps ------------------------------------------------------------------


def question(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    words = [m for m in seg if not m.is_punct]
    if not is_question(seg) or all(m.tag == "IC" for m in words):
        return []
    return [_span(text, morphs, s.first, s.last, "question")]


_ASK_TELL = [
    _P("말씀/NNG 하/XSV? 어/EC? 주/VX"),
    _P("알리/VV 어/EC 주/VX"),
    _P("설명/NNG 하/XSV 어/EC 주/VX"),
]
_WHAT_DID_YOU_SAY = _P("뭐/NP|IC 이/VCP 라고요|라고/EF|EC")
_WHAT_DO_YOU_MEAN = _P("무슨/MM 말/NNG")
_INFO_WORDS = {
    "어떤",
    "무슨",
    "언제",
    "어디",
    "어느",
    "몇",
    "어떻",
    "무엇",
    "뭐",
    "번호",
    "성함",
    "상황",
    "내용",
    "불편",
    "문제",
    "증상",
    "이유",
    "용건",
    "사정",
}


def hear_reason(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    hit = _first(seg, _ASK_TELL)
    if (
        (hit and _has_si(seg, hit[1], len(seg)))
        or (hit and seg[-1].form == "?")
        or (hit and any(m.form.startswith(("세요", "십시오")) for m in seg[hit[1] :]))
    ):
        return [_span(text, morphs, s.first, s.last, "hear_reason")]
    asks_what = any(
        m.form in ("무엇", "뭐", "어떤", "무슨", "어떻", "언제", "어디", "어느", "몇") for m in seg
    )
    offer = not asks_what and any(
        m.tag == "EF" and m.form.endswith(("ᆯ까요", "을까요")) and i and seg[i - 1].form == "드리"
        for i, m in enumerate(seg)
    )
    challenge = _WHAT_DID_YOU_SAY.search(seg) is not None or _WHAT_DO_YOU_MEAN.search(seg) is not None
    suggestion = any(m.form == "어떻" for m in seg) and bool(alternative(text, morphs, s))
    predicate = any(m.tag == "EF" or m.form == "요" for m in seg)
    if offer or challenge or suggestion or not predicate:
        return []
    if is_question(seg) and any(m.form in _INFO_WORDS for m in seg):
        return [_span(text, morphs, s.first, s.last, "hear_reason")]
    return []


_CAUSE = [
    _P("확인|조회|알아보|살펴보/NNG|VV 하/XSV? 어/EC? 보/VX? 니|니까|았더니|었더니/EC"),
    _P("확인|조회/NNG 결과/NNG"),
    _P("원인|이유/NNG 은|는/JX"),
    _P("저희/NP ..3 실수|잘못|착오|누락|오류/NNG 로|으로/JKB"),
    _P("저희/NP ..2 잘못|실수/NNG 이/VCP *니다|*요/EF"),
]


def find_cause(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    if is_question(seg):
        return []
    hit = _first(seg, _CAUSE)
    return [_span(text, morphs, s.first + hit[0], s.last, "find_cause")] if hit else []


_REMEDIES = "환불|교환|재발송|발송|배송|재배송|보상|수리|교체|처리|부담|취소|적립|할인|보내|배달|해결|반품|회수|지급|환급|수거|변경"
_SOLVE = [
    _P(f"{_REMEDIES}/NNG|VV 하/XSV|VV? 어|아/EC? 드리/VX|VV"),
    _P(f"{_REMEDIES}/NNG 하/XSV 겠/EP"),
    _P(f"{_REMEDIES}/NNG 은|는|도/JX ..2 하/VV 어/EC 드리/VX"),
]
_NEGATED = _P("ᆯ|을/ETM 수/NNB 가|는/JKS|JX? 없/VA")


def solve(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    for p in _SOLVE:
        for a, b in p.find_all(seg):
            if (a and seg[a - 1].form in ("안", "못")) or _NEGATED.at(seg, b) is not None:
                continue
            if any(m.form in ("안", "못") and m.tag == "MAG" for m in seg[a:b]):
                continue  # 교환은 못 해 드려요: a refusal, not a remedy
            if b < len(seg) and seg[b].tag == "EP" and seg[b].form in ("시", "으시", "었"):
                continue
            return [_span(text, morphs, s.first + a, s.first + b, "solve")]
    return []


_REPORT = [_P("연락|전화|문자|회신|통보|결과/NNG ..3 드리/VV|VX"), _P("알리/VV 어/EC 드리/VX")]
_LATER = {"결과", "다시", "나중", "이따가", "대로", "되면", "확인되", "출고", "도착", "나오"}


def report_back(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    """A promise to contact the customer again; 번호 알려 드릴게요 (telling now) is not one."""
    seg = _seg(morphs, s)
    if is_question(seg):
        return []
    for index, p in enumerate(_REPORT):
        for a, b in p.find_all(seg):
            j = b
            promised = j < len(seg) and (
                (seg[j].tag == "EP" and seg[j].form == "겠")
                or (seg[j].tag == "EF" and (seg[j].form in _PROMISES or seg[j].form.endswith("니다")))
            )
            later = index == 0 or any(
                m.form in _LATER or (m.tag == "EC" and m.form.endswith("면")) for m in seg[:a]
            )
            if promised and later:
                return [_span(text, morphs, s.first + a, s.first + b, "report_back")]
    return []


_SURNAMES = set(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예봉경"
)
_DEPTS = {
    "센터",
    "고객센터",
    "상담원",
    "상담사",
    "담당",
    "담당자",
    "팀",
    "부",
    "과",
    "매장",
    "지점",
    "창구",
    "직원",
    "사원",
    "매니저",
    "데스크",
    "프런트",
    "안내",
    "상담실",
    "영업부",
    "총무팀",
    "민원실",
    "팀장",
    "점장",
}
_COMPANY_TAILS = (
    "쇼핑",
    "은행",
    "마트",
    "카드",
    "호텔",
    "전자",
    "통신",
    "보험",
    "증권",
    "텔레콤",
    "백화점",
    "몰",
    "물산",
    "서비스",
    "여행",
    "항공",
)


def self_intro(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    if _has_si(seg, 0, len(seg)):
        return []
    for v, m in enumerate(seg):
        quoted = m.form == "라고" and v + 1 < len(seg) and seg[v + 1].form == "하"
        if not ((m.tag == "VCP" and _final(seg, v + 1)) or quoted):
            continue
        phrase = []
        i = v - 1
        while i >= 0 and (seg[i].is_noun or (seg[i].tag in ("XSN", "VV") and i == v - 1 and quoted)):
            phrase.insert(0, seg[i])
            i -= 1
        if any(p.form == "님" for p in phrase) or (phrase and phrase[-1].form in ("고객", "손님")):
            continue
        if any(m.form in ("여기", "이곳", "이쪽", "거기", "저기") for m in seg[: i + 1]):
            continue  # 여기가 3층 민원실입니다: a place, not who is speaking
        parts = _intro_parts(phrase, seg[: i + 1])
        if parts:
            a = s.first + i + 1
            return [_span(text, morphs, a, s.first + v + 1, "self_intro", ",".join(parts))]
    return []


def _intro_parts(phrase: list[Morph], before: list[Morph]) -> list[str]:
    parts = []
    named_by = any(m.form == "이름" for m in before)
    for k, m in enumerate(phrase):
        if m.tag == "NNP" and ((m.form[0] in _SURNAMES and 1 <= len(m.form) <= 4) or named_by):
            parts.append("name")
        elif m.tag == "NNP" or m.form.endswith(_COMPANY_TAILS):
            parts.append("company")
        elif m.form in _DEPTS or (
            m.form.endswith(("센터", "팀", "부", "과", "점", "실")) and len(m.form) > 1
        ):
            parts.append("department")
        elif named_by and k == len(phrase) - 1:
            parts.append("name")
    return list(dict.fromkeys(parts))


_TIME_WORDS = {
    "내일",
    "오늘",
    "모레",
    "오전",
    "오후",
    "저녁",
    "아침",
    "주말",
    "이번",
    "다음",
    "월요일",
    "화요일",
    "수요일",
    "목요일",
    "금요일",
    "토요일",
    "일요일",
    "이내",
    "당일",
    "금일",
    "익일",
    "바로",
    "즉시",
    "곧",
    "지금",
    "당장",
    "금방",
    "잠시",
    "오늘내일",
    "퇴근",
}
_ACTIONS = {
    "환불",
    "교환",
    "재발송",
    "발송",
    "배송",
    "보상",
    "수리",
    "교체",
    "부담",
    "취소",
    "적립",
    "할인",
    "보내",
    "배달",
    "반품",
    "회수",
    "지급",
    "환급",
    "수거",
    "연락",
    "전화",
    "문자",
    "연결",
    "접수",
    "전달",
    "방문",
    "발급",
    "예약",
    "회신",
    "알리",
    "해결",
    "처리",
}


def _promises(seg: Sequence[Morph]) -> list[int]:
    """Every promise marker: 겠 not on a 시 (주시겠어요 is the customer's), ㄹ게요, or 드립니다."""
    out = []
    for i, m in enumerate(seg):
        after_si = i and seg[i - 1].tag == "EP" and seg[i - 1].form in ("시", "으시")
        after_dont_know = i and seg[i - 1].form == "모르"
        if (m.tag == "EP" and m.form == "겠" and not after_si and not after_dont_know) or (
            m.tag == "EF"
            and (m.form in _PROMISES or (m.form.endswith("니다") and i and seg[i - 1].form == "드리"))
        ):
            out.append(i)
    return out


def _timed(seg: Sequence[Morph], k: int) -> bool:
    m = seg[k]
    if m.form == "다음":  # 다음 주 is a time; 다음에 is "some other time"
        return k + 1 < len(seg) and seg[k + 1].form in ("주", "달")
    return m.form in _TIME_WORDS or (
        m.tag == "NNB" and m.form in ("시", "분", "일", "시간") and k > 0 and seg[k - 1].tag == "SN"
    )


def next_step(text: str, morphs: list[Morph], s: Sentence) -> list[Finding]:
    seg = _seg(morphs, s)
    if is_question(seg):
        return []
    for promise in _promises(seg):
        timed = any(_timed(seg, k) for k in range(promise))
        acted = any(m.form in _ACTIONS for m in seg[:promise])
        if timed or acted:
            detail = "time" if timed else "action"
            return [_span(text, morphs, s.first, s.first + promise + 1, "next_step", detail)]
    return []


RULES: tuple[Rule, ...] = (
    apology,
    thanks,
    cushion,
    refusal,
    alternative,
    dont_know,
    find_out,
    blame,
    argument,
    calm_down,
    excuse,
    rule_hiding,
    question,
    hear_reason,
    find_cause,
    solve,
    report_back,
    self_intro,
    next_step,
)
