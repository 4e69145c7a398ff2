"""The offline voice really speaks Korean: measured on the audio it returns."""

import pytest

from game.voice.backends import BackendError
from game.voice.backends.espeak import EspeakBackend
from game.voice.profile import VoiceProfile
from tests.voice.voice_metrics import band_share_db, duration, level_db, load

# Conversational Korean runs at about 4-7 syllables a second; allow a wide but telling window.
SYLLABLES_PER_SECOND = (2.5, 9.0)


def syllables(text: str) -> int:
    return sum("가" <= ch <= "힣" for ch in text)


@pytest.mark.parametrize(
    "text",
    ["네.", "알겠어요. 기다릴게요.", "주문한 지 일주일이 넘었는데 아직도 안 왔어요! 어떻게 된 거예요?"],
)
@pytest.mark.parametrize("gender", ["female", "male"])
def test_korean_speech_of_plausible_duration(text, gender):
    audio = EspeakBackend().synthesize(text, VoiceProfile(gender=gender))
    assert audio.ext == "wav"
    x = load(audio.data)
    rate = syllables(text) / duration(x)
    assert SYLLABLES_PER_SECOND[0] < rate < SYLLABLES_PER_SECOND[1], (text, duration(x))
    assert level_db(x) > -30  # audible speech, not silence
    assert band_share_db(x, 100, 4000) > -3  # most energy where speech lives


def test_male_and_female_voices_differ():
    text = "알겠어요. 기다릴게요."
    female = EspeakBackend().synthesize(text, VoiceProfile(gender="female")).data
    male = EspeakBackend().synthesize(text, VoiceProfile(gender="male")).data
    assert female != male
    assert EspeakBackend().token(VoiceProfile(gender="male")) == "ko+m3"


def test_unknown_language_is_an_error_value_not_a_crash():
    with pytest.raises(BackendError):
        EspeakBackend().synthesize("hello", VoiceProfile(language="xx-nope"))
