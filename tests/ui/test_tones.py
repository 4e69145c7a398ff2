import numpy as np
import pytest

from game.ui import tones

RATE = 44100


def peaks(samples: np.ndarray, rate: int, count: int) -> list[float]:
    spectrum = np.abs(np.fft.rfft(samples))
    freqs = np.fft.rfftfreq(len(samples), 1 / rate)
    top = np.argsort(spectrum)[-count:]
    return sorted(float(freqs[i]) for i in top)


def test_ring_is_two_seconds_of_440_and_480_hz_then_four_of_silence():
    cycle = tones.ring_cycle(RATE)
    assert len(cycle) / RATE == pytest.approx(6.0)
    on, off = cycle[: 2 * RATE], cycle[2 * RATE :]
    assert np.abs(off).max() == 0.0
    assert np.abs(on[RATE // 2 : RATE]).min() < 0.05 < np.abs(on[RATE // 2 : RATE]).max()
    assert peaks(on, RATE, 2) == pytest.approx([440.0, 480.0], abs=1.0)


def test_ring_starts_and_stops_without_a_pop_and_never_clips():
    cycle = tones.ring_cycle(RATE)
    assert abs(cycle[0]) < 1e-3 and abs(cycle[2 * RATE - 1]) < 1e-3
    assert np.abs(cycle).max() <= tones.RING_LEVEL + 1e-9


def test_click_is_short_soft_and_decays():
    sound = tones.click(RATE)
    assert len(sound) / RATE < 0.05
    assert np.abs(sound).max() <= tones.CLICK_LEVEL
    half = len(sound) // 2
    assert np.abs(sound[half:]).max() < np.abs(sound[:half]).max() / 4


@pytest.mark.parametrize(
    ("size", "dtype"), [(-16, np.int16), (16, np.uint16), (32, np.float32), (-8, np.int8), (8, np.uint8)]
)
def test_mixer_bytes_match_the_mixer_format_and_interleave_channels(size, dtype):
    samples = np.array([0.0, 0.5, -0.5, 1.0])
    data = np.frombuffer(tones.to_mixer_bytes(samples, size, 2), dtype=dtype)
    assert len(data) == 8
    assert data[0] == data[1] and data[2] == data[3]
    assert data[6] > data[0] > data[4]


def test_an_unknown_mixer_format_is_refused():
    with pytest.raises(ValueError, match="unsupported"):
        tones.to_mixer_bytes(np.zeros(4), 24, 2)
