"""Lines out to a spreadsheet and back: an edited cell changes exactly its line of YAML, an unchanged
sheet changes nothing, and odd text (quotes, colons, a leading '-') survives the trip."""

from __future__ import annotations

import csv
import difflib
import io
import shutil
from pathlib import Path

import pytest

from game.authoring.lines import apply_edits, export_csv, plan_import, scenario_lines, write_files
from game.scenario.library import BUILTIN_SCENARIOS, load_library
from game.voice.text import synth_text

FILES = [
    BUILTIN_SCENARIOS / "phone" / "late-delivery-call.yaml",
    BUILTIN_SCENARIOS / "face_to_face" / "mixed-up-visitors.yaml",  # a folded (>-) narration
]


class NoAudio:
    def find(self, line):
        return None

    def state(self, line):
        return "missing"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for file in FILES:
        shutil.copy(file, tmp_path / file.name)
    return tmp_path


def export(folder: Path) -> list[list[str]]:
    library = load_library([str(folder)])
    text = export_csv(library.scenarios, NoAudio())
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def import_rows(folder: Path, rows: list[list[str]]) -> int:
    sheet = folder / "lines.csv"
    with open(sheet, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    library = load_library([str(folder)])
    edits, problems = plan_import(str(sheet), library.scenarios)
    assert not problems, [d.format() for d in problems]
    texts, failed = apply_edits(edits)
    assert not failed, [d.format() for d in failed]
    write_files(texts)
    return len(edits)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml"))}


def changed_lines(before: dict[str, str], after: dict[str, str]) -> list[str]:
    out = []
    for name in before:
        diff = difflib.ndiff(before[name].splitlines(), after[name].splitlines())
        out += [f"{name}: {line}" for line in diff if line.startswith(("- ", "+ "))]
    return out


def test_export_has_every_line_with_its_columns(folder):
    rows = export(folder)
    assert rows[0] == [
        "line_id", "scenario", "node", "speaker", "emotion", "text", "synth_text", "audio_file", "audio_status"
    ]  # fmt: skip
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["phone-late-delivery/complaint/customer"][3:5] == ["customer", "angry"]
    assert by_id["phone-late-delivery/ring/full-greeting"][3] == "trainee"
    assert by_id["phone-late-delivery/ring/full-greeting"][-1] == "not voiced"
    assert by_id["phone-late-delivery/complaint/customer"][-1] == "missing"
    # the synthesiser's text is the voice layer's (pronunciation for the offline voice), trainee lines none
    late = load_library([str(folder)]).get("phone-late-delivery")
    spoken = {line.line_id: line for line in late.spoken_lines()}
    assert by_id["phone-late-delivery/ring/narration"][6] == synth_text(
        spoken["phone-late-delivery/ring/narration"]
    )
    assert by_id["phone-late-delivery/ring/full-greeting"][6] == ""
    total = sum(len(scenario_lines(s)) for s in load_library([str(folder)]).scenarios)
    assert len(rows) - 1 == total


def test_unchanged_sheet_is_a_no_op(folder):
    before = snapshot(folder)
    assert import_rows(folder, export(folder)) == 0
    assert snapshot(folder) == before


@pytest.mark.parametrize(
    ("line_id", "new"),
    [
        ("phone-late-delivery/complaint/customer", "주문한 지 열흘이 넘었는데 아직도 안 왔어요!"),
        ("phone-late-delivery/ring/name-only", '네: 고객센터 "김하늘"입니다. # 주석 아님'),
        ("phone-late-delivery/ring/hello", "- 여보세요?"),
    ],
)
def test_editing_one_cell_changes_exactly_that_line(folder, line_id, new):
    rows = export(folder)
    before = snapshot(folder)
    (row,) = [r for r in rows if r[0] == line_id]
    row[5] = new
    assert import_rows(folder, rows) == 1
    after = snapshot(folder)
    diff = changed_lines(before, after)
    assert len(diff) == 2 and diff[0].startswith("late-delivery-call.yaml: - "), diff
    assert diff[1].startswith("late-delivery-call.yaml: + "), diff
    reloaded = {
        line.line_id: line.text for s in load_library([str(folder)]).scenarios for line in scenario_lines(s)
    }
    assert reloaded[line_id] == new
    assert import_rows(folder, export(folder)) == 0  # and the new sheet imports as a no-op


def test_a_folded_narration_is_rewritten_inside_its_block(folder):
    name = "mixed-up-visitors.yaml"
    before = snapshot(folder)[name].splitlines()
    start = before.index("    narration: >-")  # the block's four indented lines follow
    rows = export(folder)
    (row,) = [r for r in rows if r[0] == "f2f-mixed-up-visitors/desk/narration"]
    row[5] = row[5].replace("오후 3시 5분", "오후 3시 7분")
    assert import_rows(folder, rows) == 1
    after = snapshot(folder)[name].splitlines()
    assert after[: start + 1] == before[: start + 1] and after[start + 5 :] == before[start + 5 :]
    reloaded = load_library([str(folder)]).get("f2f-mixed-up-visitors").nodes["desk"].narration
    assert reloaded == row[5]


def test_comments_survive(folder):
    before = snapshot(folder)["late-delivery-call.yaml"]
    rows = export(folder)
    for r in rows[1:]:
        if r[0] == "phone-late-delivery/complaint/customer":
            r[5] = "수정된 대사입니다."
    import_rows(folder, rows)
    after = snapshot(folder)["late-delivery-call.yaml"]
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(c in after.splitlines() for c in comments)


def test_unknown_line_ids_are_positioned_errors(folder):
    rows = export(folder)
    rows[3][0] = "phone-late-delivery/no-such-node/customer"
    sheet = folder / "lines.csv"
    with open(sheet, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    _, problems = plan_import(str(sheet), load_library([str(folder)]).scenarios)
    assert [d.format().split(" — ")[0] for d in problems] == [
        f"{sheet}:4:1: error: E602 no line 'phone-late-delivery/no-such-node/customer' in the scenarios loaded"
    ]


def test_a_cp949_sheet_is_named_as_such(folder):
    sheet = folder / "lines.csv"
    sheet.write_bytes("line_id,text\nx,안녕\n".encode("cp949"))
    _, problems = plan_import(str(sheet), [])
    assert problems[0].code == "E601" and "CSV UTF-8" in problems[0].hint
