"""Progress kept in memory for one run: the fallback when the save store cannot be used.

It implements the ``ProgressPort`` honestly (profiles, stats, autosave, settings) and the store's
``attempts`` and ``notices`` that the game also uses, but persists nothing; the select
screen says so. Autoplay uses it too unless ``--saves`` is given, so a headless drive never
writes into a trainee's real saves. Recommendations are left to the real store.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from game.progress.port import Recommendation, ScenarioStats

if TYPE_CHECKING:  # annotations only: the title screen must not wait for the engine to import
    from game.engine.scoring import Result
    from game.engine.session import Session
    from game.scenario.library import Library


class _History:
    def __init__(self, shares: dict[str, list[float]]) -> None:
        self._shares = shares

    def recent_consistency(self, scenario_id: str, limit: int) -> list[float]:
        return self._shares.get(scenario_id, [])[-limit:] if limit else []


class MemoryProgress:
    def __init__(self, onboarding: str | None = None, library: Library | None = None) -> None:
        self.onboarding = onboarding  # tagged onto attempts, as the store does
        self.library = library  # kept for the port; nothing here resolves ids
        self.notices: list[str] = []
        self._profiles: list[str] = []
        self._records: dict[str, list[dict[str, Any]]] = {}
        self._attempts: dict[str, list[tuple[str, Result, str]]] = {}
        self._autosaves: dict[str, dict[str, Any]] = {}
        self._settings: dict[str, Any] = {}

    def profiles(self) -> list[str]:
        return list(self._profiles)

    def create_profile(self, name: str) -> None:
        name = name.strip()
        if not name:
            raise ValueError("프로필 이름을 입력하세요.")
        if name in self._profiles:
            raise ValueError(f"'{name}' 프로필이 이미 있습니다.")
        self._profiles.append(name)

    def stats(self, profile: str, scenario_id: str) -> ScenarioStats:
        results = [(r, when) for sid, r, when in self._attempts.get(profile, []) if sid == scenario_id]
        if not results:
            return ScenarioStats(0, None, None, False, None)
        return ScenarioStats(
            attempts=len(results),
            best=max(r.overall for r, _ in results),
            first=results[0][0].overall,
            passed=any(r.passed for r, _ in results),
            last_played=results[-1][1],
        )

    def record_attempt(self, profile: str, session: Session, result: Result) -> None:
        when = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._attempts.setdefault(profile, []).append((session.scenario.id, result, when))
        self._records.setdefault(profile, []).append(
            {
                "scenario": session.scenario.id,
                "mode": session.mode,
                "onboarding": self.onboarding,
                "finished_at": when,
                "result": {"overall": result.overall, "passed": result.passed},
            }
        )
        self._autosaves.pop(profile, None)

    def attempts(self, profile: str) -> list[dict[str, Any]]:
        """Finished attempts in the store's shape (the fields the game reads)."""
        return list(self._records.get(profile, []))

    def autosave(self, profile: str, session: Session) -> None:
        self._autosaves[profile] = session.to_json()

    def resumable(self, profile: str) -> dict[str, Any] | None:
        return self._autosaves.get(profile)

    def discard_autosave(self, profile: str) -> None:
        self._autosaves.pop(profile, None)

    def history(self, profile: str) -> _History:
        shares: dict[str, list[float]] = {}
        for sid, result, _ in self._attempts.get(profile, []):
            shares.setdefault(sid, []).append(result.consistency)
        return _History(shares)

    def recommendations(self, profile: str, limit: int = 3) -> list[Recommendation]:
        return []

    def load_settings(self) -> dict[str, Any]:
        return dict(self._settings)

    def save_settings(self, settings: dict[str, Any]) -> None:
        self._settings = dict(settings)
