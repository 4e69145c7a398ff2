"""The one small interface between the game and progress.

The UI talks to progress only through ``ProgressPort``; the JSON store (``game.progress.store``)
implements it, and UI tests may pass a fake. Keeping it this narrow is what lets saves, migrations and
reports change without touching a screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # annotations only: the port must not pull the engine into the game's start-up
    from game.engine.scoring import HabitHistory, Result
    from game.engine.session import Session
    from game.scenario.library import Library


@dataclass(frozen=True)
class ScenarioStats:
    """What the select screen shows for one scenario and one profile."""

    attempts: int
    best: float | None
    first: float | None
    passed: bool  # passed at least once
    last_played: str | None  # ISO 8601 date-time, UTC


@dataclass(frozen=True)
class Recommendation:
    scenario_id: str
    reason: str  # Korean, shown to the trainee: e.g. "약한 원칙: 우선 사과 · 9일 전 마지막 연습"
    principle: str | None = None


class ProgressPort(Protocol):
    notices: list[str]
    """What progress found on its way (a damaged save restored, a migration), for the UI to show once."""

    library: Library
    """The scenarios progress resolves ids against; the game replaces it after a reload (F5)."""

    def profiles(self) -> list[str]: ...

    def create_profile(self, name: str) -> None:
        """Raises ValueError with a Korean message for an empty or duplicate name."""

    def stats(self, profile: str, scenario_id: str) -> ScenarioStats: ...

    def attempts(self, profile: str) -> list[dict[str, Any]]:
        """Every finished attempt of a profile, oldest first, as stored (version 2 attempt records)."""

    def record_attempt(self, profile: str, session: Session, result: Result) -> None:
        """Store a finished attempt (choices, response times, result, mode, date); clears the autosave."""

    def autosave(self, profile: str, session: Session) -> None:
        """Called after each decision: an interrupted play can be resumed after a crash."""

    def resumable(self, profile: str) -> dict[str, Any] | None:
        """The saved ``Session.to_json()`` of an unfinished play, if any."""

    def discard_autosave(self, profile: str) -> None: ...

    def history(self, profile: str) -> HabitHistory:
        """Earlier attempts' consistency, for the KASH Habit score."""

    def recommendations(self, profile: str, limit: int = 3) -> list[Recommendation]: ...

    def load_settings(self) -> dict[str, Any]: ...

    def save_settings(self, settings: dict[str, Any]) -> None: ...
