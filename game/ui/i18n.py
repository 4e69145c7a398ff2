"""Interface strings, Korean first, English as an option (``--lang en`` or the settings screen).

Scenario content (customer lines, choices, feedback) is the trainer's and stays in the language it was
written in; only the interface around it changes. A missing English string falls back to Korean rather
than showing a key.
"""

from __future__ import annotations

LANGUAGES = ("ko", "en")

STRINGS: dict[str, tuple[str, str]] = {
    # title and profiles
    "app.title": ("응대", "Eungdae"),
    "app.subtitle": (
        "고객 응대 롤플레이 훈련 · 3S · KASH · 불만 처리",
        "Customer-service roleplay · 3S · KASH · complaints",
    ),
    "title.profiles": ("프로필을 고르세요", "Choose a profile"),
    "loading": ("시나리오 불러오는 중…", "Loading the scenarios…"),
    "title.new_profile": ("새 프로필 이름", "New profile name"),
    "title.create": ("만들기 (Enter)", "Create (Enter)"),
    "title.settings": ("설정", "Settings"),
    "title.quit": ("종료", "Quit"),
    "title.none": (
        "아직 프로필이 없습니다. 이름을 입력해 만드세요.",
        "No profiles yet. Type a name to create one.",
    ),
    "title.hint": (
        "▲▼ 고르기 · Enter 시작 · Tab 이름 입력 · PgUp/PgDn 목록 넘기기",
        "▲▼ choose · Enter start · Tab type a name · PgUp/PgDn scroll the list",
    ),
    "title.folders": ("저장 폴더: {saves} · 음성 캐시: {cache}", "Saves: {saves} · Voice cache: {cache}"),
    "title.not_saved": ("저장하지 않음(이번 실행만)", "not saved (this run only)"),
    "title.more": ("프로필 {first}-{last} / {n}", "Profiles {first}-{last} of {n}"),
    "title.session": ("교육 세션: {name} · {date}", "Session: {name} · {date}"),
    "title.trainee": (
        "교육생은 자기 프로필을 고르거나 새로 만드세요",
        "Trainee: choose your profile or create one",
    ),
    # select
    "select.title": ("시나리오 선택", "Choose a scenario"),
    "select.profile": ("프로필: {name}", "Profile: {name}"),
    "select.mode": ("모드: {mode} (M)", "Mode: {mode} (M)"),
    "select.mode_fixed": ("모드: {mode} (세션)", "Mode: {mode} (session)"),
    "select.session": ("{name} · {date}", "{name} · {date}"),
    "select.assigned_done": ("완료", "Done"),
    "select.assigned_todo": ("아직 안 함", "To do"),
    "select.assigned_all_done": (
        "과제를 모두 마쳤습니다. Esc를 눌러 다음 교육생에게 넘기세요.",
        "All assigned scenarios done. Press Esc to hand over to the next trainee.",
    ),
    "category.assigned": ("오늘의 과제", "Assigned"),
    "select.start": ("▶ {mode} 시작 (Enter)", "▶ Start {mode} (Enter)"),
    "select.recommend": ("다음 연습 추천", "Practise next"),
    "select.no_recommend": (
        "추천은 몇 번 연습한 뒤에 나타납니다.",
        "Recommendations appear after a few attempts.",
    ),
    "select.resume": ("이어 하기: {title} (Ctrl+R)", "Resume: {title} (Ctrl+R)"),
    "select.empty": ("이 분류에는 아직 시나리오가 없습니다.", "No scenarios in this category yet."),
    "select.difficulty": ("난이도", "Difficulty"),
    "select.best": ("최고 {score}점", "Best {score}"),
    "select.no_best": ("기록 없음", "Not played"),
    "select.passed": ("합격", "Passed"),
    "select.attempts": ("{n}회", "{n} tries"),
    "select.hint": (
        "◀▶ 분류 · ▲▼ 고르기 · Enter 시작 · M 모드\nS 설정 · F5 새로 읽기 · Esc 프로필",
        "◀▶ category · ▲▼ choose · Enter start · M mode\nS settings · F5 reload · Esc profiles",
    ),
    "select.hint_session": (
        "◀▶ 분류 · ▲▼ 고르기 · Enter 시작 · S 설정\nF5 새로 읽기 · Esc 다음 교육생",
        "◀▶ category · ▲▼ choose · Enter start · S settings\nF5 reload · Esc next trainee",
    ),
    "select.pass_mark": ("합격 기준 {mark}점 (세션)", "Pass mark {mark} (session)"),
    "select.no_saves": (
        "진행 기록을 저장할 수 없어 이번 실행 동안만 기억합니다.",
        "Progress cannot be saved; it lasts this run only.",
    ),
    "mode.practice": ("연습", "Practice"),
    "mode.exam": ("시험", "Exam"),
    "category.face_to_face": ("대면 응대", "Face to face"),
    "category.phone": ("전화 응대", "Phone"),
    "category.difficult_customer": ("까다로운 고객", "Difficult customers"),
    # play
    "play.partial_not_recorded": (
        "'{node}'부터 시작한 연습이라 기록에 남기지 않았습니다.",
        "Started at '{node}': this practice is not recorded.",
    ),
    "play.hint": (
        "1-9 선택 · R 다시 듣기 · L 대화 기록 · Esc 일시정지",
        "1-9 choose · R replay · L log · Esc pause",
    ),
    "play.hint_undo": ("Backspace 되돌리기", "Backspace undo"),
    "play.continue": ("계속 (Enter)", "Continue (Enter)"),
    "play.to_debrief": ("결과 보기 (Enter)", "See results (Enter)"),
    "play.answer_phone": ("전화를 받으세요", "Answer the phone"),
    "play.patience": ("고객 인내심", "Patience"),
    "play.timer": ("응답 시간 {s}초", "Answer in {s}s"),
    "play.timeout": (
        "시간 초과! 늦을수록 스피드 점수가 깎입니다",
        "Time's up! The later, the more Speed you lose",
    ),
    "play.call": ("통화 {t}", "Call {t}"),
    "play.call_ended": ("통화 종료", "Call ended"),
    "play.customer_gone": ("고객이 떠났습니다", "The customer has left"),
    "play.ringing": ("전화 벨이 울립니다", "The phone is ringing"),
    "play.caller": ("발신자", "Caller"),
    "play.narrator": ("상황", "Scene"),
    "play.you": ("나", "You"),
    "play.typed_hint": ("직접 입력하고 Enter로 제출 (한글 입력 가능)", "Type your reply, Enter to submit"),
    "play.analyser_loading": (
        "분석 준비 중… 잠시 후 제출할 수 있습니다",
        "Preparing the analyser… you can submit in a moment",
    ),
    "play.judging": ("판정 중… 고객이 답을 듣고 있습니다", "Judging your reply…"),
    "play.analyser_failed": (
        "한국어 분석기를 불러오지 못해 직접 입력 대신 아래 선택지로 답합니다",
        "The Korean analyser could not load: answer with the options below instead",
    ),
    "play.backlog": ("대화 기록 (L 닫기)", "Conversation log (L to close)"),
    "play.no_audio": ("소리 장치가 없어 자막으로 진행합니다.", "No sound device: subtitles only."),
    "play.emotion": ("고객 감정: {e}", "Customer: {e}"),
    # pause
    "pause.title": ("일시정지", "Paused"),
    "pause.resume": ("계속하기", "Resume"),
    "pause.restart": ("처음부터 다시", "Restart"),
    "pause.settings": ("설정", "Settings"),
    "pause.quit": ("메뉴로 나가기 (이어 하기 저장)", "Quit to menu (saved to resume)"),
    # coaching
    "coach.title": ("코칭", "Coaching"),
    "coach.best": ("최선의 응대입니다", "The best response"),
    "coach.miss": ("더 나은 응대가 있었습니다", "There was a better response"),
    "coach.right_but_late": ("옳은 응대였지만 늦었습니다", "The right response, but late"),
    "coach.reaction": ("고객 반응", "Customer's reaction"),
    "coach.effects": ("점수에 준 영향", "Effect on the scores"),
    "coach.no_effects": ("점수 변화 없음", "No change"),
    "coach.principles": ("원칙", "Principles"),
    "coach.better": ("더 나은 응대", "A better response"),
    "coach.late": ("응답이 늦었습니다 ({s}초 / 제한 {limit}초)", "Answered late ({s}s of {limit}s)"),
    "coach.continue": ("계속 (Enter)", "Continue (Enter)"),
    "coach.undo": ("되돌리기 (Backspace)", "Undo (Backspace)"),
    # debrief
    "debrief.title": ("결과", "Debrief"),
    "debrief.score": ("{score}점", "{score}"),
    "debrief.pass": ("합격", "Passed"),
    "debrief.fail": ("불합격", "Not passed"),
    "debrief.pass_mark": ("합격 기준 {mark}점", "Pass mark {mark}"),
    "debrief.ending": ("결말: {ending}", "Ending: {ending}"),
    "debrief.ending_right": (
        "결말: {ending} — 이 상황에서 옳은 마무리",
        "Ending: {ending} — the right close here",
    ),
    "debrief.blockers": ("실격 사유: {names}", "Failed because: {names}"),
    "debrief.required": ("빠진 필수 원칙: {names}", "Required, never shown: {names}"),
    "debrief.unresolved": (
        "문제를 해결하지 못한 결말이라 불합격입니다",
        "The problem was left unresolved: not passed",
    ),
    "debrief.right_but_late": ("옳은 응대였지만 늦었습니다", "Right, but late"),
    "debrief.dimensions": ("3S · KASH · 불만 처리", "3S · KASH · Complaints"),
    "debrief.not_assessed": ("평가 안 됨", "n/a"),
    "debrief.mood": ("고객 기분의 변화", "Customer mood"),
    "debrief.decisions": ("응대 돌아보기 (▲▼ 스크롤)", "Decisions (▲▼ scroll)"),
    "debrief.better": ("더 나은 응대: {say}", "Better: {say}"),
    "debrief.typed_outcome": (
        "직접 입력한 답 판정: {outcome} (【 】 감점, 「 」 가점)",
        "Typed reply: {outcome} (【 】 cost, 「 」 earned)",
    ),
    "typed.good": ("좋음", "good"),
    "typed.partial": ("일부 부족", "partial"),
    "typed.poor": ("미흡", "poor"),
    "debrief.retry": ("다시 하기 (R)", "Retry (R)"),
    "debrief.next": ("다음 시나리오 (N)", "Next scenario (N)"),
    "debrief.next_assigned": ("다음 과제 (N)", "Next assigned (N)"),
    "debrief.next_trainee": ("다음 교육생 (N)", "Next trainee (N)"),
    "debrief.menu": ("메뉴 (Esc)", "Menu (Esc)"),
    "debrief.steps": ("불만 처리 단계: {steps}", "Complaint steps: {steps}"),
    "debrief.missing": ("빠진 단계: {steps}", "Missing: {steps}"),
    # settings
    "settings.title": ("설정", "Settings"),
    "settings.master_volume": ("전체 음량", "Master volume"),
    "settings.voice_volume": ("음성 음량", "Voice volume"),
    "settings.effects_volume": ("효과음 음량", "Effects volume"),
    "settings.text_speed": ("자막 속도", "Text speed"),
    "settings.subtitles": ("자막 항상 표시", "Subtitles always on"),
    "settings.font_scale": ("글자 크기", "Font size"),
    "settings.high_contrast": ("고대비 화면", "High contrast"),
    "settings.fullscreen": ("전체 화면", "Fullscreen"),
    "settings.language": ("언어", "Language"),
    "settings.on": ("켜기", "On"),
    "settings.off": ("끄기", "Off"),
    "settings.instant": ("즉시", "Instant"),
    "settings.back": ("돌아가기 (Esc)", "Back (Esc)"),
    "settings.hint": (
        "▲▼ 항목 · ◀▶ 값 바꾸기 · 바로 적용되고 저장됩니다",
        "▲▼ item · ◀▶ change · applied and saved at once",
    ),
    # reload (F5)
    "reload.title": (
        "시나리오 파일에 오류가 있어 이전에 읽은 시나리오로 계속합니다",
        "The scenario files have errors: the last good version stays in use",
    ),
    "reload.more": (
        "외 {n}개 — eungdae validate로 모두 볼 수 있습니다",
        "and {n} more — see eungdae validate",
    ),
    "reload.hint": ("파일을 고친 뒤 F5 · 아무 키나 눌러 닫기", "Fix the file, then F5 · any key to close"),
    "reload.done": ("시나리오 {n}개를 다시 읽었습니다.", "Reloaded {n} scenarios."),
    "reload.gone": (
        "'{id}' 시나리오가 없어져 선택 화면으로 돌아왔습니다.",
        "Scenario '{id}' is gone: back to the select screen.",
    ),
    # misc
    "outcome.delighted": ("감동한 고객", "Delighted"),
    "outcome.satisfied": ("만족한 고객", "Satisfied"),
    "outcome.neutral": ("담담한 고객", "Neutral"),
    "outcome.lost": ("고객 이탈", "Customer lost"),
    "outcome.escalated": ("상급자에게 이관", "Escalated"),
    "emotion.delighted": ("매우 기쁨", "delighted"),
    "emotion.pleased": ("만족", "pleased"),
    "emotion.calm": ("차분함", "calm"),
    "emotion.impatient": ("조급함", "impatient"),
    "emotion.annoyed": ("언짢음", "annoyed"),
    "emotion.angry": ("화남", "angry"),
    "emotion.sad": ("서운함", "sad"),
    "emotion.confused": ("어리둥절함", "confused"),
    "type.ordinary": ("일반 고객", "ordinary"),
    "type.hurried": ("빨리빨리형", "hurried"),
    "type.fault_finding": ("트집형", "fault-finding"),
    "type.arrogant": ("거만형", "arrogant"),
    "type.cheerful": ("명랑형", "cheerful"),
    "type.quiet": ("과묵형", "quiet"),
    "type.suspicious": ("의심형", "suspicious"),
    "type.with_children": ("어린이 동반", "with children"),
    "type.abusive": ("폭언 고객", "abusive"),
}


class Strings:
    def __init__(self, lang: str = "ko") -> None:
        self.lang = lang if lang in LANGUAGES else "ko"

    def __call__(self, key: str, **values: object) -> str:
        pair = STRINGS.get(key)
        if pair is None:
            return key
        text = pair[1] if self.lang == "en" and pair[1] else pair[0]
        return text.format(**values) if values else text
