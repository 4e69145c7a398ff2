"""The trainer's report as one HTML file that opens offline: no scripts, no downloads, charts as inline SVG.

It embeds the bundled Korean font cut down to the glyphs the page uses (``embedded_font``: a few hundred
syllables, about 150 KB, instead of 9 MB for the whole font), so it reads the same on a machine with no
Korean font at all; the system font stack follows as a fallback.
Everything taken from saves or scenarios is escaped, since a profile name is whatever a trainee typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from html import escape

from game.progress.reports.embedded_font import FAMILY, font_face_css
from game.progress.reports.figures import Figures, HeatRow, Profile

FONT_STACK = (
    '"Malgun Gothic", "맑은 고딕", "Apple SD Gothic Neo", "Noto Sans KR", "Noto Sans CJK KR", '
    '"NanumGothic", "나눔고딕", sans-serif'
)
COLORS = {"3S": "#2563eb", "KASH": "#059669", "complaint": "#d97706"}
OTHER = "#6b7280"

CSS = f"""
body {{ font-family: {FAMILY}, {FONT_STACK}; color: #111827; margin: 24px auto; max-width: 1180px; padding: 0 16px; }}
h1 {{ font-size: 24px; margin: 0 0 4px; }} h2 {{ font-size: 19px; margin: 28px 0 10px; border-bottom: 2px solid #e5e7eb; padding-bottom: 4px; }}
h3 {{ font-size: 15px; margin: 14px 0 6px; }}
.muted {{ color: #6b7280; font-size: 13px; }}
.cards {{ display: flex; gap: 12px; flex-wrap: wrap; }}
.card {{ border: 1px solid #e5e7eb; border-radius: 8px; padding: 10px 16px; min-width: 150px; }}
.card b {{ display: block; font-size: 26px; }}
.grid {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(540px, 1fr)); gap: 14px; }}
.panel {{ border: 1px solid #e5e7eb; border-radius: 8px; padding: 8px 12px; }}
table {{ border-collapse: collapse; font-size: 13px; width: 100%; }}
th, td {{ border-bottom: 1px solid #e5e7eb; padding: 4px 6px; text-align: left; }}
td.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
.pass {{ color: #047857; font-weight: bold; }} .fail {{ color: #b91c1c; font-weight: bold; }}
ol.options {{ margin: 2px 0 10px; padding-left: 22px; font-size: 13px; }}
ol.options li.best {{ font-weight: bold; }}
.legend span {{ display: inline-block; margin-right: 14px; font-size: 13px; }}
.legend i {{ display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }}
@media print {{ .panel {{ break-inside: avoid; }} }}
"""


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def bar_chart(
    rows: Sequence[tuple[str, float | None, str]],
    *,
    marks: Sequence[float | None] | None = None,
    pass_mark: float | None = None,
    width: int = 520,
    label_w: int = 118,
    title: str = "",
) -> str:
    """Horizontal bars 0..100, one per (label, value, colour); ``marks`` draws a tick per row (class average)."""
    value_w, row_h, top = 46, 22, 8
    plot_w = width - label_w - value_w
    height = top + row_h * len(rows) + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in (0, 25, 50, 75, 100):
        x = label_w + plot_w * tick / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 18}" stroke="#e5e7eb" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{height - 4}" font-size="10" fill="#6b7280" text-anchor="middle">{tick}</text>'
        )
    for i, (label, value, color) in enumerate(rows):
        y = top + i * row_h
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" font-size="12" text-anchor="end">{escape(label)}</text>'
        )
        if value is None:
            parts.append(
                f'<text x="{label_w + 4}" y="{y + 15}" font-size="11" fill="#9ca3af">평가 안 됨</text>'
            )
        else:
            w = plot_w * max(0.0, min(100.0, value)) / 100
            parts.append(
                f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
                f'fill="{color}" rx="2"><title>{escape(label)} {value:.1f}</title></rect>'
                f'<text x="{width - 4}" y="{y + 15}" font-size="12" text-anchor="end">{value:.1f}</text>'
            )
        mark = marks[i] if marks is not None else None
        if mark is not None:
            x = label_w + plot_w * max(0.0, min(100.0, mark)) / 100
            parts.append(
                f'<line class="avg" x1="{x:.1f}" y1="{y + 1}" x2="{x:.1f}" y2="{y + row_h - 1}" '
                f'stroke="#111827" stroke-width="2"><title>반 평균 {mark:.1f}</title></line>'
            )
    if pass_mark is not None:
        x = label_w + plot_w * pass_mark / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 18}" stroke="#dc2626" '
            f'stroke-dasharray="4 3" stroke-width="1.5"><title>합격 기준 {pass_mark:g}</title></line>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _profile_rows(figures: Figures, profile: Profile) -> list[tuple[str, float | None, str]]:
    labels = figures.labels
    rows: list[tuple[str, float | None, str]] = [("종합", profile.overall, "#374151")]
    for fw, title in labels.frameworks.items():
        rows.append((title, profile.frameworks.get(fw), COLORS.get(fw, OTHER)))
        for dim, dim_title in labels.dimensions.items():
            if labels.dimension_framework.get(dim) == fw:
                rows.append((f"· {dim_title}", profile.dimensions.get(dim), COLORS.get(fw, OTHER) + "b3"))
    return rows


def heatmap_svg(row_set: Sequence[HeatRow], width: int = 1100) -> str:
    """Rows are decisions, columns the options in the scenario's order; darker = chosen more often."""
    label_w, cell_w, row_h, top = 150, 64, 30, 22
    columns = max((len(r.options) for r in row_set), default=1)
    width = min(width, label_w + cell_w * columns + 10)
    height = top + row_h * len(row_set) + 6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="선택지 분포">'
    ]
    for c in range(columns):
        x = label_w + c * cell_w + cell_w / 2
        parts.append(
            f'<text x="{x:.1f}" y="15" font-size="12" text-anchor="middle" fill="#374151">{c + 1}번</text>'
        )
    for i, row in enumerate(row_set):
        y = top + i * row_h
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 19}" font-size="12" text-anchor="end">{escape(row.node)}</text>'
        )
        total = row.total or 1
        for c, (choice_id, say) in enumerate(row.options):
            count = row.counts.get(choice_id, 0)
            share = count / total
            x = label_w + c * cell_w
            fill = f"rgba(220, 38, 38, {0.08 + 0.85 * share:.3f})" if count else "#f9fafb"
            stroke = (
                ' stroke="#047857" stroke-width="3"'
                if choice_id == row.best
                else ' stroke="#ffffff" stroke-width="2"'
            )
            ink = "#ffffff" if share > 0.55 else "#111827"
            parts.append(
                f'<rect class="cell" x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{row_h - 2}" fill="{fill}"{stroke}>'
                f"<title>{escape(choice_id)}: {escape(say)} — {count}회 ({share:.0%})</title></rect>"
                f'<text x="{x + cell_w / 2:.1f}" y="{y + 19}" font-size="12" text-anchor="middle" fill="{ink}">{count}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def render(figures: Figures, generated_at: datetime | None = None) -> str:
    moment = (generated_at or datetime.now(timezone.utc)).astimezone()
    labels = figures.labels
    marks = [row[1] for row in _profile_rows(figures, figures.average)]
    pass_marks = [e.result.get("pass_mark") for e in figures.entries if e.result.get("pass_mark") is not None]
    pass_mark = max(set(pass_marks), key=pass_marks.count) if pass_marks else None
    body: list[str] = [
        "<h1>응대 훈련 결과 보고서</h1>",
        f'<p class="muted">범위: {escape(figures.scope)} · 작성: {moment:%Y-%m-%d %H:%M}</p>',
    ]
    for folder, why in figures.skipped.items():
        body.append(f'<p class="fail">이 보고서에서 빠진 프로필 폴더 {escape(folder)}: {escape(why)}</p>')
    passed_people = sum(figures.trainees_passed.values())
    body.append('<div class="cards">')
    for title, value in (
        ("교육생", f"{len(figures.trainees)}명"),
        ("시도", f"{len(figures.entries)}회"),
        ("합격률(시도)", "—" if figures.pass_rate is None else f"{figures.pass_rate:.0%}"),
        ("전 과목 합격 교육생", f"{passed_people}/{len(figures.trainees)}명"),
        ("반 평균 종합 점수", _pct(figures.average.overall)),
    ):
        body.append(f'<div class="card">{escape(title)}<b>{escape(value)}</b></div>')
    body.append("</div>")
    if not figures.entries:
        body.append("<p>이 범위에 기록된 시도가 없습니다.</p>")
    else:
        legend = "".join(
            f'<span><i style="background:{COLORS.get(fw, OTHER)}"></i>{escape(title)}</span>'
            for fw, title in labels.frameworks.items()
        )
        body += [
            "<h2>반 평균 (3S · KASH · 불만 처리)</h2>",
            f'<p class="legend">{legend}<span><i style="background:#dc2626"></i>합격 기준(점선)</span></p>',
            '<div class="panel">',
            bar_chart(_profile_rows(figures, figures.average), pass_mark=pass_mark, title="반 평균"),
            "</div>",
            "<h2>교육생별 프로필</h2>",
            '<p class="muted">막대: 교육생의 평균 점수 · 검은 눈금: 반 평균</p>',
            '<div class="grid">',
        ]
        for name, profile in figures.trainees.items():
            verdict = figures.trainees_passed.get(name)
            status = (
                '<span class="pass">전 과목 합격</span>'
                if verdict
                else '<span class="fail">미합격 과목 있음</span>'
            )
            body += [
                '<div class="panel trainee">',
                f"<h3>{escape(name)} · {profile.attempts}회 시도, {profile.passed}회 합격 · {status}</h3>",
                bar_chart(_profile_rows(figures, profile), marks=marks, pass_mark=pass_mark, title=name),
                "</div>",
            ]
        body.append("</div>")
        rows = [
            (labels.scenarios.get(sid, sid), 100 * row["pass_rate"], "#047857")
            for sid, row in figures.scenarios.items()
        ]
        body += [
            "<h2>시나리오별 합격률 (%)</h2>",
            '<div class="panel">',
            bar_chart(rows, width=900, label_w=330, title="시나리오별 합격률"),
            "</div>",
            "<h2>결정별 선택 분포</h2>",
            '<p class="muted">칸의 숫자: 그 선택지를 고른 횟수 · 진할수록 많이 고름 · 초록 테두리: 가장 좋은 응대</p>',
        ]
        for sid in dict.fromkeys(r.scenario for r in figures.heat):
            row_set = [r for r in figures.heat if r.scenario == sid]
            body += [
                f"<h3>{escape(labels.scenarios.get(sid, sid))}</h3>",
                '<div class="panel">',
                heatmap_svg(row_set),
            ]
            for row in row_set:
                items = "".join(
                    f"<li{' class=best' if cid == row.best else ''}>{escape(say)}</li>"
                    for cid, say in row.options
                )
                body.append(f'<div class="muted">{escape(row.node)}</div><ol class="options">{items}</ol>')
            body.append("</div>")
        body += [
            "<h2>시도 목록</h2>",
            "<table><tr><th>교육생</th><th>시나리오</th><th>모드</th><th>완료</th><th>엔딩</th>"
            "<th>종합</th>"
            + "".join(f"<th>{escape(t)}</th>" for t in labels.frameworks.values())
            + "<th>결과</th></tr>",
        ]
        for entry in figures.entries:
            r = entry.result
            verdict = (
                '<span class="pass">합격</span>' if r.get("passed") else '<span class="fail">불합격</span>'
            )
            body.append(
                f"<tr><td>{escape(entry.profile)}</td><td>{escape(labels.scenarios.get(entry.attempt['scenario'], ''))}</td>"
                f"<td>{'시험' if entry.attempt['mode'] == 'exam' else '연습'}</td>"
                f"<td>{escape(entry.attempt['finished_at'])}</td><td>{escape(str(r.get('ending') or '—'))}</td>"
                f'<td class="num">{_pct(r.get("overall"))}</td>'
                + "".join(
                    f'<td class="num">{_pct(r.get("frameworks", {}).get(f))}</td>' for f in labels.frameworks
                )
                + f"<td>{verdict}</td></tr>"
            )
        body.append("</table>")
    title = f"응대 훈련 결과 — {escape(figures.scope)}"
    content = "".join(body)
    faces = font_face_css(title + content)
    return (
        '<!DOCTYPE html>\n<html lang="ko"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{faces}\n{CSS}</style></head>"
        f"<body>{content}</body></html>\n"
    )
