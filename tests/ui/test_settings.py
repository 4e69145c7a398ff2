from game.ui.settings import FONT_SCALES, Settings, step_choice


def test_round_trip_through_a_dict():
    s = Settings(master_volume=0.5, language="en", high_contrast=True, font_scale=1.3)
    assert Settings.from_dict(s.to_dict()) == s


def test_bad_values_from_a_save_file_are_clamped_or_ignored():
    s = Settings.from_dict(
        {"master_volume": 7, "voice_volume": "loud", "language": "fr", "font_scale": 9.0, "subtitles": "yes"}
    )
    assert s.master_volume == 1.0
    assert s.voice_volume == Settings().voice_volume
    assert s.language == "ko"
    assert s.font_scale == max(FONT_SCALES)
    assert s.subtitles is True
    assert Settings.from_dict(None) == Settings()


def test_levels_combine_master_and_channel():
    s = Settings(master_volume=0.5, voice_volume=0.8, effects_volume=0.2)
    assert s.voice_level == 0.4 and abs(s.effects_level - 0.1) < 1e-9


def test_step_choice_stops_at_the_ends():
    assert step_choice((1, 2, 3), 3, +1) == 3
    assert step_choice((1, 2, 3), 1, -1) == 1
    assert step_choice((1, 2, 3), 2, +1) == 3
