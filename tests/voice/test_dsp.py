import numpy as np

from game.voice import dsp
from game.voice.audio import RATE
from tests.voice.voice_metrics import band_share_db


def tone(freq: float, seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return 0.5 * np.sin(2 * np.pi * freq * t)


def dominant_hz(x: np.ndarray) -> float:
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / RATE)[np.argmax(spec)])


def test_band_pass_removes_what_a_phone_cannot_carry():
    noise = np.random.default_rng(1).normal(0, 0.1, RATE * 2)
    out = dsp.band_pass(noise, RATE, 300, 3400)
    assert band_share_db(noise, 4000) > -3  # white noise: about half its energy above 4 kHz
    assert band_share_db(out, 4000) < -60
    assert band_share_db(out, 0, 250) < -40
    assert band_share_db(out, 500, 3000) > -1.5  # 500-3000 is ~80% of the pass band: -0.9 dB


def test_time_stretch_changes_pace_not_pitch():
    x = tone(440, 2.0)
    for tempo in (0.8, 1.25):
        y = dsp.time_stretch(x, RATE, tempo)
        assert abs(len(y) / len(x) - 1 / tempo) < 0.03
        assert abs(dominant_hz(y) - 440) < 5


def test_resample_moves_pitch():
    y = dsp.resample(tone(440, 1.0), 2 ** (-2 / 12))  # two semitones up
    assert abs(dominant_hz(y) - 440 * 2 ** (2 / 12)) < 5


def test_active_level_ignores_pauses():
    speech = tone(300, 1.0)
    with_pause = np.concatenate([speech, np.zeros(RATE * 3), speech])
    assert abs(dsp.active_level_db(with_pause, RATE) - dsp.active_level_db(speech, RATE)) < 0.5


def test_soft_limit_keeps_peaks_in_range_and_quiet_samples_untouched():
    x = np.array([0.1, -0.5, 0.95, -1.4, 3.0])
    y = dsp.soft_limit(x)
    assert np.all(np.abs(y) <= 1.0)
    assert np.allclose(y[:2], x[:2])


def test_smooth_limit_caps_peaks_without_adding_high_frequencies():
    """A 1 kHz tone far too loud: the limited tone stays under the threshold, and unlike a waveshaper the
    limiter adds almost nothing above 4 kHz (the phone band's edge)."""
    rate = 22050
    t = np.arange(rate) / rate
    x = 1.6 * np.sin(2 * np.pi * 1000 * t) * np.hanning(rate)  # swells from silence to 1.6 and back

    def above_4k_db(y):
        spec = np.abs(np.fft.rfft(y)) ** 2
        f = np.fft.rfftfreq(len(y), 1 / rate)
        return 10 * np.log10(spec[f >= 4000].sum() / spec.sum())

    smooth = dsp.smooth_limit(x, rate)
    assert np.abs(smooth).max() <= 0.89 + 1e-9
    assert np.abs(smooth[:2000] - x[:2000]).max() < 1e-12  # quiet parts untouched
    assert above_4k_db(smooth) < -60
    assert above_4k_db(dsp.soft_limit(x)) > above_4k_db(smooth) + 20  # what r1's limiter did


def test_running_min_matches_the_definition():
    x = np.random.default_rng(1).random(1001)
    for w in (1, 4, 111):
        expected = [x[i : i + w].min() for i in range(len(x) - w + 1)]
        assert np.array_equal(dsp._running_min(x, w), expected)


def test_the_coarse_to_fine_lag_search_matches_a_full_search_on_speech():
    """WSOLA's alignment: on real speech, the fast search finds a match as good as trying every lag."""
    from game.voice.audio import decode, samples
    from game.voice.backends.espeak import EspeakBackend
    from game.voice.profile import VoiceProfile

    x = samples(decode(EspeakBackend().synthesize("안녕하세요, 무엇을 도와드릴까요?", VoiceProfile()).data))
    frame, seek = 661, 176
    worse = 0
    for start in range(2000, len(x) - 3000, 997):
        region, natural = x[start : start + frame + 2 * seek], x[start + 300 : start + 300 + frame]
        full = np.correlate(region, natural, mode="valid")
        lag = dsp._best_lag(region, natural)
        worse += full[lag] < 0.95 * full.max()
    assert worse <= 1
