"""What every scene shares: the library, progress, settings and the means to draw.

Settings are applied here, in one place, the moment they change: theme, strings, voice and effects
volume and (through the app's hook) fullscreen; then they are saved through progress. A failing save
is reported on screen, never raised into the frame loop: every call into progress catches
``PROGRESS_ERRORS`` (``SaveError`` carries a Korean message that says what to do, so it is shown as is).

An onboarding session (``eungdae play --session FILE``) is held here too: it fixes the mode, sets the
pass mark of its scenarios and puts its set first on the select screen.

The library may still be loading when the first screen is up (``python main.py`` starts on the title
screen, which does not need it): ``library`` is None and ``loading`` holds the worker until
``poll_library``, called by the app each frame, installs the result and calls ``on_library`` with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.progress.atomic import SaveError
from game.ui.effects import SilentEffects
from game.ui.fonts import Fonts
from game.ui.i18n import Strings
from game.ui.layout import Layout
from game.ui.settings import Settings
from game.ui.speech import SilentSpeech
from game.ui.theme import Theme, theme_for

if TYPE_CHECKING:
    from game.progress.port import ProgressPort
    from game.progress.sessions import OnboardingSession
    from game.scenario.diagnostics import Diagnostic
    from game.scenario.library import Library
    from game.scenario.model import Scenario
    from game.ui.library_load import LibraryLoad

#: What a call into progress may raise; the message is for the trainee.
PROGRESS_ERRORS = (OSError, ValueError, SaveError)


@dataclass
class Context:
    #: None only while ``loading`` is still reading the files.
    library: Library | None
    progress: ProgressPort
    settings: Settings = field(default_factory=Settings)
    fonts: Fonts = field(default_factory=Fonts)
    layout: Layout = field(default_factory=Layout)
    speech: SilentSpeech = field(default_factory=SilentSpeech)
    effects: SilentEffects = field(default_factory=SilentEffects)
    profile: str | None = None
    mode: str = "practice"
    persistent: bool = True
    #: The trainer's session this run plays, if any (its mode replaces ``mode``'s toggle).
    onboarding: OnboardingSession | None = None
    #: Where the scenarios were loaded from (``--scenarios``; None: the built-in library), for F5.
    scenario_paths: list[str] | None = None
    #: Called with True/False when the fullscreen setting changes (the app owns the window).
    on_fullscreen: Callable[[bool], None] | None = None
    quit_requested: bool = False
    #: The library being read in the background, until ``poll_library`` installs it.
    loading: LibraryLoad | None = None
    #: Called once with the library ``loading`` produced, before any scene sees it.
    on_library: Callable[[Library], None] | None = None
    #: One-line messages for the trainee (no sound device, a save that failed), shown once each.
    notices: list[str] = field(default_factory=list)
    #: Every notice of this run, shown or not (headless play prints them on stderr).
    said: list[str] = field(default_factory=list)
    #: Why finished attempts of this run could not be saved (headless play exits non-zero on them).
    unsaved: list[str] = field(default_factory=list)
    #: The order options are shown in: every attempt draws a fresh seed (``shuffle``), unless a seed is
    #: given (``--seed``); autoplay without one shows the authored order (``shuffle`` False).
    shuffle: bool = True
    seed: int | None = None
    #: The frame being drawn (the app counts), and which scene alone painted the window in which frame,
    #: with the window areas drawn over it since (a notice): a scene that finds its own picture there
    #: from the frame before repaints only what changed and those areas (``PlayScene.draw``) instead
    #: of presenting the whole frame again.
    frame: int = 0
    painted: tuple[object | None, int, tuple[Any, ...]] = (None, -1, ())

    def __post_init__(self) -> None:
        self.strings = Strings(self.settings.language)
        self.theme: Theme = theme_for(self.settings.high_contrast)

    def t(self, key: str, **values: object) -> str:
        return self.strings(key, **values)

    def size(self, design: float) -> int:
        """A font size in window pixels: design size, window scale and the trainee's font scale."""
        return max(8, round(design * self.layout.scale * self.settings.font_scale))

    def apply_settings(self, settings: Settings, save: bool = True) -> None:
        fullscreen_changed = settings.fullscreen != self.settings.fullscreen
        self.settings = settings.clamped()
        self.strings = Strings(self.settings.language)
        self.theme = theme_for(self.settings.high_contrast)
        self.speech.set_volume(self.settings.voice_level)
        self.effects.set_volume(self.settings.effects_level)
        if fullscreen_changed and self.on_fullscreen is not None:
            self.on_fullscreen(self.settings.fullscreen)
        if save:
            try:
                self.progress.save_settings(self.settings.to_dict())
            except PROGRESS_ERRORS as exc:
                self.notify(f"설정을 저장할 수 없습니다: {exc}")

    def take_progress_notices(self) -> None:
        """Show what progress found on its way (a damaged save restored, a migration) once each."""
        notices = self.progress.notices
        while notices:
            self.notify(notices.pop(0))

    def poll_library(self) -> None:
        """Install the background load's library once it is done (an error on the worker raises here)."""
        if self.loading is None or not self.loading.done():
            return
        library = self.loading.result()
        self.loading = None
        self.library = library
        self.progress.library = library
        if self.on_library is not None:
            self.on_library(library)

    def reload(self) -> list[Diagnostic]:
        """Read the scenario files again (F5, for a trainer editing them). With any error the last good
        library stays in use and the errors are returned for the screen; else the new one replaces it."""
        from game.scenario.library import load_library

        library = load_library(self.scenario_paths)
        if library.errors:
            return library.errors
        self.library = library
        self.progress.library = library  # progress resolves ids for resume and recommendations
        return []

    def notify(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)
        if message not in self.said:
            self.said.append(message)

    def seed_for_attempt(self) -> int | None:
        """The seed a new attempt is shown its options with (None: the authored order)."""
        if self.seed is not None or not self.shuffle:
            return self.seed
        from game.engine.order import draw_seed

        return draw_seed()

    def pass_mark_for(self, scenario: Scenario) -> float | None:
        """The onboarding session's pass mark for a scenario it assigns; None: the scenario's own."""
        if self.onboarding is None or scenario.id not in self.onboarding.scenarios:
            return None
        return self.onboarding.pass_mark
