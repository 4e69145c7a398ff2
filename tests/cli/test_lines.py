"""`eungdae lines export|import` as a proofreader's round trip: exit codes and what is written."""

from __future__ import annotations

import shutil

from game.cli import main
from game.scenario.library import BUILTIN_SCENARIOS

SCENARIO = BUILTIN_SCENARIOS / "phone" / "late-delivery-call.yaml"


def test_round_trip_through_the_command_line(tmp_path, capsys):
    mine = tmp_path / "mine"
    mine.mkdir()
    shutil.copy(SCENARIO, mine / "call.yaml")
    (mine / "call.yaml").write_text(
        (mine / "call.yaml").read_text(encoding="utf-8").replace("id: phone-late-delivery", "id: my-call", 1),
        encoding="utf-8",
    )
    sheet = tmp_path / "lines.csv"
    assert main(["lines", "export", str(mine / "call.yaml"), "-o", str(sheet)]) == 0
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # Excel's UTF-8 CSV
    before = (mine / "call.yaml").read_text(encoding="utf-8")
    assert main(["lines", "import", str(sheet), "--scenarios", str(mine)]) == 0
    assert "changed 0 line(s)" in capsys.readouterr().out
    assert (mine / "call.yaml").read_text(encoding="utf-8") == before
    text = raw.decode("utf-8").replace("주문한 지 일주일이 넘었는데", "주문한 지 열흘이 넘었는데", 1)
    sheet.write_bytes(text.encode("utf-8"))
    assert main(["lines", "import", str(sheet), "--scenarios", str(mine), "--dry-run"]) == 0
    assert "would change 1 line(s)" in capsys.readouterr().out
    assert (mine / "call.yaml").read_text(encoding="utf-8") == before
    assert main(["lines", "import", str(sheet), "--scenarios", str(mine)]) == 0
    after = (mine / "call.yaml").read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(changed) == 1 and "열흘" in changed[0][1]


def test_export_needs_one_scenario_or_all(tmp_path, capsys):
    assert main(["lines", "export", "-o", str(tmp_path / "x.csv")]) == 2
    assert main(["lines", "export", "no-such-id", "-o", str(tmp_path / "x.csv")]) == 1
    assert main(["lines", "export", "--all", "-o", str(tmp_path / "all.csv")]) == 0
    assert "phone-late-delivery/complaint/customer" in (tmp_path / "all.csv").read_text(encoding="utf-8-sig")
