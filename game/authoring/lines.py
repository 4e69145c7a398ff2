"""Every line of a scenario out to a spreadsheet and corrected text back into its YAML.

A proofreader or a voice actor works in Excel, not in YAML. ``export_rows`` gives one row per line,
keyed by its stable line id; ``plan_import`` finds the rows whose text changed and rewrites exactly the
span of that scalar in the source file, so comments, key order and layout stay as the trainer wrote
them, and an unchanged export imports as a no-op. Each rewrite is checked by parsing the result: the
edited value must read back as the new text and nothing else in the file may change.
"""

from __future__ import annotations

import csv
import io
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from game.progress.reports.csv import cell, uncell
from game.scenario.diagnostics import Diagnostic
from game.scenario.model import Pos, Scenario, SpokenLine
from game.scenario.source import read_text

COLUMNS = (
    "line_id",
    "scenario",
    "node",
    "speaker",
    "emotion",
    "text",
    "synth_text",
    "audio_file",
    "audio_status",
)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def synth_text(line: SpokenLine) -> str:
    """What the synthesiser is given for a line (the voice layer's answer: no stage directions, and the
    pronunciation the offline voice reads); empty for a line shown only as a subtitle."""
    from game.voice.text import synth_text as voice_text

    return voice_text(line)


@dataclass(frozen=True)
class Line:
    """One line of a scenario and where its text lives in the YAML."""

    line_id: str
    scenario: Scenario
    node: str
    speaker: str  # customer | narrator | trainee
    emotion: str
    text: str
    path: tuple  # keys into the YAML document
    spoken: SpokenLine | None  # None for the trainee's own lines, which are not voiced


def scenario_lines(scenario: Scenario) -> list[Line]:
    """Every line in file order: narration, the customer, each option the trainee may say, reactions."""
    spoken = {line.line_id: line for line in scenario.spoken_lines()}
    out: list[Line] = []
    for node in scenario.nodes.values():
        base = ("nodes", node.id)

        def add(local: str, speaker: str, text: str, path: tuple, _node=node) -> None:
            line_id = f"{scenario.id}/{local}"
            voiced = spoken.get(line_id)
            emotion = voiced.emotion if voiced else (_node.emotion or "")
            out.append(Line(line_id, scenario, _node.id, speaker, emotion, text, path, voiced))

        if node.narration:
            add(node.narration_line_id, "narrator", node.narration, (*base, "narration"))
        if node.customer:
            add(node.customer_line_id, "customer", node.customer, (*base, "customer"))
        for index, choice in enumerate(node.choices):
            here = (*base, "choices", index)
            add(f"{node.id}/{choice.id}", "trainee", choice.say, (*here, "say"))
            if choice.reaction:
                add(f"{node.id}/{choice.id}/reaction", "customer", choice.reaction, (*here, "reaction"))
    return out


def export_csv(scenarios: list[Scenario], audio: Any | None) -> str:
    """The sheet as text: UTF-8 with a byte-order mark so Excel opens Korean as Korean.

    ``audio`` answers ``find(line)`` and ``state(line)`` (the voice service); ``None`` leaves the audio
    columns empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for scenario in scenarios:
        for line in scenario_lines(scenario):
            file, state = "", "not voiced"
            if line.spoken is not None and audio is not None:
                found = audio.find(line.spoken)
                file, state = (str(found) if found else ""), audio.state(line.spoken)
            writer.writerow(
                [
                    cell(line.line_id),
                    cell(scenario.id),
                    cell(line.node),
                    line.speaker,
                    line.emotion,
                    cell(line.text),
                    cell(synth_text(line.spoken) if line.spoken else ""),
                    cell(file),
                    state,
                ]
            )
    return "\ufeff" + buffer.getvalue()


@dataclass(frozen=True)
class Edit:
    line_id: str
    file: str
    old: str
    new: str
    path: tuple  # keys into the YAML document


def read_sheet(path: str) -> tuple[list[tuple[int, str, str]], list[Diagnostic]]:
    """(row number, line id, text) of each row; CSV problems as diagnostics at ``path:row:1``."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        return [], [
            Diagnostic("E601", f"cannot read the sheet ({exc.strerror})", "check the path", Pos(path, 1, 1))
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        hint = "in Excel use Save As → 'CSV UTF-8 (쉼표로 분리)', not plain CSV (which is CP949)"
        return [], [Diagnostic("E601", "the sheet is not UTF-8", hint, Pos(path, 1, 1))]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    missing = [c for c in ("line_id", "text") if c not in header]
    if missing:
        return [], [
            Diagnostic(
                "E601",
                f"the sheet has no {' or '.join(repr(m) for m in missing)} column",
                "keep the header row of 'eungdae lines export'",
                Pos(path, 1, 1),
            )
        ]
    id_col, text_col = header.index("line_id"), header.index("text")
    rows = []
    for number, row in enumerate(reader, 2):
        if not any(row):
            continue
        if len(row) <= max(id_col, text_col):
            return rows, [
                Diagnostic(
                    "E601", "a row with too few cells", "keep one cell per column", Pos(path, number, 1)
                )
            ]
        rows.append((number, uncell(row[id_col]), uncell(row[text_col])))
    return rows, []


