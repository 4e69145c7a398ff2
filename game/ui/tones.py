"""The game's sound effects as sample arrays, synthesised at start-up: nothing is downloaded or shipped.

The desk phone rings with the North American / Korean dual tone, 440 Hz + 480 Hz summed at equal
level. The cadence is 2 s of tone and 4 s of silence (the North American ringing cadence; Korea's
ring-back tone uses the same pair of frequencies, 1 s on and 2 s off, so it sounds familiar to a
Korean ear while leaving time to read the caller card). One cycle is 6 s and is looped while the
phone rings. The choice click is a 35 ms 1.6 kHz burst with a fast exponential decay: soft, short, and
clearly not a voice.

Everything here is pure numpy, returning mono float arrays in [-1, 1]; ``to_mixer_bytes`` converts
them into whatever format the mixer was opened with.
"""

from __future__ import annotations

import numpy as np

RING_HZ = (440.0, 480.0)
RING_ON = 2.0  # seconds of tone per cycle
RING_OFF = 4.0  # seconds of silence per cycle
RING_LEVEL = 0.35  # peak of the two tones summed
CLICK_HZ = 1600.0
CLICK_SECONDS = 0.035
CLICK_LEVEL = 0.25
FADE_SECONDS = 0.01  # the ring's edges are ramped so it starts and stops without a pop
CLICK_FADE_SECONDS = 0.001  # the click needs its attack: a 1 ms ramp only


def ring_cycle(rate: int) -> np.ndarray:
    """One ring cycle (tone, then silence) at ``rate`` samples per second."""
    on = round(RING_ON * rate)
    t = np.arange(on) / rate
    tone = sum(np.sin(2 * np.pi * hz * t) for hz in RING_HZ) / len(RING_HZ)
    tone *= RING_LEVEL * _edges(on, round(FADE_SECONDS * rate))
    return np.concatenate([tone, np.zeros(round(RING_OFF * rate))])


def click(rate: int) -> np.ndarray:
    n = round(CLICK_SECONDS * rate)
    t = np.arange(n) / rate
    envelope = np.exp(-t / (CLICK_SECONDS / 5))
    edges = _edges(n, round(CLICK_FADE_SECONDS * rate))
    return CLICK_LEVEL * envelope * np.sin(2 * np.pi * CLICK_HZ * t) * edges


def _edges(n: int, ramp: int) -> np.ndarray:
    ramp = min(n // 2, ramp)
    envelope = np.ones(n)
    if ramp:
        envelope[:ramp] = np.linspace(0.0, 1.0, ramp)
        envelope[n - ramp :] = np.linspace(1.0, 0.0, ramp)
    return envelope


def to_mixer_bytes(samples: np.ndarray, size: int, channels: int) -> bytes:
    """Mono float samples as the mixer's raw format: ``size`` as ``pygame.mixer.get_init()`` reports it
    (8/-8/16/-16/32 bits, negative for signed; 32 is float), interleaved over ``channels``."""
    samples = np.clip(samples, -1.0, 1.0)
    if size == 32:
        data = samples.astype(np.float32)
    elif size == -32:
        data = (samples * 2147483647).astype(np.int32)
    elif size == -16:
        data = (samples * 32767).astype(np.int16)
    elif size == 16:
        data = ((samples + 1.0) * 32767.5).astype(np.uint16)
    elif size == -8:
        data = (samples * 127).astype(np.int8)
    elif size == 8:
        data = ((samples + 1.0) * 127.5).astype(np.uint8)
    else:
        raise ValueError(f"unsupported mixer sample size {size}")
    return np.repeat(data, channels).tobytes()
