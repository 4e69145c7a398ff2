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


def median_f0(x: np.ndarray, low: float = 70.0, high: float = 500.0) -> float:
    """Median fundamental frequency (Hz) of the voiced 40 ms frames, by autocorrelation."""
    frame, hop = int(0.04 * RATE), int(0.02 * RATE)
    levels = dsp.frame_levels_db(x, RATE, 0.04)
    loud = levels.max() - 20
    f0s = []
    for i in range(0, len(x) - frame, hop):
        seg = x[i : i + frame]
        if 20 * np.log10(max(float(np.sqrt(np.mean(seg**2))), 1e-9)) < loud:
            continue
        seg = seg - seg.mean()
        ac = np.correlate(seg, seg, mode="full")[frame - 1 :]
        lo, hi = int(RATE / high), int(RATE / low)
        lag = lo + int(np.argmax(ac[lo:hi]))
        if ac[lag] > 0.3 * ac[0]:
            f0s.append(RATE / lag)
    return float(np.median(f0s)) if f0s else 0.0
