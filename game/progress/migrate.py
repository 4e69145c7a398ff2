"""Bringing a save written by an older game up to the current version, one step at a time.

Each step is a pure function from version N to N+1 of one kind of file, so a v1 file goes through
every step in order and each step is tested alone. Migrations are deterministic (ids derived, not
random): two game windows migrating the same old file at once produce the same attempt ids, and the
xAPI statements built from them stay idempotent at the LRS.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from game.progress.atomic import SaveError
from game.progress.schema import CURRENT_VERSION, problems

# Fixed namespace for ids derived from old saves (never change it: ids already sent depend on it).
MIGRATED_ATTEMPTS = uuid.UUID("9b0f7c1e-3f4a-5d2b-8c6e-2a1d4e5f6a7b")


class NewerSaveError(SaveError):
    """The file was written by a newer game; it is left untouched."""


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _from_epoch(seconds: float) -> str:
    return iso_utc(datetime.fromtimestamp(float(seconds), timezone.utc))


def _profile_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """v1: ``{"version": 1, "name", "attempts": [{"scenario", "mode", "choices", "seconds", "score",
    "passed", "time"}]}`` with ``time`` in epoch seconds at the end of the attempt."""
    name = str(data["name"])
    attempts = []
    for index, old in enumerate(data.get("attempts", [])):
        seconds = [float(s) for s in old.get("seconds", [])]
        finished = float(old["time"])
        attempts.append(
            {
                "id": str(uuid.uuid5(MIGRATED_ATTEMPTS, f"{name}/{index}/{finished!r}")),
                "scenario": str(old["scenario"]),
                "title": str(old["scenario"]),
                "mode": old.get("mode", "practice"),
                "onboarding": None,
                "started_at": _from_epoch(finished - sum(seconds)),
                "finished_at": _from_epoch(finished),
                "actions": None,  # v1 did not keep passages and typed replies: not replayable
                "consistency": None,
                "migrated_from": 1,
                "result": {
                    "scenario": str(old["scenario"]),
                    "choices": [int(c) for c in old.get("choices", [])],
                    "seconds": seconds,
                    "overall": float(old["score"]),
                    "passed": bool(old["passed"]),
                    "dimensions": {},
                    "frameworks": {},
                    "decisions": [],
                },
            }
        )
    times = [a["started_at"] for a in attempts]
    return {
        "version": 2,
        "kind": "profile",
        "name": name,
        "created_at": min(times) if times else None,
        "attempts": attempts,
    }


def _autosave_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """v1: ``{"version": 1, "session": <Session.to_json()>}``."""
    return {
        "version": 2,
        "kind": "autosave",
        "saved_at": None,
        "onboarding": None,
        "session": data["session"],
    }


def _settings_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """v1: the settings were top-level keys beside ``version``."""
    return {
        "version": 2,
        "kind": "settings",
        "settings": {k: v for k, v in data.items() if k != "version"},
    }


STEPS: dict[tuple[str, int], Callable[[dict[str, Any]], dict[str, Any]]] = {
    ("profile", 1): _profile_1_to_2,
    ("autosave", 1): _autosave_1_to_2,
    ("settings", 1): _settings_1_to_2,
}


def version_of(data: dict[str, Any]) -> int | None:
    version = data.get("version")
    return version if isinstance(version, int) and not isinstance(version, bool) and version >= 1 else None


def migrate(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` at ``CURRENT_VERSION``; ``SaveError`` when it cannot be, ``NewerSaveError`` if newer."""
    version = version_of(data)
    if version is None:
        raise SaveError(f"저장 파일({kind})에 올바른 version 값이 없습니다.")
    if version > CURRENT_VERSION:
        raise NewerSaveError(
            f"이 저장 파일({kind})은 더 새로운 버전의 응대(저장 형식 {version})가 만들었습니다. "
            "게임을 업데이트하세요. 파일은 그대로 두었습니다."
        )
    current = copy.deepcopy(data)
    while version < CURRENT_VERSION:
        step = STEPS.get((kind, version))
        if step is None:
            raise SaveError(f"저장 형식 {version}의 {kind} 파일을 변환하는 방법이 없습니다.")
        try:
            current = step(current)
        except (KeyError, TypeError, ValueError) as exc:
            raise SaveError(f"저장 형식 {version}의 {kind} 파일을 변환하지 못했습니다: {exc!r}") from exc
        version += 1
    found = problems(kind, current)
    if found:
        raise SaveError(f"{kind} 저장 파일의 내용이 올바르지 않습니다: " + "; ".join(found[:3]))
    return current
