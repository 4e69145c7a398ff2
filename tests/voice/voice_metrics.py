"""Measurements the voice tests assert on: real numbers from real audio, not file sizes."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from game.voice import dsp
from game.voice.audio import RATE, decode, samples


def load(path: Path | bytes) -> np.ndarray:
    data = path if isinstance(path, bytes) else Path(path).read_bytes()
    return samples(decode(data))


def band_share_db(x: np.ndarray, low: float, high: float = RATE / 2) -> float:
    """Energy in [low, high) Hz as a share of all energy, in dB."""
    spec = np.abs(np.fft.rfft(x)) ** 2
    f = np.fft.rfftfreq(len(x), 1 / RATE)
    band = spec[(f >= low) & (f < high)].sum()
    return float(10 * np.log10(max(band, 1e-20) / spec.sum()))


def level_db(x: np.ndarray) -> float:
    return dsp.active_level_db(x, RATE)


def duration(x: np.ndarray) -> float:
    return len(x) / RATE


def onset_s(x: np.ndarray, below_peak_db: float = 30.0) -> float:
    """Time of the first 10 ms frame within ``below_peak_db`` of the loudest frame."""
    levels = dsp.frame_levels_db(x, RATE, 0.01)
    return float(np.nonzero(levels > levels.max() - below_peak_db)[0][0] * 0.01)