def plan_import(sheet: str, scenarios: list[Scenario]) -> tuple[list[Edit], list[Diagnostic]]:
    """The edits a sheet asks for: rows whose text differs from the scenario's. Unknown ids are errors."""
    rows, problems = read_sheet(sheet)
    if problems:
        return [], problems
    lines = {line.line_id: line for s in scenarios for line in scenario_lines(s)}
    edits: list[Edit] = []
    for number, line_id, text in rows:
        line = lines.get(line_id)
        if line is None:
            problems.append(
                Diagnostic(
                    "E602",
                    f"no line '{line_id}' in the scenarios loaded",
                    "line ids change when a node or option id is renamed: export again",
                    Pos(sheet, number, 1),
                )
            )
            continue
        if text == line.text:
            continue
        if not text.strip():
            problems.append(
                Diagnostic(
                    "E603",
                    f"the text of '{line_id}' is empty",
                    "write the line, or leave the row as exported",
                    Pos(sheet, number, 1),
                )
            )
            continue
        edits.append(Edit(line_id, line.scenario.path, line.text, text, line.path))
    return edits, problems


def _node_at(root: yaml.Node, path: tuple) -> yaml.Node:
    node = root
    for key in path:
        if isinstance(node, yaml.MappingNode):
            node = next(v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key)
        else:
            node = node.value[key]
    return node


def _renderings(node: yaml.ScalarNode, text: str, source: str) -> list[str]:
    """The new scalar in the original's style first, then styles that are always safe."""
    styles: list[str] = []
    one_line = "\n" not in text
    if node.style is None and one_line:
        styles.append(text)
    if node.style == "'" and one_line:
        styles.append("'" + text.replace("'", "''") + "'")
    if node.style in (">", "|") and one_line:
        header = source[node.start_mark.index :].split("\n", 1)[0]
        body = source[node.start_mark.index + len(header) + 1 : node.end_mark.index]
        first = next((x for x in body.split("\n") if x.strip()), "")
        indent = first[: len(first) - len(first.lstrip())]
        width = max((len(x.strip()) for x in body.split("\n")), default=60)
        wrapped = textwrap.wrap(text, width=max(width, 20)) if node.style == ">" else [text]
        tail = body[len(body.rstrip("\n")) :]
        styles.append(header + "\n" + "\n".join(indent + part for part in wrapped) + (tail or "\n"))
    styles.append('"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"')
    return styles


def _set(data: Any, path: tuple, value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def apply_edits(edits: list[Edit]) -> tuple[dict[str, str], list[Diagnostic]]:
    """New file texts by path. Each file is rewritten span by span and must read back as the old data
    with exactly the edited values changed; otherwise that edit is reported and the file left alone."""
    out: dict[str, str] = {}
    problems: list[Diagnostic] = []
    by_file: dict[str, list[Edit]] = {}
    for edit in edits:
        by_file.setdefault(edit.file, []).append(edit)
    for file, mine in by_file.items():
        source, errors = read_text(file)
        if source is None:
            problems.extend(errors)
            continue
        root = yaml.compose(source, Loader=_Loader)
        expected = yaml.load(source, Loader=_Loader)
        spans = []
        for edit in mine:
            node = _node_at(root, edit.path)
            _set(expected, edit.path, edit.new)
            spans.append((node, edit))
        text = source
        for node, edit in sorted(spans, key=lambda pair: -pair[0].start_mark.index):
            for candidate in _renderings(node, edit.new, source):
                trial = text[: node.start_mark.index] + candidate + text[node.end_mark.index :]
                try:
                    value = _node_at(yaml.compose(trial, Loader=_Loader), edit.path)
                except (yaml.YAMLError, StopIteration, IndexError):
                    continue
                if (
                    isinstance(value, yaml.ScalarNode)
                    and value.tag.endswith(":str")
                    and value.value == edit.new
                ):
                    text = trial
                    break
        try:
            same = yaml.load(text, Loader=_Loader) == expected
        except yaml.YAMLError:
            same = False
        if not same:
            first = min(spans, key=lambda pair: pair[0].start_mark.index)[0]
            problems.append(
                Diagnostic(
                    "E604",
                    "the corrected text could not be written without changing other values",
                    "edit this line in the YAML by hand",
                    Pos(file, first.start_mark.line + 1, first.start_mark.column + 1),
                )
            )
            continue
        out[file] = text
    return out, problems


def write_files(texts: dict[str, str]) -> None:
    """Byte for byte as read apart from the edits: a byte-order mark and CRLF line ends stay."""
    for file, text in texts.items():
        bom = b"\xef\xbb\xbf" if Path(file).read_bytes().startswith(b"\xef\xbb\xbf") else b""
        Path(file).write_bytes(bom + text.encode("utf-8"))
