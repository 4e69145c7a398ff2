"""What every scene shares: the library, progress, settings and the means to draw.

Settings are applied here, in one place, the moment they change: theme, strings, voice volume and
(through the app's hook) fullscreen; then they are saved through progress. A failing save is reported
on screen, never raised into the frame loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from game.progress.port import ProgressPort
from game.scenario.library import Library
from game.ui.fonts import Fonts
from game.ui.i18n import Strings
from game.ui.layout import Layout
from game.ui.settings import Settings
from game.ui.speech import SilentSpeech
from game.ui.theme import Theme, theme_for


@dataclass
class Context:
    library: Library
    progress: ProgressPort
    settings: Settings = field(default_factory=Settings)
    fonts: Fonts = field(default_factory=Fonts)
    layout: Layout = field(default_factory=Layout)
    speech: SilentSpeech = field(default_factory=SilentSpeech)
    profile: str | None = None
    mode: str = "practice"
    persistent: bool = True
    #: Called with True/False when the fullscreen setting changes (the app owns the window).
    on_fullscreen: Callable[[bool], None] | None = None
    quit_requested: bool = False
    #: One-line messages for the trainee (no sound device, a save that failed), shown once each.
    notices: list[str] = field(default_factory=list)

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
        if fullscreen_changed and self.on_fullscreen is not None:
            self.on_fullscreen(self.settings.fullscreen)
        if save:
            try:
                self.progress.save_settings(self.settings.to_dict())
            except (OSError, ValueError) as exc:
                self.notify(f"설정을 저장할 수 없습니다: {exc}")

    def notify(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)
