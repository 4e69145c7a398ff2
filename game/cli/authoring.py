"""Commands for trainers who write scenarios: validate, lint, analyze, schema."""

from __future__ import annotations

import argparse
import json
import sys

from game.authoring.lint import lint_scenario
from game.cli.output import write_output
from game.engine.analysis import analyze
from game.engine.coverage import coverage_table, uncovered
from game.resources import with_builtin
from game.scenario.diagnostics import Diagnostic
from game.scenario.library import Library, load_library, rubric_key
from game.scenario.model import Pos, Scenario
from game.scenario.schema import schema_json
from game.voice.build import AudioProblem, audio_diagnostics, take_problems
from game.voice.takes import CHANGED, RecordedTakes


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="시나리오 파일 검사 (오류: path:line:col)")
    p.add_argument("paths", nargs="*", help="files or folders (default: the built-in scenarios/)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("lint", help="검사 + 교육적으로 약한 부분 경고")
    p.add_argument("paths", nargs="*")
    p.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too (they stay labelled warnings)"
    )
    p.set_defaults(func=cmd_lint)

    p = sub.add_parser("analyze", help="경로·엔딩·최고/최저 점수 분석")
    p.add_argument("paths", nargs="*")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("coverage", help="원칙별로 어떤 시나리오·결정이 다루는지 표로 출력")
    p.add_argument("paths", nargs="*", help="only these files or folders (default: the built-in scenarios/)")
    p.add_argument("--scenarios", action="append", help="folders or files to add to the built-in library")
    p.add_argument("-o", "--output", help="write the Markdown table here (default: print)")
    p.add_argument("--check", action="store_true", help="exit 1 if a principle is exercised nowhere")
    p.set_defaults(func=cmd_coverage)

    p = sub.add_parser("schema", help="시나리오 파일의 JSON Schema 출력")
    p.set_defaults(func=cmd_schema)


def _emit(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.format(), file=sys.stderr)


def _load(paths: list[str]) -> Library:
    return load_library(paths or None)


def cmd_validate(args: argparse.Namespace) -> int:
    library = _load(args.paths)
    errors = library.errors
    _emit(errors)
    if errors:
        print(f"{len(errors)} error(s) in {len({e.pos.path for e in errors})} file(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(library.scenarios)} scenario(s) valid")
    return 0


def lint_library(library: Library) -> list[Diagnostic]:
    found = list(library.diagnostics)
    for scenario in library.scenarios:
        found.extend(lint_scenario(scenario, library.rubric_for(scenario)))
    found.extend(audio_lint(library.scenarios))
    return sorted(found, key=Diagnostic.sort_key)


def audio_lint(scenarios: list[Scenario], takes: RecordedTakes | None = None) -> list[Diagnostic]:
    """Stale audio and takes that do not match their line are warnings per line; audio not built yet
    is one note per scenario."""
    out: list[Diagnostic] = []
    missing: dict[str, list[AudioProblem]] = {}
    for problem in audio_diagnostics(scenarios):
        if problem.kind == "stale":
            out.append(
                Diagnostic(
                    "W408",
                    f"line '{problem.line_id}' changed after its audio was made",
                    "run 'eungdae voices build' to rebuild it",
                    problem.pos or Pos("<voices>", 1, 1),
                )
            )
        else:
            missing.setdefault(problem.line_id.split("/", 1)[0], []).append(problem)
    for take, pos in take_problems(scenarios, takes):
        if take.kind == CHANGED:
            message = (
                f"the recorded take of '{take.line_id}' was made for another text: «{take.recorded_for}»"
            )
            hint = "re-record it, or put the new text in assets/voices/recorded/manifest.json; until then it is synthesised"
        else:
            message = f"the recorded take of '{take.line_id}' is not in assets/voices/recorded/manifest.json"
            hint = 'add "<line id>": {"text": "<what the take says>"} so a later edit of the line is noticed'
        out.append(Diagnostic("W421", message, hint, pos or Pos("<voices>", 1, 1)))
    for scenario in scenarios:
        if scenario.id in missing:
            count = len(missing[scenario.id])
            out.append(
                Diagnostic(
                    "N407",
                    f"{count} line(s) of '{scenario.id}' have no voice audio yet",
                    "run 'eungdae voices build' (the game also builds them in the background)",
                    scenario.pos or Pos(scenario.path, 1, 1),
                )
            )
    return out


def cmd_lint(args: argparse.Namespace) -> int:
    library = _load(args.paths)
    found = lint_library(library)
    _emit(found)
    warnings = [d for d in found if d.severity == "warning"]
    failing = library.errors + (warnings if args.strict else [])
    summary = (
        f"{len(library.scenarios)} scenario(s): {len(library.errors)} error(s), {len(warnings)} warning(s)"
    )
    print(summary + (" (--strict: warnings fail)" if args.strict and warnings else ""))
    return 1 if failing else 0


def cmd_analyze(args: argparse.Namespace) -> int:
    library = _load(args.paths)
    _emit(library.errors)
    reports = [analyze(s, library.rubric_for(s)) for s in library.scenarios]
    if args.json:
        print(json.dumps([r.to_json() for r in reports], ensure_ascii=False, indent=2))
    else:
        for r in reports:
            reach = f"{len(r.reachable_endings)}/{len(r.endings)}"
            exact = "" if r.worst_exact else " (beam search: a real path, possibly not the very worst)"
            print(f"{r.id} [{r.category}] {r.title}")
            print(
                f"  nodes {r.nodes}, decisions {r.decisions}, endings reachable {reach}, paths {r.paths or 'many'}"
            )
            print(f"  best  {r.best.score:5.1f}  path {','.join(r.best.ids)} → {r.best.ending}")
            print(f"  worst {r.worst.score:5.1f}  path {','.join(r.worst.ids)} → {r.worst.ending}{exact}")
            print(f"  dimensions exercised: {', '.join(r.dimensions)}")
    return 1 if library.errors else 0


def cmd_coverage(args: argparse.Namespace) -> int:
    library = _load(
        [*args.paths, *(args.scenarios or [])] if args.paths else with_builtin(args.scenarios) or []
    )
    _emit(library.errors)
    if not library.scenarios:
        return 1
    by_rubric: dict[str, list[Scenario]] = {}
    for scenario in library.scenarios:
        by_rubric.setdefault(rubric_key(scenario), []).append(scenario)
    tables, missing = [], []
    for key, scenarios in by_rubric.items():
        rubric = library.rubrics[key]
        tables.append(coverage_table(scenarios, rubric))
        missing += uncovered(scenarios, rubric)
    text = "\n".join(tables)
    if args.output:
        problem = write_output(args.output, text)
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 1
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    if missing:
        print(f"not exercised by any scenario: {', '.join(missing)}", file=sys.stderr)
    return 1 if library.errors or (args.check and missing) else 0


def cmd_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_json())
    return 0
