"""The trainee's settings: a plain model, read from and written to progress as a dict.

Values from a save file are clamped to their ranges rather than rejected, so a hand-edited or older file
never stops the game from starting. Subtitles default to on; with no sound device they are shown
whatever the setting says.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

TEXT_SPEEDS = (20.0, 40.0, 80.0, 0.0)  # characters per second; 0 = the whole line at once
FONT_SCALES = (0.9, 1.0, 1.15, 1.3)
VOLUME_STEP = 0.1


@dataclass
class Settings:
    master_volume: float = 0.8
    voice_volume: float = 1.0
    effects_volume: float = 0.6
    text_speed: float = 40.0
    subtitles: bool = True
    font_scale: float = 1.0
    high_contrast: bool = False
    fullscreen: bool = False
    language: str = "ko"

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Settings:
        settings = cls()
        if not isinstance(data, dict):
            return settings
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            default = getattr(settings, f.name)
            if isinstance(default, bool):
                if isinstance(value, bool):
                    setattr(settings, f.name, value)
            elif isinstance(default, float):
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    setattr(settings, f.name, float(value))
            elif isinstance(value, str):
                setattr(settings, f.name, value)
        return settings.clamped()

    def clamped(self) -> Settings:
        for name in ("master_volume", "voice_volume", "effects_volume"):
            setattr(self, name, round(max(0.0, min(1.0, getattr(self, name))), 2))
        self.text_speed = min(TEXT_SPEEDS, key=lambda s: abs(s - self.text_speed))
        self.font_scale = min(FONT_SCALES, key=lambda s: abs(s - self.font_scale))
        if self.language not in ("ko", "en"):
            self.language = "ko"
        return self

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def voice_level(self) -> float:
        return self.master_volume * self.voice_volume

    @property
    def effects_level(self) -> float:
        return self.master_volume * self.effects_volume


def step_choice(values: tuple, current: Any, delta: int) -> Any:
    """The next value in a fixed list of options (clamped at both ends)."""
    index = values.index(current) if current in values else 0
    return values[max(0, min(len(values) - 1, index + delta))]
