"""`eungdae test`: run trainers' transcript tests (``*.test.yaml``) like a test runner."""

from __future__ import annotations

import argparse
import sys

from game.authoring.transcripts import TranscriptFile, check_case, describe, load_tests, transcript_files
from game.scenario.diagnostics import ScenarioError
from game.scenario.library import BUILTIN_SCENARIOS, load_one


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("test", help="시나리오의 대화 기록 테스트(*.test.yaml) 실행")
    p.add_argument(
        "paths",
        nargs="*",
        help="test files, scenario files (their .test.yaml beside them) or folders (default: scenarios/)",
    )
    p.set_defaults(func=cmd_test)


def _run_file(tests: TranscriptFile) -> tuple[int, int]:
    """Print one line per case (and a diff under a failure); return (passed, failed)."""
    try:
        scenario, rubric = load_one(tests.scenario)
    except ScenarioError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
        print(f"ERROR {tests.path}: the scenario has errors; {len(tests.cases)} case(s) not run")
        return 0, len(tests.cases)
    passed = failed = 0
    for case in tests.cases:
        outcome = check_case(scenario, rubric, case)
        if outcome.ok:
            passed += 1
            print(f"PASS {scenario.id}: {case.name}")
        else:
            failed += 1
            print(f"FAIL {scenario.id}: {case.name}")
            for line in describe(outcome, tests.path):
                print(line)
    return passed, failed


def cmd_test(args: argparse.Namespace) -> int:
    files = transcript_files(args.paths or [str(BUILTIN_SCENARIOS)])
    if not files:
        print("no transcript tests (*.test.yaml) found", file=sys.stderr)
        return 1
    passed = failed = broken = 0
    for path in files:
        tests, problems = load_tests(path)
        for d in problems:
            print(d.format(), file=sys.stderr)
        if tests is None:
            broken += 1
            continue
        ok, bad = _run_file(tests)
        passed, failed = passed + ok, failed + bad
    summary = f"{passed} passed, {failed} failed"
    if broken:
        summary += f", {broken} test file(s) with errors"
    print(summary)
    return 1 if failed or broken else 0
