"""A trainer's onboarding session file: which scenarios a class plays, in which mode, to which mark.

Read like a scenario file (same safe YAML reader, same JSON-Schema diagnostics, ``path:line:col``),
so a trainer who has fixed a scenario file knows how to fix this one. Codes of its own start with S;
they are listed in ``SESSION_CODES`` and in docs/progress.md. The file format, with an example, is in
docs/progress.md; scenarios/sessions/onboarding-day1.yaml is a working one.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from game.scenario.diagnostics import Diagnostic
from game.scenario.library import Library, load_library
from game.scenario.schema import ID_PATTERN
from game.scenario.source import load_located
from game.scenario.validation import validate

SESSION_CODES: dict[str, tuple[str, str]] = {
    "S001": ("error", "invalid date"),
    "S002": ("error", "unknown scenario"),
    "S003": ("warning", "scenario listed twice"),
}

SESSION_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "eungdae onboarding session",
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "date", "scenarios", "mode"],
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 80},
        "date": {"type": "string", "minLength": 1},
        "trainer": {"type": "string", "minLength": 1},
        "description": {"type": "string", "minLength": 1},
        "mode": {"enum": ["practice", "exam"]},
        "pass_mark": {"type": "number", "minimum": 0, "maximum": 100},
        "scenarios": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": ID_PATTERN}},
    },
}


@dataclass(frozen=True)
class SessionDiagnostic(Diagnostic):
    """A diagnostic whose code lives in this module's table, not the scenario loader's."""

    @property
    def severity(self) -> str:
        return SESSION_CODES[self.code][0]


@dataclass(frozen=True)
class OnboardingSession:
    name: str
    date: date
    scenarios: tuple[str, ...]
    mode: str  # practice | exam
    pass_mark: float | None = None  # None: each scenario's own pass mark
    trainer: str = ""
    description: str = ""
    path: str = ""

    def pass_mark_for(self, scenario_pass_mark: float) -> float:
        return scenario_pass_mark if self.pass_mark is None else self.pass_mark


def _not_a_timestamp_tag(d: Diagnostic) -> bool:
    """An unquoted ``date: 2025-03-03`` is a YAML timestamp; the reader keeps its text, which is all we need."""
    return not (d.code == "E008" and "timestamp" in d.message)


def load_session(
    path: str, library: Library | None = None
) -> tuple[OnboardingSession | None, list[Diagnostic]]:
    """The session in ``path`` and every problem found (``None`` when any of them is an error).

    Scenario ids are checked against ``library`` (default: the built-in scenarios).
    """
    located, problems = load_located(path)
    problems = [d for d in problems if _not_a_timestamp_tag(d)]
    if located is None:
        return None, problems
    problems.extend(validate(located, SESSION_SCHEMA))
    if any(d.is_error for d in problems):
        return None, sorted(problems, key=Diagnostic.sort_key)
    data = located.data
    try:
        when = date.fromisoformat(str(data["date"]))
    except ValueError:
        when = None
        problems.append(
            SessionDiagnostic(
                "S001",
                f"'{data['date']}' is not a date",
                "write the date as YYYY-MM-DD, e.g. 2025-03-03",
                located.pos(("date",)),
            )
        )
    known = [s.id for s in (library or load_library()).scenarios]
    seen: set[str] = set()
    for index, scenario_id in enumerate(data["scenarios"]):
        where = located.pos(("scenarios", index))
        if scenario_id in seen:
            problems.append(
                SessionDiagnostic("S003", f"'{scenario_id}' is listed twice", "remove the repeat", where)
            )
        seen.add(scenario_id)
        if scenario_id not in known:
            close = difflib.get_close_matches(scenario_id, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "run 'eungdae analyze' to list the ids"
            problems.append(SessionDiagnostic("S002", f"no scenario with id '{scenario_id}'", hint, where))
    problems.sort(key=Diagnostic.sort_key)
    if when is None or any(d.is_error for d in problems):
        return None, problems
    session = OnboardingSession(
        name=data["name"].strip(),
        date=when,
        scenarios=tuple(dict.fromkeys(data["scenarios"])),
        mode=data["mode"],
        pass_mark=float(data["pass_mark"]) if "pass_mark" in data else None,
        trainer=data.get("trainer", ""),
        description=data.get("description", ""),
        path=path,
    )
    return session, problems


def belongs(session: OnboardingSession, attempt: dict[str, Any]) -> bool:
    """Whether an attempt counts for the session: tagged with its name when played under it, or (an
    attempt played without ``--session``) one of its scenarios finished on its date, local time."""
    tag = attempt.get("onboarding")
    if tag is not None:
        return tag == session.name
    if attempt.get("scenario") not in session.scenarios:
        return False
    finished = datetime.strptime(attempt["finished_at"], "%Y-%m-%dT%H:%M:%SZ")
    return finished.replace(tzinfo=timezone.utc).astimezone().date() == session.date
