"""The shape of every save file, by kind and version, as JSON Schemas.

Each file carries ``"version": N``. Version 1 was the first format (a profile with a flat score per
attempt and epoch times); version 2 (current) keeps the whole scored result, the actions that produced
it, a UUID per attempt (xAPI registrations and statement ids hang off it) and ISO 8601 UTC times. Older
files are migrated on read (``game.progress.migrate``); a newer one is never overwritten, because an
older game would throw away what it does not understand. Layout and versions: docs/progress.md.
"""

from __future__ import annotations

from typing import Any

from game.scenario.schema_check import Checker

CURRENT_VERSION = 2
KINDS = ("profile", "autosave", "settings")

_time = {"type": "string", "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$"}
_score = {"type": ["number", "null"], "minimum": 0, "maximum": 100}

ATTEMPT_V2: dict[str, Any] = {
    "type": "object",
    "required": ["id", "scenario", "mode", "started_at", "finished_at", "result"],
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "scenario": {"type": "string", "minLength": 1},
        "title": {"type": "string"},
        "mode": {"enum": ["practice", "exam"]},
        "onboarding": {"type": ["string", "null"]},
        "started_at": _time,
        "finished_at": _time,
        "actions": {"type": ["array", "null"], "items": {"type": "object"}},
        "seed": {"type": ["integer", "null"]},
        "consistency": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "migrated_from": {"type": "integer"},
        "result": {
            "type": "object",
            "required": ["overall", "passed", "choices", "seconds"],
            "properties": {
                "overall": _score,
                "passed": {"type": "boolean"},
                "choices": {"type": "array", "items": {"type": "integer"}},
                "path": {"type": "array", "items": {"type": "string"}},
                "seconds": {"type": "array", "items": {"type": "number"}},
                "dimensions": {"type": "object", "additionalProperties": _score},
                "frameworks": {"type": "object", "additionalProperties": _score},
                "decisions": {"type": "array", "items": {"type": "object"}},
            },
        },
    },
}

SCHEMAS: dict[str, dict[str, Any]] = {
    "profile": {
        "type": "object",
        "required": ["version", "kind", "name", "attempts"],
        "properties": {
            "version": {"const": CURRENT_VERSION},
            "kind": {"const": "profile"},
            "name": {"type": "string", "minLength": 1},
            "created_at": {"anyOf": [_time, {"type": "null"}]},
            "attempts": {"type": "array", "items": ATTEMPT_V2},
        },
    },
    "autosave": {
        "type": "object",
        "required": ["version", "kind", "session"],
        "properties": {
            "version": {"const": CURRENT_VERSION},
            "kind": {"const": "autosave"},
            "saved_at": {"anyOf": [_time, {"type": "null"}]},
            "onboarding": {"type": ["string", "null"]},
            "session": {
                "type": "object",
                "required": ["format", "version", "scenario", "actions"],
                "properties": {"scenario": {"type": "string"}, "actions": {"type": "array"}},
            },
        },
    },
    "settings": {
        "type": "object",
        "required": ["version", "kind", "settings"],
        "properties": {
            "version": {"const": CURRENT_VERSION},
            "kind": {"const": "settings"},
            "settings": {"type": "object"},
        },
    },
}

_CHECKERS = {kind: Checker(schema) for kind, schema in SCHEMAS.items()}


def problems(kind: str, data: dict[str, Any]) -> list[str]:
    """What is wrong with a current-version file, as ``where: what`` lines (empty when it is fine)."""
    return [error.describe() for error in _CHECKERS[kind].errors(data)]
