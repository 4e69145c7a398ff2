import unicodedata

from game.scenario.model import SpokenLine, Voice
from game.voice.profile import VoiceProfile, line_key, normalise_text, raw_key, text_hash
from game.voice.shaping import RECIPE_VERSION

TEXT = "어떻게 된 거예요?"


def line(**overrides) -> SpokenLine:
    fields = dict(
        line_id="s/n/customer",
        text=TEXT,
        speaker="customer",
        emotion="angry",
        channel="phone",
        customer_type="hurried",
        voice=Voice(gender="male", speed="fast", pitch="low"),
    )
    fields.update(overrides)
    return SpokenLine(**fields)


def test_nfd_and_extra_spaces_share_the_nfc_key():
    nfd = "  " + unicodedata.normalize("NFD", TEXT).replace(" ", "   ") + "\n"
    assert nfd != TEXT
    assert normalise_text(nfd) == TEXT
    assert raw_key(nfd, "ko", "espeak") == raw_key(TEXT, "ko", "espeak")
    assert text_hash(nfd) == text_hash(TEXT)


def test_every_part_of_the_sound_changes_the_key():
    profile = VoiceProfile.for_line(line())
    raw = raw_key(TEXT, "ko", "espeak", "ko+m3")
    base = line_key(raw, profile, RECIPE_VERSION)
    assert raw != raw_key(TEXT, "ko", "gtts", "tld=com")
    assert raw != raw_key(TEXT + "!", "ko", "espeak", "ko+m3")
    assert raw != raw_key(TEXT, "ko", "espeak", "ko+f3")
    assert base != line_key(raw, profile, RECIPE_VERSION + "x")
    assert base != line_key(raw, VoiceProfile.for_line(line(emotion="calm")), RECIPE_VERSION)
    assert base != line_key(raw, VoiceProfile.for_line(line(channel="face_to_face")), RECIPE_VERSION)
    # The line id is not part of the sound: the same words in two scenarios share one file.
    assert base == line_key(raw, VoiceProfile.for_line(line(line_id="other/x/customer")), RECIPE_VERSION)


def test_profile_carries_the_customer_and_the_narrator_stays_neutral():
    profile = VoiceProfile.for_line(line())
    assert (profile.customer_type, profile.emotion, profile.channel) == ("hurried", "angry", "phone")
    assert (profile.gender, profile.speed, profile.pitch) == ("male", "fast", "low")
    narrator = VoiceProfile.for_line(line(speaker="narrator"))
    assert narrator == VoiceProfile(speaker="narrator")
