"""`eungdae lines export|import`: every line to a spreadsheet for proofreading and recording, and the
corrected text back into the YAML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.authoring.lines import apply_edits, export_csv, plan_import, write_files
from game.resources import with_builtin
from game.scenario.library import load_library


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lines", help="대사 내보내기/가져오기 (교정·녹음용 CSV)")
    group = p.add_subparsers(dest="lines_command", metavar="export|import", required=True)

    e = group.add_parser("export", help="대사를 CSV로 (UTF-8 BOM, 엑셀에서 열림)")
    e.add_argument("scenario", nargs="?", help="scenario id or file")
    e.add_argument("--all", action="store_true", help="every scenario in the library")
    e.add_argument("-o", "--output", required=True, help="the CSV file to write")
    e.add_argument("--scenarios", action="append", help="folders or files to add to the built-in library")
    e.set_defaults(func=cmd_export)

    i = group.add_parser("import", help="고친 CSV의 대사를 YAML에 반영 (주석과 배치 유지)")
    i.add_argument("sheet", help="a CSV written by 'lines export' and edited")
    i.add_argument("--scenarios", action="append", help="folders or files to add to the built-in library")
    i.add_argument("--dry-run", action="store_true", help="list the changes, write nothing")
    i.set_defaults(func=cmd_import)


def _library(args: argparse.Namespace, extra: list[str] | None = None):
    library = load_library(with_builtin([*(args.scenarios or []), *(extra or [])]))
    for d in library.errors:
        print(d.format(), file=sys.stderr)
    return library


def cmd_export(args: argparse.Namespace) -> int:
    if bool(args.scenario) == bool(args.all):
        print("error: give one scenario id (or file), or --all", file=sys.stderr)
        return 2
    is_file = args.scenario and args.scenario.endswith((".yaml", ".yml"))
    library = _library(args, [args.scenario] if is_file else None)
    if args.all:
        scenarios = library.scenarios
    else:
        wanted = Path(args.scenario).resolve() if is_file else None
        scenarios = [
            s
            for s in library.scenarios
            if (Path(s.path).resolve() == wanted if wanted else s.id == args.scenario)
        ]
        if not scenarios:
            print(f"error: no scenario '{args.scenario}' could be loaded", file=sys.stderr)
            return 1
    from game.voice.cache import VoiceCache
    from game.voice.service import VoiceService

    text = export_csv(scenarios, VoiceService(VoiceCache()))
    Path(args.output).write_text(text, encoding="utf-8", newline="")
    rows = text.count("\r\n") - 1
    print(f"wrote {args.output}: {rows} line(s) of {len(scenarios)} scenario(s)")
    return 1 if library.errors and args.all else 0


def cmd_import(args: argparse.Namespace) -> int:
    library = _library(args)
    edits, problems = plan_import(args.sheet, library.scenarios)
    texts, failed = apply_edits(edits) if not problems else ({}, [])
    for d in problems + failed:
        print(d.format(), file=sys.stderr)
    if problems or failed:
        print("nothing written: fix the rows above and import again", file=sys.stderr)
        return 1
    for edit in edits:
        print(f"{edit.file}: {edit.line_id}: {edit.old} → {edit.new}")
    if not args.dry_run:
        write_files(texts)
    verb = "would change" if args.dry_run else "changed"
    print(f"{verb} {len(edits)} line(s) in {len(texts)} file(s)")
    return 0
