"""``eungdae voices build|status`` through argparse, as the dispatcher will call it."""

import argparse
import json
from pathlib import Path

import pytest

from game.cli import voices
from game.voice.cache import ENV_VAR
from game.voice.korean import pronounce

SCENARIO = """\
id: phone-late-delivery
title: 배송이 늦어진 고객의 전화
category: phone
customer: {name: 박정호, type: hurried, voice: {speed: fast}}
start: ring
nodes:
  ring:
    event: phone_ringing
    time_limit: 6
    choices:
      - say: 감사합니다. 한빛쇼핑 고객센터 상담원 김하늘입니다.
        effects: {speed: 2}
        next: complaint
      - say: 여보세요?
        effects: {speed: -2}
        feedback: 회사·부서·이름을 먼저 밝힙니다.
        next: complaint
  complaint:
    customer: 주문한 지 일주일이 넘었는데 아직도 안 왔어요!
    emotion: angry
    choices:
      - say: 많이 기다리셨을 텐데 정말 죄송합니다.
        mood: 2
        next: done
      - say: 택배사 사정이라 어쩔 수 없습니다.
        mood: -3
        feedback: 변명하지 않습니다.
        next: done
  done:
    customer: 네, 알겠어요.
    ending: {outcome: satisfied, resolved: true}
"""


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="eungdae")
    voices.register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


@pytest.fixture
def library(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "phone.yaml").write_text(SCENARIO, encoding="utf-8")
    return folder


def run(argv: list[str]) -> int:
    args = parse(argv)
    return args.func(args)


def test_build_then_status(library, capsys):
    assert run(["voices", "status", str(library), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    by_line = report.pop("by_line")
    assert report == {"lines": 2, "cached": 0, "missing": 2, "stale": 0, "silent": 0}
    assert [(r["state"], r["backend"]) for r in by_line] == [("missing", "espeak")] * 2
    # What espeak-ng will be given: the pronunciation, not the spelling.
    assert by_line[0]["synth_text"] == pronounce(by_line[0]["text"]) != by_line[0]["text"]

    assert run(["voices", "build", str(library), "--backend", "espeak"]) == 0
    captured = capsys.readouterr()
    assert "2/2" in captured.err and "새로 만든 것 2" in captured.out

    assert run(["voices", "build", str(library), "--backend", "espeak"]) == 0
    assert "새로 만든 것 0, 이미 있던 것 2" in capsys.readouterr().out

    assert run(["voices", "status", str(library), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(r["state"], r["backend"]) for r in report.pop("by_line")] == [("cached", "espeak")] * 2
    assert report == {"lines": 2, "cached": 2, "missing": 0, "stale": 0, "silent": 0}


def test_broken_scenario_is_reported_with_its_place(library, capsys):
    (library / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    assert run(["voices", "status", str(library)]) == 1
    assert "bad.yaml:" in capsys.readouterr().err


def test_usage_errors_exit_2():
    with pytest.raises(SystemExit) as exc:
        parse(["voices", "build", "--backend", "festival"])
    assert exc.value.code == 2
