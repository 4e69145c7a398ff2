"""`eungdae assess`: one sentence, or one per stdin line with one JSON object per line."""

import io
import json

from game.cli import main


def test_assess_json_has_the_documented_fields(capsys):
    assert main(["assess", "커피 나오셨습니다. 고객님, 일단 진정하시고요", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["speech_level"] == "haeyo"
    assert result["honorific"] is True
    assert result["apology"] is False and result["cushion"] is False and result["blame"] is False
    assert result["forbidden"] == ["calm_down_order", "honorific_error"]
    assert [(e["text"], e["start"], e["end"]) for e in result["honorific_errors"]] == [("커피 나오셨", 0, 6)]
    calm = next(f for f in result["findings"] if f["kind"] == "calm_down")
    assert calm["rule"] == "calm_down_order" and calm["principle"] == "customer_perspective"


def test_assess_reads_one_sentence_per_line(capsys, monkeypatch):
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("감사합니다. 한빛쇼핑 고객센터 김하늘입니다.\n\n그건 안 돼요.\n")
    )
    assert main(["assess", "-", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    first, second = (json.loads(line) for line in lines)
    assert first["thanks"] and first["self_intro"] and first["forbidden"] == []
    assert second["forbidden"] == ["flat_refusal"]
    assert "고객센터" in lines[0]  # ensure_ascii=False: Korean stays readable


def test_assess_prints_a_readable_summary(capsys):
    assert main(["assess", "죄송하지만 잠시만 기다려 주시겠어요?"]) == 0
    out = capsys.readouterr().out
    assert "해요체" in out and "cushion" in out
