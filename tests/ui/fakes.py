"""An in-memory progress for UI tests: the real port's behaviour, plus what a test wants to inspect."""

from __future__ import annotations

from typing import Any

from game.progress.port import Recommendation
from game.ui.effects import SilentEffects
from game.ui.memory_progress import MemoryProgress


class FakeProgress(MemoryProgress):
    def __init__(
        self, recommendations: list[Recommendation] | None = None, onboarding: str | None = None
    ) -> None:
        super().__init__(onboarding)
        self.saved_settings: list[dict[str, Any]] = []
        self.recorded: list[str] = []
        self.autosaves = 0
        self._recs = recommendations or []

    def save_settings(self, settings: dict[str, Any]) -> None:
        super().save_settings(settings)
        self.saved_settings.append(dict(settings))

    def record_attempt(self, profile, session, result) -> None:
        super().record_attempt(profile, session, result)
        self.recorded.append(session.scenario.id)

    def autosave(self, profile, session) -> None:
        super().autosave(profile, session)
        self.autosaves += 1

    def recommendations(self, profile: str, limit: int = 3) -> list[Recommendation]:
        return self._recs[:limit]


class FakeEffects(SilentEffects):
    """Effects that remember what they were asked to do (real audio is tested in test_effects.py)."""

    def __init__(self) -> None:
        self._ringing = False
        self.rings = 0
        self.clicks = 0
        self.volume: float | None = None

    def ring(self) -> None:
        if not self._ringing:
            self.rings += 1
        self._ringing = True

    def stop_ring(self) -> None:
        self._ringing = False

    def click(self) -> None:
        self.clicks += 1

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    @property
    def ringing(self) -> bool:
        return self._ringing


class HeldLoad:
    """A background library load that finishes only when the test says so (``LibraryLoad``'s interface)."""

    def __init__(self, library) -> None:
        self.library = library
        self.released = False

    def done(self) -> bool:
        return self.released

    def result(self):
        return self.library
