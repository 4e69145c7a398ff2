"""The service on real espeak-ng audio: directions never spoken, silent lines, a second speaker's own
voice, recorded takes winning over synthesis."""

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.scenario.directions import directions
from game.scenario.library import load_library
from game.scenario.model import SecondSpeaker, Voice
from game.voice.audio import to_wav_bytes
from game.voice.backends import OFFLINE, BackendError
from game.voice.backends.espeak import EspeakBackend
from game.voice.profile import VoiceProfile
from game.voice.service import JOIN_GAP_S, VoiceService
from game.voice.shaping import TARGET_DB
from game.voice.takes import CHANGED, UNLISTED, RecordedTakes
from game.voice.text import part_lines, synth_text
from tests.voice.fakes import CountingEspeak, FakeOnline
from tests.voice.voice_metrics import band_share_db, duration, level_db, load, median_f0

PYGAME_MP3 = Path(pygame.__file__).parent / "examples" / "data" / "house_lo.mp3"


def offline(cache, takes=None):
    espeak = CountingEspeak()
    service = VoiceService(
        cache,
        online=FakeOnline(BackendError(OFFLINE, "down")),
        offline=espeak,
        takes=takes or RecordedTakes(None),
    )
    return service, espeak


def test_a_line_of_only_directions_is_silent_without_an_error(cache, scenario):
    service, espeak = offline(cache)
    line = replace(scenario.spoken_lines()[1], text="(말없이 고개만 끄덕이고 나간다)")
    assert service.prepare(line) is None
    assert espeak.calls == [] and service.errors == {} and service.notices == []
    assert service.state(line) == "silent"


def test_directions_never_reach_the_synthesiser_across_the_library(cache):
    """Every line of the built-in library that has a direction, through the service, on real audio."""
    service, espeak = offline(cache)
    lines = [line for s in load_library().scenarios for line in s.spoken_lines() if directions(line.text)]
    assert len(lines) >= 27
    for line in lines:
        service.prepare(line)
    assert service.errors == {}
    assert espeak.calls and not any(re.search(r"[()\[\]]|욕설|지직|끄덕", said) for said in espeak.calls)
    # Two lines may share a part ("네."): the cache synthesises it once, so compare the sets of texts.
    assert set(espeak.calls) == {p for line in lines for p in synth_text(line).split(" / ") if p}


def test_a_quoted_child_is_spoken_in_the_childs_voice_before_the_mother(cache, scenario):
    service, espeak = offline(cache)
    mother = replace(
        scenario.spoken_lines()[1],
        channel="face_to_face",
        emotion="calm",
        customer_type="ordinary",
        voice=Voice(gender="female"),
        text='(아이가 저금통을 내밀며 "이거 다 내 돈이에요!") 얘 이름으로 통장을 하나 만들어 주려고요.',
        second=SecondSpeaker("아이", Voice(gender="female", pitch="high", speed="fast")),
    )
    path = service.prepare(mother)
    child_part, mother_part = part_lines(mother)
    assert espeak.calls == [synth_text(child_part), synth_text(mother_part)]
    joined = load(path)
    child, mum = (load(service.find(part)) for part in (child_part, mother_part))
    # One file: the child, a pause, the mother (within 10 ms).
    assert abs(duration(joined) - (duration(child) + JOIN_GAP_S + duration(mum))) < 0.01
    f0_child, f0_mother = median_f0(joined[: len(child)]), median_f0(joined[-len(mum) :])
    assert f0_child > f0_mother * 1.08  # +2 semitones designed (12%), espeak's intonation varies
    assert service.find(mother) == path and service.state(mother) == "cached"


@pytest.fixture
def takes_dir(tmp_path):
    root = tmp_path / "recorded"
    (root / "phone-late" / "complaint").mkdir(parents=True)
    return root


def test_a_recorded_wav_take_wins_and_is_only_levelled_and_banded(cache, scenario, takes_dir):
    line = replace(scenario.spoken_lines()[1], emotion="calm", customer_type="ordinary")  # a phone line
    voice = (
        EspeakBackend().synthesize("주문한 지 일주일이 넘었어요", VoiceProfile()).data
    )  # stands for an actor
    (takes_dir / "phone-late/complaint/customer.wav").write_bytes(voice)
    (takes_dir / "manifest.json").write_text(
        json.dumps({"takes": {line.line_id: {"text": line.text}}}, ensure_ascii=False), encoding="utf-8"
    )
    service, espeak = offline(cache, RecordedTakes(takes_dir))
    path = service.prepare(line)
    assert espeak.calls == []
    played = load(path)
    assert abs(duration(played) - duration(load(voice))) < 0.1  # not re-paced (leading silence trimmed)
    assert abs(level_db(played) - TARGET_DB) < 1.0
    assert band_share_db(played, 4000) < band_share_db(load(voice), 4000) - 40  # still a phone line
    assert service.cache.manifest.get(line.line_id).backend == "recorded"
    assert RecordedTakes(takes_dir).problem(line) is None


def test_a_recorded_mp3_take_decodes_without_ffmpeg(cache, scenario, takes_dir):
    line = scenario.spoken_lines()[1]
    shutil.copy(PYGAME_MP3, takes_dir / "phone-late/complaint/customer.mp3")
    service, espeak = offline(cache, RecordedTakes(takes_dir))
    path = service.prepare(line)
    assert espeak.calls == [] and duration(load(path)) > 1.0
    assert RecordedTakes(takes_dir).problem(line).kind == UNLISTED  # played, but lint asks for its text


def test_a_take_recorded_for_another_text_is_not_played(cache, scenario, takes_dir):
    line = scenario.spoken_lines()[1]
    voice = EspeakBackend().synthesize("네", VoiceProfile()).data
    (takes_dir / "phone-late/complaint/customer.wav").write_bytes(voice)
    (takes_dir / "manifest.json").write_text(
        json.dumps({"takes": {line.line_id: {"text": "예전 문장입니다."}}}, ensure_ascii=False),
        encoding="utf-8",
    )
    service, espeak = offline(cache, RecordedTakes(takes_dir))
    path = service.prepare(line)
    assert espeak.calls == [synth_text(line)] and duration(load(path)) > 1.5
    problem = RecordedTakes(takes_dir).problem(line)
    assert problem.kind == CHANGED and problem.recorded_for == "예전 문장입니다."


def test_join_keeps_sample_rate_and_silence_between(cache, scenario):
    service, _ = offline(cache)
    a = service.cache.store_line("a" * 32, to_wav_bytes(_tone(0.5)))
    b = service.cache.store_line("b" * 32, to_wav_bytes(_tone(0.7)))
    joined = load(service._join([a, b]))
    gap = joined[int(0.52 * 22050) : int(0.78 * 22050)]
    assert abs(duration(joined) - 1.5) < 0.002 and np.abs(gap).max() == 0


def _tone(seconds):
    from game.voice.audio import from_samples

    t = np.arange(int(seconds * 22050)) / 22050
    return from_samples(0.3 * np.sin(2 * np.pi * 440 * t))
