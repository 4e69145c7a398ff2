"""Audio bytes in any format a backend returns → a pydub segment, and back to WAV bytes.

pydub needs ffmpeg for mp3, which a trainee cannot be asked to install; SDL_mixer inside pygame-ce
already decodes mp3/ogg/flac, so non-WAV input goes through ``pygame.mixer.Sound`` and WAV stays pure
Python. Everything downstream works on 16-bit mono at ``RATE``: small files, and the telephone band and
speech fit well inside it.
"""

from __future__ import annotations

import io
import os
import threading
import warnings
import wave
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported where it is used: keeps it out of the game's start-up
    import numpy as np

with warnings.catch_warnings():
    # pydub warns at import when ffmpeg is absent; we never ask it to run ffmpeg.
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment

RATE = 22050
_MIXER_LOCK = threading.Lock()


class DecodeError(Exception):
    """The bytes are not audio we can read (empty, truncated, or an unknown format)."""


def is_wav(data: bytes) -> bool:
    return len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WAVE"


def decode(data: bytes) -> AudioSegment:
    """Any audio bytes → mono 16-bit ``RATE`` Hz segment; raises ``DecodeError`` on junk."""
    if not data:
        raise DecodeError("empty audio")
    seg = _decode_wav(data) if is_wav(data) else _decode_with_sdl(data)
    if len(seg) == 0:
        raise DecodeError("audio has no samples")
    return seg.set_channels(1).set_sample_width(2).set_frame_rate(RATE)


def _decode_wav(data: bytes) -> AudioSegment:
    """The standard library reads PCM WAV; pydub's reader would fall back to ffprobe on a bad header."""
    try:
        with wave.open(io.BytesIO(data)) as w:
            params = w.getparams()
            pcm = w.readframes(params.nframes)
    except (wave.Error, EOFError, ValueError) as exc:
        raise DecodeError(f"broken WAV: {exc}") from exc
    frame_bytes = params.sampwidth * params.nchannels
    if not frame_bytes or len(pcm) < frame_bytes:
        raise DecodeError("WAV has no samples")
    pcm = pcm[: len(pcm) - len(pcm) % frame_bytes]
    return AudioSegment(
        data=pcm, sample_width=params.sampwidth, frame_rate=params.framerate, channels=params.nchannels
    )


def _decode_with_sdl(data: bytes) -> AudioSegment:
    import numpy as np
    import pygame

    with _MIXER_LOCK:
        _ensure_mixer(pygame)
        freq, size, channels = pygame.mixer.get_init()
        try:
            raw = pygame.mixer.Sound(file=io.BytesIO(data)).get_raw()
        except pygame.error as exc:
            raise DecodeError(f"SDL cannot decode: {exc}") from exc
    if size == 32:  # float mixer
        pcm = (np.clip(np.frombuffer(raw, dtype=np.float32), -1, 1) * 32767).astype(np.int16).tobytes()
    elif size == -16:
        pcm = raw
    else:
        raise DecodeError(f"unsupported mixer sample format {size}")
    return AudioSegment(data=pcm, sample_width=2, frame_rate=freq, channels=channels)


def _ensure_mixer(pygame) -> None:
    """Decoding needs an initialised mixer; a machine with no sound card still decodes via 'dummy'."""
    if pygame.mixer.get_init():
        return
    try:
        pygame.mixer.init(frequency=RATE, size=-16, channels=1)
        return
    except pygame.error:
        pass
    previous = os.environ.get("SDL_AUDIODRIVER")
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    try:
        pygame.mixer.init(frequency=RATE, size=-16, channels=1)
    except pygame.error as exc:
        raise DecodeError(f"no audio decoder available: {exc}") from exc
    finally:
        if previous is None:
            os.environ.pop("SDL_AUDIODRIVER", None)
        else:
            os.environ["SDL_AUDIODRIVER"] = previous


def to_wav_bytes(seg: AudioSegment) -> bytes:
    buf = io.BytesIO()
    seg.export(buf, format="wav")
    return buf.getvalue()


def samples(seg: AudioSegment) -> np.ndarray:
    """Mono float samples in [-1, 1], the form the DSP works in."""
    import numpy as np

    return np.frombuffer(seg.raw_data, dtype=np.int16).astype(np.float64) / 32768.0


def from_samples(x: np.ndarray, rate: int = RATE) -> AudioSegment:
    import numpy as np

    pcm = (np.clip(x, -1.0, 32767 / 32768) * 32768.0).astype(np.int16)
    return AudioSegment(data=pcm.tobytes(), sample_width=2, frame_rate=rate, channels=1)
