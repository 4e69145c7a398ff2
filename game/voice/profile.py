"""What a line should sound like, and the content address of its audio.

The key covers everything that changes the sound (normalised text, language, backend, voice profile,
shaping recipe) and nothing else, so the same line in two scenarios shares one file and any edit that
would change the sound yields a new file instead of silently reusing an old one.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass

from game.scenario.model import SpokenLine, Voice

DEFAULT_LANGUAGE = "ko"


@dataclass(frozen=True)
class VoiceProfile:
    """The situation a line is spoken in; ``shaping`` and the backends read it, nothing else."""

    language: str = DEFAULT_LANGUAGE
    speaker: str = "customer"  # customer | narrator
    customer_type: str = "ordinary"
    emotion: str = "calm"
    channel: str = "face_to_face"  # phone | face_to_face
    gender: str = "female"
    speed: str = "normal"
    pitch: str = "normal"

    @classmethod
    def for_line(cls, line: SpokenLine, language: str = DEFAULT_LANGUAGE) -> VoiceProfile:
        """A narrator is not the customer: neutral voice, full band, whatever the scene."""
        if line.speaker == "narrator":
            return cls(language=language, speaker="narrator")
        voice = line.voice or Voice()
        return cls(
            language=language,
            speaker=line.speaker,
            customer_type=line.customer_type,
            emotion=line.emotion,
            channel=line.channel,
            gender=voice.gender,
            speed=voice.speed,
            pitch=voice.pitch,
        )

    def token(self) -> str:
        """A stable text form for hashing; field order is fixed by the dataclass."""
        return "|".join(f"{k}={v}" for k, v in asdict(self).items())


def normalise_text(text: str) -> str:
    """NFC and collapsed whitespace: the same words typed on macOS (NFD) and Windows share audio."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_hash(text: str) -> str:
    """The hash a manifest keeps per line id, to tell edited text (stale audio) from unchanged text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def raw_key(text: str, language: str, backend: str, backend_token: str = "") -> str:
    """Address of a backend's unshaped output; shaping-independent so a new recipe needs no download."""
    payload = f"raw1|{backend}|{backend_token}|{language}|{normalise_text(text)}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def line_key(raw: str, profile: VoiceProfile, recipe_version: str) -> str:
    """Address of the shaped WAV: the raw audio it came from plus how it was shaped."""
    payload = f"line1|{raw}|{profile.token()}|{recipe_version}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
