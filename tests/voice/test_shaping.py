"""The recipe measured on real offline speech: the numbers docs/voices.md promises."""

import numpy as np
import pytest

from game.voice.audio import decode, from_samples, samples
from game.voice.backends.espeak import EspeakBackend
from game.voice.profile import VoiceProfile
from game.voice.shaping import TARGET_DB, ShapeParams, shape
from tests.voice.voice_metrics import band_share_db, duration, level_db, onset_s

PHONE_ATTENUATION_DB = 40  # energy above 4 kHz, phone line against the same line unshaped
# ...or this far below the line's own energy: a line that had little above 4 kHz to begin with (a
# short "네." is 35 dB down unshaped) cannot lose 40 dB more — past -70 dB what is measured is the
# filter's edges on a 0.3 s line, not speech (CI saw -73.4 on one such line, this machine -77.7).
PHONE_FLOOR_DB = -70


def phone_band_ok(phone: np.ndarray, unshaped: np.ndarray) -> bool:
    """Energy above 4 kHz: at least 40 dB below the unshaped line, or 70 dB below the line's energy;
    and in every case 40 dB below it (the issue's measure of a phone line)."""
    share = band_share_db(phone, 4000)
    return share < -PHONE_ATTENUATION_DB and share < max(
        band_share_db(unshaped, 4000) - PHONE_ATTENUATION_DB, PHONE_FLOOR_DB
    )


ANGRY_OVER_CALM_DB = 5  # designed +6 dB
LOUDNESS_WINDOW_DB = 1.0  # every calm ordinary line within ±1 dB of TARGET_DB, whatever its source

TEXTS = ["네.", "알겠어요. 기다릴게요.", "주문한 지 일주일이 넘었는데 아직도 안 왔어요! 어떻게 된 거예요?"]


@pytest.fixture(scope="module")
def raw_lines() -> dict[tuple[str, str], bytes]:
    backend = EspeakBackend()
    return {
        (text, gender): backend.synthesize(text, VoiceProfile(gender=gender)).data
        for text in TEXTS
        for gender in ("female", "male")
    }


def shaped(raw: bytes, **profile) -> np.ndarray:
    return samples(shape(decode(raw), ShapeParams.for_profile(VoiceProfile(**profile))))


def test_phone_band_cuts_energy_above_4khz(raw_lines):
    for raw in raw_lines.values():
        unshaped = samples(decode(raw))
        phone = shaped(raw, channel="phone")
        assert phone_band_ok(phone, unshaped)
        assert band_share_db(phone, 0, 250) < -30  # and the low rumble a phone line drops


def test_face_to_face_keeps_the_full_band(raw_lines):
    raw = raw_lines[(TEXTS[2], "female")]
    assert abs(band_share_db(shaped(raw), 4000) - band_share_db(samples(decode(raw)), 4000)) < 1.5


def test_a_narrator_is_never_on_the_phone(raw_lines):
    assert not ShapeParams.for_profile(VoiceProfile(speaker="narrator", channel="phone")).phone


def test_angry_is_louder_and_faster_than_calm(raw_lines):
    raw = raw_lines[(TEXTS[2], "male")]
    calm, angry = shaped(raw, emotion="calm"), shaped(raw, emotion="angry")
    assert level_db(angry) - level_db(calm) >= ANGRY_OVER_CALM_DB
    assert duration(angry) < duration(calm) * 0.95


def test_customer_types_set_pace_and_level(raw_lines):
    raw = raw_lines[(TEXTS[2], "female")]
    ordinary, hurried, quiet = (shaped(raw, customer_type=t) for t in ("ordinary", "hurried", "quiet"))
    assert duration(hurried) < duration(ordinary) * 0.92
    assert duration(quiet) > duration(ordinary) * 1.08
    assert level_db(quiet) < level_db(ordinary) - 3  # soft and slow


def test_loudness_is_normalised_across_lines_voices_and_input_levels(raw_lines):
    levels = []
    for raw in raw_lines.values():
        for input_gain_db in (-20, 0):  # a whisper-quiet source and a loud one
            seg = decode(raw).apply_gain(input_gain_db)
            levels.append(level_db(samples(shape(seg, ShapeParams()))))
    assert max(abs(level - TARGET_DB) for level in levels) <= LOUDNESS_WINDOW_DB


def test_leading_silence_is_trimmed(raw_lines):
    x = samples(decode(raw_lines[(TEXTS[1], "female")]))
    padded = from_samples(np.concatenate([np.zeros(22050), x]))
    assert onset_s(samples(padded)) >= 1.0
    assert onset_s(samples(shape(padded, ShapeParams()))) < 0.06


def test_unknown_type_and_mood_shape_as_ordinary_calm():
    assert ShapeParams.for_profile(VoiceProfile(customer_type="alien", emotion="bored")) == ShapeParams()


def test_extremes_are_clamped():
    params = ShapeParams.for_profile(
        VoiceProfile(customer_type="hurried", emotion="angry", speed="fast", pitch="high")
    )
    assert params.tempo <= 1.3 and params.semitones <= 4 and params.gain_db <= 7


def test_every_angry_phone_line_of_the_library_is_40_db_down_above_4khz():
    """The lines r1 failed on (the limiter ran after the band filter): all angry phone customer lines."""
    from game.scenario.library import load_library
    from game.voice.text import for_backend, part_lines

    backend = EspeakBackend()
    angry = [
        part
        for scenario in load_library().scenarios
        for line in scenario.spoken_lines()
        if line.channel == "phone" and line.speaker == "customer" and line.emotion == "angry"
        for part in part_lines(line)
    ]
    assert len(angry) >= 23
    for part in angry:
        profile = VoiceProfile.for_line(part)
        raw = decode(backend.synthesize(for_backend(part.text, "espeak"), profile).data)
        phone = samples(shape(raw, ShapeParams.for_profile(profile)))
        assert phone_band_ok(phone, samples(raw)), part.line_id
        assert np.abs(phone).max() < 1.0  # nothing clipped (a clip would bring the harmonics back)
