"""The pydub recipe that turns a backend's raw voice into the customer in this scene.

Why each step (in this order): the telephone band makes a phone scene sound like a phone (the trainee judges a caller
by voice alone); pace and pitch by customer type and level and pace by mood let the trainee *hear* a
hurried or angry customer before reading the subtitle; loudness is normalised on the active speech so a
gTTS line and an espeak line, a long line and a short one, sit at the same level, and only the
intended mood offset remains; leading silence is trimmed so the voice starts with the subtitle.

``RECIPE_VERSION`` is part of every cache key: change any number here and bump it, and old audio is
rebuilt instead of played.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from game.voice import dsp
from game.voice.audio import RATE, from_samples, samples
from game.voice.profile import VoiceProfile

with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment
    from pydub.silence import detect_leading_silence

RECIPE_VERSION = "r3"  # r2: the phone band runs last, after the limiter; r3: a faster WSOLA search

PHONE_BAND = (300.0, 3400.0)
TARGET_DB = -22.0  # active speech level of a calm line, dBFS; leaves room for +6 dB of anger
KEEP_LEADING_MS = 30  # a hard cut into the first consonant clicks
FADE_S = 0.005
PEAK_CEILING = 0.97  # below full scale: the band filter's ringing must never reach the 16-bit clip  # ramps at both ends: a cut sample is a click, and a click is broadband noise

# (tempo, semitones, gain dB) — multiplied/added together, then clamped.
BY_TYPE: dict[str, tuple[float, float, float]] = {
    "ordinary": (1.00, 0.0, 0.0),
    "hurried": (1.15, 0.5, 1.0),
    "fault_finding": (0.97, 0.0, 1.0),
    "arrogant": (0.93, -1.0, 1.0),
    "cheerful": (1.04, 1.5, 1.0),
    "quiet": (0.88, -0.5, -5.0),
    "suspicious": (0.94, -0.5, 0.0),
    "with_children": (1.06, 0.5, 0.0),
    "abusive": (1.05, -0.5, 3.0),
}
BY_EMOTION: dict[str, tuple[float, float, float]] = {
    "delighted": (1.04, 1.5, 1.5),
    "pleased": (1.00, 0.5, 0.5),
    "calm": (1.00, 0.0, 0.0),
    "impatient": (1.10, 0.5, 1.5),
    "annoyed": (1.04, 0.0, 3.0),
    "angry": (1.10, 1.0, 6.0),
    "sad": (0.92, -1.0, -3.0),
    "confused": (0.96, 0.5, 0.0),
}
BY_SPEED = {"slow": 0.9, "normal": 1.0, "fast": 1.12}
BY_PITCH = {"low": -2.0, "normal": 0.0, "high": 2.0}
TEMPO_RANGE = (0.8, 1.3)
SEMITONE_RANGE = (-4.0, 4.0)
GAIN_RANGE = (-8.0, 7.0)


@dataclass(frozen=True)
class ShapeParams:
    tempo: float = 1.0
    semitones: float = 0.0
    gain_db: float = 0.0
    phone: bool = False

    @classmethod
    def for_profile(cls, profile: VoiceProfile) -> ShapeParams:
        """Unknown types or moods shape as ordinary/calm: the validator reports them, play goes on."""
        t_tempo, t_semi, t_gain = BY_TYPE.get(profile.customer_type, BY_TYPE["ordinary"])
        e_tempo, e_semi, e_gain = BY_EMOTION.get(profile.emotion, BY_EMOTION["calm"])
        tempo = t_tempo * e_tempo * BY_SPEED.get(profile.speed, 1.0)
        semis = t_semi + e_semi + BY_PITCH.get(profile.pitch, 0.0)
        return cls(
            tempo=round(_clamp(tempo, TEMPO_RANGE), 3),
            semitones=round(_clamp(semis, SEMITONE_RANGE), 2),
            gain_db=round(_clamp(t_gain + e_gain, GAIN_RANGE), 2),
            phone=profile.channel == "phone" and profile.speaker == "customer",
        )


def shape(seg: AudioSegment, params: ShapeParams) -> AudioSegment:
    """Raw voice → shaped mono WAV-ready segment at ``RATE``. Pure: the input is not changed."""
    seg = seg.set_channels(1).set_sample_width(2).set_frame_rate(RATE)
    seg = _trim_leading(seg)
    x = samples(seg)
    if params.semitones:
        # Resampling moves pitch and pace together; the stretch below then sets the pace alone.
        factor = 2.0 ** (-params.semitones / 12.0)
        x = dsp.resample(x, factor)
        x = dsp.time_stretch(x, RATE, params.tempo * factor)
    else:
        x = dsp.time_stretch(x, RATE, params.tempo)
    if params.phone:
        x = dsp.band_pass(x, RATE, *PHONE_BAND)  # so the level is set on what the trainee will hear
    level = dsp.active_level_db(x, RATE)
    if level > -100:
        x = x * 10 ** ((TARGET_DB + params.gain_db - level) / 20.0)
    x = dsp.fade_edges(dsp.smooth_limit(x, RATE), RATE, FADE_S)
    if params.phone:
        # Last: anything after the band filter may add energy outside it (r1's waveshaping limiter ran
        # after it and left angry phone lines only ~20 dB down above 4 kHz).
        x = dsp.band_pass(x, RATE, *PHONE_BAND)
        peak = float(abs(x).max()) if len(x) else 0.0
        if peak > PEAK_CEILING:
            x = x * (PEAK_CEILING / peak)  # plain gain: clipping would bring the harmonics back
    return from_samples(x)


def _trim_leading(seg: AudioSegment) -> AudioSegment:
    if seg.max_dBFS == float("-inf"):
        return seg
    start = detect_leading_silence(seg, silence_threshold=seg.max_dBFS - 40, chunk_size=5)
    return seg[max(0, start - KEEP_LEADING_MS) :]


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    return max(bounds[0], min(bounds[1], value))
