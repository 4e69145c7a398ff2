from __future__ import annotations

import csv
import io
import json

from game.cli import main
from tests.progress.helpers import small_class


def test_report_formats_from_a_saves_folder(tmp_path, capsys):
    small_class(tmp_path / "saves")
    saves = ["--saves", str(tmp_path / "saves")]
    for fmt in ("csv", "html", "json", "xapi"):
        out = tmp_path / f"r.{fmt}"
        assert main(["report", "--all", "--format", fmt, "-o", str(out), *saves]) == 0
        assert "4 attempts, 3 trainees" in capsys.readouterr().out
    assert len(list(csv.DictReader(io.StringIO(tmp_path.joinpath("r.csv").read_text("utf-8-sig"))))) == 4
    assert json.loads(tmp_path.joinpath("r.json").read_text("utf-8"))["summary"]["pass_rate"] == 0.5
    statements = json.loads(tmp_path.joinpath("r.xapi").read_text("utf-8"))
    assert {s["verb"]["id"].rsplit("/", 1)[1] for s in statements} == {
        "initialized",
        "answered",
        "completed",
        "passed",
        "failed",
    }
    assert "<svg" in tmp_path.joinpath("r.html").read_text("utf-8")


def test_report_by_profile_and_by_session(tmp_path, capsys, monkeypatch):
    small_class(tmp_path / "saves")
    monkeypatch.setenv("EUNGDAE_SAVES", str(tmp_path / "saves"))
    out = tmp_path / "one.json"
    assert main(["report", "--profile", "이도윤", "--format", "json", "-o", str(out)]) == 0
    assert list(json.loads(out.read_text("utf-8"))["trainees"]) == ["이도윤"]
    session = tmp_path / "day1.yaml"
    session.write_text(
        "name: 1일차\ndate: 2025-03-03\nmode: exam\npass_mark: 90\nscenarios: [phone-late-delivery]\n",
        "utf-8",
    )
    assert main(["report", "--session", str(session), "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["summary"]["pass_rate"] == 0.25


def test_bad_input_is_a_message_and_exit_1(tmp_path, capsys):
    small_class(tmp_path / "saves")
    saves = ["--saves", str(tmp_path / "saves")]
    out = str(tmp_path / "r.csv")
    assert main(["report", "--profile", "없는사람", "--format", "csv", "-o", out, *saves]) == 1
    assert "no profile '없는사람'" in capsys.readouterr().err
    assert main(["report", "--all", "--format", "csv", "-o", out, "--saves", str(tmp_path / "nope")]) == 1
    assert "저장 폴더가 없습니다" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ndate: 2025-03-03\nmode: exam\nscenarios: [no-such]\n", "utf-8")
    assert main(["report", "--session", str(bad), "--format", "csv", "-o", out, *saves]) == 1
    assert "S002" in capsys.readouterr().err
