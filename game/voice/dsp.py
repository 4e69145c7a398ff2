"""The few signal operations shaping needs, in numpy, because pydub's own are too slow or too crude.

pydub's filters are one-pole pure-Python loops (6 dB/octave, ~0.2 s per clip) and its ``speedup`` is
choppy; an FFT band-pass and a WSOLA time stretch cost a few milliseconds per line and sound clean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported where it is used: keeps it out of the game's start-up
    import numpy as np


def band_pass(x: np.ndarray, rate: int, low: float, high: float, taper: float = 0.15) -> np.ndarray:
    """Zero-phase band-pass with raised-cosine edges (``taper`` = edge width as a share of the corner).

    A whole-clip FFT is fine here: lines are seconds long and processed offline, never streamed.
    """
    import numpy as np

    if len(x) == 0:
        return x
    n = _fast_length(len(x) + int(0.1 * rate))  # 0.1 s of zeros: the filter's ringing must not wrap around
    spec = np.fft.rfft(x, n)
    f = np.fft.rfftfreq(n, 1.0 / rate)
    gain = np.ones_like(f)
    lo_edge = low * (1 - taper)
    hi_edge = high * (1 + taper)
    gain[f <= lo_edge] = 0.0
    rise = (f > lo_edge) & (f < low)
    gain[rise] = 0.5 - 0.5 * np.cos(np.pi * (f[rise] - lo_edge) / (low - lo_edge))
    fall = (f > high) & (f < hi_edge)
    gain[fall] = 0.5 + 0.5 * np.cos(np.pi * (f[fall] - high) / (hi_edge - high))
    gain[f >= hi_edge] = 0.0
    return np.fft.irfft(spec * gain, n)[: len(x)]


def _fast_length(n: int) -> int:
    """The smallest 2^a·3^b·5^c ≥ n: an FFT size as fast as a power of two, up to ~2x shorter."""
    best = 1 << (n - 1).bit_length()
    p5 = 1
    while p5 < best:
        p35 = p5
        while p35 < best:
            m = p35
            while m < n:
                m *= 2
            best = min(best, m)
            p35 *= 3
        p5 *= 5
    return best


def resample(x: np.ndarray, factor: float) -> np.ndarray:
    """Length × ``factor`` by linear interpolation; played at the same rate, pitch moves by 1/factor."""
    import numpy as np

    if len(x) < 2 or abs(factor - 1.0) < 1e-6:
        return x
    n_out = max(2, round(len(x) * factor))
    return np.interp(np.linspace(0, len(x) - 1, n_out), np.arange(len(x)), x)


def time_stretch(x: np.ndarray, rate: int, tempo: float) -> np.ndarray:
    """Change pace without changing pitch (WSOLA: overlap-add, each frame aligned by correlation).

    ``tempo`` > 1 is faster. Speech at 0.8-1.3 stays natural; beyond that a real vocoder would be needed.
    """
    import numpy as np

    if abs(tempo - 1.0) < 1e-3:
        return x
    frame = int(0.030 * rate)
    hop_out = frame // 2
    hop_in = hop_out * tempo
    seek = int(0.008 * rate)
    if len(x) < 2 * frame + seek:
        return resample(x, 1.0 / tempo)
    window = np.hanning(frame)
    n_frames = int((len(x) - frame - seek) / hop_in)
    out = np.zeros(n_frames * hop_out + frame)
    norm = np.zeros_like(out)
    padded = np.concatenate([x, np.zeros(2 * frame + 2 * seek)])
    pos = 0
    for i in range(n_frames):
        if i:
            # The frame that would naturally follow the last one copied; find its best match near
            # where the new tempo says we should be.
            natural = padded[pos + hop_out : pos + hop_out + frame]
            start = max(0, int(i * hop_in) - seek)
            pos = start + _best_lag(padded[start : start + frame + 2 * seek], natural)
        o = i * hop_out
        out[o : o + frame] += padded[pos : pos + frame] * window
        norm[o : o + frame] += window
    norm[norm < 1e-3] = 1.0
    return out / norm


def _best_lag(region: np.ndarray, natural: np.ndarray, step: int = 4) -> int:
    """Where ``natural`` matches ``region`` best: every ``step``-th lag on every ``step``-th sample first,
    then each lag around the winner — ~10x less work than trying every lag in full, same pick in speech
    (whose period is many samples long)."""
    import numpy as np

    coarse = np.correlate(region[::step], natural[::step], mode="valid")
    best = int(np.argmax(coarse)) * step
    lo = max(0, best - step)
    hi = min(len(region) - len(natural), best + step)
    fine = np.correlate(region[lo : hi + len(natural)], natural, mode="valid")
    return lo + int(np.argmax(fine))


def frame_levels_db(x: np.ndarray, rate: int, frame_s: float = 0.02) -> np.ndarray:
    """RMS level per frame in dBFS (full-scale sine = -3 dB)."""
    import numpy as np

    frame = max(1, int(frame_s * rate))
    n = len(x) // frame
    if n == 0:
        return np.array([-120.0])
    frames = x[: n * frame].reshape(n, frame)
    rms = np.sqrt(np.mean(frames**2, axis=1))
    return 20 * np.log10(np.maximum(rms, 1e-6))


def active_level_db(x: np.ndarray, rate: int, gate_db: float = 20.0) -> float:
    """Loudness of the speech itself: energy of frames within ``gate_db`` of the loudest ones.

    Whole-file RMS would call a line with long pauses quiet; gating on active frames (the idea of
    ITU-T P.56) keeps normalisation about how loud the voice is, not how much it pauses.
    """
    import numpy as np

    levels = frame_levels_db(x, rate)
    top = np.percentile(levels, 95)
    active = levels[levels > top - gate_db]
    if len(active) == 0:
        return -120.0
    return float(10 * np.log10(np.mean(10 ** (active / 10))))


def soft_limit(x: np.ndarray, threshold: float = 0.89) -> np.ndarray:
    """Round off the rare peaks above ``threshold`` instead of turning the whole line down."""
    import numpy as np

    y = x.copy()
    over = np.abs(y) > threshold
    headroom = 1.0 - threshold
    y[over] = np.sign(y[over]) * (threshold + headroom * np.tanh((np.abs(y[over]) - threshold) / headroom))
    return y


def smooth_limit(x: np.ndarray, rate: int, threshold: float = 0.89, window_s: float = 0.005) -> np.ndarray:
    """Turn the loudest moments down with a gain that moves smoothly (over ``window_s``), never above
    ``threshold``.

    A waveshaper (``soft_limit``) rounds each peak off and so adds harmonics right up to the Nyquist
    frequency; a slowly moving gain only adds sidebands as wide as its own movement (~200 Hz), so what
    comes out keeps the spectrum that went in — a phone line stays inside its band.
    """
    import numpy as np

    peak = np.abs(x)
    if len(x) == 0 or peak.max() <= threshold:
        return x
    need = np.minimum(1.0, threshold / np.maximum(peak, 1e-9))
    w = max(1, int(window_s * rate)) | 1  # odd, so the windows centre on each sample
    half = w // 2
    floor = _running_min(np.pad(need, half, mode="edge"), w)  # the least gain within half a window
    # Averaging minima over windows that all contain sample n stays at or below need[n].
    padded = np.pad(floor, half, mode="edge")
    sums = np.concatenate([[0.0], np.cumsum(padded)])
    gain = (sums[w:] - sums[:-w]) / w
    return x * gain


def _running_min(x: np.ndarray, w: int) -> np.ndarray:
    """min(x[i : i + w]) for every full window, in O(n) (van Herk / Gil-Werman: block prefix and suffix
    minima), so a limiter costs milliseconds per line, not a window's worth of work per sample."""
    import numpy as np

    n = len(x)
    blocks = -(-n // w)
    padded = np.full(blocks * w, np.inf)
    padded[:n] = x
    rows = padded.reshape(blocks, w)
    prefix = np.minimum.accumulate(rows, axis=1).ravel()
    suffix = np.minimum.accumulate(rows[:, ::-1], axis=1)[:, ::-1].ravel()
    return np.minimum(suffix[: n - w + 1], prefix[w - 1 : n])


def fade_edges(x: np.ndarray, rate: int, seconds: float) -> np.ndarray:
    import numpy as np

    n = min(len(x) // 2, int(seconds * rate))
    if n == 0:
        return x
    ramp = np.linspace(0.0, 1.0, n)
    y = x.copy()
    y[:n] *= ramp
    y[len(y) - n :] *= ramp[::-1]
    return y
