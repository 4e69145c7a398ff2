"""The report as JSON, for scripts and other tools: the same figures as the HTML page, plus every attempt."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any

from game.progress.reports.figures import Figures

REPORT_FORMAT = "eungdae-report"
REPORT_VERSION = 1


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def build(figures: Figures, generated_at: datetime | None = None) -> dict[str, Any]:
    moment = generated_at or datetime.now(timezone.utc)

    def profile(p: Any) -> dict[str, Any]:
        return {
            "overall": _r(p.overall),
            "frameworks": {k: _r(v) for k, v in p.frameworks.items()},
            "dimensions": {k: _r(v) for k, v in p.dimensions.items()},
            "attempts": p.attempts,
            "passed": p.passed,
        }

    return {
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        "generated_at": moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "scope": figures.scope,
        "labels": {"frameworks": figures.labels.frameworks, "dimensions": figures.labels.dimensions},
        "summary": {
            "trainees": len(figures.trainees),
            "attempts": len(figures.entries),
            "pass_rate": None if figures.pass_rate is None else round(figures.pass_rate, 4),
            "trainees_passed": figures.trainees_passed,
        },
        "class_average": profile(figures.average),
        "trainees": {name: profile(p) for name, p in figures.trainees.items()},
        "scenarios": {
            sid: {**row, "title": figures.labels.scenarios.get(sid, sid), "mean": _r(row["mean"])}
            for sid, row in figures.scenarios.items()
        },
        "heatmap": [{**asdict(row), "options": [list(o) for o in row.options]} for row in figures.heat],
        "attempts": [{"profile": e.profile, **e.attempt} for e in figures.entries],
        "skipped_profiles": [{"folder": k, "reason": v} for k, v in figures.skipped.items()],
    }


def render(figures: Figures, generated_at: datetime | None = None) -> str:
    return json.dumps(build(figures, generated_at), ensure_ascii=False, indent=2) + "\n"
