"""One row per attempt, for a spreadsheet: scores, choices and times, with Korean titles intact.

Written as UTF-8 with a byte-order mark because Excel (the tool trainers open it with) reads a CSV
without one in the system code page, and Korean turns to mojibake on a Korean Windows PC. Text a trainee
or trainer typed (a profile name, a title) is written so a spreadsheet shows it instead of running it.
"""

from __future__ import annotations

import csv
import io

from game.progress.reports.figures import Figures

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: object) -> str:
    """Text that Excel, LibreOffice and Sheets show as text: a leading = + - @ would make a formula
    (``=HYPERLINK(...)`` as a profile name), so such a cell gets a leading apostrophe, which they hide."""
    value = "" if text is None else str(text)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def uncell(value: str) -> str:
    """The text a ``cell`` was made from (for files that come back, such as edited line exports)."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def option_path(result: dict) -> list[str]:
    """The options chosen, by id: what a position cannot tell once options are shuffled.

    Attempts recorded before ``path`` existed have it in their decisions; a version 1 attempt kept
    neither, only numbers in authored order, which are the best that can be shown.
    """
    if result.get("path"):
        return [str(p) for p in result["path"]]
    decisions = result.get("decisions") or []
    if decisions:
        return [str(d.get("chosen", {}).get("id", "")) for d in decisions]
    return [str(c) for c in result.get("choices", [])]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def render(figures: Figures) -> str:
    labels = figures.labels
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            "profile",
            "attempt_id",
            "scenario",
            "title",
            "mode",
            "onboarding",
            "started_at",
            "finished_at",
            "ending",
            "resolved",
            "passed",
            "pass_mark",
            "overall",
            *(f"fw:{f}" for f in labels.frameworks),
            *(f"dim:{d}" for d in labels.dimensions),
            "consistency",
            "handle_seconds",
            "path",
            "seconds",
            "blockers",
        ]
    )
    for entry in figures.entries:
        a, r = entry.attempt, entry.result
        writer.writerow(
            [
                cell(entry.profile),
                cell(a["id"]),
                cell(a["scenario"]),
                cell(labels.scenarios.get(a["scenario"], a.get("title", ""))),
                cell(a["mode"]),
                cell(a.get("onboarding") or ""),
                a["started_at"],
                a["finished_at"],
                cell(r.get("ending") or ""),
                r.get("resolved", ""),
                r["passed"],
                _num(r.get("pass_mark")),
                _num(r.get("overall")),
                *(_num(r.get("frameworks", {}).get(f)) for f in labels.frameworks),
                *(_num(r.get("dimensions", {}).get(d)) for d in labels.dimensions),
                _num(r.get("consistency")),
                r.get("handle_seconds", ""),
                " ".join(option_path(r)),
                " ".join(f"{s:g}" for s in r.get("seconds", [])),
                cell(" ".join(r.get("blockers", []))),
            ]
        )
    return "\ufeff" + buffer.getvalue()
