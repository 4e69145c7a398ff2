"""Decoding without ffmpeg: WAV in pure Python, mp3 through SDL_mixer."""

from pathlib import Path

import pygame
import pytest

from game.voice.audio import RATE, DecodeError, decode, to_wav_bytes

PYGAME_MP3 = Path(pygame.__file__).parent / "examples" / "data" / "house_lo.mp3"


@pytest.mark.skipif(not PYGAME_MP3.exists(), reason="pygame-ce example data not installed")
def test_mp3_decodes_without_ffmpeg():
    seg = decode(PYGAME_MP3.read_bytes())
    assert (seg.frame_rate, seg.channels, seg.sample_width) == (RATE, 1, 2)
    assert 7.0 < seg.duration_seconds < 7.5  # the file is 7.26 s long
    assert seg.dBFS > -40


@pytest.mark.skipif(not PYGAME_MP3.exists(), reason="pygame-ce example data not installed")
def test_wav_round_trip():
    seg = decode((PYGAME_MP3.parent / "house_lo.wav").read_bytes())
    again = decode(to_wav_bytes(seg))
    assert again.raw_data == seg.raw_data


@pytest.mark.parametrize("junk", [b"", b"RIFF\x00\x00\x00\x00WAVE", b"not audio at all" * 50])
def test_junk_is_a_decode_error(junk):
    with pytest.raises(DecodeError):
        decode(junk)
